import { formatFileSize } from '../../../shared/numbers/numbers';

/** The server's cap (server/src/modules/import/read-spreadsheet.ts): refused here first, before a long upload. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
const TYPES = /\.(csv|xlsx)$/i;

/**
 * Why a chosen file cannot be imported, naming it, or null when it can be uploaded. The server
 * checks the bytes as well; this only spares a 50 MB upload that would be refused.
 */
export function importFileProblem(file: { name: string; size: number }): string | null {
  if (!TYPES.test(file.name)) return `${file.name} is not a CSV or XLSX file: in Excel, use Save As and choose CSV or Excel Workbook (.xlsx).`;
  if (file.size === 0) return `${file.name} is empty.`;
  if (file.size > MAX_IMPORT_BYTES) return `${file.name} is larger than 50 MB (${formatFileSize(file.size)}): split it into smaller files.`;
  return null;
}

/** The input's accept list, so the file picker offers the right files first. */
export const IMPORT_FILE_ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
