import { registerEnumType } from '@nestjs/graphql';

export enum EngagementType {
  meeting = 'meeting',
  call = 'call',
  email = 'email',
  visit = 'visit',
  event = 'event',
  enquiry = 'enquiry',
  placement_visit = 'placement_visit',
  note = 'note',
}
registerEnumType(EngagementType, { name: 'EngagementType' });
