import { types } from 'pg';
import { DataSourceOptions } from 'typeorm';
import { migrations } from '../../../../migrations/src';
import { Department } from '../../modules/department/department.entity';
import { Organisation } from '../../modules/organisation/organisation.entity';
import { User } from '../../modules/user/user.entity';
import { AuditEvent } from '../../modules/audit/audit-event.entity';
import { Affiliation } from '../../modules/contact/affiliation.entity';
import { ConsentRecord } from '../../modules/contact/consent-record.entity';
import { Contact } from '../../modules/contact/contact.entity';
import { Engagement } from '../../modules/engagement/engagement.entity';
import { Task } from '../../modules/task/task.entity';
import { Opportunity } from '../../modules/opportunity/opportunity.entity';
import { OpportunityStage } from '../../modules/opportunity/opportunity-stage.entity';
import { OpportunityInstalment } from '../../modules/opportunity/opportunity-instalment.entity';
import { OpportunityStageHistory } from '../../modules/opportunity/opportunity-stage-history.entity';
import { AssessmentAction } from '../../modules/assessment/assessment-action.entity';
import { AssessmentAnswer } from '../../modules/assessment/assessment-answer.entity';
import { AssessmentFramework } from '../../modules/assessment/assessment-framework.entity';
import { Assessment } from '../../modules/assessment/assessment.entity';
import { RetentionRule } from '../../modules/privacy/models/retention-rule.entity';
import { SubjectAccessRequest } from '../../modules/privacy/models/subject-access-request.entity';

export const entities = [User, Department, Organisation, Contact, Affiliation, ConsentRecord, Engagement, Task, AuditEvent, OpportunityStage, Opportunity, OpportunityStageHistory, OpportunityInstalment,
  AssessmentFramework, Assessment, AssessmentAnswer, AssessmentAction, SubjectAccessRequest, RetentionRule];

// A date column is a calendar day: keep PostgreSQL's "2026-08-01" rather than pg's Date at the
// process's local midnight, which toISOString() turns into 31 July on a server running in BST.
types.setTypeParser(types.builtins.DATE, (day: string) => day);

/** One definition of the connection for the app, the CLI and the tests. The schema belongs to migrations/. */
export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities,
    migrations,
    synchronize: false,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    // A request waits at most 10 s for a connection, so a lost database fails requests instead of hanging them.
    extra: { max: 10, connectionTimeoutMillis: 10_000 },
  };
}
