import { Module } from '@nestjs/common';
import { ContactModule } from '../contact/contact.module';
import { OrganisationModule } from '../organisation/organisation.module';
import { TaskModule } from '../task/task.module';
import { ExportController } from './export.controller';
import { ExportService } from './export.service';

@Module({ imports: [OrganisationModule, ContactModule, TaskModule], controllers: [ExportController], providers: [ExportService] })
export class ExportModule {}
