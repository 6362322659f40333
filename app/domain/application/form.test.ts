import { describe, expect, it } from "vitest";
import { applyApplicationIntent, readApplicationPage, readIntent } from "./form";
import { applicationProgramme } from "./programme";
import { applicationSections, pageQuestions, sectionOf } from "./sections";

const sections = applicationSections(applicationProgramme({ startBy: "2009-09-30", endsOn: "2010-03-31", detailedDueAt: "2009-08-21T22:59:59.999Z" }));
const form = (entries: Array<[string, string]>) => {
  const params = new URLSearchParams(entries);
  return { get: (n: string) => params.get(n), getAll: (n: string) => params.getAll(n) };
};

describe("R-51 reading a posted page exactly as typed (R-34's guarantees)", () => {
  it("R-51 dates are kept as their three boxes, rows with their fields, quarters by field", () => {
    const plan = sectionOf(sections, "delivery-plan");
    expect(readApplicationPage(pageQuestions(plan, 0), form([["startDate-day", "21"], ["startDate-month", "Sept"], ["startDate-year", "2009"], ["deliverySummary", "Line 1\r\nLine 2"]]))).toEqual({
      startDate: { day: "21", month: "Sept", year: "2009" },
      deliverySummary: "Line 1\nLine 2",
    });
    const budget = sectionOf(sections, "budget");
    expect(readApplicationPage(pageQuestions(budget, 0), form([["lines-rows", "1"], ["lines-0-description", "Officer"], ["lines-0-total", "£1"], ["lines-0-q3-2009-10", "£1"], ["lines-0-q2-2009-10", "£9"]]))).toEqual({
      lines: [{ description: "Officer", total: "£1", "q3-2009-10": "£1" }],
    });
  });

  it("R-51 add-another and remove buttons work without JavaScript", () => {
    const questions = pageQuestions(sectionOf(sections, "risks"), 0);
    const answers = { risks: [{ risk: "A" }, { risk: "B" }] };
    expect(applyApplicationIntent(questions, answers, readIntent("add:risks"))).toEqual({ risks: [{ risk: "A" }, { risk: "B" }, {}] });
    expect(applyApplicationIntent(questions, answers, readIntent("remove:risks:0"))).toEqual({ risks: [{ risk: "B" }] });
    expect(applyApplicationIntent(questions, answers, readIntent("save"))).toBe(answers);
  });
});
