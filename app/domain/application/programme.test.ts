import { describe, expect, it } from "vitest";
import { applicationProgramme, isWithinProgramme, quarterField, quarterMonths, quarterOfField } from "./programme";

const ROUND = { startBy: "2009-09-30", endsOn: "2010-03-31", detailedDueAt: "2009-08-21T22:59:59.999Z" };

describe("R-51 the programme's quarters and period, from the round's dates", () => {
  it("R-51 budget quarters are Q3 and Q4 2009/10 for the invitation's timetable", () => {
    expect(applicationProgramme(ROUND).quarters).toEqual(["Q3 2009/10", "Q4 2009/10"]);
  });

  it("R-51 R-8 quarters follow the round's own dates, not 2009's", () => {
    expect(applicationProgramme({ startBy: "2027-03-05", endsOn: "2027-11-20", detailedDueAt: "2027-01-10T00:00:00Z" }).quarters).toEqual(["Q4 2026/27", "Q1 2027/28", "Q2 2027/28", "Q3 2027/28"]);
    expect(applicationProgramme({ startBy: "2009-09-15", endsOn: "2010-03-31", detailedDueAt: ROUND.detailedDueAt }).quarters[0]).toBe("Q2 2009/10");
  });

  it("R-51 plans fall in the programme year: from April of the year pilots begin to the programme's end", () => {
    const programme = applicationProgramme(ROUND);
    expect([programme.periodStart, programme.periodEnd]).toEqual(["2009-04-01", "2010-03-31"]);
    expect(isWithinProgramme(programme, "2009-04-01")).toBe(true);
    expect(isWithinProgramme(programme, "2010-04-01")).toBe(false);
    expect(isWithinProgramme(programme, "2009-03-31")).toBe(false);
  });

  it("R-1 caps default to £100,000 and £900,000 and follow the round", () => {
    expect(applicationProgramme(ROUND)).toMatchObject({ maximumAwardPence: 10_000_000, totalFundPence: 90_000_000 });
    expect(applicationProgramme({ ...ROUND, maxAwardPence: 5_000_000, totalFundPence: 20_000_000 })).toMatchObject({ maximumAwardPence: 5_000_000, totalFundPence: 20_000_000 });
  });

  it("quarter fields read back to their quarter, and quarters name their months", () => {
    expect(quarterField("Q3 2009/10")).toBe("q3-2009-10");
    expect(quarterOfField("q3-2009-10")).toBe("Q3 2009/10");
    expect(quarterOfField("q3-2009-11")).toBeNull();
    expect(quarterOfField("total")).toBeNull();
    expect(quarterMonths("Q3 2009/10")).toBe("October to December 2009");
    expect(quarterMonths("Q4 2009/10")).toBe("January to March 2010");
  });
});
