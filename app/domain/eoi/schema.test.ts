import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import {
  SECTION_SCHEMAS,
  checkTwoPageLimit,
  isSectionValid,
  validateFields,
  validateSection,
} from "~/domain/eoi/schema";
import { SECTION_IDS, type EoiAnswers, type SectionAnswers, type SectionId } from "~/domain/eoi/sections";

const words = (n: number, word = "customer") => Array.from({ length: n }, () => word).join(" ");

// Valid answers for every section, as an officer would type them into the form.
function makeAnswers(overrides: Partial<Record<SectionId, Record<string, unknown>>> = {}): Record<SectionId, Record<string, unknown>> {
  const answers: Record<SectionId, Record<string, unknown>> = {
    "about-the-bid": {
      region: "East of England",
      authorityType: "shire district",
      setting: "rural",
      trackRecord: "established",
      hasPartners: "yes",
      partners: [{ name: "Suffolk Association of Voluntary Organisations", sector: "third", kind: "strategic" }],
      contactName: "Sam Okafor",
      contactRole: "Head of Customer Services",
      contactEmail: "sam.okafor@example.gov.uk",
      contactPhone: "01632 960 001",
    },
    "toolkit-use": { themes: ["pledge", "frontline"], pledgeScope: "service-area", toolkitUse: words(100) },
    leadership: { leadership: words(100) },
    "customers-and-improvement-plan": { workingWithCustomers: words(100), improvementPlan: words(100) },
    "delivering-with-partners": { deliveringWithPartners: words(100) },
    impact: { impact: words(100) },
    "regional-champion": { regionalChampion: words(100), dissemination: words(100) },
    "evaluation-and-learning": { trackingOutcomes: words(50), learningOutcomes: words(50) },
    "focus-area": { focusArea: "none" },
    "supporting-documents": {
      costs: [
        { description: "Project manager", category: "staff", amount: "£60,000", fundedBy: "clg" },
        { description: "Regional workshops", category: "events-and-workshops", amount: "40,000", fundedBy: "clg" },
        { description: "Evaluation partner", category: "evaluation", amount: "12,345.50", fundedBy: "other", otherSource: "Lead authority" },
      ],
      valueForMoney: "Existing staff and venues keep costs low.",
      chiefExecutiveName: "Alex Morgan",
      chiefExecutiveStatement: words(150),
      learningOutcomesNote: words(300),
      readiness: words(300),
      links: words(300),
      hasPastAwards: "yes",
      pastAwards: [{ award: "charter-mark", year: "2006", outcome: "Achieved" }],
    },
  };
  for (const [id, sectionOverrides] of Object.entries(overrides)) {
    answers[id as SectionId] = { ...answers[id as SectionId], ...sectionOverrides };
  }
  return answers;
}

const errorsOf = (sectionId: SectionId, answers: SectionAnswers, eoiAnswers?: EoiAnswers) => {
  const result = validateSection(sectionId, answers, { eoiAnswers });
  return result.ok ? [] : result.errors;
};
const textsOf = (sectionId: SectionId, answers: SectionAnswers) => errorsOf(sectionId, answers).map((error) => error.text);

describe("R-31 every section has a schema that accepts a complete answer", () => {
  test.each(SECTION_IDS)("R-31 %s", (sectionId) => {
    const result = validateSection(sectionId, makeAnswers()[sectionId]);
    expect(result.errors).toEqual([]);
    expect(result.ok).toBe(true);
  });

  test("R-31 every section has a schema", () => {
    expect(Object.keys(SECTION_SCHEMAS).sort()).toEqual([...SECTION_IDS].sort());
  });

  test("R-34 validating never changes what the officer typed", () => {
    const answers = makeAnswers({ "toolkit-use": { toolkitUse: "  padded  ", themes: "pledge" } });
    const before = structuredClone(answers);
    for (const sectionId of SECTION_IDS) validateSection(sectionId, answers[sectionId], { eoiAnswers: answers });
    expect(answers).toEqual(before);
  });
});

