import {
  AUTHORITY_TYPES,
  FOCUS_AREAS,
  REGIONS,
  SETTINGS,
  THEMES,
  TRACKS,
  type Candidate,
  type SelectionInput,
} from "~/domain/selection/types";

// Seeded random selection inputs for the HiGHS cross-check and the benchmark.
// The same seed always gives the same input, so a failing instance can be replayed.

/** mulberry32: a small, fast, seeded PRNG returning numbers in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface RandomInputOptions {
  /** Candidates per non-empty region, drawn from 1..maxPerRegion, or exactly this many when `exactPerRegion`. */
  maxPerRegion: number;
  exactPerRegion?: boolean;
  /** Allow regions with no candidate at all. */
  emptyRegions?: boolean;
  /** Allow budgets below the requests of the candidates. */
  tightBudgets?: boolean;
  /** Rule out a few candidates and lock one in in some regions. */
  locks?: boolean;
  /** Sometimes leave an attribute value (and so a requirement) out of every candidate. */
  unmeetableRequirements?: boolean;
  /** Sometimes draw scores and requests from a few values, so ties are common. */
  ties?: boolean;
}

export function randomSelectionInput(seed: number, options: RandomInputOptions): SelectionInput {
  const random = mulberry32(seed);
  const chance = (p: number) => random() < p;
  const integer = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
  const pickFrom = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)];

  const coarse = options.ties === true && chance(0.4);
  // Requirements no candidate can meet: remove a type, focus, setting or track from the pool.
  const missing = new Set<string>();
  if (options.unmeetableRequirements && chance(0.3)) {
    for (let n = integer(1, 2); n > 0; n--) {
      missing.add(pickFrom(["shire county", "unitary", "total-place", "cse", "rural", "starting-out", "partnerships"]));
    }
  }
  const types = AUTHORITY_TYPES.filter((type) => !missing.has(type));
  const settings = SETTINGS.filter((setting) => !missing.has(setting));
  const tracks = TRACKS.filter((track) => !missing.has(track));
  const themes = THEMES.filter((theme) => !missing.has(theme));
  const focuses = FOCUS_AREAS.filter((focus) => !missing.has(focus));
  const rareFocus = chance(0.5); // focus areas are rare in real bids

  const candidates: Candidate[] = [];
  let serial = 0;
  for (const region of REGIONS) {
    if (options.emptyRegions && chance(0.12)) continue;
    const count = options.exactPerRegion ? options.maxPerRegion : integer(1, options.maxPerRegion);
    for (let n = 0; n < count; n++) {
      serial++;
      const chosenThemes = themes.filter(() => chance(0.45));
      if (chosenThemes.length === 0) chosenThemes.push(pickFrom(themes));
      const focusRoll = random();
      const focus = focusRoll < (rareFocus ? 0.85 : 0.4) ? null : pickFrom(focuses);
      const requestPence = coarse ? pickFrom([6_000_000, 8_000_000, 10_000_000]) : integer(1_000_000, 10_000_000);
      const score = coarse ? pickFrom([60, 62.5, 65, 70]) : integer(2_000, 9_500) / 100;
      const minute = coarse ? integer(0, 3) : integer(0, 60 * 24 * 20);
      candidates.push({
        id: `RTP-EOI-${String(seed % 100_000).padStart(5, "0")}${String(serial).padStart(4, "0")}`,
        region,
        authorityType: region === "London" && chance(0.7) ? "london borough" : pickFrom(types),
        setting: pickFrom(settings),
        track: pickFrom(tracks),
        themes: chosenThemes,
        focus,
        requestPence,
        score,
        submittedAt: new Date(Date.UTC(2009, 6, 1) + minute * 60_000).toISOString(),
      });
    }
  }
  // Shuffle, so input order carries no meaning.
  for (let i = candidates.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [candidates[i], candidates[j]] = [candidates[j], candidates[i]];
  }

  let budgetPence = 90_000_000;
  if (options.tightBudgets && chance(0.7)) {
    // A budget around what a set of typical picks would request: often too little for all nine.
    const typical = REGIONS.reduce((sum, region) => {
      const inRegion = candidates.filter((candidate) => candidate.region === region);
      return inRegion.length === 0 ? sum : sum + pickFrom(inRegion).requestPence;
    }, 0);
    budgetPence = Math.floor(typical * (0.35 + 0.7 * random()));
  }

  if (options.locks) {
    // The manager rules out a few candidates and locks one in in some regions.
    let lockedInPence = 0;
    for (const candidate of candidates) if (chance(0.06)) candidate.lock = "out";
    for (const region of REGIONS) {
      const inRegion = candidates.filter((candidate) => candidate.region === region && candidate.lock === undefined);
      if (inRegion.length === 0 || !chance(0.2)) continue;
      const chosen = pickFrom(inRegion);
      if (lockedInPence + chosen.requestPence > budgetPence) continue; // locks that exceed the budget are invalid input
      chosen.lock = "in";
      lockedInPence += chosen.requestPence;
    }
  }
  return { budgetPence, candidates };
}
