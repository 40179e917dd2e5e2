import { Field, ObjectType } from '@nestjs/graphql';
import { SicSection } from '../organisation.enums';

@ObjectType({ description: 'A SIC 2007 code with its official description and section' })
export class SicActivityModel {
  @Field() code!: string;
  @Field() description!: string;
  @Field(() => SicSection, { nullable: true, description: 'Null for a dormant company (99999)' }) section!: SicSection | null;
}
