import type { World } from "./world";

// The vocabulary of the authorisation matrix's table (see authorisation-matrix.test.ts for what
// each outcome means). Shared by the table in the test and the stage files in ../expected/.

export type Cells = readonly [signedOut: string, owner: string, otherAuthority: string, assessorAssigned: string, assessorUnassigned: string, manager: string];
export interface Row {
  /**
   * The state of the owning authority's records the row is tried on: its EOI as a draft, its
   * EOI submitted, or (stage 4) its authority running a pilot — an accepted grant award — with
   * the clock at PILOT_CLOCK_NOW.
   */
  eoi: "draft" | "submitted" | "pilot";
  GET: Cells;
  POST: Cells;
  form?: (world: World) => Record<string, string>;
}

export const ok = "ok";
export const signIn = "redirect:/sign-in";
export const all = (outcome: string): Cells => [outcome, outcome, outcome, outcome, outcome, outcome];
export const noAction = all("405");
export const managerOnly = (outcome: string): Cells => [signIn, "403", "403", "403", "403", outcome];
export const notInvited: Cells = [signIn, "404", "404", "403", "403", "403"];
export const applicantOnly = (owner: string, otherAuthority: string): Cells => [signIn, owner, otherAuthority, "403", "403", "403"];
/** Stage 4: the pilot's own officers; another authority's officer has no pilot. */
export const pilotOnly = (owner: string, otherAuthority = "404"): Cells => [signIn, owner, otherAuthority, "403", "403", "403"];
export const date = (field: string, day: number, month: number, year: number) => ({ [`${field}-day`]: String(day), [`${field}-month`]: String(month), [`${field}-year`]: String(year) });

/**
 * A file of rows for one part of the service (test/security/expected/*.ts). Its optional
 * `setupPilot` runs once on the pilot world before that state is snapshotted, to create the
 * records its routes take by id; the values it returns are the params of those routes (use
 * param names no other route uses, e.g. $reportId, $claimId, $uploadId).
 */
export interface ExpectedFile {
  rows: Record<string, Row>;
  setupPilot?: (world: World) => Promise<Record<string, string>>;
}
