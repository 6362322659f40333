import type { Knex } from "knex";
import { describe, expect, it } from "vitest";
import { listAssessmentVersions } from "~/data/sift.server";
import { CRITERION_KEYS } from "~/domain/sift/criteria";
import { assignByHand } from "~/services/sift-assignments.server";
import { SiftForbiddenError, SiftRuleError } from "~/services/sift-errors.server";
import { loadBidRecord, moderateBid } from "~/services/sift-moderation.server";
import { siftOverview } from "~/services/sift-overview.server";
import { saveAssessment } from "~/services/sift-scoring.server";
import { createTestDb } from "../setup/db";
import { allScores, makeStaff, makeSubmittedEoi, scoreForm } from "../factories/eois";

const now = new Date("2009-07-22T09:00:00Z");
const later = new Date("2009-07-23T09:00:00Z");
const agreed = (score: 0 | 1 | 2 | 3 | 4) => Object.fromEntries(CRITERION_KEYS.map((key) => [key, score])) as Record<(typeof CRITERION_KEYS)[number], 0 | 1 | 2 | 3 | 4>;

async function world(db: Knex) {
  const manager = await makeStaff(db, "programme_manager", "Priya Shah");
  const first = await makeStaff(db, "assessor", "Tom Fairley");
  const second = await makeStaff(db, "assessor", "Grace Okafor");
  const eoi = await makeSubmittedEoi(db, { authority: { name: "Kent County Council" } });
  await assignByHand(db, { actor: manager, eoiId: eoi.id, assessorIds: [first.id, second.id], now });
  return { manager, first, second, eoi };
}

