import type { ImportDecision, ImportEntity, ImportMatchReason, ImportOutcome, ImportStatus } from '../../graphql/generated';

/** What the rows of a spreadsheet describe, as the "New import" choice says it. */
export const IMPORT_ENTITY_LABELS: Record<ImportEntity, string> = {
  ORGANISATIONS: 'Organisations',
  CONTACTS: 'People (contacts)',
  ENGAGEMENTS: 'Engagements',
  OPPORTUNITIES: 'Opportunities',
};

export const IMPORT_STATUS_LABELS: Record<ImportStatus, string> = {
  PARSING: 'Reading the file',
  MAPPING: 'Waiting for its mapping',
  PREVIEWING: 'Previewing',
  PREVIEWED: 'Previewed, not imported',
  COMMITTING: 'Importing',
  COMMITTED: 'Imported',
  UNDOING: 'Undoing',
  UNDONE: 'Undone',
  FAILED: 'Failed',
};

export const IMPORT_DECISION_LABELS: Record<ImportDecision, string> = {
  CREATE: 'Create',
  MATCH: 'Merge into match',
  SKIP: 'Skip',
};

export const IMPORT_OUTCOME_LABELS: Record<ImportOutcome, string> = {
  CREATED: 'Created',
  MERGED: 'Merged',
  UNCHANGED: 'Already there',
  SKIPPED: 'Skipped',
};

/** Why a row was taken to be an existing record, after the record's name: "— same Companies House number". */
export const IMPORT_MATCH_REASON_LABELS: Record<ImportMatchReason, string> = {
  COMPANIES_HOUSE_NUMBER: 'same Companies House number',
  DOMAIN: 'same website domain',
  EMAIL: 'same email',
  NAME: 'similar name',
  SAME_RECORD: 'the same record',
  EARLIER_ROW: 'same as an earlier row of this file',
  CHOSEN: 'chosen by you',
};
