import { academicYearOf, academicYearRange, reportPeriod, reportWhere, SqlParams } from './report-filter';

describe('report filters', () => {
  it('turns an academic year into 1 August to 31 July', () => {
    expect(academicYearRange('2025/26')).toEqual({ from: '2025-08-01', to: '2026-07-31' });
    expect(academicYearRange('1999/00')).toEqual({ from: '1999-08-01', to: '2000-07-31' });
  });

  it('refuses years that are not consecutive, naming the field', () => {
    expect(() => academicYearRange('2025/27')).toThrow('academicYear must be two consecutive years like 2025/26');
    expect(() => reportPeriod({ academicYear: '2025-26' })).toThrow(/filter\.academicYear/);
    expect(() => reportPeriod({ from: '2026-02-01', to: '2026-01-01' })).toThrow(/filter\.to/);
  });

  it('finds the academic year of a day at the 31 July / 1 August boundary', () => {
    expect(academicYearOf('2026-07-31')).toBe('2025/26');
    expect(academicYearOf('2026-08-01')).toBe('2026/27');
    expect(academicYearOf('2000-01-15')).toBe('1999/00');
  });

  it('builds parameterised clauses, the academic year taking the place of from/to', () => {
    const p = new SqlParams();
    const where = reportWhere(p, { departmentIds: ['d1'], ownerId: 'u1', academicYear: '2025/26', from: '2020-01-01' }, 'op', { instant: 'op.won_at' }, 'owner_id');
    // An instant is bounded by the UK midnights, so 00:30 BST on 1 August 2025 is inside 2025/26.
    expect(where).toEqual(['op.department_id = ANY($1::uuid[])', 'op.owner_id = $2::uuid',
      `op.won_at >= ((($3)::date)::timestamp AT TIME ZONE 'Europe/London')`, `op.won_at < ((($4::date + 1)::date)::timestamp AT TIME ZONE 'Europe/London')`]);
    expect(p.values).toEqual([['d1'], 'u1', '2025-08-01', '2026-07-31']);
    expect(reportWhere(new SqlParams(), { ownerId: 'u1' }, 'e', { day: 'e.occurred_on' }, null)).toEqual([]);
    const days = new SqlParams();
    expect(reportWhere(days, { from: '2026-03-01', to: '2026-03-31' }, 'e', { day: 'e.occurred_on' }, null)).toEqual(['e.occurred_on >= $1::date', 'e.occurred_on <= $2::date']);
  });
});
