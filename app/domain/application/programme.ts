// R-8 R-51 The stage 3 facts of a round that the detailed application is checked against: when
// pilots must have begun, the period plans may fall in, and the quarters a budget is given by.
// Everything derives from the round's dates (never from a hard-coded 2009), so a round with
// another timetable gets its own quarters.

import {
  addDays,
  formatDateLondon,
  isoDate,
  parseIsoDate,
  quarterDates,
  quartersBetween,
  type IsoDate,
  type QuarterLabel,
} from "~/domain/calendar";
import { PROGRAMME } from "~/domain/programme";

/** What stage 3 needs of a round (a subset of data/rounds.server.ts's Round). */
export interface RoundDates {
  /** R-8 Pilots must be able to begin by the end of this day. */
  startBy: IsoDate;
  /** R-8 The programme ends on this day. */
  endsOn: IsoDate;
  /** R-8 R-50 Detailed applications are due by this instant (ISO UTC). */
  detailedDueAt: string;
  /** R-1 The most one award may be (£100,000 by default). */
  maxAwardPence?: number;
  /** R-1 The round's fund (£900,000 by default). */
  totalFundPence?: number;
}

export interface ApplicationProgramme {
  startBy: IsoDate;
  endsOn: IsoDate;
  /** R-51 Plans (milestones, outputs, the improvement plan's actions) fall on or after this day… */
  periodStart: IsoDate;
  /** …and on or before this one: the programme's last day. */
  periodEnd: IsoDate;
  /** R-51 The quarters the budget is given by, in order: "Q3 2009/10", "Q4 2009/10" by default. */
  quarters: QuarterLabel[];
  detailedDueAt: Date;
  maximumAwardPence: number;
  totalFundPence: number;
}

/** The first day of the financial year (April to March) a day falls in. */
function financialYearStartOf(date: IsoDate): IsoDate {
  const parts = parseIsoDate(date);
  if (!parts) throw new RangeError(`Not a date: ${date}`);
  return isoDate(parts.month >= 4 ? parts.year : parts.year - 1, 4, 1);
}

/**
 * R-51 The round's stage 3 calendar.
 * - Budget quarters: pilots begin by `startBy` (the end of September 2009), so spending is
 *   budgeted from the quarter the day after falls in to the quarter the programme ends in:
 *   Q3 and Q4 2009/10 for the invitation's timetable. A `startBy` in mid-quarter keeps that
 *   quarter (the pilot runs in part of it).
 * - Plans may fall anywhere in the programme year: from 1 April of the financial year the
 *   pilots begin in (preparation before the start counts) to the programme's last day.
 */
export function applicationProgramme(round: RoundDates): ApplicationProgramme {
  return {
    startBy: round.startBy,
    endsOn: round.endsOn,
    periodStart: financialYearStartOf(round.startBy),
    periodEnd: round.endsOn,
    quarters: quartersBetween(addDays(round.startBy, 1), round.endsOn),
    detailedDueAt: new Date(round.detailedDueAt),
    maximumAwardPence: round.maxAwardPence ?? PROGRAMME.maximumGrantPence,
    totalFundPence: round.totalFundPence ?? PROGRAMME.totalFundPence,
  };
}

/** R-51 The form field of a quarter's amount in a budget line: "Q3 2009/10" → "q3-2009-10". */
export function quarterField(quarter: QuarterLabel): string {
  return quarter.toLowerCase().replace(/[ /]/g, "-");
}

/** Reads a quarter field name back into its label, or null: "q3-2009-10" → "Q3 2009/10". */
export function quarterOfField(field: string): QuarterLabel | null {
  const match = /^q([1-4])-(\d{4})-(\d{2})$/.exec(field);
  if (!match) return null;
  if ((Number(match[2]) + 1) % 100 !== Number(match[3])) return null;
  return `Q${match[1]} ${match[2]}/${match[3]}`;
}

const MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "October to December 2009" for "Q3 2009/10". */
export function quarterMonths(quarter: QuarterLabel): string {
  const { start, end } = quarterDates(quarter);
  const [sy, sm] = start.split("-").map(Number) as [number, number];
  const [ey, em] = end.split("-").map(Number) as [number, number];
  return sy === ey ? `${MONTH_NAMES[sm - 1]} to ${MONTH_NAMES[em - 1]} ${ey}` : `${MONTH_NAMES[sm - 1]} ${sy} to ${MONTH_NAMES[em - 1]} ${ey}`;
}

/** Whether a calendar day is within the programme period. */
export function isWithinProgramme(programme: ApplicationProgramme, date: IsoDate): boolean {
  return date >= programme.periodStart && date <= programme.periodEnd;
}

/** "between 1 April 2009 and 31 March 2010" */
export function programmePeriodText(programme: ApplicationProgramme): string {
  return `between ${formatDateLondon(programme.periodStart)} and ${formatDateLondon(programme.periodEnd)}`;
}
