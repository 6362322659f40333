import type { Knex } from "knex";
import { describe, expect, it } from "vitest";
import { listSelections } from "~/data/sift.server";
import { REGIONS } from "~/domain/programme";
import { selectPilots } from "~/domain/selection";
import { assignByHand } from "~/services/sift-assignments.server";
import { SiftForbiddenError, SiftRuleError } from "~/services/sift-errors.server";
import { ALREADY_CONFIRMED, SELECTION_OUT_OF_DATE, confirmShortlist, loadSelectionPage, runSelection, saveSelection } from "~/services/sift-selection.server";
import { saveAssessment } from "~/services/sift-scoring.server";
import { createTestDb } from "../setup/db";
import { allScores, eoiAnswers, makeStaff, makeSubmittedEoi, scoreForm, type AnswerOptions } from "../factories/eois";

const now = new Date("2009-07-28T09:00:00Z");
const TYPES = ["metropolitan district", "shire district", "shire county", "unitary", "unitary", "metropolitan district", "london borough", "shire county", "unitary"];

/** Two bids per region, scored; the second in each region scores lower. Spread needs are met across the set. */
async function scoredWorld(db: Knex) {
  const manager = await makeStaff(db, "programme_manager", "Priya Shah");
  const a = await makeStaff(db, "assessor", "Tom Fairley");
  const b = await makeStaff(db, "assessor", "Grace Okafor");
  const bids = [];
  for (const [index, region] of REGIONS.entries()) {
    for (const rank of [0, 1]) {
      const options: AnswerOptions = {
        themes: index % 3 === 0 ? ["pledge"] : index % 3 === 1 ? ["frontline"] : ["partnerships"],
        setting: index % 2 === 0 ? "urban" : "rural",
        trackRecord: index % 2 === 0 ? "established" : "starting-out",
        focusArea: index === 1 ? "redundancy" : index === 3 ? "cse" : index === 5 ? "total-place" : "none",
        clgRequest: "£90,000",
      };
      const eoi = await makeSubmittedEoi(db, {
        authority: { name: `${region} Council ${rank + 1}`, region, type: TYPES[index]!, setting: options.setting! },
        answers: eoiAnswers(options),
      });
      await assignByHand(db, { actor: manager, eoiId: eoi.id, assessorIds: [a.id, b.id], now });
      const score = rank === 0 ? 3 : 2;
      await saveAssessment(db, { actor: a, eoiId: eoi.id, form: scoreForm(allScores(score)), now });
      await saveAssessment(db, { actor: b, eoiId: eoi.id, form: scoreForm(allScores(score)), now });
      bids.push({ ...eoi, region, rank });
    }
  }
  return { manager, assessors: [a, b], bids, roundId: bids[0]!.roundId };
}

describe("R-43 selection", () => {
  it("R-43 candidates are the scored bids, and the selection is the same selectPilots the command line runs", async () => {
    const db = await createTestDb();
    const { manager, roundId } = await scoredWorld(db);
    const page = await loadSelectionPage(db, { actor: manager, roundId });
    expect(page.rows).toHaveLength(18);
    expect(page.rows.every((row) => row.candidate)).toBe(true);
    const outcome = await runSelection(db, { actor: manager, roundId, locks: {} });
    expect(outcome.result).toEqual(selectPilots(outcome.input));
    expect(outcome.result.selected).toHaveLength(9);
    expect(outcome.input.budgetPence).toBe(90_000_000);
    expect(outcome.result.selected.every((pick) => pick.score === 75)).toBe(true);
  });

  it("R-43 a bid that needs moderation is not a candidate until it is moderated", async () => {
    const db = await createTestDb();
    const { manager, assessors, roundId } = await scoredWorld(db);
    const eoi = await makeSubmittedEoi(db, { authority: { region: "London", type: "london borough" } });
    await assignByHand(db, { actor: manager, eoiId: eoi.id, assessorIds: [assessors[0]!.id, assessors[1]!.id], now });
    await saveAssessment(db, { actor: assessors[0]!, eoiId: eoi.id, form: scoreForm(allScores(4)), now });
    await saveAssessment(db, { actor: assessors[1]!, eoiId: eoi.id, form: scoreForm(allScores(1)), now });
    const row = (await loadSelectionPage(db, { actor: manager, roundId })).rows.find((r) => r.bid.id === eoi.id)!;
    expect(row.candidate).toBeNull();
    expect(row.reason).toBe("Needs moderation before it has a final score");
  });

  it("R-43 locking a lower scorer in picks it, and ruling out a top scorer passes it over", async () => {
    const db = await createTestDb();
    const { manager, bids, roundId } = await scoredWorld(db);
    const london = bids.filter((bid) => bid.region === "London");
    const outcome = await runSelection(db, { actor: manager, roundId, locks: { [london[1]!.id]: "in" } });
    const region = outcome.result.regions.find((r) => r.region === "London")!;
    expect(region.pick).toBe(london[1]!.reference);
    expect(region.forcedBy).toEqual(["lock:in"]);
    expect(region.pointsGivenUp).toBe(25);
    const ruledOut = await runSelection(db, { actor: manager, roundId, locks: { [london[0]!.id]: "out" } });
    expect(ruledOut.result.regions.find((r) => r.region === "London")!.pick).toBe(london[1]!.reference);
  });

  it("R-43 R-73 two bids locked in in one region is refused with a message by the lock, and nothing is saved", async () => {
    const db = await createTestDb();
    const { manager, bids, roundId } = await scoredWorld(db);
    const [first, second] = bids.filter((bid) => bid.region === "South West");
    const error = await saveSelection(db, { actor: manager, roundId, locks: { [first!.id]: "in", [second!.id]: "in" }, now }).catch((e) => e);
    expect(error).toBeInstanceOf(SiftRuleError);
    expect(error.field).toBe(`lock-${second!.id}`);
    expect(error.message).toMatch(/^Lock in one bid at most in South West: you locked in /);
    expect(await listSelections(db, roundId)).toEqual([]);
  });

  it("R-43 R-21 saving a selection records its inputs and result, audited", async () => {
    const db = await createTestDb();
    const { manager, bids, roundId } = await scoredWorld(db);
    const id = await saveSelection(db, { actor: manager, roundId, locks: { [bids[1]!.id]: "in" }, now });
    const [saved] = await listSelections(db, roundId);
    expect(saved).toMatchObject({ id, savedBy: manager.id });
    expect((saved!.input as { candidates: unknown[] }).candidates).toHaveLength(18);
    expect((saved!.result as { selected: Array<{ id: string }> }).selected.map((s) => s.id)).toContain(bids[1]!.reference);
    const audit = await db("audit_log").where({ action: "sift.selection-saved" }).first();
    expect(JSON.parse(audit.after_json).locks).toEqual([{ id: bids[1]!.reference, lock: "in" }]);
  });

  it("R-20 only the programme manager selects", async () => {
    const db = await createTestDb();
    const { assessors, roundId } = await scoredWorld(db);
    await expect(runSelection(db, { actor: assessors[0]!, roundId, locks: {} })).rejects.toBeInstanceOf(SiftForbiddenError);
    await expect(saveSelection(db, { actor: assessors[0]!, roundId, locks: {}, now })).rejects.toBeInstanceOf(SiftForbiddenError);
  });
});

