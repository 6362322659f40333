// Time as the programme lives it: instants are stored in UTC and judged and
// shown in Europe/London; calendar days ("2009-07-17") are London days. The clock is always
// passed in (`now`), never read here.

import { TZDate } from "@date-fns/tz";

export const LONDON = "Europe/London";

/** A calendar day in London, written "YYYY-MM-DD". */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;
const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;

// ---------------------------------------------------------------------------------------
// Calendar days

/** The year, month (1–12) and day of an ISO date, or null if it is not a real day. */
export function parseIsoDate(value: string): { year: number; month: number; day: number } | null {
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const asUtc = new Date(Date.UTC(year, month - 1, day));
  if (
    asUtc.getUTCFullYear() !== year ||
    asUtc.getUTCMonth() !== month - 1 ||
    asUtc.getUTCDate() !== day
  ) {
    return null;
  }
  return { year, month, day };
}

export function isIsoDate(value: string): boolean {
  return parseIsoDate(value) !== null;
}

function requireIsoDate(value: IsoDate): { year: number; month: number; day: number } {
  const parts = parseIsoDate(value);
  if (!parts) throw new RangeError(`Not a calendar date in the form YYYY-MM-DD: ${JSON.stringify(value)}`);
  return parts;
}

/** Builds "YYYY-MM-DD" from a year, a month (1–12) and a day. */
export function isoDate(year: number, month: number, day: number): IsoDate {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.toISOString().slice(0, 10);
}

/** The day `days` after (or, if negative, before) a calendar day. */
export function addDays(date: IsoDate, days: number): IsoDate {
  const { year, month, day } = requireIsoDate(date);
  return isoDate(year, month, day + days);
}

