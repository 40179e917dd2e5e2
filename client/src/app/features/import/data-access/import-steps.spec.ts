import { describe, expect, it } from 'vitest';
import { isWorking, progressLine, progressPercent, stepOf } from './import-steps';

describe('import steps', () => {
  it('shows the step of the status, so a reload lands where the import is', () => {
    expect(stepOf('PARSING')).toBe('reading');
    expect(stepOf('PREVIEWED')).toBe('previewed');
    expect(stepOf('COMMITTING')).toBe('committing');
    expect(stepOf('FAILED')).toBe('failed');
  });

  it('polls only while the server works on the batch', () => {
    expect(['PARSING', 'PREVIEWING', 'COMMITTING', 'UNDOING'].every((s) => isWorking(s as never))).toBe(true);
    expect(['MAPPING', 'PREVIEWED', 'COMMITTED', 'UNDONE', 'FAILED'].some((s) => isWorking(s as never))).toBe(false);
  });

  it('gives the bar a percentage, 0 before the total is known and never past 100', () => {
    expect(progressPercent({ rowsDone: 4500, rowsTotal: 100000 })).toBe(5);
    expect(progressPercent({ rowsDone: 0, rowsTotal: 0 })).toBe(0);
    expect(progressPercent({ rowsDone: 12, rowsTotal: 10 })).toBe(100);
  });

  it('says rows done, the rate and the time left in UK numbers', () => {
    expect(progressLine({ status: 'COMMITTING', rowsDone: 4500, rowsTotal: 100000, rowsPerSecond: 2300.4, secondsLeft: 41 })).toBe(
      '4,500 of 100,000 rows · 2,300 rows/s · about 40 s left',
    );
    expect(progressLine({ status: 'PREVIEWING', rowsDone: 0, rowsTotal: 3000, rowsPerSecond: null, secondsLeft: null })).toBe('0 of 3,000 rows');
  });

  it('counts rows read while the file is read, as the total is not known yet', () => {
    expect(progressLine({ status: 'PARSING', rowsDone: 12000, rowsTotal: 12000, rowsPerSecond: 8000, secondsLeft: null })).toBe('Reading rows… 12,000 read');
  });
});
