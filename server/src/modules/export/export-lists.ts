import { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { KeysetSort } from '../../common/database/keyset';
import { ContactsArgs } from '../contact/dto/contact.input';
import { Contact } from '../contact/contact.entity';
import { CONTACT_SORT, ContactService } from '../contact/contact.service';
import { OpportunitiesArgs } from '../opportunity/dto/opportunities.args';
import { Opportunity } from '../opportunity/opportunity.entity';
import { opportunityConditions, SORTS } from '../opportunity/opportunity.filter';
import { OpportunitySortField } from '../opportunity/opportunity.enums';
import { OrganisationsArgs } from '../organisation/dto/organisations.args';
import { Organisation } from '../organisation/organisation.entity';
import { ORGANISATION_SORTS, OrganisationService } from '../organisation/organisation.service';
import { OrganisationSortField, SortDirection } from '../organisation/organisation.enums';
import { MyTasksArgs } from '../task/dto/task.input';
import { Task } from '../task/task.entity';
import { TASK_SORT, TaskService } from '../task/task.service';
import { ExportColumn } from './export-format';

/** Names for the ids a row carries (owner, department, stage, organisation), looked up once per export or batch. */
export interface Names {
  users: Map<string, string>;
  departments: Map<string, string>;
  stages: Map<string, string>;
  /** Filled per batch for the organisations the batch's rows point at. */
  organisations: Map<string, string>;
}

export interface ExportList<A extends object, T extends ObjectLiteral & { id: string }> {
  /** The list's GraphQL arguments class: the export validates its parameters with the same rules. */
  args: new () => A;
  query(user: AuthUser, args: A): SelectQueryBuilder<T>;
  sort(args: A): KeysetSort;
  columns(names: Names): ExportColumn<T>[];
  /** The organisations a batch refers to, so their names are fetched in one statement. */
  organisationIds?(rows: T[]): (string | null)[];
}

export interface ListServices {
  db: DataSource;
  organisations: OrganisationService;
  contacts: ContactService;
  tasks: TaskService;
}

const name = (map: Map<string, string>, id: string | null) => (id ? (map.get(id) ?? '') : '');
const list = (values: readonly string[]) => values.join('; ');

export function exportLists(s: ListServices) {
  const organisations: ExportList<OrganisationsArgs, Organisation> = {
    args: OrganisationsArgs,
    query: (user, args) => s.organisations.filtered(user, args),
    sort: (args) => ({ ...ORGANISATION_SORTS[args.orderBy?.field ?? OrganisationSortField.name], desc: args.orderBy?.direction === SortDirection.desc }),
    columns: (n) => [
      { header: 'Name', value: (o) => o.name },
      { header: 'Legal name', value: (o) => o.legalName },
      { header: 'Type', value: (o) => o.type },
      { header: 'Sector (SIC section)', value: (o) => o.sector },
      { header: 'Size band', value: (o) => o.sizeBand },
      { header: 'Companies House number', value: (o) => o.companiesHouseNumber },
      { header: 'Website', value: (o) => o.website },
      { header: 'Address line 1', value: (o) => o.addressLine1 },
      { header: 'Address line 2', value: (o) => o.addressLine2 },
      { header: 'Town', value: (o) => o.town },
      { header: 'Postcode', value: (o) => o.postcode },
      { header: 'Region', value: (o) => o.region },
      { header: 'Relationship stage', value: (o) => o.relationshipStage },
      { header: 'Relationship roles', value: (o) => list(o.relationshipRoles) },
      { header: 'Tags', value: (o) => list(o.tags) },
      { header: 'Owner', value: (o) => name(n.users, o.ownerId) },
      { header: 'Department', value: (o) => name(n.departments, o.departmentId) },
      { header: 'Confidential', value: (o) => o.confidential },
      { header: 'Created', value: (o) => o.createdAt, type: 'datetime' },
      { header: 'Updated', value: (o) => o.updatedAt, type: 'datetime' },
      { header: 'Id', value: (o) => o.id },
    ],
  };

  const contacts: ExportList<ContactsArgs, Contact> = {
    args: ContactsArgs,
    query: (user, args) => s.contacts.filtered(user, args),
    sort: () => CONTACT_SORT,
    columns: (n) => [
      { header: 'First name', value: (c) => c.firstName },
      { header: 'Last name', value: (c) => c.lastName },
      { header: 'Job title', value: (c) => c.jobTitle },
      { header: 'Emails', value: (c) => list(c.emails) },
      { header: 'Phones', value: (c) => list(c.phones) },
      { header: 'Preferred channel', value: (c) => c.preferredChannel },
      { header: 'Lawful basis', value: (c) => c.lawfulBasis },
      { header: 'Marketing opt-in', value: (c) => c.marketingOptIn },
      { header: 'Tags', value: (c) => list(c.tags) },
      { header: 'Owner', value: (c) => name(n.users, c.ownerId) },
      { header: 'Created', value: (c) => c.createdAt, type: 'datetime' },
      { header: 'Id', value: (c) => c.id },
    ],
  };

  const opportunities: ExportList<OpportunitiesArgs, Opportunity> = {
    args: OpportunitiesArgs,
    query: (user, args) => {
      const { where, params } = opportunityConditions('o', user, args.filter);
      const q = s.db.getRepository(Opportunity).createQueryBuilder('o');
      for (const condition of where) q.andWhere(condition);
      return q.setParameters(params);
    },
    sort: (args) => {
      const order = args.orderBy ?? { field: OpportunitySortField.createdAt, direction: SortDirection.desc };
      return { ...SORTS[order.field], desc: order.direction === SortDirection.desc };
    },
    organisationIds: (rows) => rows.map((o) => o.organisationId),
    columns: (n) => [
      { header: 'Title', value: (o) => o.title },
      { header: 'Organisation', value: (o) => name(n.organisations, o.organisationId) },
      { header: 'Type', value: (o) => o.type },
      { header: 'Stage', value: (o) => name(n.stages, o.stageId) },
      { header: 'Value (£)', value: (o) => o.valuePence, type: 'money' },
      { header: 'Probability (%)', value: (o) => o.probability, type: 'number' },
      { header: 'Expected close', value: (o) => o.expectedCloseDate, type: 'date' },
      { header: 'Start', value: (o) => o.startDate, type: 'date' },
      { header: 'End', value: (o) => o.endDate, type: 'date' },
      { header: 'Owner', value: (o) => name(n.users, o.ownerId) },
      { header: 'Department', value: (o) => name(n.departments, o.departmentId) },
      { header: 'Lost reason', value: (o) => o.lostReason },
      { header: 'Confidential', value: (o) => o.confidential },
      { header: 'Created', value: (o) => o.createdAt, type: 'datetime' },
      { header: 'Id', value: (o) => o.id },
    ],
  };

  const tasks: ExportList<MyTasksArgs, Task> = {
    args: MyTasksArgs,
    query: (user, args) => s.tasks.mineQuery(user, args),
    sort: () => TASK_SORT,
    organisationIds: (rows) => rows.map((t) => t.organisationId),
    columns: (n) => [
      { header: 'Title', value: (t) => t.title },
      { header: 'Due', value: (t) => t.dueOn, type: 'date' },
      { header: 'Status', value: (t) => t.status },
      { header: 'Organisation', value: (t) => name(n.organisations, t.organisationId) },
      { header: 'Assignee', value: (t) => name(n.users, t.assigneeId) },
      { header: 'Department', value: (t) => name(n.departments, t.departmentId) },
      { header: 'Notes', value: (t) => t.notes },
      { header: 'Completed', value: (t) => t.completedAt, type: 'datetime' },
      { header: 'Id', value: (t) => t.id },
    ],
  };

  return { organisations, contacts, opportunities, tasks } as const;
}

export type ExportListName = keyof ReturnType<typeof exportLists>;
export const EXPORT_LIST_NAMES: readonly ExportListName[] = ['organisations', 'contacts', 'opportunities', 'tasks'];
