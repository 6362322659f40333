import { expect, it } from "vitest";
import { findEoi, StaleEoiError, updateEoiStatus, writeSection } from "~/data/eois.server";
import { insertRound } from "~/data/rounds.server";
import { findUserById } from "~/data/users.server";
import { endOfDayLondon } from "~/domain/calendar";
import { startEoi } from "~/services/eoi.server";
import { createTestDb } from "../setup/db";
import { makeAuthority, makeUser } from "../factories/users";

// a submitted EOI is read-only. A save reads the EOI, then writes it back if its version
// is unchanged; submitting changes the status but not the version. With several app instances on
// PostgreSQL, a save that read the draft could otherwise write its answers after the EOI
// was submitted — changing it after its PDF and email. The write also requires a draft, so such a
// save is refused as stale (and, tried again from a fresh read, finds the EOI read-only).

it("R-35 a save that read the EOI as a draft cannot write it once it has been submitted", async () => {
  const db = await createTestDb();
  const open = new Date("2009-07-10T09:00:00Z");
  await insertRound(
    db,
    { name: "2009/10", totalFundPence: 90_000_000, pilotCount: 9, maxAwardPence: 10_000_000, eoiOpensAt: "2009-06-15T00:00:00.000Z", eoiClosesAt: endOfDayLondon("2009-07-17").toISOString(), requestsBy: "2009-08-03", detailedDueAt: endOfDayLondon("2009-08-21").toISOString(), startBy: "2009-09-30", endsOn: "2010-03-31" },
    open,
  );
  const authority = await makeAuthority(db, { name: "Newcastle upon Tyne City Council", region: "North East" });
  const helen = (await findUserById(db, (await makeUser(db, { authorityId: authority.id })).id))!;
  const started = await startEoi(db, { user: helen, now: open });
  const readAsDraft = (await findEoi(db, started.id))!;
  await updateEoiStatus(db, started.id, { status: "submitted", reference: "PT-TEST-0001", submitted_at: open.toISOString(), submitted_by: helen.id }, open);

  await expect(
    writeSection(db, readAsDraft, { sectionId: "leadership", answers: { leadershipNarrative: "written after the submission" }, sectionVersion: 1, now: open }),
  ).rejects.toBeInstanceOf(StaleEoiError);
  const after = (await findEoi(db, started.id))!;
  expect(after.status).toBe("submitted");
  expect(after.answers.leadership).toBeUndefined();
  await db.destroy();
});