describe("R-44 confirming the shortlist", () => {
  it("R-44 R-10 invites the picks with the due date, sends the others a no-appeal outcome letter, changes statuses, all audited", async () => {
    const db = await createTestDb();
    const { manager, roundId } = await scoredWorld(db);
    const id = await saveSelection(db, { actor: manager, roundId, locks: {}, now });
    expect(await confirmShortlist(db, { actor: manager, selectionId: id, baseUrl: "http://localhost:3000", now })).toEqual({ invited: 9, notSelected: 9 });

    const statuses = await db("eois").select("status").count({ n: "*" }).groupBy("status").orderBy("status");
    expect(statuses).toEqual([
      { status: "invited", n: 9 },
      { status: "not-selected", n: 9 },
    ]);
    const invitations = await db("email_outbox").where({ template: "detailed-application-request" });
    expect(invitations).toHaveLength(9);
    expect(invitations[0].text_body).toContain("Detailed applications are due by 11:59pm on 21 August 2009");
    expect(invitations[0].text_body).toContain("http://localhost:3000/applicant");
    const outcomes = await db("email_outbox").where({ template: "eoi-outcome" });
    expect(outcomes).toHaveLength(9);
    expect(outcomes[0].text_body).toContain("There is no appeals process for areas not selected.");
    expect(await db("audit_log").where({ action: "eoi.invited" }).count({ n: "*" })).toEqual([{ n: 9 }]);
    expect(await db("audit_log").where({ action: "sift.shortlist-confirmed" }).count({ n: "*" })).toEqual([{ n: 1 }]);
  });

  it("R-44 R-73 confirming the shortlist twice is refused and sends nothing more", async () => {
    const db = await createTestDb();
    const { manager, roundId } = await scoredWorld(db);
    const id = await saveSelection(db, { actor: manager, roundId, locks: {}, now });
    await confirmShortlist(db, { actor: manager, selectionId: id, baseUrl: "http://x", now });
    const error = await confirmShortlist(db, { actor: manager, selectionId: id, baseUrl: "http://x", now }).catch((e) => e);
    expect(error).toBeInstanceOf(SiftRuleError);
    expect(error.message).toMatch(new RegExp(`^${ALREADY_CONFIRMED}`));
    expect(await db("email_outbox").count({ n: "*" })).toEqual([{ n: 18 }]);
  });

  it("R-44 a selection saved before the scores changed cannot be confirmed", async () => {
    const db = await createTestDb();
    const { manager, assessors, bids, roundId } = await scoredWorld(db);
    const id = await saveSelection(db, { actor: manager, roundId, locks: {}, now });
    await saveAssessment(db, { actor: assessors[0]!, eoiId: bids[0]!.id, form: scoreForm(allScores(2), { basedOnVersion: 1 }), now });
    await expect(confirmShortlist(db, { actor: manager, selectionId: id, baseUrl: "http://x", now })).rejects.toMatchObject({ message: SELECTION_OUT_OF_DATE });
    expect(await db("sift_shortlists").count({ n: "*" })).toEqual([{ n: 0 }]);
    expect(await db("email_outbox").count({ n: "*" })).toEqual([{ n: 0 }]);
  });

  it("R-44 after the shortlist, scores and assignments can no longer change", async () => {
    const db = await createTestDb();
    const { manager, assessors, bids, roundId } = await scoredWorld(db);
    const id = await saveSelection(db, { actor: manager, roundId, locks: {}, now });
    await confirmShortlist(db, { actor: manager, selectionId: id, baseUrl: "http://x", now });
    await expect(saveAssessment(db, { actor: assessors[0]!, eoiId: bids[0]!.id, form: scoreForm(allScores(2), { basedOnVersion: 1 }), now })).rejects.toBeInstanceOf(SiftRuleError);
    await expect(assignByHand(db, { actor: manager, eoiId: bids[0]!.id, assessorIds: [assessors[1]!.id, assessors[0]!.id], now })).rejects.toBeInstanceOf(SiftRuleError);
  });
});
