// R-64 The programme dashboard: the nine regions, awards and spend against the fund, the 6 × 9
// output matrix, overdue items, and the numbers behind its charts. Pure aggregation over plain
// data; the status rules are the ones the pilots' own pages use (outputs.ts: "late"; reports.ts:
// "overdue"; claims.ts: the totals), never second copies. The clock comes in as `today`.

import { quarterDates, quarterOf, type IsoDate, type QuarterLabel } from "~/domain/calendar";
import { OUTPUTS, REGIONS, type OutputKey } from "~/domain/programme";
import { claimTotals, type ClaimStatus } from "./claims";
import { OUTPUT_STATUS_KEYS, outputStatus, type OutputStatus } from "./outputs";
import { reportState, type ReportState, type ReportStatus, type ScheduledReport } from "./reports";

export interface DashboardOutputInput {
  key: OutputKey;
  /** R-60 The due date from the approved plan, or null when it cannot be read. */
  due: IsoDate | null;
  /** The latest update's status, or null when there is none. */
  latest: OutputStatus | null;
}

export type DashboardReportInput = Pick<ScheduledReport, "quarter" | "title" | "start" | "end" | "due" | "remindOn"> & {
  /** The stored report's status, or null when the pilot has not started it. */
  status: ReportStatus | null;
  /** The stored report's id, when there is one. */
  reportId?: number | null;
};

export interface DashboardClaimInput {
  amountPence: number;
  status: ClaimStatus;
  /** The last day of the period claimed for: the claim counts in that day's quarter. */
  periodEnd: IsoDate;
}

export interface DashboardPilotInput {
  awardId: number;
  region: string;
  authorityName: string;
  awardPence: number;
  outputs: DashboardOutputInput[];
  reports: DashboardReportInput[];
  claims: DashboardClaimInput[];
  /** R-63 The health check visit: none yet, recorded, or its report agreed. */
  healthCheck: "none" | "recorded" | "agreed";
}

export interface DashboardInput {
  today: IsoDate;
  /** R-1 The round's fund (£900,000). */
  fundPence: number;
  /** The programme's quarters, in order (the budget's and the reports' quarters). */
  quarters: QuarterLabel[];
  pilots: DashboardPilotInput[];
  /** R-52 Awards made whose offers are not accepted yet: not pilots, but the fund is committed to them. */
  offeredPence?: number;
}

export interface PilotOutput {
  key: OutputKey;
  title: string;
  due: IsoDate | null;
  status: OutputStatus;
}

export interface PilotReport {
  /** The stored report, once the pilot has started it. */
  reportId: number | null;
  quarter: QuarterLabel;
  title: string;
  due: IsoDate;
  state: ReportState;
}

export interface PilotSummary {
  awardId: number;
  region: string;
  authorityName: string;
  awardPence: number;
  approvedPence: number;
  pendingPence: number;
  outputs: PilotOutput[];
  reports: PilotReport[];
  /** The first report the pilot still owes (not submitted or accepted), or null when none is left. */
  nextReport: PilotReport | null;
  outputCounts: Record<OutputStatus, number>;
  lateOutputs: number;
  overdueReports: number;
  queriedReports: number;
  healthCheck: DashboardPilotInput["healthCheck"];
  /** Whether the region's card should draw the eye: a late output, an overdue or queried report. */
  needsAttention: boolean;
  /** The card's status in words: "2 complete, 3 on track, 1 late; 1 report overdue". */
  summary: string;
}

export interface OverdueReport {
  awardId: number;
  region: string;
  authorityName: string;
  quarter: QuarterLabel;
  title: string;
  due: IsoDate;
}

export interface LateOutput {
  awardId: number;
  region: string;
  authorityName: string;
  key: OutputKey;
  title: string;
  due: IsoDate | null;
}

export interface QuarterClaims {
  quarter: QuarterLabel;
  approvedPence: number;
  pendingPence: number;
  /** Approved claims for this quarter and every earlier one. */
  cumulativeApprovedPence: number;
  /** Claims waiting for a decision, this quarter and every earlier one. */
  cumulativePendingPence: number;
}

