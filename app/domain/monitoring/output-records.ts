// R-60 Output-specific records: B events, C network members, D cost and staff-time figures,
// E Toolkit change proposals, F data returns. Each kind's stored data (output_records.data_json)
// is a zod schema here; `readRecordForm` turns a form's answers into that data with GOV.UK
// messages; `describeRecord` and `recordFields` say how a record reads (pages, exports).
// Pure: the pilot's period and today's London day come in as `context`.

import { z } from "zod";
import { formatDateLondon, isIsoDate, type IsoDate } from "~/domain/calendar";
import { parseDateInput } from "~/domain/date-input";
import { formatMoney, parseMoney } from "~/domain/money";
import { THEMES, type OutputKey } from "~/domain/programme";
import { countCharacters, formatCount, LONG_ANSWER_CHARACTER_LIMIT, SHORT_ANSWER_CHARACTER_LIMIT } from "~/domain/words";

const isoDateSchema = z.string().refine(isIsoDate, "a YYYY-MM-DD calendar date");
const shortText = z.string().trim().min(1).max(SHORT_ANSWER_CHARACTER_LIMIT);
const longText = z.string().trim().min(1).max(LONG_ANSWER_CHARACTER_LIMIT);

/** R-60 B: a regional event or workshop. Authorities reached: a count, and their names when listed. */
export const eventRecordSchema = z.object({
  date: isoDateSchema,
  place: shortText,
  attendees: z.number().int().min(0),
  authoritiesReached: z.number().int().min(0),
  /** The authorities' names when the officer listed them (then authoritiesReached is their number). */
  authorityNames: z.array(shortText).default([]),
});

/** R-60 C: a member of the virtual peer support network. */
export const networkMemberRecordSchema = z.object({
  name: shortText,
  organisation: shortText,
  role: shortText,
  joinedOn: isoDateSchema,
});

/** R-60 D: a cost and staff-time figure for the impact assessment. */
export const impactFigureRecordSchema = z.object({
  description: shortText,
  costPence: z.number().int().min(0),
  /** Staff time in hours (quarter hours at most: 7.25). */
  staffHours: z.number().min(0),
});

/** The part of the Toolkit a change proposal is about: one of its three themes, or the whole. */
export const TOOLKIT_AREAS = [...THEMES.map((theme) => ({ key: theme.key as string, label: theme.label })), { key: "whole", label: "The Toolkit as a whole" }] as const;
export const toolkitAreaLabel = (key: string): string => TOOLKIT_AREAS.find((area) => area.key === key)?.label ?? key;

/** R-60 E: a proposal to change the Practitioners' Toolkit. */
export const changeProposalRecordSchema = z.object({
  theme: z.string().refine((key) => TOOLKIT_AREAS.some((area) => area.key === key), "a Toolkit theme"),
  /** The Toolkit section (page, tool or heading), when the officer named one. */
  section: z.string().trim().max(SHORT_ANSWER_CHARACTER_LIMIT).default(""),
  proposal: longText,
  rationale: longText,
});

/** R-60 F: a return of data or qualitative input to the longer-term evaluation. */
export const dataReturnRecordSchema = z.object({
  /** The quarter the return covers: "Q3 2009/10". */
  period: shortText,
  description: longText,
  sentOn: isoDateSchema,
});

export type EventRecord = z.infer<typeof eventRecordSchema>;
export type NetworkMemberRecord = z.infer<typeof networkMemberRecordSchema>;
export type ImpactFigureRecord = z.infer<typeof impactFigureRecordSchema>;
export type ChangeProposalRecord = z.infer<typeof changeProposalRecordSchema>;
export type DataReturnRecord = z.infer<typeof dataReturnRecordSchema>;

/** R-60 The record kinds, the output each belongs to, and its stored schema. */
export const RECORD_KINDS = {
  event: { output: "B", schema: eventRecordSchema, title: "Events and workshops", noun: "event" },
  "network-member": { output: "C", schema: networkMemberRecordSchema, title: "Network members", noun: "network member" },
  "impact-figure": { output: "D", schema: impactFigureRecordSchema, title: "Cost and staff-time figures", noun: "figure" },
  "change-proposal": { output: "E", schema: changeProposalRecordSchema, title: "Toolkit change proposals", noun: "change proposal" },
  "data-return": { output: "F", schema: dataReturnRecordSchema, title: "Data returns", noun: "data return" },
} as const;

