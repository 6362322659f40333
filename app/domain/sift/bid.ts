// R-3 R-5 R-6 R-33 R-43 The facts of a bid that the sift and the selection use, read from its
// saved answers and its lead authority. Pure: no I/O.

import { summariseCosts, type CostLine } from "~/domain/eoi/costs";
import { answerRows, type EoiAnswers } from "~/domain/eoi/sections";
import { formatMoney, parseMoney } from "~/domain/money";
import {
  authorityTypeLabel,
  focusAreaLabel,
  settingLabel,
  themeLabel,
  trackRecordLabel,
  isAuthorityType,
  isCostCategory,
  isFocusArea,
  isSetting,
  isTheme,
  isTrackRecord,
  type AuthorityType,
  type FocusArea,
  type Setting,
  type Theme,
  type TrackRecord,
} from "~/domain/programme";

export interface BidFacts {
  /** R-3 the lead authority's region and type. */
  region: string;
  authorityType: AuthorityType | null;
  /** The pilot area as the bid describes it; the lead authority's own setting when not answered. */
  setting: Setting | null;
  track: TrackRecord | null;
  themes: Theme[];
  focus: FocusArea | null;
  /** R-33 what the bid asks of CLG, in pence. */
  requestPence: number;
  totalCostPence: number;
}

/** R-33 The cost lines of a bid's saved answers (amounts as typed, read into pence). */
export function costLines(answers: EoiAnswers): CostLine[] {
  return answerRows(answers["supporting-documents"]?.costs).flatMap((row) => {
    const parsed = parseMoney(String(row.amount ?? ""));
    if (!parsed.ok) return [];
    const category = isCostCategory(row.category) ? row.category : "other";
    const fundedBy = row.fundedBy === "clg" ? ("clg" as const) : { other: String(row.otherSource ?? "") };
    return [{ description: String(row.description ?? ""), category, amountPence: parsed.pence, fundedBy }];
  });
}

export function bidFacts(answers: EoiAnswers, authority: { region: string; type: string; setting: string }): BidFacts {
  const about = answers["about-the-bid"] ?? {};
  const toolkit = answers["toolkit-use"] ?? {};
  const focus = answers["focus-area"]?.focusArea;
  const costs = summariseCosts(costLines(answers));
  const themes = Array.isArray(toolkit.themes) ? toolkit.themes.filter(isTheme) : [];
  return {
    region: authority.region,
    authorityType: isAuthorityType(authority.type) ? authority.type : null,
    setting: isSetting(about.setting) ? about.setting : isSetting(authority.setting) ? authority.setting : null,
    track: isTrackRecord(about.trackRecord) ? about.trackRecord : null,
    themes: [...new Set(themes)],
    focus: isFocusArea(focus) ? focus : null,
    requestPence: costs.clgRequestPence,
    totalCostPence: costs.totalPence,
  };
}

/** The facts of a bid as label and text, for the summary at the top of the sift's bid pages. */
export function bidSummary(facts: BidFacts, bid: { authorityName: string; submittedText: string; partners: string[] }): Array<{ key: string; value: string }> {
  return [
    { key: "Lead authority", value: bid.authorityName },
    { key: "Region", value: facts.region },
    { key: "Type", value: facts.authorityType ? authorityTypeLabel(facts.authorityType) : "Not known" },
    { key: "Area", value: facts.setting ? settingLabel(facts.setting) : "Not answered" },
    { key: "Customer service", value: facts.track ? trackRecordLabel(facts.track) : "Not answered" },
    { key: "Themes", value: facts.themes.length ? facts.themes.map(themeLabel).join("; ") : "Not answered" },
    { key: "Focus area", value: facts.focus ? focusAreaLabel(facts.focus) : "None" },
    { key: "Partners", value: bid.partners.length ? bid.partners.join("; ") : "None" },
    { key: "Asked of CLG", value: formatMoney(facts.requestPence) },
    { key: "Total cost", value: formatMoney(facts.totalCostPence) },
    { key: "Submitted", value: bid.submittedText },
  ];
}

/** The partner organisations a bid names. */
export function partnerNames(answers: EoiAnswers): string[] {
  if (answers["about-the-bid"]?.hasPartners !== "yes") return [];
  return answerRows(answers["about-the-bid"]?.partners)
    .map((row) => String(row.name ?? "").trim())
    .filter(Boolean);
}
