import { describe, expect, it } from "vitest";
import { checkTwoPageLimit } from "~/domain/eoi/schema";
import type { EoiAnswers, SectionAnswers, SectionId } from "~/domain/eoi/sections";
import { TWO_PAGE_CHARACTER_LIMIT, TWO_PAGE_WORD_LIMIT, countWords } from "~/domain/words";
import { SUPPORTING_DOCUMENTS_HEADING, layoutEoiPdf, renderEoiPdf, type EoiPdfInput } from "./eoi-pdf.server";
import { pageOf, pdfPages } from "../../test/setup/pdf";

// ---------------------------------------------------------------------------------------
// Factories

/** The written answers of sections 2 to 9, in page order: R-32's outline. */
const OUTLINE_FIELDS: ReadonlyArray<[SectionId, string]> = [
  ["toolkit-use", "toolkitUse"],
  ["leadership", "leadership"],
  ["customers-and-improvement-plan", "workingWithCustomers"],
  ["customers-and-improvement-plan", "improvementPlan"],
  ["delivering-with-partners", "deliveringWithPartners"],
  ["impact", "impact"],
  ["regional-champion", "regionalChampion"],
  ["regional-champion", "dissemination"],
  ["evaluation-and-learning", "trackingOutcomes"],
  ["evaluation-and-learning", "learningOutcomes"],
  ["focus-area", "focusAreaReason"],
];

/** The word that ends the outline: the last answer of section 9 ends with it (the factories put it last). */
const LAST_WORD = "Zanzibar";

/**
 * Sections 2 to 9 with every choice made that adds to their length (all themes, so every
 * follow-up question shows; a focus area, so its reason shows) and the outline's text shared
 * out over the eleven written answers, split between tokens, LAST_WORD last (added if missing).
 */
function makeOutline(tokens: readonly string[], separator: string): EoiAnswers {
  const answers: Record<string, Record<string, unknown>> = {
    "toolkit-use": {
      themes: ["pledge", "frontline", "partnerships"],
      pledgeScope: "partnership",
      partnershipKinds: ["strategic", "delivery", "co-located", "integrated"],
    },
    "focus-area": { focusArea: "redundancy" },
  };
  const all = tokens[tokens.length - 1] === LAST_WORD ? tokens : [...tokens, LAST_WORD];
  const perField = Math.ceil(all.length / OUTLINE_FIELDS.length);
  OUTLINE_FIELDS.forEach(([sectionId, name], index) => {
    (answers[sectionId] ??= {})[name] = all.slice(index * perField, (index + 1) * perField).join(separator);
  });
  return answers;
}

/**
 * Pieces of text cycled for as long as the outline stays within R-32's limits, counting
 * separators as characters: the longest permitted outline made of them.
 */
function longestOutlineOf(pieces: readonly string[], separator: string): string[] {
  const tokens: string[] = [];
  // Room is kept for LAST_WORD at the end.
  let characters = LAST_WORD.length;
  let words = 1;
  for (let index = 0; ; index += 1) {
    const piece = pieces[index % pieces.length]!;
    const addedCharacters = piece.length + separator.length;
    const addedWords = countWords(piece);
    if (characters + addedCharacters > TWO_PAGE_CHARACTER_LIMIT || words + addedWords > TWO_PAGE_WORD_LIMIT) break;
    tokens.push(piece);
    characters += addedCharacters;
    words += addedWords;
  }
  return [...tokens, LAST_WORD];
}

const ABOUT_THE_BID: SectionAnswers = {
  region: "North West",
  authorityType: "unitary",
  setting: "mixed",
  trackRecord: "established",
  hasPartners: "yes",
  partners: [
    { name: "Greater Anytown Primary Care Trust", sector: "public", kind: "strategic" },
    { name: "Anytown Citizens Advice Bureau", sector: "third", kind: "co-located" },
  ],
  contactName: "Jane Smith",
  contactRole: "Head of Customer Services",
  contactEmail: "jane.smith@anytown.gov.uk",
  contactPhone: "01632 960 001",
};

// Section 1 at its longest: 20 partners with 200-character names, every contact field full.
const LONGEST_ABOUT_THE_BID: SectionAnswers = {
  ...ABOUT_THE_BID,
  partners: Array.from({ length: 20 }, (_, index) => ({
    name: `Partner organisation ${index + 1} `.padEnd(200, "x"),
    sector: "third",
    kind: "integrated",
  })),
  contactName: "N".repeat(200),
  contactRole: "R".repeat(200),
};

