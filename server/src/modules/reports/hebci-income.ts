/**
 * How much of a won contract counts as income in an academic year (HESA: income is returned for
 * the years in which it is received). With instalments, the year's income is the instalments
 * received (or, not yet received, due) in the year; without, the value is spread over the
 * contract's days, start to end (the won day when no dates are recorded). Every share is the
 * difference of two rounded running totals, so a contract's years add up to its whole value.
 */
export type IncomeRule = 'instalments' | 'day_spread';

export interface IncomeContract {
  valuePence: number;
  /** ISO days: first and last day of delivery. */
  starts: string;
  ends: string;
  /** The day each instalment counts on (received, else due) and its amount. */
  instalments: ReadonlyArray<{ day: string; amountPence: number }>;
}

export interface YearIncome {
  rule: IncomeRule;
  amountPence: number;
  /** The year's share of any other total of the contract (in-kind, learner days, the KTP grant), by the same rule. */
  share(total: number): number;
}

const dayNumber = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;
const clamp = (n: number, lo: number, hi: number) => Math.min(Math.max(n, lo), hi);

/** A contract's instalments summed against a year: how many, all of them, those before it, those up to its last day. */
export interface InstalmentTotals {
  instalmentCount: number;
  instalmentsPence: number;
  instalmentsBeforePence: number;
  instalmentsThroughPence: number;
}

export function instalmentTotals(instalments: IncomeContract['instalments'], from: string, to: string): InstalmentTotals {
  const sum = (list: IncomeContract['instalments']) => list.reduce((s, i) => s + i.amountPence, 0);
  return {
    instalmentCount: instalments.length, instalmentsPence: sum(instalments),
    instalmentsBeforePence: sum(instalments.filter((i) => i.day < from)), instalmentsThroughPence: sum(instalments.filter((i) => i.day <= to)),
  };
}

export function yearIncome(c: IncomeContract, from: string, to: string): YearIncome {
  return yearIncomeOf(c, instalmentTotals(c.instalments, from, to), from, to);
}

/** The same from instalments already summed (by SQL, for a whole year's contracts at once). */
export function yearIncomeOf(c: Omit<IncomeContract, 'instalments'>, t: InstalmentTotals, from: string, to: string): YearIncome {
  let before: number;
  let through: number;
  let whole: number;
  let rule: IncomeRule;
  if (t.instalmentCount) {
    rule = 'instalments';
    whole = t.instalmentsPence;
    before = t.instalmentsBeforePence;
    through = t.instalmentsThroughPence;
  } else {
    rule = 'day_spread';
    const s = dayNumber(c.starts);
    const e = Math.max(dayNumber(c.ends), s);
    whole = e - s + 1;
    before = clamp(dayNumber(from) - s, 0, whole);
    through = clamp(dayNumber(to) - s + 1, 0, whole);
  }
  const share = (total: number) => (whole ? Math.round((total * through) / whole) - Math.round((total * before) / whole) : 0);
  return { rule, amountPence: rule === 'instalments' ? through - before : share(c.valuePence), share };
}

export const INCOME_RULE_TEXT =
  'Income counts in the academic year (1 August – 31 July, UK dates) it is received. A contract with instalments counts the instalments ' +
  'received in the year (or due, until received). A contract without instalments has its value spread by days from its start date to its ' +
  'end date (the day it was won, UK time, when no dates are recorded). In-kind contributions, learner days and the KTP grant follow the same rule.';
