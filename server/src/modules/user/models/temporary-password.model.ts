import { Field, ObjectType } from '@nestjs/graphql';
import { User } from '../user.entity';

@ObjectType({ description: 'A one-time password for the admin to hand over; it is never shown again' })
export class TemporaryPasswordPayload {
  @Field(() => User)
  user!: User;

  @Field()
  temporaryPassword!: string;
}
