import { date, managerOnly, noAction, ok, pilotOnly, type ExpectedFile } from "../support/cells";
import { MARKER, type World } from "../support/world";

// R-20 Stage 4, quarterly reports and grant claims. Tried on the pilot world at
// PILOT_CLOCK_NOW (16 November 2009, in Q3 2009/10): setupPilot gives the owner's pilot a draft
// report for Q3 (version 1, its words carry the owner's MARKER) and a claim waiting for a decision.
// The owner may save the Q3 draft, but not submit it before the quarter ends (400); the programme
// manager reads the draft by id, and cannot decide on a report not submitted (400).

/** The ids setupPilot made (read by the rows when the matrix runs, after setupPilot). */
const params: Record<string, string> = {};

const claimForm = () => ({ amount: "£1,000", ...date("periodStart", 1, 10, 2009), ...date("periodEnd", 31, 10, 2009), evidence: "Invoice 2009/117 for the first workshop's venue." });

// prettier-ignore
export const rows: ExpectedFile["rows"] = {
  "routes/applicant.pilot.reports._index":            { eoi: "pilot", GET: pilotOnly(ok), POST: noAction },
  "routes/applicant.pilot.reports.$quarter._index":   { eoi: "pilot", GET: pilotOnly(ok), POST: pilotOnly("redirect:/applicant/pilot/reports/2009-10-q3"),
    form: () => ({ version: "1", intent: "save", progressA: "Drafted the first chapter of the report on using the Toolkit.", spend: "£4,500" }) },
  "routes/applicant.pilot.reports.$quarter.check":    { eoi: "pilot", GET: pilotOnly(ok), POST: pilotOnly("400"), form: () => ({ version: "1" }) },
  "routes/applicant.pilot.claims._index":             { eoi: "pilot", GET: pilotOnly(ok), POST: noAction },
  "routes/applicant.pilot.claims.new":                { eoi: "pilot", GET: pilotOnly(ok), POST: pilotOnly("redirect:/applicant/pilot/claims"), form: claimForm },
  "routes/manage.monitoring.reports._index":          { eoi: "pilot", GET: managerOnly(ok), POST: noAction },
  "routes/manage.monitoring.reports.$reportId":       { eoi: "pilot", GET: managerOnly(ok), POST: managerOnly("400"), form: () => ({ version: "1", decision: "accept", comments: "" }) },
  "routes/manage.monitoring.claims._index":           { eoi: "pilot", GET: managerOnly(ok), POST: noAction },
  "routes/manage.monitoring.claims.$claimId":         { eoi: "pilot", GET: managerOnly(ok), get POST() { return managerOnly(`redirect:/manage/monitoring/claims/${params.claimId}`); }, form: () => ({ decision: "approve", reason: "" }) },
};

export async function setupPilot(world: World): Promise<Record<string, string>> {
  const { getDb } = await import("~/data/db.server");
  const { emptyAnswers } = await import("~/domain/monitoring/reports");
  const { saveReport } = await import("~/services/pilot-reports.server");
  const { makeClaim } = await import("~/services/pilot-claims.server");
  const at = new Date("2009-11-10T10:00:00Z");
  const saved = await saveReport(getDb(), { user: world.users.owner, slug: "2009-10-q3", answers: { ...emptyAnswers(), risks: `${MARKER} the venue may fall through.` }, version: 0, now: at });
  if (!saved.ok) throw new Error(`setupPilot (reports): ${JSON.stringify(saved.errors)}`);
  const claim = await makeClaim(getDb(), { user: world.users.owner, form: { amount: "£2,000", startDay: "1", startMonth: "9", startYear: "2009", endDay: "30", endMonth: "9", endYear: "2009", evidence: `${MARKER} timesheets for September.` }, now: at });
  if (!claim.ok) throw new Error(`setupPilot (claims): ${JSON.stringify(claim.errors)}`);
  Object.assign(params, { quarter: "2009-10-q3", reportId: String(saved.report.id), claimId: String(claim.claimId) });
  return { ...params };
}
