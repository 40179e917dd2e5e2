import { Module } from '@nestjs/common';
import { HeBciSummaryResolver } from './hebci-summary.resolver';
import { HeBciService } from './hebci.service';
import { ReportsResolver } from './reports.resolver';
import { ReportsService } from './reports.service';

@Module({ providers: [ReportsService, HeBciService, ReportsResolver, HeBciSummaryResolver] })
export class ReportsModule {}
