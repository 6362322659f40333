import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD, seedDemoWorld } from "../../db/seeds/demo";
import { signIn } from "~/services/sign-in.server";
import { createTestDb } from "../setup/db";

const REGIONS = ["North East", "North West", "Yorkshire and the Humber", "East Midlands", "West Midlands", "East of England", "London", "South East", "South West"];

describe("the demo world", () => {
  it("has at least 45 authorities across all nine regions (R-2) and five types (R-4), officers for 12, 3 assessors and a programme manager", async () => {
    const db = await createTestDb();
    await seedDemoWorld(db, new Date("2026-11-23T10:00:00Z"));
    const authorities = await db("authorities").select("region", "type");
    expect(authorities.length).toBeGreaterThanOrEqual(45);
    expect(new Set(authorities.map((a) => a.region))).toEqual(new Set(REGIONS));
    expect(new Set(authorities.map((a) => a.type))).toEqual(new Set(["metropolitan district", "shire district", "shire county", "unitary", "london borough"]));
    const [{ n: withOfficers }] = await db("users").where({ role: "applicant" }).countDistinct({ n: "authority_id" });
    expect(Number(withOfficers)).toBeGreaterThanOrEqual(12);
    expect(await db("users").where({ role: "assessor" }).count({ n: "*" })).toEqual([{ n: 3 }]);
    expect(await db("users").where({ role: "programme_manager" }).count({ n: "*" })).toEqual([{ n: 1 }]);
  });

  it("is idempotent: a second run adds nothing", async () => {
    const db = await createTestDb();
    await seedDemoWorld(db, new Date("2026-11-23T10:00:00Z"));
    const counts = async () => Promise.all(["authorities", "users", "rounds"].map(async (t) => (await db(t).count({ n: "*" }))[0].n));
    const first = await counts();
    expect(await seedDemoWorld(db, new Date("2026-11-24T10:00:00Z"))).toEqual({ created: false });
    expect(await counts()).toEqual(first);
  });

  it("R-8 keeps the invitation's spacing from today: closes in four weeks at 23:59:59 London, requests 17 days later", async () => {
    const db = await createTestDb();
    await seedDemoWorld(db, new Date("2026-11-23T10:00:00Z"));
    const round = await db("rounds").first();
    expect(round.eoi_closes_at).toBe("2026-12-21T23:59:59.999Z"); // GMT in December
    expect(round.requests_by).toBe("2027-01-07");
    expect(round.detailed_due_at).toBe("2027-01-25T23:59:59.999Z");
    expect(round.start_by).toBe("2027-03-06");
    expect(round.total_fund_pence).toBe(90_000_000);
  });

  it("every demo account signs in with the documented password", async () => {
    const db = await createTestDb();
    await seedDemoWorld(db, new Date("2026-11-23T10:00:00Z"));
    const emails = (await db("users").select("email")).map((u) => u.email);
    for (const email of emails) {
      expect(await signIn(db, { email, password: DEMO_PASSWORD, now: new Date("2026-11-23T10:00:00Z") })).toMatchObject({ ok: true });
    }
  });
});
