import { Module } from '@nestjs/common';
import { DuplicatesResolver } from './duplicates.resolver';
import { DuplicatesService } from './duplicates.service';

@Module({ providers: [DuplicatesService, DuplicatesResolver] })
export class DuplicatesModule {}
