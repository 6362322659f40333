import type { Knex } from "knex";
import { enqueueEmail } from "../../emails/outbox.server";
import { claimDecisionEmail } from "../../emails/templates-stage4-reports";
import { recordAudit } from "~/data/audit.server";
import { decideClaim, findClaim, insertClaim, listClaimsForAward, listClaimsForAwards, lockAwardForClaims, type GrantClaim } from "~/data/claims.server";
import type { User } from "~/data/users.server";
import { formatDateLondon, londonDate, type IsoDate } from "~/domain/calendar";
import { approvalRefusal, checkClaim, checkRejectionReason, claimTotals, type ClaimForm, type ClaimTotals } from "~/domain/monitoring/claims";
import { formatMoney } from "~/domain/money";
import type { Award } from "~/data/awards.server";
import { listPilotsForManager, PilotForbiddenError, PilotNotFoundError, pilotForManager, pilotForOfficer, type Pilot } from "./pilots.server";
import { pilotRecipients, pilotStartedOn } from "./pilot-reports.server";
import { recordUpload, withStoredFile, type PreparedUpload } from "./uploads.server";

// R-62 Grant claims: the pilot claims against its award; the programme manager approves or
// rejects. A claim over what remains (award − approved − pending) is refused when it is made;
// the cap on approved claims is checked again inside the approving transaction, after the award's
// lock is taken, so two approvals at once can never pass it (docs/decisions/0057-grant-claims.md).

/** R-62 The first and last days a claim's period may cover, and today. */
export function claimPeriodRules(pilot: Pilot, now: Date): { from: IsoDate; to: IsoDate; today: IsoDate } {
  return { from: pilotStartedOn(pilot) ?? pilot.programme.startBy, to: pilot.programme.endsOn, today: londonDate(now) };
}

export const periodText = (claim: Pick<GrantClaim, "periodStart" | "periodEnd">) => `${formatDateLondon(claim.periodStart)} to ${formatDateLondon(claim.periodEnd)}`;

/** R-62 The officer's own pilot: its award, the totals and its claims. */
export async function listPilotClaims(db: Knex, input: { user: User; now: Date }): Promise<{ pilot: Pilot; totals: ClaimTotals; claims: GrantClaim[]; rules: ReturnType<typeof claimPeriodRules> }> {
  const pilot = await pilotForOfficer(db, input.user);
  const claims = await listClaimsForAward(db, pilot.award.id);
  return { pilot, claims, totals: claimTotals(pilot.award.amountPence, claims), rules: claimPeriodRules(pilot, input.now) };
}

export type MakeClaimResult = { ok: true; claimId: number } | { ok: false; errors: Array<[field: string, message: string]> };

/**
 * R-62 R-73 The officer makes a claim, with an optional evidence file (checked by the uploads
 * service: type by content, size). Checked inside one transaction that first takes the award's
 * lock, so two claims made at once cannot both use the same remaining grant. A refused claim
 * leaves neither a row nor a file.
 */
export async function makeClaim(db: Knex, input: { user: User; form: ClaimForm; now: Date; upload?: PreparedUpload | null }): Promise<MakeClaimResult> {
  const pilot = await pilotForOfficer(db, input.user);
  const refused = new Error("claim refused"); // thrown out of withStoredFile so the stored file is removed
  let result: MakeClaimResult | null = null;
  try {
    return await withStoredFile(input.upload ?? null, (storedName) =>
      db.transaction(async (trx) => {
        await lockAwardForClaims(trx, pilot.award.id);
        const totals = claimTotals(pilot.award.amountPence, await listClaimsForAward(trx, pilot.award.id));
        const check = checkClaim(input.form, claimPeriodRules(pilot, input.now), totals);
        if (!check.ok) {
          result = check;
          throw refused;
        }
        const uploadId = input.upload && storedName ? await recordUpload(trx, { awardId: pilot.award.id, upload: input.upload, storedName, user: input.user, now: input.now }) : null;
        const claimId = await insertClaim(trx, { awardId: pilot.award.id, ...check.claim, uploadId, by: input.user.id, at: input.now });
        await recordAudit(trx, { actorUserId: input.user.id, action: "claim.submitted", entityType: "grant_claim", entityId: claimId, after: { awardId: pilot.award.id, ...check.claim, uploadId, remainingBeforePence: totals.remainingPence }, at: input.now });
        return { ok: true as const, claimId };
      }),
    );
  } catch (error) {
    if (error === refused && result) return result;
    throw error;
  }
}

// ---------------------------------------------------------------------------------------
// The programme manager

export interface ManagerClaimRow {
  claim: GrantClaim;
  award: Award;
}

