/**
 * The relationship health formula (docs/relationship-health.md explains it for people).
 *
 * Each factor has a TypeScript form, which is the specification and is unit tested, and a SQL form
 * that scores whole lists inside PostgreSQL. An integration test checks the two agree.
 */

/** What the score is computed from, for one organisation as of one moment. */
export interface HealthInputs {
  /** Days since the latest engagement; null if there has never been one. */
  daysSinceLast: number | null;
  /** Engagements in the last 365 days. */
  engagements365: number;
  /** Distinct departments that engaged in the last 365 days. */
  departments365: number;
  /** Distinct contacts present at engagements in the last 365 days. */
  contacts365: number;
  /** Open pipeline, weighted by probability, in pence. */
  openWeightedPence: number;
  /** Won in the last two years, in pence. */
  wonPence730: number;
  /** Engagements in the last 90 days and in the 90 days before that. */
  recent90: number;
  prior90: number;
}

export type HealthFactorKey = 'recency' | 'frequency' | 'breadth' | 'opportunities' | 'trend';

export interface HealthFactorDefinition {
  key: HealthFactorKey;
  label: string;
  max: number;
  /** 0..max, from the inputs. */
  points(i: HealthInputs): number;
  /** The same in SQL over columns named as in HEALTH_INPUT_COLUMNS. */
  sql: string;
}

/** Full marks within a month; nothing after a year; linear in between. */
const RECENCY_FULL_DAYS = 30;
const RECENCY_ZERO_DAYS = 365;
/** Two engagements a month is as busy as a healthy relationship needs to be. */
const FREQUENCY_FULL = 24;
const BREADTH_FULL_DEPARTMENTS = 3;
const BREADTH_FULL_CONTACTS = 5;
/** £100,000 of weighted open plus recently won business earns full marks; scaled on a log curve. */
const OPPORTUNITY_FULL_POUNDS = 100_000;

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

export const HEALTH_FACTORS: readonly HealthFactorDefinition[] = [
  {
    key: 'recency',
    label: 'Recency',
    max: 30,
    points: (i) => (i.daysSinceLast === null ? 0 : 30 * clamp01((RECENCY_ZERO_DAYS - i.daysSinceLast) / (RECENCY_ZERO_DAYS - RECENCY_FULL_DAYS))),
    sql: `CASE WHEN days_since_last IS NULL THEN 0
               ELSE 30 * least(1, greatest(0, (${RECENCY_ZERO_DAYS} - days_since_last)::float8 / ${RECENCY_ZERO_DAYS - RECENCY_FULL_DAYS})) END`,
  },
  {
    key: 'frequency',
    label: 'Frequency',
    max: 20,
    points: (i) => 20 * Math.min(1, Math.log1p(i.engagements365) / Math.log1p(FREQUENCY_FULL)),
    sql: `20 * least(1, ln(1 + engagements_365) / ln(1 + ${FREQUENCY_FULL}))`,
  },
  {
    key: 'breadth',
    label: 'Breadth',
    max: 20,
    points: (i) => 10 * Math.min(1, i.departments365 / BREADTH_FULL_DEPARTMENTS) + 10 * Math.min(1, i.contacts365 / BREADTH_FULL_CONTACTS),
    sql: `10 * least(1, departments_365::float8 / ${BREADTH_FULL_DEPARTMENTS}) + 10 * least(1, contacts_365::float8 / ${BREADTH_FULL_CONTACTS})`,
  },
  {
    key: 'opportunities',
    label: 'Opportunities',
    max: 20,
    points: (i) => 20 * Math.min(1, Math.log1p((i.openWeightedPence + i.wonPence730) / 100_000) / Math.log1p(OPPORTUNITY_FULL_POUNDS / 1000)),
    sql: `20 * least(1, ln(1 + (open_weighted_pence + won_pence_730)::float8 / 100000) / ln(1 + ${OPPORTUNITY_FULL_POUNDS / 1000}))`,
  },
  {
    key: 'trend',
    label: 'Trend',
    max: 10,
    // Steady activity scores 5; all of it recent scores 10; all of it in the earlier window scores 0.
    points: (i) => 5 + 5 * ((i.recent90 - i.prior90) / Math.max(i.recent90, i.prior90, 1)),
    sql: `5 + 5 * ((recent_90 - prior_90)::float8 / greatest(recent_90, prior_90, 1))`,
  },
];

export interface HealthFactorScore {
  key: HealthFactorKey;
  label: string;
  points: number;
  max: number;
}

/** The score (0–100, whole number) and each factor's contribution (one decimal). */
export function scoreHealth(inputs: HealthInputs): { score: number; factors: HealthFactorScore[] } {
  const factors = HEALTH_FACTORS.map((f) => ({ key: f.key, label: f.label, max: f.max, points: f.points(inputs) }));
  const score = Math.round(factors.reduce((sum, f) => sum + f.points, 0));
  return { score, factors: factors.map((f) => ({ ...f, points: Math.round(f.points * 10) / 10 })) };
}

/** The whole score in SQL, over a row source with the HEALTH_INPUT_COLUMNS. */
export const HEALTH_SCORE_SQL = `floor(${HEALTH_FACTORS.map((f) => `(${f.sql})`).join(' + ')} + 0.5)::int`;