/** 0 for Sunday to 6 for Saturday. */
function dayOfWeek(date: IsoDate): number {
  const { year, month, day } = requireIsoDate(date);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

// ---------------------------------------------------------------------------------------
// Instants and London days

/** R-8 The first instant of a London day (00:00, GMT or BST as the day falls), as UTC. */
export function startOfDayLondon(date: IsoDate): Date {
  const { year, month, day } = requireIsoDate(date);
  return new Date(new TZDate(year, month - 1, day, 0, 0, 0, 0, LONDON).getTime());
}

/**
 * R-8 The last instant of a London day (23:59:59.999, GMT or BST as the day falls), as UTC:
 * the default deadline for any date in a round's timetable.
 */
export function endOfDayLondon(date: IsoDate): Date {
  const { year, month, day } = requireIsoDate(date);
  return new Date(new TZDate(year, month - 1, day, 23, 59, 59, 999, LONDON).getTime());
}

/** The London calendar day an instant falls on. */
export function londonDate(instant: Date): IsoDate {
  const local = new TZDate(instant.getTime(), LONDON);
  return isoDate(local.getFullYear(), local.getMonth() + 1, local.getDate());
}

export interface SubmissionWindow {
  /** When submissions open; no opening time means open until the deadline. */
  opensAt?: Date | null;
  /** The deadline: the last instant at which a submission is accepted. */
  closesAt: Date;
}

/** R-35 Whether a round (or one authority's extended window) accepts submissions at `now`. */
export function isOpen(round: SubmissionWindow, now: Date): boolean {
  const time = now.getTime();
  if (round.opensAt && time < round.opensAt.getTime()) return false;
  return time <= round.closesAt.getTime();
}

/**
 * R-35 An authority's deadline: the round's, unless the programme manager has extended it for
 * that authority. An "extension" earlier than the round's deadline never shortens it.
 */
export function deadlineFor(roundClosesAt: Date, extendedTo?: Date | null): Date {
  if (extendedTo && extendedTo.getTime() > roundClosesAt.getTime()) return extendedTo;
  return roundClosesAt;
}

// ---------------------------------------------------------------------------------------
// Showing dates and times, GOV.UK style

function dateParts(value: Date | IsoDate): { year: number; month: number; day: number } {
  if (typeof value === "string") return requireIsoDate(value);
  const local = new TZDate(value.getTime(), LONDON);
  return { year: local.getFullYear(), month: local.getMonth() + 1, day: local.getDate() };
}

/**
 * "17 July 2009" (or "Friday 17 July 2009" with `weekday`) for an instant, shown as the
 * London day it falls on, or for a calendar day.
 */
export function formatDateLondon(value: Date | IsoDate, options: { weekday?: boolean } = {}): string {
  const { year, month, day } = dateParts(value);
  const text = `${day} ${MONTHS[month - 1]} ${year}`;
  if (!options.weekday) return text;
  return `${WEEKDAYS[dayOfWeek(isoDate(year, month, day))]} ${text}`;
}

/** "5:30pm", "9am", "11:59pm", "midday", "midnight": the London time of an instant. */
export function formatTimeLondon(instant: Date): string {
  const local = new TZDate(instant.getTime(), LONDON);
  const hours = local.getHours();
  const minutes = local.getMinutes();
  if (minutes === 0 && hours === 0) return "midnight";
  if (minutes === 0 && hours === 12) return "midday";
  const hour12 = hours % 12 === 0 ? 12 : hours % 12;
  const suffix = hours < 12 ? "am" : "pm";
  return minutes === 0
    ? `${hour12}${suffix}`
    : `${hour12}:${String(minutes).padStart(2, "0")}${suffix}`;
}

/**
 * R-35 "11:59pm on 17 July 2009". Midnight is written "midnight at the start of 18 July 2009"
 * because "midnight on 18 July" is read both ways; deadlines themselves are 11:59pm.
 */
export function formatDateTimeLondon(instant: Date, options: { weekday?: boolean } = {}): string {
  const time = formatTimeLondon(instant);
  const date = formatDateLondon(instant, options);
  return time === "midnight" ? `midnight at the start of ${date}` : `${time} on ${date}`;
}

// ---------------------------------------------------------------------------------------
// Bank holidays in England and Wales (R-61 working days)

/** Easter Sunday in the Gregorian calendar (the anonymous Gregorian computus). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return isoDate(year, month, day);
}

export interface BankHoliday {
  date: IsoDate;
  title: string;
}

function firstMondayOf(year: number, month: number): IsoDate {
  const first = isoDate(year, month, 1);
  return addDays(first, (8 - dayOfWeek(first)) % 7);
}

function lastMondayOf(year: number, month: number): IsoDate {
  const last = isoDate(year, month + 1, 0);
  return addDays(last, -((dayOfWeek(last) + 6) % 7));
}

const isWeekend = (date: IsoDate) => {
  const weekday = dayOfWeek(date);
  return weekday === 0 || weekday === 6;
};

// One-off changes by royal proclamation. Add new ones here when they are announced.
const ONE_OFF_CHANGES: ReadonlyArray<{
  year: number;
  moved?: ReadonlyArray<{ title: string; to: IsoDate; newTitle?: string }>;
  added?: ReadonlyArray<BankHoliday>;
}> = [
  { year: 1995, moved: [{ title: "Early May bank holiday", to: "1995-05-08", newTitle: "Early May bank holiday (VE day)" }] },
  { year: 1999, added: [{ date: "1999-12-31", title: "Millennium celebrations" }] },
  {
    year: 2002,
    moved: [{ title: "Spring bank holiday", to: "2002-06-04" }],
    added: [{ date: "2002-06-03", title: "Queen’s Golden Jubilee" }],
  },
  { year: 2011, added: [{ date: "2011-04-29", title: "Royal wedding" }] },
  {
    year: 2012,
    moved: [{ title: "Spring bank holiday", to: "2012-06-04" }],
    added: [{ date: "2012-06-05", title: "Queen’s Diamond Jubilee" }],
  },
  { year: 2020, moved: [{ title: "Early May bank holiday", to: "2020-05-08", newTitle: "Early May bank holiday (VE day)" }] },
  {
    year: 2022,
    moved: [{ title: "Spring bank holiday", to: "2022-06-02" }],
    added: [
      { date: "2022-06-03", title: "Platinum Jubilee bank holiday" },
      { date: "2022-09-19", title: "Bank holiday for the State Funeral of Queen Elizabeth II" },
    ],
  },
  { year: 2023, added: [{ date: "2023-05-08", title: "Bank holiday for the coronation of King Charles III" }] },
];

function computeBankHolidays(year: number): BankHoliday[] {
  const holidays: BankHoliday[] = [];

  const newYear = isoDate(year, 1, 1);
  const newYearWeekday = dayOfWeek(newYear);
  holidays.push(
    newYearWeekday === 6
      ? { date: addDays(newYear, 2), title: "New Year’s Day (substitute day)" }
      : newYearWeekday === 0
        ? { date: addDays(newYear, 1), title: "New Year’s Day (substitute day)" }
        : { date: newYear, title: "New Year’s Day" },
  );

  const easter = easterSunday(year);
  holidays.push({ date: addDays(easter, -2), title: "Good Friday" });
  holidays.push({ date: addDays(easter, 1), title: "Easter Monday" });
  holidays.push({ date: firstMondayOf(year, 5), title: "Early May bank holiday" });
  holidays.push({ date: lastMondayOf(year, 5), title: "Spring bank holiday" });
  holidays.push({ date: lastMondayOf(year, 8), title: "Summer bank holiday" });

  // Christmas Day and Boxing Day: one that falls at a weekend moves to the next weekday not
  // already taken (so 2010's are Monday 27 and Tuesday 28 December, 2011's Monday 26 and
  // Tuesday 27).
  const christmas: Array<{ date: IsoDate; title: string }> = [
    { date: isoDate(year, 12, 25), title: "Christmas Day" },
    { date: isoDate(year, 12, 26), title: "Boxing Day" },
  ];
  const taken = new Set(christmas.filter((day) => !isWeekend(day.date)).map((day) => day.date));
  for (const day of christmas) {
    if (!isWeekend(day.date)) {
      holidays.push(day);
      continue;
    }
    let substitute = addDays(day.date, 1);
    while (isWeekend(substitute) || taken.has(substitute)) substitute = addDays(substitute, 1);
    taken.add(substitute);
    holidays.push({ date: substitute, title: `${day.title} (substitute day)` });
  }

  for (const change of ONE_OFF_CHANGES) {
    if (change.year !== year) continue;
    for (const move of change.moved ?? []) {
      const holiday = holidays.find((candidate) => candidate.title === move.title);
      if (holiday) {
        holiday.date = move.to;
        holiday.title = move.newTitle ?? move.title;
      }
    }
    holidays.push(...(change.added ?? []));
  }

  return holidays.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

const bankHolidayCache = new Map<number, readonly BankHoliday[]>();

/**
 * Bank holidays in England and Wales for a year, in date order: the rules in force since
 * 1978 (when the early May bank holiday began) plus the one-off changes listed above.
 */
export function bankHolidaysEnglandAndWales(year: number): readonly BankHoliday[] {
  let holidays = bankHolidayCache.get(year);
  if (!holidays) {
    holidays = Object.freeze(computeBankHolidays(year).map((holiday) => Object.freeze(holiday)));
    bankHolidayCache.set(year, holidays);
  }
  return holidays;
}

export function isBankHoliday(date: IsoDate): boolean {
  const { year } = requireIsoDate(date);
  return bankHolidaysEnglandAndWales(year).some((holiday) => holiday.date === date);
}

/** A working day is Monday to Friday and not a bank holiday in England and Wales. */
export function isWorkingDay(date: IsoDate): boolean {
  return !isWeekend(date) && !isBankHoliday(date);
}

/**
 * The working day `n` working days after `date` (or before it, if `n` is negative).
 * `date` itself is never counted; with `n` of 0 the date is returned unchanged.
 */
export function addWorkingDays(date: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`Working days must be a whole number, got ${n}`);
  const step = n < 0 ? -1 : 1;
  let remaining = Math.abs(n);
  let current = date;
  requireIsoDate(date);
  while (remaining > 0) {
    current = addDays(current, step);
    if (isWorkingDay(current)) remaining -= 1;
  }
  return current;
}

