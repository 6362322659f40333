// R-52 R-53 The programme manager's decisions, the grant award's caps, the offer's conditions and
// reporting timetable, and the named officer's acceptance. Pure rules over plain data: the
// service checks them inside the transaction that writes the award (so two approvals at once
// see each other's awards).

import { addWorkingDays, formatDateLondon, londonDate, quarterDates, type IsoDate } from "~/domain/calendar";
import { parseDateInput } from "~/domain/date-input";
import { formatMoney } from "~/domain/money";
import { countCharacters } from "~/domain/words";
import { quarterMonths, type ApplicationProgramme } from "./programme";
import type { ApplicationState } from "./status";

export const DECISIONS = ["approve", "request-changes", "decline"] as const;
export type Decision = (typeof DECISIONS)[number];
export const isDecision = (value: unknown): value is Decision => typeof value === "string" && (DECISIONS as readonly string[]).includes(value);

/** R-52 Why a decision cannot be made on an application in this state, or null when it can. */
export function decisionRefusal(state: ApplicationState, decision: Decision): string | null {
  const verb = decision === "approve" ? "approved" : decision === "decline" ? "declined" : "sent back for changes";
  switch (state) {
    case "submitted":
      return null;
    case "withdrawn":
      return `This application was withdrawn by the authority, so it cannot be ${verb}`;
    case "declined":
      return `This application has already been declined, so it cannot be ${verb}`;
    case "approved":
      return `This application has already been approved and its grant awarded, so it cannot be ${verb}`;
    case "changes-requested":
      return `Changes have been requested: the authority must resubmit before it can be ${verb}`;
    case "draft":
      return `This application has not been submitted yet, so it cannot be ${verb}`;
  }
}

export interface AwardCheck {
  amountPence: number;
  /** R-52 What the approved version asks of CLG. */
  clgRequestPence: number;
  /** R-1 £100,000 */
  maximumAwardPence: number;
  /** R-1 £900,000 */
  fundPence: number;
  region: string;
  /** The award already made in this region, if any. */
  awardInRegion: { authorityName: string } | null;
  /** The round's awards so far. */
  totalAwardedPence: number;
}

/**
 * R-52 The award's caps, in the words the manager sees: amount more than £0 and no more than
 * min(£100,000, the CLG request); one award per region; the round's awards within its fund.
 */
export function awardProblems(check: AwardCheck): string[] {
  const problems: string[] = [];
  if (!Number.isSafeInteger(check.amountPence) || check.amountPence <= 0) problems.push("Enter a grant amount more than £0");
  else {
    if (check.amountPence > check.maximumAwardPence) problems.push(`The grant must be ${formatMoney(check.maximumAwardPence)} or less`);
    if (check.amountPence > check.clgRequestPence) problems.push(`The grant must be no more than the ${formatMoney(check.clgRequestPence)} the application asks of CLG`);
  }
  if (check.awardInRegion) problems.push(`${check.region} already has a grant award, to ${check.awardInRegion.authorityName}: there is one pilot per region`);
  const after = check.totalAwardedPence + Math.max(0, check.amountPence);
  if (after > check.fundPence) {
    problems.push(`A grant of ${formatMoney(check.amountPence)} would take the awards to ${formatMoney(after)}, over the ${formatMoney(check.fundPence)} fund – ${formatMoney(Math.max(0, check.fundPence - check.totalAwardedPence))} is left`);
  }
  return problems;
}

// ---------------------------------------------------------------------------------------
// R-53 The offer

export interface ReportDue {
  title: string;
  due: IsoDate;
}

/**
 * R-53 R-61 The reporting timetable in the offer: a progress report for each quarter of the
 * programme, due ten working days after the quarter ends; the last one is the final report.
 */
export function reportingTimetable(programme: ApplicationProgramme): ReportDue[] {
  return programme.quarters.map((quarter, index) => {
    const { end } = quarterDates(quarter);
    const last = index === programme.quarters.length - 1;
    return { title: `${last ? "Final report" : "Progress report"} for ${quarter} (${quarterMonths(quarter)})`, due: addWorkingDays(end, 10) };
  });
}

/** R-53 The conditions of grant in the offer letter. */
export function offerConditions(programme: ApplicationProgramme, versionNumber: number): string[] {
  return [
    `The grant is for the pilot set out in the approved detailed application (version ${versionNumber}) and may be spent only on the budget lines it shows as funded by CLG.`,
    `The pilot must begin by ${formatDateLondon(programme.startBy)} and end by ${formatDateLondon(programme.endsOn)}.`,
    "The lead authority is responsible for delivering outputs A to F and the outcomes of the pilot, including the work of its partners.",
    "Progress reports are due by the dates in the reporting timetable. CLG may query a report and ask for evidence.",
    "The grant is paid against claims for costs incurred; claims may not add up to more than the grant. Grant not spent by the end of the programme is returned to CLG.",
    "Changes to the plan, the budget or the partners need CLG’s written agreement before they are made.",
    "The authority takes part in the programme’s evaluation, shares data for it, and agrees that this award is published as open data in the 360Giving standard.",
  ];
}

// ---------------------------------------------------------------------------------------
// R-53 Accepting the offer through a named officer

export interface AcceptanceForm {
  officerName: string;
  officerRole: string;
  day: string;
  month: string;
  year: string;
  declaration: boolean;
}

export const ACCEPTANCE_DECLARATION =
  "I am authorised to accept this offer on behalf of the lead authority, which accepts the grant on the conditions in the offer letter and will deliver the pilot as set out in its approved detailed application.";

/**
 * R-53 The named officer's acceptance: name, job title, the date they accept (a real day, not in
 * the future and not before the offer was made) and the declaration. Errors by field id.
 */
export function checkAcceptance(form: AcceptanceForm, at: { now: Date; offeredAt: Date }): { ok: true; date: IsoDate } | { ok: false; errors: Array<[field: string, message: string]> } {
  const errors: Array<[string, string]> = [];
  if (!form.officerName.trim()) errors.push(["officerName", "Enter the name of the officer accepting the offer"]);
  else if (countCharacters(form.officerName.trim()) > 200) errors.push(["officerName", "Name must be 200 characters or fewer"]);
  if (!form.officerRole.trim()) errors.push(["officerRole", "Enter the officer’s job title"]);
  else if (countCharacters(form.officerRole.trim()) > 200) errors.push(["officerRole", "Job title must be 200 characters or fewer"]);
  const parsed = parseDateInput({ day: form.day, month: form.month, year: form.year }, "the date of acceptance");
  let date: IsoDate | null = null;
  if (!parsed.ok) errors.push(["acceptanceDate", parsed.error]);
  else if (parsed.date > londonDate(at.now)) errors.push(["acceptanceDate", "The date of acceptance must be today or in the past"]);
  else if (parsed.date < londonDate(at.offeredAt)) errors.push(["acceptanceDate", `The date of acceptance must be on or after the date of the offer, ${formatDateLondon(londonDate(at.offeredAt))}`]);
  else date = parsed.date;
  if (!form.declaration) errors.push(["declaration", "Confirm the declaration to accept the offer"]);
  return errors.length === 0 && date ? { ok: true, date } : { ok: false, errors };
}
