import { describe, expect, it } from "vitest";
import { ApplicationForbiddenError, ApplicationRuleError, decideWithoutAward, loadApplicationForManager, loadApplicationsOverview } from "~/services/application-review.server";
import { approveApplication } from "~/services/award.server";
import { confirmShortlistFor, makeApplication, makeRound, makeShortlistedBid } from "../factories/applications";
import { makeStaff } from "../factories/eois";
import { createTestDb } from "../setup/db";

const now = new Date("2009-08-25T10:00:00Z");
const BASE = "http://localhost:3000";

async function reviewWorld() {
  const db = await createTestDb();
  const round = await makeRound(db);
  const manager = await makeStaff(db, "programme_manager", "Priya Shah");
  const bids = [
    await makeShortlistedBid(db, { roundId: round.id, region: "North East", name: "Newcastle upon Tyne City Council" }),
    await makeShortlistedBid(db, { roundId: round.id, region: "London", name: "London Borough of Camden" }),
    await makeShortlistedBid(db, { roundId: round.id, region: "South West", name: "Cornwall Council" }),
  ];
  await confirmShortlistFor(db, { roundId: round.id, bids, managerId: manager.id });
  const submitted = await makeApplication(db, { round, bid: bids[0]!, status: "submitted" });
  const draft = await makeApplication(db, { round, bid: bids[1]!, status: "draft" });
  return { db, round, manager, bids, submitted, draft };
}

const stateOf = async (db: Awaited<ReturnType<typeof reviewWorld>>["db"], id: number) => (await db("applications").where({ id }).first("status")).status;

describe("R-52 the programme manager reviews detailed applications", () => {
  it("R-50 R-52 the overview lists every invited authority in region order, started or not", async () => {
    const { db, manager } = await reviewWorld();
    const overview = await loadApplicationsOverview(db, { actor: manager });
    expect(overview!.items.map((i) => [i.region, i.authorityName, i.application?.status ?? null, i.clgRequestPence])).toEqual([
      ["North East", "Newcastle upon Tyne City Council", "submitted", 6_000_000],
      ["London", "London Borough of Camden", "draft", null],
      ["South West", "Cornwall Council", null, null],
    ]);
  });

  it("R-52 asking for changes needs comments; it records the decision, emails the authority and audits", async () => {
    const { db, manager, submitted } = await reviewWorld();
    await expect(decideWithoutAward(db, { actor: manager, applicationId: submitted.id, decision: "request-changes", comments: "  ", baseUrl: BASE, now })).rejects.toMatchObject({ field: "comments", message: "Enter the changes the authority needs to make" });
    expect(await stateOf(db, submitted.id)).toBe("submitted");
    await decideWithoutAward(db, { actor: manager, applicationId: submitted.id, decision: "request-changes", comments: "Phase the officer's costs.", baseUrl: BASE, now });
    expect(await stateOf(db, submitted.id)).toBe("changes-requested");
    const loaded = await loadApplicationForManager(db, { actor: manager, applicationId: submitted.id });
    expect(loaded.reviews).toMatchObject([{ decision: "changes-requested", versionNumber: 1, comments: "Phase the officer's costs.", decidedByName: "Priya Shah" }]);
    const email = await db("email_outbox").where({ template: "application-changes-requested" }).first();
    expect(email.subject).toBe("Changes requested to your detailed application: Newcastle upon Tyne City Council");
    expect(email.text_body).toContain("Phase the officer's costs.");
    expect(await db("audit_log").where({ action: "application.changes-requested" }).count({ n: "*" })).toEqual([{ n: 1 }]);
  });

  it("R-52 R-73 declining: the email says there is no appeal; a declined application cannot then be approved, and nothing changes", async () => {
    const { db, manager, submitted } = await reviewWorld();
    await decideWithoutAward(db, { actor: manager, applicationId: submitted.id, decision: "decline", comments: "The budget does not support outputs B and C.", baseUrl: BASE, now });
    expect((await db("email_outbox").where({ template: "application-declined" }).first()).text_body).toContain("There is no appeals process.");
    const error = await approveApplication(db, { actor: manager, applicationId: submitted.id, baseUrl: BASE, now }).catch((e) => e);
    expect(error).toBeInstanceOf(ApplicationRuleError);
    expect(error.message).toBe("This application has already been declined, so it cannot be approved");
    expect(await db("grant_awards").count({ n: "*" })).toEqual([{ n: 0 }]);
    expect(await stateOf(db, submitted.id)).toBe("declined");
  });

  it("R-52 R-73 a draft or withdrawn application cannot be decided on", async () => {
    const { db, manager, draft, submitted } = await reviewWorld();
    await expect(decideWithoutAward(db, { actor: manager, applicationId: draft.id, decision: "decline", comments: "No.", baseUrl: BASE, now })).rejects.toMatchObject({ message: "This application has not been submitted yet, so it cannot be declined" });
    await db("applications").where({ id: submitted.id }).update({ status: "withdrawn" });
    await expect(approveApplication(db, { actor: manager, applicationId: submitted.id, baseUrl: BASE, now })).rejects.toMatchObject({ message: "This application was withdrawn by the authority, so it cannot be approved" });
    expect(await db("application_reviews").count({ n: "*" })).toEqual([{ n: 0 }]);
  });

  it("R-20 only the programme manager reads and decides", async () => {
    const { db, bids, submitted } = await reviewWorld();
    const assessor = await makeStaff(db, "assessor");
    for (const actor of [assessor, bids[0]!.officers[0]!]) {
      await expect(loadApplicationForManager(db, { actor, applicationId: submitted.id })).rejects.toBeInstanceOf(ApplicationForbiddenError);
      await expect(decideWithoutAward(db, { actor, applicationId: submitted.id, decision: "decline", comments: "x", baseUrl: BASE, now })).rejects.toBeInstanceOf(ApplicationForbiddenError);
      await expect(approveApplication(db, { actor, applicationId: submitted.id, baseUrl: BASE, now })).rejects.toBeInstanceOf(ApplicationForbiddenError);
    }
    expect(await stateOf(db, submitted.id)).toBe("submitted");
  });
});
