import { explainSelection } from "./explain";
import { prepareSelection } from "./prepare";
import { solveSelection } from "./solve";
import type { SelectionInput, SelectionProblem, SelectionResult } from "./types";
import { describeProblem, isValidatedSelectionInput, validateSelectionInput } from "./validate";

// R-43 selection of the nine pilots, and R-45 its JSON format (docs/selection.md).
// Pure: no I/O. The sift pages and scripts/select.ts both call selectPilots.

export { validateSelectionInput, describeProblem } from "./validate";
export type { SelectionValidation } from "./validate";
export * from "./types";

/** Thrown by selectPilots when its input breaks the format of R-45. */
export class SelectionInputError extends Error {
  constructor(readonly problems: SelectionProblem[]) {
    super(`the selection input is not valid:\n${problems.map(describeProblem).join("\n")}`);
    this.name = "SelectionInputError";
  }
}

/**
 * R-43 choose the set of pilots exactly, and explain it. An input straight from
 * validateSelectionInput is used as it is; any other input is validated first, and
 * a SelectionInputError lists its problems.
 */
export function selectPilots(input: SelectionInput): SelectionResult {
  let valid = input;
  if (!isValidatedSelectionInput(input)) {
    const validation = validateSelectionInput(input);
    if (!validation.ok) throw new SelectionInputError(validation.problems);
    valid = validation.input;
  }
  const selection = prepareSelection(valid);
  const optimum = solveSelection(selection);
  if (!optimum) throw new Error("no set of pilots fits: validation should have rejected the locks"); // unreachable
  return explainSelection(selection, optimum, (required) => solveSelection(selection, required));
}
