import { Module } from '@nestjs/common';
import { MergeHistoryService } from './merge-history.service';
import { MergeResolver } from './merge.resolver';
import { MergeService } from './merge.service';

@Module({ providers: [MergeService, MergeHistoryService, MergeResolver] })
export class MergeModule {}