const SUPPORTING_DOCUMENTS: SectionAnswers = {
  costs: [
    { description: "Project manager (0.5 FTE, 9 months)", category: "staff", amount: "£22,500", fundedBy: "clg" },
    { description: "Citizens’ panels", category: "events-and-workshops", amount: "12,345.50", fundedBy: "clg" },
    { description: "Mystery shopping", category: "evaluation", amount: "15000", fundedBy: "other", otherSource: "Anytown Council" },
  ],
  valueForMoney: "Most of the costs are staff time that stays in the authority.",
  chiefExecutiveName: "Dr Robert Jones",
  chiefExecutiveStatement: "I am committed to this pilot.",
  learningOutcomesNote: "A learning log.",
  readiness: "The project manager is in post.",
  links: "We are a Total Place pilot.",
  hasPastAwards: "yes",
  pastAwards: [
    { award: "customer-service-excellence", year: "2008", outcome: "Achieved" },
    { award: "other", otherAward: "Beacon status", year: "2007", outcome: "Awarded" },
  ],
};

function makeEoi(overrides: Partial<EoiPdfInput> = {}): EoiPdfInput {
  return {
    reference: "RTP-EOI-7KQ3MX",
    authorityName: "Anytown Borough Council",
    region: "North West",
    authorityType: "unitary",
    submittedAt: new Date("2009-07-16T16:30:00Z"),
    answers: {
      ...makeOutline(["We", "will", "use", "the", "whole", "Toolkit", "in", LAST_WORD], " "),
      "about-the-bid": ABOUT_THE_BID,
      "supporting-documents": SUPPORTING_DOCUMENTS,
    },
    ...overrides,
  };
}

// ---------------------------------------------------------------------------------------
// Reading the PDF back without poppler: pages in order, each page's text from its content
// stream (one line per text object), decoded from the built-in fonts' Windows-1252 (Node's
// TextDecoder reads "windows-1252" as Latin-1, so the 0x80–0x9F range is mapped here).

/** R-32 Lays out and checks the outline is on pages 1–2 and the supporting documents start on page 3. */
async function expectOutlineOnTwoPages(input: EoiPdfInput) {
  const layout = await layoutEoiPdf(input);
  const pages = pdfPages(layout.buffer);
  expect(layout.outlinePages).toBeLessThanOrEqual(2);
  expect(pageOf(pages, LAST_WORD)).toBeGreaterThanOrEqual(1);
  expect(pageOf(pages, LAST_WORD)).toBeLessThanOrEqual(2);
  expect(pageOf(pages, SUPPORTING_DOCUMENTS_HEADING)).toBe(3);
  expect(layout.supportingDocumentsPage).toBe(3);
  expect(pages).toHaveLength(layout.totalPages);
  expect(layout.outlineFontSize).toBeGreaterThanOrEqual(8);
  return { layout, pages };
}

// ---------------------------------------------------------------------------------------

