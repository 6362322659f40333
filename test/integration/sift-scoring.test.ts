import type { Knex } from "knex";
import { describe, expect, it } from "vitest";
import { listAssessmentVersions } from "~/data/sift.server";
import { readScoreForm } from "~/domain/sift/forms";
import { assignByHand, declareConflict } from "~/services/sift-assignments.server";
import { SiftForbiddenError, SiftNotFoundError, SiftRuleError } from "~/services/sift-errors.server";
import { assessorQueue, loadScoringPage, loadWeights, saveAssessment, setWeights, STALE_SCORES_MESSAGE, WEIGHTS_LOCKED_MESSAGE } from "~/services/sift-scoring.server";
import { createTestDb } from "../setup/db";
import { allScores, makeStaff, makeSubmittedEoi, scoreForm } from "../factories/eois";

const now = new Date("2009-07-21T09:00:00Z");

async function world(db: Knex) {
  const manager = await makeStaff(db, "programme_manager", "Priya Shah");
  const assessors = [await makeStaff(db, "assessor", "Tom Fairley"), await makeStaff(db, "assessor", "Grace Okafor"), await makeStaff(db, "assessor", "Martin Hale")];
  const eoi = await makeSubmittedEoi(db, { authority: { name: "Leeds City Council" } });
  await assignByHand(db, { actor: manager, eoiId: eoi.id, assessorIds: [assessors[0]!.id, assessors[1]!.id], now });
  return { manager, assessors, eoi };
}

describe("R-41 scoring", () => {
  it("R-41 a complete assessment saves every score and justification with the weighted total computed on the server", async () => {
    const db = await createTestDb();
    const { assessors, eoi } = await world(db);
    const result = await saveAssessment(db, { actor: assessors[0]!, eoiId: eoi.id, form: scoreForm({ ...allScores(3), "toolkit-use": 4 }), now });
    // 75 + 20/4 = 80
    expect(result).toMatchObject({ version: 1, totalHundredths: 8000, changed: true });
    const [version] = await listAssessmentVersions(db, { eoiId: eoi.id });
    expect(version).toMatchObject({ status: "complete", totalHundredths: 8000, assessorId: assessors[0]!.id });
    expect(version!.scores["toolkit-use"]).toEqual({ score: 4, justification: "Evidence for toolkit-use." });
    const audit = await db("audit_log").where({ action: "sift.assessment-saved" }).first();
    expect(JSON.parse(audit.after_json)).toMatchObject({ eoiId: eoi.id, version: 1, status: "complete", totalHundredths: 8000 });
  });

  it("R-41 R-73 marking complete needs a score and a justification for every criterion", () => {
    const form = new FormData();
    form.set("intent", "complete");
    form.set("basedOnVersion", "0");
    form.set("score-toolkit-use", "5");
    form.set("justification-toolkit-use", "Strong.");
    form.set("score-leadership", "3");
    const parsed = readScoreForm(form);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems[0]).toEqual(["score-toolkit-use", "Score for toolkit use must be a whole number from 0 to 4"]);
    expect(parsed.problems).toContainEqual(["justification-leadership", "Enter a justification for the score for leadership and commitment"]);
    expect(parsed.problems).toContainEqual(["score-partners", "Select a score for working with partners"]);
  });

  it("R-41 R-73 a draft may be partial, but a score outside 0 to 4 is still refused", () => {
    const form = new FormData();
    form.set("intent", "draft");
    form.set("basedOnVersion", "0");
    form.set("score-impact", "2");
    expect(readScoreForm(form).ok).toBe(true);
    form.set("score-leadership", "-1");
    expect(readScoreForm(form)).toEqual({ ok: false, problems: [["score-leadership", "Score for leadership and commitment must be a whole number from 0 to 4"]] });
  });

  it("R-41 a draft's total counts the criteria scored so far and does not count as complete", async () => {
    const db = await createTestDb();
    const { assessors, eoi, manager } = await world(db);
    await saveAssessment(db, { actor: assessors[0]!, eoiId: eoi.id, form: scoreForm({ "toolkit-use": 4 }, { intent: "draft" }), now });
    const queue = await assessorQueue(db, { actor: assessors[0]!, roundId: eoi.roundId });
    expect(queue).toEqual([expect.objectContaining({ eoiId: eoi.id, state: "draft", totalHundredths: 2000 })]);
    void manager;
  });

  it("R-20 an assessor sees only the bids assigned to them: another bid is not found", async () => {
    const db = await createTestDb();
    const { assessors, eoi } = await world(db);
    const other = await makeSubmittedEoi(db);
    expect((await assessorQueue(db, { actor: assessors[2]!, roundId: eoi.roundId }))).toEqual([]);
    expect((await assessorQueue(db, { actor: assessors[0]!, roundId: eoi.roundId })).map((q) => q.eoiId)).toEqual([eoi.id]);
    await expect(loadScoringPage(db, { actor: assessors[2]!, eoiId: eoi.id })).rejects.toBeInstanceOf(SiftNotFoundError);
    await expect(loadScoringPage(db, { actor: assessors[0]!, eoiId: other.id })).rejects.toBeInstanceOf(SiftNotFoundError);
    await expect(saveAssessment(db, { actor: assessors[2]!, eoiId: eoi.id, form: scoreForm(allScores(2)), now })).rejects.toBeInstanceOf(SiftNotFoundError);
    expect(await db("sift_assessments").count({ n: "*" })).toEqual([{ n: 0 }]);
  });

  it("R-20 a programme manager or applicant cannot score", async () => {
    const db = await createTestDb();
    const { manager, eoi } = await world(db);
    const officer = await makeStaff(db, "applicant", "An Officer", eoi.authorityId);
    for (const actor of [manager, officer]) {
      await expect(saveAssessment(db, { actor, eoiId: eoi.id, form: scoreForm(allScores(2)), now })).rejects.toBeInstanceOf(SiftForbiddenError);
      await expect(loadScoringPage(db, { actor, eoiId: eoi.id })).rejects.toBeInstanceOf(SiftForbiddenError);
    }
  });

  it("R-20 R-40 an assessor who declares a conflict on an assigned bid can no longer score it", async () => {
    const db = await createTestDb();
    const { assessors, eoi } = await world(db);
    await declareConflict(db, { actor: assessors[0]!, authorityId: eoi.authorityId, reason: "Close relative on the council.", now });
    await expect(saveAssessment(db, { actor: assessors[0]!, eoiId: eoi.id, form: scoreForm(allScores(2)), now })).rejects.toBeInstanceOf(SiftNotFoundError);
  });

  it("R-20 a conflict declared while the assignment still stands is refused with 403 (defence in depth)", async () => {
    const db = await createTestDb();
    const { assessors, eoi } = await world(db);
    // Written directly, as if the assignment had not been ended.
    await db("sift_conflicts").insert({ assessor_id: assessors[1]!.id, authority_id: eoi.authorityId, reason: "x", declared_at: now.toISOString() });
    await expect(loadScoringPage(db, { actor: assessors[1]!, eoiId: eoi.id })).rejects.toBeInstanceOf(SiftForbiddenError);
  });

  it("R-41 R-73 a save from a page opened before another save is refused and changes nothing", async () => {
    const db = await createTestDb();
    const { assessors, eoi } = await world(db);
    await saveAssessment(db, { actor: assessors[0]!, eoiId: eoi.id, form: scoreForm({ impact: 2 }, { intent: "draft" }), now });
    const error = await saveAssessment(db, { actor: assessors[0]!, eoiId: eoi.id, form: scoreForm({ impact: 3 }, { intent: "draft", basedOnVersion: 0 }), now }).catch((e) => e);
    expect(error).toBeInstanceOf(SiftRuleError);
    expect(error.message).toBe(STALE_SCORES_MESSAGE);
    expect(await db("sift_assessments").count({ n: "*" })).toEqual([{ n: 1 }]);
  });
});

