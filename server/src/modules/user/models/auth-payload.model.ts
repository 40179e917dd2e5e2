import { Field, ObjectType } from '@nestjs/graphql';
import { User } from '../user.entity';

@ObjectType()
export class AuthPayload {
  @Field({ description: 'A bearer token for the Authorization header' })
  accessToken!: string;

  @Field(() => User)
  user!: User;
}
