// R-40 Assigning each expression of interest to two assessors, balancing their load and never
// giving a bid to an assessor who has declared a conflict of interest with its lead authority
// . Pure: no I/O; deterministic (ties go to the lower id).

// R-40 Every bid is assessed by two assessors.
export const ASSESSORS_PER_BID = 2;

export interface AssignableBid {
  id: number;
  /** R-3 the lead authority: conflicts are declared against it. */
  authorityId: number;
}

export interface DeclaredConflict {
  assessorId: number;
  authorityId: number;
}

export interface Assignment {
  bidId: number;
  assessorId: number;
}

// R-20 R-40 A declared conflict of interest blocks the assignment.
export function isConflicted(conflicts: readonly DeclaredConflict[], assessorId: number, authorityId: number): boolean {
  return conflicts.some((conflict) => conflict.assessorId === assessorId && conflict.authorityId === authorityId);
}

/** Each assessor's number of live assignments (0 for an assessor with none). */
export function assessorLoads(assessorIds: readonly number[], assignments: readonly Assignment[]): Map<number, number> {
  const loads = new Map(assessorIds.map((id) => [id, 0]));
  for (const assignment of assignments) {
    if (loads.has(assignment.assessorId)) loads.set(assignment.assessorId, loads.get(assignment.assessorId)! + 1);
  }
  return loads;
}

export interface AutoAssignResult {
  /** The new assignments, in the order they were made. */
  added: Assignment[];
  /** Bids still short of two assessors because too few could take them. */
  short: Array<{ bidId: number; missing: number }>;
}

/**
 * R-40 Fills every bid up to two assessors. The bids with the fewest assessors free to take them
 * go first (so conflicts never strand a bid that could have been served), and each place goes to
 * the free assessor with the lightest load, so loads differ by at most one where conflicts allow.
 * Existing assignments are kept and count towards the load.
 */
export function autoAssign(input: {
  bids: readonly AssignableBid[];
  assessorIds: readonly number[];
  conflicts: readonly DeclaredConflict[];
  existing: readonly Assignment[];
}): AutoAssignResult {
  const assessorIds = [...new Set(input.assessorIds)].sort((a, b) => a - b);
  const loads = assessorLoads(assessorIds, input.existing);
  const assessorsOf = new Map<number, Set<number>>();
  for (const bid of input.bids) assessorsOf.set(bid.id, new Set());
  for (const assignment of input.existing) assessorsOf.get(assignment.bidId)?.add(assignment.assessorId);

  const free = (bid: AssignableBid) =>
    assessorIds.filter((id) => !assessorsOf.get(bid.id)!.has(id) && !isConflicted(input.conflicts, id, bid.authorityId));

  const order = input.bids
    .map((bid, index) => ({ bid, index, freeCount: free(bid).length }))
    .sort((a, b) => a.freeCount - b.freeCount || a.index - b.index);

  const added: Assignment[] = [];
  const short: AutoAssignResult["short"] = [];
  for (const { bid } of order) {
    const taken = assessorsOf.get(bid.id)!;
    const needed = ASSESSORS_PER_BID - taken.size;
    if (needed <= 0) continue;
    const chosen = free(bid)
      .sort((a, b) => loads.get(a)! - loads.get(b)! || a - b)
      .slice(0, needed);
    for (const assessorId of chosen) {
      taken.add(assessorId);
      loads.set(assessorId, loads.get(assessorId)! + 1);
      added.push({ bidId: bid.id, assessorId });
    }
    if (chosen.length < needed) short.push({ bidId: bid.id, missing: needed - chosen.length });
  }
  short.sort((a, b) => a.bidId - b.bidId);
  return { added, short };
}
