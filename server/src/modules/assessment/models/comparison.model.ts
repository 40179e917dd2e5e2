import { Field, Float, ID, ObjectType } from '@nestjs/graphql';
import { Assessment } from '../assessment.entity';
import { MaturityLevel } from '../assessment.enums';

@ObjectType({ description: "One assessment's score on a dimension, and the change since the previous assessment that scored it" })
export class ComparedPoint {
  @Field(() => ID) assessmentId!: string;
  @Field(() => Float, { nullable: true, description: "Null when the assessment's framework lacks the dimension or nobody answered it" }) score!: number | null;
  @Field(() => MaturityLevel, { nullable: true }) level!: MaturityLevel | null;
  @Field(() => Float, { nullable: true }) change!: number | null;
}

@ObjectType()
export class ComparedDimension {
  @Field() dimensionKey!: string;
  @Field({ description: 'As the newest framework names it' }) title!: string;
  @Field(() => [ComparedPoint], { description: 'One per assessment, oldest first' }) points!: ComparedPoint[];
}

@ObjectType({ description: 'Assessments side by side, oldest first: the radar overlay and the change per dimension' })
export class AssessmentComparison {
  @Field(() => [Assessment]) assessments!: Assessment[];
  @Field(() => [ComparedDimension]) dimensions!: ComparedDimension[];
}
