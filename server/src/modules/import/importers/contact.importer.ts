import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { CreateContactInput } from '../../contact/dto/contact.input';
import { cleanText, parseEmail } from '../cells';
import { archiveImported, asChanges, auditMany, ImportContext, Importer, Match, nonEmpty, ParsedRow, Problem, RowToMatch, validateAs } from '../importer';
import { splitFullName } from '../person-name';
import { StoredCell } from '../read-spreadsheet';
import { parseLawfulBasis } from '../record-choices';
import { emailHolders, organisationField, resolveOrganisations } from './references';

/** The same name among the people of the same organisation this close or closer is taken as the same person. */
export const CONTACT_NAME_SIMILARITY = 0.85;
/** The API's cap on a contact's emails and phones. */
const MAX_EACH = 10;
const REQUIRED = new Set(['firstName', 'lastName']);

/** Excel turns 07700 900123 into the number 7700900123: a ten-digit number lost its leading zero. */
function phoneText(cell: StoredCell): string | null {
  if (typeof cell === 'number' && /^[1-9]\d{9}$/.test(String(cell))) return `0${cell}`;
  return cleanText(cell);
}

/** The key of a person at an organisation, in the file and against existing contacts. */
export const personKey = (firstName: string, lastName: string) => `${firstName} ${lastName}`.toLowerCase().replace(/\s+/g, ' ').trim();

interface ContactValues {
  firstName: string; lastName: string; email: string | null; phone: string | null; jobTitle: string | null;
  lawfulBasis: string | null; organisation: string | null; organisationId?: string | null;
}
const valuesOf = (row: RowToMatch) => row.values as unknown as ContactValues;

