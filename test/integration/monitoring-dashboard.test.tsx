import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Knex } from "knex";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// R-64 The programme dashboard through its route's loader, on a real database seeded at stage 4
// (nine pilots mid-programme), as the programme manager and as people who may not see it.
// The routes read the database, clock and secret from the environment on first use, so it is set
// before any app module is loaded (imports below are dynamic).
const WORK = mkdtempSync(join(tmpdir(), "toolkit-dashboard-"));
mkdirSync(join(WORK, "mail"), { recursive: true });
process.env.DATABASE_FILE = join(WORK, "service.sqlite");
delete process.env.DATABASE_URL;
process.env.CLOCK_NOW = "2026-11-23T15:30:00.000Z";
process.env.SESSION_SECRET = `dashboard-tests-${"d".repeat(32)}`;
process.env.MAIL_DIR = join(WORK, "mail");
process.env.UPLOAD_DIR = join(WORK, "uploads");
process.env.OUTBOX_WORKER = "off";
delete process.env.SMTP_URL;

type Loaded = Awaited<ReturnType<(typeof import("~/routes/manage.monitoring._index"))["loader"]>>;
let db: Knex;
const cookies: Record<"manager" | "officer" | "assessor", string> = { manager: "", officer: "", assessor: "" };
let londonAwardId = 0;

async function call<T>(module: string, path: string, who: keyof typeof cookies | null, params: Record<string, string> = {}): Promise<{ status: number; data?: T; location?: string }> {
  const route = (await import(/* @vite-ignore */ `../../app/routes/${module}`)) as { loader: (args: object) => Promise<T> };
  try {
    const data = await route.loader({ request: new Request(`http://localhost${path}`, { headers: who ? { Cookie: cookies[who] } : {} }), params, context: {} });
    if (data instanceof Response) return { status: data.status, location: data.headers.get("Location") ?? undefined };
    return { status: 200, data };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, location: thrown.headers.get("Location") ?? undefined };
    throw thrown;
  }
}

beforeAll(async () => {
  const { getDb } = await import("~/data/db.server");
  const { serviceCookies } = await import("~/auth/cookies.server");
  const { insertSession } = await import("~/data/sessions.server");
  const { seedDemoWorld } = await import("../../db/seeds/demo");
  const { seedStage4 } = await import("../../db/seeds/stage4");
  db = getDb();
  await db.migrate.latest();
  const now = new Date(process.env.CLOCK_NOW!);
  await seedDemoWorld(db, now);
  const result = await seedStage4(db, now);
  const idOf = async (email: string) => Number((await db("users").where({ email }).first("id")).id);
  const cookieFor = async (userId: number) => (await serviceCookies().session.serialize(await insertSession(db, userId, now, 12))).split(";")[0]!;
  cookies.manager = await cookieFor(await idOf("programme.manager@communities.example.gov.uk"));
  cookies.assessor = await cookieFor(await idOf("assessor.one@communities.example.gov.uk"));
  const london = result.officers.find((o) => o.region === "London")!;
  cookies.officer = await cookieFor(await idOf(london.email));
  londonAwardId = Number((await db("grant_awards").where({ region: "London" }).first("id")).id);
}, 60_000);

afterAll(async () => {
  await db?.destroy();
  rmSync(WORK, { recursive: true, force: true });
});

