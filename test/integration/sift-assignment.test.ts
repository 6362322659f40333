import { describe, expect, it } from "vitest";
import { listConflicts, listLiveAssignments } from "~/data/sift.server";
import { assignAutomatically, assignByHand, declareConflict, withdrawConflict } from "~/services/sift-assignments.server";
import { SiftForbiddenError, SiftNotFoundError, SiftRuleError } from "~/services/sift-errors.server";
import { assessorLoads } from "~/services/sift-overview.server";
import { createTestDb } from "../setup/db";
import { makeStaff, makeSubmittedEoi } from "../factories/eois";
import type { Knex } from "knex";

const now = new Date("2009-07-20T09:00:00Z");

async function world(db: Knex, assessorCount = 3) {
  const manager = await makeStaff(db, "programme_manager", "Priya Shah");
  const assessors = [];
  for (let i = 0; i < assessorCount; i += 1) assessors.push(await makeStaff(db, "assessor", `Assessor ${i + 1}`));
  return { manager, assessors };
}

describe("R-40 assignment", () => {
  it("R-40 automatic assignment gives every submitted EOI two assessors with a balanced load, audited (R-21)", async () => {
    const db = await createTestDb();
    const { manager, assessors } = await world(db);
    const eois = [];
    for (let i = 0; i < 5; i += 1) eois.push(await makeSubmittedEoi(db));
    const outcome = await assignAutomatically(db, { actor: manager, roundId: eois[0]!.roundId, now });
    expect(outcome).toEqual({ added: 10, short: [] });
    for (const eoi of eois) expect(await listLiveAssignments(db, { eoiId: eoi.id })).toHaveLength(2);
    const loads = (await assessorLoads(db, { actor: manager, roundId: eois[0]!.roundId })).map((a) => a.assigned);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
    expect(await db("audit_log").where({ action: "sift.assigned" }).count({ n: "*" })).toEqual([{ n: 10 }]);
    // Running it again adds nothing.
    expect(await assignAutomatically(db, { actor: manager, roundId: eois[0]!.roundId, now })).toEqual({ added: 0, short: [] });
    void assessors;
  });

  it("R-40 R-20 automatic assignment skips an assessor's declared conflict", async () => {
    const db = await createTestDb();
    const { manager, assessors } = await world(db);
    const eoi = await makeSubmittedEoi(db);
    await declareConflict(db, { actor: assessors[0]!, authorityId: eoi.authorityId, reason: "My partner is the council's chief executive.", now });
    await assignAutomatically(db, { actor: manager, roundId: eoi.roundId, now });
    const assigned = (await listLiveAssignments(db, { eoiId: eoi.id })).map((a) => a.assessorId).sort();
    expect(assigned).toEqual([assessors[1]!.id, assessors[2]!.id].sort());
  });

  it("R-40 R-20 a conflicted assignment by hand is refused inside the service, and nothing changes", async () => {
    const db = await createTestDb();
    const { manager, assessors } = await world(db);
    const eoi = await makeSubmittedEoi(db, { authority: { name: "Leeds City Council" } });
    await declareConflict(db, { actor: assessors[1]!, authorityId: eoi.authorityId, reason: "I worked there until May.", now });
    const error = await assignByHand(db, { actor: manager, eoiId: eoi.id, assessorIds: [assessors[0]!.id, assessors[1]!.id], now }).catch((e) => e);
    expect(error).toBeInstanceOf(SiftRuleError);
    expect(error).toMatchObject({ field: "secondAssessorId", message: "Assessor 2 has declared a conflict of interest with Leeds City Council, so cannot assess this bid" });
    expect(await listLiveAssignments(db, { eoiId: eoi.id })).toEqual([]);
    expect(await db("audit_log").where({ action: "sift.assigned" }).count({ n: "*" })).toEqual([{ n: 0 }]);
  });

  it("R-40 reassigning by hand ends one assignment and starts another, both audited", async () => {
    const db = await createTestDb();
    const { manager, assessors } = await world(db);
    const eoi = await makeSubmittedEoi(db);
    await assignByHand(db, { actor: manager, eoiId: eoi.id, assessorIds: [assessors[0]!.id, assessors[1]!.id], now });
    expect(await assignByHand(db, { actor: manager, eoiId: eoi.id, assessorIds: [assessors[0]!.id, assessors[2]!.id], now })).toEqual({ added: 1, ended: 1 });
    expect((await listLiveAssignments(db, { eoiId: eoi.id })).map((a) => a.assessorId).sort()).toEqual([assessors[0]!.id, assessors[2]!.id].sort());
    expect(await db("sift_assignments").count({ n: "*" })).toEqual([{ n: 3 }]); // the ended one is kept
    const actions = (await db("audit_log").select("action").orderBy("id")).map((r) => r.action);
    expect(actions).toEqual(["sift.assigned", "sift.assigned", "sift.assignment-ended", "sift.assigned"]);
  });

  it("R-40 the same assessor twice, or someone who is not an assessor, is refused", async () => {
    const db = await createTestDb();
    const { manager, assessors } = await world(db);
    const eoi = await makeSubmittedEoi(db);
    await expect(assignByHand(db, { actor: manager, eoiId: eoi.id, assessorIds: [assessors[0]!.id, assessors[0]!.id], now })).rejects.toMatchObject({ field: "secondAssessorId" });
    await expect(assignByHand(db, { actor: manager, eoiId: eoi.id, assessorIds: [assessors[0]!.id, manager.id], now })).rejects.toMatchObject({ field: "secondAssessorId", message: "Select the second assessor" });
  });

  it("R-40 declaring a conflict on a bid already assigned takes it off the assessor", async () => {
    const db = await createTestDb();
    const { manager, assessors } = await world(db);
    const eoi = await makeSubmittedEoi(db);
    await assignByHand(db, { actor: manager, eoiId: eoi.id, assessorIds: [assessors[0]!.id, assessors[1]!.id], now });
    const { endedAssignments } = await declareConflict(db, { actor: assessors[0]!, authorityId: eoi.authorityId, reason: "I sit on a partner board.", now });
    expect(endedAssignments).toBe(1);
    expect((await listLiveAssignments(db, { eoiId: eoi.id })).map((a) => a.assessorId)).toEqual([assessors[1]!.id]);
    // Automatic assignment then fills the gap with the third assessor.
    await assignAutomatically(db, { actor: manager, roundId: eoi.roundId, now });
    expect((await listLiveAssignments(db, { eoiId: eoi.id })).map((a) => a.assessorId).sort()).toEqual([assessors[1]!.id, assessors[2]!.id].sort());
  });

  it("R-40 a conflict is declared once per authority, withdrawn only by its assessor, and both are audited", async () => {
    const db = await createTestDb();
    const { assessors } = await world(db);
    const eoi = await makeSubmittedEoi(db, { authority: { name: "Kent County Council" } });
    const { conflictId } = await declareConflict(db, { actor: assessors[0]!, authorityId: eoi.authorityId, reason: "Former employee.", now });
    await expect(declareConflict(db, { actor: assessors[0]!, authorityId: eoi.authorityId, reason: "Again.", now })).rejects.toMatchObject({
      field: "authorityId",
      message: "You have already declared a conflict of interest with Kent County Council",
    });
    await expect(withdrawConflict(db, { actor: assessors[1]!, conflictId, now })).rejects.toBeInstanceOf(SiftNotFoundError);
    await withdrawConflict(db, { actor: assessors[0]!, conflictId, now });
    expect(await listConflicts(db)).toEqual([]);
    const actions = (await db("audit_log").select("action").orderBy("id")).map((r) => r.action);
    expect(actions).toEqual(["sift.conflict-declared", "sift.conflict-withdrawn"]);
  });

  it("R-20 only assessors declare conflicts and only the programme manager assigns", async () => {
    const db = await createTestDb();
    const { manager, assessors } = await world(db);
    const eoi = await makeSubmittedEoi(db);
    await expect(declareConflict(db, { actor: manager, authorityId: eoi.authorityId, reason: "x", now })).rejects.toBeInstanceOf(SiftForbiddenError);
    await expect(assignAutomatically(db, { actor: assessors[0]!, roundId: eoi.roundId, now })).rejects.toBeInstanceOf(SiftForbiddenError);
    await expect(assignByHand(db, { actor: assessors[0]!, eoiId: eoi.id, assessorIds: [assessors[1]!.id, assessors[2]!.id], now })).rejects.toBeInstanceOf(SiftForbiddenError);
  });

  it("R-40 draft and withdrawn EOIs are not in the sift", async () => {
    const db = await createTestDb();
    const { manager } = await world(db);
    const eoi = await makeSubmittedEoi(db);
    await db("eois").where({ id: eoi.id }).update({ status: "withdrawn" });
    expect(await assignAutomatically(db, { actor: manager, roundId: eoi.roundId, now })).toEqual({ added: 0, short: [] });
    await expect(assignByHand(db, { actor: manager, eoiId: eoi.id, assessorIds: [1, 2], now })).rejects.toBeInstanceOf(SiftNotFoundError);
  });
});
