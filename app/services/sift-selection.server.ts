import type { Knex } from "knex";
import { enqueueEmail } from "../../emails/outbox.server";
import { recordAudit } from "~/data/audit.server";
import { findRound, type Round } from "~/data/rounds.server";
import {
  INVITED,
  NOT_SELECTED,
  findSelection,
  findShortlist,
  insertSelection,
  insertShortlist,
  listSelections,
  setEoiStatus,
  type SavedSelection,
  type Shortlist,
} from "~/data/sift.server";
import { isUniqueViolation, type User } from "~/data/users.server";
import { formatDateLondon, formatDateTimeLondon } from "~/domain/calendar";
import { SelectionInputError, selectPilots, type Candidate, type SelectionInput, type SelectionResult } from "~/domain/selection";
import { lockFieldId, type LockChoice } from "~/domain/sift/forms";
import { candidateFor } from "~/domain/sift/selection";
import { SiftNotFoundError, SiftRuleError, requireRole } from "./sift-errors.server";
import { invitationLetter, outcomeLetter } from "./sift-letters.server";
import { loadSiftState, type BidInSift } from "./sift-overview.server";

// R-43 Selection on the sift's final scores, with the same selectPilots the command line runs
// (R-45); R-44 confirming the shortlist: statuses, letters through the outbox, audit.

type Db = Knex | Knex.Transaction;

export interface CandidateRow {
  bid: BidInSift;
  candidate: Candidate | null;
  reason: string | null;
}

/** What a saved selection keeps about each candidate, as it was when it was saved. */
export type CandidateSnapshot = Record<string, { eoiId: number; authorityName: string; region: string; finalHundredths: number }>;

async function candidateRows(db: Db, roundId: number): Promise<CandidateRow[]> {
  const state = await loadSiftState(db, roundId);
  return state.bids
    .filter((bid) => bid.status === "submitted")
    .map((bid) => {
      const check = candidateFor({ ...bid, finalHundredths: bid.final.hundredths, finalStatus: bid.final.status });
      return { bid, candidate: check.ok ? check.candidate : null, reason: check.ok ? null : check.reason };
    });
}

export interface SelectionPage {
  round: Round;
  rows: CandidateRow[];
  saved: SavedSelection[];
  shortlist: Shortlist | null;
}

export async function loadSelectionPage(db: Knex, input: { actor: User; roundId: number }): Promise<SelectionPage> {
  requireRole(input.actor, "programme_manager");
  const round = await findRound(db, input.roundId);
  if (!round) throw new SiftNotFoundError();
  const [rows, saved, shortlist] = await Promise.all([candidateRows(db, round.id), listSelections(db, round.id), findShortlist(db, round.id)]);
  return { round, rows, saved, shortlist };
}

/** R-43 The selection's input from the sift: candidates with final scores and the locks chosen. */
export function selectionInput(rows: readonly CandidateRow[], locks: Readonly<Record<number, LockChoice>>, budgetPence: number): { input: SelectionInput; snapshot: CandidateSnapshot } {
  const candidates: Candidate[] = [];
  const snapshot: CandidateSnapshot = {};
  for (const row of rows) {
    if (!row.candidate) continue;
    const lock = locks[row.bid.id];
    candidates.push(lock ? { ...row.candidate, lock } : row.candidate);
    snapshot[row.candidate.id] = { eoiId: row.bid.id, authorityName: row.bid.authorityName, region: row.bid.region, finalHundredths: row.bid.final.hundredths! };
  }
  return { input: { budgetPence, candidates }, snapshot };
}

/** R-43 R-73 Two bids locked in in one region: each gets a message by its lock. */
function checkLocks(rows: readonly CandidateRow[], locks: Readonly<Record<number, LockChoice>>): void {
  const byRegion = new Map<string, CandidateRow[]>();
  for (const row of rows) {
    if (!row.candidate || locks[row.bid.id] !== "in") continue;
    byRegion.set(row.bid.region, [...(byRegion.get(row.bid.region) ?? []), row]);
  }
  for (const [region, locked] of byRegion) {
    if (locked.length > 1) {
      throw new SiftRuleError(
        lockFieldId(locked[1]!.bid.id),
        `Lock in one bid at most in ${region}: you locked in ${locked.map((row) => `${row.bid.reference} (${row.bid.authorityName})`).join(" and ")}`,
      );
    }
  }
}

