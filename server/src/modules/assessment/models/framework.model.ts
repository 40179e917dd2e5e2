import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { MaturityLevel } from '../assessment.enums';

@ObjectType({ description: 'A maturity level with its JISC description and, for peripheral, the KSA (2007) name "operational"' })
export class FrameworkLevel {
  @Field(() => MaturityLevel) key!: MaturityLevel;
  @Field(() => Int, { description: '1 peripheral, 2 tactical, 3 strategic: the value of an answer' }) rank!: number;
  @Field() name!: string;
  @Field(() => String, { nullable: true, description: 'Another name for the level, e.g. "Operational"' }) alias!: string | null;
  @Field(() => String, { nullable: true, description: 'Where the alias comes from' }) aliasSource!: string | null;
  @Field() description!: string;
}

@ObjectType({ description: 'A section of the JISC CRM self-analysis framework (What is CRM? … Which CRM?)' })
export class FrameworkSection {
  @Field() key!: string;
  @Field() title!: string;
  @Field() summary!: string;
}

@ObjectType({ description: 'A statement every respondent answers with a level' })
export class FrameworkStatement {
  @Field({ description: 'Stable within a framework version; answers name it' }) key!: string;
  @Field() text!: string;
}

@ObjectType({ description: 'What the dimension looks like at each level' })
export class LevelDescriptors {
  @Field() peripheral!: string;
  @Field() tactical!: string;
  @Field() strategic!: string;
}

@ObjectType({ description: 'Concrete steps, keyed by the level they lead to' })
export class LevelRecommendations {
  @Field(() => [String], { description: 'From peripheral to tactical' }) tactical!: string[];
  @Field(() => [String], { description: 'From tactical to strategic' }) strategic!: string[];
}

@ObjectType({ description: 'An area of CRM maturity (strategy and policy, uptake across units …), tagged with its framework sections' })
export class FrameworkDimension {
  @Field() key!: string;
  @Field() title!: string;
  @Field() summary!: string;
  @Field(() => [String]) sectionKeys!: string[];
  @Field(() => [FrameworkStatement]) statements!: FrameworkStatement[];
  @Field(() => LevelDescriptors) descriptors!: LevelDescriptors;
  @Field(() => LevelRecommendations) recommendations!: LevelRecommendations;
}

@ObjectType({ description: 'One version of the maturity framework: its levels, sections and dimensions' })
export class Framework {
  @Field(() => ID) id!: string;
  @Field(() => Int) version!: number;
  @Field({ description: 'True for the version new assessments use' }) current!: boolean;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  createdById!: string | null;
  @Field() title!: string;
  @Field() source!: string;
  @Field(() => [FrameworkLevel]) levels!: FrameworkLevel[];
  @Field(() => [FrameworkSection]) sections!: FrameworkSection[];
  @Field(() => [FrameworkDimension]) dimensions!: FrameworkDimension[];
  @Field(() => Int, { description: 'How many statements a respondent answers' }) statementCount!: number;
}
