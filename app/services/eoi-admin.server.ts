// R-9 R-20 R-21 R-35 The programme manager's stage 1: every expression of interest by region
// with its status and hard copy, one EOI read-only, recording the hard copy's arrival,
// extending one authority's deadline and withdrawing an EOI at the authority's request.
// Each use case checks the role first, reads, applies the rule, then writes in one transaction
// with its audit row (recordHardCopy and extendDeadline in eoi.server.ts do the writing).

import type { Knex } from "knex";
import { eoiWithdrawnEmail } from "../../emails/templates";
import { enqueueEmail } from "../../emails/outbox.server";
import { recordAudit } from "~/data/audit.server";
import { findAuthority, type Authority } from "~/data/authorities.server";
import { findEoi, listEoiHistory, listEois, updateEoiStatus, type Eoi, type EoiHistoryEntry, type EoiListItem } from "~/data/eois.server";
import { currentRound, findRound, type Round } from "~/data/rounds.server";
import { findUserById, type User } from "~/data/users.server";
import { endOfDayLondon, formatDateLondon, isoDate, londonDate, parseIsoDate, type IsoDate } from "~/domain/calendar";
import { answerLines } from "~/domain/eoi/display";
import { checkTwoPageLimit } from "~/domain/eoi/schema";
import { SECTIONS, answerRows, shownQuestions, visibleAnswers, type EoiAnswers, type SectionId } from "~/domain/eoi/sections";
import type { EoiState } from "~/domain/eoi/status";
import { parseMoney } from "~/domain/money";
import { REGIONS, isRegion, type Region } from "~/domain/programme";
import { EoiAccessError, extendDeadline, recordHardCopy, submissionWindow } from "./eoi.server";

// ---------------------------------------------------------------------------------------
// Permission

/** R-20 Only the programme manager reaches these use cases, whatever the route checked. */
function requireProgrammeManager(actor: User): void {
  if (actor.role !== "programme_manager") throw new EoiAccessError("only the programme manager manages expressions of interest");
}

// ---------------------------------------------------------------------------------------
// The list, its filters and its counts

export const EOI_STATES: readonly EoiState[] = ["draft", "submitted", "withdrawn"];
export const HARD_COPY_FILTERS = ["received", "not-received"] as const;
export type HardCopyFilter = (typeof HARD_COPY_FILTERS)[number];

export interface EoiFilters {
  region: Region | null;
  status: EoiState | null;
  hardCopy: HardCopyFilter | null;
}

/** The list's filters from the query string (GET, so they work without JavaScript); anything unknown means "all". */
export function readEoiFilters(params: URLSearchParams): EoiFilters {
  const region = params.get("region");
  const status = params.get("status");
  const hardCopy = params.get("hardCopy");
  return {
    region: isRegion(region) ? region : null,
    status: (EOI_STATES as readonly string[]).includes(status ?? "") ? (status as EoiState) : null,
    hardCopy: (HARD_COPY_FILTERS as readonly string[]).includes(hardCopy ?? "") ? (hardCopy as HardCopyFilter) : null,
  };
}

export interface EoiCounts {
  draft: number;
  submitted: number;
  withdrawn: number;
  /** R-9 Hard copies received, of the EOIs counted. */
  hardCopies: number;
  total: number;
}

export interface EoiOverview {
  round: { id: number; name: string; closesAt: string } | null;
  /** Counts over the whole round, whatever the filters. */
  totals: EoiCounts;
  /** R-2 Every region in the programme's order, including those with no EOI. */
  byRegion: Array<{ region: Region; counts: EoiCounts }>;
  /** The EOIs the filters let through, by region (R-2 order), then authority, then id. */
  eois: EoiListItem[];
}

const emptyCounts = (): EoiCounts => ({ draft: 0, submitted: 0, withdrawn: 0, hardCopies: 0, total: 0 });

function count(into: EoiCounts, eoi: EoiListItem) {
  // After the shortlist invited and not-selected bids still count as submitted ones.
  into[eoi.status === "invited" || eoi.status === "not-selected" ? "submitted" : eoi.status] += 1;
  into.total += 1;
  if (eoi.hardCopyReceivedAt) into.hardCopies += 1;
}

const regionIndex = (region: string) => {
  const index = (REGIONS as readonly string[]).indexOf(region);
  return index === -1 ? REGIONS.length : index;
};

