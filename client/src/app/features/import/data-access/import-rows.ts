import type { ImportDecision, ImportRowViewFragment } from '../../../graphql/generated';
import { IMPORT_DECISION_LABELS, IMPORT_MATCH_REASON_LABELS } from '../../../shared/labels/import-labels';

type Match = NonNullable<ImportRowViewFragment['match']>;
interface Field {
  name: string;
  label: string;
  required: boolean;
}

/**
 * The match in words: "Tyne Engineering (NE1 4XF) — same Companies House number",
 * "Smith and Sons — similar name, 82 %", "same as row 7 of this file".
 */
export function matchInWords(match: Match | null | undefined): string {
  if (!match) return '';
  const words = matchReasonInWords(match);
  // Only likely: nothing confirms it (no postcode, or a company that no longer exists), so a person decides.
  return match.proposed ? `Possible match, not merged unless you choose Merge: ${words}` : words;
}

function matchReasonInWords(match: Match): string {
  if (match.reason === 'EARLIER_ROW') return match.rowNumber ? `same as row ${match.rowNumber} of this file` : IMPORT_MATCH_REASON_LABELS.EARLIER_ROW;
  const record = match.label ?? 'an existing record';
  if (match.reason === 'NAME') return match.score >= 1 ? `${record} — same name` : `${record} — similar name, ${Math.round(match.score * 100)} %`;
  return `${record} — ${IMPORT_MATCH_REASON_LABELS[match.reason]}`;
}

/** What a merged row filled: "Sector: M · SIC codes: 71122, 62012". */
export function filledInWords(filled: ReadonlyArray<{ label: string; value: string }>): string {
  return filled.map((f) => `${f.label}: ${f.value}`).join(' · ');
}

/** "Postcode: XX is not a UK postcode", with the field's label rather than its name. */
export function problemInWords(problem: { field: string; message: string }, fields: readonly Field[]): string {
  const label = fields.find((f) => f.name === problem.field)?.label ?? problem.field;
  return `${label}: ${problem.message}`;
}

/** A row whose required field has a problem can only be skipped (the server refuses anything else). */
export function hasRequiredProblem(row: Pick<ImportRowViewFragment, 'problems'>, fields: readonly Field[]): boolean {
  return row.problems.some((p) => fields.some((f) => f.required && f.name === p.field));
}

export interface DecisionChoice {
  value: ImportDecision;
  label: string;
  disabled: boolean;
}

/**
 * The choices of a row's decision select. Merging needs what the preview matched the row to: an
 * existing record, or an earlier row of the file (the server keeps the match when the row is
 * switched to Create or Skip, so it can be switched back).
 */
export function decisionChoices(row: Pick<ImportRowViewFragment, 'problems' | 'decision' | 'match'>, fields: readonly Field[]): DecisionChoice[] {
  const blocked = hasRequiredProblem(row, fields);
  const canMerge = !!row.match?.recordId || !!row.match?.rowNumber || row.decision === 'MATCH';
  return [
    { value: 'CREATE', label: IMPORT_DECISION_LABELS.CREATE, disabled: blocked && row.decision !== 'CREATE' },
    { value: 'MATCH', label: IMPORT_DECISION_LABELS.MATCH, disabled: (blocked || !canMerge) && row.decision !== 'MATCH' },
    { value: 'SKIP', label: IMPORT_DECISION_LABELS.SKIP, disabled: false },
  ];
}

/** What decideImportRows is sent for a new decision; null when there is nothing to send. */
export function decisionInput(row: Pick<ImportRowViewFragment, 'rowNumber' | 'decision' | 'match'>, decision: ImportDecision) {
  if (decision === row.decision) return null;
  if (decision === 'MATCH') return row.match?.recordId ? { rowNumber: row.rowNumber, decision, matchId: row.match.recordId } : row.match?.rowNumber ? { rowNumber: row.rowNumber, decision } : null;
  return { rowNumber: row.rowNumber, decision };
}

/**
 * The columns the rows table shows: the first few that fill a field (the ones that matter) and
 * hold something on this page, so an empty "Companies House No" does not take the room of a name.
 */
export function shownColumns(mapping: ReadonlyArray<string | null>, rows: ReadonlyArray<{ cells: ReadonlyArray<string | null> }> = [], max = 3): number[] {
  const mapped = mapping.map((field, i) => (field ? i : -1)).filter((i) => i >= 0);
  const candidates = mapped.length ? mapped : mapping.map((_, i) => i);
  const filled = candidates.filter((i) => rows.some((r) => (r.cells[i] ?? '').trim() !== ''));
  return (filled.length ? filled : candidates).slice(0, max);
}