/** R-62 Every pilot's claims (waiting ones first, then newest), and each pilot's totals. */
export async function listClaimsForManager(db: Knex, input: { actor: User }): Promise<{ rows: ManagerClaimRow[]; totals: Array<{ award: Award; totals: ClaimTotals }> }> {
  const { pilots } = await listPilotsForManager(db, input.actor);
  const claims = await listClaimsForAwards(db, pilots.map((p) => p.id));
  const rows = claims
    .map((claim) => ({ claim, award: pilots.find((p) => p.id === claim.awardId)! }))
    .sort((a, b) => Number(b.claim.status === "submitted") - Number(a.claim.status === "submitted") || b.claim.submittedAt.localeCompare(a.claim.submittedAt) || b.claim.id - a.claim.id);
  return { rows, totals: pilots.map((award) => ({ award, totals: claimTotals(award.amountPence, claims.filter((c) => c.awardId === award.id)) })) };
}

/** R-62 One claim for the programme manager, with its pilot's totals (404 when there is none). */
export async function loadClaimForManager(db: Knex, input: { actor: User; claimId: number }): Promise<{ claim: GrantClaim; pilot: Pilot; totals: ClaimTotals; claims: GrantClaim[] }> {
  if (input.actor.role !== "programme_manager") throw new PilotForbiddenError("programme manager only");
  const claim = await findClaim(db, input.claimId);
  if (!claim) throw new PilotNotFoundError("no such claim");
  const pilot = await pilotForManager(db, input.actor, claim.awardId);
  const claims = await listClaimsForAward(db, pilot.award.id);
  return { claim, pilot, claims, totals: claimTotals(pilot.award.amountPence, claims) };
}

export type DecideClaimResult = { ok: true } | { ok: false; errors: Array<[field: string, message: string]> };

/**
 * R-62 Approves or rejects a claim waiting for a decision. Approval, in one transaction:
 * 1. the award's lock (lockAwardForClaims), so every other approval of the pilot waits;
 * 2. the approved claims so far, read after the lock, and the cap: with this claim they never add
 *    up to more than the award;
 * 3. the claim's decision (conditional on its still waiting), the audit row and the email.
 */
export async function decideClaimAsManager(db: Knex, input: { actor: User; claimId: number; decision: string; reason: string; now: Date; baseUrl: string }): Promise<DecideClaimResult> {
  const { pilot } = await loadClaimForManager(db, input);
  if (input.decision !== "approve" && input.decision !== "reject") return { ok: false, errors: [["decision", "Select whether to approve or reject the claim"]] };
  const reason = input.reason.trim();
  if (input.decision === "reject") {
    const problem = checkRejectionReason(reason);
    if (problem) return { ok: false, errors: [["reason", problem]] };
  }
  return db.transaction(async (trx) => {
    await lockAwardForClaims(trx, pilot.award.id);
    const claim = await findClaim(trx, input.claimId);
    if (!claim) throw new PilotNotFoundError("no such claim");
    if (claim.status !== "submitted") return { ok: false, errors: [["decision", `This claim has already been ${claim.status}`]] };
    const claims = await listClaimsForAward(trx, pilot.award.id);
    const before = claimTotals(pilot.award.amountPence, claims);
    if (input.decision === "approve") {
      const refusal = approvalRefusal({ amountPence: claim.amountPence, awardPence: pilot.award.amountPence, approvedPence: before.approvedPence });
      if (refusal) return { ok: false, errors: [["decision", refusal]] };
    }
    const status = input.decision === "approve" ? "approved" : "rejected";
    if (!(await decideClaim(trx, { id: claim.id, status, reason: reason || null, by: input.actor.id, at: input.now }))) return { ok: false, errors: [["decision", "This claim was decided a moment ago"]] };
    const after = claimTotals(pilot.award.amountPence, claims.map((c) => (c.id === claim.id ? { ...c, status } : c)));
    await recordAudit(trx, { actorUserId: input.actor.id, action: `claim.${status}`, entityType: "grant_claim", entityId: claim.id, before: { status: "submitted" }, after: { status, reason, amountPence: claim.amountPence, approvedTotalPence: after.approvedPence, awardPence: pilot.award.amountPence }, at: input.now });
    const recipients = await pilotRecipients(trx, pilot.award.authorityId);
    if (recipients) {
      const email = claimDecisionEmail({ authorityName: pilot.award.authorityName, approved: status === "approved", amountText: formatMoney(claim.amountPence), periodText: periodText(claim), reason, remainingText: formatMoney(after.remainingPence), link: `${input.baseUrl}/applicant/pilot/claims` });
      await enqueueEmail(trx, { ...email, ...recipients, template: `claim-${status}`, now: input.now });
    }
    return { ok: true };
  });
}
