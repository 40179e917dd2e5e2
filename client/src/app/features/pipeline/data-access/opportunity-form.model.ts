import type { CreateOpportunityInput, OpportunityType } from '../../../graphql/generated';
import { parsePounds } from '../../../shared/money/money';

export interface OpportunityFormValue {
  title: string;
  organisation: { id: string; name: string } | string | null;
  type: OpportunityType;
  value: string;
  expectedCloseDate: string;
  departmentId: string | null;
  confidential: boolean;
}

export type OpportunityField = 'title' | 'organisation' | 'type' | 'value' | 'expectedCloseDate' | 'departmentId';

/** The form as the API wants it: pounds → pence, blanks left out. Throws nothing; validation ran first. */
export function toCreateOpportunityInput(v: OpportunityFormValue): CreateOpportunityInput {
  const pence = parsePounds(v.value);
  return {
    title: v.title.trim(),
    organisationId: typeof v.organisation === 'object' && v.organisation ? v.organisation.id : '',
    type: v.type,
    ...(pence !== null && !Number.isNaN(pence) && { valuePence: pence }),
    ...(v.expectedCloseDate && { expectedCloseDate: v.expectedCloseDate }),
    ...(v.departmentId && { departmentId: v.departmentId }),
    ...(v.confidential && { confidential: true }),
  };
}

/** Server field paths (input.valuePence) → the form control that shows the message. */
export function formFieldFor(path: string): OpportunityField | null {
  const key = path.replace(/^input\./, '');
  const map: Record<string, OpportunityField> = {
    title: 'title', organisationId: 'organisation', type: 'type', valuePence: 'value', expectedCloseDate: 'expectedCloseDate', departmentId: 'departmentId',
  };
  return map[key] ?? null;
}
