import { ObjectType } from '@nestjs/graphql';
import { Connection } from '../../../common/database/connection';
import { Opportunity } from '../opportunity.entity';

@ObjectType()
export class OpportunityConnection extends Connection(Opportunity) {}
