import { describe, expect, it } from "vitest";
import { createTestDb } from "../setup/db";
import { makeStaff } from "../factories/eois";
import { makePilot, makePilots } from "../factories/pilots";
import { PilotForbiddenError, PilotNotFoundError, pilotForManager, pilotForOfficer } from "~/services/pilots.server";

describe("R-20 R-53 who reaches a pilot", () => {
  it("an officer reaches their own authority's pilot, with its plan and focus area; another authority's officer reaches none", async () => {
    const db = await createTestDb();
    const [northEast, london] = await makePilots(db, { pilots: [{ region: "North East" }, { region: "London", type: "london borough", focusArea: "cse" }] });
    const pilot = await pilotForOfficer(db, london!.officers[0]!);
    expect(pilot.award.id).toBe(london!.awardId);
    expect(pilot.focusArea).toBe("cse");
    expect(pilot.letter.outputs.map((output) => output.key)).toEqual(["A", "B", "C", "D", "E", "F"]);
    expect((await pilotForOfficer(db, northEast!.officers[0]!)).award.id).toBe(northEast!.awardId);
  });

  it("an award not yet accepted is not a pilot; only the programme manager reaches a pilot by its id", async () => {
    const db = await createTestDb();
    const pilot = await makePilot(db);
    await expect(pilotForManager(db, pilot.officers[0]!, pilot.awardId)).rejects.toBeInstanceOf(PilotForbiddenError);
    await expect(pilotForManager(db, await makeStaff(db, "assessor"), pilot.awardId)).rejects.toBeInstanceOf(PilotForbiddenError);
    expect((await pilotForManager(db, pilot.manager, pilot.awardId)).award.status).toBe("accepted");
    await db("grant_awards").where({ id: pilot.awardId }).update({ status: "offered" });
    await expect(pilotForManager(db, pilot.manager, pilot.awardId)).rejects.toBeInstanceOf(PilotNotFoundError);
    await expect(pilotForOfficer(db, pilot.officers[0]!)).rejects.toBeInstanceOf(PilotNotFoundError);
  });
});
