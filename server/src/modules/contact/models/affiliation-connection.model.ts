import { ObjectType } from '@nestjs/graphql';
import { Connection } from '../../../common/database/connection';
import { Affiliation } from '../affiliation.entity';

@ObjectType()
export class AffiliationConnection extends Connection(Affiliation) {}
