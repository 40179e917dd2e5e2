import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity } from 'typeorm';
import { BaseRecord } from '../../common/database/base-record';
import { ukToday } from '../../common/dates/uk-dates';
import type { Organisation } from '../organisation/organisation.entity';
import type { Contact } from './contact.entity';

/** A contact's role at an organisation over a period; ended (toDate) rather than deleted when they move on. */
@ObjectType()
@Entity('affiliations')
export class Affiliation extends BaseRecord {
  @Field(() => ID) @Column({ name: 'contact_id', type: 'uuid' }) contactId!: string;
  @Field(() => ID) @Column({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  @Field(() => String, { nullable: true }) @Column({ type: 'text', nullable: true }) role!: string | null;
  @Field(() => String, { nullable: true, description: 'ISO date' }) @Column({ name: 'from_date', type: 'date', nullable: true }) fromDate!: string | null;
  @Field(() => String, { nullable: true, description: 'ISO date; null while current' }) @Column({ name: 'to_date', type: 'date', nullable: true }) toDate!: string | null;
  @Field() @Column({ name: 'is_primary', type: 'boolean', default: false }) isPrimary!: boolean;
  /** The live contact, when the query that found the affiliation joined it (an organisation's people). */
  contact?: Contact;
  /** The organisation, when the affiliation was reached from it (so it is one the user may see). */
  organisation?: Organisation;

  @Field({ description: 'No end date, or one in the future (a role that ends today is already past)' })
  get current(): boolean {
    return !this.toDate || this.toDate > ukToday();
  }
}
