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
    const awardId = await insertAward(db, { roundId: round.id, applicationId: application.id, authorityId: bid.authority.id, region: bid.authority.region, amountPence, clgRequestPence: application.clgRequestPence, by: manager.id, at: new Date("2009-08-28T10:00:00Z") });
    await markAwardAccepted(db, { awardId, userId: bid.officers[0]!.id, officerName: bid.officers[0]!.name, officerRole: "Head of Customer Services", acceptanceDate: "2009-09-01", at: new Date("2009-09-01T10:00:00Z") });
    pilots.push({ awardId, amountPence, round, bid, officers: bid.officers, manager });
  }
  return pilots;
}

/** One pilot (see makePilots). */
export async function makePilot(db: Knex, input: { round?: Round; manager?: User; pilot?: PilotSpec } = {}): Promise<TestPilot> {
  const [pilot] = await makePilots(db, { round: input.round, manager: input.manager, pilots: [input.pilot ?? {}] });
  return pilot!;
}
