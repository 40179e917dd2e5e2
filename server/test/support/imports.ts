import { GqlResult, TestApp } from './test-app';

export const BATCH_FIELDS = `id status error entity headers mapping rowsTotal rowsDone sameFileImportedAt
  summary { rows create match skip proposed withProblems created merged unchanged skipped undone }`;

export const START = `mutation($file: Upload!, $entity: ImportEntity!) { startImport(file: $file, entity: $entity) { ${BATCH_FIELDS} } }`;

/** Polls the batch until it reaches one of `statuses` (the worker runs in the background). */
export async function waitFor(t: TestApp, id: string, statuses: string[], token = t.tokens.admin): Promise<any> {
  for (;;) {
    const r = await t.gql(`query($id: ID!) { importBatch(id: $id) { ${BATCH_FIELDS} } }`, { id }, token);
    const batch = r.data?.importBatch;
    if (!batch) throw new Error(JSON.stringify(r.errors));
    if (statuses.includes(batch.status)) return batch;
    if (batch.status === 'FAILED') throw new Error(`import failed: ${batch.error}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function startImport(t: TestApp, entity: string, name: string, content: Buffer | string, token = t.tokens.admin): Promise<any> {
  const r: GqlResult = await t.upload(START, { entity }, { name, content: Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8') }, token);
  if (!r.data) throw new Error(JSON.stringify(r.errors));
  return waitFor(t, r.data.startImport.id, ['MAPPING'], token);
}

/** Upload, preview with the suggested (or given) mapping, and wait for the preview. */
export async function previewed(t: TestApp, entity: string, name: string, content: Buffer | string, mapping?: Array<string | null>): Promise<any> {
  const batch = await startImport(t, entity, name, content);
  const r = await t.gql(`mutation($id: ID!, $m: [String]!) { previewImport(id: $id, mapping: $m) { id } }`, { id: batch.id, m: mapping ?? batch.mapping }, t.tokens.admin);
  if (!r.data) throw new Error(JSON.stringify(r.errors));
  return waitFor(t, batch.id, ['PREVIEWED']);
}

export async function rowsOf(t: TestApp, id: string, view = 'ALL'): Promise<any[]> {
  const r = await t.gql(`query($id: ID!, $v: ImportRowView) { importBatch(id: $id) { rows(first: 100, view: $v) { edges { node {
      rowNumber cells decision decidedByUser outcome recordId problems { field message } match { recordId label reason score rowNumber proposed } filled { field label value } } } } } }`,
    { id, v: view }, t.tokens.admin);
  if (!r.data) throw new Error(JSON.stringify(r.errors));
  return r.data.importBatch.rows.edges.map((e: any) => e.node);
}

export async function commit(t: TestApp, id: string): Promise<any> {
  const r = await t.gql(`mutation($id: ID!) { commitImport(id: $id) { id } }`, { id }, t.tokens.admin);
  if (!r.data) throw new Error(JSON.stringify(r.errors));
  return waitFor(t, id, ['COMMITTED']);
}

export async function undo(t: TestApp, id: string): Promise<any> {
  const r = await t.gql(`mutation($id: ID!) { undoImport(id: $id) { id } }`, { id }, t.tokens.admin);
  if (!r.data) throw new Error(JSON.stringify(r.errors));
  return waitFor(t, id, ['UNDONE']);
}