describe("R-31 section 1: about the bid (R-3, R-4)", () => {
  test("R-31 an empty section lists what to enter and select, in page order, linked to each field", () => {
    expect(errorsOf("about-the-bid", {})).toEqual([
      { text: "Select the lead authority’s region", href: "#region" },
      { text: "Select the type of authority the lead authority is", href: "#authorityType" },
      { text: "Select whether the pilot area is rural, urban or mixed", href: "#setting" },
      { text: "Select which best describes the lead authority’s customer service", href: "#trackRecord" },
      { text: "Select yes if this bid is from a partnership", href: "#hasPartners" },
      { text: "Enter the full name of the named contact", href: "#contactName" },
      { text: "Enter the named contact’s job title", href: "#contactRole" },
      { text: "Enter the named contact’s email address", href: "#contactEmail" },
      { text: "Enter the named contact’s telephone number", href: "#contactPhone" },
    ]);
  });

  test("R-4 a value that is not one of the choices is refused", () => {
    const { "about-the-bid": about } = makeAnswers({ "about-the-bid": { region: "Wales", authorityType: "county borough" } });
    expect(textsOf("about-the-bid", about)).toEqual([
      "Select the lead authority’s region",
      "Select the type of authority the lead authority is",
    ]);
  });

  test("R-3 partner rows are checked one by one, named by their number", () => {
    const { "about-the-bid": about } = makeAnswers({
      "about-the-bid": {
        partners: [
          { name: "Jobcentre Plus", sector: "public", kind: "integrated" },
          { name: " ", sector: "charity", kind: "" },
        ],
      },
    });
    expect(errorsOf("about-the-bid", about)).toEqual([
      { text: "Enter the name of partner 2", href: "#partners-1-name" },
      { text: "Select the sector of partner 2", href: "#partners-1-sector" },
      { text: "Select the kind of partnership with partner 2", href: "#partners-1-kind" },
    ]);
  });

  test("R-73 a row's answer has a hard cap on characters, named by its row", () => {
    const { "about-the-bid": about } = makeAnswers({
      "about-the-bid": { partners: [{ name: "n".repeat(201), sector: "public", kind: "delivery" }] },
    });
    expect(errorsOf("about-the-bid", about)).toEqual([
      { text: "Name of partner 1 must be 200 characters or fewer", href: "#partners-0-name" },
    ]);
  });

  test("R-3 empty add-another rows are ignored, and a partnership needs at least one partner", () => {
    const { "about-the-bid": about } = makeAnswers({ "about-the-bid": { partners: [{ name: "", sector: "" }, {}] } });
    expect(errorsOf("about-the-bid", about)).toEqual([{ text: "Add at least one partner", href: "#partners" }]);
  });

  test("R-3 a bid that is not a partnership ignores partner rows left from before", () => {
    const { "about-the-bid": about } = makeAnswers({ "about-the-bid": { hasPartners: "no", partners: [{ name: "" , sector: "nonsense" }] } });
    const result = validateSection("about-the-bid", about);
    expect(result.ok && result.data.partners).toEqual([]);
  });

  test.each([
    ["contactEmail", "sam.okafor@", "Enter an email address in the correct format, like name@example.com"],
    ["contactEmail", "sam okafor@example.gov.uk", "Enter an email address in the correct format, like name@example.com"],
    ["contactPhone", "call me", "Enter a telephone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192"],
    ["contactPhone", "01632", "Enter a telephone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192"],
    ["contactName", "x".repeat(201), "Full name must be 200 characters or fewer"],
  ])("R-73 %s %j is refused", (field, value, message) => {
    const { "about-the-bid": about } = makeAnswers({ "about-the-bid": { [field]: value } });
    expect(textsOf("about-the-bid", about)).toEqual([message]);
  });

  test("R-31 contact details are trimmed and telephone formats are forgiving", () => {
    const { "about-the-bid": about } = makeAnswers({
      "about-the-bid": { contactPhone: "+44 (0)1632 960-001", contactName: "  Sam Okafor " },
    });
    const result = validateSection("about-the-bid", about);
    expect(result.ok && result.data.contactName).toBe("Sam Okafor");
  });
});

