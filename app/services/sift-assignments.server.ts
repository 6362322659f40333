import type { Knex } from "knex";
import { recordAudit } from "~/data/audit.server";
import { findAuthority } from "~/data/authorities.server";
import {
  endAssignment,
  listAssessmentVersions,
  findShortlist,
  findSiftBid,
  insertAssignment,
  insertConflict,
  listAssessors,
  listConflicts,
  listLiveAssignments,
  listSiftBids,
  withdrawConflictRow,
} from "~/data/sift.server";
import type { User } from "~/data/users.server";
import { autoAssign, isConflicted } from "~/domain/sift/assignment";
import { SiftNotFoundError, SiftRuleError, requireRole } from "./sift-errors.server";

// R-40 Conflicts of interest and assignments. Every change is audited in its transaction.

type Trx = Knex.Transaction;

/** R-44 Once the shortlist is confirmed the sift is closed: no more assignments or scores. */
export async function refuseAfterShortlist(trx: Knex | Trx, roundId: number, field: string): Promise<void> {
  if (await findShortlist(trx, roundId)) throw new SiftRuleError(field, "The shortlist has been confirmed, so the sift is closed");
}

/**
 * R-40 R-20 An assessor declares a conflict of interest with a lead authority. Any bid of that
 * authority already assigned to them is taken off them at once: the conflict blocks it.
 */
export async function declareConflict(db: Knex, input: { actor: User; authorityId: number; reason: string; now: Date }): Promise<{ conflictId: number; endedAssignments: number }> {
  requireRole(input.actor, "assessor");
  return db.transaction(async (trx) => {
    const authority = await findAuthority(trx, input.authorityId);
    if (!authority) throw new SiftRuleError("authorityId", "Select the local authority you have a conflict of interest with");
    const existing = await listConflicts(trx, { assessorId: input.actor.id });
    if (existing.some((conflict) => conflict.authorityId === authority.id)) {
      throw new SiftRuleError("authorityId", `You have already declared a conflict of interest with ${authority.name}`);
    }
    const conflictId = await insertConflict(trx, { assessorId: input.actor.id, authorityId: authority.id, reason: input.reason, at: input.now });
    await recordAudit(trx, {
      actorUserId: input.actor.id,
      action: "sift.conflict-declared",
      entityType: "sift_conflict",
      entityId: conflictId,
      after: { assessorId: input.actor.id, authorityId: authority.id, authorityName: authority.name, reason: input.reason },
      at: input.now,
    });
    let endedAssignments = 0;
    for (const assignment of await listLiveAssignments(trx, { assessorId: input.actor.id })) {
      const bid = await findSiftBid(trx, assignment.eoiId);
      if (!bid || bid.authorityId !== authority.id) continue;
      await endAssignment(trx, assignment.id, input.actor.id, input.now);
      await recordAudit(trx, {
        actorUserId: input.actor.id,
        action: "sift.assignment-ended",
        entityType: "sift_assignment",
        entityId: assignment.id,
        before: { eoiId: assignment.eoiId, assessorId: assignment.assessorId },
        after: { reason: "conflict of interest declared", conflictId },
        at: input.now,
      });
      endedAssignments += 1;
    }
    return { conflictId, endedAssignments };
  });
}

/** An assessor withdraws a conflict they declared (it is kept, marked withdrawn). */
export async function withdrawConflict(db: Knex, input: { actor: User; conflictId: number; now: Date }): Promise<void> {
  requireRole(input.actor, "assessor");
  await db.transaction(async (trx) => {
    const conflict = (await listConflicts(trx, { assessorId: input.actor.id })).find((c) => c.id === input.conflictId);
    if (!conflict) throw new SiftNotFoundError();
    await withdrawConflictRow(trx, conflict.id, input.now);
    await recordAudit(trx, {
      actorUserId: input.actor.id,
      action: "sift.conflict-withdrawn",
      entityType: "sift_conflict",
      entityId: conflict.id,
      before: { authorityId: conflict.authorityId, authorityName: conflict.authorityName, reason: conflict.reason },
      at: input.now,
    });
  });
}

export interface AutoAssignOutcome {
  added: number;
  short: Array<{ eoiId: number; reference: string; authorityName: string; missing: number }>;
}

