import { describe, expect, it } from 'vitest';
import { extractFiles } from './extract-files';

describe('extractFiles', () => {
  it('takes the files out of the variables, with their paths, and leaves null in their place', () => {
    const file = new Blob(['Name\nAcme\n']);
    const other = new Blob(['x']);
    const { clone, files } = extractFiles({ operationName: 'StartImport', variables: { file, entity: 'ORGANISATIONS', more: [other, 1] } });
    expect(clone).toEqual({ operationName: 'StartImport', variables: { file: null, entity: 'ORGANISATIONS', more: [null, 1] } });
    expect([...files.entries()]).toEqual([
      [file, ['variables.file']],
      [other, ['variables.more.0']],
    ]);
  });

  it('finds nothing in a body without files, so the request stays JSON', () => {
    const body = { variables: { id: '1', when: null } };
    expect(extractFiles(body).files.size).toBe(0);
    expect(extractFiles(body).clone).toEqual(body);
  });
});