export type RecordKind = keyof typeof RECORD_KINDS;
export const RECORD_KIND_KEYS = Object.keys(RECORD_KINDS) as RecordKind[];
export const isRecordKind = (value: unknown): value is RecordKind => typeof value === "string" && value in RECORD_KINDS;

/** A stored record's data, by kind: what `output_records.data_json` holds once parsed. */
export type RecordData =
  | { kind: "event"; data: EventRecord }
  | { kind: "network-member"; data: NetworkMemberRecord }
  | { kind: "impact-figure"; data: ImpactFigureRecord }
  | { kind: "change-proposal"; data: ChangeProposalRecord }
  | { kind: "data-return"; data: DataReturnRecord };

/** The kind of record an output keeps (A has none: its evidence is the report itself). */
export function recordKindFor(outputKey: OutputKey | string): RecordKind | null {
  return RECORD_KIND_KEYS.find((kind) => RECORD_KINDS[kind].output === outputKey) ?? null;
}

/**
 * Reads `output_records.kind` and `data_json` into typed data; null when the row does not match
 * its kind's schema (never expected: every row is written through readRecordForm).
 */
export function parseStoredRecord(kind: string, dataJson: string): RecordData | null {
  if (!isRecordKind(kind)) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(dataJson);
  } catch {
    return null;
  }
  const parsed = RECORD_KINDS[kind].schema.safeParse(raw);
  return parsed.success ? ({ kind, data: parsed.data } as RecordData) : null;
}

// ---------------------------------------------------------------------------------------
// Reading the add forms

/** The days a record's date may fall on: the pilot's period, and never after today. */
export interface RecordContext {
  /** The pilot's first day (ADR 0051). */
  start: IsoDate;
  /** The programme's last day. */
  end: IsoDate;
  /** Today, in London. */
  today: IsoDate;
  /** The programme's quarters, for data returns: "Q3 2009/10", … */
  quarters: readonly string[];
}

export type RecordFormValues = Record<string, string>;
export type RecordFormResult = { ok: true; record: RecordData } | { ok: false; errors: Array<[field: string, message: string]> };

/** The form fields of each kind, in page order (their names are the fields' ids; dates are date inputs). */
export const RECORD_FORM_FIELDS: Record<RecordKind, readonly string[]> = {
  event: ["date-day", "date-month", "date-year", "place", "attendees", "authoritiesReached"],
  "network-member": ["name", "organisation", "role", "joinedOn-day", "joinedOn-month", "joinedOn-year"],
  "impact-figure": ["description", "cost", "staffHours"],
  "change-proposal": ["theme", "section", "proposal", "rationale"],
  "data-return": ["period", "description", "sentOn-day", "sentOn-month", "sentOn-year"],
};

const MAX_COUNT = 1_000_000;
const MAX_STAFF_HOURS = 100_000;

/**
 * R-60 A record's form answers, checked: every field required (but E's section), dates real and
 * inside the pilot's period and not in the future, counts whole numbers of 0 or more, money by
 * parseMoney (R-33). Errors are [field id, GOV.UK message] in page order.
 */
