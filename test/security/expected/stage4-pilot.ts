import { managerOnly, noAction, ok, pilotOnly, type ExpectedFile } from "../support/cells";

// R-20 Stage 4, the pilot's home and the programme manager's monitoring pages.
// Tried on the pilot world: the owning authority runs a pilot (its accepted award, world.awardId).

// prettier-ignore
export const rows: ExpectedFile["rows"] = {
  "routes/applicant.pilot._index":          { eoi: "pilot", GET: pilotOnly(ok), POST: noAction },
};

void managerOnly;
