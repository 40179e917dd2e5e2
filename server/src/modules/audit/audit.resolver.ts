import { ResolveField, Resolver } from '@nestjs/graphql';
import { GqlContext } from '../../common/graphql/context';
import { User } from '../user/user.entity';
import { AuditEvent, FieldChange } from './audit-event.entity';

const asText = (value: unknown): string | null => (value === null || value === undefined ? null : typeof value === 'string' ? value : JSON.stringify(value));

@Resolver(() => AuditEvent)
export class AuditEventResolver {
  @ResolveField(() => User, { nullable: true, description: 'Who made the change' })
  actor(event: AuditEvent, _args: unknown, ctx: GqlContext): Promise<User | null> | null {
    return event.actorId ? ctx.loaders.userById('AuditEvent.actor').load(event.actorId) : null;
  }

  @ResolveField(() => [FieldChange])
  changes(event: AuditEvent): FieldChange[] {
    return Object.entries(event.changes ?? {}).map(([field, change]) => ({ field, old: asText(change.old), new: asText(change.new) }));
  }
}
