import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { visibleParam } from '../../common/auth/visibility';
import { notFound } from '../../common/graphql/errors';
import { goingColdSql } from './going-cold.sql';
import { HealthInputs, scoreHealth } from './health-formula';
import { healthInputsSql } from './health-inputs.sql';
import { GoingColdOrganisation, HealthScore } from './relationship-health.models';
import { addDays, ukToday } from '../../common/dates/uk-dates';

/** The trend window: a score is compared with the same organisation's score this many days ago. */
export const COMPARE_DAYS = 90;
/** A fall of this many points or more puts an important organisation on the going-cold list. */
export const GOING_COLD_DROP = 10;

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
   * score fell by GOING_COLD_DROP or more over COMPARE_DAYS, biggest fall first. Each organisation
   * is scored for both dates in one pass (goingColdSql).
   */
  async goingCold(user: AuthUser, first: number, asOf = today()): Promise<GoingColdOrganisation[]> {
    const rows = await this.db.query(goingColdSql(GOING_COLD_DROP), [asOf, visibleParam(user), daysBefore(asOf, COMPARE_DAYS), first]);
    return rows.map((r: any) => ({
      organisationId: r.id,
      score: r.score,
      previousScore: r.previous_score,
      lastEngagedOn: r.last_engaged_on,
    }));
  }
}