/** R-61 The day to send a reminder `n` working days before something is due. */
export function workingDaysBefore(date: IsoDate, n: number): IsoDate {
  return addWorkingDays(date, -n);
}

// ---------------------------------------------------------------------------------------
// Financial years and quarters (R-51 budgets by quarter, R-61 quarterly reports)

/** "Q3 2009/10" */
export type QuarterLabel = string;

export interface FinancialQuarter {
  quarter: 1 | 2 | 3 | 4;
  /** The calendar year in which the financial year begins (2009 for 2009/10). */
  financialYearStart: number;
}

/** "2009/10" for a financial year beginning in April 2009. */
export function financialYearLabel(financialYearStart: number): string {
  return `${financialYearStart}/${String((financialYearStart + 1) % 100).padStart(2, "0")}`;
}

/** The financial year a day falls in, April to March: "2009/10". */
export function financialYearOf(date: IsoDate): string {
  return financialYearLabel(quarterOfDate(date).financialYearStart);
}

function quarterOfDate(date: IsoDate): FinancialQuarter {
  const { year, month } = requireIsoDate(date);
  if (month >= 4) {
    return { quarter: (Math.floor((month - 4) / 3) + 1) as 1 | 2 | 3, financialYearStart: year };
  }
  return { quarter: 4, financialYearStart: year - 1 };
}