export const contactImporter: Importer = {
  entity: 'contacts',
  entityType: 'contact',
  fields: [
    { name: 'firstName', label: 'First name', required: true, orFilledBy: 'fullName' },
    { name: 'lastName', label: 'Last name', required: true, orFilledBy: 'fullName' },
    { name: 'fullName', label: 'Full name (instead of first and last)', required: false },
    { name: 'email', label: 'Email', required: false },
    { name: 'phone', label: 'Phone', required: false },
    { name: 'jobTitle', label: 'Job title', required: false },
    organisationField(false),
    { name: 'lawfulBasis', label: 'Lawful basis', required: false },
  ],

  parse(cells: Record<string, StoredCell>): ParsedRow {
    const problems: Problem[] = [];
    let firstName = cleanText(cells.firstName);
    let lastName = cleanText(cells.lastName);
    const fullName = cleanText(cells.fullName);
    if (!firstName || !lastName) {
      const split = splitFullName(fullName);
      firstName ??= split.firstName;
      lastName ??= split.lastName;
    }
    const email = parseEmail(cells.email);
    if (!email.ok) problems.push({ field: 'email', message: email.reason });
    const lawfulBasis = parseLawfulBasis(cells.lawfulBasis);
    if (!lawfulBasis.ok) problems.push({ field: 'lawfulBasis', message: lawfulBasis.reason });
    const phone = phoneText(cells.phone);
    const raw = {
      firstName: firstName ?? '', lastName: lastName ?? '', emails: email.ok && email.value ? [email.value] : [], phones: phone ? [phone] : [],
      jobTitle: cleanText(cells.jobTitle), lawfulBasis: lawfulBasis.ok ? lawfulBasis.value : null,
    };
    const { instance, problems: invalid } = validateAs(CreateContactInput, raw);
    const values: ContactValues = {
      firstName: instance.firstName, lastName: instance.lastName, email: instance.emails?.[0] ?? null, phone: instance.phones?.[0] ?? null,
      jobTitle: instance.jobTitle ?? null, lawfulBasis: instance.lawfulBasis ?? null, organisation: cleanText(cells.organisation),
    };
    // A bad optional cell is reported and left out; the person still comes in.
    for (const p of invalid) {
      const field = ({ emails: 'email', phones: 'phone' } as Record<string, string>)[p.field] ?? p.field;
      const message = field === 'lastName' && fullName && !cleanText(cells.lastName) ? `"${fullName}" has no surname: give first and last names` : p.message;
      problems.push({ field, message });
      if (!REQUIRED.has(field)) (values as unknown as Record<string, unknown>)[field] = null;
    }
    const importable = !problems.some((p) => REQUIRED.has(p.field));
    return { values: values as unknown as Record<string, unknown>, problems, importable, keys: values.email ? [`email:${values.email}`] : [] };
  },

  async prepare(tx, rows) {
    await resolveOrganisations(tx, rows, { blocking: false });
    for (const row of rows) {
      const v = valuesOf(row);
      if (row.parsed.importable && v.organisationId) row.parsed.keys.push(`name:${personKey(v.firstName, v.lastName)}|${v.organisationId}`);
    }
  },

  async match(tx: EntityManager, rows: RowToMatch[]): Promise<Map<number, Match>> {
    if (!rows.length) return new Map();
    // Emails are stored lower-case (the API lower-cases them, as parseEmail does), so @> on the GIN index finds them.
    const found: Array<{ n: number; id: string; reason: Match['reason']; score: number }> = await tx.query(
      `SELECT r.n, m.id, m.reason, m.score
         FROM unnest($1::int[], $2::text[], $3::text[], $4::uuid[]) AS r(n, email, person, org)
         CROSS JOIN LATERAL (
           (SELECT c.id, 'email' AS reason, 1::real AS score, 1 AS rank FROM contacts c
             WHERE r.email IS NOT NULL AND c.emails @> ARRAY[r.email] AND c.deleted_at IS NULL ORDER BY c.created_at LIMIT 1)
           UNION ALL
           (SELECT c.id, 'name', similarity(lower(c.first_name || ' ' || c.last_name), r.person), 2
              FROM affiliations a JOIN contacts c ON c.id = a.contact_id
             WHERE r.org IS NOT NULL AND a.organisation_id = r.org AND a.deleted_at IS NULL AND c.deleted_at IS NULL
               AND similarity(lower(c.first_name || ' ' || c.last_name), r.person) >= $5
             ORDER BY 3 DESC, c.created_at LIMIT 1)
           ORDER BY rank LIMIT 1) m`,
      [
        rows.map((r) => r.rowNumber), rows.map((r) => valuesOf(r).email), rows.map((r) => personKey(valuesOf(r).firstName, valuesOf(r).lastName)),
        rows.map((r) => valuesOf(r).organisationId ?? null), CONTACT_NAME_SIMILARITY,
      ],
    );
    return new Map(found.map((f) => [f.n, { id: f.id, reason: f.reason, score: Math.round(Number(f.score) * 100) / 100 }]));
  },

  async create(tx: EntityManager, rows: RowToMatch[], ctx: ImportContext): Promise<Map<number, string>> {
    if (!rows.length) return new Map();
    // One person, one record: an email another contact holds (or an earlier row took) is left off.
    const held = await emailHolders(tx, rows.map((r) => valuesOf(r).email));
    const records = rows.map((r) => {
      const v = valuesOf(r);
      const id = randomUUID();
      const email = v.email && !held.has(v.email) ? v.email : null;
      if (email) held.set(email, id);
      return {
        id, firstName: v.firstName, lastName: v.lastName, emails: email ? [email] : [], phones: v.phone ? [v.phone] : [],
        jobTitle: v.jobTitle, lawfulBasis: v.lawfulBasis, ownerId: ctx.actorId, organisationId: v.organisationId ?? null,
      };
    });
    await tx.query(
      `INSERT INTO contacts (id, first_name, last_name, emails, phones, job_title, lawful_basis, owner_id)
       SELECT x.id, x."firstName", x."lastName", ARRAY(SELECT jsonb_array_elements_text(x.emails)), ARRAY(SELECT jsonb_array_elements_text(x.phones)),
              x."jobTitle", x."lawfulBasis", x."ownerId"
         FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, "firstName" text, "lastName" text, emails jsonb, phones jsonb, "jobTitle" text, "lawfulBasis" text, "ownerId" uuid)`,
      [JSON.stringify(records)],
    );
    await auditMany(tx, ctx.actorId, 'contact', 'create', records.map(({ id, organisationId: _o, ...fields }) => ({
      id, changes: { ...asChanges(nonEmpty(fields)), importBatch: { old: null, new: ctx.batchId } },
    })));
    await insertAffiliations(tx, ctx, records.filter((r) => r.organisationId).map((r) => ({
      id: randomUUID(), contactId: r.id, organisationId: r.organisationId!, role: r.jobTitle, isPrimary: true,
    })));
    return new Map(rows.map((r, i) => [r.rowNumber, records[i].id]));
  },

  async fillGaps(tx: EntityManager, rows: Array<RowToMatch & { recordId: string }>, ctx: ImportContext) {
    const result = new Map<number, Record<string, unknown> | null>();
    if (!rows.length) return result;
    const contactIds = [...new Set(rows.map((r) => r.recordId))];
    const existing: Array<{ id: string; jobTitle: string | null; lawfulBasis: string | null; emails: string[]; phones: string[]; orgs: string[]; hasPrimary: boolean }> = await tx.query(
      `SELECT c.id, c.job_title AS "jobTitle", c.lawful_basis AS "lawfulBasis", c.emails, c.phones,
              ARRAY(SELECT a.organisation_id::text FROM affiliations a WHERE a.contact_id = c.id AND a.deleted_at IS NULL) AS orgs,
              EXISTS (SELECT 1 FROM affiliations a WHERE a.contact_id = c.id AND a.deleted_at IS NULL AND a.is_primary) AS "hasPrimary"
         FROM contacts c WHERE c.id = ANY($1::uuid[])`,
      [contactIds],
    );
    const byId = new Map(existing.map((e) => [e.id, e]));
    const held = await emailHolders(tx, rows.map((r) => valuesOf(r).email));
    // Several rows may fill one contact: changes are gathered per contact, the first row to bring a value wins.
    const changes = new Map<string, { jobTitle?: string; lawfulBasis?: string; emails: string[]; phones: string[] }>();
    const affiliations: Parameters<typeof insertAffiliations>[2] = [];
    for (const row of rows) {
      const record = byId.get(row.recordId);
      const v = valuesOf(row);
      const filled: Record<string, unknown> = {};
      if (record) {
        const c = changes.get(record.id) ?? { emails: [], phones: [] };
        if (record.jobTitle === null && v.jobTitle && c.jobTitle === undefined) filled.jobTitle = c.jobTitle = v.jobTitle;
        if (record.lawfulBasis === null && v.lawfulBasis && c.lawfulBasis === undefined) filled.lawfulBasis = c.lawfulBasis = v.lawfulBasis;
        const emails = [...record.emails, ...c.emails];
        if (v.email && !emails.includes(v.email) && !held.has(v.email) && emails.length < MAX_EACH) {
          filled.email = v.email;
          c.emails.push(v.email);
          held.set(v.email, record.id);
        }
        const phones = [...record.phones, ...c.phones];
        if (v.phone && !phones.some((p) => digits(p) === digits(v.phone!)) && phones.length < MAX_EACH) {
          filled.phone = v.phone;
          c.phones.push(v.phone);
        }
        if (v.organisationId && !record.orgs.includes(v.organisationId)) {
          const id = randomUUID();
          affiliations.push({ id, contactId: record.id, organisationId: v.organisationId, role: v.jobTitle, isPrimary: !record.hasPrimary });
          record.orgs.push(v.organisationId);
          record.hasPrimary = true;
          filled.affiliationId = id;
        }
        changes.set(record.id, c);
      }
      result.set(row.rowNumber, Object.keys(filled).length ? filled : null);
    }
    const updates = [...changes].filter(([, c]) => c.jobTitle || c.lawfulBasis || c.emails.length || c.phones.length).map(([id, c]) => ({ id, ...c }));
    if (updates.length) {
      await tx.query(
        `UPDATE contacts c SET job_title = COALESCE(c.job_title, v."jobTitle"), lawful_basis = COALESCE(c.lawful_basis, v."lawfulBasis"),
                emails = c.emails || ARRAY(SELECT jsonb_array_elements_text(v.emails)), phones = c.phones || ARRAY(SELECT jsonb_array_elements_text(v.phones)),
                version = c.version + 1, updated_at = now()
           FROM jsonb_to_recordset($1::jsonb) AS v(id uuid, "jobTitle" text, "lawfulBasis" text, emails jsonb, phones jsonb)
          WHERE c.id = v.id`,
        [JSON.stringify(updates)],
      );
      await auditMany(tx, ctx.actorId, 'contact', 'update', updates.map(({ id, ...c }) => ({ id, changes: asChanges(nonEmpty(c)) })));
    }
    await insertAffiliations(tx, ctx, affiliations);
    return result;
  },

  async undoCreated(tx: EntityManager, ids: string[], ctx: ImportContext) {
    await archiveImported(tx, 'contacts', 'contact', ids, ctx);
    // The affiliation the import made with each contact shares its creation time (one transaction); ones added later by a person stay.
    const made: Array<{ id: string }> = await tx.query(
      `SELECT a.id FROM affiliations a JOIN contacts c ON c.id = a.contact_id WHERE c.id = ANY($1::uuid[]) AND a.created_at = c.created_at`, [ids]);
    await archiveImported(tx, 'affiliations', 'affiliation', made.map((a) => a.id), ctx);
  },

  async undoFilled(tx: EntityManager, recordId: string, filled: Record<string, unknown>, ctx: ImportContext) {
    // Only where the field still holds what the import put there: a later edit by a person stays.
    const f = filled as { jobTitle?: string; lawfulBasis?: string; email?: string; phone?: string; affiliationId?: string };
    await tx.query(
      `UPDATE contacts SET job_title = CASE WHEN job_title = $2 THEN NULL ELSE job_title END,
              lawful_basis = CASE WHEN lawful_basis = $3 THEN NULL ELSE lawful_basis END,
              emails = CASE WHEN $4::text IS NULL THEN emails ELSE array_remove(emails, $4::text) END,
              phones = CASE WHEN $5::text IS NULL THEN phones ELSE array_remove(phones, $5::text) END,
              version = version + 1, updated_at = now()
        WHERE id = $1`,
      [recordId, f.jobTitle ?? null, f.lawfulBasis ?? null, f.email ?? null, f.phone ?? null],
    );
    const { affiliationId, ...fields } = f;
    if (Object.keys(fields).length) await auditMany(tx, ctx.actorId, 'contact', 'update', [{ id: recordId, changes: asChanges(fields, 'old') }]);
    if (affiliationId) await archiveImported(tx, 'affiliations', 'affiliation', [affiliationId], ctx);
  },

  async labels(tx: EntityManager, ids: string[]) {
    const rows: Array<{ id: string; label: string }> = await tx.query(
      `SELECT id, first_name || ' ' || last_name || coalesce(' <' || emails[1] || '>', '') AS label FROM contacts WHERE id = ANY($1::uuid[])`, [ids]);
    return new Map(rows.map((r) => [r.id, r.label]));
  },
};

const digits = (phone: string) => phone.replace(/\D/g, '');

/** The import's affiliations, audited as the contact form's are. */
async function insertAffiliations(tx: EntityManager, ctx: ImportContext, rows: Array<{ id: string; contactId: string; organisationId: string; role: string | null; isPrimary: boolean }>) {
  if (!rows.length) return;
  await tx.query(
    `INSERT INTO affiliations (id, contact_id, organisation_id, role, is_primary)
     SELECT a.id, a."contactId", a."organisationId", a.role, a."isPrimary"
       FROM jsonb_to_recordset($1::jsonb) AS a(id uuid, "contactId" uuid, "organisationId" uuid, role text, "isPrimary" boolean)`,
    [JSON.stringify(rows)],
  );
  await auditMany(tx, ctx.actorId, 'affiliation', 'create', rows.map(({ id, ...fields }) => ({
    id, changes: { ...asChanges(nonEmpty(fields)), importBatch: { old: null, new: ctx.batchId } },
  })));
}
