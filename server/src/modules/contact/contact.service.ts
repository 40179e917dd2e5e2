import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { visibleTo } from '../../common/auth/visibility';
import { assertUuid } from '../../common/database/assert-uuid';
import { Connection } from '../../common/database/connection';
import { KeysetSort, keysetPage } from '../../common/database/keyset';
import { definedOnly, versionedUpdate } from '../../common/database/versioned-update';
import { badField, badInput, conflict, notFound } from '../../common/graphql/errors';
import { setArchived } from '../audit/archive';
import { diffFields, recordAudit } from '../audit/audit';
import { Organisation } from '../organisation/organisation.entity';
import { Affiliation } from './affiliation.entity';
import { ConsentRecord } from './consent-record.entity';
import { Contact } from './contact.entity';
import { ConsentChannel } from './contact.enums';
import { contactNoEngagementSinceSql, withoutLawfulBasisSql } from './contact-quality';
import { AffiliationInput, ConsentInput, ContactsArgs, CreateContactInput, UpdateContactInput, UpdateAffiliationInput } from './dto/contact.input';
import { now } from '../../common/dates/clock';

// Identical to the indexed expression contacts_search_trgm_idx.
export const CONTACT_SEARCH_SQL = `(c.first_name || ' ' || c.last_name || ' ' || bce_join_text(c.emails))`;
/** Contacts sort by surname, then first name, case-folded (contacts_name_sort_idx). */
export const CONTACT_NAME_SQL = `lower(c.last_name || ' ' || c.first_name)`;
export const CONTACT_SORT: KeysetSort = { key: `${CONTACT_NAME_SQL} COLLATE "C"`, keyAsText: CONTACT_NAME_SQL, cast: '::text COLLATE "C"' };
/** Contacts `c` whose name or an email holds `search` (a literal substring, not a pattern). */
export const contactMatches = (search: string): [string, Record<string, unknown>] =>
  [`${CONTACT_SEARCH_SQL} ILIKE :contactLike`, { contactLike: `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` }];
const AUDITED = ['firstName', 'lastName', 'emails', 'phones', 'jobTitle', 'preferredChannel', 'lawfulBasis', 'lawfulBasisEvidence', 'lawfulBasisOn', 'marketingOptIn', 'tags', 'ownerId'] as const;
const CONSENT_AUDITED = ['purpose', 'method', 'channel', 'givenAt'] as const;
const AFFILIATION_AUDITED = ['contactId', 'organisationId', 'role', 'fromDate', 'toDate', 'isPrimary'] as const;

@Injectable()
export class ContactService {
  constructor(private readonly db: DataSource) {}

  async list(user: AuthUser, args: ContactsArgs): Promise<Connection<Contact>> {
    return keysetPage(this.filtered(user, args), CONTACT_SORT, args);
  }

  /** The live contacts matching the search and filter, unordered: the list and its export share it. */
  filtered(user: AuthUser, args: Pick<ContactsArgs, 'search' | 'organisationId' | 'filter'>): SelectQueryBuilder<Contact> {
    const q = this.db.getRepository(Contact).createQueryBuilder('c');
    if (args.search) q.andWhere(...contactMatches(args.search));
    if (args.organisationId) {
      q.andWhere('EXISTS (SELECT 1 FROM affiliations a WHERE a.contact_id = c.id AND a.organisation_id = :org AND a.deleted_at IS NULL)', { org: args.organisationId });
    }
    if (args.filter?.withoutLawfulBasis) q.andWhere(withoutLawfulBasisSql('c'));
    if (args.filter?.noEngagementSince) {
      q.andWhere(...contactNoEngagementSinceSql('c', user, 'noEngagementSince')).setParameter('noEngagementSince', args.filter.noEngagementSince);
    }
    return q;
  }

  findById(id: string): Promise<Contact | null> {
    assertUuid(id, 'id');
    return this.db.getRepository(Contact).findOne({ where: { id } });
  }

  async create(user: AuthUser, input: CreateContactInput): Promise<Contact> {
    const { organisationId, role, ...fields } = input;
    return this.db.transaction(async (tx) => {
      const ownerId = fields.ownerId === undefined ? user.id : fields.ownerId;
      await this.assertEmailsFree(tx, fields.emails ?? [], null);
      const repo = tx.getRepository(Contact);
      const contact = await repo.save(repo.create({
        ...fields, ownerId, emails: [...new Set(fields.emails ?? [])], phones: fields.phones ?? [], tags: [...new Set(fields.tags ?? [])],
      }));
      await recordAudit(tx, { actorId: user.id, entityType: 'contact', entityId: contact.id, action: 'create', changes: diffFields(null, contact, AUDITED) });
      if (organisationId) {
        await this.insertAffiliation(tx, user, { contactId: contact.id, organisationId, role, isPrimary: true, fromDate: null, toDate: null });
      }
      return contact;
    });
  }

  async update(user: AuthUser, id: string, version: number, input: UpdateContactInput): Promise<Contact> {
    assertUuid(id, 'id');
    const { organisationId: _o, role: _r, ...fields } = input;
    const cleared = (['firstName', 'lastName'] as const).filter((k) => fields[k] === null);
    if (cleared.length) throw badInput(cleared.map((field) => ({ field, messages: [`${field} cannot be cleared`] })));
    return this.db.transaction(async (tx) => {
      const before = await tx.getRepository(Contact).findOne({ where: { id } });
      if (!before) throw notFound('Contact', id);
      if (before.erasedAt) throw conflict('This person was erased: the record cannot be edited');
      if (fields.emails) await this.assertEmailsFree(tx, fields.emails, id);
      const changes = definedOnly(fields);
      if (changes.emails) changes.emails = [...new Set(changes.emails as string[])];
      if (changes.tags) changes.tags = [...new Set(changes.tags as string[])];
      const after = await versionedUpdate(tx, Contact, 'Contact', id, version, changes);
      await recordAudit(tx, { actorId: user.id, entityType: 'contact', entityId: id, action: 'update', changes: diffFields(before, after, AUDITED) });
      return after;
    });
  }

