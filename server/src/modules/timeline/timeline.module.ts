import { Module } from '@nestjs/common';
import { TimelineResolver } from './timeline.resolver';

/** The combined story of an organisation or person: engagements and opportunity moves in one keyset-paged list. */
@Module({ providers: [TimelineResolver] })
export class TimelineModule {}
