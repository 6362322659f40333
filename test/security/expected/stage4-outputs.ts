import { join } from "node:path";
import { managerOnly, noAction, ok, pilotOnly, type ExpectedFile } from "../support/cells";
import { WORK_DIR } from "../support/env";
import { MARKER, now, type World } from "../support/world";

// R-20 Stage 4, outputs A–F and their evidence files. Tried on the pilot world: the owning
// authority runs a pilot (world.awardId); setupPilot gives it an update of output B with an
// evidence file (its words carry the owner's MARKER), so the file routes take a real id.

// prettier-ignore
export const rows: ExpectedFile["rows"] = {
  "routes/applicant.pilot.outputs._index":                 { eoi: "pilot", GET: pilotOnly(ok), POST: noAction },
  "routes/applicant.pilot.outputs.$outputKey":             { eoi: "pilot", GET: pilotOnly(ok), POST: pilotOnly("redirect:/applicant/pilot/outputs/B"),
    form: () => ({ intent: "update", status: "on-track", summary: "Booked the venue for the first regional workshop.", evidenceLink: "https://www.example.gov.uk/workshop" }) },
  "routes/applicant.pilot.files.$uploadId":                { eoi: "pilot", GET: pilotOnly(ok), POST: noAction },
  "routes/manage.monitoring.pilots.$awardId.outputs._index": { eoi: "pilot", GET: managerOnly(ok), POST: noAction },
  "routes/manage.monitoring.files.$uploadId":              { eoi: "pilot", GET: managerOnly(ok), POST: noAction },
};

export async function setupPilot(world: World): Promise<Record<string, string>> {
  process.env.UPLOAD_DIR ??= join(WORK_DIR, "uploads");
  const { getDb } = await import("~/data/db.server");
  const { addOutputUpdate } = await import("~/services/pilot-outputs.server");
  const file = { name: "workshop-notes.csv", bytes: new TextEncoder().encode(`note\n${MARKER} the workshop's notes\n`) };
  const result = await addOutputUpdate(getDb(), { user: world.users.owner, outputKey: "B", values: { status: "on-track", summary: `${MARKER} planned the workshops.`, evidenceLink: "" }, file, now: new Date("2009-11-10T10:00:00Z") });
  if (!result.ok) throw new Error(`setupPilot (outputs): ${JSON.stringify(result.errors)}`);
  const update = await getDb()("output_updates").where({ id: result.id }).first();
  void now;
  return { outputKey: "B", uploadId: String(update.upload_id) };
}
