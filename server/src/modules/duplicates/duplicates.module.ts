import { Module } from '@nestjs/common';
import { DuplicateScanner } from './duplicate-scanner';
import { DuplicatesResolver } from './duplicates.resolver';
import { DuplicatesService } from './duplicates.service';

@Module({ providers: [DuplicatesService, DuplicatesResolver, DuplicateScanner] })
export class DuplicatesModule {}