describe("R-31 section 2: using the Toolkit (R-5)", () => {
  test("R-5 at least one theme", () => {
    const { "toolkit-use": section } = makeAnswers({ "toolkit-use": { themes: [] } });
    expect(errorsOf("toolkit-use", section)).toEqual([{ text: "Select at least one theme", href: "#themes" }]);
  });

  test("R-5 a single checkbox arrives as a string and is read as a list", () => {
    const { "toolkit-use": section } = makeAnswers({ "toolkit-use": { themes: "frontline", pledgeScope: undefined } });
    const result = validateSection("toolkit-use", section);
    expect(result.ok && result.data.themes).toEqual(["frontline"]);
  });

  test("R-5 the pledge theme needs its scope; other themes do not", () => {
    const { "toolkit-use": withPledge } = makeAnswers({ "toolkit-use": { themes: ["pledge"], pledgeScope: "" } });
    expect(errorsOf("toolkit-use", withPledge)).toEqual([
      { text: "Select what you will apply the service and remedy pledge to", href: "#pledgeScope" },
    ]);
    const { "toolkit-use": withoutPledge } = makeAnswers({ "toolkit-use": { themes: ["frontline"], pledgeScope: "service" } });
    const result = validateSection("toolkit-use", withoutPledge);
    expect(result.ok && result.data.pledgeScope).toBeUndefined();
  });

  test("R-5 the partnerships theme asks which arrangements", () => {
    const { "toolkit-use": section } = makeAnswers({ "toolkit-use": { themes: ["partnerships"] } });
    expect(textsOf("toolkit-use", section)).toEqual(["Select at least one partnership arrangement the pilot will look at"]);
    const { "toolkit-use": answered } = makeAnswers({
      "toolkit-use": { themes: ["partnerships"], partnershipKinds: ["strategic", "integrated", "strategic"] },
    });
    const result = validateSection("toolkit-use", answered);
    expect(result.ok && result.data.partnershipKinds).toEqual(["strategic", "integrated"]);
  });

  test("R-5 a theme that is not one of the three is refused", () => {
    const { "toolkit-use": section } = makeAnswers({ "toolkit-use": { themes: ["pledge", "redress"] } });
    expect(textsOf("toolkit-use", section)).toEqual(["Select themes from the list"]);
  });

  test("R-31 how the Toolkit will be used is required", () => {
    const { "toolkit-use": section } = makeAnswers({ "toolkit-use": { toolkitUse: " \n " } });
    expect(errorsOf("toolkit-use", section)).toEqual([
      { text: "Enter how you will use the Practitioners’ Toolkit", href: "#toolkitUse" },
    ]);
  });
});

describe("R-31 sections 3 to 8: the written points", () => {
  test.each([
    ["leadership", "leadership", "Enter how you will show strong leadership and a commitment to improving customer service"],
    ["customers-and-improvement-plan", "improvementPlan", "Enter how you will draft an improvement plan after using the Toolkit"],
    ["delivering-with-partners", "deliveringWithPartners", "Enter how you will work with customers and other partners to deliver these improvements"],
    ["impact", "impact", "Enter how you will show the pilot’s impact on customers’ experience"],
    ["regional-champion", "dissemination", "Enter how you will design and deliver the dissemination of learning"],
    ["evaluation-and-learning", "trackingOutcomes", "Enter how you will track and evaluate the pilot’s outcomes"],
  ] as const)("R-31 %s needs %s", (sectionId, field, message) => {
    const section = { ...makeAnswers()[sectionId], [field]: "" };
    expect(errorsOf(sectionId, section)).toEqual([{ text: message, href: `#${field}` }]);
  });

  test("R-73 an answer has a hard cap on characters", () => {
    expect(textsOf("leadership", { leadership: "x".repeat(10_001) })).toEqual([
      "Your answer on leadership must be 10,000 characters or fewer",
    ]);
    expect(textsOf("leadership", { leadership: "x".repeat(10_000) })).toEqual([]);
  });

  test("R-73 script typed into an answer is kept as text", () => {
    const result = validateSection("leadership", { leadership: "<script>alert(1)</script>" });
    expect(result.ok && result.data.leadership).toBe("<script>alert(1)</script>");
  });
});

