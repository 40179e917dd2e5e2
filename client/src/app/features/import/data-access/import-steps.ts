import type { ImportStatus } from '../../../graphql/generated';
import { timeLeftInWords } from '../../../shared/dates/time-left';
import { formatCount } from '../../../shared/numbers/numbers';

/** The screen an import shows: one per status, with the background phases sharing one progress view. */
export type ImportStep = 'reading' | 'mapping' | 'previewing' | 'previewed' | 'committing' | 'committed' | 'undoing' | 'undone' | 'failed';

const STEP_OF: Record<ImportStatus, ImportStep> = {
  PARSING: 'reading',
  MAPPING: 'mapping',
  PREVIEWING: 'previewing',
  PREVIEWED: 'previewed',
  COMMITTING: 'committing',
  COMMITTED: 'committed',
  UNDOING: 'undoing',
  UNDONE: 'undone',
  FAILED: 'failed',
};

export const stepOf = (status: ImportStatus): ImportStep => STEP_OF[status];

/** The server is working on the batch: the page polls until it stops. */
export const isWorking = (status: ImportStatus): boolean => status === 'PARSING' || status === 'PREVIEWING' || status === 'COMMITTING' || status === 'UNDOING';

/** The heading of each step, which takes focus when the step changes. */
export const STEP_HEADINGS: Record<ImportStep, string> = {
  reading: 'Reading the file',
  mapping: 'Match the columns to fields',
  previewing: 'Checking every row',
  previewed: 'Check what will happen',
  committing: 'Importing',
  committed: 'Imported',
  undoing: 'Undoing the import',
  undone: 'Import undone',
  failed: 'The import failed',
};

export interface Progress {
  status: ImportStatus;
  rowsDone: number;
  rowsTotal: number;
  rowsPerSecond: number | null;
  secondsLeft: number | null;
}

/** 0–100 for a determinate bar; 0 before the total is known. */
export function progressPercent(p: Pick<Progress, 'rowsDone' | 'rowsTotal'>): number {
  if (p.rowsTotal <= 0) return 0;
  return Math.min(100, Math.max(0, Math.round((p.rowsDone / p.rowsTotal) * 100)));
}

/**
 * The line under a progress bar: "4,500 of 100,000 rows · 2,300 rows/s · about 40 s left". While
 * the file is read the total is not known yet: "Reading rows… 12,000 read".
 */
export function progressLine(p: Progress): string {
  if (p.status === 'PARSING') return `Reading rows… ${formatCount(p.rowsDone)} read`;
  const parts = [`${formatCount(p.rowsDone)} of ${formatCount(p.rowsTotal)} rows`];
  if (p.rowsPerSecond !== null && p.rowsPerSecond > 0) parts.push(`${formatCount(p.rowsPerSecond)} rows/s`);
  const left = timeLeftInWords(p.secondsLeft);
  if (left) parts.push(left);
  return parts.join(' · ');
}

/** What the bar is doing, for its accessible name. */
export const PROGRESS_LABELS: Partial<Record<ImportStatus, string>> = {
  PARSING: 'Reading the file',
  PREVIEWING: 'Previewing the rows',
  COMMITTING: 'Importing the rows',
  UNDOING: 'Undoing the import',
};
