import { registerEnumType } from '@nestjs/graphql';

export enum PreferredChannel { email = 'email', phone = 'phone', in_person = 'in_person', video = 'video', post = 'post' }
registerEnumType(PreferredChannel, { name: 'PreferredChannel' });

/** How a consent was given and for which channel it holds (email marketing needs an email consent). */
export enum ConsentChannel { email = 'email', phone = 'phone', sms = 'sms', post = 'post', in_person = 'in_person', online = 'online', unspecified = 'unspecified' }
registerEnumType(ConsentChannel, { name: 'ConsentChannel', description: 'The channel a consent covers; unspecified for records made before channels were kept' });

/** UK GDPR Article 6 lawful bases for processing a person's data. */
export enum LawfulBasis {
  consent = 'consent',
  contract = 'contract',
  legal_obligation = 'legal_obligation',
  vital_interests = 'vital_interests',
  public_task = 'public_task',
  legitimate_interests = 'legitimate_interests',
}
registerEnumType(LawfulBasis, { name: 'LawfulBasis', description: 'UK GDPR Article 6 lawful basis' });
