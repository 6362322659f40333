// R-43 benchmark: our exact selection against HiGHS (a MILP solver, WebAssembly) on the same
// seeded instances, in the same run. `npm run bench:select` prints a table; `npm run bench`
// can call runSelectionBench() and include the numbers.
//
// Both sides are given a valid problem: "ours" is selectPilots on a validated input (solve and
// explanation); "HiGHS" is writing the LP text and solving it with a zero gap. Validation, which
// the command line and the service run first, is timed on its own and shown beside them.
import { pathToFileURL } from "node:url";
import { selectPilots, validateSelectionInput } from "~/domain/selection";
import { countMet, requirementSignature } from "~/domain/selection/requirements";
import type { SelectionInput } from "~/domain/selection/types";
import { scoreInHundredths } from "~/domain/selection/validate";
import { loadHighs, solveWithHighs } from "../test/selection/highs-model";
import { randomSelectionInput } from "../test/selection/random-selection-input";

export interface SelectionBenchRow {
  name: string;
  regions: number;
  candidatesPerRegion: number;
  budget: "£900,000" | "tight";
  instances: number;
  /** selectPilots on a validated input: solve and explanation. */
  oursMedianMs: number;
  /** validateSelectionInput on the raw input, which the command line and the service run first. */
  validationMedianMs: number;
  highsMedianMs: number;
  /** HiGHS median ÷ our median: how many times faster ours is, both given a valid problem. */
  ratio: number;
  /** HiGHS median ÷ (validation + ours). */
  ratioWithValidation: number;
  /** Both found the same regions filled, requirements met and total score on every instance. */
  agree: boolean;
}

