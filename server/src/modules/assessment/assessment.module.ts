import { Module } from '@nestjs/common';
import { TaskModule } from '../task/task.module';
import { AssessmentActionResolver } from './assessment-action.resolver';
import { AssessmentActionService } from './assessment-action.service';
import { AssessmentActionFieldsResolver, AssessmentFieldsResolver } from './assessment-fields.resolver';
import { AssessmentResolver } from './assessment.resolver';
import { AssessmentService } from './assessment.service';
import { FrameworkResolver } from './framework.resolver';
import { FrameworkService } from './framework.service';

@Module({
  imports: [TaskModule],
  providers: [
    FrameworkService, AssessmentService, AssessmentActionService,
    FrameworkResolver, AssessmentResolver, AssessmentFieldsResolver, AssessmentActionResolver, AssessmentActionFieldsResolver,
  ],
})
export class AssessmentModule {}