export interface SelectionRun {
  input: SelectionInput;
  result: SelectionResult;
  snapshot: CandidateSnapshot;
}

function run(rows: readonly CandidateRow[], locks: Readonly<Record<number, LockChoice>>, budgetPence: number): SelectionRun {
  checkLocks(rows, locks);
  const { input, snapshot } = selectionInput(rows, locks, budgetPence);
  try {
    return { input, snapshot, result: selectPilots(input) };
  } catch (error) {
    if (error instanceof SelectionInputError) {
      const first = error.problems[0]!;
      const index = /^candidates\[(\d+)\]/.exec(first.path)?.[1];
      const reference = index === undefined ? null : input.candidates[Number(index)]?.id;
      const eoiId = reference ? snapshot[reference]?.eoiId : undefined;
      throw new SiftRuleError(eoiId ? lockFieldId(eoiId) : "locks", `The selection could not run: ${first.message}`);
    }
    throw error;
  }
}

/** R-43 Runs the selection on the round's current final scores with the locks chosen. Nothing is saved. */
export async function runSelection(db: Knex, input: { actor: User; roundId: number; locks: Record<number, LockChoice> }): Promise<SelectionRun> {
  const page = await loadSelectionPage(db, input);
  return run(page.rows, input.locks, page.round.totalFundPence);
}

/** R-43 R-21 Runs the selection again and records its inputs and result, audited. */
export async function saveSelection(db: Knex, input: { actor: User; roundId: number; locks: Record<number, LockChoice>; now: Date }): Promise<number> {
  requireRole(input.actor, "programme_manager");
  return db.transaction(async (trx) => {
    const round = await findRound(trx, input.roundId);
    if (!round) throw new SiftNotFoundError();
    if (await findShortlist(trx, round.id)) throw new SiftRuleError("locks", "The shortlist has already been confirmed");
    const outcome = run(await candidateRows(trx, round.id), input.locks, round.totalFundPence);
    const id = await insertSelection(trx, { roundId: round.id, input: outcome.input, result: outcome.result, candidates: outcome.snapshot, by: input.actor.id, at: input.now });
    await recordAudit(trx, {
      actorUserId: input.actor.id,
      action: "sift.selection-saved",
      entityType: "sift_selection",
      entityId: id,
      after: {
        locks: outcome.input.candidates.filter((c) => c.lock).map((c) => ({ id: c.id, lock: c.lock })),
        selected: outcome.result.selected.map((s) => s.id),
        totalScore: outcome.result.totalScore,
        unmet: outcome.result.unmet.map((u) => u.requirement),
      },
      at: input.now,
    });
    return id;
  });
}

export async function loadSavedSelection(db: Knex, input: { actor: User; selectionId: number }) {
  requireRole(input.actor, "programme_manager");
  const selection = (await findSelection(db, input.selectionId)) as SavedSelection<SelectionInput, SelectionResult, CandidateSnapshot> | null;
  if (!selection) throw new SiftNotFoundError();
  const [round, shortlist, rows] = await Promise.all([findRound(db, selection.roundId), findShortlist(db, selection.roundId), candidateRows(db, selection.roundId)]);
  const current = selectionInput(rows, Object.fromEntries(selection.input.candidates.filter((c) => c.lock).map((c) => [selection.candidates[c.id]?.eoiId ?? 0, c.lock!])), round!.totalFundPence);
  const bidsInRound = rows.length;
  return {
    selection,
    round: round!,
    shortlist,
    /** Whether the scores and bids are still those the selection was run on. */
    current: sameInput(current.input, selection.input),
    unscored: rows.filter((row) => !row.candidate).map((row) => ({ reference: row.bid.reference, authorityName: row.bid.authorityName, reason: row.reason! })),
    bidsInRound,
  };
}

function sameInput(a: SelectionInput, b: SelectionInput): boolean {
  const key = (input: SelectionInput) => JSON.stringify([input.budgetPence, [...input.candidates].sort((x, y) => x.id.localeCompare(y.id))]);
  return key(a) === key(b);
}

export const ALREADY_CONFIRMED = "The shortlist has already been confirmed";
export const SELECTION_OUT_OF_DATE = "The scores or bids have changed since this selection was saved. Run the selection again and save it before confirming";

