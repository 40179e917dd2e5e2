import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { assertUuid } from '../../common/database/assert-uuid';
import { badField, notFound } from '../../common/graphql/errors';
import { recordAudit } from '../audit/audit';
import { EraseContactInput } from './dto/privacy.input';
import { anonymiseOwnRows, ErasureRow, findErasure, insertErasure, lockPeople, scrubCopies, scrubRecordText } from './erasure.repository';
import { Erasure } from './models/privacy.models';
import { ErasureSource } from './privacy.enums';
import { identifyingTerms, scrubber } from './scrub-text';

/**
 * Erasure (UK GDPR Article 17): the person is anonymised everywhere in one transaction, for good.
 * Rows are updated, never deleted, so engagement counts, opportunity values and the HE-BCI return
 * are unchanged; the log keeps who, when and how many rows, never what was erased. Erasing an
 * erased person again changes nothing and answers with the first erasure.
 */
@Injectable()
export class ErasureService {
  constructor(private readonly db: DataSource) {}

  erase(user: AuthUser, contactId: string, input: EraseContactInput, source = ErasureSource.request): Promise<Erasure> {
    assertUuid(contactId, 'id');
    return this.db.transaction((tx) => this.eraseIn(tx, user, contactId, input, source));
  }

  /** Within the caller's transaction (a retention decision erases with its review). */
  async eraseIn(tx: EntityManager, user: AuthUser, contactId: string, input: EraseContactInput, source: ErasureSource): Promise<Erasure> {
    const people = await lockPeople(tx, contactId);
    if (!people.length) throw notFound('Contact', contactId);
    const [person] = people;
    const earlier = await findErasure(tx, contactId);
    if (person.erasedAt && earlier) return toErasure(earlier);
    if (input.confirmName.toLocaleLowerCase('en-GB') !== `${person.firstName} ${person.lastName}`.toLocaleLowerCase('en-GB')) {
      throw badField('confirmName', 'confirmName must be the person’s name exactly as shown, to confirm the erasure');
    }
    const ids = people.map((p) => p.id);
    const terms = people.flatMap((p) => identifyingTerms(p, false));
    const scrub = scrubber(terms);
    const strong = scrubber(people.flatMap((p) => identifyingTerms(p, true)));
    // Text first, while the names are still there to find.
    const text = await scrubRecordText(tx, ids, { engagementIds: input.engagementIds ?? [], taskIds: input.taskIds ?? [] }, terms, scrub, strong);
    const copies = await scrubCopies(tx, ids, people.flatMap((p) => p.emails), terms, scrub);
    const own = await anonymiseOwnRows(tx, ids);
    const counts = { ...own, ...copies, engagements: text.engagements, tasks: text.tasks, audit_events: own.audit_events + text.audit_events };
    const row = await insertErasure(tx, contactId, user.id, source, counts);
    await recordAudit(tx, { actorId: user.id, entityType: 'contact', entityId: contactId, action: 'erase', changes: {} });
    return toErasure(row);
  }
}

function toErasure(row: ErasureRow): Erasure {
  return {
    id: row.id, contactId: row.contactId, erasedAt: row.erasedAt, source: row.source as ErasureSource,
    counts: Object.entries(row.counts).map(([table, rows]) => ({ table, rows })).sort((a, b) => a.table.localeCompare(b.table)),
  };
}