  async archive(user: AuthUser, id: string): Promise<Contact> {
    assertUuid(id, 'id');
    return this.db.transaction(async (tx) => {
      if (!(await setArchived(tx, 'contact', id, true, user.id))) throw notFound('Contact', id);
      return tx.getRepository(Contact).findOneOrFail({ where: { id }, withDeleted: true });
    });
  }

  addAffiliation(user: AuthUser, input: AffiliationInput): Promise<Affiliation> {
    return this.db.transaction((tx) => this.insertAffiliation(tx, user, input));
  }

  async updateAffiliation(user: AuthUser, id: string, version: number, input: UpdateAffiliationInput): Promise<Affiliation> {
    assertUuid(id, 'id');
    return this.db.transaction(async (tx) => {
      const before = await tx.getRepository(Affiliation).findOne({ where: { id } });
      if (!before) throw notFound('Affiliation', id);
      const merged = { ...before, ...definedOnly(input) } as Affiliation;
      assertDates(merged.fromDate, merged.toDate);
      if (input.isPrimary) await tx.query('UPDATE affiliations SET is_primary = false WHERE contact_id = $1 AND id <> $2', [before.contactId, id]);
      const after = await versionedUpdate(tx, Affiliation, 'Affiliation', id, version, definedOnly(input));
      await recordAudit(tx, { actorId: user.id, entityType: 'affiliation', entityId: id, action: 'update', changes: diffFields(before, after, AFFILIATION_AUDITED) });
      return after;
    });
  }

  /** Consent given, with its audit event (shown in the person's History) in the same transaction. */
  async recordConsent(user: AuthUser, input: ConsentInput): Promise<ConsentRecord> {
    if (!(await this.findById(input.contactId))) throw badField('contactId', 'contactId must be an existing contact');
    return this.db.transaction(async (tx) => {
      const repo = tx.getRepository(ConsentRecord);
      const record = await repo.save(repo.create({
        contactId: input.contactId, purpose: input.purpose, method: input.method, channel: input.channel ?? ConsentChannel.unspecified, givenAt: input.givenAt ? new Date(input.givenAt) : now(), recordedBy: user.id,
      }));
      await recordAudit(tx, { actorId: user.id, entityType: 'consent', entityId: record.id, action: 'create', changes: diffFields(null, record, CONSENT_AUDITED) });
      return record;
    });
  }

  async withdrawConsent(user: AuthUser, id: string): Promise<ConsentRecord> {
    assertUuid(id, 'id');
    return this.db.transaction(async (tx) => {
      const rows = await tx.query('UPDATE consent_records SET withdrawn_at = now() WHERE id = $1 AND withdrawn_at IS NULL RETURNING id', [id]);
      const record = await tx.getRepository(ConsentRecord).findOne({ where: { id } });
      if (!record) throw notFound('Consent record', id);
      if (!rows[1]) throw conflict('Consent was already withdrawn');
      await recordAudit(tx, { actorId: user.id, entityType: 'consent', entityId: id, action: 'update', changes: { purpose: { old: record.purpose, new: record.purpose }, withdrawnAt: { old: null, new: record.withdrawnAt } } });
      return record;
    });
  }

  private async insertAffiliation(tx: EntityManager, user: AuthUser, input: AffiliationInput): Promise<Affiliation> {
    assertDates(input.fromDate ?? null, input.toDate ?? null);
    const organisation = await tx.getRepository(Organisation).createQueryBuilder('o')
      .where('o.id = :id', { id: input.organisationId }).andWhere(...visibleTo('o', user)).getOne();
    if (!organisation) throw badField('organisationId', 'organisationId must be an existing organisation');
    const contact = await tx.getRepository(Contact).findOne({ where: { id: input.contactId } });
    if (!contact) throw badField('contactId', 'contactId must be an existing contact');
    if (input.isPrimary) await tx.query('UPDATE affiliations SET is_primary = false WHERE contact_id = $1', [input.contactId]);
    const repo = tx.getRepository(Affiliation);
    const affiliation = await repo.save(repo.create({
      contactId: input.contactId, organisationId: input.organisationId, role: input.role ?? null,
      fromDate: input.fromDate ?? null, toDate: input.toDate ?? null, isPrimary: input.isPrimary ?? false,
    }));
    await recordAudit(tx, { actorId: user.id, entityType: 'affiliation', entityId: affiliation.id, action: 'create', changes: diffFields(null, affiliation, AFFILIATION_AUDITED) });
    return affiliation;
  }

  /** One person, one record: an email already on another live contact is refused, naming the field. */
  private async assertEmailsFree(tx: EntityManager, emails: string[], exceptId: string | null) {
    if (!emails.length) return;
    const taken = await tx.query('SELECT 1 FROM contacts WHERE emails && $1::text[] AND deleted_at IS NULL AND ($2::uuid IS NULL OR id <> $2) LIMIT 1', [emails, exceptId]);
    if (taken.length) throw badField('emails', 'another contact already has this email address');
  }
}

function assertDates(fromDate: string | null, toDate: string | null) {
  if (fromDate && toDate && toDate < fromDate) throw badField('toDate', 'toDate must be on or after fromDate');
}
