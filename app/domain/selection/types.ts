// The words of the selection rules and of its command line's JSON format.
// Pure data: no I/O. docs/selection.md describes the same format for a programme team.
import {
  AUTHORITY_TYPE_KEYS,
  FOCUS_AREA_KEYS,
  PROGRAMME,
  REGIONS as PROGRAMME_REGIONS,
  SETTING_KEYS,
  THEME_KEYS,
  TRACK_RECORD_KEYS,
  type AuthorityType,
  type FocusArea,
  type Setting,
  type Theme,
  type TrackRecord,
} from "../programme";

// The programme's facts come from one place (app/domain/programme.ts); the lists below are
// the values this format accepts, in the order the output uses.

// R-2 the nine Government Office regions, in R-2 order.
export const REGIONS = PROGRAMME_REGIONS;
export type Region = (typeof REGIONS)[number];

// R-4 authority types. London boroughs are the London region's own type and meet no spread requirement.
export const AUTHORITY_TYPES = AUTHORITY_TYPE_KEYS;
export type { AuthorityType, FocusArea, Setting, Theme };

export const SETTINGS = SETTING_KEYS;

export const TRACKS = TRACK_RECORD_KEYS;
export type Track = TrackRecord;

// R-5 the Toolkit's three themes.
export const THEMES = THEME_KEYS;

// R-6 the optional focus areas; a bid chooses at most one.
export const FOCUS_AREAS = FOCUS_AREA_KEYS;

export const LOCKS = ["in", "out"] as const;
export type Lock = (typeof LOCKS)[number];

// R-43 the spread: fourteen requirements on the whole set, in the order the output lists them.
// A requirement's bit is its index here (the solver works on 14-bit masks).
export const REQUIREMENTS = [
  "theme:pledge",
  "theme:frontline",
  "theme:partnerships",
  "type:metropolitan district",
  "type:shire district",
  "type:shire county",
  "type:unitary",
  "setting:rural",
  "setting:urban",
  "track:established",
  "track:starting-out",
  "focus:redundancy",
  "focus:cse",
  "focus:total-place",
] as const;
export type Requirement = (typeof REQUIREMENTS)[number];

// R-1 the total fund, £900,000, is the default budget.
export const DEFAULT_BUDGET_PENCE: number = PROGRAMME.totalFundPence;
// R-1 each pilot receives up to £100,000.
export const MAX_REQUEST_PENCE: number = PROGRAMME.maximumGrantPence;
export const MAX_ID_LENGTH = 64;

export interface Candidate {
  id: string;
  region: Region;
  authorityType: AuthorityType;
  setting: Setting;
  track: Track;
  themes: Theme[];
  focus?: FocusArea | null;
  requestPence: number;
  /** The final score out of 100, at most two decimals. */
  score: number;
  /** ISO-8601 instant with a time zone. */
  submittedAt: string;
  lock?: Lock;
}

/** The input after validation: the budget has its default. */
export interface SelectionInput {
  budgetPence: number;
  candidates: Candidate[];
}

export interface SelectedPilot {
  region: Region;
  id: string;
  score: number;
  requestPence: number;
}

export interface UnmetRequirement {
  /** A requirement id, or `region:<name>` for a region left without a pilot by the budget. */
  requirement: Requirement | `region:${Region}`;
  reason: string;
}

export type ForcedBy = "lock:in" | "budget" | Requirement;

export interface RegionOutcome {
  region: Region;
  pick: string | null;
  topScorer: string | null;
  pointsGivenUp: number | null;
  forcedBy: ForcedBy[];
  reserves: string[];
}

export interface SelectionResult {
  selected: SelectedPilot[];
  totalScore: number;
  totalRequestPence: number;
  met: Requirement[];
  unmet: UnmetRequirement[];
  regions: RegionOutcome[];
}

/** One problem with the input, at its JSON path, e.g. `candidates[3].region`. */
export interface SelectionProblem {
  path: string;
  message: string;
}
