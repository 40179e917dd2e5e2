import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { AuditEvent } from '../../modules/audit/audit-event.entity';
import { Affiliation } from '../../modules/contact/affiliation.entity';
import { ConsentRecord } from '../../modules/contact/consent-record.entity';
import { Contact } from '../../modules/contact/contact.entity';
import { OrganisationPeopleArgs } from '../../modules/contact/dto/organisation-people.args';
import { peopleOfOrganisations } from '../../modules/contact/organisation-people';
import { Department } from '../../modules/department/department.entity';
import { memberCounts } from '../../modules/department/department.sql';
import { EngagementsArgs } from '../../modules/engagement/dto/engagement.input';
import { Engagement } from '../../modules/engagement/engagement.entity';
import { timelines, TimelineScope } from '../../modules/engagement/engagement.timeline';
import { OrganisationOpportunitiesArgs, PipelineFilter, StageOpportunitiesArgs } from '../../modules/opportunity/dto/opportunities.args';
import { OpportunityInstalment } from '../../modules/opportunity/opportunity-instalment.entity';
import { OpportunityStageHistory } from '../../modules/opportunity/opportunity-stage-history.entity';
import { OpportunityStage } from '../../modules/opportunity/opportunity-stage.entity';
import { opportunitiesOfOrganisations, opportunitiesOfStages } from '../../modules/opportunity/opportunity.pages';
import { Organisation } from '../../modules/organisation/organisation.entity';
import { Task } from '../../modules/task/task.entity';
import { User } from '../../modules/user/user.entity';
import { AuthUser } from '../auth/auth-user';
import { visibleParam, visibleSql, visibleTo } from '../auth/visibility';
import { Connection } from '../database/connection';
import { rawAndEntities } from '../database/plain-rows';
import { rowsById } from '../database/rows-by-id';
import { assessmentLoaders } from '../../modules/assessment/assessment.loaders';
import { BatchLoader, byKey, oneByKey } from './batch-loader';

export interface DepartmentActivity {
  departmentId: string;
  lastEngagedOn: string;
  engagementCount: number;
}

/**
 * The per-request DataLoaders: every to-one and to-many field under a list resolves through one
 * of these, so a page of N records costs one query per relation, not N. Loaders that return
 * confidential records apply the signed-in user's visibility (read lazily: the guard sets it).
 */
