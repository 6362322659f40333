import { describe, expect, it } from "vitest";
import { applicationProgramme } from "./programme";
import { awardProblems, checkAcceptance, decisionRefusal, reportingTimetable, type AwardCheck } from "./award";

const programme = applicationProgramme({ startBy: "2009-09-30", endsOn: "2010-03-31", detailedDueAt: "2009-08-21T22:59:59.999Z" });
const award = (overrides: Partial<AwardCheck> = {}): AwardCheck => ({ amountPence: 9_000_000, clgRequestPence: 9_500_000, maximumAwardPence: 10_000_000, fundPence: 90_000_000, region: "London", awardInRegion: null, totalAwardedPence: 0, ...overrides });

describe("R-52 decisions and the award's caps", () => {
  it("R-52 only a submitted version can be approved, sent back or declined", () => {
    expect(decisionRefusal("submitted", "approve")).toBeNull();
    expect(decisionRefusal("withdrawn", "approve")).toBe("This application was withdrawn by the authority, so it cannot be approved");
    expect(decisionRefusal("declined", "approve")).toBe("This application has already been declined, so it cannot be approved");
    expect(decisionRefusal("approved", "request-changes")).toBe("This application has already been approved and its grant awarded, so it cannot be sent back for changes");
    expect(decisionRefusal("changes-requested", "decline")).toBe("Changes have been requested: the authority must resubmit before it can be declined");
  });

  it("R-52 the amount is at most min(£100,000, the CLG request)", () => {
    expect(awardProblems(award())).toEqual([]);
    expect(awardProblems(award({ amountPence: 10_000_001, clgRequestPence: 20_000_000 }))).toEqual(["The grant must be £100,000 or less"]);
    expect(awardProblems(award({ amountPence: 9_600_000 }))).toEqual(["The grant must be no more than the £95,000 the application asks of CLG"]);
    expect(awardProblems(award({ amountPence: 0 }))).toEqual(["Enter a grant amount more than £0"]);
  });

  it("R-1 R-52 one award per region", () => {
    expect(awardProblems(award({ awardInRegion: { authorityName: "London Borough of Camden" } }))).toEqual(["London already has a grant award, to London Borough of Camden: there is one pilot per region"]);
  });

  it("R-1 R-52 the round's awards stay within £900,000", () => {
    expect(awardProblems(award({ totalAwardedPence: 81_000_000 }))).toEqual([]);
    expect(awardProblems(award({ totalAwardedPence: 81_000_001 }))).toEqual(["A grant of £90,000 would take the awards to £900,000.01, over the £900,000 fund – £89,999.99 is left"]);
  });
});

describe("R-53 the offer and its acceptance", () => {
  it("R-53 R-61 the reporting timetable: a report per quarter, ten working days after it ends", () => {
    expect(reportingTimetable(programme)).toEqual([
      { title: "Progress report for Q3 2009/10 (October to December 2009)", due: "2010-01-15" },
      { title: "Final report for Q4 2009/10 (January to March 2010)", due: "2010-04-16" }, // Good Friday and Easter Monday 2010 are not working days,
    ]);
  });

  const form = { officerName: "Chris Lee", officerRole: "Chief Executive", day: "10", month: "9", year: "2009", declaration: true };
  const at = { now: new Date("2009-09-10T12:00:00Z"), offeredAt: new Date("2009-09-08T12:00:00Z") };

  it("R-53 a named officer accepts: name, job title, a date not in the future nor before the offer, and the declaration", () => {
    expect(checkAcceptance(form, at)).toEqual({ ok: true, date: "2009-09-10" });
    expect(checkAcceptance({ ...form, officerName: " ", officerRole: "", declaration: false }, at)).toEqual({
      ok: false,
      errors: [
        ["officerName", "Enter the name of the officer accepting the offer"],
        ["officerRole", "Enter the officer’s job title"],
        ["declaration", "Confirm the declaration to accept the offer"],
      ],
    });
    expect(checkAcceptance({ ...form, day: "11" }, at)).toMatchObject({ errors: [["acceptanceDate", "The date of acceptance must be today or in the past"]] });
    expect(checkAcceptance({ ...form, day: "7" }, at)).toMatchObject({ errors: [["acceptanceDate", "The date of acceptance must be on or after the date of the offer, 8 September 2009"]] });
  });
});