export interface Dashboard {
  /** R-2 The nine regions in the programme's order, each with its pilot or null. */
  regions: Array<{ region: string; pilot: PilotSummary | null }>;
  money: {
    fundPence: number;
    /** Every award of the round: the pilots' and any offer still waiting for acceptance. */
    awardedPence: number;
    /** Of which offers not yet accepted. */
    offeredPence: number;
    approvedPence: number;
    pendingPence: number;
    rejectedPence: number;
    /** The fund not awarded to any pilot. */
    unallocatedPence: number;
    /** The pilots' awards not yet claimed (approved or waiting). */
    unclaimedPence: number;
  };
  /** R-64 The 6 × 9 matrix: for each output, each region's status (null: no pilot there). */
  matrix: Array<{ key: OutputKey; title: string; cells: Array<{ region: string; awardId: number | null; status: OutputStatus | null; due: IsoDate | null }> }>;
  /** For the stacked bars: how many pilots have each output at each status. */
  statusCounts: Array<{ key: OutputKey; title: string; counts: Record<OutputStatus, number>; pilots: number }>;
  claimsByQuarter: QuarterClaims[];
  overdue: { reports: OverdueReport[]; outputs: LateOutput[] };
}

const zeroCounts = (): Record<OutputStatus, number> => Object.fromEntries(OUTPUT_STATUS_KEYS.map((key) => [key, 0])) as Record<OutputStatus, number>;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const quarterStart = (quarter: QuarterLabel) => quarterDates(quarter).start;

const STATUS_WORDS: Record<OutputStatus, string> = { complete: "complete", "on-track": "on track", "at-risk": "at risk", late: "late", "not-started": "not started" };
// The card lists the statuses most in need of attention first.
const SUMMARY_ORDER: readonly OutputStatus[] = ["late", "at-risk", "on-track", "not-started", "complete"];

/** R-60 R-61 R-62 One pilot as the dashboard and its overview page show it. */
export function summarisePilot(pilot: DashboardPilotInput, today: IsoDate): PilotSummary {
  const outputs: PilotOutput[] = OUTPUTS.map((definition) => {
    const input = pilot.outputs.find((o) => o.key === definition.key);
    const due = input?.due ?? null;
    return { key: definition.key, title: definition.title, due, status: outputStatus({ latest: input?.latest ?? null, dueDate: due, today }) };
  });
  const reports: PilotReport[] = [...pilot.reports]
    .sort((a, b) => a.due.localeCompare(b.due) || a.quarter.localeCompare(b.quarter))
    .map((report) => ({ reportId: report.reportId ?? null, quarter: report.quarter, title: report.title, due: report.due, state: reportState({ due: report.due, status: report.status, today, quarter: report.quarter, start: report.start, end: report.end, remindOn: report.remindOn }) }));
  const totals = claimTotals(pilot.awardPence, pilot.claims);
  const outputCounts = zeroCounts();
  for (const output of outputs) outputCounts[output.status] += 1;
  const overdueReports = reports.filter((r) => r.state.overdue).length;
  const queriedReports = reports.filter((r) => r.state.key === "queried").length;
  const nextReport = reports.find((r) => r.state.key !== "submitted" && r.state.key !== "accepted") ?? null;
  const outputsText = SUMMARY_ORDER.filter((status) => outputCounts[status] > 0)
    .map((status) => `${outputCounts[status]} ${STATUS_WORDS[status]}`)
    .join(", ");
  const reportText = [overdueReports ? `${plural(overdueReports, "report")} overdue` : "", queriedReports ? `${plural(queriedReports, "report")} queried` : ""].filter(Boolean).join(", ");
  return {
    awardId: pilot.awardId,
    region: pilot.region,
    authorityName: pilot.authorityName,
    awardPence: pilot.awardPence,
    approvedPence: totals.approvedPence,
    pendingPence: totals.pendingPence,
    outputs,
    reports,
    nextReport,
    outputCounts,
    lateOutputs: outputCounts.late,
    overdueReports,
    queriedReports,
    healthCheck: pilot.healthCheck,
    needsAttention: outputCounts.late > 0 || overdueReports > 0 || queriedReports > 0,
    summary: `Outputs: ${outputsText}${reportText ? `; ${reportText}` : ""}`,
  };
}

/**
 * R-62 R-64 Claims by the quarter of the period they cover (up to the quarter `today` is in), with
 * running totals: the programme's spend over time against its fund. Rejected claims are left out.
 */
