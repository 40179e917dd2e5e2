import { Query, Resolver } from '@nestjs/graphql';
import { AuthUser, CurrentUser } from '../../common/auth/auth-user';
import { READERS, Roles } from '../../common/auth/roles';
import { DataQualityService } from './data-quality.service';
import { DataQuality } from './models/data-quality.model';

@Resolver(() => DataQuality)
export class DataQualityResolver {
  constructor(private readonly quality: DataQualityService) {}

  // Viewers too: it only counts records they can already list, and finding gaps is worth telling an editor about.
  @Query(() => DataQuality, { description: 'Counts of records needing attention, each matching a list filter' })
  @Roles(...READERS)
  dataQuality(@CurrentUser() user: AuthUser): Promise<DataQuality> {
    return this.quality.counts(user);
  }
}
