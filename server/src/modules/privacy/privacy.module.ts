import { Module } from '@nestjs/common';
import { ErasureService } from './erasure.service';
import { ContactPrivacyResolver, SubjectAccessRequestFieldsResolver } from './privacy-fields.resolver';
import { PrivacyResolver } from './privacy.resolver';
import { RetentionResolver } from './retention.resolver';
import { RetentionService } from './retention.service';
import { SubjectAccessRequestsService } from './subject-access-requests.service';
import { SubjectAccessController } from './subject-access.controller';
import { SubjectAccessService } from './subject-access.service';

/** UK GDPR and PECR: subject access, erasure, retention and the email marketing rule. */
@Module({
  controllers: [SubjectAccessController],
  providers: [SubjectAccessService, SubjectAccessRequestsService, ErasureService, RetentionService, PrivacyResolver, RetentionResolver, ContactPrivacyResolver, SubjectAccessRequestFieldsResolver],
})
export class PrivacyModule {}
