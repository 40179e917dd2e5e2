import { Args, ID, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { AuthUser, CurrentUser } from '../../common/auth/auth-user';
import { ADMINS, Roles } from '../../common/auth/roles';
import { Connection } from '../../common/database/connection';
import { CreateSubjectAccessRequestInput, EraseContactInput, SubjectAccessRequestsArgs } from './dto/privacy.input';
import { ErasureService } from './erasure.service';
import { Erasure } from './models/privacy.models';
import { SubjectAccessRequest } from './models/subject-access-request.entity';
import { SubjectAccessRequestsService } from './subject-access-requests.service';

@ObjectType()
export class SubjectAccessRequestConnection extends Connection(SubjectAccessRequest) {}

/** Subject access requests and erasure: the data protection officer's work, admins only. */
@Resolver()
export class PrivacyResolver {
  constructor(private readonly requests: SubjectAccessRequestsService, private readonly erasure: ErasureService) {}

  @Query(() => SubjectAccessRequestConnection, { description: 'Soonest due first', complexity: ({ args, childComplexity }) => 1 + childComplexity * (args.first ?? 25) })
  @Roles(...ADMINS)
  subjectAccessRequests(@Args() args: SubjectAccessRequestsArgs): Promise<Connection<SubjectAccessRequest>> {
    return this.requests.list(args);
  }

  @Mutation(() => SubjectAccessRequest, { description: 'Logs a request; dueOn is one calendar month after receivedOn' })
  @Roles(...ADMINS)
  createSubjectAccessRequest(@CurrentUser() user: AuthUser, @Args('input') input: CreateSubjectAccessRequestInput): Promise<SubjectAccessRequest> {
    return this.requests.create(user, input);
  }

  @Mutation(() => SubjectAccessRequest, { description: 'Marks the request answered today; CONFLICT when it already was' })
  @Roles(...ADMINS)
  completeSubjectAccessRequest(@CurrentUser() user: AuthUser, @Args('id', { type: () => ID }) id: string): Promise<SubjectAccessRequest> {
    return this.requests.complete(user, id);
  }

  @Mutation(() => Erasure, { description: 'Anonymises the person everywhere, for good; figures are kept. Again on an erased person: the first erasure' })
  @Roles(...ADMINS)
  eraseContact(@CurrentUser() user: AuthUser, @Args('id', { type: () => ID }) id: string, @Args('input') input: EraseContactInput): Promise<Erasure> {
    return this.erasure.erase(user, id, input);
  }
}
