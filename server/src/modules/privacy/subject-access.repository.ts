import { EntityManager } from 'typeorm';

/** The rows of a subject access export, as the database holds them (snake_case kept out of the document). */
export interface DossierContact {
  id: string; firstName: string; lastName: string; emails: string[]; phones: string[]; jobTitle: string | null; preferredChannel: string | null;
  lawfulBasis: string | null; lawfulBasisEvidence: string | null; lawfulBasisOn: string | null; marketingOptIn: boolean; tags: string[];
  owner: string | null; createdAt: Date; updatedAt: Date; archivedAt: Date | null; erasedAt: Date | null;
}
export interface DossierAffiliation { organisation: string; role: string | null; fromDate: string | null; toDate: string | null; isPrimary: boolean }
export interface DossierEngagement { id: string; occurredOn: string; type: string; summary: string; details: string | null; organisation: string | null; department: string; archived: boolean }
export interface DossierTask { id: string; title: string; notes: string | null; dueOn: string | null; status: string; assignee: string | null }
export interface DossierOpportunity { id: string; title: string; type: string; stage: string; organisation: string | null }
export interface DossierConsent { purpose: string; method: string; channel: string; givenAt: Date; withdrawnAt: Date | null }
export interface DossierAuditEvent { occurredAt: Date; actor: string | null; entityType: string; action: string; changes: Record<string, unknown> }
export interface DossierRequest { requester: string; receivedOn: string; dueOn: string; status: string; completedOn: string | null }

export interface Dossier {
  contact: DossierContact;
  affiliations: DossierAffiliation[];
  engagements: DossierEngagement[];
  tasks: DossierTask[];
  opportunities: DossierOpportunity[];
  consents: DossierConsent[];
  auditEvents: DossierAuditEvent[];
  subjectAccessRequests: DossierRequest[];
}

/** Everything held about one contact, archived records included (the person has a right to those too). Null when there is no such contact. */
export async function loadDossier(db: EntityManager, contactId: string): Promise<Dossier | null> {
  const [contact] = await db.query(
    `SELECT c.id, c.first_name AS "firstName", c.last_name AS "lastName", c.emails, c.phones, c.job_title AS "jobTitle", c.preferred_channel AS "preferredChannel",
            c.lawful_basis AS "lawfulBasis", c.lawful_basis_evidence AS "lawfulBasisEvidence", to_char(c.lawful_basis_on, 'YYYY-MM-DD') AS "lawfulBasisOn",
            c.marketing_opt_in AS "marketingOptIn", c.tags, u.name AS owner, c.created_at AS "createdAt", c.updated_at AS "updatedAt",
            c.deleted_at AS "archivedAt", c.erased_at AS "erasedAt"
       FROM contacts c LEFT JOIN users u ON u.id = c.owner_id WHERE c.id = $1`, [contactId]) as DossierContact[];
  if (!contact) return null;
  const [affiliations, engagements, tasks, opportunities, consents, auditEvents, subjectAccessRequests] = await Promise.all([
    db.query(`SELECT o.name AS organisation, a.role, to_char(a.from_date, 'YYYY-MM-DD') AS "fromDate", to_char(a.to_date, 'YYYY-MM-DD') AS "toDate", a.is_primary AS "isPrimary"
                FROM affiliations a JOIN organisations o ON o.id = a.organisation_id WHERE a.contact_id = $1 ORDER BY a.to_date DESC NULLS FIRST, a.from_date DESC NULLS LAST`, [contactId]),
    db.query(`SELECT e.id, to_char(e.occurred_on, 'YYYY-MM-DD') AS "occurredOn", e.type, e.summary, e.details, o.name AS organisation, d.name AS department, e.deleted_at IS NOT NULL AS archived
                FROM engagement_contacts ec JOIN engagements e ON e.id = ec.engagement_id JOIN departments d ON d.id = e.department_id
                LEFT JOIN organisations o ON o.id = e.organisation_id WHERE ec.contact_id = $1 ORDER BY e.occurred_on DESC, e.id`, [contactId]),
    db.query(`SELECT t.id, t.title, t.notes, to_char(t.due_on, 'YYYY-MM-DD') AS "dueOn", t.status, u.name AS assignee
                FROM tasks t LEFT JOIN users u ON u.id = t.assignee_id WHERE t.contact_id = $1 ORDER BY t.due_on NULLS LAST, t.id`, [contactId]),
    db.query(`SELECT p.id, p.title, p.type, s.name AS stage, o.name AS organisation
                FROM opportunity_contacts oc JOIN opportunities p ON p.id = oc.opportunity_id JOIN opportunity_stages s ON s.id = p.stage_id
                LEFT JOIN organisations o ON o.id = p.organisation_id WHERE oc.contact_id = $1 ORDER BY p.title, p.id`, [contactId]),
    db.query(`SELECT purpose, method, channel, given_at AS "givenAt", withdrawn_at AS "withdrawnAt" FROM consent_records WHERE contact_id = $1 ORDER BY given_at DESC`, [contactId]),
    db.query(`SELECT ae.occurred_at AS "occurredAt", u.name AS actor, ae.entity_type AS "entityType", ae.action, ae.changes
                FROM audit_events ae LEFT JOIN users u ON u.id = ae.actor_id
               WHERE (ae.entity_type = 'contact' AND ae.entity_id = $1)
                  OR (ae.entity_type = 'consent' AND ae.entity_id IN (SELECT id FROM consent_records WHERE contact_id = $1))
                  OR (ae.entity_type = 'affiliation' AND ae.entity_id IN (SELECT id FROM affiliations WHERE contact_id = $1))
               ORDER BY ae.id`, [contactId]),
    db.query(`SELECT requester, to_char(received_on, 'YYYY-MM-DD') AS "receivedOn", to_char(due_on, 'YYYY-MM-DD') AS "dueOn", status, to_char(completed_on, 'YYYY-MM-DD') AS "completedOn"
                FROM subject_access_requests WHERE contact_id = $1 ORDER BY received_on, id`, [contactId]),
  ]);
  return { contact, affiliations, engagements, tasks, opportunities, consents, auditEvents, subjectAccessRequests };
}

/** Notes the export on the person's open requests, so the list shows it was done. */
export async function markRequestsExported(db: EntityManager, contactId: string, userId: string): Promise<void> {
  await db.query(`UPDATE subject_access_requests SET last_exported_at = now(), last_exported_by = $2 WHERE contact_id = $1 AND status = 'open'`, [contactId, userId]);
}

