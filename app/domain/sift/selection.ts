// R-43 From the sift to the selection: which bids are candidates, as the selection module's JSON
// format describes them, and how its answer reads to a programme manager. Pure: no I/O.

import { MAX_REQUEST_PENCE, type Candidate, type ForcedBy, type Lock, type Requirement } from "~/domain/selection";
import type { BidFacts } from "./bid";

export interface SiftedBid extends BidFacts {
  reference: string;
  submittedAt: string;
  /** R-42 the final score in hundredths, or null when there is none yet. */
  finalHundredths: number | null;
  finalStatus: string;
}

export type CandidateCheck = { ok: true; candidate: Candidate } | { ok: false; reason: string };

// R-43 "Candidates: scored EOIs not withdrawn or excluded." The rest are listed with the reason.
export function candidateFor(bid: SiftedBid, lock?: Lock): CandidateCheck {
  if (bid.finalHundredths === null) {
    return { ok: false, reason: bid.finalStatus === "needs-moderation" ? "Needs moderation before it has a final score" : "Not yet scored by two assessors" };
  }
  if (!bid.authorityType) return { ok: false, reason: "The lead authority's type is not known" };
  if (!bid.setting) return { ok: false, reason: "The bid does not say whether the area is rural, urban or mixed" };
  if (!bid.track) return { ok: false, reason: "The bid does not give its customer service track record" };
  if (bid.themes.length === 0) return { ok: false, reason: "The bid names no Toolkit theme" };
  if (bid.requestPence < 1 || bid.requestPence > MAX_REQUEST_PENCE) return { ok: false, reason: "The bid's request of CLG is not between £0.01 and £100,000" };
  return {
    ok: true,
    candidate: {
      id: bid.reference,
      region: bid.region as Candidate["region"],
      authorityType: bid.authorityType,
      setting: bid.setting,
      track: bid.track,
      themes: bid.themes,
      focus: bid.focus,
      requestPence: bid.requestPence,
      score: bid.finalHundredths / 100,
      submittedAt: bid.submittedAt,
      ...(lock ? { lock } : {}),
    },
  };
}

// R-43 The spread's requirements in the programme manager's words.
export const REQUIREMENT_LABELS: Readonly<Record<Requirement, string>> = {
  "theme:pledge": "A pilot addresses the service and remedy pledge",
  "theme:frontline": "A pilot addresses the importance of the frontline",
  "theme:partnerships": "A pilot addresses customer-focused partnerships",
  "type:metropolitan district": "A metropolitan district",
  "type:shire district": "A shire district",
  "type:shire county": "A shire county",
  "type:unitary": "A unitary authority",
  "setting:rural": "A rural pilot",
  "setting:urban": "An urban pilot",
  "track:established": "A pilot with an established track record",
  "track:starting-out": "A pilot just starting out",
  "focus:redundancy": "A pilot focused on support to those made redundant",
  "focus:cse": "A pilot focused on Customer Service Excellence",
  "focus:total-place": "A pilot focused on Total Place",
};

/** "region:London" or a requirement id, in words. */
export function requirementLabel(requirement: string): string {
  if (requirement.startsWith("region:")) return `A pilot in ${requirement.slice("region:".length)}`;
  return REQUIREMENT_LABELS[requirement as Requirement] ?? requirement;
}

/** R-43 What forced a region's pick away from its top scorer, in words. */
export function forcedByLabel(forcedBy: ForcedBy): string {
  if (forcedBy === "lock:in") return "you locked it in";
  if (forcedBy === "budget") return "the budget";
  const label = REQUIREMENT_LABELS[forcedBy];
  return label.charAt(0).toLowerCase() + label.slice(1);
}