/** R-40 Fills every bid in the round up to two assessors, balancing load and skipping conflicts. */
export async function assignAutomatically(db: Knex, input: { actor: User; roundId: number; now: Date }): Promise<AutoAssignOutcome> {
  requireRole(input.actor, "programme_manager");
  return db.transaction(async (trx) => {
    await refuseAfterShortlist(trx, input.roundId, "assign");
    const [bids, assessors, conflicts, live] = await Promise.all([
      listSiftBids(trx, input.roundId),
      listAssessors(trx),
      listConflicts(trx),
      listLiveAssignments(trx, { roundId: input.roundId }),
    ]);
    const open = bids.filter((bid) => bid.status === "submitted");
    const result = autoAssign({
      bids: open.map((bid) => ({ id: bid.id, authorityId: bid.authorityId })),
      assessorIds: assessors.map((a) => a.id),
      conflicts,
      existing: live.map((a) => ({ bidId: a.eoiId, assessorId: a.assessorId })),
    });
    for (const assignment of result.added) {
      const id = await insertAssignment(trx, { eoiId: assignment.bidId, assessorId: assignment.assessorId, method: "automatic", assignedBy: input.actor.id, at: input.now });
      await recordAudit(trx, {
        actorUserId: input.actor.id,
        action: "sift.assigned",
        entityType: "sift_assignment",
        entityId: id,
        after: { eoiId: assignment.bidId, assessorId: assignment.assessorId, method: "automatic" },
        at: input.now,
      });
    }
    const byId = new Map(bids.map((bid) => [bid.id, bid]));
    return {
      added: result.added.length,
      short: result.short.map((s) => ({ eoiId: s.bidId, reference: byId.get(s.bidId)!.reference, authorityName: byId.get(s.bidId)!.authorityName, missing: s.missing })),
    };
  });
}

/**
 * R-40 The programme manager sets a bid's two assessors by hand (also to reassign one). A
 * conflicted assessor is refused here, inside the transaction, whatever the page offered.
 */
export async function assignByHand(
  db: Knex,
  input: { actor: User; eoiId: number; assessorIds: readonly [number, number]; now: Date },
): Promise<{ added: number; ended: number }> {
  requireRole(input.actor, "programme_manager");
  const fields = ["firstAssessorId", "secondAssessorId"] as const;
  return db.transaction(async (trx) => {
    const bid = await findSiftBid(trx, input.eoiId);
    if (!bid) throw new SiftNotFoundError();
    await refuseAfterShortlist(trx, bid.roundId, fields[0]);
    if (input.assessorIds[0] === input.assessorIds[1]) throw new SiftRuleError(fields[1], "Select two different assessors");
    const assessors = await listAssessors(trx);
    const conflicts = await listConflicts(trx);
    for (const [index, assessorId] of input.assessorIds.entries()) {
      const assessor = assessors.find((a) => a.id === assessorId);
      if (!assessor) throw new SiftRuleError(fields[index]!, index === 0 ? "Select the first assessor" : "Select the second assessor");
      if (isConflicted(conflicts, assessorId, bid.authorityId)) {
        throw new SiftRuleError(fields[index]!, `${assessor.name} has declared a conflict of interest with ${bid.authorityName}, so cannot assess this bid`);
      }
    }
    const live = await listLiveAssignments(trx, { eoiId: bid.id });
    let ended = 0;
    for (const assignment of live) {
      if (input.assessorIds.includes(assignment.assessorId)) continue;
      await endAssignment(trx, assignment.id, input.actor.id, input.now);
      await recordAudit(trx, {
        actorUserId: input.actor.id,
        action: "sift.assignment-ended",
        entityType: "sift_assignment",
        entityId: assignment.id,
        before: { eoiId: bid.id, assessorId: assignment.assessorId },
        after: { reason: "reassigned" },
        at: input.now,
      });
      ended += 1;
    }
    let added = 0;
    for (const assessorId of input.assessorIds) {
      if (live.some((assignment) => assignment.assessorId === assessorId)) continue;
      const id = await insertAssignment(trx, { eoiId: bid.id, assessorId, method: "manual", assignedBy: input.actor.id, at: input.now });
      await recordAudit(trx, {
        actorUserId: input.actor.id,
        action: "sift.assigned",
        entityType: "sift_assignment",
        entityId: id,
        after: { eoiId: bid.id, assessorId, method: "manual" },
        at: input.now,
      });
      added += 1;
    }
    return { added, ended };
  });
}

/** R-40 What the hand-assignment page needs: the bid, its assessors, and who is free to take it. */
export async function loadBidAssignment(db: Knex, input: { actor: User; eoiId: number }) {
  requireRole(input.actor, "programme_manager");
  const bid = await findSiftBid(db, input.eoiId);
  if (!bid) throw new SiftNotFoundError();
  const [assessors, conflicts, live, versions, shortlist] = await Promise.all([
    listAssessors(db),
    listConflicts(db),
    listLiveAssignments(db, { eoiId: bid.id }),
    listAssessmentVersions(db, { eoiId: bid.id }),
    findShortlist(db, bid.roundId),
  ]);
  return {
    bid,
    shortlistConfirmed: Boolean(shortlist),
    current: live.map((a) => ({ assessorId: a.assessorId, name: a.assessorName, hasScores: versions.some((v) => v.assessorId === a.assessorId) })),
    available: assessors.filter((a) => !isConflicted(conflicts, a.id, bid.authorityId)),
    conflicted: assessors.filter((a) => isConflicted(conflicts, a.id, bid.authorityId)),
  };
}
