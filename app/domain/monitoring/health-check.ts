// R-63 R-11 The customer service health check visit's rules, pure: the visit's date falls inside
// the pilot's programme, the team has at least one member and each member's sector is private,
// public or third (R-11: the team is drawn from the three), each probe of the checklist gets a
// finding and an optional rating, and the report is agreed once, after the visit, with the
// pilot's named officer. See docs/decisions/0060-health-check-visit.md.

import { formatDateLondon, type IsoDate } from "~/domain/calendar";
import { parseDateInput } from "~/domain/date-input";
import { PARTNER_SECTOR_KEYS, isPartnerSector, type PartnerSector } from "~/domain/programme";
import { HEALTH_CHECK_PROBES } from "./health-check-probes";

export type FieldErrors = Array<[field: string, message: string]>;

/** R-63 A finding's optional rating (ADR 0060). */
export const FINDING_RATINGS = [
  { key: "strength", label: "Strength", hint: "The team saw good practice the pilot can build on" },
  { key: "area-to-develop", label: "Area to develop", hint: "The team saw something the pilot should improve" },
  { key: "not-seen", label: "Not seen", hint: "The team did not see enough to judge" },
] as const;
export type FindingRating = (typeof FINDING_RATINGS)[number]["key"];
export const isFindingRating = (value: unknown): value is FindingRating => FINDING_RATINGS.some((rating) => rating.key === value);
export const findingRatingLabel = (rating: FindingRating): string => FINDING_RATINGS.find((r) => r.key === rating)!.label;

export const MAX_TEAM_MEMBERS = 10;
export const MAX_FINDING_LENGTH = 5_000;
export const MAX_SUMMARY_LENGTH = 10_000;
const MAX_NAME_LENGTH = 200;

export interface TeamMember {
  name: string;
  organisation: string;
  sector: PartnerSector;
}

/** A row of the team as typed: the sector may be anything a browser (or anyone) sent. */
export interface TeamMemberInput {
  name: string;
  organisation: string;
  sector: string;
}

export interface VisitDetailsInput {
  day: string;
  month: string;
  year: string;
  team: TeamMemberInput[];
}

/**
 * R-63 The days a visit may fall on: from the day the pilot started (its acceptance of the grant,
 * which offered the visit, R-53) to the programme's last day. A date in the future is a planned
 * visit; the report can be agreed only once the day has come (checkAgreement).
 */
export function visitWindow(input: { pilotStartedOn: IsoDate | null; startBy: IsoDate; endsOn: IsoDate }): { from: IsoDate; to: IsoDate } {
  return { from: input.pilotStartedOn ?? input.startBy, to: input.endsOn };
}

const blankRow = (row: TeamMemberInput) => !row.name.trim() && !row.organisation.trim() && !row.sector.trim();

/** R-63 R-11 The visit's date and team. Blank rows are ignored; errors name the row's field. */
export function checkVisitDetails(input: VisitDetailsInput, window: { from: IsoDate; to: IsoDate }): { ok: true; visitDate: IsoDate; team: TeamMember[] } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = [];
  const date = parseDateInput({ day: input.day, month: input.month, year: input.year }, "the date of the visit");
  let visitDate: IsoDate = "";
  if (!date.ok) errors.push(["visitDate", date.error]);
  else if (date.date < window.from || date.date > window.to) errors.push(["visitDate", `The date of the visit must be during the pilot, between ${formatDateLondon(window.from)} and ${formatDateLondon(window.to)}`]);
  else visitDate = date.date;

  const team: TeamMember[] = [];
  input.team.forEach((row, index) => {
    if (blankRow(row)) return;
    const n = index + 1;
    const name = row.name.trim();
    const organisation = row.organisation.trim();
    if (!name) errors.push([`team-${index}-name`, `Enter the name of team member ${n}`]);
    else if (name.length > MAX_NAME_LENGTH) errors.push([`team-${index}-name`, `The name of team member ${n} must be ${MAX_NAME_LENGTH} characters or fewer`]);
    if (!organisation) errors.push([`team-${index}-organisation`, `Enter the organisation of team member ${n}`]);
    else if (organisation.length > MAX_NAME_LENGTH) errors.push([`team-${index}-organisation`, `The organisation of team member ${n} must be ${MAX_NAME_LENGTH} characters or fewer`]);
    if (!row.sector.trim()) errors.push([`team-${index}-sector`, `Select the sector of team member ${n}'s organisation`]);
    else if (!isPartnerSector(row.sector)) errors.push([`team-${index}-sector`, `Select the sector of team member ${n}'s organisation: private, public or third sector`]);
    if (name && organisation && isPartnerSector(row.sector)) team.push({ name, organisation, sector: row.sector });
  });
  const filled = input.team.filter((row) => !blankRow(row)).length;
  if (filled === 0) errors.push(["team", "Add at least one member of the visiting team"]);
  if (filled > MAX_TEAM_MEMBERS) errors.push(["team", `The visiting team can have at most ${MAX_TEAM_MEMBERS} members`]);
  return errors.length ? { ok: false, errors } : { ok: true, visitDate, team };
}

