import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import * as fs from 'node:fs';
import { DepartmentResolver } from '../modules/department/department.resolver';
import { OrganisationResolver } from '../modules/organisation/organisation.resolver';
import { UserResolver } from '../modules/user/user.resolver';
import { DepartmentInvolvementResolver, OrganisationRelationsResolver } from '../modules/organisation/organisation-relations.resolver';
import { AffiliationResolver, ContactResolver } from '../modules/contact/contact.resolver';
import { EngagementResolver } from '../modules/engagement/engagement.resolver';
import { TaskResolver } from '../modules/task/task.resolver';
import { SearchResolver } from '../modules/search/search.resolver';
import { AuditEventResolver } from '../modules/audit/audit.resolver';
import { MyDayResolver } from '../modules/my-day/my-day.resolver';
import { OpportunityFieldsResolver, OpportunityStageHistoryResolver } from '../modules/opportunity/opportunity-fields.resolver';
import { OpportunityStageResolver } from '../modules/opportunity/opportunity-stage.resolver';
import { OpportunityResolver } from '../modules/opportunity/opportunity.resolver';
import { PipelineResolver, PipelineStageResolver } from '../modules/opportunity/pipeline.resolver';
import { GoingColdOrganisationResolver, RelationshipHealthResolver } from '../modules/relationship-health/relationship-health.resolver';
import { ReportsResolver } from '../modules/reports/reports.resolver';
import { HeBciSummaryResolver } from '../modules/reports/hebci-summary.resolver';
import { AssessmentActionResolver } from '../modules/assessment/assessment-action.resolver';
import { AssessmentActionFieldsResolver, AssessmentFieldsResolver } from '../modules/assessment/assessment-fields.resolver';
import { AssessmentResolver } from '../modules/assessment/assessment.resolver';
import { FrameworkResolver } from '../modules/assessment/framework.resolver';
import { TimelineResolver } from '../modules/timeline/timeline.resolver';
import { DuplicatesResolver } from '../modules/duplicates/duplicates.resolver';
import { MergeResolver } from '../modules/merge/merge.resolver';
import { ImportResolver } from '../modules/import/import.resolver';
import { DataQualityResolver } from '../modules/data-quality/data-quality.resolver';
import { IntegrationsResolver } from '../modules/integrations/integrations.resolver';
import { SsoResolver } from '../modules/sso/sso.resolver';
import { ContactPrivacyResolver, SubjectAccessRequestFieldsResolver } from '../modules/privacy/privacy-fields.resolver';
import { PrivacyResolver } from '../modules/privacy/privacy.resolver';
import { RetentionResolver } from '../modules/privacy/retention.resolver';

/** Every resolver in the app; the schema is built from them without a database. */
export const RESOLVERS = [
  UserResolver, DepartmentResolver, OrganisationResolver, OrganisationRelationsResolver, DepartmentInvolvementResolver, ContactResolver, AffiliationResolver,
  EngagementResolver, TaskResolver, SearchResolver, AuditEventResolver, MyDayResolver,
  OpportunityResolver, OpportunityFieldsResolver, OpportunityStageHistoryResolver, OpportunityStageResolver, PipelineResolver, PipelineStageResolver,
  RelationshipHealthResolver, GoingColdOrganisationResolver, ReportsResolver, HeBciSummaryResolver, TimelineResolver,
  FrameworkResolver, AssessmentResolver, AssessmentFieldsResolver, AssessmentActionResolver, AssessmentActionFieldsResolver,
  DuplicatesResolver, MergeResolver, ImportResolver, DataQualityResolver, IntegrationsResolver, SsoResolver,
  PrivacyResolver, RetentionResolver, ContactPrivacyResolver, SubjectAccessRequestFieldsResolver,
];

export async function buildSchemaSdl(): Promise<string> {
  const app = await NestFactory.create(GraphQLSchemaBuilderModule, { logger: false });
  await app.init();
  const schema = await app.get(GraphQLSchemaFactory).create(RESOLVERS);
  await app.close();
  return `# Generated from the server code by \`npm run schema\`; do not edit by hand.\n\n${printSchema(lexicographicSortSchema(schema))}\n`;
}

if (require.main === module) {
  const target = process.argv[2] ?? 'server/schema.graphql';
  buildSchemaSdl()
    .then((sdl) => {
      fs.writeFileSync(target, sdl);
      process.stdout.write(`Wrote ${target}\n`);
    })
    .catch((error) => {
      process.stderr.write(`${error.stack ?? error}\n`);
      process.exit(1);
    });
}
