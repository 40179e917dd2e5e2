import { Module } from '@nestjs/common';
import { AffiliationResolver, ContactResolver } from './contact.resolver';
import { ContactService } from './contact.service';

@Module({ providers: [ContactService, ContactResolver, AffiliationResolver], exports: [ContactService] })
export class ContactModule {}
