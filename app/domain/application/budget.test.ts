import { describe, expect, it } from "vitest";
import { readBudget, summariseBudget } from "./budget";
import { applicationProgramme } from "./programme";

const programme = applicationProgramme({ startBy: "2009-09-30", endsOn: "2010-03-31", detailedDueAt: "2009-08-21T22:59:59.999Z" });
const line = (overrides: Record<string, unknown> = {}) => ({ description: "Project officer", category: "staff", fundedBy: "clg", total: "£60,000", "q3-2009-10": "£30,000", "q4-2009-10": "£30,000", ...overrides });
const texts = (rows: unknown[]) => readBudget(rows, programme).issues.map((i) => i.text);

describe("R-51 the budget by line and quarter", () => {
  it("R-51 a line's quarters add up to its total; blank quarters count as £0", () => {
    expect(texts([line(), line({ total: "£5,000", "q3-2009-10": "", "q4-2009-10": "5000" })])).toEqual([]);
  });

  it("R-51 R-73 budget lines that do not add up are named, with both amounts", () => {
    const { issues } = readBudget([line(), line({ total: "£35,000" })], programme);
    expect(issues).toEqual([{ path: ["lines", 1, "q3-2009-10"], text: "The amounts by quarter for budget line 2 add up to £60,000, not its total of £35,000" }]);
  });

  it("R-51 R-73 an amount saved for a quarter outside the programme is an error naming it", () => {
    expect(texts([line({ "q2-2009-10": "£1,000", total: "£61,000" })])).toEqual([
      "Budget line 1 has £1,000 in Q2 2009/10, which is outside the programme (Q3 2009/10 to Q4 2009/10) – put it in one of the programme’s quarters",
    ]);
  });

  it("R-33 R-51 the CLG total is no more than £100,000, and says what the lines add up to", () => {
    expect(texts([line({ total: "£60,000" }), line({ total: "£50,000", "q3-2009-10": "£25,000", "q4-2009-10": "£25,000" })])).toEqual([
      "The amount requested from CLG must be £100,000 or less – the budget lines funded by CLG add up to £110,000",
    ]);
  });

  it("R-33 at least one line is funded by CLG; another source is named and is not CLG by another name", () => {
    expect(texts([line({ fundedBy: "other" })])).toEqual(["Enter the name of the other source funding budget line 1", "Add at least one budget line funded by CLG"]);
    expect(texts([line(), line({ fundedBy: "other", otherSource: "DCLG" })])).toEqual(["Budget line 2 is funded by CLG – select CLG rather than naming it as another source"]);
    expect(texts([])).toEqual(["Add at least one budget line"]);
  });

  it("R-73 each missing or malformed field is named by its line", () => {
    expect(texts([line({ description: "", category: "", total: "12,34", "q4-2009-10": "abc" })])).toEqual([
      "Enter a description of budget line 1",
      "Select a category for budget line 1",
      "Commas in the total for budget line 1 must separate thousands, like 12,345",
      "Enter the amount for Q4 2009/10 in budget line 1 in pounds and pence, like £12,345.50",
      "Add at least one budget line funded by CLG",
    ]);
  });

  it("R-33 R-51 totals: CLG and other sources cover the total exactly, by quarter", () => {
    const { lines } = readBudget([line(), line({ fundedBy: "other", otherSource: "The council", total: "£10,000", "q3-2009-10": "£4,000", "q4-2009-10": "£6,000" })], programme);
    expect(summariseBudget(lines, programme)).toEqual({
      totalPence: 7_000_000,
      clgPence: 6_000_000,
      otherPence: 1_000_000,
      otherSources: [{ source: "The council", pence: 1_000_000 }],
      byQuarter: [
        { quarter: "Q3 2009/10", clgPence: 3_000_000, otherPence: 400_000, totalPence: 3_400_000 },
        { quarter: "Q4 2009/10", clgPence: 3_000_000, otherPence: 600_000, totalPence: 3_600_000 },
      ],
    });
  });
});
