// R-31 Each task-list section is a short sequence of question pages, then "Have you
// completed this section?". Most sections are one page; the long ones are split so that each
// page asks about one thing (GOV.UK "one thing per page", loosely).
import { sectionById, type Question, type SectionId } from "~/domain/eoi/sections";

export interface QuestionPage {
  /** The page's heading; a one-page section uses the section's title. */
  title: string;
  /** Names of the section's questions asked on this page, in order. */
  fields: readonly string[];
}

const SPLIT: Partial<Record<SectionId, QuestionPage[]>> = {
  "about-the-bid": [
    { title: "The lead authority", fields: ["region", "authorityType", "setting", "trackRecord"] },
    { title: "Partners", fields: ["hasPartners", "partners"] },
    { title: "Named contact", fields: ["contactName", "contactRole", "contactEmail", "contactPhone"] },
  ],
  "supporting-documents": [
    { title: "Cost breakdown", fields: ["costs", "valueForMoney"] },
    { title: "Chief executive’s statement", fields: ["chiefExecutiveName", "chiefExecutiveStatement"] },
    { title: "Learning, readiness and links", fields: ["learningOutcomesNote", "readiness", "links"] },
    { title: "Customer service awards and reviews", fields: ["hasPastAwards", "pastAwards"] },
  ],
};

export function sectionPages(sectionId: SectionId): QuestionPage[] {
  const section = sectionById(sectionId);
  return SPLIT[sectionId] ?? [{ title: section.title, fields: section.questions.map((question) => question.name) }];
}

export function pageQuestions(sectionId: SectionId, pageIndex: number): Question[] {
  const page = sectionPages(sectionId)[pageIndex];
  if (!page) return [];
  const section = sectionById(sectionId);
  return page.fields.map((name) => section.questions.find((question) => question.name === name)).filter((q): q is Question => Boolean(q));
}

// R-3 The lead authority's region and type are the bid's: they come from the register, not
// from the officer, and are shown rather than asked.
export const FIELDS_FROM_REGISTER = ["region", "authorityType"] as const;
