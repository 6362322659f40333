import type { Knex } from "knex";
import { insertAward, markAwardAccepted } from "~/data/awards.server";
import type { Round } from "~/data/rounds.server";
import type { User } from "~/data/users.server";
import type { AnswerOptions } from "./eois";
import { makeStaff } from "./eois";
import { confirmShortlistFor, makeApplication, makeRound, makeShortlistedBid, type InvitedAuthority } from "./applications";

// Stage 4 test data: pilots are accepted grant awards, made exactly as stage 3 records them
// (an invited bid, an approved detailed application with one version, an award, its acceptance).

export interface TestPilot {
  awardId: number;
  amountPence: number;
  round: Round;
  bid: InvitedAuthority;
  /** The authority's officers (the first accepted the grant). */
  officers: User[];
  manager: User;
}

export interface PilotSpec {
  region?: string;
  name?: string;
  type?: string;
  amountPence?: number;
  officers?: number;
  password?: string;
  emails?: string[];
  focusArea?: AnswerOptions["focusArea"];
}

/**
 * Pilots in one round, one per region given (default: one pilot in the North East), on the 2009
 * timetable unless `round` is passed. Each accepted its grant on 1 September 2009.
 */
export async function makePilots(
  db: Knex,
  input: {
    round?: Round;
    pilots?: PilotSpec[];
    manager?: User;
  } = {},
): Promise<TestPilot[]> {
  const round = input.round ?? (await makeRound(db));
  const manager = input.manager ?? (await makeStaff(db, "programme_manager", "Priya Manager"));
  const specs = input.pilots ?? [{}];
  const bids: InvitedAuthority[] = [];
  for (const spec of specs) bids.push(await makeShortlistedBid(db, { roundId: round.id, region: spec.region ?? "North East", name: spec.name, type: spec.type, officers: spec.officers, password: spec.password, emails: spec.emails, focusArea: spec.focusArea }));
  await confirmShortlistFor(db, { roundId: round.id, bids, managerId: manager.id });
  const pilots: TestPilot[] = [];
  for (const [index, bid] of bids.entries()) {
    const application = await makeApplication(db, { round, bid, status: "approved" });
    const amountPence = specs[index]!.amountPence ?? Math.min(application.clgRequestPence, round.maxAwardPence);
    const awardId = await makeAcceptedAward(db, { roundId: round.id, applicationId: application.id, authority: bid.authority, amountPence, clgRequestPence: application.clgRequestPence, managerId: manager.id, officer: bid.officers[0]! });
    pilots.push({ awardId, amountPence, round, bid, officers: bid.officers, manager });
  }
  return pilots;
}

/**
 * R-52 R-53 The grant award of an approved application, accepted by the authority's officer, as
 * stage 3's approval and acceptance record it (by default awarded on 28 August 2009 and accepted on
 * 1 September 2009, 10:00 UTC). Returns the award's id.
 */
export async function makeAcceptedAward(
  db: Knex,
  input: { roundId: number; applicationId: number; authority: { id: number; region: string }; amountPence: number; clgRequestPence: number; managerId: number; officer: { id: number; name: string }; awardedOn?: string; acceptedOn?: string },
): Promise<number> {
  const awardedOn = input.awardedOn ?? "2009-08-28";
  const acceptedOn = input.acceptedOn ?? "2009-09-01";
  const awardId = await insertAward(db, { roundId: input.roundId, applicationId: input.applicationId, authorityId: input.authority.id, region: input.authority.region, amountPence: input.amountPence, clgRequestPence: input.clgRequestPence, by: input.managerId, at: new Date(`${awardedOn}T10:00:00Z`) });
  await markAwardAccepted(db, { awardId, userId: input.officer.id, officerName: input.officer.name, officerRole: "Head of Customer Services", acceptanceDate: acceptedOn, at: new Date(`${acceptedOn}T10:00:00Z`) });
  return awardId;
}

/** One pilot (see makePilots). */
export async function makePilot(db: Knex, input: { round?: Round; manager?: User; pilot?: PilotSpec } = {}): Promise<TestPilot> {
  const [pilot] = await makePilots(db, { round: input.round, manager: input.manager, pilots: [input.pilot ?? {}] });
  return pilot!;
}