export function formatQuarter({ quarter, financialYearStart }: FinancialQuarter): QuarterLabel {
  return `Q${quarter} ${financialYearLabel(financialYearStart)}`;
}

/** The quarter a day falls in: Q1 April–June, Q2 July–September, Q3 October–December, Q4 January–March. */
export function quarterOf(date: IsoDate): QuarterLabel {
  return formatQuarter(quarterOfDate(date));
}

/** Reads "Q3 2009/10" back, or null if it is not a quarter label. */
export function parseQuarter(label: string): FinancialQuarter | null {
  const match = /^Q([1-4]) (\d{4})\/(\d{2})$/.exec(label);
  if (!match) return null;
  const financialYearStart = Number(match[2]);
  if ((financialYearStart + 1) % 100 !== Number(match[3])) return null;
  return { quarter: Number(match[1]) as 1 | 2 | 3 | 4, financialYearStart };
}

/** The first and last days of a quarter. */
export function quarterDates(quarter: FinancialQuarter | QuarterLabel): { start: IsoDate; end: IsoDate } {
  const parsed = typeof quarter === "string" ? parseQuarter(quarter) : quarter;
  if (!parsed) throw new RangeError(`Not a quarter like "Q3 2009/10": ${JSON.stringify(quarter)}`);
  const firstMonth = 4 + (parsed.quarter - 1) * 3; // 4, 7, 10, 13 (January of the next year)
  const start = isoDate(parsed.financialYearStart, firstMonth, 1);
  const end = isoDate(parsed.financialYearStart, firstMonth + 3, 0);
  return { start, end };
}

/**
 * Every quarter from the one containing `start` to the one containing `end`, in order:
 * quartersBetween("2009-10-01", "2010-03-31") is ["Q3 2009/10", "Q4 2009/10"].
 */
export function quartersBetween(start: IsoDate, end: IsoDate): QuarterLabel[] {
  const first = quarterOfDate(start);
  const last = quarterOfDate(end);
  const index = (q: FinancialQuarter) => q.financialYearStart * 4 + (q.quarter - 1);
  const labels: QuarterLabel[] = [];
  for (let i = index(first); i <= index(last); i += 1) {
    labels.push(
      formatQuarter({ financialYearStart: Math.floor(i / 4), quarter: ((i % 4) + 1) as 1 | 2 | 3 | 4 }),
    );
  }
  return labels;
}
