// R-60 A pilot's outputs A–F: each one's status, its due date, and what an update must hold.
// Pure: the clock comes in as `today` (a London calendar day); no I/O.

import { isoDate, isIsoDate, type IsoDate } from "~/domain/calendar";
import { countCharacters, countWords } from "~/domain/words";

/** R-60 The five statuses of an output, in the order a pilot moves through them. */
export const OUTPUT_STATUSES = [
  { key: "not-started", label: "Not started", tagClass: "govuk-tag--grey", hint: "Work on this output has not begun." },
  { key: "on-track", label: "On track", tagClass: "govuk-tag--blue", hint: "Work has begun and the output will be delivered by its due date." },
  { key: "at-risk", label: "At risk", tagClass: "govuk-tag--yellow", hint: "The output may not be delivered by its due date, or in full." },
  { key: "late", label: "Late", tagClass: "govuk-tag--red", hint: "The output will not be delivered by its due date." },
  { key: "complete", label: "Complete", tagClass: "govuk-tag--green", hint: "The output has been delivered. Add evidence: a file or a link." },
] as const;

export type OutputStatus = (typeof OUTPUT_STATUSES)[number]["key"];
export const OUTPUT_STATUS_KEYS: readonly OutputStatus[] = OUTPUT_STATUSES.map((status) => status.key);
export const isOutputStatus = (value: unknown): value is OutputStatus => typeof value === "string" && (OUTPUT_STATUS_KEYS as readonly string[]).includes(value);
export const outputStatusLabel = (status: OutputStatus): string => OUTPUT_STATUSES.find((s) => s.key === status)!.label;
/** The GOV.UK tag modifier class of a status ("govuk-tag--red" for late). */
export const outputStatusTagClass = (status: OutputStatus): string => OUTPUT_STATUSES.find((s) => s.key === status)!.tagClass;

/**
 * R-60 The status an output is shown with (to the pilot, the manager, the dashboard's 6 × 9
 * matrix and the exports): the latest update's status, "not started" when there is none — except
 * that an output whose due date (a London day) has passed and which is not complete is **late**,
 * whatever its last update said (ADR 0050). Due on 30 November: still "on track" on that day,
 * late from 1 December.
 */
export function displayedOutputStatus({ latest, dueDate, today }: { latest: OutputStatus | null; dueDate: IsoDate | null; today: IsoDate }): OutputStatus {
  if (latest === "complete") return "complete";
  if (dueDate && today > dueDate) return "late";
  return latest ?? "not-started";
}

/** The same rule under the short name the dashboard uses. */
export const outputStatus = displayedOutputStatus;

/** Whether the status shown differs from what the pilot last said because the due date passed. */
export function isLateByDate(input: { latest: OutputStatus | null; dueDate: IsoDate | null; today: IsoDate }): boolean {
  return displayedOutputStatus(input) === "late" && input.latest !== "late";
}

const MONTH_NAMES = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

/**
 * R-60 The due date of an output from the detailed application's "When will output X be
 * delivered?" (the offer letter carries it as text: "31 March 2010", or "31/3/2010" when the
 * officer's three boxes were not a real date). Also takes "2010-03-31". Null when it cannot be
 * read as a real date: the output then has no due date and is never late by date.
 */
export function dueDateFromPlan(when: string | null | undefined): IsoDate | null {
  const text = (when ?? "").trim().toLowerCase().replace(/\s+/g, " ");
  if (!text) return null;
  if (isIsoDate(text)) return text;
  const check = (year: number, month: number, day: number): IsoDate | null => {
    if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day) || year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31) return null;
    const date = isoDate(year, month, day);
    return isIsoDate(date) && date === `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}` ? date : null;
  };
  const words = /^(\d{1,2}) ([a-z]+) (\d{4})$/.exec(text);
  if (words) {
    const month = MONTH_NAMES.findIndex((name) => name === words[2] || (words[2]!.length >= 3 && name.startsWith(words[2]!)));
    return month < 0 ? null : check(Number(words[3]), month + 1, Number(words[1]));
  }
  const numbers = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (numbers) return check(Number(numbers[3]), Number(numbers[2]), Number(numbers[1]));
  return null;
}

// ---------------------------------------------------------------------------------------
// R-60 An update of an output: status, what happened, evidence (a file or a link)

/** What happened: as long as a short report paragraph, bounded so a page and an export stay readable. */
export const UPDATE_SUMMARY_WORD_LIMIT = 300;
export const UPDATE_SUMMARY_CHARACTER_LIMIT = 3_000;
export const EVIDENCE_LINK_CHARACTER_LIMIT = 2_000;

export interface OutputUpdateValues {
  status: string;
  summary: string;
  evidenceLink: string;
}

export type OutputUpdateCheck =
  | { ok: true; update: { status: OutputStatus; summary: string; evidenceLink: string | null } }
  | { ok: false; errors: Array<[field: string, message: string]> };

/**
 * R-60 An update's answers, checked. `hasFile` says whether an evidence file came with it (the
 * file itself is checked by uploads.ts). A link must be a full https address. An update that
 * marks the output complete needs evidence: a file or a link.
 */
export function checkOutputUpdate(values: OutputUpdateValues, { hasFile }: { hasFile: boolean }): OutputUpdateCheck {
  const errors: Array<[string, string]> = [];
  const status = values.status.trim();
  const summary = values.summary.trim();
  const link = values.evidenceLink.trim();
  if (!isOutputStatus(status)) errors.push(["status", "Select the output's status"]);
  if (!summary) errors.push(["summary", "Enter what happened"]);
  else if (countWords(summary) > UPDATE_SUMMARY_WORD_LIMIT) errors.push(["summary", `What happened must be ${UPDATE_SUMMARY_WORD_LIMIT} words or fewer`]);
  else if (countCharacters(summary) > UPDATE_SUMMARY_CHARACTER_LIMIT) errors.push(["summary", `What happened must be ${UPDATE_SUMMARY_CHARACTER_LIMIT.toLocaleString("en-GB")} characters or fewer`]);
  if (link) {
    const problem = evidenceLinkProblem(link);
    if (problem) errors.push(["evidenceLink", problem]);
  } else if (status === "complete" && !hasFile) {
    errors.push(["evidenceLink", "An output marked complete needs evidence: enter a link to it or choose a file"]);
  }
  if (errors.length) return { ok: false, errors };
  return { ok: true, update: { status: status as OutputStatus, summary, evidenceLink: link || null } };
}

/** Why a typed evidence link is not acceptable, or null: a full https:// web address with a host. */
export function evidenceLinkProblem(link: string): string | null {
  if (link.length > EVIDENCE_LINK_CHARACTER_LIMIT) return `The link must be ${EVIDENCE_LINK_CHARACTER_LIMIT.toLocaleString("en-GB")} characters or fewer`;
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return "Enter the link in the correct format, like https://www.example.gov.uk/pilot-report";
  }
  if (url.protocol !== "https:") return "The link must start with https://";
  if (!url.hostname.includes(".") || url.username || url.password || /\s/.test(link)) return "Enter the link in the correct format, like https://www.example.gov.uk/pilot-report";
  return null;
}