describe("R-64 the programme dashboard at /manage/monitoring", () => {
  it("R-64 the loader gives the nine regions, the money against the £900,000 fund, the 6 × 9 matrix and the overdue items, from the database", async () => {
    const { status, data } = await call<Loaded>("manage.monitoring._index.tsx", "/manage/monitoring", "manager");
    expect(status).toBe(200);
    const { dashboard, round } = data!;
    expect(round!.name).toContain("2009/10");
    expect(dashboard.regions.map((r) => r.region)).toHaveLength(9);
    expect(dashboard.regions.every((r) => r.pilot)).toBe(true);
    const awarded = Number((await db("grant_awards").sum({ total: "amount_pence" }))[0]!.total);
    const approved = Number((await db("grant_claims").where({ status: "approved" }).sum({ total: "amount_pence" }))[0]!.total);
    const pending = Number((await db("grant_claims").where({ status: "submitted" }).sum({ total: "amount_pence" }))[0]!.total);
    expect(dashboard.money).toMatchObject({ fundPence: 90_000_000, awardedPence: awarded, approvedPence: approved, pendingPence: pending, unallocatedPence: 90_000_000 - awarded });
    expect(dashboard.matrix).toHaveLength(6);
    expect(dashboard.matrix.every((row) => row.cells.length === 9 && row.cells.every((cell) => cell.status))).toBe(true);
    expect(dashboard.overdue.reports.map((r) => r.region)).toEqual(["West Midlands"]);
    expect(dashboard.overdue.outputs.map((o) => [o.region, o.key])).toEqual([["London", "A"]]);
    // Claims over time end with every approved claim.
    expect(dashboard.claimsByQuarter.at(-1)!.cumulativeApprovedPence).toBe(approved);
  });

  it("R-64 each chart of the page is an SVG with its text alternative, and the table of the same numbers beside it", async () => {
    const { data } = await call<Loaded>("manage.monitoring._index.tsx", "/manage/monitoring", "manager");
    const { ClaimsOverTimeChart, OutputStatusChart, SpendByRegionChart } = await import("~/components/charts/dashboard-charts");
    const { formatMoney } = await import("~/domain/money");
    const { dashboard, today } = data!;
    const html = renderToStaticMarkup(
      <>
        <SpendByRegionChart dashboard={dashboard} maxAwardPence={10_000_000} />
        <OutputStatusChart dashboard={dashboard} />
        <ClaimsOverTimeChart dashboard={dashboard} today={today} />
      </>,
    );
    for (const id of ["spend-chart", "status-chart", "claims-chart"]) {
      expect(html).toContain(`<svg role="img" aria-labelledby="${id}-title ${id}-desc"`);
      expect(html).toMatch(new RegExp(`<desc id="${id}-desc">[^<]{40,}</desc>`));
    }
    expect((html.match(/<table class="govuk-table[ "]/g) ?? []).length).toBe(3);
    const london = dashboard.regions.find((r) => r.region === "London")!.pilot!;
    // The same numbers in the picture's words and in its table.
    expect(html).toContain(`London, ${formatMoney(london.approvedPence)} approved and ${formatMoney(london.pendingPence)} waiting of ${formatMoney(london.awardPence)}`);
    expect(html).toContain(`<td class="govuk-table__cell govuk-table__cell--numeric">${formatMoney(london.awardPence)}</td>`);
    expect(html).toContain("output A, 1 late, 8 complete");
  });

  it("R-20 only the programme manager sees the dashboard, the pilot overviews and the exports", async () => {
    for (const [module, path, params] of [
      ["manage.monitoring._index.tsx", "/manage/monitoring", {}],
      ["manage.monitoring.pilots.$awardId._index.tsx", `/manage/monitoring/pilots/${londonAwardId}`, { awardId: String(londonAwardId) }],
      ["manage.monitoring.exports.$exportFile.ts", "/manage/monitoring/exports/claims.csv", { exportFile: "claims.csv" }],
    ] as const) {
      expect((await call(module, path, "officer", params)).status, `${path} as the pilot's own officer`).toBe(403);
      expect((await call(module, path, "assessor", params)).status, `${path} as an assessor`).toBe(403);
      expect((await call(module, path, null, params)).location, `${path} signed out`).toMatch(/^\/sign-in/);
      expect((await call(module, path, "manager", params)).status, `${path} as the manager`).toBe(200);
    }
  });

  it("R-60 – R-63 one pilot's overview: its outputs, reports, claims, health check and CSE coverage, with the way in to each", async () => {
    const { status, data } = await call<{ summary: { outputs: Array<{ key: string; status: string }>; reports: Array<{ state: { key: string } }> }; claims: { approvedPence: number; awardPence: number }; cse: { covered: number; total: number } | null }>(
      "manage.monitoring.pilots.$awardId._index.tsx",
      `/manage/monitoring/pilots/${londonAwardId}`,
      "manager",
      { awardId: String(londonAwardId) },
    );
    expect(status).toBe(200);
    expect(data!.summary.outputs.find((o) => o.key === "A")!.status).toBe("late");
    expect(data!.summary.reports[0]!.state.key).toBe("accepted");
    expect(data!.claims.approvedPence).toBeLessThanOrEqual(data!.claims.awardPence);
    expect(data!.cse).toEqual({ covered: 16, total: 57 });
    expect((await call("manage.monitoring.pilots.$awardId._index.tsx", "/manage/monitoring/pilots/999999", "manager", { awardId: "999999" })).status).toBe(404);
  });
});