/**
 * R-44 Confirms a saved selection as the shortlist: the picks are invited to send a detailed
 * application (by the round's due date), every other bid gets an outcome letter saying there is
 * no appeals process (R-10); the EOI statuses change; all in one transaction with the audit.
 */
export async function confirmShortlist(db: Knex, input: { actor: User; selectionId: number; baseUrl: string; now: Date }): Promise<{ invited: number; notSelected: number }> {
  requireRole(input.actor, "programme_manager");
  try {
    return await db.transaction(async (trx) => {
      const selection = (await findSelection(trx, input.selectionId)) as SavedSelection<SelectionInput, SelectionResult, CandidateSnapshot> | null;
      if (!selection) throw new SiftNotFoundError();
      const round = (await findRound(trx, selection.roundId))!;
      const existing = await findShortlist(trx, round.id);
      if (existing) throw new SiftRuleError("confirm", `${ALREADY_CONFIRMED} (${formatDateTimeLondon(new Date(existing.confirmedAt))} by ${existing.confirmedByName})`);
      const rows = await candidateRows(trx, round.id);
      const locks = Object.fromEntries(selection.input.candidates.filter((c) => c.lock).map((c) => [selection.candidates[c.id]?.eoiId ?? 0, c.lock!]));
      if (!sameInput(selectionInput(rows, locks, round.totalFundPence).input, selection.input)) throw new SiftRuleError("confirm", SELECTION_OUT_OF_DATE);
      if (selection.result.selected.length === 0) throw new SiftRuleError("confirm", "The selection chose no pilots");

      await insertShortlist(trx, { roundId: round.id, selectionId: selection.id, by: input.actor.id, at: input.now });
      const picked = new Set(selection.result.selected.map((s) => s.id));
      let invited = 0;
      let notSelected = 0;
      for (const row of rows) {
        const bid = row.bid;
        const isPicked = picked.has(bid.reference);
        const status = isPicked ? INVITED : NOT_SELECTED;
        await setEoiStatus(trx, bid.id, status, input.now);
        await recordAudit(trx, {
          actorUserId: input.actor.id,
          action: isPicked ? "eoi.invited" : "eoi.not-selected",
          entityType: "eoi",
          entityId: bid.id,
          before: { status: bid.status },
          after: { status, selectionId: selection.id },
          at: input.now,
        });
        const about = bid.answers["about-the-bid"] ?? {};
        const contactName = typeof about.contactName === "string" && about.contactName.trim() ? about.contactName.trim() : `colleague at ${bid.authorityName}`;
        const submitter = await trx("eois").join("users", "users.id", "eois.submitted_by").where("eois.id", bid.id).first("users.email");
        const contactEmail = typeof about.contactEmail === "string" && about.contactEmail.includes("@") ? about.contactEmail.trim() : null;
        const to = contactEmail ?? submitter?.email;
        if (!to) continue;
        const cc = submitter?.email && submitter.email.toLowerCase() !== to.toLowerCase() ? [submitter.email] : undefined;
        const details = { contactName, authorityName: bid.authorityName, reference: bid.reference, region: bid.region, roundName: round.name };
        const email = isPicked
          ? invitationLetter({ ...details, dueText: formatDateTimeLondon(new Date(round.detailedDueAt)), startByText: formatDateLondon(round.startBy), link: `${input.baseUrl}/applicant` })
          : outcomeLetter({ ...details, bids: rows.length });
        await enqueueEmail(trx, { ...email, to, cc, template: isPicked ? "detailed-application-request" : "eoi-outcome", now: input.now });
        if (isPicked) invited += 1;
        else notSelected += 1;
      }
      await recordAudit(trx, {
        actorUserId: input.actor.id,
        action: "sift.shortlist-confirmed",
        entityType: "round",
        entityId: round.id,
        after: { selectionId: selection.id, invited: [...picked], notSelected: rows.filter((r) => !picked.has(r.bid.reference)).map((r) => r.bid.reference) },
        at: input.now,
      });
      return { invited, notSelected };
    });
  } catch (error) {
    // Two confirmations at once: the unique round on the shortlist refuses the second.
    if (isUniqueViolation(error)) throw new SiftRuleError("confirm", ALREADY_CONFIRMED);
    throw error;
  }
}
