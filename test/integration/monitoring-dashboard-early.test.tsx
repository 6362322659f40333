import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ClaimsOverTimeChart, OutputStatusChart, SpendByRegionChart } from "~/components/charts/dashboard-charts";
import { findUserById } from "~/data/users.server";
import { loadMonitoringDashboard } from "~/services/monitoring-dashboard.server";
import { seedStage3 } from "../../db/seeds/stage3";
import { createTestDb } from "../setup/db";

const NOW = new Date("2026-11-23T15:30:00Z");

describe("R-64 the dashboard before every pilot has started", () => {
  it("R-52 R-64 at stage 3: two pilots, seven regions saying they have none, and the offer still waiting counted as awarded, not as a pilot", async () => {
    const db = await createTestDb();
    await seedStage3(db, NOW);
    const manager = (await findUserById(db, Number((await db("users").where({ role: "programme_manager" }).first("id")).id)))!;
    const { dashboard, today } = await loadMonitoringDashboard(db, { actor: manager, now: NOW });
    expect(dashboard.regions.filter((r) => r.pilot)).toHaveLength(2);
    const awards = await db("grant_awards").select("status", "amount_pence");
    const offered = awards.filter((a) => a.status === "offered").reduce((sum, a) => sum + Number(a.amount_pence), 0);
    expect(offered).toBeGreaterThan(0);
    expect(dashboard.money.offeredPence).toBe(offered);
    expect(dashboard.money.awardedPence).toBe(awards.reduce((sum, a) => sum + Number(a.amount_pence), 0));
    expect(dashboard.money.unallocatedPence).toBe(90_000_000 - dashboard.money.awardedPence);
    // The pilots have not begun (stage 3's demo starts them in ten weeks): nothing is late or overdue yet.
    expect(dashboard.overdue).toEqual({ reports: [], outputs: [] });
    const html = renderToStaticMarkup(
      <>
        <SpendByRegionChart dashboard={dashboard} maxAwardPence={10_000_000} />
        <OutputStatusChart dashboard={dashboard} />
        <ClaimsOverTimeChart dashboard={dashboard} today={today} />
      </>,
    );
    expect(html.match(/>No pilot</g)).toHaveLength(7 * 2); // in the bars' notes and in the table
    expect(html).toContain("No quarter of the programme has begun yet.");
  });
});
