import { Module } from '@nestjs/common';
import { AuditEventResolver } from './audit.resolver';

@Module({ providers: [AuditEventResolver] })
export class AuditModule {}
