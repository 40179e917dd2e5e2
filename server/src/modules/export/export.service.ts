import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { DataSource, ObjectLiteral } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { badField } from '../../common/graphql/errors';
import { ContactService } from '../contact/contact.service';
import { OrganisationService } from '../organisation/organisation.service';
import { TaskService } from '../task/task.service';
import { recordAudit } from '../audit/audit';
import { ExportFormat } from './export-format';
import { ExportList, EXPORT_LIST_NAMES, ExportListName, exportLists, Names } from './export-lists';
import { parseListArgs } from './export-params';
import { createSink } from './export-sink';
import { writeFullExport } from './full-export';
import { keysetBatches } from './keyset-batches';

/** More rows than anyone should take to a spreadsheet in one go; narrowing the filter is the answer. */
export const EXPORT_ROW_CAP = 100_000;

/** A prepared list export: validated, counted and audited; `write` streams it. */
export interface PreparedExport {
  rows: number;
  write(out: Writable): Promise<void>;
}

@Injectable()
export class ExportService {
  private readonly lists;

  constructor(private readonly db: DataSource, organisations: OrganisationService, contacts: ContactService, tasks: TaskService) {
    this.lists = exportLists({ db, organisations, contacts, tasks });
  }

  /**
   * Checks the request and records who exported what before a byte is sent: a refused export
   * (bad filter, too many rows) writes nothing, and an accepted one is in the audit trail even if
   * the download is abandoned.
   */
  async prepareList(user: AuthUser, listName: string, format: ExportFormat, query: Record<string, unknown>): Promise<PreparedExport> {
    if (!EXPORT_LIST_NAMES.includes(listName as ExportListName)) throw badField('list', `list must be one of ${EXPORT_LIST_NAMES.join(', ')}`);
    const list = this.lists[listName as ExportListName] as unknown as ExportList<object, ObjectLiteral & { id: string }>;
    const args = await parseListArgs(list.args, query);
    const filtered = list.query(user, args);
    const { count } = (await filtered.clone().select('count(*)::int', 'count').getRawOne<{ count: number }>())!;
    if (count > EXPORT_ROW_CAP) {
      throw badField('filter', `${count.toLocaleString('en-GB')} rows match; an export takes at most ${EXPORT_ROW_CAP.toLocaleString('en-GB')}. Narrow the filter.`);
    }
    await this.audit(user, { list: listName, format, arguments: args, rows: count });
    return {
      rows: count,
      write: async (out) => {
        const names = await this.names();
        const sink = createSink(format, out);
        const sheet = sink.sheet(listName, list.columns(names));
        for await (const batch of keysetBatches(filtered, list.sort(args))) {
          if (list.organisationIds) await this.addOrganisationNames(names, list.organisationIds(batch));
          await sheet.add(batch);
        }
        await sheet.end();
        await sink.finish();
      },
    };
  }

  /** Everything, one sheet per table (admins only: the controller checks the role). */
  async writeAll(user: AuthUser, out: Writable): Promise<void> {
    await this.audit(user, { list: 'all', format: 'xlsx' });
    const sink = createSink('xlsx', out);
    await writeFullExport(this.db, sink);
    await sink.finish();
  }

  private async audit(user: AuthUser, what: Record<string, unknown>) {
    const changes = Object.fromEntries(Object.entries(what).map(([k, v]) => [k, { old: null, new: v }]));
    // The export is the entity: its own id, so each export is one event in the trail.
    await this.db.transaction((tx) => recordAudit(tx, { actorId: user.id, entityType: 'export', entityId: randomUUID(), action: 'export', changes }));
  }

  private async names(): Promise<Names> {
    const pairs = async (sql: string) => new Map<string, string>((await this.db.query(sql)).map((r: { id: string; name: string }) => [r.id, r.name]));
    return {
      users: await pairs('SELECT id, name FROM users'),
      departments: await pairs('SELECT id, name FROM departments'),
      stages: await pairs('SELECT id, name FROM opportunity_stages'),
      organisations: new Map(),
    };
  }

  /** Names of a batch's organisations in one statement; only the ids the batch's rows carry (already visible through them). */
  private async addOrganisationNames(names: Names, ids: (string | null)[]) {
    const wanted = [...new Set(ids.filter((id): id is string => !!id && !names.organisations.has(id)))];
    if (!wanted.length) return;
    const rows: { id: string; name: string }[] = await this.db.query('SELECT id, name FROM organisations WHERE id = ANY($1::uuid[])', [wanted]);
    for (const r of rows) names.organisations.set(r.id, r.name);
  }
}
