import { Module } from '@nestjs/common';
import { DepartmentInvolvementResolver, OrganisationRelationsResolver } from './organisation-relations.resolver';
import { OrganisationResolver } from './organisation.resolver';
import { OrganisationService } from './organisation.service';

@Module({ providers: [OrganisationService, OrganisationResolver, OrganisationRelationsResolver, DepartmentInvolvementResolver], exports: [OrganisationService] })
export class OrganisationModule {}