describe("R-31 section 9: focus area (R-6)", () => {
  test("R-6 no focus area needs no reason", () => {
    expect(validateSection("focus-area", { focusArea: "none" }).ok).toBe(true);
  });

  test("R-6 a focus area needs a reason", () => {
    expect(errorsOf("focus-area", { focusArea: "total-place" })).toEqual([
      { text: "Enter why the pilot is well placed to focus on this area", href: "#focusAreaReason" },
    ]);
    expect(validateSection("focus-area", { focusArea: "cse", focusAreaReason: "We hold CSE." }).ok).toBe(true);
  });

  test("R-6 at most one focus area", () => {
    expect(textsOf("focus-area", { focusArea: ["cse", "total-place"], focusAreaReason: "Both" })).toEqual([
      "Select one focus area at most",
    ]);
    expect(textsOf("focus-area", {})).toEqual(["Select a focus area, or select that the pilot will not focus on one"]);
  });

  test("R-6 a reason left from an earlier choice is dropped when the officer chooses none", () => {
    const result = validateSection("focus-area", { focusArea: "none", focusAreaReason: "Old reason" });
    expect(result.ok && result.data).toEqual({ focusArea: "none" });
  });
});

describe("R-31 section 10: supporting documents", () => {
  const supporting = (overrides: Record<string, unknown>) => makeAnswers({ "supporting-documents": overrides })["supporting-documents"];

  test("R-33 costs are read into integer pence", () => {
    const result = validateSection("supporting-documents", supporting({}));
    expect(result.ok && result.data.costs).toEqual([
      { description: "Project manager", category: "staff", amountPence: 6_000_000, fundedBy: "clg" },
      { description: "Regional workshops", category: "events-and-workshops", amountPence: 4_000_000, fundedBy: "clg" },
      { description: "Evaluation partner", category: "evaluation", amountPence: 1_234_550, fundedBy: { other: "Lead authority" } },
    ]);
  });

  test("R-33 a malformed amount gets a message naming its cost", () => {
    const errors = errorsOf(
      "supporting-documents",
      supporting({
        costs: [
          { description: "Staff", category: "staff", amount: "£12.345", fundedBy: "clg" },
          { description: "Venues", category: "events-and-workshops", amount: "1,23,456", fundedBy: "clg" },
          { description: "Leaflets", category: "materials-and-publicity", amount: "", fundedBy: "clg" },
          { description: "Nothing", category: "other", amount: "0", fundedBy: "clg" },
        ],
      }),
    );
    expect(errors).toEqual([
      { text: "Amount for cost 1 must have no more than 2 decimal places", href: "#costs-0-amount" },
      { text: "Commas in the amount for cost 2 must separate thousands, like 12,345", href: "#costs-1-amount" },
      { text: "Enter the amount for cost 3", href: "#costs-2-amount" },
      { text: "Amount for cost 4 must be more than £0", href: "#costs-3-amount" },
    ]);
  });

  test("R-33 the amount requested from CLG must be £100,000 or less", () => {
    const errors = errorsOf(
      "supporting-documents",
      supporting({
        costs: [
          { description: "Staff", category: "staff", amount: "£60,000", fundedBy: "clg" },
          { description: "Events", category: "events-and-workshops", amount: "£40,000.01", fundedBy: "clg" },
        ],
      }),
    );
    expect(errors).toEqual([{ text: "The amount requested from CLG must be £100,000 or less", href: "#costs" }]);
  });

  test("R-33 a cost funded by another source names it", () => {
    const errors = errorsOf(
      "supporting-documents",
      supporting({
        costs: [
          { description: "Staff", category: "staff", amount: "£60,000", fundedBy: "clg" },
          { description: "Events", category: "events-and-workshops", amount: "£50,000", fundedBy: "other", otherSource: "" },
        ],
      }),
    );
    expect(errors).toEqual([{ text: "Enter the name of the other source funding cost 2", href: "#costs-1-otherSource" }]);
  });

  test("R-33 a breakdown needs at least one cost and a value-for-money statement", () => {
    expect(errorsOf("supporting-documents", supporting({ costs: [], valueForMoney: "" }))).toEqual([
      { text: "Add at least one cost", href: "#costs" },
      { text: "Enter how your proposal demonstrates value for money", href: "#valueForMoney" },
    ]);
  });

  test("R-31 the chief executive's statement is 150 words or fewer", () => {
    expect(validateSection("supporting-documents", supporting({ chiefExecutiveStatement: words(150) })).ok).toBe(true);
    expect(errorsOf("supporting-documents", supporting({ chiefExecutiveStatement: words(151) }))).toEqual([
      {
        text: "The chief executive’s statement must be 150 words or fewer – you have 151 words",
        href: "#chiefExecutiveStatement",
      },
    ]);
  });

  test.each([
    ["learningOutcomesNote", "Your note on learning outcomes must be 300 words or fewer – you have 301 words"],
    ["readiness", "Your statement on readiness must be 300 words or fewer – you have 301 words"],
    ["links", "Your paragraph on links with other work must be 300 words or fewer – you have 301 words"],
  ])("R-31 %s is 300 words or fewer", (field, message) => {
    expect(textsOf("supporting-documents", supporting({ [field]: words(300) }))).toEqual([]);
    expect(textsOf("supporting-documents", supporting({ [field]: words(301) }))).toEqual([message]);
  });

  test("R-31 past awards each have an award, a year from 1990 to 2009 and an outcome", () => {
    const errors = errorsOf(
      "supporting-documents",
      supporting({
        pastAwards: [
          { award: "investors-in-people", year: "1989", outcome: "Achieved" },
          { award: "other", otherAward: "", year: "2010", outcome: "" },
          { award: "charter-mark", year: "06", outcome: "Achieved" },
          { award: "", year: 2008, outcome: "Achieved" },
        ],
      }),
    );
    expect(errors).toEqual([
      { text: "Year of award or review 1 must be between 1990 and 2009", href: "#pastAwards-0-year" },
      { text: "Enter the name of award or review 2", href: "#pastAwards-1-otherAward" },
      { text: "Year of award or review 2 must be between 1990 and 2009", href: "#pastAwards-1-year" },
      { text: "Enter the outcome of award or review 2", href: "#pastAwards-1-outcome" },
      { text: "Year of award or review 3 must be a year, like 2008", href: "#pastAwards-2-year" },
      { text: "Select the name of award or review 4", href: "#pastAwards-3-award" },
    ]);
  });

  test("R-31 past award years are read as numbers", () => {
    const result = validateSection("supporting-documents", supporting({ pastAwards: [{ award: "other", otherAward: "Beacon Council", year: " 2009 ", outcome: "Awarded" }] }));
    expect(result.ok && result.data.pastAwards).toEqual([{ award: "other", otherAward: "Beacon Council", year: 2009, outcome: "Awarded" }]);
  });

  test("R-31 no past awards is an answer too", () => {
    const result = validateSection("supporting-documents", supporting({ hasPastAwards: "no", pastAwards: [{ award: "x" }] }));
    expect(result.ok && result.data.pastAwards).toEqual([]);
    expect(textsOf("supporting-documents", supporting({ hasPastAwards: "yes", pastAwards: [] }))).toEqual([
      "Add at least one award or review",
    ]);
  });
});

