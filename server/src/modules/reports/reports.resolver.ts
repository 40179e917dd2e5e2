import { Args, Float, ID, Info, Int, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLResolveInfo } from 'graphql';
import { AuthUser, CurrentUser } from '../../common/auth/auth-user';
import { ADMINS, READERS, Roles } from '../../common/auth/roles';
import { badField } from '../../common/graphql/errors';
import { selectsField } from '../../common/graphql/selection';
import { OpportunityType } from '../opportunity/opportunity.enums';
import { OrganisationType } from '../organisation/organisation.enums';
import { HeBciEuroRate, SmeStatus } from './hebci.models';
import { HeBciService } from './hebci.service';
import { ReportFilter } from './report-filter';
import {
  ActivityDimension, ActivityReportRow, HeBciActivityMapping, HeBciCategory, HeBciSectorMapping, HeBciSummary,
  PipelineDimension, PipelineReportRow, Reports, TopOrganisationMeasure, TopOrganisationRow, WinRateDimension, WinRateReportRow,
} from './reports.models';
import { ReportsService } from './reports.service';

const filterArg = { type: () => ReportFilter, nullable: true } as const;

/** The HE-BCI summary's fields computed by its figures query (hebci.sql.ts yearFiguresSql). */
const HEBCI_FIGURES = ['cells', 'lines', 'unknownSize', 'notReturnedCount'];

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
    @Info() info?: GraphQLResolveInfo,
  ): Promise<HeBciSummary> {
    // A cell's records opened on their own (HeBciCellRecords) need none of the figures.
    const figures = !info || HEBCI_FIGURES.some((field) => selectsField(info, field));
    return this.hebci.summary(user, academicYear, { departmentIds }, { figures });
  }

  @Mutation(() => HeBciActivityMapping, { description: 'Admins: the HE-BCI heading an opportunity type is returned under (null: not returned)' })
  @Roles(...ADMINS)
  setHeBciActivityMapping(
    @Args('opportunityType', { type: () => OpportunityType }) opportunityType: OpportunityType,
    @Args('category', { type: () => HeBciCategory, nullable: true }) category: HeBciCategory | null,
  ): Promise<HeBciActivityMapping> {
    return this.hebci.setActivityMapping(opportunityType, category ?? null);
  }

  @Mutation(() => HeBciSectorMapping, { description: 'Admins: whether organisations of a type are commercial partners (the SME test then splits them) or non-commercial' })
  @Roles(...ADMINS)
  setHeBciSectorMapping(
    @Args('organisationType', { type: () => OrganisationType }) organisationType: OrganisationType,
    @Args('commercial') commercial: boolean,
  ): Promise<HeBciSectorMapping> {
    return this.hebci.setSectorMapping(organisationType, commercial);
  }

  @Mutation(() => HeBciEuroRate, { description: 'Admins: the pounds-per-euro rate the EU SME thresholds are converted at, with its source and date' })
  @Roles(...ADMINS)
  setHeBciEuroRate(
    @Args('gbpPerEur', { type: () => Float }) gbpPerEur: number,
    @Args('source') source: string,
    @Args('rateDate') rateDate: string,
  ): Promise<HeBciEuroRate> {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(rateDate)) throw badField('rateDate', 'rateDate must be a date, e.g. 2024-12-31');
    return this.hebci.setEuroRate(gbpPerEur, source, rateDate);
  }

  @Query(() => SmeStatus, { description: 'Whether an organisation is an SME for HE-BCI (the EU/HESA test over its figures and group), and why' })
  @Roles(...READERS)
  organisationSmeStatus(@CurrentUser() user: AuthUser, @Args('organisationId', { type: () => ID }) organisationId: string): Promise<SmeStatus> {
    return this.hebci.smeStatus(user, organisationId);
  }
}
