import type { Candidate, SelectionInput } from "~/domain/selection/types";

// Factories with valid defaults for the selection's tests (STYLE rule 9).

let serial = 0;

export function makeCandidate(overrides: Partial<Candidate> = {}): Candidate {
  serial++;
  return {
    id: `RTP-EOI-T${String(serial).padStart(5, "0")}`,
    region: "North East",
    authorityType: "london borough",
    setting: "mixed",
    track: "established",
    themes: ["pledge"],
    focus: null,
    requestPence: 5_000_000,
    score: 50,
    submittedAt: "2009-07-10T09:00:00Z",
    ...overrides,
  };
}

export function makeInput(candidates: Candidate[], budgetPence = 90_000_000): SelectionInput {
  return { budgetPence, candidates };
}
