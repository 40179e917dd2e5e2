import { describe, expect, it } from 'vitest';
import { academicQuarterOf } from './academic-quarter';

describe('academic quarters', () => {
  it('starts Q1 on 1 August and ends Q4 on 31 July', () => {
    expect(academicQuarterOf('2025-08-01')).toEqual({ academicYear: '2025/26', quarter: 1, from: '2025-08-01', to: '2025-10-31', label: 'Q1 2025/26 (Aug–Oct)' });
    expect(academicQuarterOf('2026-07-31')).toMatchObject({ academicYear: '2025/26', quarter: 4, from: '2026-05-01', to: '2026-07-31' });
  });

  it('runs Q2 across the new year', () => {
    expect(academicQuarterOf('2025-12-25')).toMatchObject({ quarter: 2, from: '2025-11-01', to: '2026-01-31', label: 'Q2 2025/26 (Nov–Jan)' });
    expect(academicQuarterOf('2026-01-31')).toMatchObject({ academicYear: '2025/26', quarter: 2, from: '2025-11-01' });
  });

  it('ends Q3 on the last day of April, leap years or not', () => {
    expect(academicQuarterOf('2024-02-29')).toMatchObject({ quarter: 3, from: '2024-02-01', to: '2024-04-30' });
  });
});
