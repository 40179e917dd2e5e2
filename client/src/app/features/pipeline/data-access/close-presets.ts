import { academicQuarterOf } from '../../../shared/dates/academic-quarter';
import { academicYearOf, academicYearRange } from '../../../shared/dates/academic-year';
import { addDaysIso } from '../../../shared/dates/dates';

export interface ClosePreset {
  key: string;
  label: string;
  /** `today` is the UK day, todayIso(). */
  range(today: string): { from: string | null; to: string | null };
}


/** Expected-close windows people ask about, instead of two date pickers. */
export const CLOSE_PRESETS: ClosePreset[] = [
  { key: 'any', label: 'Any time', range: () => ({ from: null, to: null }) },
  { key: 'overdue', label: 'Overdue', range: (t) => ({ from: null, to: addDaysIso(t, -1) }) },
  { key: 'next30', label: 'Next 30 days', range: (t) => ({ from: t, to: addDaysIso(t, 30) }) },
  { key: 'next90', label: 'Next 90 days', range: (t) => ({ from: t, to: addDaysIso(t, 90) }) },
  // The academic quarter (Q1 Aug–Oct), as on the dashboard: one meaning of "quarter" everywhere.
  {
    key: 'quarter',
    label: 'This quarter',
    range: (t) => {
      const { from, to } = academicQuarterOf(t);
      return { from, to };
    },
  },
  {
    key: 'academicYear',
    label: 'This academic year',
    range: (t) => academicYearRange(academicYearOf(t)),
  },
];

/** Which preset a from/to pair is, so the select shows it after a reload; 'custom' if none. */
export function presetOf(from: string | null, to: string | null, today: string): string {
  return CLOSE_PRESETS.find((p) => {
    const r = p.range(today);
    return r.from === from && r.to === to;
  })?.key ?? 'custom';
}
