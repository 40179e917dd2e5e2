import { Field, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { DataSource, In } from 'typeorm';
import { AuthUser, CurrentUser } from '../../common/auth/auth-user';
import { READERS, Roles } from '../../common/auth/roles';
import { visibleParam, visibleSql } from '../../common/auth/visibility';
import { Engagement } from '../engagement/engagement.entity';
import { timelines } from '../engagement/engagement.timeline';
import { Organisation } from '../organisation/organisation.entity';
import { Task } from '../task/task.entity';
import { addDays, ukToday } from '../../common/dates/uk-dates';

export const QUIET_AFTER_DAYS = 90;

@ObjectType({ description: 'An organisation you own with no engagement for 90 days or more' })
export class QuietOrganisation {
  @Field(() => Organisation) organisation!: Organisation;
  @Field(() => String, { nullable: true, description: 'Null when never engaged' }) lastEngagedOn!: string | null;
}

@ObjectType({ description: "The signed-in user's home page" })
export class MyDay {
  @Field(() => [Task]) overdueTasks!: Task[];
  @Field(() => [Task], { description: 'Open tasks due today or in the next 7 days' }) dueTasks!: Task[];
  @Field(() => [Engagement], { description: 'Your 10 most recent engagements' }) recentEngagements!: Engagement[];
  @Field(() => [QuietOrganisation]) quietOrganisations!: QuietOrganisation[];
}

@Resolver(() => MyDay)
export class MyDayResolver {
  constructor(private readonly db: DataSource) {}

  @Query(() => MyDay)
  @Roles(...READERS)
  async myDay(@CurrentUser() user: AuthUser): Promise<MyDay> {
    const today = ukToday();
    const tasks = this.db.getRepository(Task).createQueryBuilder('t')
      .where('t.assignee_id = :me', { me: user.id }).andWhere(`t.status = 'open'`).andWhere('t.due_on <= :weekAhead::date', { weekAhead: addDays(today, 7) })
      .orderBy('t.due_on', 'ASC').limit(100).getMany();
    const recent = timelines(this.db, user, { first: 10, filter: { staffId: user.id } }, null);
    const quiet = this.db.query(
      `SELECT o.id, last.last_on::text AS last_engaged_on
         FROM organisations o
         LEFT JOIN LATERAL (SELECT max(e.occurred_on) AS last_on FROM engagements e WHERE e.organisation_id = o.id AND e.deleted_at IS NULL) last ON true
        WHERE o.owner_id = $1 AND o.deleted_at IS NULL AND ${visibleSql('o', 2)}
          AND (last.last_on IS NULL OR last.last_on < $3::date - ${QUIET_AFTER_DAYS})
        ORDER BY last.last_on ASC NULLS FIRST, o.name LIMIT 20`,
      [user.id, visibleParam(user), today],
    );
    const [taskRows, recentPage, quietRows] = await Promise.all([tasks, recent, quiet]);
    const organisations = quietRows.length
      ? await this.db.getRepository(Organisation).findBy({ id: In(quietRows.map((r: any) => r.id)) })
      : [];
    const byId = new Map(organisations.map((o) => [o.id, o]));
    return {
      overdueTasks: taskRows.filter((t) => t.dueOn! < today),
      dueTasks: taskRows.filter((t) => t.dueOn! >= today),
      recentEngagements: recentPage.get('')!.edges.map((e) => e.node),
      quietOrganisations: quietRows.map((r: any) => ({ organisation: byId.get(r.id)!, lastEngagedOn: r.last_engaged_on })),
    };
  }
}
