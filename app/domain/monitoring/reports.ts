// R-61 Quarterly progress reports: which quarters a pilot reports on, when each report is due,
// when the reminder goes, when it is overdue, and what the report form asks. Pure rules over plain
// data; the clock is passed in (`today`, a London calendar day).

import { reportingTimetable } from "~/domain/application/award";
import type { ApplicationProgramme } from "~/domain/application/programme";
import { quarterMonths } from "~/domain/application/programme";
import { formatDateLondon, parseQuarter, quarterDates, workingDaysBefore, type IsoDate, type QuarterLabel } from "~/domain/calendar";
import { parseMoney } from "~/domain/money";
import { OUTPUTS, type OutputKey } from "~/domain/programme";

/** R-61 The reminder goes this many working days (England and Wales) before the due date. */
export const REMINDER_WORKING_DAYS = 5;

export const REPORT_STATUSES = ["draft", "submitted", "queried", "accepted"] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
export const isReportStatus = (value: unknown): value is ReportStatus => typeof value === "string" && (REPORT_STATUSES as readonly string[]).includes(value);

export interface ScheduledReport {
  /** "Q3 2009/10" (as stored in quarterly_reports.quarter). */
  quarter: QuarterLabel;
  /** "2009-10-q3": the quarter in a URL. */
  slug: string;
  /** "Progress report for Q3 2009/10 (October to December 2009)", as the offer letter words it. */
  title: string;
  /** "October to December 2009" */
  months: string;
  /** The quarter's first and last days. */
  start: IsoDate;
  end: IsoDate;
  /** R-53 R-61 Due ten working days after the quarter ends: the offer letter's date. */
  due: IsoDate;
  /** R-61 The reminder's day: five working days before the due date. */
  remindOn: IsoDate;
  /** The programme's last quarter: its report is the final report. */
  final: boolean;
}

/** "Q3 2009/10" → "2009-10-q3" (URL-safe, sorts by time). */
export function quarterSlug(quarter: QuarterLabel): string {
  const parsed = parseQuarter(quarter);
  if (!parsed) throw new RangeError(`Not a quarter: ${quarter}`);
  return `${parsed.financialYearStart}-${String((parsed.financialYearStart + 1) % 100).padStart(2, "0")}-q${parsed.quarter}`;
}

/** "2009-10-q3" → "Q3 2009/10", or null when the slug is not a quarter. */
export function quarterFromSlug(slug: string): QuarterLabel | null {
  const match = /^(\d{4})-(\d{2})-q([1-4])$/.exec(slug);
  if (!match) return null;
  const label = `Q${match[3]} ${match[1]}/${match[2]}`;
  return parseQuarter(label) ? label : null;
}

/**
 * R-61 A pilot's reports: one for each quarter of the programme (the offer letter's reporting
 * timetable, R-53, so the dates always agree with the letter) that ends on or after the day the
 * pilot started. A pilot that started late does not report on a quarter that ended before it
 * began (docs/decisions/0055-report-schedule.md).
 */
export function reportSchedule(programme: ApplicationProgramme, pilotStartedOn?: IsoDate | null): ScheduledReport[] {
  const timetable = reportingTimetable(programme);
  return programme.quarters
    .map((quarter, index) => {
      const { start, end } = quarterDates(quarter);
      const due = timetable[index]!.due;
      return { quarter, slug: quarterSlug(quarter), title: timetable[index]!.title, months: quarterMonths(quarter), start, end, due, remindOn: workingDaysBefore(due, REMINDER_WORKING_DAYS), final: index === programme.quarters.length - 1 };
    })
    .filter((report) => !pilotStartedOn || report.end >= pilotStartedOn);
}

export type ReportStateKey = "future" | "in-progress" | "open" | "due-soon" | "overdue" | "submitted" | "queried" | "accepted";

export interface ReportState {
  key: ReportStateKey;
  /** The words of the GOV.UK tag. */
  label: string;
  /** The tag's classes (govuk-tag plus its colour). */
  tagClass: string;
  /** Whether the report is late: due date passed (end of that London day) and never submitted. */
  overdue: boolean;
}

