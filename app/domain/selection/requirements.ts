import { REQUIREMENTS, type Candidate, type Requirement } from "./types";

// R-43 the spread, as bits: requirement i of REQUIREMENTS is bit 1 << i.
export const ALL_REQUIREMENTS_MASK = (1 << REQUIREMENTS.length) - 1;

export function requirementBit(requirement: Requirement): number {
  return 1 << REQUIREMENTS.indexOf(requirement);
}

/** The bit of `kind:value`, per kind, by value (none for a value that meets no requirement). */
function bitsByValue(kind: string): Map<string, number> {
  const bits = new Map<string, number>();
  REQUIREMENTS.forEach((requirement, index) => {
    if (requirement.startsWith(`${kind}:`)) bits.set(requirement.slice(kind.length + 1), 1 << index);
  });
  return bits;
}
const THEME_BITS = bitsByValue("theme");
const TYPE_BITS = bitsByValue("type");
const SETTING_BITS = bitsByValue("setting");
const TRACK_BITS = bitsByValue("track");
const FOCUS_BITS = bitsByValue("focus");

/**
 * The requirements a candidate helps meet (its "requirement signature").
 * mixed counts as neither rural nor urban; a London borough meets no type
 * requirement; no focus meets no focus requirement.
 */
export function requirementSignature(
  candidate: Pick<Candidate, "themes" | "authorityType" | "setting" | "track" | "focus">,
): number {
  let signature = 0;
  const themes = candidate.themes;
  for (let i = 0; i < themes.length; i++) signature |= THEME_BITS.get(themes[i]) ?? 0; // R-43 every theme of R-5
  signature |= TYPE_BITS.get(candidate.authorityType) ?? 0; // R-43 each of the four types (not London boroughs)
  signature |= SETTING_BITS.get(candidate.setting) ?? 0; // R-43 a rural and an urban pilot (not mixed)
  signature |= TRACK_BITS.get(candidate.track) ?? 0; // R-43 an established and a starting-out pilot
  if (candidate.focus) signature |= FOCUS_BITS.get(candidate.focus) ?? 0; // R-43 each focus area of R-6 its own pilot
  return signature;
}

export function requirementsIn(mask: number): Requirement[] {
  return REQUIREMENTS.filter((_, index) => (mask & (1 << index)) !== 0);
}

const BIT_COUNTS = (() => {
  const counts = new Uint8Array(ALL_REQUIREMENTS_MASK + 1);
  for (let mask = 1; mask <= ALL_REQUIREMENTS_MASK; mask++) counts[mask] = counts[mask >> 1] + (mask & 1);
  return counts;
})();

/** How many requirements a mask meets. */
export function countMet(mask: number): number {
  return BIT_COUNTS[mask];
}

/** How the explanation names a requirement to a programme manager. */
export const REQUIREMENT_WORDS: Record<Requirement, { what: string; noCandidate: string; holders: string }> = {
  "theme:pledge": {
    what: "the service and remedy pledge theme",
    noCandidate: "no candidate addresses the service and remedy pledge theme",
    holders: "candidates addressing the service and remedy pledge theme",
  },
  "theme:frontline": {
    what: "the importance of the frontline theme",
    noCandidate: "no candidate addresses the importance of the frontline theme",
    holders: "candidates addressing the importance of the frontline theme",
  },
  "theme:partnerships": {
    what: "the customer-focused partnerships theme",
    noCandidate: "no candidate addresses the customer-focused partnerships theme",
    holders: "candidates addressing the customer-focused partnerships theme",
  },
  "type:metropolitan district": {
    what: "a metropolitan district",
    noCandidate: "no candidate is a metropolitan district",
    holders: "metropolitan district candidates",
  },
  "type:shire district": {
    what: "a shire district",
    noCandidate: "no candidate is a shire district",
    holders: "shire district candidates",
  },
  "type:shire county": {
    what: "a shire county",
    noCandidate: "no candidate is a shire county",
    holders: "shire county candidates",
  },
  "type:unitary": {
    what: "a unitary authority",
    noCandidate: "no candidate is a unitary authority",
    holders: "unitary candidates",
  },
  "setting:rural": { what: "a rural pilot", noCandidate: "no candidate is rural", holders: "rural candidates" },
  "setting:urban": { what: "an urban pilot", noCandidate: "no candidate is urban", holders: "urban candidates" },
  "track:established": {
    what: "an established pilot",
    noCandidate: "no candidate is established",
    holders: "established candidates",
  },
  "track:starting-out": {
    what: "a starting-out pilot",
    noCandidate: "no candidate is just starting out",
    holders: "starting-out candidates",
  },
  "focus:redundancy": {
    what: "the support to those made redundant focus",
    noCandidate: "no candidate has the support to those made redundant focus",
    holders: "candidates with the support to those made redundant focus",
  },
  "focus:cse": {
    what: "the Customer Service Excellence focus",
    noCandidate: "no candidate has the Customer Service Excellence focus",
    holders: "candidates with the Customer Service Excellence focus",
  },
  "focus:total-place": {
    what: "the Total Place focus",
    noCandidate: "no candidate has the Total Place focus",
    holders: "candidates with the Total Place focus",
  },
};
