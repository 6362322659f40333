import { managerOnly, noAction, ok, pilotOnly, type ExpectedFile } from "../support/cells";
import type { World } from "../support/world";

// R-20 Stage 4, the customer service health check visit and the CSE evidence.
// Tried on the pilot world: setupPilot makes the owning authority's pilot the CSE-focus pilot
// (its bid chose the Customer Service Excellence focus area, R-6), records its visit (date,
// team, findings: version 2, not yet agreed) and one piece of CSE evidence for element 1.1.1.
// Officers only read the visit; the agreed PDF is theirs only once agreed (404 before, as here).

const VISIT = "/manage/monitoring/pilots/:awardId/health-check";

// prettier-ignore
export const rows: ExpectedFile["rows"] = {
  "routes/manage.monitoring.pilots.$awardId.health-check._index": { eoi: "pilot", GET: managerOnly(ok), POST: noAction },
  "routes/manage.monitoring.pilots.$awardId.health-check.visit":  { eoi: "pilot", GET: managerOnly(ok), POST: managerOnly(`redirect:${VISIT}`),
    form: () => ({ intent: "save", version: "2", "visitDate-day": "12", "visitDate-month": "11", "visitDate-year": "2009", "team-rows": "1", "team-0-name": "Sam Reviewer", "team-0-organisation": "Tyne Housing Trust", "team-0-sector": "third" }) },
  "routes/manage.monitoring.pilots.$awardId.health-check.findings": { eoi: "pilot", GET: managerOnly(ok), POST: managerOnly(`redirect:${VISIT}`),
    form: () => ({ version: "2", "finding-responsive-1": "A residents' panel meets monthly.", "rating-responsive-1": "strength", summary: "A strong start." }) },
  "routes/manage.monitoring.pilots.$awardId.health-check.agree":  { eoi: "pilot", GET: managerOnly(ok), POST: managerOnly(`redirect:${VISIT}`),
    form: () => ({ version: "2", agreedWith: "Olive Owner" }) },
  "routes/manage.monitoring.pilots.$awardId.health-check[.]pdf":  { eoi: "pilot", GET: managerOnly(ok), POST: noAction },
  "routes/applicant.pilot.health-check":                          { eoi: "pilot", GET: pilotOnly(ok), POST: noAction },
  "routes/applicant.pilot.health-check[.]pdf":                    { eoi: "pilot", GET: pilotOnly("404"), POST: noAction },
  "routes/applicant.pilot.cse._index":                            { eoi: "pilot", GET: pilotOnly(ok), POST: noAction },
  "routes/applicant.pilot.cse.$elementId":                        { eoi: "pilot", GET: pilotOnly(ok), POST: pilotOnly("redirect:/applicant/pilot/cse/1.1.1"),
    form: () => ({ intent: "add", evidence: "Customer insight report 2009: profiles of our six main customer groups.", link: "https://www.example.gov.uk/insight" }) },
  "routes/manage.monitoring.pilots.$awardId.cse":                 { eoi: "pilot", GET: managerOnly(ok), POST: noAction },
};

export async function setupPilot(world: World): Promise<Record<string, string>> {
  const { getDb } = await import("~/data/db.server");
  const { recordVisitDetails, recordFindings } = await import("~/services/health-check.server");
  const { addCseEvidence } = await import("~/services/cse-evidence.server");
  const db = getDb();
  // The owner's bid chose the CSE focus area: its pilot maps evidence to the CSE elements.
  const eoi = await db("eois").where({ id: world.eoiId }).first();
  const answers = JSON.parse(eoi.answers_json);
  answers["focus-area"] = { ...answers["focus-area"], focusArea: "cse" };
  await db("eois").where({ id: world.eoiId }).update({ answers_json: JSON.stringify(answers) });
  const at = new Date("2009-11-12T16:00:00Z");
  const actor = world.users.manager;
  const awardId = world.awardId;
  const team = [{ name: "Pat Private", organisation: "Northern Rail", sector: "private" }, { name: "Paula Public", organisation: "Durham County Council", sector: "public" }];
  const visit = await recordVisitDetails(db, { actor, awardId, form: { day: "12", month: "11", year: "2009", team, version: "0" }, now: at });
  if (!visit.ok) throw new Error(`setupPilot (health check): ${JSON.stringify(visit.errors)}`);
  const findings = await recordFindings(db, { actor, awardId, form: { findings: { "responsive-5": { finding: "Complaints are logged but not analysed.", rating: "area-to-develop" } }, summary: "A good start.", version: "1" }, now: at });
  if (!findings.ok) throw new Error(`setupPilot (health check): ${JSON.stringify(findings.errors)}`);
  const evidence = await addCseEvidence(db, { user: world.users.owner, elementId: "1.1.1", form: { evidence: "Customer profile 2009", link: "" }, now: at });
  if (!evidence.ok) throw new Error(`setupPilot (CSE): ${JSON.stringify(evidence.errors)}`);
  return { elementId: "1.1.1" };
}
