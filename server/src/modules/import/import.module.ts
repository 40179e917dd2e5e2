import { Module } from '@nestjs/common';
import { ImportResolver } from './import.resolver';
import { ImportService } from './import.service';
import { ImportWorker } from './import.worker';

@Module({ providers: [ImportService, ImportWorker, ImportResolver] })
export class ImportModule {}
