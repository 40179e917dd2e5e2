/**
 * Exports made by the server (GET /export/:list): every row the list's filters match, not only
 * the page on screen, streamed as CSV or XLSX. The client asks with the list's own GraphQL
 * arguments and downloads the answer.
 */
import { downloadBlob, ExportFormat } from './table-export';

export type ServerExportList = 'organisations' | 'contacts' | 'opportunities' | 'tasks';

/** A list export: which list, and its GraphQL arguments (search, filter, orderBy, statuses…); paging is ignored. */
export interface ServerExport {
  list: ServerExportList;
  args: Record<string, unknown>;
}

const PAGING = new Set(['first', 'after']);

/** "/export/organisations?format=csv&search=acme&filter=%7B…%7D": objects and arrays as JSON, empty values left out. */
export function serverExportUrl(request: ServerExport | { list: 'all' }, format: ExportFormat): string {
  const params = new URLSearchParams({ format });
  const args = 'args' in request ? request.args : {};
  for (const [key, value] of Object.entries(args)) {
    if (PAGING.has(key) || value === null || value === undefined || value === '') continue;
    params.set(key, typeof value === 'object' ? JSON.stringify(value) : String(value));
  }
  return `/export/${request.list}?${params.toString()}`;
}

/** The file name the server gave (Content-Disposition), else a plain one. */
export function downloadName(disposition: string | null, fallback: string): string {
  return /filename="([^"]+)"/.exec(disposition ?? '')?.[1] ?? fallback;
}

/** The server's reason when it refused (400 with a field, 403), for the person to read. */
export async function exportFailure(response: Response): Promise<string> {
  if (response.status === 401) return 'Your session has ended. Sign in again, then export.';
  if (response.status === 403) return 'Your role cannot make this export.';
  try {
    const body = (await response.json()) as { message?: string };
    if (body.message) return body.message;
  } catch {
    // Not JSON: fall through to the generic message.
  }
  return 'The export could not be made. Try again.';
}

/** Fetches the export with the session's token and hands it to the browser as a download. */
export async function downloadServerExport(url: string, token: string | null, fallbackName: string): Promise<void> {
  const response = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (!response.ok) throw new Error(await exportFailure(response));
  const blob = await response.blob();
  downloadBlob(blob, downloadName(response.headers.get('content-disposition'), fallbackName));
}
