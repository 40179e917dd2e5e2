import { downloadName, exportFailure, serverExportUrl } from './server-export';
import { downloadBlob } from './table-export';

/** "3.4 MB", "820 KB": how much of the workbook has arrived. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('en-GB')} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * Downloads the admin's full export (every table, one sheet each), reading the stream so the page
 * can show how much has arrived: a large institution's workbook takes a while.
 */
export async function downloadFullExport(token: string | null, progress: (bytes: number) => void): Promise<void> {
  const response = await fetch(serverExportUrl({ list: 'all' }, 'xlsx'), { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (!response.ok || !response.body) throw new Error(await exportFailure(response));
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.length;
    progress(received);
  }
  const blob = new Blob(chunks as BlobPart[], { type: response.headers.get('content-type') ?? 'application/octet-stream' });
  downloadBlob(blob, downloadName(response.headers.get('content-disposition'), 'bce-crm-full-export.xlsx'));
}