describe("the expression of interest's hard copy", () => {
  it("R-32 an outline of 1,000 words and 9,000 characters is all on pages 1 and 2", async () => {
    const tokens = longestOutlineOf(["customer", "services", "improved", "pledging", "outcomes"], " ");
    const answers = { ...makeOutline(tokens, " "), "about-the-bid": ABOUT_THE_BID };
    const check = checkTwoPageLimit(answers);
    expect(check.withinLimit).toBe(true);
    expect(check.totalWords).toBe(TWO_PAGE_WORD_LIMIT);
    expect(check.totalCharacters).toBeGreaterThan(TWO_PAGE_CHARACTER_LIMIT - 15);

    const { layout } = await expectOutlineOnTwoPages(makeEoi({ answers }));
    expect(layout.lineBreaks).toBe("as-typed");
  });

  it("R-32 a 9,000-character outline of many short paragraphs is all on pages 1 and 2", async () => {
    // A paragraph (or a line) for every word the limit allows: 1,000 of them as typed.
    const cases = [
      { separator: "\n\n", words: ["answers", "quicker", "helpful", "kindest", "service"] },
      { separator: "\n", words: ["customer", "services", "improved", "pledging", "outcomes"] },
    ];
    for (const { separator, words } of cases) {
      const tokens = longestOutlineOf(words, separator);
      const answers = { ...makeOutline(tokens, separator), "about-the-bid": ABOUT_THE_BID };
      const check = checkTwoPageLimit(answers);
      expect(check.withinLimit).toBe(true);
      expect(check.totalWords).toBe(TWO_PAGE_WORD_LIMIT);
      expect(check.totalCharacters).toBeGreaterThan(TWO_PAGE_CHARACTER_LIMIT - 25);

      const { layout, pages } = await expectOutlineOnTwoPages(makeEoi({ answers }));
      expect(layout.lineBreaks).toBe("run-in");
      expect(pages[0]!.text).toContain(`${words[0]} ¶ ${words[1]}`);
    }
  });

  it("R-32 a 9,000-character outline of short sentences, each its own paragraph, is all on pages 1 and 2", async () => {
    const sentences = ["Residents’ representatives recommended improvements.", "Neighbourhood partnerships strengthened accountability."];
    const tokens = longestOutlineOf(sentences, "\n\n\n");
    const answers = { ...makeOutline(tokens, "\n\n\n"), "about-the-bid": ABOUT_THE_BID };
    const check = checkTwoPageLimit(answers);
    expect(check.withinLimit).toBe(true);
    expect(check.totalCharacters).toBeGreaterThan(TWO_PAGE_CHARACTER_LIMIT - 90);
    await expectOutlineOnTwoPages(makeEoi({ answers }));
  });

  it("R-32 a 9,000-character outline of long words is all on pages 1 and 2", async () => {
    const longWords = [
      ["responsibilities", "internationalisation", "customer-focused", "accountability", "neighbourhoods"],
      // The widest letters there are, lower case and capital (Helvetica's m and W).
      ["Mmmmmmmmmmmmmm"],
      ["WWWWWWWWW"],
    ];
    for (const words of longWords) {
      const tokens = longestOutlineOf(words, " ");
      const answers = { ...makeOutline(tokens, " "), "about-the-bid": ABOUT_THE_BID };
      const check = checkTwoPageLimit(answers);
      expect(check.withinLimit).toBe(true);
      expect(check.totalCharacters).toBeGreaterThan(TWO_PAGE_CHARACTER_LIMIT - 30);
      await expectOutlineOnTwoPages(makeEoi({ answers }));
    }
  });

  it("R-32 the longest section 1 moves to page 3 rather than push the outline past page 2", async () => {
    const tokens = longestOutlineOf(["customer", "services", "improved"], " ");
    const answers = {
      ...makeOutline(tokens, " "),
      "about-the-bid": LONGEST_ABOUT_THE_BID,
      "supporting-documents": SUPPORTING_DOCUMENTS,
    };
    const { layout, pages } = await expectOutlineOnTwoPages(makeEoi({ answers }));
    expect(layout.aboutTheBidPage).toBe(3);
    expect(pageOf(pages, "Partner organisation 1 ")).toBe(3);
    expect(pages[0]!.text).toContain("About the bid: page 3");
  });

  it("R-32 a draft over the limit says so on page 1 and still renders, its outline running on", async () => {
    const tokens = Array.from({ length: 1_500 }, (_, index) => ["customer", "services", "improved"][index % 3]!);
    const answers = { ...makeOutline(tokens, " "), "about-the-bid": ABOUT_THE_BID };
    const layout = await layoutEoiPdf(makeEoi({ reference: null, submittedAt: null, answers }));
    const pages = pdfPages(layout.buffer);
    expect(pages[0]!.text).toContain("Sections 2 to 9 must be 1,000 words or fewer – you have 1,501 words");
    expect(pageOf(pages, LAST_WORD)).toBe(layout.outlinePages);
    expect(pageOf(pages, SUPPORTING_DOCUMENTS_HEADING)).toBe(layout.supportingDocumentsPage);
    expect(layout.supportingDocumentsPage).toBeGreaterThan(layout.outlinePages);
  });

  it("R-32 R-9 the hard copy is A4 portrait", async () => {
    const buffer = await renderEoiPdf(makeEoi());
    expect(buffer.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const pages = pdfPages(buffer);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const page of pages) expect(page.mediaBox).toBe("0 0 595.28 841.89");
    expect(buffer.toString("latin1")).toContain(`/Count ${pages.length}`);
  });

  it("R-32 the supporting documents start on page 3, after a one-page outline too", async () => {
    const answers: EoiAnswers = {
      "about-the-bid": ABOUT_THE_BID,
      leadership: { leadership: `Our chief executive chairs the board. ${LAST_WORD}` },
      "supporting-documents": SUPPORTING_DOCUMENTS,
    };
    const { layout, pages } = await expectOutlineOnTwoPages(makeEoi({ answers }));
    expect(layout.outlinePages).toBe(1);
    expect(layout.outlineFontSize).toBe(10);
    expect(pages[1]!.text).toContain("The outline ends on page 1");
    expect(pageOf(pages, "Breakdown of estimated costs")).toBe(3);
  });

  it("R-9 an empty draft renders, marked as a draft on every page", async () => {
    const layout = await layoutEoiPdf(
      makeEoi({ reference: null, submittedAt: null, answers: {} }),
    );
    const pages = pdfPages(layout.buffer);
    expect(layout.outlinePages).toBe(1);
    expect(layout.supportingDocumentsPage).toBe(3);
    expect(pages).toHaveLength(3);
    expect(pages[0]!.text).toContain("Expression of interest: Anytown Borough Council");
    expect(pages[0]!.text).toContain("Not started");
    pages.forEach((page, index) => {
      expect(page.text).toContain("Draft – not submitted");
      expect(page.text).toContain(`Page ${index + 1} of 3`);
    });
  });

  it("R-35 a submitted expression of interest shows its reference on every page and its time in London", async () => {
    const pages = pdfPages(await renderEoiPdf(makeEoi()));
    // 16:30 UTC is 5:30pm British Summer Time.
    expect(pages[0]!.text).toContain("Submitted 5:30pm on 16 July 2009");
    pages.forEach((page, index) => {
      expect(page.text).toContain("RTP-EOI-7KQ3MX");
      expect(page.text).toContain(`Page ${index + 1} of ${pages.length}`);
    });
  });

  it("R-33 the cost breakdown shows each amount as pounds, who funds it and the totals", async () => {
    const pages = pdfPages(await renderEoiPdf(makeEoi()));
    const supporting = pages[2]!.text;
    for (const text of ["£22,500", "£12,345.50", "£15,000", "Events and workshops", "Anytown Council", "CLG"]) {
      expect(supporting).toContain(text);
    }
    expect(supporting).toMatch(/Total cost\n£49,845\.50/);
    expect(supporting).toMatch(/Requested from CLG\n£34,845\.50/);
    expect(supporting).toMatch(/Other sources\n£15,000/);
    for (const text of ["Dr Robert Jones", "I am committed to this pilot.", "Customer Service Excellence", "Beacon status", "2007"]) {
      expect(supporting).toContain(text);
    }
  });

  it("R-31 choices are shown by their labels, never their keys, and hidden answers are left out", async () => {
    const answers: EoiAnswers = {
      ...makeEoi().answers,
      "toolkit-use": { themes: ["frontline"], pledgeScope: "service-area", toolkitUse: "Frontline first." },
      "focus-area": { focusArea: "none", focusAreaReason: "A reason from before the officer changed their mind." },
    };
    const text = pdfPages(await renderEoiPdf(makeEoi({ answers }))).map((page) => page.text).join("\n");
    expect(text).toContain("Importance of the frontline");
    expect(text).toContain("Mixed rural and urban");
    expect(text).toContain("Strategic partnership");
    expect(text).toContain("Public sector");
    expect(text).toContain("No, the pilot will not focus on one of these areas");
    expect(text).not.toContain("service-area"); // the pledge question is hidden: no pledge theme
    expect(text).not.toContain("A service area");
    expect(text).not.toContain("A reason from before");
    expect(text).not.toContain("co-located");
  });

  it("characters the built-in fonts cannot show are replaced rather than garbled", async () => {
    const answers: EoiAnswers = {
      ...makeEoi().answers,
      leadership: { leadership: "Caerdydd’s ŵyr and ŷd – café £5 😀" },
    };
    const text = pdfPages(await renderEoiPdf(makeEoi({ answers }))).map((page) => page.text).join("\n");
    expect(text).toContain("Caerdydd’s wyr and yd – café £5 ?");
  });
});
