/**
 * The files in a GraphQL request body, for the multipart request spec (apollo-angular's HttpLink
 * `extractFiles` option): each File (or Blob) is replaced by null in a copy of the body and listed
 * with the object paths it was at ("variables.file"). Only plain objects and arrays are walked:
 * that is all a request's variables hold. A small twin of the extract-files package's function.
 */
export interface ExtractedFiles {
  clone: unknown;
  files: Map<Blob, string[]>;
}

const isFile = (value: unknown): value is Blob => typeof Blob !== 'undefined' && value instanceof Blob;

export function extractFiles(body: unknown): ExtractedFiles {
  const files = new Map<Blob, string[]>();
  const walk = (value: unknown, path: string): unknown => {
    if (isFile(value)) {
      files.set(value, [...(files.get(value) ?? []), path]);
      return null;
    }
    if (Array.isArray(value)) return value.map((item, i) => walk(item, `${path}.${i}`));
    if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, walk(item, path ? `${path}.${key}` : key)]));
    }
    return value;
  };
  return { clone: walk(body, ''), files };
}