describe("R-32 two A4 pages: sections 2 to 9 share 1,000 words", () => {
  test("R-32 counts each written answer and each section, with the live count's counting", () => {
    const check = checkTwoPageLimit(makeAnswers());
    expect(check.totalWords).toBe(900);
    expect(check.withinLimit).toBe(true);
    expect(check.error).toBeNull();
    expect(check.bySection.map((section) => [section.number, section.words])).toEqual([
      [2, 100],
      [3, 100],
      [4, 200],
      [5, 100],
      [6, 100],
      [7, 200],
      [8, 100],
      [9, 0],
    ]);
    expect(check.byField.find((field) => field.field === "improvementPlan")).toMatchObject({
      sectionId: "customers-and-improvement-plan",
      words: 100,
      characters: 899,
    });
  });

  test("R-32 supporting documents and section 1 do not count", () => {
    const answers = makeAnswers({ "supporting-documents": { links: words(5_000) }, "about-the-bid": { contactRole: words(50) } });
    expect(checkTwoPageLimit(answers).totalWords).toBe(900);
  });

  test("R-32 exactly 1,000 words is within the limit", () => {
    const answers = makeAnswers({ "focus-area": { focusArea: "cse", focusAreaReason: words(100) } });
    expect(checkTwoPageLimit(answers)).toMatchObject({ totalWords: 1000, withinLimit: true });
  });

  test("R-32 over 1,000 words is an error that names the total", () => {
    const answers = makeAnswers({ "focus-area": { focusArea: "cse", focusAreaReason: words(143) } });
    expect(checkTwoPageLimit(answers)).toMatchObject({
      totalWords: 1043,
      withinLimit: false,
      error: "Sections 2 to 9 must be 1,000 words or fewer – you have 1,043 words",
    });
  });

  test("R-32 a hidden answer does not count", () => {
    const answers = makeAnswers({ "focus-area": { focusArea: "none", focusAreaReason: words(500) } });
    expect(checkTwoPageLimit(answers).totalWords).toBe(900);
  });

  test("R-32 the outline has a ceiling on characters, so very long words cannot overflow two pages", () => {
    const answers = makeAnswers({ leadership: { leadership: words(100, "x".repeat(70)) } });
    const check = checkTwoPageLimit(answers);
    expect(check.totalWords).toBe(900);
    expect(check.totalCharacters).toBe(7 * 899 + 2 * 449 + (100 * 71 - 1)); // "customer" answers and one of 70-letter words
    expect(check.error).toBe("Sections 2 to 9 must be 9,000 characters or fewer – you have 14,290 characters");
  });

  test("R-32 saving a section that takes the outline over the limit is an error on that section, and the text is kept", () => {
    const saved = makeAnswers();
    const typed = { impact: words(243) };
    const result = validateSection("impact", typed, { eoiAnswers: saved });
    expect(result).toMatchObject({
      ok: false,
      errors: [{ text: "Sections 2 to 9 must be 1,000 words or fewer – you have 1,043 words", href: "#impact" }],
      fieldErrors: { impact: "Sections 2 to 9 must be 1,000 words or fewer – you have 1,043 words" },
    });
    expect(typed.impact).toBe(words(243));
    // The same answers are fine on their own: the limit is shared.
    expect(validateSection("impact", typed).ok).toBe(true);
  });

  test("R-32 a section's new answers replace its saved ones in the total", () => {
    const saved = makeAnswers({ impact: { impact: words(300) } });
    expect(checkTwoPageLimit(saved).totalWords).toBe(1100);
    expect(validateSection("impact", { impact: words(100) }, { eoiAnswers: saved }).ok).toBe(true);
  });
});

