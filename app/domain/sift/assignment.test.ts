import { describe, expect, it } from "vitest";
import { ASSESSORS_PER_BID, assessorLoads, autoAssign, isConflicted } from "./assignment";

const bids = (n: number) => Array.from({ length: n }, (_, i) => ({ id: i + 1, authorityId: 100 + i + 1 }));

describe("R-40 automatic assignment", () => {
  it("R-40 gives every bid two different assessors", () => {
    const { added, short } = autoAssign({ bids: bids(7), assessorIds: [1, 2, 3], conflicts: [], existing: [] });
    expect(short).toEqual([]);
    for (const bid of bids(7)) {
      const assessors = added.filter((a) => a.bidId === bid.id).map((a) => a.assessorId);
      expect(assessors).toHaveLength(ASSESSORS_PER_BID);
      expect(new Set(assessors).size).toBe(2);
    }
  });

  it("R-40 balances the load: loads differ by at most one", () => {
    const { added } = autoAssign({ bids: bids(13), assessorIds: [4, 2, 9, 7], conflicts: [], existing: [] });
    const loads = [...assessorLoads([2, 4, 7, 9], added).values()];
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
    expect(loads.reduce((a, b) => a + b, 0)).toBe(26);
  });

  it("R-40 R-20 never assigns an assessor to a bid whose lead authority they are conflicted with", () => {
    const conflicts = [
      { assessorId: 1, authorityId: 101 },
      { assessorId: 2, authorityId: 102 },
      { assessorId: 3, authorityId: 101 },
    ];
    const { added, short } = autoAssign({ bids: bids(4), assessorIds: [1, 2, 3, 4], conflicts, existing: [] });
    for (const assignment of added) {
      const bid = bids(4).find((b) => b.id === assignment.bidId)!;
      expect(isConflicted(conflicts, assignment.assessorId, bid.authorityId)).toBe(false);
    }
    expect(short).toEqual([]);
    // Bid 1 could only go to assessors 2 and 4.
    expect(added.filter((a) => a.bidId === 1).map((a) => a.assessorId).sort()).toEqual([2, 4]);
  });

  it("R-40 serves the most constrained bids first so conflicts do not strand a bid", () => {
    // Bid 2 can only go to assessors 3 and 4; a naive pass in bid order could fill them first.
    const conflicts = [
      { assessorId: 1, authorityId: 102 },
      { assessorId: 2, authorityId: 102 },
    ];
    const { short } = autoAssign({ bids: bids(2), assessorIds: [1, 2, 3, 4], conflicts, existing: [] });
    expect(short).toEqual([]);
  });

  it("R-40 keeps existing assignments, counts them in the load and only fills the gaps", () => {
    const existing = [
      { bidId: 1, assessorId: 1 },
      { bidId: 1, assessorId: 2 },
      { bidId: 2, assessorId: 1 },
    ];
    const { added } = autoAssign({ bids: bids(3), assessorIds: [1, 2, 3], conflicts: [], existing });
    expect(added.filter((a) => a.bidId === 1)).toEqual([]);
    expect(added.filter((a) => a.bidId === 2)).toHaveLength(1);
    expect(added.filter((a) => a.bidId === 2)[0]!.assessorId).not.toBe(1);
    expect(added.filter((a) => a.bidId === 3)).toHaveLength(2);
    const loads = assessorLoads([1, 2, 3], [...existing, ...added]);
    expect([...loads.values()].sort()).toEqual([2, 2, 2]);
  });

  it("R-40 reports a bid that too few unconflicted assessors can take", () => {
    const { added, short } = autoAssign({
      bids: bids(1),
      assessorIds: [1, 2],
      conflicts: [{ assessorId: 2, authorityId: 101 }],
      existing: [],
    });
    expect(added).toEqual([{ bidId: 1, assessorId: 1 }]);
    expect(short).toEqual([{ bidId: 1, missing: 1 }]);
  });

  it("is deterministic: the same input gives the same assignments", () => {
    const input = { bids: bids(9), assessorIds: [3, 1, 2], conflicts: [{ assessorId: 2, authorityId: 105 }], existing: [] };
    expect(autoAssign(input)).toEqual(autoAssign(input));
  });
});
