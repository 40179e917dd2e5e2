/** How many rows of each kind a scale run makes: proportions per 100,000 organisations, from issue 15. */
export interface ScalePlan {
  organisations: number;
  contacts: number;
  engagements: number;
  opportunities: number;
  tasks: number;
  departments: number;
  users: number;
}

const PER_100K = { contacts: 500_000, engagements: 2_000_000, opportunities: 200_000, tasks: 50_000, departments: 50, users: 2_000 };
/** Small scales still need a few departments and staff for confidentiality and ownership to mean something. */
const FLOOR = { departments: 2, users: 5 };

export function scalePlan(organisations: number): ScalePlan {
  if (!Number.isInteger(organisations) || organisations < 1) throw new Error('--orgs must be a whole number of at least 1');
  const f = organisations / 100_000;
  const scaled = (n: number) => Math.round(n * f);
  return {
    organisations,
    contacts: scaled(PER_100K.contacts),
    engagements: scaled(PER_100K.engagements),
    opportunities: scaled(PER_100K.opportunities),
    tasks: scaled(PER_100K.tasks),
    departments: Math.max(FLOOR.departments, scaled(PER_100K.departments)),
    users: Math.max(FLOOR.users, scaled(PER_100K.users)),
  };
}