describe("R-41 weights", () => {
  it("R-41 the programme manager changes the weights before scoring begins, audited", async () => {
    const db = await createTestDb();
    const { manager, eoi } = await world(db);
    const weights = { "toolkit-use": 25, leadership: 15, "customers-and-improvement-plan": 15, partners: 10, impact: 10, "regional-champion": 10, "evaluation-and-learning": 5, "value-for-money-and-readiness": 10 };
    await setWeights(db, { actor: manager, roundId: eoi.roundId, weights, now });
    expect(await loadWeights(db, { actor: manager, roundId: eoi.roundId })).toEqual({ weights, locked: false });
    const audit = await db("audit_log").where({ action: "sift.weights-changed" }).first();
    expect(JSON.parse(audit.before_json)["toolkit-use"]).toBe(20);
    expect(JSON.parse(audit.after_json)["toolkit-use"]).toBe(25);
  });

  it("R-41 weights not adding up to 100% are refused", async () => {
    const db = await createTestDb();
    const { manager, eoi } = await world(db);
    const weights = { "toolkit-use": 30, leadership: 15, "customers-and-improvement-plan": 15, partners: 10, impact: 10, "regional-champion": 15, "evaluation-and-learning": 5, "value-for-money-and-readiness": 10 };
    await expect(setWeights(db, { actor: manager, roundId: eoi.roundId, weights, now })).rejects.toMatchObject({ message: "The weights must add up to 100%. They add up to 110%" });
  });

  it("R-41 weights cannot change after the first score is saved, and nothing changes", async () => {
    const db = await createTestDb();
    const { manager, assessors, eoi } = await world(db);
    await saveAssessment(db, { actor: assessors[0]!, eoiId: eoi.id, form: scoreForm({ impact: 2 }, { intent: "draft" }), now });
    const weights = { "toolkit-use": 25, leadership: 15, "customers-and-improvement-plan": 15, partners: 10, impact: 10, "regional-champion": 10, "evaluation-and-learning": 5, "value-for-money-and-readiness": 10 };
    await expect(setWeights(db, { actor: manager, roundId: eoi.roundId, weights, now })).rejects.toMatchObject({ message: WEIGHTS_LOCKED_MESSAGE });
    expect(await db("sift_weights").count({ n: "*" })).toEqual([{ n: 0 }]);
    expect((await loadWeights(db, { actor: manager, roundId: eoi.roundId })).locked).toBe(true);
  });

  it("R-41 scores use the weights set by the programme manager", async () => {
    const db = await createTestDb();
    const { manager, assessors, eoi } = await world(db);
    const weights = { "toolkit-use": 30, leadership: 10, "customers-and-improvement-plan": 10, partners: 10, impact: 10, "regional-champion": 10, "evaluation-and-learning": 10, "value-for-money-and-readiness": 10 };
    await setWeights(db, { actor: manager, roundId: eoi.roundId, weights, now });
    const result = await saveAssessment(db, { actor: assessors[0]!, eoiId: eoi.id, form: scoreForm({ ...allScores(0), "toolkit-use": 4 }), now });
    expect(result.totalHundredths).toBe(3000);
  });
});