describe("R-34 one page of a section at a time", () => {
  test("R-34 a page is checked for its own questions only", () => {
    const partial = { region: "London", authorityType: "london borough" };
    expect(validateFields("about-the-bid", partial, ["region", "authorityType"])).toEqual({
      ok: true,
      errors: [],
      fieldErrors: {},
    });
    expect(validateFields("about-the-bid", partial, ["contactName", "contactEmail"]).errors).toEqual([
      { text: "Enter the full name of the named contact", href: "#contactName" },
      { text: "Enter the named contact’s email address", href: "#contactEmail" },
    ]);
  });

  test("R-32 the shared limit shows on the page being saved", () => {
    const saved = makeAnswers();
    const typed = { ...saved["customers-and-improvement-plan"], improvementPlan: words(243) };
    const result = validateFields("customers-and-improvement-plan", typed, ["improvementPlan"], { eoiAnswers: saved });
    expect(result.errors).toEqual([
      { text: "Sections 2 to 9 must be 1,000 words or fewer – you have 1,043 words", href: "#improvementPlan" },
    ]);
  });

  test("R-31 a section with missing answers is not valid", () => {
    expect(isSectionValid("leadership", {})).toBe(false);
    expect(isSectionValid("leadership", makeAnswers().leadership)).toBe(true);
  });
});

describe("R-70 the schemas are safe to send to the browser", () => {
  test.each(["schema.ts", "sections.ts", "costs.ts"])("R-70 eoi/%s imports only zod and pure domain modules", (file) => {
    const source = readFileSync(new URL(`./${file}`, import.meta.url), "utf8");
    const imports = [...source.matchAll(/from\s+"([^"]+)"/g)].map((match) => match[1]);
    for (const specifier of imports) {
      expect(specifier === "zod" || (specifier?.startsWith("~/domain/") && !specifier.endsWith(".server"))).toBe(true);
    }
  });
});
