import { AcademicQuarter, academicQuarterOf, sameDayLastYear } from '../../../shared/dates/academic-quarter';

export interface WonValuePeriods {
  thisQuarter: AcademicQuarter;
  /** This quarter so far: its first day to today. */
  toDate: { from: string; to: string };
  /** The same stretch a year earlier, for a fair comparison. */
  lastYearToDate: { from: string; to: string };
  /** The whole of the same quarter a year earlier. */
  lastYearQuarter: AcademicQuarter;
}

export function wonValuePeriods(today: string): WonValuePeriods {
  const thisQuarter = academicQuarterOf(today);
  const lastYearQuarter = academicQuarterOf(sameDayLastYear(today));
  return {
    thisQuarter,
    toDate: { from: thisQuarter.from, to: today },
    lastYearToDate: { from: lastYearQuarter.from, to: sameDayLastYear(today) },
    lastYearQuarter,
  };
}
