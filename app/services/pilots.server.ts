import type { Knex } from "knex";
import { findApplication } from "~/data/applications.server";
import { findAward, listAwards, type Award } from "~/data/awards.server";
import { findEoi } from "~/data/eois.server";
import { isFocusArea, type FocusArea } from "~/domain/programme";
import { currentRound, findRound, type Round } from "~/data/rounds.server";
import type { User } from "~/data/users.server";
import type { ApplicationProgramme } from "~/domain/application/programme";
import { programmeFor } from "~/services/application.server";
import type { OfferLetter } from "~/services/award-pdf.server";
import { offerLetterFor } from "~/services/award.server";

// Stage 4: who may reach a pilot. A pilot is a grant award its lead authority has
// accepted. Every stage 4 loader and action starts here:
//   - an officer reaches only their own authority's pilot, never by an id in the URL;
//   - the programme manager reaches any pilot by its award id;
//   - nobody else reaches any.
// Anything not found, or not yet a pilot, is a PilotNotFoundError (the routes answer 404).

export class PilotNotFoundError extends Error {}
export class PilotForbiddenError extends Error {}

export interface Pilot {
  award: Award;
  round: Round;
  programme: ApplicationProgramme;
  /** What the approved detailed application promised: each output's plan, date and cost. */
  letter: OfferLetter;
  /** R-6 The focus area the bid chose, if any ("cse": the pilot maps evidence to the CSE elements, R-63). */
  focusArea: FocusArea | null;
}

async function pilotFromAward(db: Knex | Knex.Transaction, award: Award | null, knownRound: Round | null = null): Promise<Pilot> {
  if (!award || award.status !== "accepted") throw new PilotNotFoundError("not a pilot");
  const round = knownRound?.id === award.roundId ? knownRound : await findRound(db as Knex, award.roundId);
  if (!round) throw new PilotNotFoundError("no round");
  const application = await findApplication(db, award.applicationId);
  const eoi = application ? await findEoi(db, application.eoiId) : null;
  const focus = eoi?.answers["focus-area"]?.focusArea;
  return { award, round, programme: programmeFor(round).programme, letter: await offerLetterFor(db, award), focusArea: isFocusArea(focus) ? focus : null };
}

/** The officer's authority's award in the current round (accepted or not), with that round. */
async function officersAward(db: Knex | Knex.Transaction, user: User): Promise<{ round: Round | null; award: Award | null }> {
  if (user.role !== "applicant" || user.authorityId === null) throw new PilotForbiddenError("not an officer of an authority");
  const round = await currentRound(db as Knex);
  if (!round) return { round: null, award: null };
  return { round, award: (await listAwards(db, round.id)).find((candidate) => candidate.authorityId === user.authorityId) ?? null };
}

/** R-20 The signed-in officer's own pilot: their authority's accepted award in the current round. */
export async function pilotForOfficer(db: Knex | Knex.Transaction, user: User): Promise<Pilot> {
  const { round, award } = await officersAward(db, user);
  return pilotFromAward(db, award, round);
}

/** Whether the officer's authority runs a pilot (for the applicant home page's link): no offer letter is built. */
export async function isPilotOfficer(db: Knex, user: User): Promise<boolean> {
  if (user.role !== "applicant" || user.authorityId === null) return false;
  return (await officersAward(db, user)).award?.status === "accepted";
}

/** R-20 Any pilot, by its award id, for the programme manager only. */
export async function pilotForManager(db: Knex | Knex.Transaction, actor: User, awardId: number): Promise<Pilot> {
  if (actor.role !== "programme_manager") throw new PilotForbiddenError("programme manager only");
  return pilotFromAward(db, await findAward(db, awardId));
}

/** The current round's pilots (accepted awards), in region order then id, for the manager. */
export async function listPilotsForManager(db: Knex, actor: User): Promise<{ round: Round | null; pilots: Award[] }> {
  if (actor.role !== "programme_manager") throw new PilotForbiddenError("programme manager only");
  const round = await currentRound(db);
  if (!round) return { round: null, pilots: [] };
  return { round, pilots: (await listAwards(db, round.id)).filter((award) => award.status === "accepted") };
}

/**
 * For loaders and actions: runs `load` and turns "no such pilot" into a 404 and "not yours to
 * see" into a 403, so that every stage 4 route answers the same way.
 */
export async function orPilotResponse<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof PilotNotFoundError) throw new Response("Not found", { status: 404 });
    if (error instanceof PilotForbiddenError) throw new Response("You do not have permission to see this page", { status: 403 });
    throw error;
  }
}
