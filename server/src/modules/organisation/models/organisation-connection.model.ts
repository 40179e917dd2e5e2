import { ObjectType } from '@nestjs/graphql';
import { Connection } from '../../../common/database/connection';
import { Organisation } from '../organisation.entity';

@ObjectType()
export class OrganisationConnection extends Connection(Organisation) {}
