import { describe, expect, it } from "vitest";
import { OUTPUT_KEYS } from "~/domain/programme";
import { buildDashboard, claimsByQuarter, summarisePilot, type DashboardPilotInput } from "./dashboard";

// The 2009 programme: Q3 and Q4 2009/10; Q3's report due 15 January 2010, Q4's 15 April 2010.
const Q3 = { quarter: "Q3 2009/10", title: "Progress report for Q3 2009/10", start: "2009-10-01", end: "2009-12-31", due: "2010-01-15", remindOn: "2010-01-08" };
const Q4 = { quarter: "Q4 2009/10", title: "Final report for Q4 2009/10", start: "2010-01-01", end: "2010-03-31", due: "2010-04-15", remindOn: "2010-04-08" };
const QUARTERS = ["Q3 2009/10", "Q4 2009/10"];

function pilot(overrides: Partial<DashboardPilotInput> & Pick<DashboardPilotInput, "region">): DashboardPilotInput {
  return {
    awardId: 1,
    authorityName: `${overrides.region} Council`,
    awardPence: 100_000_00,
    outputs: OUTPUT_KEYS.map((key) => ({ key, due: "2010-03-01", latest: "on-track" as const })),
    reports: [
      { ...Q3, status: null },
      { ...Q4, status: null },
    ],
    claims: [],
    healthCheck: "none",
    ...overrides,
  };
}