export function claimsByQuarter(quarters: QuarterLabel[], claims: DashboardClaimInput[], today: IsoDate): QuarterClaims[] {
  const shown = new Set(quarters.filter((quarter) => quarterStart(quarter) <= today));
  for (const claim of claims) if (claim.status !== "rejected") shown.add(quarterOf(claim.periodEnd));
  let approvedSoFar = 0;
  let pendingSoFar = 0;
  return [...shown]
    .sort((a, b) => quarterStart(a).localeCompare(quarterStart(b)))
    .map((quarter) => {
      const inQuarter = claims.filter((claim) => quarterOf(claim.periodEnd) === quarter);
      const approvedPence = inQuarter.filter((c) => c.status === "approved").reduce((sum, c) => sum + c.amountPence, 0);
      const pendingPence = inQuarter.filter((c) => c.status === "submitted").reduce((sum, c) => sum + c.amountPence, 0);
      approvedSoFar += approvedPence;
      pendingSoFar += pendingPence;
      return { quarter, approvedPence, pendingPence, cumulativeApprovedPence: approvedSoFar, cumulativePendingPence: pendingSoFar };
    });
}

/** R-64 The whole dashboard. Pilots outside the nine regions are ignored (there are none: R-52). */
export function buildDashboard(input: DashboardInput): Dashboard {
  const summaries = input.pilots.map((pilot) => summarisePilot(pilot, input.today));
  const byRegion = new Map(summaries.map((summary) => [summary.region, summary]));
  const regions = REGIONS.map((region) => ({ region, pilot: byRegion.get(region) ?? null }));
  const inRegions = regions.flatMap((r) => (r.pilot ? [r.pilot] : []));
  const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
  const allClaims = input.pilots.filter((p) => byRegion.get(p.region)?.awardId === p.awardId).flatMap((p) => p.claims);
  const offeredPence = input.offeredPence ?? 0;
  const awardedPence = sum(inRegions.map((p) => p.awardPence)) + offeredPence;
  const approvedPence = sum(inRegions.map((p) => p.approvedPence));
  const pendingPence = sum(inRegions.map((p) => p.pendingPence));
  return {
    regions,
    money: {
      fundPence: input.fundPence,
      awardedPence,
      offeredPence,
      approvedPence,
      pendingPence,
      rejectedPence: sum(allClaims.filter((c) => c.status === "rejected").map((c) => c.amountPence)),
      unallocatedPence: Math.max(0, input.fundPence - awardedPence),
      unclaimedPence: Math.max(0, awardedPence - offeredPence - approvedPence - pendingPence),
    },
    matrix: OUTPUTS.map((output) => ({
      key: output.key,
      title: output.title,
      cells: regions.map(({ region, pilot }) => {
        const cell = pilot?.outputs.find((o) => o.key === output.key);
        return { region, awardId: pilot?.awardId ?? null, status: cell?.status ?? null, due: cell?.due ?? null };
      }),
    })),
    statusCounts: OUTPUTS.map((output) => {
      const counts = zeroCounts();
      for (const pilot of inRegions) counts[pilot.outputs.find((o) => o.key === output.key)!.status] += 1;
      return { key: output.key, title: output.title, counts, pilots: inRegions.length };
    }),
    claimsByQuarter: claimsByQuarter(input.quarters, allClaims, input.today),
    overdue: {
      reports: inRegions
        .flatMap((pilot) => pilot.reports.filter((r) => r.state.overdue).map((r) => ({ awardId: pilot.awardId, region: pilot.region, authorityName: pilot.authorityName, quarter: r.quarter, title: r.title, due: r.due })))
        .sort((a, b) => a.due.localeCompare(b.due) || REGIONS.indexOf(a.region as never) - REGIONS.indexOf(b.region as never)),
      outputs: inRegions
        .flatMap((pilot) => pilot.outputs.filter((o) => o.status === "late").map((o) => ({ awardId: pilot.awardId, region: pilot.region, authorityName: pilot.authorityName, key: o.key, title: o.title, due: o.due })))
        .sort((a, b) => (a.due ?? "").localeCompare(b.due ?? "") || REGIONS.indexOf(a.region as never) - REGIONS.indexOf(b.region as never) || a.key.localeCompare(b.key)),
    },
  };
}
