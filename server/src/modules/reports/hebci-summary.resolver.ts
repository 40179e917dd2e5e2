import { Args, ID, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { badField } from '../../common/graphql/errors';
import { partInCell } from './hebci-lines';
import { HeBciCellFilter, HeBciRecord } from './hebci.models';
import { HeBciSummary } from './reports.models';

export const HEBCI_RECORDS_DEFAULT = 200;
export const HEBCI_RECORDS_MAX = 2_000;

/**
 * The contracts behind the return, a page at a time and optionally those behind one cell. The
 * summary's figures are computed without them; they are built only when this field is asked for,
 * and it decides how many travel, so a large institution's report is not megabytes of records
 * nobody opened.
 */
@Resolver(() => HeBciSummary)
export class HeBciSummaryResolver {
  @ResolveField(() => [HeBciRecord], {
    description: `The contracts behind the figures, in organisation then title order, with their income for the year and the rule used; `
      + `a page of \`first\` (default ${HEBCI_RECORDS_DEFAULT}, at most ${HEBCI_RECORDS_MAX}) after the contract \`after\`, and with \`cell\` only those contributing to that cell`,
  })
  async records(
    @Parent() summary: HeBciSummary,
    @Args('cell', { type: () => HeBciCellFilter, nullable: true }) cell?: HeBciCellFilter,
    @Args('first', { type: () => Int, defaultValue: HEBCI_RECORDS_DEFAULT }) first = HEBCI_RECORDS_DEFAULT,
    @Args('after', { type: () => ID, nullable: true, description: 'The opportunityId of the last record of the previous page' }) after?: string,
  ): Promise<HeBciRecord[]> {
    if (!(first >= 1 && first <= HEBCI_RECORDS_MAX)) throw badField('first', `first must be between 1 and ${HEBCI_RECORDS_MAX}`);
    const records = await summary.records();
    const all = cell ? records.filter((r) => r.parts.some((p) => partInCell(p, cell))) : records;
    const start = after ? all.findIndex((r) => r.opportunityId === after) + 1 : 0;
    if (after && start === 0) throw badField('after', 'after must be the opportunityId of a record in this return');
    return all.slice(start, start + first);
  }
}