describe("R-64 the programme dashboard", () => {
  it("R-2 R-64 shows all nine regions in the programme's order, saying which have no pilot", () => {
    const dashboard = buildDashboard({ today: "2009-11-16", fundPence: 900_000_00, quarters: QUARTERS, pilots: [pilot({ region: "London", awardId: 7 }), pilot({ region: "North East", awardId: 3 })] });
    expect(dashboard.regions.map((r) => r.region)).toEqual(["North East", "North West", "Yorkshire and the Humber", "East Midlands", "West Midlands", "East of England", "London", "South East", "South West"]);
    expect(dashboard.regions.filter((r) => r.pilot).map((r) => r.pilot!.awardId)).toEqual([3, 7]);
    expect(dashboard.regions.find((r) => r.region === "South West")!.pilot).toBeNull();
  });

  it("R-64 R-62 awards and spend against the £900,000 fund: awarded, approved, waiting, unallocated; rejected claims never count", () => {
    const dashboard = buildDashboard({
      today: "2009-11-16",
      fundPence: 900_000_00,
      quarters: QUARTERS,
      pilots: [
        pilot({ region: "North East", awardId: 1, awardPence: 95_000_00, claims: [{ amountPence: 20_000_00, status: "approved", periodEnd: "2009-09-30" }, { amountPence: 5_000_00, status: "submitted", periodEnd: "2009-10-31" }, { amountPence: 9_000_00, status: "rejected", periodEnd: "2009-10-31" }] }),
        pilot({ region: "London", awardId: 2, awardPence: 100_000_00, claims: [{ amountPence: 30_000_00, status: "approved", periodEnd: "2009-10-31" }] }),
      ],
    });
    expect(dashboard.money).toEqual({ fundPence: 900_000_00, awardedPence: 195_000_00, offeredPence: 0, approvedPence: 50_000_00, pendingPence: 5_000_00, rejectedPence: 9_000_00, unallocatedPence: 705_000_00, unclaimedPence: 140_000_00 });
    const northEast = dashboard.regions[0]!.pilot!;
    expect([northEast.approvedPence, northEast.pendingPence]).toEqual([20_000_00, 5_000_00]);
  });

  it("R-64 the 6 × 9 output matrix: six outputs by nine regions, with the shown status (late once the due date has passed and the output is not complete)", () => {
    const dashboard = buildDashboard({
      today: "2009-11-16",
      fundPence: 900_000_00,
      quarters: QUARTERS,
      pilots: [
        pilot({
          region: "North West",
          awardId: 4,
          outputs: [
            { key: "A", due: "2009-11-15", latest: "on-track" }, // due yesterday: late
            { key: "B", due: "2009-11-16", latest: "on-track" }, // due today: still on track
            { key: "C", due: "2009-11-01", latest: "complete" },
            { key: "D", due: null, latest: "at-risk" },
            { key: "E", due: "2010-03-01", latest: null },
            // F has no row at all: not started
          ],
        }),
      ],
    });
    expect(dashboard.matrix).toHaveLength(6);
    for (const row of dashboard.matrix) expect(row.cells).toHaveLength(9);
    const northWest = (key: string) => dashboard.matrix.find((r) => r.key === key)!.cells.find((c) => c.region === "North West")!.status;
    expect(OUTPUT_KEYS.map(northWest)).toEqual(["late", "on-track", "complete", "at-risk", "not-started", "not-started"]);
    expect(dashboard.matrix[0]!.cells.find((c) => c.region === "London")).toEqual({ region: "London", awardId: null, status: null, due: null });
    expect(dashboard.statusCounts.find((s) => s.key === "A")!.counts).toEqual({ "not-started": 0, "on-track": 0, "at-risk": 0, late: 1, complete: 0 });
    expect(dashboard.overdue.outputs).toEqual([{ awardId: 4, region: "North West", authorityName: "North West Council", key: "A", title: "Report on using the Toolkit", due: "2009-11-15" }]);
  });

  it("R-61 R-64 overdue reports: due date passed and never submitted; submitted, queried and accepted ones are not overdue", () => {
    const today = "2010-01-18"; // Q3's report was due on Friday 15 January 2010
    const dashboard = buildDashboard({
      today,
      fundPence: 900_000_00,
      quarters: QUARTERS,
      pilots: [
        pilot({ region: "North East", awardId: 1, reports: [{ ...Q3, status: "draft" }, { ...Q4, status: null }] }),
        pilot({ region: "East Midlands", awardId: 2, reports: [{ ...Q3, status: "submitted" }, { ...Q4, status: null }] }),
        pilot({ region: "West Midlands", awardId: 3, reports: [{ ...Q3, status: "queried" }, { ...Q4, status: null }] }),
        pilot({ region: "South East", awardId: 5, reports: [{ ...Q3, status: "accepted" }, { ...Q4, status: null }] }),
      ],
    });
    expect(dashboard.overdue.reports.map((r) => [r.region, r.quarter])).toEqual([["North East", "Q3 2009/10"]]);
    const cards = Object.fromEntries(dashboard.regions.filter((r) => r.pilot).map((r) => [r.region, r.pilot!]));
    expect(cards["North East"]!.nextReport!.state.key).toBe("overdue");
    expect(cards["East Midlands"]!.nextReport!.quarter).toBe("Q4 2009/10"); // Q3 is with the programme team
    expect(cards["West Midlands"]!.nextReport!.state.key).toBe("queried"); // the pilot owes an answer
    expect(cards["South East"]!.nextReport!.quarter).toBe("Q4 2009/10");
    expect(cards["North East"]!.needsAttention).toBe(true);
    expect(cards["West Midlands"]!.needsAttention).toBe(true);
    expect(cards["South East"]!.needsAttention).toBe(false);
  });

  it("R-64 a region card sums its pilot up in words, most urgent first", () => {
    const summary = summarisePilot(
      pilot({
        region: "London",
        outputs: [
          { key: "A", due: "2009-11-01", latest: "on-track" },
          { key: "B", due: "2010-03-01", latest: "complete" },
          { key: "C", due: "2010-03-01", latest: "complete" },
          { key: "D", due: "2010-03-01", latest: "at-risk" },
        ],
        reports: [{ ...Q3, status: null }],
      }),
      "2010-01-20",
    );
    expect(summary.summary).toBe("Outputs: 1 late, 1 at risk, 2 not started, 2 complete; 1 report overdue");
    expect(summary.lateOutputs).toBe(1);
    expect(summary.overdueReports).toBe(1);
  });

  it("R-62 R-64 claims over time: by the quarter of the period's end, running totals, up to the current quarter; rejected claims left out", () => {
    const quarters = claimsByQuarter(
      ["Q2 2009/10", "Q3 2009/10", "Q4 2009/10"],
      [
        { amountPence: 10_000_00, status: "approved", periodEnd: "2009-09-30" },
        { amountPence: 15_000_00, status: "approved", periodEnd: "2009-10-31" },
        { amountPence: 4_000_00, status: "submitted", periodEnd: "2009-11-15" },
        { amountPence: 99_000_00, status: "rejected", periodEnd: "2009-11-15" },
      ],
      "2009-11-16",
    );
    expect(quarters).toEqual([
      { quarter: "Q2 2009/10", approvedPence: 10_000_00, pendingPence: 0, cumulativeApprovedPence: 10_000_00, cumulativePendingPence: 0 },
      { quarter: "Q3 2009/10", approvedPence: 15_000_00, pendingPence: 4_000_00, cumulativeApprovedPence: 25_000_00, cumulativePendingPence: 4_000_00 },
    ]);
  });

  it("R-52 R-64 an offer not yet accepted is awarded (the fund is committed) but is not a pilot", () => {
    const dashboard = buildDashboard({ today: "2009-09-01", fundPence: 900_000_00, quarters: QUARTERS, pilots: [pilot({ region: "London", awardPence: 90_000_00 })], offeredPence: 80_000_00 });
    expect(dashboard.money).toMatchObject({ awardedPence: 170_000_00, offeredPence: 80_000_00, unallocatedPence: 730_000_00, unclaimedPence: 90_000_00 });
  });

  it("R-64 with no pilots yet, every region says so and the whole fund is unallocated", () => {
    const dashboard = buildDashboard({ today: "2009-08-01", fundPence: 900_000_00, quarters: QUARTERS, pilots: [] });
    expect(dashboard.regions.every((r) => r.pilot === null)).toBe(true);
    expect(dashboard.money.unallocatedPence).toBe(900_000_00);
    expect(dashboard.statusCounts.every((s) => s.pilots === 0)).toBe(true);
    expect(dashboard.claimsByQuarter).toEqual([]);
  });
});
