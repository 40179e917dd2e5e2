import { Module } from '@nestjs/common';
import { HeBciService } from './hebci.service';
import { ReportsResolver } from './reports.resolver';
import { ReportsService } from './reports.service';

@Module({ providers: [ReportsService, HeBciService, ReportsResolver] })
export class ReportsModule {}
