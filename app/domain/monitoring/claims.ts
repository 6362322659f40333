// R-62 Grant claims against the award: what a claim must say, what is left to claim, and the cap
// (approved claims never add up to more than the award). Pure rules; the service checks the cap
// inside the transaction that approves (docs/decisions/0057-grant-claims.md).

import { formatDateLondon, type IsoDate } from "~/domain/calendar";
import { parseDateInput } from "~/domain/date-input";
import { formatMoney, parseMoney } from "~/domain/money";

export const CLAIM_STATUSES = ["submitted", "approved", "rejected"] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

export const CLAIM_STATUS_TAG: Record<ClaimStatus, { label: string; tagClass: string }> = {
  submitted: { label: "Waiting for a decision", tagClass: "govuk-tag govuk-tag--blue" },
  approved: { label: "Approved", tagClass: "govuk-tag govuk-tag--green" },
  rejected: { label: "Rejected", tagClass: "govuk-tag govuk-tag--red" },
};

export const EVIDENCE_LIMIT = 10_000;

export interface ClaimTotals {
  awardPence: number;
  approvedPence: number;
  /** Claims waiting for a decision. */
  pendingPence: number;
  /** R-62 What may still be claimed: award − approved − pending (never below £0). */
  remainingPence: number;
}

/** R-62 The award against the claims made so far. */
export function claimTotals(awardPence: number, claims: ReadonlyArray<{ amountPence: number; status: ClaimStatus }>): ClaimTotals {
  const sum = (status: ClaimStatus) => claims.filter((c) => c.status === status).reduce((total, c) => total + c.amountPence, 0);
  const approvedPence = sum("approved");
  const pendingPence = sum("submitted");
  return { awardPence, approvedPence, pendingPence, remainingPence: Math.max(0, awardPence - approvedPence - pendingPence) };
}

export interface ClaimForm {
  amount: string;
  startDay: string;
  startMonth: string;
  startYear: string;
  endDay: string;
  endMonth: string;
  endYear: string;
  evidence: string;
}

export interface ClaimPeriodRules {
  /** The first day costs may be claimed for: the day the pilot started (its offer accepted). */
  from: IsoDate;
  /** The programme's last day. */
  to: IsoDate;
  /** Today (London): a claim is for costs already incurred, so its period ends today at the latest. */
  today: IsoDate;
}

export type ClaimCheck =
  | { ok: true; claim: { amountPence: number; periodStart: IsoDate; periodEnd: IsoDate; spendEvidence: string } }
  | { ok: false; errors: Array<[field: string, message: string]> };

/**
 * R-62 R-73 A claim: an amount more than £0 and no more than what remains of the award
 * (award − approved − pending), a period of real dates inside the programme (from the pilot's
 * start to the programme's end, and not after today) whose end is not before its start, and a
 * description of the spend. Errors by field id, in the order of the page.
 */
export function checkClaim(form: ClaimForm, rules: ClaimPeriodRules, totals: ClaimTotals): ClaimCheck {
  const errors: Array<[string, string]> = [];
  let amountPence: number | null = null;
  const amount = parseMoney(form.amount, { subject: "amount claimed" });
  if (!amount.ok) errors.push(["amount", amount.error]);
  else if (amount.pence <= 0) errors.push(["amount", "The amount claimed must be more than £0"]);
  else if (amount.pence > totals.remainingPence) errors.push(["amount", overRemainingMessage(amount.pence, totals)]);
  else amountPence = amount.pence;

  const start = parseDateInput({ day: form.startDay, month: form.startMonth, year: form.startYear }, "the date the claim period starts");
  const end = parseDateInput({ day: form.endDay, month: form.endMonth, year: form.endYear }, "the date the claim period ends");
  const inside = (date: IsoDate, field: string, what: string) => {
    if (date < rules.from) errors.push([field, `The ${what} must be on or after ${formatDateLondon(rules.from)}, when the pilot started`]);
    else if (date > rules.to) errors.push([field, `The ${what} must be on or before ${formatDateLondon(rules.to)}, when the programme ends`]);
    else if (date > rules.today) errors.push([field, `The ${what} must be today or in the past: claim for costs already incurred`]);
    else return true;
    return false;
  };
  const startOk = start.ok ? inside(start.date, "periodStart", "start of the claim period") : (errors.push(["periodStart", start.error]), false);
  const endOk = end.ok ? inside(end.date, "periodEnd", "end of the claim period") : (errors.push(["periodEnd", end.error]), false);
  if (start.ok && end.ok && startOk && endOk && end.date < start.date) errors.push(["periodEnd", "The end of the claim period must be the same as or after its start"]);

  const evidence = form.evidence.trim();
  if (!evidence) errors.push(["evidence", "Describe the spend the claim is for, with its evidence (for example, invoices and timesheets)"]);
  else if (evidence.length > EVIDENCE_LIMIT) errors.push(["evidence", `The description of the spend must be ${EVIDENCE_LIMIT.toLocaleString("en-GB")} characters or fewer`]);

  if (errors.length || amountPence === null || !start.ok || !end.ok) return { ok: false, errors };
  return { ok: true, claim: { amountPence, periodStart: start.date, periodEnd: end.date, spendEvidence: evidence } };
}

/** R-62 The words for a claim over what remains. */
export function overRemainingMessage(amountPence: number, totals: ClaimTotals): string {
  if (totals.remainingPence === 0) return `Nothing is left to claim: the ${formatMoney(totals.awardPence)} grant is fully claimed (${formatMoney(totals.approvedPence)} approved, ${formatMoney(totals.pendingPence)} waiting for a decision)`;
  return `The amount claimed must be ${formatMoney(totals.remainingPence)} or less: that is what remains of the ${formatMoney(totals.awardPence)} grant (${formatMoney(totals.approvedPence)} approved, ${formatMoney(totals.pendingPence)} waiting for a decision)`;
}

/**
 * R-62 The cap, checked when a claim is approved: the approved claims, with this one, never add
 * up to more than the award. Null when it may be approved, else why not.
 */
export function approvalRefusal(input: { amountPence: number; awardPence: number; approvedPence: number }): string | null {
  const after = input.approvedPence + input.amountPence;
  if (after <= input.awardPence) return null;
  return `Approving this claim of ${formatMoney(input.amountPence)} would take the approved claims to ${formatMoney(after)}, over the ${formatMoney(input.awardPence)} grant – ${formatMoney(Math.max(0, input.awardPence - input.approvedPence))} is left to approve`;
}

/** R-62 A rejection needs a reason the pilot can act on. */
export function checkRejectionReason(reason: string): string | null {
  if (!reason.trim()) return "Enter the reason for rejecting the claim";
  if (reason.trim().length > EVIDENCE_LIMIT) return `The reason must be ${EVIDENCE_LIMIT.toLocaleString("en-GB")} characters or fewer`;
  return null;
}
