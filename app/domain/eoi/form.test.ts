import { describe, expect, it } from "vitest";
import { pageQuestions } from "./pages";
import { applyIntent, readIntent, readPageAnswers } from "./form";

const form = (entries: Array<[string, string]>) => {
  const data = new URLSearchParams(entries);
  return { get: (n: string) => data.get(n), getAll: (n: string) => data.getAll(n) };
};

describe("R-34 reading a question page exactly as typed", () => {
  it("reads checkboxes, radios and text, keeping line breaks as \\n", () => {
    const answers = readPageAnswers(pageQuestions("toolkit-use", 0), form([["themes", "pledge"], ["themes", "frontline"], ["pledgeScope", "service"], ["toolkitUse", "Line one\r\nLine two"]]));
    expect(answers).toEqual({ themes: ["pledge", "frontline"], pledgeScope: "service", partnershipKinds: [], toolkitUse: "Line one\nLine two" });
  });

  it("reads add-another rows by their numbered names and ignores rows beyond the count", () => {
    const questions = pageQuestions("supporting-documents", 0);
    const answers = readPageAnswers(questions, form([["costs-rows", "1"], ["costs-0-description", "Project officer"], ["costs-0-amount", "£40,000"], ["costs-0-fundedBy", "clg"], ["costs-1-description", "ignored"], ["valueForMoney", "Good value"]]));
    expect(answers).toEqual({ costs: [{ description: "Project officer", amount: "£40,000", fundedBy: "clg" }], valueForMoney: "Good value" });
  });

  it("adds and removes rows without JavaScript", () => {
    const questions = pageQuestions("about-the-bid", 1);
    const answers = { hasPartners: "yes", partners: [{ name: "A" }, { name: "B" }] };
    expect(applyIntent(questions, answers, readIntent("add:partners"))).toEqual({ hasPartners: "yes", partners: [{ name: "A" }, { name: "B" }, {}] });
    expect(applyIntent(questions, answers, readIntent("remove:partners:0"))).toEqual({ hasPartners: "yes", partners: [{ name: "B" }] });
    expect(readIntent("save")).toEqual({ kind: "save" });
    expect(readIntent(null)).toEqual({ kind: "save" });
  });
});