const STATE: Record<ReportStateKey, { label: string; colour: string }> = {
  future: { label: "Not started", colour: "govuk-tag--grey" },
  "in-progress": { label: "Quarter in progress", colour: "govuk-tag--grey" },
  open: { label: "Ready to submit", colour: "govuk-tag--light-blue" },
  "due-soon": { label: "Due soon", colour: "govuk-tag--yellow" },
  overdue: { label: "Overdue", colour: "govuk-tag--red" },
  submitted: { label: "Submitted", colour: "govuk-tag--blue" },
  queried: { label: "Queried", colour: "govuk-tag--orange" },
  accepted: { label: "Accepted", colour: "govuk-tag--green" },
};

/** The tag for a state key (for a legend or a filter). */
export function reportStateTag(key: ReportStateKey): { label: string; tagClass: string } {
  return { label: STATE[key].label, tagClass: `govuk-tag ${STATE[key].colour}` };
}

/**
 * R-61 Where a report stands on `today` (a London day):
 * accepted, submitted (waiting for the programme team), queried (waiting for the pilot's answer);
 * otherwise (no report yet, or a draft) by the calendar: overdue once the due date has passed
 * (due at the end of that day, Europe/London), due soon from the reminder's day, ready to submit
 * once the quarter has ended, in progress during the quarter, not started before it.
 * `start`, `end` and `remindOn` default from `due` and the quarter when not given.
 */
export function reportState(input: { due: IsoDate; status: ReportStatus | null | undefined; today: IsoDate; quarter?: QuarterLabel; start?: IsoDate; end?: IsoDate; remindOn?: IsoDate }): ReportState {
  const make = (key: ReportStateKey): ReportState => ({ key, ...reportStateTag(key), overdue: key === "overdue" });
  if (input.status === "accepted") return make("accepted");
  if (input.status === "submitted") return make("submitted");
  if (input.status === "queried") return make("queried");
  const dates = input.quarter ? quarterDates(input.quarter) : null;
  const start = input.start ?? dates?.start;
  const end = input.end ?? dates?.end;
  const remindOn = input.remindOn ?? workingDaysBefore(input.due, REMINDER_WORKING_DAYS);
  if (input.today > input.due) return make("overdue");
  if (input.today >= remindOn) return make("due-soon");
  if (end !== undefined && input.today > end) return make("open");
  if (start !== undefined && input.today < start) return make("future");
  return make("in-progress");
}

/** Order for the programme team's list: overdue first, then queried, due soon, submitted… */
export const STATE_PRIORITY: Record<ReportStateKey, number> = { overdue: 0, "due-soon": 1, submitted: 2, queried: 3, open: 4, "in-progress": 5, future: 6, accepted: 7 };

// ---------------------------------------------------------------------------------------
// R-61 What may be done with a report on a day (docs/decisions/0055-report-schedule.md)

/**
 * Why the report of `report`'s quarter cannot be started or changed on `today`, or null when it
 * can: a quarter that has not started yet is refused ("future quarter"); a submitted or accepted
 * report is read-only (a queried one is open again for changes).
 */
export function editRefusal(report: Pick<ScheduledReport, "start" | "quarter">, status: ReportStatus | null, today: IsoDate): string | null {
  if (today < report.start) return `You cannot start the report for ${report.quarter} yet: the quarter begins on ${formatDateLondon(report.start)}`;
  if (status === "submitted") return `The report for ${report.quarter} has been submitted: the programme team is reviewing it`;
  if (status === "accepted") return `The report for ${report.quarter} has been accepted and cannot be changed`;
  return null;
}

/**
 * Why the report cannot be submitted on `today`, or null: a quarter's report covers the whole
 * quarter (its spend, its progress), so it can be submitted from the day after the quarter ends,
 * never early.
 */
export function submitRefusal(report: Pick<ScheduledReport, "start" | "end" | "quarter">, status: ReportStatus | null, today: IsoDate): string | null {
  const editing = editRefusal(report, status, today);
  if (editing) return editing;
  if (today <= report.end) return `You can submit the report for ${report.quarter} from ${formatDateLondon(nextDay(report.end))}, when the quarter has ended. You can save it as a draft until then`;
  return null;
}

