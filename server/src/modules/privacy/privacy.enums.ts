import { registerEnumType } from '@nestjs/graphql';

export enum SubjectAccessRequestStatus { open = 'open', completed = 'completed' }
registerEnumType(SubjectAccessRequestStatus, { name: 'SubjectAccessRequestStatus' });

/** The kinds of record a retention rule covers; contacts for now. */
export enum RetentionRecordType { contact = 'contact' }
registerEnumType(RetentionRecordType, { name: 'RetentionRecordType' });

export enum RetentionDecision { keep = 'keep', archive = 'archive', erase = 'erase' }
registerEnumType(RetentionDecision, { name: 'RetentionDecision', description: 'keep (until a date), archive (soft delete, restorable) or erase (anonymise for good)' });

export enum ErasureSource { request = 'request', retention = 'retention' }
registerEnumType(ErasureSource, { name: 'ErasureSource', description: 'A request from the person, or a retention review' });
