import { describe, expect, it } from 'vitest';
import { heBciFieldsFor, heBciFormValue, toHeBciInput } from './opportunity-hebci.model';

const blank = { fundingSource: '' as const, inKind: '', learnerDays: '', ipIncomeType: '' as const, ktpGrant: '', ktpCompany: '', instalments: [] };

describe('opportunity HE-BCI form', () => {
  it('offers Table 1 sources for KTP and Table 3 sources for regeneration, none for consultancy', () => {
    expect(heBciFieldsFor('ktp')).toMatchObject({ fundingSources: ['ukri', 'uk_government', 'eu_government', 'other_public'], ktpSplit: true, inKind: true });
    expect(heBciFieldsFor('regeneration_community').fundingSources).toContain('uk_shared_prosperity_fund');
    expect(heBciFieldsFor('consultancy')).toMatchObject({ fundingSources: [], learnerDays: false, ipType: false });
  });

  it('turns pounds into pence and sends only the fields the type records', () => {
    const { input, problems } = toHeBciInput('ktp', { ...blank, fundingSource: 'ukri', ktpGrant: '100,000', ktpCompany: '50000', learnerDays: '4',
      instalments: [{ dueOn: '2026-09-30', receivedOn: '', amount: '£75,000' }] });
    expect(problems).toEqual([]);
    expect(input).toEqual({ fundingSource: 'ukri', inKindPence: null, cpdLearnerDays: null, ipIncomeType: null, ktpGrantPence: 10_000_000, ktpCompanyPence: 5_000_000,
      instalments: [{ dueOn: '2026-09-30', receivedOn: null, amountPence: 7_500_000 }] });
  });

  it('lists what to fix before saving', () => {
    expect(toHeBciInput('cpd_short_course', { ...blank, learnerDays: '2.5', instalments: [{ dueOn: '', receivedOn: '', amount: 'x' }] }).problems).toEqual([
      'Learner days: a whole number of days', 'Instalment 1 amount: enter an amount in pounds, e.g. 12,500', 'Instalment 1: give the date it is due', 'Instalment 1: give an amount over £0',
    ]);
  });

  it('starts from what is recorded', () => {
    expect(heBciFormValue({ ktpGrantPence: 10_000_050, instalments: [{ dueOn: '2026-01-01', amountPence: 150_000 }] })).toMatchObject({ ktpGrant: '100000.50', instalments: [{ amount: '1500' }] });
  });
});
