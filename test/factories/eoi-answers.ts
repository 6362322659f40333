import { SECTION_IDS, type EoiAnswers, type SectionId } from "~/domain/eoi/sections";

export const words = (n: number, word = "customers") => Array.from({ length: n }, () => word).join(" ");

/** A complete, valid expression of interest's answers, with overrides by section. */
export function completeAnswers(overrides: Partial<Record<SectionId, Record<string, unknown>>> = {}): EoiAnswers {
  return {
    "about-the-bid": {
      region: "North East",
      authorityType: "metropolitan district",
      setting: "urban",
      trackRecord: "established",
      hasPartners: "no",
      contactName: "Helen Robson",
      contactRole: "Head of Customer Services",
      contactEmail: "contact@newcastle.example.gov.uk",
      contactPhone: "0191 496 0000",
    },
    "toolkit-use": { themes: ["frontline"], toolkitUse: words(100) },
    leadership: { leadership: words(100) },
    "customers-and-improvement-plan": { workingWithCustomers: words(100), improvementPlan: words(100) },
    "delivering-with-partners": { deliveringWithPartners: words(100) },
    impact: { impact: words(100) },
    "regional-champion": { regionalChampion: words(100), dissemination: words(100) },
    "evaluation-and-learning": { trackingOutcomes: words(50), learningOutcomes: words(50) },
    "focus-area": { focusArea: "none" },
    "supporting-documents": {
      costs: [{ description: "Project officer", category: "staff", amount: "£45,000", fundedBy: "clg" }],
      valueForMoney: "Shared posts with the local strategic partnership.",
      chiefExecutiveName: "Chris Lee",
      chiefExecutiveStatement: words(20),
      learningOutcomesNote: words(20),
      readiness: words(20),
      links: words(20),
      hasPastAwards: "no",
    },
    ...overrides,
  };
}

export const allMarkedComplete = () => Object.fromEntries(SECTION_IDS.map((id) => [id, true]));
