import { requirementSignature } from "~/domain/selection/requirements";
import { scoreInHundredths } from "~/domain/selection/validate";
import { REGIONS, REQUIREMENTS, type SelectionInput } from "~/domain/selection/types";

// The selection of R-43 as a mixed-integer linear programme, for HiGHS: an independent oracle
// for the cross-check and the benchmark. It shares nothing with the solver but the rules.
//
//   x_c ∈ {0,1}  candidate c is picked (ruled-out candidates have no variable; locked-in ones are fixed to 1)
//   y_q ∈ {0,1}  requirement q is met
//   region r:      Σ_{c in r} x_c ≤ 1                       (R-43 rule 1)
//   requirement q: y_q − Σ_{c meets q} x_c ≤ 0              (R-43 rule 2)
//   budget:        Σ request_c · x_c ≤ budget               (R-43 rule 3)
//   maximise   FILL · Σ x_c + MEET · Σ y_q + Σ points_c · x_c
// Points are whole hundredths (at most 9 × 10,000 = 90,000 in a set), so MEET = 90,001 puts one
// more requirement above any score, and FILL = 15 × 90,001 puts one more region above fourteen
// requirements and any score: the weighted objective is exactly the lexicographic one, and every
// coefficient is an integer far below 2^53. The solve asks for a zero gap.

export const MEET = 90_001;
export const FILL = 15 * MEET;

export interface HighsOutcome {
  status: string;
  pickedIndexes: number[];
  objective: number;
}

type HighsSolver = { solve(problem: string, options?: Record<string, unknown>): HighsRawSolution };
type HighsRawSolution = { Status: string; ObjectiveValue: number; Columns: Record<string, { Primal: number }> };

let loaded: Promise<HighsSolver> | undefined;
export function loadHighs(): Promise<HighsSolver> {
  loaded ??= import("highs").then(async (module) => (await module.default()) as unknown as HighsSolver);
  return loaded;
}

export const HIGHS_OPTIONS = {
  output_flag: false,
  mip_rel_gap: 0,
  mip_abs_gap: 0.5,
  mip_feasibility_tolerance: 1e-9,
} as const;

/** The CPLEX LP text of the selection problem (at least one candidate not ruled out). */
export function selectionAsLp(input: SelectionInput): string {
  const eligible = input.candidates
    .map((candidate, index) => ({ candidate, index }))
    .filter(({ candidate }) => candidate.lock !== "out");
  const objective: string[] = [];
  const rows: string[] = [];
  const bounds: string[] = [];
  const binaries: string[] = [];

  for (const { candidate, index } of eligible) {
    objective.push(`+ ${FILL + scoreInHundredths(candidate.score)} x${index}`);
    binaries.push(`x${index}`);
    if (candidate.lock === "in") bounds.push(`x${index} = 1`);
  }
  REGIONS.forEach((region, r) => {
    const inRegion = eligible.filter(({ candidate }) => candidate.region === region);
    if (inRegion.length > 1) rows.push(` region${r}: ${inRegion.map(({ index }) => `+ x${index}`).join(" ")} <= 1`);
  });
  REQUIREMENTS.forEach((_, q) => {
    const meeting = eligible.filter(({ candidate }) => (requirementSignature(candidate) & (1 << q)) !== 0);
    if (meeting.length === 0) return; // no candidate can meet it: y_q would be 0
    objective.push(`+ ${MEET} y${q}`);
    binaries.push(`y${q}`);
    rows.push(` meet${q}: y${q} ${meeting.map(({ index }) => `- x${index}`).join(" ")} <= 0`);
  });
  rows.push(
    ` budget: ${eligible.map(({ candidate, index }) => `+ ${candidate.requestPence} x${index}`).join(" ")} <= ${
      input.budgetPence
    }`,
  );
  return [
    "Maximize",
    ` obj: ${objective.join(" ")}`,
    "Subject To",
    ...rows,
    "Bounds",
    ...bounds.map((bound) => ` ${bound}`),
    "Binary",
    ...binaries.map((name) => ` ${name}`),
    "End",
  ].join("\n");
}

/** Solve with HiGHS and read back the picked candidates (by input index). */
export function solveWithHighs(highs: HighsSolver, input: SelectionInput): HighsOutcome {
  if (!input.candidates.some((candidate) => candidate.lock !== "out")) {
    return { status: "Optimal", pickedIndexes: [], objective: 0 }; // nothing to choose: HiGHS is not needed
  }
  const solution = highs.solve(selectionAsLp(input), HIGHS_OPTIONS);
  const pickedIndexes: number[] = [];
  for (const [name, column] of Object.entries(solution.Columns ?? {})) {
    if (name.startsWith("x") && column.Primal > 0.5) pickedIndexes.push(Number(name.slice(1)));
  }
  return {
    status: solution.Status,
    pickedIndexes: pickedIndexes.sort((a, b) => a - b),
    objective: solution.ObjectiveValue,
  };
}
