import { describe, expect, test } from "vitest";
import {
  SECTIONS,
  SECTION_COMPLETED_QUESTION,
  SECTION_IDS,
  TWO_PAGE_SECTIONS,
  fieldId,
  hasAnyAnswer,
  isQuestionShown,
  sectionById,
  shownQuestions,
  visibleAnswers,
  type Question,
} from "~/domain/eoi/sections";

const allQuestions = (questions: readonly Question[]): Question[] =>
  questions.flatMap((question) => (question.kind === "add-another" ? [question, ...question.fields] : [question]));

describe("R-31 the ten sections", () => {
  test("R-31 ten sections, numbered 1 to 10 in the order of the task list", () => {
    expect(SECTIONS.map((section) => [section.number, section.id])).toEqual([
      [1, "about-the-bid"],
      [2, "toolkit-use"],
      [3, "leadership"],
      [4, "customers-and-improvement-plan"],
      [5, "delivering-with-partners"],
      [6, "impact"],
      [7, "regional-champion"],
      [8, "evaluation-and-learning"],
      [9, "focus-area"],
      [10, "supporting-documents"],
    ]);
    expect(SECTIONS.map((section) => section.id)).toEqual(SECTION_IDS);
  });

  test("R-31 sections 2 to 7 follow the invitation's points 1 to 6", () => {
    expect(SECTIONS.slice(1, 7).map((section) => section.invitationReference)).toEqual([
      "Point 1",
      "Point 2",
      "Point 3",
      "Point 4",
      "Point 5",
      "Point 6",
    ]);
  });

  test("R-32 sections 2 to 9 make up the two pages; sections 1 and 10 do not", () => {
    expect(TWO_PAGE_SECTIONS.map((section) => section.number)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
  });

  test("R-31 the supporting statements have their word limits", () => {
    const limits = sectionById("supporting-documents")
      .questions.filter((question) => question.kind === "textarea" && question.wordLimit !== undefined)
      .map((question) => [question.name, question.kind === "textarea" ? question.wordLimit : undefined]);
    expect(limits).toEqual([
      ["chiefExecutiveStatement", 150],
      ["learningOutcomesNote", 300],
      ["readiness", 300],
      ["links", 300],
    ]);
  });

  test("R-32 the outline's written answers have no limits of their own: they share 1,000 words", () => {
    for (const section of TWO_PAGE_SECTIONS) {
      for (const question of section.questions) {
        if (question.kind === "textarea") expect(question.wordLimit).toBeUndefined();
      }
    }
  });

  test("R-72 every question has a name of its own, so each can be its own export column", () => {
    const names = SECTIONS.flatMap((section) => section.questions.map((question) => question.name));
    expect(new Set(names).size).toBe(names.length);
    for (const section of SECTIONS) {
      for (const question of section.questions) {
        if (question.kind !== "add-another") continue;
        const fieldNames = question.fields.map((field) => field.name);
        expect(new Set(fieldNames).size).toBe(fieldNames.length);
      }
    }
  });

  test("R-73 every text answer has a hard cap on characters", () => {
    for (const question of SECTIONS.flatMap((section) => allQuestions(section.questions))) {
      if (question.kind === "text" || question.kind === "email" || question.kind === "tel" || question.kind === "textarea") {
        expect(question.maxCharacters, question.name).toBeGreaterThan(0);
      }
    }
  });

  test("R-31 every question that depends on another names one that exists beside it", () => {
    for (const section of SECTIONS) {
      const check = (questions: readonly Question[]) => {
        const names = questions.map((question) => question.name);
        for (const question of questions) {
          if (question.shownWhen) expect(names, `${section.id}.${question.name}`).toContain(question.shownWhen.field);
          if (question.kind === "add-another") check(question.fields);
        }
      };
      check(section.questions);
    }
  });

  test("R-5 R-6 themes offer the invitation's three, focus areas its three or none", () => {
    const themes = sectionById("toolkit-use").questions.find((question) => question.name === "themes");
    expect(themes?.kind === "checkboxes" && themes.options.map((option) => option.text)).toEqual([
      "The service and remedy pledge",
      "Importance of the frontline",
      "Customer-focused partnerships",
    ]);
    const focus = sectionById("focus-area").questions.find((question) => question.name === "focusArea");
    expect(focus?.kind === "radios" && [...focus.options.map((option) => option.value), focus.noneOption?.value]).toEqual([
      "redundancy",
      "cse",
      "total-place",
      "none",
    ]);
  });

  test("R-31 every section ends with the GOV.UK completion question", () => {
    expect(SECTION_COMPLETED_QUESTION.label).toBe("Have you completed this section?");
    expect(SECTION_COMPLETED_QUESTION.options.map((option) => option.value)).toEqual(["yes", "no"]);
  });

  test("unknown sections are refused", () => {
    expect(() => sectionById("costs" as never)).toThrow(RangeError);
  });
});

describe("R-31 questions shown by earlier answers", () => {
  const toolkit = sectionById("toolkit-use");

  test("R-5 the pledge scope is asked only when the pledge theme is chosen", () => {
    const pledgeScope = toolkit.questions.find((question) => question.name === "pledgeScope")!;
    expect(isQuestionShown(pledgeScope, { themes: ["frontline"] })).toBe(false);
    expect(isQuestionShown(pledgeScope, { themes: ["frontline", "pledge"] })).toBe(true);
    expect(isQuestionShown(pledgeScope, { themes: "pledge" })).toBe(true);
    expect(shownQuestions(toolkit, { themes: [] }).map((question) => question.name)).toEqual(["themes", "toolkitUse"]);
  });

  test("R-34 visible answers leave out hidden answers and empty rows, and keep the saved ones untouched", () => {
    const saved = {
      hasPastAwards: "yes",
      pastAwards: [
        { award: "charter-mark", otherAward: "left over", year: "2005", outcome: "Achieved" },
        { award: "", otherAward: "", year: "", outcome: "" },
      ],
      costs: [{ description: "Staff", fundedBy: "clg", otherSource: "Lottery" }],
      notAQuestion: "ignored",
    };
    expect(visibleAnswers(sectionById("supporting-documents"), saved)).toEqual({
      hasPastAwards: "yes",
      pastAwards: [{ award: "charter-mark", year: "2005", outcome: "Achieved" }],
      costs: [{ description: "Staff", fundedBy: "clg" }],
    });
    expect(saved.pastAwards).toHaveLength(2);
    expect(visibleAnswers(sectionById("focus-area"), { focusArea: "none", focusAreaReason: "Old" })).toEqual({ focusArea: "none" });
    expect(visibleAnswers(sectionById("focus-area"), undefined)).toEqual({});
  });

  test("R-31 a section counts as started once anything is typed or chosen", () => {
    const leadership = sectionById("leadership");
    expect(hasAnyAnswer(leadership, undefined)).toBe(false);
    expect(hasAnyAnswer(leadership, { leadership: "  " })).toBe(false);
    expect(hasAnyAnswer(leadership, { leadership: "We" })).toBe(true);
    expect(hasAnyAnswer(sectionById("about-the-bid"), { partners: [{ name: "" }] })).toBe(false);
    expect(hasAnyAnswer(sectionById("about-the-bid"), { partners: [{ name: "LSP" }] })).toBe(true);
  });

  test("field ids link the error summary to fields, rows counted from 0", () => {
    expect(fieldId(["partners", 1, "name"])).toBe("partners-1-name");
    expect(fieldId(["region"])).toBe("region");
  });
});
