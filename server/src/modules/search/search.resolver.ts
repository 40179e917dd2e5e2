import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { AuthUser, CurrentUser } from '../../common/auth/auth-user';
import { READERS, Roles } from '../../common/auth/roles';
import { SearchHit, SearchService } from './search.service';

@Resolver(() => SearchHit)
export class SearchResolver {
  constructor(private readonly searching: SearchService) {}

  @Query(() => [SearchHit], { description: 'Organisations and contacts matching the text (from 3 characters), best first, typo tolerant' })
  @Roles(...READERS)
  search(@CurrentUser() user: AuthUser, @Args('text') text: string, @Args('first', { type: () => Int, nullable: true, defaultValue: 10 }) first: number): Promise<SearchHit[]> {
    return this.searching.search(user, text, first);
  }
}
