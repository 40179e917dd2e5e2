import { describe, expect, it } from 'vitest';
import { importFileProblem, MAX_IMPORT_BYTES } from './import-file';

describe('importFileProblem', () => {
  it('accepts CSV and XLSX files up to 50 MB, whatever the case of the extension', () => {
    expect(importFileProblem({ name: 'employers.csv', size: 1200 })).toBeNull();
    expect(importFileProblem({ name: 'Employers 2025.XLSX', size: MAX_IMPORT_BYTES })).toBeNull();
  });

  it('refuses other types, naming the file', () => {
    expect(importFileProblem({ name: 'logo.png', size: 10 })).toMatch(/^logo\.png is not a CSV or XLSX file/);
    expect(importFileProblem({ name: 'old.xls', size: 10 })).toMatch(/^old\.xls is not a CSV or XLSX file/);
    expect(importFileProblem({ name: 'employers.csv.pdf', size: 10 })).toMatch(/not a CSV/);
  });

  it('refuses a file over 50 MB with its size, and an empty one', () => {
    expect(importFileProblem({ name: 'big.csv', size: MAX_IMPORT_BYTES + 1 })).toBe('big.csv is larger than 50 MB (50 MB): split it into smaller files.');
    expect(importFileProblem({ name: 'huge.csv', size: 63.3 * 1024 * 1024 })).toMatch(/^huge\.csv is larger than 50 MB \(63\.3 MB\)/);
    expect(importFileProblem({ name: 'blank.csv', size: 0 })).toBe('blank.csv is empty.');
  });
});
