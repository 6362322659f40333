import { describe, expect, it } from "vitest";
import { currentRound } from "~/data/rounds.server";
import { findUserById } from "~/data/users.server";
import { londonDate } from "~/domain/calendar";
import { loadMonitoringDashboard } from "~/services/monitoring-dashboard.server";
import { seedDemoWorld } from "../../db/seeds/demo";
import { seedStage3 } from "../../db/seeds/stage3";
import { DAYS_INTO_PROGRAMME, seedStage4 } from "../../db/seeds/stage4";
import { createTestDb } from "../setup/db";

const NOW = new Date("2026-11-23T15:30:00Z");

describe("demo world at stage 4 (issue 8, item 8)", () => {
  it("R-52 R-53 R-60 – R-64 nine pilots mid-programme: one late output, one overdue report, claims approved, waiting and rejected, never over an award", async () => {
    const db = await createTestDb();
    await seedDemoWorld(db, NOW); // as npm start does, before the stage
    const result = await seedStage4(db, NOW);
    expect(result.created).toBe(true);
    expect(result.pilots).toBe(9);

    const round = (await currentRound(db))!;
    const today = londonDate(NOW);
    // Mid-programme at the real date: the pilots began about 120 days ago and the programme has not ended.
    expect(round.startBy < today && today < round.endsOn).toBe(true);
    const daysIn = (Date.parse(today) - Date.parse(round.startBy)) / 86_400_000;
    expect(Math.abs(daysIn - DAYS_INTO_PROGRAMME)).toBeLessThanOrEqual(3);

    const awards = await db("grant_awards").where({ round_id: round.id }).select("id", "status", "amount_pence", "region");
    expect(awards).toHaveLength(9);
    expect(awards.every((a) => a.status === "accepted")).toBe(true);
    expect(new Set(awards.map((a) => a.region)).size).toBe(9);
    expect(awards.reduce((sum, a) => sum + Number(a.amount_pence), 0)).toBeLessThanOrEqual(90_000_000);

    // R-62 claims of every kind, approved claims never over an award.
    const claims = await db("grant_claims").select("award_id", "amount_pence", "status");
    expect(new Set(claims.map((c) => c.status))).toEqual(new Set(["approved", "submitted", "rejected"]));
    expect(claims.filter((c) => c.status === "rejected")).toHaveLength(1);
    for (const award of awards) {
      const approved = claims.filter((c) => c.award_id === award.id && c.status === "approved").reduce((sum, c) => sum + Number(c.amount_pence), 0);
      const live = claims.filter((c) => c.award_id === award.id && c.status !== "rejected").reduce((sum, c) => sum + Number(c.amount_pence), 0);
      expect(approved).toBeLessThanOrEqual(Number(award.amount_pence));
      expect(live).toBeLessThanOrEqual(Number(award.amount_pence));
    }

    // R-61 the first quarter's reports: accepted, waiting, one queried; one pilot has only a draft.
    const reports = await db("quarterly_reports").select("status");
    expect(reports.map((r) => r.status).sort()).toEqual(["accepted", "accepted", "accepted", "accepted", "accepted", "draft", "queried", "submitted", "submitted"]);

    // R-63 one visit agreed, one recorded; the CSE-focus pilot has evidence.
    expect((await db("health_check_visits").select("status").orderBy("id")).map((v) => v.status).sort()).toEqual(["agreed", "recorded"]);
    expect(Number((await db("cse_evidence").count({ n: "*" }))[0]!.n)).toBeGreaterThan(10);

    // R-64 as the dashboard reads it: exactly one late output and one overdue report, a mix of statuses.
    const manager = (await findUserById(db, Number((await db("users").where({ role: "programme_manager" }).first("id")).id)))!;
    const { dashboard } = await loadMonitoringDashboard(db, { actor: manager, now: NOW });
    expect(dashboard.regions.every((r) => r.pilot)).toBe(true);
    expect(dashboard.overdue.outputs).toHaveLength(1);
    expect(dashboard.overdue.outputs[0]!.key).toBe("A");
    expect(dashboard.overdue.reports).toHaveLength(1);
    const statuses = new Set(dashboard.matrix.flatMap((row) => row.cells.map((cell) => cell.status)));
    expect(statuses).toEqual(new Set(["not-started", "on-track", "at-risk", "late", "complete"]));
    expect(dashboard.money.approvedPence).toBeGreaterThan(0);
    expect(dashboard.money.pendingPence).toBeGreaterThan(0);
    expect(dashboard.regions.filter((r) => r.pilot!.queriedReports > 0)).toHaveLength(1);

    // Officers to sign in as: one per pilot, each saying what their pilot shows.
    expect(result.officers).toHaveLength(9);
    expect(result.officers.flatMap((o) => o.shows)).toEqual(expect.arrayContaining(["output A late", "first report overdue", "first report queried", "a claim rejected", "health check agreed"]));
  });

  it("seeding stage 4 twice adds nothing the second time", async () => {
    const db = await createTestDb();
    await seedStage4(db, NOW);
    const count = async (table: string) => Number((await db(table).count({ n: "*" }))[0]!.n);
    const tables = ["grant_awards", "output_updates", "output_records", "quarterly_reports", "report_reviews", "grant_claims", "health_check_visits", "cse_evidence", "audit_log"];
    const before = await Promise.all(tables.map(count));
    const again = await seedStage4(db, new Date(NOW.getTime() + 60_000));
    expect(again.created).toBe(false);
    expect(await Promise.all(tables.map(count))).toEqual(before);
  });

  it("on a database seeded at stage 3 (pilots still to begin) stage 4 refuses and says to start from an empty database", async () => {
    const db = await createTestDb();
    await seedStage3(db, NOW);
    await expect(seedStage4(db, NOW)).rejects.toThrow(/empty database/);
  });
});