export function matchesFilters(eoi: EoiListItem, filters: EoiFilters): boolean {
  if (filters.region && eoi.region !== filters.region) return false;
  if (filters.status && eoi.status !== filters.status) return false;
  if (filters.hardCopy === "received" && !eoi.hardCopyReceivedAt) return false;
  if (filters.hardCopy === "not-received" && (eoi.hardCopyReceivedAt || eoi.status === "draft")) return false;
  return true;
}

/** R-9 The round's EOIs by region with status and hard copy, filtered, with counts per status and per region. */
export async function eoiOverview(db: Knex, input: { actor: User; filters: EoiFilters }): Promise<EoiOverview> {
  requireProgrammeManager(input.actor);
  const round = await currentRound(db);
  const totals = emptyCounts();
  const byRegion = REGIONS.map((region) => ({ region, counts: emptyCounts() }));
  if (!round) return { round: null, totals, byRegion, eois: [] };
  // listEois orders by region name, authority and id; the stable sort puts regions in R-2's order.
  const all = [...(await listEois(db, round.id))].sort((a, b) => regionIndex(a.region) - regionIndex(b.region));
  for (const eoi of all) {
    count(totals, eoi);
    const entry = byRegion.find((candidate) => candidate.region === eoi.region);
    if (entry) count(entry.counts, eoi);
  }
  return {
    round: { id: round.id, name: round.name, closesAt: round.eoiClosesAt },
    totals,
    byRegion,
    eois: all.filter((eoi) => matchesFilters(eoi, input.filters)),
  };
}

// ---------------------------------------------------------------------------------------
// One EOI, read-only

export interface AnsweredQuestion {
  name: string;
  label: string;
  /** The answer as text lines (answerLines); empty when not answered. */
  lines: string[];
}

export interface EoiView {
  eoi: Eoi;
  authority: Authority;
  round: Round | null;
  /** R-35 The authority's deadline: the round's, or the manager's extension. */
  deadline: string;
  roundDeadline: string | null;
  submittedByName: string | null;
  totalWords: number;
  /** R-33 What the bid asks of CLG, from the cost lines that can be read; null when there are none. */
  clgRequestPence: number | null;
  sections: Array<{ id: SectionId; number: number; title: string; questions: AnsweredQuestion[] }>;
  /** R-21 What has happened to it, from the audit log. */
  history: EoiHistoryEntry[];
}

// R-21 The events of an EOI's life worth showing the programme team (section saves are left out).
export const EOI_MILESTONES = [
  "eoi.started",
  "eoi.submitted",
  "eoi.withdrawn",
  "eoi.withdrawn-on-request",
  "eoi.deadline-extended",
  "eoi.hard-copy-received",
] as const;

/** R-33 The sum of the cost lines funded by CLG (lines whose amount cannot be read are left out). */
export function clgRequestOf(answers: EoiAnswers): number | null {
  const section = SECTIONS.find((candidate) => candidate.id === "supporting-documents")!;
  const rows = answerRows(visibleAnswers(section, answers["supporting-documents"]).costs);
  if (rows.length === 0) return null;
  let pence = 0;
  for (const row of rows) {
    const amount = parseMoney(String(row.amount ?? ""));
    if (row.fundedBy === "clg" && amount.ok) pence += amount.pence;
  }
  return pence;
}

/** The questions of each section as the officer was asked them, with the answers as text. */
export function answeredSections(answers: EoiAnswers): EoiView["sections"] {
  return SECTIONS.map((section) => {
    const saved = answers[section.id] ?? {};
    return {
      id: section.id,
      number: section.number,
      title: section.title,
      questions: shownQuestions(section, saved).map((question) => ({ name: question.name, label: question.label, lines: answerLines(question, saved[question.name]) })),
    };
  });
}

/** R-20 Any EOI, read-only, for the programme manager; null when there is no such EOI (a 404). */
export async function eoiForManager(db: Knex, input: { actor: User; eoiId: number }): Promise<EoiView | null> {
  requireProgrammeManager(input.actor);
  if (!Number.isSafeInteger(input.eoiId) || input.eoiId < 1) return null;
  const eoi = await findEoi(db, input.eoiId);
  if (!eoi) return null;
  const [authority, round, submittedBy, history] = await Promise.all([
    findAuthority(db, eoi.authorityId),
    findRound(db, eoi.roundId),
    eoi.submittedBy === null ? null : findUserById(db, eoi.submittedBy),
    listEoiHistory(db, eoi.id, EOI_MILESTONES),
  ]);
  if (!authority) return null;
  return {
    eoi,
    authority,
    round,
    deadline: round ? submissionWindow(round, eoi).closesAt.toISOString() : (eoi.deadlineExtendedTo ?? ""),
    roundDeadline: round?.eoiClosesAt ?? null,
    submittedByName: submittedBy?.name ?? null,
    totalWords: checkTwoPageLimit(eoi.answers).totalWords,
    clgRequestPence: clgRequestOf(eoi.answers),
    sections: answeredSections(eoi.answers),
    history,
  };
}

