import { describe, expect, it } from "vitest";
import { checkAgreement, checkFindings, checkVisitDetails, sectorsRepresented, visitWindow, type VisitState } from "./health-check";

const window = visitWindow({ pilotStartedOn: "2009-09-01", startBy: "2009-09-30", endsOn: "2010-03-31" });
const member = (sector: string, name = "Ann Reviewer", organisation = "Tyne Housing Trust") => ({ name, organisation, sector });
const details = (overrides: Partial<Parameters<typeof checkVisitDetails>[0]> = {}) => ({ day: "12", month: "11", year: "2009", team: [member("public")], ...overrides });

describe("R-63 R-11 the health check visit's date and team", () => {
  it("R-63 the visit falls during the pilot: from its start (acceptance) to the programme's end", () => {
    expect(window).toEqual({ from: "2009-09-01", to: "2010-03-31" });
    expect(visitWindow({ pilotStartedOn: null, startBy: "2009-09-30", endsOn: "2010-03-31" }).from).toBe("2009-09-30");
    expect(checkVisitDetails(details(), window)).toMatchObject({ ok: true, visitDate: "2009-11-12" });
    expect(checkVisitDetails(details({ day: "31", month: "3", year: "2010" }), window).ok).toBe(true);
    for (const [day, month, year] of [["31", "8", "2009"], ["1", "4", "2010"]]) {
      expect(checkVisitDetails(details({ day, month, year }), window)).toEqual({ ok: false, errors: [["visitDate", "The date of the visit must be during the pilot, between 1 September 2009 and 31 March 2010"]] });
    }
    expect(checkVisitDetails(details({ day: "31", month: "11" }), window)).toEqual({ ok: false, errors: [["visitDate", "The date of the visit must be a real date"]] });
    expect(checkVisitDetails(details({ day: "", month: "", year: "" }), window)).toEqual({ ok: false, errors: [["visitDate", "Enter the date of the visit"]] });
  });

  it("R-11 at least one team member, each with a name, an organisation and a sector that is private, public or third", () => {
    expect(checkVisitDetails(details({ team: [] }), window)).toEqual({ ok: false, errors: [["team", "Add at least one member of the visiting team"]] });
    expect(checkVisitDetails(details({ team: [member(""), { name: "", organisation: "", sector: "" }].slice(1) }), window)).toEqual({ ok: false, errors: [["team", "Add at least one member of the visiting team"]] });
    const bad = checkVisitDetails(details({ team: [member("public"), member("charity"), { name: " ", organisation: "Acme", sector: "" }] }), window);
    expect(bad).toEqual({
      ok: false,
      errors: [
        ["team-1-sector", "Select the sector of team member 2's organisation: private, public or third sector"],
        ["team-2-name", "Enter the name of team member 3"],
        ["team-2-sector", "Select the sector of team member 3's organisation"],
      ],
    });
    const good = checkVisitDetails(details({ team: [member("private", " Bo ", " Acme Ltd "), { name: "", organisation: "", sector: "" }, member("third")] }), window);
    expect(good).toMatchObject({ ok: true, team: [{ name: "Bo", organisation: "Acme Ltd", sector: "private" }, { sector: "third" }] });
  });

  it("R-11 shows whether the team is drawn from all three sectors", () => {
    expect(sectorsRepresented([{ sector: "public" }, { sector: "public" }])).toEqual({ represented: ["public"], missing: ["private", "third"], allThree: false });
    expect(sectorsRepresented([{ sector: "third" }, { sector: "private" }, { sector: "public" }]).allThree).toBe(true);
  });
});

describe("R-63 findings per probe and the agreed report", () => {
  it("keeps a finding and an optional rating per probe; blank probes are not recorded; a rating not in the list is refused", () => {
    const result = checkFindings({ findings: { "responsive-1": { finding: " Residents' panel meets monthly. ", rating: "strength" }, "accessible-2": { finding: "", rating: "not-seen" }, "efficient-1": { finding: "", rating: "none" } }, summary: " Good start. " });
    expect(result).toEqual({ ok: true, findings: [{ probeId: "responsive-1", finding: "Residents' panel meets monthly.", rating: "strength" }, { probeId: "accessible-2", finding: "", rating: "not-seen" }], summary: "Good start." });
    expect(checkFindings({ findings: { "responsive-2": { finding: "x", rating: "excellent" } }, summary: "" })).toEqual({ ok: false, errors: [["rating-responsive-2", "Select a rating from the list: strength, area to develop, not seen or no rating"]] });
    expect(checkFindings({ findings: { "responsive-2": { finding: "x".repeat(5_001), rating: "" } }, summary: "" }).ok).toBe(false);
  });

  const visit: VisitState = { status: "recorded", visitDate: "2009-11-12", summary: "A good start.", findings: [{ finding: "Panel meets monthly." }], agreedAt: null, agreedWith: null };

  it("R-63 the report is agreed with the pilot's named officer, after the visit, once its findings and summary are written", () => {
    expect(checkAgreement(visit, { agreedWith: " Olive Owner " }, "2009-11-16")).toEqual({ ok: true, agreedWith: "Olive Owner" });
    expect(checkAgreement(visit, { agreedWith: "Olive Owner" }, "2009-11-11")).toEqual({ ok: false, errors: [["agreedWith", "The report can be agreed only after the visit, on or after 12 November 2009"]] });
    expect(checkAgreement({ ...visit, summary: " ", findings: [{ finding: "" }] }, { agreedWith: "" }, "2009-11-16")).toEqual({
      ok: false,
      errors: [
        ["findings", "Record the team's findings before agreeing the report"],
        ["summary", "Write the report's summary before agreeing the report"],
        ["agreedWith", "Enter the name of the pilot's officer who agreed the report"],
      ],
    });
  });

  it("R-63 an agreed report is not agreed again", () => {
    const agreed: VisitState = { ...visit, status: "agreed", agreedAt: "2009-11-16T10:00:00.000Z", agreedWith: "Olive Owner" };
    expect(checkAgreement(agreed, { agreedWith: "Someone Else" }, "2009-11-17")).toEqual({ ok: false, errors: [["agreedWith", "The report of this visit was agreed with Olive Owner on 16 November 2009. An agreed report cannot be changed."]] });
  });
});