export function createLoaders(db: DataSource, currentUser: () => AuthUser) {
  const timelineLoaders = new Map<string, DataLoader<string, Connection<Engagement>>>();
  const timeline = (kind: 'organisation' | 'contact', args: EngagementsArgs) => {
    const key = `${kind}:${JSON.stringify(args)}`;
    let loader = timelineLoaders.get(key);
    if (!loader) {
      loader = new BatchLoader(async (ids) => {
        const scope: TimelineScope = { kind, ids };
        const pages = await timelines(db, currentUser(), args, scope);
        return ids.map((id) => pages.get(id)!);
      });
      timelineLoaders.set(key, loader);
    }
    return loader;
  };

  /** Pages of a to-many field, one loader per distinct set of arguments (like the timelines). */
  const perArgs = <A, V>(pagesOf: (args: A, ids: readonly string[]) => Promise<Map<string, V>>) => {
    const byArgs = new Map<string, DataLoader<string, V>>();
    return (args: A) => {
      const key = JSON.stringify(args);
      if (!byArgs.has(key)) byArgs.set(key, new BatchLoader(async (ids) => {
        const pages = await pagesOf(args, ids);
        return ids.map((id) => pages.get(id)!);
      }));
      return byArgs.get(key)!;
    };
  };
  /** Organisation.opportunities pages. */
  const opportunitiesByOrganisation = perArgs((args: OrganisationOpportunitiesArgs, ids) => opportunitiesOfOrganisations(db, currentUser(), args, ids));
  /** PipelineStage.opportunities: each stage's first page, in the pipeline's filter. */
  const opportunitiesByStage = perArgs((args: StageOpportunitiesArgs & { filter: PipelineFilter }, ids) => opportunitiesOfStages(db, currentUser(), args, ids));
  /** Organisation.people pages; `count` says whether the query asked for totalCount. */
  const peopleByOrganisation = perArgs((args: OrganisationPeopleArgs & { count: boolean }, ids) => peopleOfOrganisations(db, args, ids, { count: args.count }));

  /**
   * To-one loaders come one per GraphQL field ("Task.assignee"): a loader shared by two sibling
   * branches would batch once or twice depending on which branch's parent query returned first.
   * Per field, each is exactly one batch per level, so the statement count is fixed by the query.
   * `prime` tells every field's loader (those to come too) a value this request already read.
   */
  const perField = <V>(make: () => DataLoader<string, V>) => {
    const byField = new Map<string, DataLoader<string, V>>();
    const primed = new Map<string, V>();
    const forField = (field: string) => {
      let loader = byField.get(field);
      if (!loader) {
        loader = make();
        for (const [key, value] of primed) loader.prime(key, value);
        byField.set(field, loader);
      }
      return loader;
    };
    return Object.assign(forField, {
      prime(key: string, value: V): void {
        primed.set(key, value);
        for (const loader of byField.values()) loader.prime(key, value);
      },
    });
  };

  // To-one reads by id: archived users, departments and stages still resolve (an old record shows who and where); archived contacts do not.
  const users = rowsById(db, User, { withDeleted: true });
  const departments = rowsById(db, Department, { withDeleted: true });
  const stages = rowsById(db, OpportunityStage, { withDeleted: true });
  const contacts = rowsById(db, Contact);
  const organisations = rowsById(db, Organisation, { where: visibleSql('t', 2) });

  return {
    timeline,
    assessment: assessmentLoaders(db, currentUser),
    opportunitiesByOrganisation,
    opportunitiesByStage,
    peopleByOrganisation,
    userById: perField(() => new BatchLoader<string, User | null>(async (ids) => oneByKey(ids, await users(ids), (u) => u.id))),
    departmentById: perField(() => new BatchLoader<string, Department | null>(async (ids) => oneByKey(ids, await departments(ids), (d) => d.id))),
    departmentsByUserId: new BatchLoader<string, Department[]>(async (userIds) => {
      const rows: Array<Department & { userId: string }> = await db.query(
        `SELECT ud.user_id AS "userId", d.id, d.name, d.code, d.parent_id AS "parentId", d.version, d.created_at AS "createdAt", d.updated_at AS "updatedAt", d.deleted_at AS "deletedAt"
           FROM user_departments ud JOIN departments d ON d.id = ud.department_id WHERE ud.user_id = ANY($1) ORDER BY d.name`,
        [[...userIds]],
      );
      return byKey(userIds, rows, (r) => r.userId).map((list) => list.map(({ userId: _u, ...d }) => Object.assign(new Department(), d)));
    }),
    departmentMemberCount: new BatchLoader<string, number>(async (ids) => {
      const counts = await memberCounts(db.manager, ids);
      return ids.map((id) => counts.get(id) ?? 0);
    }),
    /**
     * Null when the organisation is confidential to another department: it simply does not show.
     * Query.organisation primes it with the live organisation it read (the same visibility), so
     * the view's tasks and people do not read their own organisation again.
     */
    organisationById: perField(() => new BatchLoader<string, Organisation | null>(async (ids) => {
      return oneByKey(ids, await organisations(ids, visibleParam(currentUser())), (o) => o.id);
    })),
    contactById: perField(() => new BatchLoader<string, Contact | null>(async (ids) => oneByKey(ids, await contacts(ids), (c) => c.id))),
    affiliationsByOrganisation: new BatchLoader<string, Affiliation[]>(async (ids) => {
      const rows = await db.getRepository(Affiliation).createQueryBuilder('a')
        // The contact comes in the same join, so a busy organisation's people are not fetched twice.
        .innerJoinAndMapOne('a.contact', Contact, 'c', 'c.id = a.contact_id AND c.deleted_at IS NULL')
        .where('a.organisation_id IN (:...ids)', { ids: [...ids] })
        .orderBy('a.to_date', 'DESC', 'NULLS FIRST').addOrderBy('a.is_primary', 'DESC').addOrderBy('a.created_at', 'ASC')
        .getMany();
      return byKey(ids, rows, (a) => a.organisationId);
    }),
    affiliationsByContact: new BatchLoader<string, Affiliation[]>(async (ids) => {
      const rows = await db.getRepository(Affiliation).createQueryBuilder('a')
        .where('a.contact_id IN (:...ids)', { ids: [...ids] })
        .orderBy('a.to_date', 'DESC', 'NULLS FIRST').addOrderBy('a.from_date', 'DESC', 'NULLS LAST')
        .getMany();
      return byKey(ids, rows, (a) => a.contactId);
    }),
    consentsByContact: new BatchLoader<string, ConsentRecord[]>(async (ids) =>
      byKey(ids, await db.getRepository(ConsentRecord).find({ where: { contactId: In([...ids]) }, order: { givenAt: 'DESC' } }), (c) => c.contactId)),
    contactsByEngagement: new BatchLoader<string, Contact[]>(async (ids) => {
      // One join, always: the number of statements never depends on the data.
      const { raw, entities } = await rawAndEntities(db.getRepository(Contact).createQueryBuilder('c').withDeleted()
        .innerJoin('engagement_contacts', 'ec', 'ec.contact_id = c.id').addSelect('ec.engagement_id', 'engagement_id')
        .where('ec.engagement_id IN (:...ids)', { ids: [...ids] }).orderBy('c.last_name'));
      const byId = new Map(entities.map((c) => [c.id, c]));
      return byKey(ids, raw, (r: any) => r.engagement_id as string).map((list) => list.map((r: any) => byId.get(r.c_id)!));
    }),
    staffByEngagement: new BatchLoader<string, User[]>(async (ids) => {
      const { raw, entities } = await rawAndEntities(db.getRepository(User).createQueryBuilder('u').withDeleted()
        .innerJoin('engagement_staff', 'es', 'es.user_id = u.id').addSelect('es.engagement_id', 'engagement_id')
        .where('es.engagement_id IN (:...ids)', { ids: [...ids] }).orderBy('u.name'));
      const byId = new Map(entities.map((u) => [u.id, u]));
      return byKey(ids, raw, (r: any) => r.engagement_id as string).map((list) => list.map((r: any) => byId.get(r.u_id)!));
    }),
    openTasksByOrganisation: new BatchLoader<string, Task[]>(async (ids) => {
      const rows = await rawAndEntities(db.getRepository(Task).createQueryBuilder('t')
        .where('t.organisation_id IN (:...ids)', { ids: [...ids] }).andWhere(`t.status = 'open'`)
        .andWhere(...visibleTo('t', currentUser()))
        .orderBy('t.due_on', 'ASC', 'NULLS LAST')).then((r) => r.entities);
      return byKey(ids, rows, (t) => t.organisationId!);
    }),
    tasksByContact: new BatchLoader<string, Task[]>(async (ids) => {
      const rows = await rawAndEntities(db.getRepository(Task).createQueryBuilder('t')
        .where('t.contact_id IN (:...ids)', { ids: [...ids] }).andWhere(`t.status = 'open'`)
        .andWhere(...visibleTo('t', currentUser()))
        .orderBy('t.due_on', 'ASC', 'NULLS LAST')).then((r) => r.entities);
      return byKey(ids, rows, (t) => t.contactId!);
    }),
    /** Which departments have engaged each organisation, and when last: the islands made visible. */
    departmentsInvolved: new BatchLoader<string, DepartmentActivity[]>(async (ids) => {
      const rows: Array<DepartmentActivity & { organisationId: string }> = await db.query(
        `SELECT e.organisation_id AS "organisationId", e.department_id AS "departmentId", max(e.occurred_on)::text AS "lastEngagedOn", count(*)::int AS "engagementCount"
           FROM engagements e
          WHERE e.organisation_id = ANY($1) AND e.deleted_at IS NULL AND ${visibleSql('e', 2)}
          GROUP BY 1, 2 ORDER BY 3 DESC`,
        [[...ids], visibleParam(currentUser())],
      );
      return byKey(ids, rows, (r) => r.organisationId);
    }),
    /** Stages are reference data: archived ones still resolve, so an old opportunity shows where it stopped. */
    stageById: perField(() => new BatchLoader<string, OpportunityStage | null>(async (ids) => oneByKey(ids, await stages(ids), (s) => s.id))),
    contactsByOpportunity: new BatchLoader<string, Contact[]>(async (ids) => {
      const { raw, entities } = await rawAndEntities(db.getRepository(Contact).createQueryBuilder('c').withDeleted()
        .innerJoin('opportunity_contacts', 'oc', 'oc.contact_id = c.id').addSelect('oc.opportunity_id', 'opportunity_id')
        .where('oc.opportunity_id IN (:...ids)', { ids: [...ids] }).orderBy('c.last_name').addOrderBy('c.first_name'));
      const byId = new Map(entities.map((c) => [c.id, c]));
      return byKey(ids, raw, (r: any) => r.opportunity_id as string).map((list) => list.map((r: any) => byId.get(r.c_id)!));
    }),
    /** Each opportunity's income instalments, by due date. */
    instalmentsByOpportunity: new BatchLoader<string, OpportunityInstalment[]>(async (ids) =>
      byKey(ids, await db.getRepository(OpportunityInstalment).find({ where: { opportunityId: In([...ids]) }, order: { dueOn: 'ASC', amountPence: 'ASC' } }),
        (i) => i.opportunityId)),
    /** Each opportunity's stays in its stages, oldest first. */
    stageHistoryByOpportunity: new BatchLoader<string, OpportunityStageHistory[]>(async (ids) =>
      byKey(ids, await db.getRepository(OpportunityStageHistory).find({
        where: { opportunityId: In([...ids]) }, order: { enteredAt: 'ASC', leftAt: { direction: 'ASC', nulls: 'LAST' } },
      }), (h) => h.opportunityId)),
    /**
     * Audit history, newest first, keyed "type:id" (capped at the latest 200 events per record).
     * A contact's history includes the changes to their affiliations (joining, moving on) and their consent (given, withdrawn).
     */
    history: new BatchLoader<string, AuditEvent[]>(async (keys) => {
      const pairs = keys.map((k) => k.split(':'));
      const rows: any[] = await db.query(
        `WITH k AS (SELECT * FROM unnest($1::text[], $2::uuid[]) AS k(entity_type, entity_id)),
         ev AS (
           SELECT a.*, k.entity_type AS key_type, k.entity_id AS key_id FROM audit_events a JOIN k USING (entity_type, entity_id)
           UNION ALL
           SELECT a.*, 'contact', af.contact_id
             FROM k JOIN affiliations af ON k.entity_type = 'contact' AND af.contact_id = k.entity_id
             JOIN audit_events a ON a.entity_type = 'affiliation' AND a.entity_id = af.id
           UNION ALL
           SELECT a.*, 'contact', cr.contact_id
             FROM k JOIN consent_records cr ON k.entity_type = 'contact' AND cr.contact_id = k.entity_id
             JOIN audit_events a ON a.entity_type = 'consent' AND a.entity_id = cr.id)
         SELECT * FROM (SELECT ev.*, row_number() OVER (PARTITION BY key_type, key_id ORDER BY id DESC) AS rn FROM ev) t
          WHERE rn <= 200 ORDER BY id DESC`,
        [pairs.map((p) => p[0]), pairs.map((p) => p[1])],
      );
      const events = rows.map((r) => ({
        key: `${r.key_type}:${r.key_id}`,
        event: Object.assign(new AuditEvent(), {
          id: String(r.id), occurredAt: r.occurred_at, actorId: r.actor_id, entityType: r.entity_type, entityId: r.entity_id, action: r.action, changes: r.changes,
        }),
      }));
      return byKey(keys, events, (e) => e.key).map((list) => list.map((e) => e.event));
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
