import { describe, expect, it } from "vitest";
import { listApplicationReviews } from "~/data/applications.server";
import { findAwardForApplication } from "~/data/awards.server";
import { approveApplication, AwardRuleError } from "~/services/award.server";
import { confirmShortlistFor, makeApplication, makeRound, makeShortlistedBid } from "../factories/applications";
import { makeStaff } from "../factories/eois";
import { createTestDb } from "../setup/db";

const now = new Date("2009-09-02T10:00:00Z");
const BASE = "http://localhost:3000";

async function awardWorld(options: { fundPence?: number } = {}) {
  const db = await createTestDb();
  const round = await makeRound(db, options.fundPence ? { totalFundPence: options.fundPence } : {});
  const manager = await makeStaff(db, "programme_manager", "Priya Shah");
  const bid = (region: string, name: string) => makeShortlistedBid(db, { roundId: round.id, region, name });
  return { db, round, manager, bid };
}

const counts = async (db: Awaited<ReturnType<typeof awardWorld>>["db"]) => ({
  awards: Number((await db("grant_awards").count({ n: "*" }))[0]!.n),
  reviews: Number((await db("application_reviews").count({ n: "*" }))[0]!.n),
  emails: Number((await db("email_outbox").count({ n: "*" }))[0]!.n),
});

describe("R-52 approval makes the grant award", () => {
  it("R-52 R-53 approving awards the CLG request by default, records the decision and queues the offer letter with its PDF", async () => {
    const { db, round, manager, bid } = await awardWorld();
    const newcastle = await bid("North East", "Newcastle upon Tyne City Council");
    await confirmShortlistFor(db, { roundId: round.id, bids: [newcastle], managerId: manager.id });
    const application = await makeApplication(db, { round, bid: newcastle, status: "submitted" });
    const { awardId } = await approveApplication(db, { actor: manager, applicationId: application.id, baseUrl: BASE, now });
    expect(await findAwardForApplication(db, application.id)).toMatchObject({ id: awardId, amountPence: 6_000_000, clgRequestPence: 6_000_000, region: "North East", status: "offered", awardedAt: now.toISOString() });
    expect((await db("applications").where({ id: application.id }).first()).status).toBe("approved");
    expect(await listApplicationReviews(db, application.id)).toMatchObject([{ decision: "approved", versionNumber: 1 }]);
    expect((await db("audit_log").where({ action: "award.made" }).first()).after_json).toContain('"amountPence":6000000');
    const row = await db("email_outbox").where({ template: "grant-offer" }).first();
    expect(row.subject).toBe("Grant offer: Newcastle upon Tyne City Council, £60,000");
    const [attachment] = JSON.parse(row.attachments_json);
    expect(attachment).toMatchObject({ filename: `360G-CLG-RTP-${awardId}-offer.pdf`, contentType: "application/pdf" });
    const pdf = Buffer.from(attachment.contentBase64, "base64");
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.toString("latin1")).toContain("/MediaBox [0 0 595.28 841.89]"); // A4
  });

  it("R-52 R-73 the amount is at most min(£100,000, the CLG request): refused otherwise, and nothing changes", async () => {
    const { db, round, manager, bid } = await awardWorld();
    const application = await makeApplication(db, { round, bid: await bid("London", "London Borough of Camden"), status: "submitted" });
    const before = await counts(db);
    for (const [amount, message] of [
      [6_000_001, "The grant must be no more than the £60,000 the application asks of CLG"],
      [10_000_001, "The grant must be £100,000 or less"],
      [0, "Enter a grant amount more than £0"],
    ] as const) {
      const error = await approveApplication(db, { actor: manager, applicationId: application.id, amountPence: amount, baseUrl: BASE, now }).catch((e) => e);
      expect(error).toBeInstanceOf(AwardRuleError);
      expect(error.problems).toContain(message);
    }
    expect(await counts(db)).toEqual(before);
    expect((await db("applications").where({ id: application.id }).first()).status).toBe("submitted");
    // A lower amount than requested is fine.
    await approveApplication(db, { actor: manager, applicationId: application.id, amountPence: 5_500_000, baseUrl: BASE, now });
    expect((await findAwardForApplication(db, application.id))!.amountPence).toBe(5_500_000);
  });

  it("R-1 R-52 R-73 a second award in a region is refused, naming the first", async () => {
    const { db, round, manager, bid } = await awardWorld();
    const first = await makeApplication(db, { round, bid: await bid("South West", "Cornwall Council"), status: "submitted" });
    const second = await makeApplication(db, { round, bid: await bid("South West", "Bristol City Council"), status: "submitted" });
    await approveApplication(db, { actor: manager, applicationId: first.id, baseUrl: BASE, now });
    const before = await counts(db);
    const error = await approveApplication(db, { actor: manager, applicationId: second.id, baseUrl: BASE, now }).catch((e) => e);
    expect(error.problems).toEqual(["South West already has a grant award, to Cornwall Council: there is one pilot per region"]);
    expect(await counts(db)).toEqual(before);
  });

  it("R-1 R-52 R-73 an award that would pass the round's fund is refused, saying what is left", async () => {
    const { db, round, manager, bid } = await awardWorld({ fundPence: 10_000_000 });
    const first = await makeApplication(db, { round, bid: await bid("North East", "Durham County Council"), status: "submitted" });
    const second = await makeApplication(db, { round, bid: await bid("North West", "Manchester City Council"), status: "submitted" });
    await approveApplication(db, { actor: manager, applicationId: first.id, baseUrl: BASE, now });
    const error = await approveApplication(db, { actor: manager, applicationId: second.id, baseUrl: BASE, now }).catch((e) => e);
    expect(error.problems).toEqual(["A grant of £60,000 would take the awards to £120,000, over the £100,000 fund – £40,000 is left"]);
    await approveApplication(db, { actor: manager, applicationId: second.id, amountPence: 4_000_000, baseUrl: BASE, now });
    expect(Number((await db("grant_awards").sum({ t: "amount_pence" }))[0]!.t)).toBe(10_000_000);
  });

  it("R-52 the database itself refuses a second award in a region (unique index) and an amount of £0 or less", async () => {
    const { db, round, manager, bid } = await awardWorld();
    const a = await makeApplication(db, { round, bid: await bid("London", "Camden"), status: "submitted" });
    const b = await makeApplication(db, { round, bid: await bid("London", "Lewisham"), status: "submitted" });
    const row = (applicationId: number, amount: number) => ({ round_id: round.id, application_id: applicationId, authority_id: 1, region: "London", amount_pence: amount, clg_request_pence: amount, status: "offered", awarded_by: manager.id, awarded_at: now.toISOString() });
    await db("grant_awards").insert(row(a.id, 100));
    await expect(db("grant_awards").insert(row(b.id, 100))).rejects.toThrow(/UNIQUE/i); // SQLite "UNIQUE constraint failed", PostgreSQL "violates unique constraint"
    await db("grant_awards").where({ application_id: a.id }).delete();
    await expect(db("grant_awards").insert(row(a.id, 0))).rejects.toThrow(/CHECK/i);
  });
});
