// R-64 The programme dashboard and one pilot's overview, for the programme manager only.
// Reads every pilot's outputs, reports, claims and health check visit, then the pure aggregation
// in app/domain/monitoring/dashboard.ts does the sums with the pilots' own status rules.

import type { Knex } from "knex";
import { listAwards } from "~/data/awards.server";
import { latestUpdates, listClaims, listCseEvidenceElements, listHealthChecks, listOutputUpdates, listReports } from "~/data/monitoring.server";
import { currentRound, type Round } from "~/data/rounds.server";
import type { User } from "~/data/users.server";
import { applicationProgramme } from "~/domain/application/programme";
import { londonDate, type IsoDate } from "~/domain/calendar";
import { claimTotals, type ClaimStatus, type ClaimTotals } from "~/domain/monitoring/claims";
import { cseCoverage, type CseCoverage } from "~/domain/monitoring/cse-elements";
import { buildDashboard, summarisePilot, type Dashboard, type DashboardPilotInput, type PilotSummary } from "~/domain/monitoring/dashboard";
import { dueDateFromPlan, isOutputStatus } from "~/domain/monitoring/outputs";
import { isReportStatus } from "~/domain/monitoring/reports";
import { OUTPUTS } from "~/domain/programme";
import { PilotForbiddenError, pilotForManager, type Pilot } from "./pilots.server";
import { scheduleFor } from "./pilot-reports.server";

const isClaimStatus = (value: string): value is ClaimStatus => value === "submitted" || value === "approved" || value === "rejected";

/** Every pilot of the round (accepted awards) as the dashboard's plain input. */
async function pilotInputs(db: Knex, actor: User, awardIds: number[]): Promise<{ pilots: Pilot[]; inputs: DashboardPilotInput[] }> {
  const pilots: Pilot[] = [];
  for (const awardId of awardIds) pilots.push(await pilotForManager(db, actor, awardId));
  const [updates, reports, claims, visits] = await Promise.all([listOutputUpdates(db, awardIds), listReports(db, awardIds), listClaims(db, awardIds), listHealthChecks(db, awardIds)]);
  const latest = latestUpdates(updates);
  const inputs = pilots.map((pilot): DashboardPilotInput => {
    const id = pilot.award.id;
    const visit = visits.find((v) => v.awardId === id);
    return {
      awardId: id,
      region: pilot.award.region,
      authorityName: pilot.award.authorityName,
      awardPence: pilot.award.amountPence,
      outputs: OUTPUTS.map((output) => {
        const status = latest.get(`${id}:${output.key}`)?.status;
        return { key: output.key, due: dueDateFromPlan(pilot.letter.outputs.find((o) => o.key === output.key)?.when), latest: isOutputStatus(status) ? status : null };
      }),
      reports: scheduleFor(pilot).map((scheduled) => {
        const stored = reports.find((r) => r.awardId === id && r.quarter === scheduled.quarter);
        return { ...scheduled, status: stored && isReportStatus(stored.status) ? stored.status : null, reportId: stored?.id ?? null };
      }),
      claims: claims.filter((c) => c.awardId === id && isClaimStatus(c.status)).map((c) => ({ amountPence: c.amountPence, status: c.status as ClaimStatus, periodEnd: c.periodEnd })),
      healthCheck: !visit ? "none" : visit.status === "agreed" ? "agreed" : "recorded",
    };
  });
  return { pilots, inputs };
}

export interface MonitoringDashboard {
  round: Round | null;
  today: IsoDate;
  dashboard: Dashboard;
}

/** R-20 R-64 The programme dashboard, for the programme manager only. */
export async function loadMonitoringDashboard(db: Knex, input: { actor: User; now: Date }): Promise<MonitoringDashboard> {
  if (input.actor.role !== "programme_manager") throw new PilotForbiddenError("programme manager only");
  const today = londonDate(input.now);
  const round = await currentRound(db);
  if (!round) return { round: null, today, dashboard: buildDashboard({ today, fundPence: 0, quarters: [], pilots: [] }) };
  const awards = await listAwards(db, round.id);
  const { inputs } = await pilotInputs(db, input.actor, awards.filter((award) => award.status === "accepted").map((award) => award.id));
  // Awards made but not yet accepted are not pilots, but the fund is committed to them.
  const offeredPence = awards.filter((award) => award.status !== "accepted").reduce((sum, award) => sum + award.amountPence, 0);
  return { round, today, dashboard: buildDashboard({ today, fundPence: round.totalFundPence, quarters: applicationProgramme(round).quarters, pilots: inputs, offeredPence }) };
}

export interface PilotOverview {
  pilot: Pilot;
  today: IsoDate;
  summary: PilotSummary;
  claims: ClaimTotals & { count: number; rejectedPence: number };
  healthCheck: { visitDate: IsoDate; status: "recorded" | "agreed" } | null;
  /** R-63 For the CSE-focus pilot: how much of the standard its evidence covers. */
  cse: CseCoverage | null;
}

/** R-20 One pilot at a glance, for the programme manager: the way in to its detailed pages. */
export async function loadPilotOverview(db: Knex, input: { actor: User; awardId: number; now: Date }): Promise<PilotOverview> {
  const pilot = await pilotForManager(db, input.actor, input.awardId);
  const today = londonDate(input.now);
  const { inputs } = await pilotInputs(db, input.actor, [pilot.award.id]);
  const claims = (await listClaims(db, [pilot.award.id])).filter((c) => isClaimStatus(c.status));
  const visit = (await listHealthChecks(db, [pilot.award.id]))[0] ?? null;
  return {
    pilot,
    today,
    summary: summarisePilot(inputs[0]!, today),
    claims: {
      ...claimTotals(pilot.award.amountPence, claims.map((c) => ({ amountPence: c.amountPence, status: c.status as ClaimStatus }))),
      count: claims.length,
      rejectedPence: claims.filter((c) => c.status === "rejected").reduce((sum, c) => sum + c.amountPence, 0),
    },
    healthCheck: visit ? { visitDate: visit.visitDate, status: visit.status === "agreed" ? "agreed" : "recorded" } : null,
    cse: pilot.focusArea === "cse" ? cseCoverage(await listCseEvidenceElements(db, pilot.award.id)) : null,
  };
}
