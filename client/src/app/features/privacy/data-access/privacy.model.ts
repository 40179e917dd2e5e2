import { downloadServerExport } from '../../../shared/export/server-export';

export type SubjectAccessFormat = 'json' | 'html';

/** Downloads everything held about a person (JSON for machines, HTML for the person to read); the server logs it. */
export function downloadSubjectAccess(contactId: string, format: SubjectAccessFormat, token: string | null): Promise<void> {
  return downloadServerExport(`/export/subject-access/${encodeURIComponent(contactId)}?format=${format}`, token, `subject-access-${contactId}.${format}`);
}

/** "Due in 5 days", "Due today", "3 days overdue", or "Completed 2026-02-01" as people read it. */
export function dueLabel(request: { status: string; daysLeft: number; completedOn?: string | null }): string {
  if (request.status === 'completed') return request.completedOn ? `Completed ${request.completedOn}` : 'Completed';
  const { daysLeft: d } = request;
  if (d === 0) return 'Due today';
  if (d > 0) return `Due in ${d} day${d === 1 ? '' : 's'}`;
  return `${-d} day${d === -1 ? '' : 's'} overdue`;
}

/** The typed confirmation matches the name shown, ignoring case and spaces at the ends (as the server does). */
export function nameConfirmed(typed: string, name: string): boolean {
  return typed.trim().toLocaleLowerCase('en-GB') === name.trim().toLocaleLowerCase('en-GB') && name.trim() !== '';
}
