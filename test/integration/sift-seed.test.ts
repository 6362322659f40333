import { describe, expect, it } from "vitest";
import { seedStage2 } from "../../db/seeds/stage2";
import { listConflicts, listLiveAssignments } from "~/data/sift.server";
import { findUserById } from "~/data/users.server";
import { REGIONS } from "~/domain/programme";
import { isConflicted } from "~/domain/sift/assignment";
import { runSelection } from "~/services/sift-selection.server";
import { assessorQueue } from "~/services/sift-scoring.server";
import { siftOverview } from "~/services/sift-overview.server";
import { createTestDb } from "../setup/db";

const now = new Date("2026-11-23T10:00:00Z");

describe("the demo world at stage 2", () => {
  it("R-40 – R-43 has a closed round, every submitted bid with two unconflicted assessors, one bid needing moderation, work left for assessor.one, and nine pilots to select", async () => {
    const db = await createTestDb();
    const result = await seedStage2(db, now);
    expect(result.created).toBe(true);
    expect(result.bids).toBeGreaterThanOrEqual(12);
    expect(result.needsModeration).toMatch(/^RTP-EOI-/);

    const round = await db("rounds").first();
    expect(round.eoi_closes_at < now.toISOString()).toBe(true);
    const manager = (await findUserById(db, Number((await db("users").where({ role: "programme_manager" }).first("id")).id)))!;
    const state = await siftOverview(db, { actor: manager, roundId: round.id });
    expect(new Set(state.bids.map((b) => b.region))).toEqual(new Set(REGIONS));
    expect(state.bids.every((b) => b.assessors.length === 2)).toBe(true);
    expect(state.bids.filter((b) => b.final.status === "needs-moderation").map((b) => b.reference)).toEqual([result.needsModeration]);
    expect(state.bids.every((b) => b.submittedAt <= round.eoi_closes_at)).toBe(true);

    const conflicts = await listConflicts(db);
    expect(conflicts).toHaveLength(2);
    for (const assignment of await listLiveAssignments(db, { roundId: round.id })) {
      const bid = state.bids.find((b) => b.id === assignment.eoiId)!;
      expect(isConflicted(conflicts, assignment.assessorId, bid.authorityId)).toBe(false);
    }

    const one = (await findUserById(db, Number((await db("users").where({ email: "assessor.one@communities.example.gov.uk" }).first("id")).id)))!;
    const queue = await assessorQueue(db, { actor: one, roundId: round.id });
    expect(queue.filter((q) => q.state === "not started")).toHaveLength(1);
    expect(queue.filter((q) => q.state === "draft")).toHaveLength(1);

    const selection = await runSelection(db, { actor: manager, roundId: round.id, locks: {} });
    expect(selection.result.selected).toHaveLength(9);
  });

  it("is idempotent: a second run adds nothing", async () => {
    const db = await createTestDb();
    await seedStage2(db, now);
    const counts = async () => Promise.all(["eois", "sift_assignments", "sift_assessments", "sift_conflicts", "audit_log"].map(async (t) => (await db(t).count({ n: "*" }))[0]!.n));
    const first = await counts();
    expect((await seedStage2(db, new Date("2026-11-24T10:00:00Z"))).created).toBe(false);
    expect(await counts()).toEqual(first);
  });
});