export interface SelectionBenchResult {
  rows: SelectionBenchRow[];
  node: string;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

function instances(perRegion: number, tight: boolean, count: number): SelectionInput[] {
  return Array.from({ length: count }, (_, n) => {
    const input = randomSelectionInput(900_000 + perRegion * 1_000 + n, {
      maxPerRegion: perRegion,
      exactPerRegion: true,
    });
    if (tight) {
      // About 60% of what nine average requests would need: regions compete for the money.
      const average =
        input.candidates.reduce((sum, candidate) => sum + candidate.requestPence, 0) / input.candidates.length;
      input.budgetPence = Math.floor(9 * average * 0.6);
    }
    return input;
  });
}

function outcomeOfIndexes(input: SelectionInput, indexes: number[]) {
  const picked = indexes.map((index) => input.candidates[index]);
  return {
    filled: picked.length,
    met: countMet(picked.reduce((mask, candidate) => mask | requirementSignature(candidate), 0)),
    points: picked.reduce((sum, candidate) => sum + scoreInHundredths(candidate.score), 0),
  };
}

/** Runs `task` and returns how long it took in milliseconds. */
function time(task: () => unknown): number {
  const start = performance.now();
  task();
  return performance.now() - start;
}

export async function runSelectionBench(
  options: { instances?: number; repeats?: number } = {},
): Promise<SelectionBenchResult> {
  const highs = await loadHighs();
  const repeats = options.repeats ?? 3;
  const rows: SelectionBenchRow[] = [];
  const families = [
    { perRegion: 50, tight: false },
    { perRegion: 50, tight: true },
    { perRegion: 200, tight: false },
    { perRegion: 200, tight: true },
  ];
  for (const { perRegion, tight } of families) {
    const count = options.instances ?? (perRegion === 50 ? 31 : 15);
    const inputs = instances(perRegion, tight, count);
    // Warm up both, so neither pays for compilation in the measured runs.
    for (const input of inputs.slice(0, 5)) {
      selectPilots(input);
      solveWithHighs(highs, input);
    }
    const ours: number[] = [];
    const validation: number[] = [];
    const theirs: number[] = [];
    let agree = true;
    for (const input of inputs) {
      // Each instance runs `repeats` times, interleaved; its time is the median of those runs,
      // so a moment of load on the machine does not count against either side.
      const runs = { ours: [] as number[], validation: [] as number[], theirs: [] as number[] };
      for (let repeat = 0; repeat < repeats; repeat++) {
        let valid: SelectionInput | undefined;
        runs.validation.push(
          time(() => {
            const checked = validateSelectionInput(input);
            if (checked.ok) valid = checked.input;
          }),
        );
        if (!valid) throw new Error("a benchmark instance is not valid input");
        const validInput = valid;
        runs.ours.push(time(() => selectPilots(validInput)));
        runs.theirs.push(time(() => solveWithHighs(highs, input)));
      }
      ours.push(median(runs.ours));
      validation.push(median(runs.validation));
      theirs.push(median(runs.theirs));

      const result = selectPilots(input);
      const byId = new Map(input.candidates.map((candidate, index) => [candidate.id, index]));
      const mine = outcomeOfIndexes(
        input,
        result.selected.map((pilot) => byId.get(pilot.id) as number),
      );
      const oracle = outcomeOfIndexes(input, solveWithHighs(highs, input).pickedIndexes);
      if (mine.filled !== oracle.filled || mine.met !== oracle.met || mine.points !== oracle.points) agree = false;
    }
    const oursMedianMs = median(ours);
    const validationMedianMs = median(validation);
    const highsMedianMs = median(theirs);
    rows.push({
      name: `9 × ${perRegion}, ${tight ? "tight budget" : "£900,000"}`,
      regions: 9,
      candidatesPerRegion: perRegion,
      budget: tight ? "tight" : "£900,000",
      instances: count,
      oursMedianMs,
      validationMedianMs,
      highsMedianMs,
      ratio: highsMedianMs / oursMedianMs,
      ratioWithValidation: highsMedianMs / (validationMedianMs + oursMedianMs),
      agree,
    });
  }
  return { rows, node: process.version };
}

export function formatSelectionBench(result: SelectionBenchResult): string {
  const header = [
    "instances",
    "ours (ms)",
    "HiGHS (ms)",
    "HiGHS ÷ ours",
    "validation (ms)",
    "HiGHS ÷ (validation + ours)",
    "same optimum",
  ];
  const lines = result.rows.map((row) => [
    row.name,
    String(row.instances),
    row.oursMedianMs.toFixed(2),
    row.highsMedianMs.toFixed(2),
    `${row.ratio.toFixed(1)}×`,
    row.validationMedianMs.toFixed(2),
    `${row.ratioWithValidation.toFixed(1)}×`,
    row.agree ? "yes" : "NO",
  ]);
  const table = [[`medians, Node ${result.node}`, ...header], ...lines];
  const widths = table[0].map((_, column) => Math.max(...table.map((line) => line[column].length)));
  return table
    .map((line) =>
      line
        .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column])))
        .join("  "),
    )
    .join("\n");
}

/** The same numbers as a Markdown table, for docs/selection.md. */
export function formatSelectionBenchMarkdown(result: SelectionBenchResult): string {
  const lines = [
    "| family: instances | median, ours | median, HiGHS | HiGHS ÷ ours | validation | HiGHS ÷ (validation + ours) | same optimum |",
    "|---|---|---|---|---|---|---|",
    ...result.rows.map(
      (row) =>
        `| ${row.name}: ${row.instances} | ${row.oursMedianMs.toFixed(2)} ms | ${row.highsMedianMs.toFixed(2)} ms | ` +
        `${row.ratio.toFixed(1)}× | ${row.validationMedianMs.toFixed(2)} ms | ${row.ratioWithValidation.toFixed(
          1,
        )}× | ` +
        `${row.agree ? "yes" : "NO"} |`,
    ),
  ];
  return lines.join("\n");
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await runSelectionBench();
  if (process.argv.includes("--markdown")) {
    console.log(formatSelectionBenchMarkdown(result));
  } else {
    console.log(formatSelectionBench(result));
    for (const row of result.rows.filter((row) => row.budget === "£900,000")) {
      if (row.candidatesPerRegion === 50)
        console.log(`target: at least 20× faster than HiGHS on 9 × 50; measured ${row.ratio.toFixed(1)}×`);
      if (row.candidatesPerRegion === 200)
        console.log(`target: under 50 ms on 9 × 200; measured ${row.oursMedianMs.toFixed(2)} ms`);
    }
  }
}
