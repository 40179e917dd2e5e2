import { Args, ID, Int, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AuthUser, CurrentUser } from '../../common/auth/auth-user';
import { ADMINS, READERS, Roles } from '../../common/auth/roles';
import { badField } from '../../common/graphql/errors';
import { OpportunityType } from '../opportunity/opportunity.enums';
import { OrganisationType, SizeBand } from '../organisation/organisation.enums';
import { HeBciService } from './hebci.service';
import { ReportFilter } from './report-filter';
import {
  ActivityDimension, ActivityReportRow, HeBciActivityMapping, HeBciCategory, HeBciPartnerMapping, HeBciPartnerType, HeBciSummary,
  PipelineDimension, PipelineReportRow, Reports, TopOrganisationMeasure, TopOrganisationRow, WinRateDimension, WinRateReportRow,
} from './reports.models';
import { ReportsService } from './reports.service';

const filterArg = { type: () => ReportFilter, nullable: true } as const;

@Resolver(() => Reports)
export class ReportsResolver {
  constructor(private readonly reports: ReportsService, private readonly hebci: HeBciService) {}

  @Query(() => Reports, { name: 'reports', description: 'Managers’ figures; every number counts only what you may see' })
  @Roles(...READERS)
  reportsArea(): Reports {
    return { generatedAt: new Date() };
  }

  @ResolveField(() => [PipelineReportRow], { description: 'Open pipeline by stage (the period applies to expected close)' })
  pipelineByStage(@CurrentUser() user: AuthUser, @Args('filter', filterArg) filter?: ReportFilter): Promise<PipelineReportRow[]> {
    return this.reports.pipeline(user, PipelineDimension.stage, filter);
  }

  @ResolveField(() => [PipelineReportRow], { description: 'Open pipeline by stage, type, department or owner' })
  pipeline(
    @CurrentUser() user: AuthUser,
    @Args('by', { type: () => PipelineDimension }) by: PipelineDimension,
    @Args('filter', filterArg) filter?: ReportFilter,
  ): Promise<PipelineReportRow[]> {
    return this.reports.pipeline(user, by, filter);
  }

  @ResolveField(() => [WinRateReportRow], { description: 'Won against lost, by type or department, for opportunities closed in the period' })
  winRate(
    @CurrentUser() user: AuthUser,
    @Args('by', { type: () => WinRateDimension, defaultValue: WinRateDimension.type }) by: WinRateDimension,
    @Args('filter', filterArg) filter?: ReportFilter,
  ): Promise<WinRateReportRow[]> {
    return this.reports.winRate(user, by, filter);
  }

  @ResolveField(() => [ActivityReportRow], { description: 'Engagements per month by department or type' })
  activityOverTime(
    @CurrentUser() user: AuthUser,
    @Args('by', { type: () => ActivityDimension, defaultValue: ActivityDimension.department }) by: ActivityDimension,
    @Args('filter', filterArg) filter?: ReportFilter,
  ): Promise<ActivityReportRow[]> {
    return this.reports.activity(user, by, filter);
  }

  @ResolveField(() => [TopOrganisationRow], { description: 'Top organisations by won value or by engagements in the period' })
  topOrganisations(
    @CurrentUser() user: AuthUser,
    @Args('by', { type: () => TopOrganisationMeasure }) by: TopOrganisationMeasure,
    @Args('first', { type: () => Int, defaultValue: 10 }) first: number,
    @Args('filter', filterArg) filter?: ReportFilter,
  ): Promise<TopOrganisationRow[]> {
    if (first < 1 || first > 100) throw badField('first', 'first must be between 1 and 100');
    return this.reports.topOrganisations(user, by, first, filter);
  }

  @ResolveField(() => HeBciSummary, { description: 'The HE-BCI return for an academic year such as "2025/26"' })
  heBciSummary(
    @CurrentUser() user: AuthUser,
    @Args('academicYear') academicYear: string,
    @Args('departmentIds', { type: () => [ID], nullable: true }) departmentIds?: string[],
  ): Promise<HeBciSummary> {
    return this.hebci.summary(user, academicYear, { departmentIds });
  }

  @Mutation(() => HeBciActivityMapping, { description: 'Admins: the HE-BCI heading an opportunity type is returned under (null: not returned)' })
  @Roles(...ADMINS)
  setHeBciActivityMapping(
    @Args('opportunityType', { type: () => OpportunityType }) opportunityType: OpportunityType,
    @Args('category', { type: () => HeBciCategory, nullable: true }) category: HeBciCategory | null,
  ): Promise<HeBciActivityMapping> {
    return this.hebci.setActivityMapping(opportunityType, category ?? null);
  }

  @Mutation(() => HeBciPartnerMapping, { description: 'Admins: the partner type for organisations of a type and size band' })
  @Roles(...ADMINS)
  setHeBciPartnerMapping(
    @Args('organisationType', { type: () => OrganisationType }) organisationType: OrganisationType,
    @Args('sizeBand', { type: () => SizeBand, nullable: true }) sizeBand: SizeBand | null,
    @Args('partnerType', { type: () => HeBciPartnerType }) partnerType: HeBciPartnerType,
  ): Promise<HeBciPartnerMapping> {
    return this.hebci.setPartnerMapping(organisationType, sizeBand ?? null, partnerType);
  }
}