export function readRecordForm(kind: RecordKind, values: RecordFormValues, context: RecordContext): RecordFormResult {
  const errors: Array<[string, string]> = [];
  const get = (name: string) => (values[name] ?? "").trim();
  const text = (name: string, what: string, limit = SHORT_ANSWER_CHARACTER_LIMIT, required = true): string => {
    const value = get(name);
    if (!value) {
      if (required) errors.push([name, `Enter ${what}`]);
    } else if (countCharacters(value) > limit) errors.push([name, `${capitalise(what)} must be ${formatCount(limit)} characters or fewer`]);
    return value;
  };
  const date = (prefix: string, what: string): IsoDate => {
    const parsed = parseDateInput({ day: get(`${prefix}-day`), month: get(`${prefix}-month`), year: get(`${prefix}-year`) }, what);
    if (!parsed.ok) {
      errors.push([`${prefix}-day`, parsed.error]);
      return "";
    }
    const problem = dateProblem(parsed.date, what, context);
    if (problem) errors.push([`${prefix}-day`, problem]);
    return parsed.date;
  };
  const count = (name: string, what: string): number => {
    const value = get(name).replaceAll(",", "");
    if (!value) errors.push([name, `Enter ${what}`]);
    else if (!/^\d+$/.test(value)) errors.push([name, `${capitalise(what)} must be a whole number, like 25`]);
    else if (Number(value) > MAX_COUNT) errors.push([name, `${capitalise(what)} must be ${formatCount(MAX_COUNT)} or fewer`]);
    else return Number(value);
    return 0;
  };

  let record: RecordData;
  switch (kind) {
    case "event": {
      const eventDate = date("date", "the date of the event");
      const place = text("place", "where the event was held");
      const attendees = count("attendees", "the number of people who attended");
      const reached = readAuthoritiesReached(get("authoritiesReached"));
      if (!reached.ok) errors.push(["authoritiesReached", reached.error]);
      record = { kind, data: { date: eventDate, place, attendees, authoritiesReached: reached.ok ? reached.count : 0, authorityNames: reached.ok ? reached.names : [] } };
      break;
    }
    case "network-member": {
      const name = text("name", "the member's name");
      const organisation = text("organisation", "the member's organisation");
      const role = text("role", "the member's role");
      const joinedOn = date("joinedOn", "the date they joined");
      record = { kind, data: { name, organisation, role, joinedOn } };
      break;
    }
    case "impact-figure": {
      const description = text("description", "what the figure is for");
      const costText = get("cost");
      let costPence = 0;
      if (!costText) errors.push(["cost", "Enter the cost, or £0 if there was none"]);
      else {
        const parsed = parseMoney(costText, { subject: "cost" });
        if (parsed.ok) costPence = parsed.pence;
        else errors.push(["cost", parsed.error]);
      }
      const hoursText = get("staffHours");
      let staffHours = 0;
      if (!hoursText) errors.push(["staffHours", "Enter the staff time in hours, or 0 if there was none"]);
      else if (!/^\d+(\.\d{1,2})?$/.test(hoursText)) errors.push(["staffHours", "Staff time must be a number of hours, like 37.5"]);
      else if (Number(hoursText) > MAX_STAFF_HOURS) errors.push(["staffHours", `Staff time must be ${formatCount(MAX_STAFF_HOURS)} hours or fewer`]);
      else staffHours = Number(hoursText);
      record = { kind, data: { description, costPence, staffHours } };
      break;
    }
    case "change-proposal": {
      const theme = get("theme");
      if (!TOOLKIT_AREAS.some((area) => area.key === theme)) errors.push(["theme", "Select the part of the Toolkit the proposal is about"]);
      const section = text("section", "the Toolkit section", SHORT_ANSWER_CHARACTER_LIMIT, false);
      const proposal = text("proposal", "the change you propose", LONG_ANSWER_CHARACTER_LIMIT);
      const rationale = text("rationale", "why the Toolkit should change", LONG_ANSWER_CHARACTER_LIMIT);
      record = { kind, data: { theme, section, proposal, rationale } };
      break;
    }
    case "data-return": {
      const period = get("period");
      if (!period) errors.push(["period", "Select the period the return covers"]);
      else if (!context.quarters.includes(period)) errors.push(["period", "Select a quarter of the programme"]);
      const description = text("description", "what was returned", LONG_ANSWER_CHARACTER_LIMIT);
      const sentOn = date("sentOn", "the date the return was sent");
      record = { kind, data: { period, description, sentOn } };
      break;
    }
  }
  if (errors.length) return { ok: false, errors };
  // Belt and braces: what is stored always matches its kind's schema.
  const checked = RECORD_KINDS[kind].schema.safeParse(record.data);
  if (!checked.success) return { ok: false, errors: [[RECORD_FORM_FIELDS[kind][0]!, "Check the answers and try again"]] };
  return { ok: true, record: { kind, data: checked.data } as RecordData };
}

/** Why a record's date cannot be accepted, or null. `what`: "the date of the event". */
export function dateProblem(date: IsoDate, what: string, context: Pick<RecordContext, "start" | "end" | "today">): string | null {
  const What = capitalise(what);
  if (date > context.today) return `${What} must be today or in the past`;
  if (date < context.start) return `${What} must be on or after ${formatDateLondon(context.start)}, when the pilot started`;
  if (date > context.end) return `${What} must be on or before ${formatDateLondon(context.end)}, when the programme ends`;
  return null;
}

/**
 * R-60 "Authorities reached": either how many (a whole number) or the authorities' names, one a
 * line or separated by commas or semicolons (then the count is how many names).
 */