// ---------------------------------------------------------------------------------------
// GOV.UK date input

export const DATE_PARTS = ["day", "month", "year"] as const;
export type DatePart = (typeof DATE_PARTS)[number];
export type DateInputValues = Record<DatePart, string>;

export interface DateInputError {
  text: string;
  /** The parts to mark as in error; the error summary links to the first. */
  parts: DatePart[];
}

const MONTH_NAMES = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

/** A month typed as a number or a name, as GOV.UK asks services to accept ("7", "07", "Jul", "Sept", "July"), or null. */
function readMonth(text: string): number | null {
  if (/^\d{1,2}$/.test(text)) return Number(text);
  const lower = text.toLowerCase().replace(/\.$/, "");
  if (lower.length < 3) return null;
  const index = MONTH_NAMES.findIndex((name) => name.startsWith(lower));
  return index === -1 ? null : index + 1;
}

const listParts = (parts: DatePart[]) => (parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`);

/**
 * A GOV.UK date input's three fields read into a London calendar day, with the design system's
 * messages: `subject` names the date ("Date the hard copy was received"), `missing` is the
 * message when nothing was entered.
 */
export function readDateInput(values: DateInputValues, subject: string, missing: string): { ok: true; date: IsoDate } | { ok: false; error: DateInputError } {
  const trimmed = { day: values.day.trim(), month: values.month.trim(), year: values.year.trim() };
  const empty = DATE_PARTS.filter((part) => trimmed[part] === "");
  if (empty.length === 3) return { ok: false, error: { text: missing, parts: [...DATE_PARTS] } };
  if (empty.length > 0) return { ok: false, error: { text: `${subject} must include a ${listParts(empty)}`, parts: empty } };
  const day = /^\d{1,2}$/.test(trimmed.day) ? Number(trimmed.day) : null;
  const month = readMonth(trimmed.month);
  if (!/^\d+$/.test(trimmed.year)) return { ok: false, error: { text: `${subject} must be a real date`, parts: ["year"] } };
  if (trimmed.year.length !== 4) return { ok: false, error: { text: "Year must include 4 numbers", parts: ["year"] } };
  const wrong: DatePart[] = [];
  if (day === null || day < 1 || day > 31) wrong.push("day");
  if (month === null || month < 1 || month > 12) wrong.push("month");
  if (wrong.length) return { ok: false, error: { text: `${subject} must be a real date`, parts: wrong } };
  const date = isoDate(Number(trimmed.year), month!, day!);
  const parsed = parseIsoDate(date);
  if (!parsed || parsed.day !== day || parsed.month !== month) return { ok: false, error: { text: `${subject} must be a real date`, parts: ["day"] } };
  return { ok: true, date };
}

/** The date input's values for a stored calendar day, to show it again. */
export function dateInputValues(date: IsoDate | null): DateInputValues {
  const parts = date ? parseIsoDate(date) : null;
  return parts ? { day: String(parts.day), month: String(parts.month), year: String(parts.year) } : { day: "", month: "", year: "" };
}

// ---------------------------------------------------------------------------------------
// Changes

export type ManagerActionResult =
  | { kind: "done" }
  | { kind: "not-found" }
  /** The EOI is not in a state this change applies to (the page was out of date): back to the EOI. */
  | { kind: "not-allowed"; message: string }
  | { kind: "invalid"; error: DateInputError | { text: string } };

/** R-9 Records the day the hard copy arrived (a submitted or withdrawn EOI; not a day in the future), audited. */
export async function recordHardCopyReceipt(db: Knex, input: { actor: User; eoiId: number; values: DateInputValues; now: Date }): Promise<ManagerActionResult> {
  requireProgrammeManager(input.actor);
  const eoi = await findEoi(db, input.eoiId);
  if (!eoi) return { kind: "not-found" };
  if (eoi.status === "draft") return { kind: "not-allowed", message: "Only a submitted expression of interest has a hard copy" };
  const read = readDateInput(input.values, "Date the hard copy was received", "Enter the date the hard copy was received");
  if (!read.ok) return { kind: "invalid", error: read.error };
  if (read.date > londonDate(input.now)) return { kind: "invalid", error: { text: "Date the hard copy was received must be today or in the past", parts: ["day", "month", "year"] } };
  await recordHardCopy(db, { actor: input.actor, eoiId: eoi.id, date: read.date, now: input.now });
  return { kind: "done" };
}

/**
 * R-35 Extends one authority's deadline to the end of a London day: only for an EOI not yet
 * submitted, to a day not in the past and after the round's own deadline. Audited.
 */
export async function extendAuthorityDeadline(db: Knex, input: { actor: User; eoiId: number; values: DateInputValues; now: Date }): Promise<ManagerActionResult> {
  requireProgrammeManager(input.actor);
  const eoi = await findEoi(db, input.eoiId);
  if (!eoi) return { kind: "not-found" };
  if (eoi.status !== "draft") return { kind: "not-allowed", message: "Only the deadline of an expression of interest that has not been submitted can be extended" };
  const round = await findRound(db, eoi.roundId);
  if (!round) return { kind: "not-found" };
  const read = readDateInput(input.values, "New deadline", "Enter the new deadline");
  if (!read.ok) return { kind: "invalid", error: read.error };
  const all: DatePart[] = ["day", "month", "year"];
  if (read.date < londonDate(input.now)) return { kind: "invalid", error: { text: "New deadline must be today or in the future", parts: all } };
  if (endOfDayLondon(read.date).getTime() <= new Date(round.eoiClosesAt).getTime()) {
    return { kind: "invalid", error: { text: `New deadline must be after the round’s deadline of ${formatDateLondon(new Date(round.eoiClosesAt))}`, parts: all } };
  }
  await extendDeadline(db, { actor: input.actor, eoiId: eoi.id, date: read.date, now: input.now });
  return { kind: "done" };
}

export const WITHDRAWAL_REASON_MAX_CHARACTERS = 2_000;

/**
 * R-35 Withdraws a submitted EOI at the lead authority's request, with the reason given. The
 * programme manager may do this after the deadline too (docs/decisions/0020). Audited, and the
 * submitting officer (copied to the named contact) is told by email.
 */
export async function withdrawOnRequest(db: Knex, input: { actor: User; eoiId: number; reason: string; now: Date }): Promise<ManagerActionResult> {
  requireProgrammeManager(input.actor);
  const reason = input.reason.trim();
  return db.transaction(async (trx) => {
    const eoi = await findEoi(trx, input.eoiId);
    if (!eoi) return { kind: "not-found" } as const;
    if (eoi.status !== "submitted") return { kind: "not-allowed", message: "Only a submitted expression of interest can be withdrawn" } as const;
    if (!reason) return { kind: "invalid", error: { text: "Enter why the authority asked to withdraw the expression of interest" } } as const;
    if (reason.length > WITHDRAWAL_REASON_MAX_CHARACTERS) return { kind: "invalid", error: { text: "Reason must be 2,000 characters or fewer" } } as const;
    const authority = await findAuthority(trx, eoi.authorityId);
    await updateEoiStatus(trx, eoi.id, { status: "withdrawn", withdrawn_at: input.now.toISOString(), withdrawn_reason: reason }, input.now);
    await recordAudit(trx, { actorUserId: input.actor.id, action: "eoi.withdrawn-on-request", entityType: "eoi", entityId: eoi.id, before: { status: "submitted" }, after: { status: "withdrawn", reason }, at: input.now });
    const officer = eoi.submittedBy === null ? null : await findUserById(trx, eoi.submittedBy);
    const contact = String(eoi.answers["about-the-bid"]?.contactEmail ?? "").trim();
    const to = officer?.email ?? contact;
    if (to) {
      await enqueueEmail(trx, {
        ...eoiWithdrawnEmail({ authorityName: authority?.name ?? "The authority", reference: eoi.reference ?? "", reason }),
        to,
        cc: contact && contact.toLowerCase() !== to.toLowerCase() ? [contact] : undefined,
        template: "eoi-withdrawn-on-request",
        now: input.now,
      });
    }
    return { kind: "done" } as const;
  });
}
