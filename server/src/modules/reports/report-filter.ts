import { Field, ID, InputType } from '@nestjs/graphql';
import { IsDateString, IsOptional, IsUUID, Matches } from 'class-validator';
import { AuthUser } from '../../common/auth/auth-user';
import { visibleParam, visibleSql } from '../../common/auth/visibility';
import { badField } from '../../common/graphql/errors';
import { ukDayStartSql } from '../../common/database/uk-today';

export const ACADEMIC_YEAR_PATTERN = /^(\d{4})\/(\d{2})$/;

@InputType({ description: 'Narrows a report: by department, owner, and a date range or an academic year (1 Aug – 31 Jul)' })
export class ReportFilter {
  @Field(() => [ID], { nullable: true }) @IsOptional() @IsUUID('all', { each: true, message: 'filter.departmentIds must be department ids' }) departmentIds?: string[];
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', { message: 'filter.ownerId must be a user id' }) ownerId?: string;
  @Field(() => String, { nullable: true, description: 'From this ISO date (inclusive)' })
  @IsOptional() @IsDateString({ strict: true }, { message: 'filter.from must be a date, e.g. 2025-08-01' }) from?: string;
  @Field(() => String, { nullable: true, description: 'Up to this ISO date (inclusive)' })
  @IsOptional() @IsDateString({ strict: true }, { message: 'filter.to must be a date, e.g. 2026-07-31' }) to?: string;
  @Field(() => String, { nullable: true, description: 'An academic year such as "2025/26"; replaces from and to' })
  @IsOptional() @Matches(ACADEMIC_YEAR_PATTERN, { message: 'filter.academicYear must look like 2025/26' }) academicYear?: string;
}

/** "2025/26" → 1 Aug 2025 to 31 Jul 2026 (both inclusive). */
export function academicYearRange(year: string, field = 'academicYear'): { from: string; to: string } {
  const m = ACADEMIC_YEAR_PATTERN.exec(year);
  const start = m ? Number(m[1]) : NaN;
  if (!m || (start + 1) % 100 !== Number(m[2])) throw badField(field, `${field} must be two consecutive years like 2025/26`);
  return { from: `${start}-08-01`, to: `${start + 1}-07-31` };
}

/** The academic year a day falls in: 31 Jul 2026 is in 2025/26, 1 Aug 2026 in 2026/27. */
export function academicYearOf(isoDay: string): string {
  const [y, mo] = isoDay.split('-').map(Number);
  const start = mo >= 8 ? y : y - 1;
  return `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
}

/** The period a filter asks for, as inclusive ISO days (either end may be open). */
export function reportPeriod(filter: ReportFilter | undefined): { from: string | null; to: string | null } {
  if (filter?.academicYear) return academicYearRange(filter.academicYear, 'filter.academicYear');
  if (filter?.from && filter?.to && filter.from > filter.to) throw badField('filter.to', 'filter.to must not be before filter.from');
  return { from: filter?.from ?? null, to: filter?.to ?? null };
}

/** Positional parameters for hand-written SQL: `p.add(value)` returns its `$n`. */
export class SqlParams {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }

  /** The confidentiality rule for `alias` (see visibility.ts), with the user's departments as a parameter. */
  visibleTo(alias: string, user: AuthUser): string {
    this.add(visibleParam(user));
    return visibleSql(alias, this.values.length);
  }
}

/** WHERE clauses for who a report covers over `alias`: departments and, when ownerColumn is given, an owner. */
export function scopeWhere(p: SqlParams, filter: Pick<ReportFilter, 'departmentIds' | 'ownerId'> | undefined, alias: string, ownerColumn: string | null): string[] {
  const where: string[] = [];
  if (filter?.departmentIds?.length) where.push(`${alias}.department_id = ANY(${p.add(filter.departmentIds)}::uuid[])`);
  if (filter?.ownerId && ownerColumn) where.push(`${alias}.${ownerColumn} = ${p.add(filter.ownerId)}::uuid`);
  return where;
}

/** The column a report's period applies to: a calendar day (date) or an instant (timestamptz, counted by its UK day). */
export type PeriodColumn = { day: string } | { instant: string };

/** WHERE clauses for a report over `alias`: its scope, and the period on `column`. */
export function reportWhere(p: SqlParams, filter: ReportFilter | undefined, alias: string, column: PeriodColumn, ownerColumn: string | null): string[] {
  const where = scopeWhere(p, filter, alias, ownerColumn);
  const { from, to } = reportPeriod(filter);
  if ('day' in column) {
    if (from) where.push(`${column.day} >= ${p.add(from)}::date`);
    if (to) where.push(`${column.day} <= ${p.add(to)}::date`);
  } else {
    // An instant is in the period when its UK day is: won at 00:30 BST on 1 August is in August.
    if (from) where.push(`${column.instant} >= ${ukDayStartSql(p.add(from))}`);
    if (to) where.push(`${column.instant} < ${ukDayStartSql(`${p.add(to)}::date + 1`)}`);
  }
  return where;
}

/** Clauses appended to a WHERE that already has one condition. */
export const andAll = (clauses: string[]): string => clauses.map((c) => ` AND ${c}`).join('');