export function readAuthoritiesReached(input: string): { ok: true; count: number; names: string[] } | { ok: false; error: string } {
  const text = input.trim();
  if (!text) return { ok: false, error: "Enter the number of authorities reached, or list them" };
  const number = text.replaceAll(",", "");
  if (/^\d+$/.test(number)) {
    if (Number(number) > MAX_COUNT) return { ok: false, error: `Authorities reached must be ${formatCount(MAX_COUNT)} or fewer` };
    return { ok: true, count: Number(number), names: [] };
  }
  if (/^-\d/.test(text) || /^\d+\.\d+$/.test(number)) return { ok: false, error: "The number of authorities reached must be a whole number of 0 or more" };
  const names = [...new Set(text.split(/[\n;,]+/).map((name) => name.trim().replace(/\s+/g, " ")).filter(Boolean))];
  const tooLong = names.find((name) => countCharacters(name) > SHORT_ANSWER_CHARACTER_LIMIT);
  if (tooLong) return { ok: false, error: `Each authority's name must be ${formatCount(SHORT_ANSWER_CHARACTER_LIMIT)} characters or fewer` };
  if (names.length > 500) return { ok: false, error: "List at most 500 authorities" };
  return { ok: true, count: names.length, names };
}

// ---------------------------------------------------------------------------------------
// How a record reads

/** A record as label/value pairs, in a fixed order per kind: table columns and export columns. */
export function recordFields(record: RecordData): Array<{ label: string; value: string }> {
  switch (record.kind) {
    case "event":
      return [
        { label: "Date", value: formatDateLondon(record.data.date) },
        { label: "Place", value: record.data.place },
        { label: "Attendees", value: formatCount(record.data.attendees) },
        { label: "Authorities reached", value: record.data.authorityNames.length ? `${formatCount(record.data.authoritiesReached)}: ${record.data.authorityNames.join(", ")}` : formatCount(record.data.authoritiesReached) },
      ];
    case "network-member":
      return [
        { label: "Name", value: record.data.name },
        { label: "Organisation", value: record.data.organisation },
        { label: "Role", value: record.data.role },
        { label: "Joined", value: formatDateLondon(record.data.joinedOn) },
      ];
    case "impact-figure":
      return [
        { label: "Description", value: record.data.description },
        { label: "Cost", value: formatMoney(record.data.costPence) },
        { label: "Staff time", value: `${formatHours(record.data.staffHours)}` },
      ];
    case "change-proposal":
      return [
        { label: "Toolkit theme", value: toolkitAreaLabel(record.data.theme) },
        { label: "Section", value: record.data.section || "–" },
        { label: "Proposal", value: record.data.proposal },
        { label: "Rationale", value: record.data.rationale },
      ];
    case "data-return":
      return [
        { label: "Period", value: record.data.period },
        { label: "What was returned", value: record.data.description },
        { label: "Date sent", value: formatDateLondon(record.data.sentOn) },
      ];
  }
}

/** A record in one line, for exports and the audit trail: "Event on 12 November 2009 at Leeds Civic Hall: 40 attendees, 6 authorities reached". */
export function describeRecord(record: RecordData): string {
  switch (record.kind) {
    case "event":
      return `Event on ${formatDateLondon(record.data.date)} at ${record.data.place}: ${formatCount(record.data.attendees)} ${record.data.attendees === 1 ? "attendee" : "attendees"}, ${formatCount(record.data.authoritiesReached)} ${record.data.authoritiesReached === 1 ? "authority" : "authorities"} reached${record.data.authorityNames.length ? ` (${record.data.authorityNames.join(", ")})` : ""}`;
    case "network-member":
      return `Network member ${record.data.name}, ${record.data.role}, ${record.data.organisation}, joined ${formatDateLondon(record.data.joinedOn)}`;
    case "impact-figure":
      return `${record.data.description}: ${formatMoney(record.data.costPence)} and ${formatHours(record.data.staffHours)} of staff time`;
    case "change-proposal":
      return `Toolkit change proposal (${toolkitAreaLabel(record.data.theme)}${record.data.section ? `, ${record.data.section}` : ""}): ${record.data.proposal}`;
    case "data-return":
      return `Data return for ${record.data.period}, sent ${formatDateLondon(record.data.sentOn)}: ${record.data.description}`;
  }
}

/** "7.5 hours", "1 hour". */
export function formatHours(hours: number): string {
  return `${hours.toLocaleString("en-GB", { maximumFractionDigits: 2 })} ${hours === 1 ? "hour" : "hours"}`;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
