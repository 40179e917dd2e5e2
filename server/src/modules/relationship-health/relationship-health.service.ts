import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { seesAllConfidential, visibleParam } from '../../common/auth/visibility';
import { notFound } from '../../common/graphql/errors';
import { goingColdSql } from './going-cold.sql';
import { goingColdFromSnapshotSql, refreshBucketsSql, refreshScoresSql, snapshotDaySql } from './going-cold-snapshot.sql';
import { HealthInputs, scoreHealth } from './health-formula';
import { healthInputsSql } from './health-inputs.sql';
import { GoingColdOrganisation, HealthScore } from './relationship-health.models';
import { addDays, ukToday } from '../../common/dates/uk-dates';

/** The trend window: a score is compared with the same organisation's score this many days ago. */
export const COMPARE_DAYS = 90;
/** A fall of this many points or more puts an important organisation on the going-cold list. */
export const GOING_COLD_DROP = 10;

/** pg_advisory_xact_lock key: one going-cold refresh at a time across every replica. */
export const GOING_COLD_REFRESH_LOCK_KEY = 733_300_002;

const today = () => ukToday();
const daysBefore = (isoDay: string, days: number) => addDays(isoDay, -days);

const toInputs = (r: any): HealthInputs => ({
  daysSinceLast: r.days_since_last === null ? null : Number(r.days_since_last),
  engagements365: Number(r.engagements_365),
  departments365: Number(r.departments_365),
  contacts365: Number(r.contacts_365),
  openWeightedPence: Number(r.open_weighted_pence),
  wonPence730: Number(r.won_pence_730),
  recent90: Number(r.recent_90),
  prior90: Number(r.prior_90),
});

@Injectable()
export class RelationshipHealthService {
  constructor(private readonly db: DataSource) {}

  /** One organisation's score with each factor's contribution, and its score 90 days earlier. */
  async forOrganisation(user: AuthUser, organisationId: string, asOf = today()): Promise<HealthScore> {
    const sql = healthInputsSql('= $3');
    const [[now], [then]] = await Promise.all([
      this.db.query(sql, [asOf, visibleParam(user), organisationId]),
      this.db.query(sql, [daysBefore(asOf, COMPARE_DAYS), visibleParam(user), organisationId]),
    ]);
    if (!now) throw notFound('Organisation', organisationId);
    const inputs = toInputs(now);
    const { score, factors } = scoreHealth(inputs);
    return { organisationId, asOf, score, previousScore: scoreHealth(toInputs(then)).score, factors, inputs };
  }

  /**
   * Important organisations (active or strategic partners, or won business in two years) whose
   * score fell by GOING_COLD_DROP or more over COMPARE_DAYS, biggest fall first, as of the daily
   * snapshot (going-cold-snapshot.sql.ts; GoingColdRefresher keeps it current). Before the first
   * snapshot exists it is computed live (an empty list asks whether that is why).
   */
  async goingCold(user: AuthUser, first: number): Promise<GoingColdOrganisation[]> {
    const rows = await this.db.query(goingColdFromSnapshotSql(GOING_COLD_DROP, COMPARE_DAYS, seesAllConfidential(user), user.departmentIds.length > 1),
      [visibleParam(user), first]);
    if (!rows.length && (await this.goingColdSnapshotDay()) === null) return this.goingColdLive(user, first);
    return rows.map((r: any) => toGoingCold(r, new Date(r.computed_at)));
  }

  /** The same list scored live over every organisation in one pass (goingColdSql): seconds at 100,000 organisations. */
  async goingColdLive(user: AuthUser, first: number, asOf = today()): Promise<GoingColdOrganisation[]> {
    const rows = await this.db.query(goingColdSql(GOING_COLD_DROP), [asOf, visibleParam(user), daysBefore(asOf, COMPARE_DAYS), first]);
    const now = new Date();
    return rows.map((r: any) => toGoingCold(r, now));
  }

  /** The day the snapshot scored, or null before the first one. */
  async goingColdSnapshotDay(): Promise<string | null> {
    const [snapshot] = await this.db.query(snapshotDaySql);
    return snapshot?.as_of ?? null;
  }

  /**
   * Recomputes the going-cold snapshot as of `asOf` in one transaction (readers keep the previous
   * one until it commits), waiting for a refresh another process is running. Returns when it was computed.
   */
  async refreshGoingCold(asOf = today()): Promise<Date> {
    const computedAt = await this.db.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock($1)`, [GOING_COLD_REFRESH_LOCK_KEY]);
      const params = [asOf, daysBefore(asOf, COMPARE_DAYS)];
      await tx.query(`DELETE FROM going_cold_buckets`);
      await tx.query(refreshBucketsSql, params);
      await tx.query(`DELETE FROM going_cold_scores`);
      await tx.query(refreshScoresSql(GOING_COLD_DROP), params);
      const [row] = await tx.query(
        `INSERT INTO going_cold_snapshot (id, as_of, computed_at) VALUES (true, $1, clock_timestamp())
         ON CONFLICT (id) DO UPDATE SET as_of = EXCLUDED.as_of, computed_at = EXCLUDED.computed_at RETURNING computed_at`, [asOf]);
      return new Date(row.computed_at);
    });
    // Fresh statistics for the read's plans, and a visibility map for its index-only scans.
    await this.db.query(`VACUUM (ANALYZE) going_cold_buckets, going_cold_scores`);
    return computedAt;
  }
}

const toGoingCold = (r: any, computedAt: Date): GoingColdOrganisation => ({
  organisationId: r.id,
  score: r.score,
  previousScore: r.previous_score,
  lastEngagedOn: r.last_engaged_on,
  computedAt,
});
