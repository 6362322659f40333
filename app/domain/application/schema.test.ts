import { describe, expect, it } from "vitest";
import { completeApplicationAnswers } from "../../../test/factories/applications";
import { applicationProgramme } from "./programme";
import { validateApplicationPage, validateApplicationSection } from "./schema";
import { APPLICATION_SECTION_IDS, applicationSections } from "./sections";

const programme = applicationProgramme({ startBy: "2009-09-30", endsOn: "2010-03-31", detailedDueAt: "2009-08-21T22:59:59.999Z" });
const sections = applicationSections(programme);
const complete = completeApplicationAnswers(programme);
const check = (sectionId: (typeof APPLICATION_SECTION_IDS)[number], answers: Record<string, unknown>) => validateApplicationSection(programme, sections, sectionId, answers);
const d = (day: string, month: string, year: string) => ({ day, month, year });

describe("R-51 the detailed application's rules", () => {
  it("R-51 the factory's complete answers pass every section", () => {
    for (const id of APPLICATION_SECTION_IDS) expect(check(id, complete[id] as Record<string, unknown>), id).toMatchObject({ ok: true });
  });

  it("R-51 R-8 the pilot must begin by the round's start date", () => {
    expect(check("delivery-plan", { ...complete["delivery-plan"], startDate: d("1", "10", "2009") }).errors).toEqual([{ text: "The pilot must begin by 30 September 2009", href: "#startDate-day" }]);
    expect(check("delivery-plan", { ...complete["delivery-plan"], startDate: d("31", "9", "2009") }).errors).toEqual([{ text: "The date the pilot will begin must be a real date", href: "#startDate-day" }]);
  });

  it("R-51 R-73 milestones need a description and a date within the programme, named by row", () => {
    const result = check("delivery-plan", { ...complete["delivery-plan"], milestones: [{ description: "Kick-off", date: d("1", "4", "2010") }, { date: d("1", "11", "2009") }] });
    expect(result.errors).toEqual([
      { text: "The date of milestone 1 must be between 1 April 2009 and 31 March 2010, within the programme", href: "#milestones-0-date-day" },
      { text: "Enter milestone 2", href: "#milestones-1-description" },
    ]);
    expect(check("delivery-plan", { ...complete["delivery-plan"], milestones: [] }).errors).toEqual([{ text: "Add at least one milestone", href: "#milestones" }]);
  });

  it("R-7 R-51 each output A–F has what, when and cost; £0 is a cost", () => {
    const outputs = { ...complete.outputs, outputCWhat: "", outputCCost: "£0", outputFWhen: d("", "", "") };
    expect(check("outputs", outputs).errors.map((e) => e.text)).toEqual(["Enter what you will do to deliver output C", "Enter the date output F will be delivered"]);
  });

  it("R-51 risks have likelihood, impact, mitigation and owner", () => {
    expect(check("risks", { risks: [{ risk: "Delay", likelihood: "certain" }] }).errors.map((e) => e.text)).toEqual([
      "Select how likely risk 1 is",
      "Select the impact of risk 1",
      "Enter how you will reduce or manage risk 1",
      "Enter who owns risk 1",
    ]);
  });

  it("R-51 partners' roles must be confirmed, and who confirmed them is recorded", () => {
    expect(check("partners", { hasPartners: "yes", partners: [{ name: "Citizens Advice", role: "Advice", confirmed: "no" }] }).errors.map((e) => e.text)).toEqual([
      "Partner 1 must confirm its role before you submit – select yes once it has",
    ]);
    expect(check("partners", { hasPartners: "yes", partners: [{ name: "Citizens Advice", role: "Advice", confirmed: "yes" }] }).errors.map((e) => e.text)).toEqual(["Enter who confirmed the role of partner 1"]);
    expect(check("partners", { hasPartners: "no", partners: [{ name: "ignored" }] }).ok).toBe(true);
  });

  it("R-51 the improvement plan in the SIP format: key action, by when, outcomes and success criteria, who is responsible", () => {
    expect(check("improvement-plan", { ...complete["improvement-plan"], actions: [{ action: "Publish a pledge" }] }).errors.map((e) => e.text)).toEqual([
      "Enter the date key action 1 is due by",
      "Enter the outcomes and success criteria of key action 1",
      "Enter who is responsible for key action 1",
    ]);
  });

  it("R-51 R-33 the budget section applies the budget's rules", () => {
    const lines = [{ description: "Officer", category: "staff", fundedBy: "clg", total: "£120,000", "q3-2009-10": "£60,000", "q4-2009-10": "£60,000" }];
    expect(check("budget", { lines, valueForMoney: "Good." }).errors).toEqual([{ text: "The amount requested from CLG must be £100,000 or less – the budget lines funded by CLG add up to £120,000", href: "#lines" }]);
  });

  it("R-34 a page is checked on its own questions only", () => {
    const page = validateApplicationPage(programme, sections, "delivery-plan", { startDate: d("21", "9", "2009"), deliverySummary: "Plan" }, 0);
    expect(page.ok).toBe(true);
    expect(validateApplicationPage(programme, sections, "delivery-plan", { startDate: d("21", "9", "2009"), deliverySummary: "Plan" }, 1).errors).toEqual([{ text: "Add at least one milestone", href: "#milestones" }]);
  });
});
