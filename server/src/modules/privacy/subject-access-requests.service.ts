import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { assertUuid } from '../../common/database/assert-uuid';
import { Connection } from '../../common/database/connection';
import { KeysetSort, keysetPage } from '../../common/database/keyset';
import { returning } from '../../common/database/returning';
import { addMonths, ukToday } from '../../common/dates/uk-dates';
import { badField, conflict, notFound } from '../../common/graphql/errors';
import { recordAudit } from '../audit/audit';
import { CreateSubjectAccessRequestInput, SubjectAccessRequestsArgs } from './dto/privacy.input';
import { SubjectAccessRequest } from './models/subject-access-request.entity';
import { SubjectAccessRequestStatus } from './privacy.enums';

const BY_DUE: KeysetSort = { key: 'r.due_on', keyAsText: `to_char(r.due_on, 'YYYY-MM-DD')`, cast: '::date' };

/** The ICO's one calendar month: received 31 January, due 28 (or 29) February. */
export const subjectAccessDueOn = (receivedOn: string): string => addMonths(receivedOn, 1);

/** Subject access requests: logged when received, their deadline tracked, closed when answered. */
@Injectable()
export class SubjectAccessRequestsService {
  constructor(private readonly db: DataSource) {}

  list(args: SubjectAccessRequestsArgs): Promise<Connection<SubjectAccessRequest>> {
    const q = this.db.getRepository(SubjectAccessRequest).createQueryBuilder('r');
    if (args.status) q.andWhere('r.status = :status', { status: args.status });
    return keysetPage(q, BY_DUE, args);
  }

  async create(user: AuthUser, input: CreateSubjectAccessRequestInput): Promise<SubjectAccessRequest> {
    if (input.receivedOn > ukToday()) throw badField('receivedOn', 'receivedOn cannot be in the future');
    return this.db.transaction(async (tx) => {
      if (input.contactId && !(await tx.query('SELECT 1 FROM contacts WHERE id = $1', [input.contactId])).length) {
        throw badField('contactId', 'contactId must be an existing contact');
      }
      const repo = tx.getRepository(SubjectAccessRequest);
      const request = await repo.save(repo.create({
        contactId: input.contactId ?? null, requester: input.requester, receivedOn: input.receivedOn, dueOn: subjectAccessDueOn(input.receivedOn), createdBy: user.id,
      }));
      // The audit trail says a request exists, not who made it (the requester text stays in its own table, erased with the person).
      await recordAudit(tx, { actorId: user.id, entityType: 'subject_access_request', entityId: request.id, action: 'create', changes: { dueOn: { old: null, new: request.dueOn } } });
      return request;
    });
  }

  async complete(user: AuthUser, id: string): Promise<SubjectAccessRequest> {
    assertUuid(id, 'id');
    const today = ukToday();
    return this.db.transaction(async (tx) => {
      const rows = returning<{ id: string }>(await tx.query(
        `UPDATE subject_access_requests SET status = 'completed', completed_on = $2, completed_by = $3 WHERE id = $1 AND status = 'open' RETURNING id`, [id, today, user.id]));
      const request = await tx.getRepository(SubjectAccessRequest).findOne({ where: { id } });
      if (!request) throw notFound('Subject access request', id);
      if (!rows.length) throw conflict('This subject access request is already completed');
      await recordAudit(tx, { actorId: user.id, entityType: 'subject_access_request', entityId: id, action: 'update', changes: { status: { old: 'open', new: 'completed' } } });
      return request;
    });
  }
}

/** Open and past its due date in the UK calendar (the due day itself is still in time). */
export const isOverdue = (r: SubjectAccessRequest, today: string = ukToday()): boolean => r.status === SubjectAccessRequestStatus.open && r.dueOn < today;