const nextDay = (date: IsoDate) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

// ---------------------------------------------------------------------------------------
// R-61 The report form: progress on each output A–F, spend this quarter, risks, issues

export const REPORT_TEXT_LIMIT = 10_000;

export type ReportAnswers = {
  progress: Record<OutputKey, string>;
  /** Spend this quarter as typed ("£12,345.50"), kept as typed so nothing is lost. */
  spend: string;
  risks: string;
  issues: string;
};

export const progressField = (key: OutputKey) => `progress${key}`;

export function emptyAnswers(): ReportAnswers {
  return { progress: Object.fromEntries(OUTPUTS.map((o) => [o.key, ""])) as Record<OutputKey, string>, spend: "", risks: "", issues: "" };
}

/** Reads answers from stored JSON or a posted form's values, dropping anything unknown. */
export function readAnswers(values: Record<string, unknown>): ReportAnswers {
  const text = (value: unknown) => (typeof value === "string" ? value : "");
  const progress = (values.progress && typeof values.progress === "object" ? values.progress : {}) as Record<string, unknown>;
  return {
    progress: Object.fromEntries(OUTPUTS.map((o) => [o.key, text(progress[o.key] ?? values[progressField(o.key)])])) as Record<OutputKey, string>,
    spend: text(values.spend),
    risks: text(values.risks),
    issues: text(values.issues),
  };
}

export type AnswerCheck = { ok: true; spendPence: number | null; errors: [] } | { ok: false; spendPence: null; errors: Array<[field: string, message: string]> };

/**
 * R-61 R-73 The report's answers. A draft may be partly filled in (only what is typed is
 * checked: lengths, and the spend must read as money); a submission needs every answer.
 */
export function checkAnswers(answers: ReportAnswers, mode: "draft" | "submit"): AnswerCheck {
  const errors: Array<[string, string]> = [];
  for (const output of OUTPUTS) {
    const value = answers.progress[output.key].trim();
    if (!value && mode === "submit") errors.push([progressField(output.key), `Enter the progress on output ${output.key} (${output.title.toLowerCase()}) this quarter`]);
    else if (value.length > REPORT_TEXT_LIMIT) errors.push([progressField(output.key), `Progress on output ${output.key} must be ${REPORT_TEXT_LIMIT.toLocaleString("en-GB")} characters or fewer`]);
  }
  let spendPence: number | null = null;
  if (answers.spend.trim()) {
    const parsed = parseMoney(answers.spend, { subject: "spend this quarter" });
    if (parsed.ok) spendPence = parsed.pence;
    else errors.push(["spend", parsed.error]);
  } else if (mode === "submit") errors.push(["spend", "Enter the pilot’s spend this quarter, or £0 if it spent nothing"]);
  for (const [field, what] of [["risks", "risks"], ["issues", "issues"]] as const) {
    const value = answers[field].trim();
    if (!value && mode === "submit") errors.push([field, `Enter the ${what} this quarter, or ‘None’`]);
    else if (value.length > REPORT_TEXT_LIMIT) errors.push([field, `${what.charAt(0).toUpperCase()}${what.slice(1)} must be ${REPORT_TEXT_LIMIT.toLocaleString("en-GB")} characters or fewer`]);
  }
  return errors.length ? { ok: false, spendPence: null, errors } : { ok: true, spendPence, errors: [] };
}

/** R-61 The programme team's query needs a question; the pilot's answer needs words. */
export function checkReviewText(text: string, what: "question" | "answer" | "comments"): string | null {
  const value = text.trim();
  if (what === "question" && !value) return "Enter the question the pilot must answer";
  if (what === "answer" && !value) return "Enter your answer to the programme team’s query";
  if (value.length > REPORT_TEXT_LIMIT) return `The ${what} must be ${REPORT_TEXT_LIMIT.toLocaleString("en-GB")} characters or fewer`;
  return null;
}
