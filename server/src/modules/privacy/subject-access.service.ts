import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { assertUuid } from '../../common/database/assert-uuid';
import { ukToday } from '../../common/dates/uk-dates';
import { notFound } from '../../common/graphql/errors';
import { recordAudit } from '../audit/audit';
import { subjectAccessHtml } from './subject-access-html';
import { Dossier, loadDossier, markRequestsExported } from './subject-access.repository';

export type SubjectAccessFormat = 'json' | 'html';

/** "Export everything held" about a person: one read of their records, logged in the same transaction. */
@Injectable()
export class SubjectAccessService {
  constructor(private readonly db: DataSource) {}

  async export(user: AuthUser, contactId: string, format: SubjectAccessFormat): Promise<{ body: string; name: string }> {
    assertUuid(contactId, 'contactId');
    return this.db.transaction('REPEATABLE READ', async (tx) => {
      const dossier = await loadDossier(tx, contactId);
      if (!dossier) throw notFound('Contact', contactId);
      await markRequestsExported(tx, contactId, user.id);
      await recordAudit(tx, { actorId: user.id, entityType: 'contact', entityId: contactId, action: 'export', changes: { subjectAccess: { old: null, new: format } } });
      const today = ukToday();
      const name = `subject-access-${contactId}-${today}.${format}`;
      return { name, body: format === 'json' ? JSON.stringify(document(dossier, today), null, 2) : subjectAccessHtml(dossier, today) };
    });
  }
}

function document(dossier: Dossier, producedOn: string) {
  return { producedOn, about: 'Everything the CRM holds about this person (UK GDPR Article 15)', ...dossier };
}
