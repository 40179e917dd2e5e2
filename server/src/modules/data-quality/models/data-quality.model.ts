import { Field, Int, ObjectType } from '@nestjs/graphql';

/**
 * How many records need attention, counted over what the reader may see: live records only,
 * confidential ones only for their department, managers and admins. Each count is exactly the
 * totalCount of the list filter named in its description, so "Fix these" opens those records.
 */
@ObjectType()
export class DataQuality {
  @Field(() => Int, { description: 'organisations(filter: { missing: [sector] })' }) organisationsMissingSector!: number;
  @Field(() => Int, { description: 'organisations(filter: { missing: [sizeBand] })' }) organisationsMissingSizeBand!: number;
  @Field(() => Int, { description: 'organisations(filter: { missing: [postcode] })' }) organisationsMissingPostcode!: number;
  @Field(() => Int, { description: 'organisations(filter: { noEngagementSince: engagementCutoff }), never-engaged ones included' })
  organisationsWithoutRecentEngagement!: number;
  @Field(() => Int, { description: 'contacts(filter: { noEngagementSince: engagementCutoff }), never-engaged ones included' })
  contactsWithoutRecentEngagement!: number;
  @Field(() => Int, { description: 'contacts(filter: { withoutLawfulBasis: true }): none recorded, or consent with no consent still standing' })
  contactsWithoutLawfulBasis!: number;
  @Field(() => Int, { description: 'opportunities(filter: { staleOnly: true }): open, expected close date before today' }) staleOpportunities!: number;
  @Field({ description: 'Today in the UK, ISO date' }) today!: string;
  @Field({ description: 'Twelve months before today: an engagement on or after this date is recent' }) engagementCutoff!: string;
}
