import { managerOnly, noAction, ok, type ExpectedFile } from "../support/cells";

// R-20 Stage 4: the programme dashboard, one pilot's overview and the monitoring exports:
// the programme manager only. Tried on the pilot world (world.awardId is the owner's pilot).

// prettier-ignore
export const rows: ExpectedFile["rows"] = {
  "routes/manage.monitoring._index":                  { eoi: "pilot", GET: managerOnly(ok), POST: noAction },
  "routes/manage.monitoring.pilots.$awardId._index":  { eoi: "pilot", GET: managerOnly(ok), POST: noAction },
  "routes/manage.monitoring.exports._index":          { eoi: "pilot", GET: managerOnly(ok), POST: noAction },
  "routes/manage.monitoring.exports.$exportFile":     { eoi: "pilot", GET: managerOnly(ok), POST: noAction },
};

/** The export the matrix downloads: the reports workbook (every pilot's reports, the owner's among them). */
export async function setupPilot(): Promise<Record<string, string>> {
  return { exportFile: "reports.xlsx" };
}