describe("R-42 history and moderation", () => {
  it("R-42 an edit is a new version; earlier versions are kept and visible to the programme manager", async () => {
    const db = await createTestDb();
    const { manager, first, eoi } = await world(db);
    await saveAssessment(db, { actor: first, eoiId: eoi.id, form: scoreForm({ impact: 2 }, { intent: "draft" }), now });
    await saveAssessment(db, { actor: first, eoiId: eoi.id, form: scoreForm(allScores(3), { basedOnVersion: 1 }), now: later });
    await saveAssessment(db, { actor: first, eoiId: eoi.id, form: scoreForm({ ...allScores(3), impact: 4 }, { basedOnVersion: 2 }), now: later });
    const versions = await listAssessmentVersions(db, { eoiId: eoi.id });
    expect(versions.map((v) => [v.version, v.status, v.totalHundredths])).toEqual([
      [1, "draft", 500],
      [2, "complete", 7500],
      [3, "complete", 7750],
    ]);
    const record = await loadBidRecord(db, { actor: manager, eoiId: eoi.id });
    expect(record.history).toHaveLength(3);
    expect(record.bid.assessors.find((a) => a.assessorId === first.id)?.totalHundredths).toBe(7750);
  });

  it("R-42 R-21 saved scores cannot be updated or deleted in the database", async () => {
    const db = await createTestDb();
    const { first, eoi } = await world(db);
    await saveAssessment(db, { actor: first, eoiId: eoi.id, form: scoreForm(allScores(3)), now });
    await expect(db("sift_assessments").update({ total_hundredths: 10000 })).rejects.toThrow(/append-only/);
    await expect(db("sift_assessments").delete()).rejects.toThrow(/append-only/);
  });

  it("R-42 differ by 2 on a criterion flags the bid; its final score waits for moderation", async () => {
    const db = await createTestDb();
    const { manager, first, second, eoi } = await world(db);
    await saveAssessment(db, { actor: first, eoiId: eoi.id, form: scoreForm(allScores(3)), now });
    await saveAssessment(db, { actor: second, eoiId: eoi.id, form: scoreForm({ ...allScores(3), partners: 1 }), now });
    const state = await siftOverview(db, { actor: manager, roundId: eoi.roundId });
    expect(state.bids[0]!.final.status).toBe("needs-moderation");
    const record = await loadBidRecord(db, { actor: manager, eoiId: eoi.id });
    expect(record.check).toMatchObject({ needed: true, criteria: ["partners"] });
  });

  it("R-42 agreeing bids get the mean of the two totals as their final score", async () => {
    const db = await createTestDb();
    const { manager, first, second, eoi } = await world(db);
    await saveAssessment(db, { actor: first, eoiId: eoi.id, form: scoreForm(allScores(3)), now });
    await saveAssessment(db, { actor: second, eoiId: eoi.id, form: scoreForm({ ...allScores(3), "toolkit-use": 2 }), now });
    const state = await siftOverview(db, { actor: manager, roundId: eoi.roundId });
    // 75 and 70 → 72.5
    expect(state.bids[0]!.final).toEqual({ status: "mean", hundredths: 7250 });
  });

  it("R-42 the moderated score with its reason becomes the final score, audited", async () => {
    const db = await createTestDb();
    const { manager, first, second, eoi } = await world(db);
    await saveAssessment(db, { actor: first, eoiId: eoi.id, form: scoreForm(allScores(4)), now });
    await saveAssessment(db, { actor: second, eoiId: eoi.id, form: scoreForm(allScores(1)), now });
    const result = await moderateBid(db, { actor: manager, eoiId: eoi.id, form: { scores: agreed(3), reason: "Agreed at the moderation meeting on 22 July." }, now: later });
    expect(result).toEqual({ version: 1, totalHundredths: 7500 });
    const state = await siftOverview(db, { actor: manager, roundId: eoi.roundId });
    expect(state.bids[0]!.final).toEqual({ status: "moderated", hundredths: 7500 });
    const audit = await db("audit_log").where({ action: "sift.moderated" }).first();
    expect(JSON.parse(audit.after_json)).toMatchObject({ reason: "Agreed at the moderation meeting on 22 July.", totalHundredths: 7500 });
    expect(JSON.parse(audit.before_json).flagged.length).toBeGreaterThan(0);
    // A second moderation is a new version; the latest counts.
    await moderateBid(db, { actor: manager, eoiId: eoi.id, form: { scores: agreed(2), reason: "Revised after reading the costs again." }, now: later });
    const record = await loadBidRecord(db, { actor: manager, eoiId: eoi.id });
    expect(record.moderations.map((m) => m.version)).toEqual([1, 2]);
    expect(record.bid.final).toEqual({ status: "moderated", hundredths: 5000 });
  });

  it("R-42 moderation needs both assessments complete, and only the programme manager moderates", async () => {
    const db = await createTestDb();
    const { manager, first, eoi } = await world(db);
    await saveAssessment(db, { actor: first, eoiId: eoi.id, form: scoreForm(allScores(4)), now });
    const error = await moderateBid(db, { actor: manager, eoiId: eoi.id, form: { scores: agreed(3), reason: "Too early." }, now }).catch((e) => e);
    expect(error).toBeInstanceOf(SiftRuleError);
    expect(error.message).toBe("Both assessments must be complete before the scores can be moderated");
    await expect(moderateBid(db, { actor: first, eoiId: eoi.id, form: { scores: agreed(3), reason: "x" }, now })).rejects.toBeInstanceOf(SiftForbiddenError);
    await expect(loadBidRecord(db, { actor: first, eoiId: eoi.id })).rejects.toBeInstanceOf(SiftForbiddenError);
    expect(await db("sift_moderations").count({ n: "*" })).toEqual([{ n: 0 }]);
  });

  it("R-42 a reassigned assessor's scores stay in the history but no longer count", async () => {
    const db = await createTestDb();
    const { manager, first, second, eoi } = await world(db);
    const third = await makeStaff(db, "assessor", "Martin Hale");
    await saveAssessment(db, { actor: first, eoiId: eoi.id, form: scoreForm(allScores(4)), now });
    await saveAssessment(db, { actor: second, eoiId: eoi.id, form: scoreForm(allScores(1)), now });
    await assignByHand(db, { actor: manager, eoiId: eoi.id, assessorIds: [second.id, third.id], now: later });
    const record = await loadBidRecord(db, { actor: manager, eoiId: eoi.id });
    expect(record.history).toHaveLength(2);
    expect(record.bid.assessors.map((a) => a.name).sort()).toEqual(["Grace Okafor", "Martin Hale"]);
    expect(record.bid.final.status).toBe("incomplete");
  });
});
