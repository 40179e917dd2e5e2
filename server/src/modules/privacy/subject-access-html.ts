import { Dossier } from './subject-access.repository';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Every value shown goes through here: names and notes are what people typed, so never trusted as markup. */
export const escapeHtml = (value: unknown): string => String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]);

const show = (value: unknown): string => {
  if (value === null || value === undefined || value === '') return '—';
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.length ? value.map(show).join(', ') : '—';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
};

function table<T extends object>(title: string, rows: T[], columns: Array<[keyof T & string, string]>): string {
  const body = rows.length
    ? `<table><thead><tr>${columns.map(([, label]) => `<th scope="col">${escapeHtml(label)}</th>`).join('')}</tr></thead><tbody>${rows
      .map((row) => `<tr>${columns.map(([key]) => `<td>${escapeHtml(show(row[key]))}</td>`).join('')}</tr>`).join('')}</tbody></table>`
    : '<p>None held.</p>';
  return `<section><h2>${escapeHtml(title)} (${rows.length})</h2>${body}</section>`;
}

/** The export as one self-contained, readable HTML document (no scripts, no external files), to print or send to the person. */
export function subjectAccessHtml(dossier: Dossier, producedOn: string): string {
  const c = dossier.contact;
  const fields: Array<[string, unknown]> = [
    ['Name', `${c.firstName} ${c.lastName}`], ['Emails', c.emails], ['Phones', c.phones], ['Job title', c.jobTitle], ['Preferred channel', c.preferredChannel],
    ['Lawful basis', c.lawfulBasis], ['Lawful basis evidence', c.lawfulBasisEvidence], ['Lawful basis since', c.lawfulBasisOn], ['Marketing opt-in', c.marketingOptIn],
    ['Tags', c.tags], ['Account manager', c.owner], ['Record created', c.createdAt], ['Last changed', c.updatedAt], ['Archived', c.archivedAt], ['Erased', c.erasedAt],
  ];
  return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Personal data held about ${escapeHtml(c.firstName)} ${escapeHtml(c.lastName)}</title>
<style>body{font:14px/1.5 system-ui,sans-serif;margin:2rem;max-width:70rem}table{border-collapse:collapse;width:100%;margin-bottom:1rem}
th,td{border:1px solid #bbb;padding:4px 6px;text-align:left;vertical-align:top}th{background:#eee}dt{font-weight:600}dd{margin:0 0 .5rem}</style></head>
<body><h1>Personal data held about ${escapeHtml(c.firstName)} ${escapeHtml(c.lastName)}</h1>
<p>Produced on ${escapeHtml(producedOn)} in answer to a subject access request (UK GDPR Article 15). It lists every record the CRM holds about this person.</p>
<section><h2>Contact record</h2><dl>${fields.map(([label, value]) => `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(show(value))}</dd>`).join('')}</dl></section>
${table('Organisations (affiliations)', dossier.affiliations, [['organisation', 'Organisation'], ['role', 'Role'], ['fromDate', 'From'], ['toDate', 'To'], ['isPrimary', 'Primary']])}
${table('Engagements they were at', dossier.engagements, [['occurredOn', 'Date'], ['type', 'Type'], ['summary', 'Summary'], ['details', 'Details'], ['organisation', 'Organisation'], ['department', 'Department'], ['archived', 'Archived']])}
${table('Tasks about them', dossier.tasks, [['title', 'Title'], ['notes', 'Notes'], ['dueOn', 'Due'], ['status', 'Status'], ['assignee', 'Assignee']])}
${table('Opportunities they are named in', dossier.opportunities, [['title', 'Title'], ['type', 'Type'], ['stage', 'Stage'], ['organisation', 'Organisation']])}
${table('Consent history', dossier.consents, [['purpose', 'Purpose'], ['channel', 'Channel'], ['method', 'How given'], ['givenAt', 'Given'], ['withdrawnAt', 'Withdrawn']])}
${table('Changes to their record (audit trail)', dossier.auditEvents, [['occurredAt', 'When'], ['actor', 'Who'], ['entityType', 'Record'], ['action', 'Action'], ['changes', 'Changes']])}
${table('Subject access requests', dossier.subjectAccessRequests, [['requester', 'Requester'], ['receivedOn', 'Received'], ['dueOn', 'Due'], ['status', 'Status'], ['completedOn', 'Completed']])}
</body></html>
`;
}
