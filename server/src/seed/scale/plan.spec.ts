import { scalePlan } from './plan';

describe(scalePlan.name, () => {
  it('should keep issue 15\'s proportions per 100,000 organisations', () => {
    expect(scalePlan(100_000)).toEqual({ organisations: 100_000, contacts: 500_000, engagements: 2_000_000, opportunities: 200_000, tasks: 50_000, departments: 50, users: 2_000 });
    expect(scalePlan(1_000_000).engagements).toBe(20_000_000);
  });

  it('should keep at least two departments and five staff at tiny scales', () => {
    expect(scalePlan(500)).toEqual({ organisations: 500, contacts: 2_500, engagements: 10_000, opportunities: 1_000, tasks: 250, departments: 2, users: 10 });
    expect(scalePlan(1)).toMatchObject({ departments: 2, users: 5 });
  });

  it('should refuse a scale that is not a whole number of at least one', () => {
    for (const bad of [0, -5, 1.5, Number.NaN]) expect(() => scalePlan(bad)).toThrow('--orgs');
  });
});