/** R-11 Which of the private, public and third sectors the team draws on. */
export function sectorsRepresented(team: ReadonlyArray<{ sector: string }>): { represented: PartnerSector[]; missing: PartnerSector[]; allThree: boolean } {
  const represented = PARTNER_SECTOR_KEYS.filter((sector) => team.some((member) => member.sector === sector));
  const missing = PARTNER_SECTOR_KEYS.filter((sector) => !represented.includes(sector));
  return { represented, missing, allThree: missing.length === 0 };
}

export interface Finding {
  probeId: string;
  finding: string;
  rating: FindingRating | null;
}

export interface FindingsInput {
  /** By probe id, as typed. */
  findings: Record<string, { finding: string; rating: string }>;
  summary: string;
}

/**
 * R-63 The checklist: a finding (and optionally a rating) per probe, and the report's summary.
 * Probes left blank are not recorded; a rating with no finding is kept (the team may rate a probe
 * "not seen" without more to say). Unknown probes are ignored.
 */
export function checkFindings(input: FindingsInput): { ok: true; findings: Finding[]; summary: string } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = [];
  const findings: Finding[] = [];
  for (const probe of HEALTH_CHECK_PROBES) {
    const typed = input.findings[probe.id] ?? { finding: "", rating: "" };
    const finding = typed.finding.trim();
    const rating = typed.rating.trim();
    if (finding.length > MAX_FINDING_LENGTH) errors.push([`finding-${probe.id}`, `The finding must be ${MAX_FINDING_LENGTH.toLocaleString("en-GB")} characters or fewer`]);
    if (rating && rating !== "none" && !isFindingRating(rating)) errors.push([`rating-${probe.id}`, "Select a rating from the list: strength, area to develop, not seen or no rating"]);
    const ratingValue = isFindingRating(rating) ? rating : null;
    if (finding || ratingValue) findings.push({ probeId: probe.id, finding, rating: ratingValue });
  }
  const summary = input.summary.trim();
  if (summary.length > MAX_SUMMARY_LENGTH) errors.push(["summary", `The summary must be ${MAX_SUMMARY_LENGTH.toLocaleString("en-GB")} characters or fewer`]);
  return errors.length ? { ok: false, errors } : { ok: true, findings, summary };
}

export interface VisitState {
  status: "recorded" | "agreed";
  visitDate: IsoDate;
  summary: string;
  findings: ReadonlyArray<{ finding: string }>;
  agreedAt: string | null;
  agreedWith: string | null;
}

/** R-63 The message every change to an agreed visit gets. */
export function agreedVisitMessage(visit: Pick<VisitState, "agreedAt" | "agreedWith">): string {
  const when = visit.agreedAt ? ` on ${formatDateLondon(new Date(visit.agreedAt))}` : "";
  const who = visit.agreedWith ? ` with ${visit.agreedWith}` : "";
  return `The report of this visit was agreed${who}${when}. An agreed report cannot be changed.`;
}

/**
 * R-63 Agreeing the report: once; on or after the day of the visit; with a summary and at least
 * one finding written; naming the pilot's officer who agreed it.
 */
export function checkAgreement(visit: VisitState, input: { agreedWith: string }, today: IsoDate): { ok: true; agreedWith: string } | { ok: false; errors: FieldErrors } {
  if (visit.status === "agreed") return { ok: false, errors: [["agreedWith", agreedVisitMessage(visit)]] };
  const errors: FieldErrors = [];
  if (visit.visitDate > today) errors.push(["agreedWith", `The report can be agreed only after the visit, on or after ${formatDateLondon(visit.visitDate)}`]);
  if (!visit.findings.some((finding) => finding.finding.trim())) errors.push(["findings", "Record the team's findings before agreeing the report"]);
  if (!visit.summary.trim()) errors.push(["summary", "Write the report's summary before agreeing the report"]);
  const agreedWith = input.agreedWith.trim();
  if (!agreedWith) errors.push(["agreedWith", "Enter the name of the pilot's officer who agreed the report"]);
  else if (agreedWith.length > MAX_NAME_LENGTH) errors.push(["agreedWith", `The officer's name must be ${MAX_NAME_LENGTH} characters or fewer`]);
  return errors.length ? { ok: false, errors } : { ok: true, agreedWith };
}
