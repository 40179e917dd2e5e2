import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { MANAGERS } from '../../common/auth/roles';
import { Connection } from '../../common/database/connection';
import { KeysetSort, keysetPage } from '../../common/database/keyset';
import { definedOnly, versionedUpdate } from '../../common/database/versioned-update';
import { badField, badInput, conflict, forbidden, notFound } from '../../common/graphql/errors';
import { CreateOrganisationInput, UpdateOrganisationInput } from './dto/organisation.input';
import { OrganisationsArgs } from './dto/organisations.args';
import { Organisation } from './organisation.entity';
import { missingSql, noEngagementSinceSql } from './organisation-quality';
import { OrganisationSortField, RelationshipStage, SortDirection } from './organisation.enums';
import { assertUuid } from '../../common/database/assert-uuid';
import { withUniqueFields } from '../../common/database/unique-violation';
import { seesAllConfidential, visibleTo } from '../../common/auth/visibility';
import { setArchived } from '../audit/archive';
import { organisationEvent, queueWebhookEvent } from '../integrations/webhook-outbox';
import { diffFields, recordAudit } from '../audit/audit';

const UNIQUE_FIELDS: Record<string, [string, string]> = {
  organisations_ch_number_key: ['companiesHouseNumber', 'This Companies House number is already recorded for another organisation'],
};

// Sort keys as SQL; each has a matching (key, id) index so keyset paging is an index range scan.
const SORT_KEYS: Record<OrganisationSortField, string> = {
  [OrganisationSortField.name]: 'lower(o.name) COLLATE "C"',
  [OrganisationSortField.createdAt]: 'o.created_at',
  [OrganisationSortField.updatedAt]: 'o.updated_at',
};
// Timestamps travel in cursors as text so microseconds survive the round trip (a JS Date would drop them).
const KEY_AS_TEXT: Record<OrganisationSortField, string> = {
  [OrganisationSortField.name]: 'lower(o.name)',
  [OrganisationSortField.createdAt]: 'o.created_at::text',
  [OrganisationSortField.updatedAt]: 'o.updated_at::text',
};
const KEY_CAST: Record<OrganisationSortField, string> = {
  [OrganisationSortField.name]: '::text COLLATE "C"',
  [OrganisationSortField.createdAt]: '::timestamptz',
  [OrganisationSortField.updatedAt]: '::timestamptz',
};
export const ORGANISATION_SORTS: Record<OrganisationSortField, KeysetSort> = Object.fromEntries(
  Object.values(OrganisationSortField).map((f) => [f, { key: SORT_KEYS[f], keyAsText: KEY_AS_TEXT[f], cast: KEY_CAST[f] }]),
) as Record<OrganisationSortField, KeysetSort>;
// Identical to the indexed expression in migration OrganisationAliases1733700000000, or the index is not used.
export const ORGANISATION_SEARCH_SQL = `(o.name || ' ' || coalesce(o.legal_name, '') || ' ' || bce_join_text(o.trading_names) || ' ' || bce_join_text(o.aliases) || ' ' || coalesce(o.postcode, '') || ' ' || coalesce(replace(o.postcode, ' ', ''), '') || ' ' || coalesce(o.companies_house_number, '') || ' ' || coalesce(o.website, ''))`;
const AUDITED_FIELDS = [
  'name', 'legalName', 'tradingNames', 'aliases', 'type', 'sector', 'sizeBand', 'legalForm', 'companiesHouseNumber', 'website', 'addressLine1', 'addressLine2',
  'town', 'postcode', 'region', 'relationshipStage', 'relationshipRoles', 'tags', 'ownerId', 'departmentId', 'confidential',
  'companyStatus', 'companyCategory', 'incorporationDate', 'sicCodes', 'headcount', 'turnoverPence', 'balanceSheetPence', 'sizeYear',
  'parentId', 'parentOwnershipPercent',
] as const;
const REQUIRED_ON_UPDATE = ['name', 'type', 'relationshipStage'] as const;

@Injectable()
export class OrganisationService {
  constructor(private readonly db: DataSource) {}

  /** One page of organisations, keyset-paginated on (sort key, id), with the total matching count. */
  async list(user: AuthUser, args: OrganisationsArgs): Promise<Connection<Organisation>> {
    const field = args.orderBy?.field ?? OrganisationSortField.name;
    if (args.filter?.includeArchived && !MANAGERS.includes(user.role)) throw forbidden('Only managers and admins can list archived organisations');
    return keysetPage(this.filtered(user, args), { ...ORGANISATION_SORTS[field], desc: args.orderBy?.direction === SortDirection.desc }, args);
  }

  /** The organisations this user may see matching the search and filter, unordered: the list and its export share it. */
  filtered(user: AuthUser, args: Pick<OrganisationsArgs, 'search' | 'filter'>): SelectQueryBuilder<Organisation> {
    const q = this.db.getRepository(Organisation).createQueryBuilder('o');
    q.andWhere(...visibleTo('o', user));
    const f = args.filter ?? {};
    if (f.includeArchived) q.withDeleted();
    if (args.search) {
      // Substring match on one expression, served by the trigram index organisations_search_trgm_idx.
      const like = `%${args.search.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      q.andWhere(`${ORGANISATION_SEARCH_SQL} ILIKE :like`, { like });
    }
    if (f.types?.length) q.andWhere('o.type IN (:...types)', { types: f.types });
    if (f.stages?.length) q.andWhere('o.relationship_stage IN (:...stages)', { stages: f.stages });
    if (f.ownerId) q.andWhere('o.owner_id = :ownerId', { ownerId: f.ownerId });
    if (f.sectors?.length) q.andWhere('o.sector IN (:...sectors)', { sectors: f.sectors });
    if (f.regions?.length) q.andWhere('o.region IN (:...regions)', { regions: f.regions });
    if (f.roles?.length) q.andWhere('o.relationship_roles && :roles::text[]', { roles: f.roles });
    for (const field of new Set(f.missing ?? [])) q.andWhere(missingSql('o', field));
    if (f.noEngagementSince) q.andWhere(...noEngagementSinceSql('o', user, 'noEngagementSince')).setParameter('noEngagementSince', f.noEngagementSince);
    return q;
  }

  /** An organisation by id, if this user may see it; archived ones only for managers and admins (who may restore them). */
  async findById(user: AuthUser, id: string, tx: EntityManager = this.db.manager): Promise<Organisation | null> {
    assertUuid(id, 'id');
    const [visible, params] = visibleTo('o', user);
    const q = tx.getRepository(Organisation).createQueryBuilder('o').where('o.id = :id', { id }).andWhere(visible, params);
    if (MANAGERS.includes(user.role)) q.withDeleted();
    return q.getOne();
  }

  async create(user: AuthUser, input: CreateOrganisationInput): Promise<Organisation> {
    return withUniqueFields(() => this.db.transaction(async (tx) => {
      const ownerId = input.ownerId === undefined ? user.id : input.ownerId;
      if (ownerId) await this.assertUserExists(tx, ownerId);
      const departmentId = input.departmentId === undefined ? (user.departmentIds[0] ?? null) : input.departmentId;
      await this.assertDepartment(tx, user, departmentId, input.confidential ?? false);
      if (input.parentId) await this.assertParent(tx, null, input.parentId);
      const repo = tx.getRepository(Organisation);
      const created = await repo.save(
        repo.create({
          ...input,
          tradingNames: input.tradingNames ?? [],
          aliases: input.aliases ?? [],
          relationshipRoles: [...new Set(input.relationshipRoles ?? [])],
          tags: [...new Set(input.tags ?? [])],
          relationshipStage: input.relationshipStage ?? RelationshipStage.prospect,
          ownerId,
          departmentId,
          confidential: input.confidential ?? false,
        }),
      );
      await recordAudit(tx, { actorId: user.id, entityType: 'organisation', entityId: created.id, action: 'create', changes: diffFields(null, created, AUDITED_FIELDS) });
      await queueWebhookEvent(tx, 'organisation.created', organisationEvent(created));
      return created;
    }), UNIQUE_FIELDS);
  }

  /**
   * A version-checked UPDATE: it only applies to the version the caller read. Zero rows updated
   * means the record is gone (NOT_FOUND) or someone else saved first (CONFLICT) — never a silent overwrite.
   */
  async update(user: AuthUser, id: string, version: number, input: UpdateOrganisationInput): Promise<Organisation> {
    assertUuid(id, 'id');
    const missing = REQUIRED_ON_UPDATE.filter((k) => input[k] === null);
    if (missing.length) throw badInput(missing.map((field) => ({ field, messages: [`${field} cannot be cleared`] })));
    return withUniqueFields(() => this.db.transaction(async (tx) => {
      const before = await this.findById(user, id, tx);
      if (!before || before.deletedAt) throw notFound('Organisation', id);
      if (input.ownerId) await this.assertUserExists(tx, input.ownerId);
      if (input.parentId) await this.assertParent(tx, id, input.parentId);
      if (input.departmentId !== undefined || input.confidential !== undefined) {
        await this.assertDepartment(tx, user, input.departmentId === undefined ? before.departmentId : input.departmentId, input.confidential ?? before.confidential);
      }
      const changes = definedOnly(input);
      if (changes.tags) changes.tags = [...new Set(changes.tags as string[])];
      if (changes.relationshipRoles) changes.relationshipRoles = [...new Set(changes.relationshipRoles as string[])];
      const after = await versionedUpdate(tx, Organisation, 'Organisation', id, version, changes);
      await recordAudit(tx, { actorId: user.id, entityType: 'organisation', entityId: id, action: 'update', changes: diffFields(before, after, AUDITED_FIELDS) });
      await queueWebhookEvent(tx, 'organisation.updated', organisationEvent(after));
      return after;
    }), UNIQUE_FIELDS);
  }

  async archive(user: AuthUser, id: string): Promise<Organisation> {
    return this.changeArchived(user, id, true);
  }

  async restore(user: AuthUser, id: string): Promise<Organisation> {
    return this.changeArchived(user, id, false);
  }

  private async changeArchived(user: AuthUser, id: string, archived: boolean): Promise<Organisation> {
    assertUuid(id, 'id');
    return this.db.transaction(async (tx) => {
      // Managers see archived records; anyone else must at least be able to see the live one.
      const visible = await tx.getRepository(Organisation).createQueryBuilder('o').withDeleted()
        .where('o.id = :id', { id }).andWhere(...visibleTo('o', user)).getExists();
      if (!visible) throw notFound('Organisation', id);
      if (!(await setArchived(tx, 'organisation', id, archived, user.id))) throw conflict(`Organisation is already ${archived ? 'archived' : 'active'}`);
      return tx.getRepository(Organisation).findOneOrFail({ where: { id }, withDeleted: true });
    });
  }

  /** A confidential organisation needs a department, and staff may only give it one of their own. */
  private async assertDepartment(tx: EntityManager, user: AuthUser, departmentId: string | null, confidential: boolean) {
    if (confidential && !departmentId) throw badField('departmentId', 'departmentId is required for a confidential organisation');
    if (!departmentId) return;
    const rows = await tx.query('SELECT 1 FROM departments WHERE id = $1 AND deleted_at IS NULL', [departmentId]);
    if (!rows.length) throw badField('departmentId', 'departmentId must be an existing department');
    if (confidential && !seesAllConfidential(user) && !user.departmentIds.includes(departmentId)) {
      throw badField('departmentId', 'a confidential organisation must belong to one of your departments');
    }
  }

  /** A parent must be a live organisation, and not this one or one of its own subsidiaries (a group is a tree). */
  private async assertParent(tx: EntityManager, id: string | null, parentId: string) {
    const rows: Array<{ id: string }> = await tx.query(
      `WITH RECURSIVE up AS (
         SELECT id, parent_id, 1 AS depth FROM organisations WHERE id = $1 AND deleted_at IS NULL
         UNION ALL
         SELECT o.id, o.parent_id, up.depth + 1 FROM organisations o JOIN up ON o.id = up.parent_id WHERE up.depth < 50
       ) SELECT id FROM up`, [parentId]);
    if (!rows.length) throw badField('parentId', 'parentId must be an existing organisation');
    if (id && rows.some((r) => r.id === id)) throw badField('parentId', 'parentId cannot be this organisation or one of its subsidiaries');
  }

  private async assertUserExists(tx: EntityManager, userId: string) {
    const rows = await tx.query('SELECT 1 FROM users WHERE id = $1 AND deleted_at IS NULL', [userId]);
    if (!rows.length) throw badField('ownerId', 'ownerId must be an existing user');
  }
}
