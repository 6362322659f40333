import type { Knex } from "knex";
import { recordAudit } from "~/data/audit.server";
import { findRound } from "~/data/rounds.server";
import type { User } from "~/data/users.server";
import { endOfDayLondon, type IsoDate } from "~/domain/calendar";

export interface Timetable {
  eoiCloses: IsoDate;
  requestsBy: IsoDate;
  detailedDue: IsoDate;
  startBy: IsoDate;
  endsOn: IsoDate;
}

/** R-8 The timetable must run in order; returns [field, message] problems. */
export function timetableProblems(t: Timetable): Array<[keyof Timetable, string]> {
  const problems: Array<[keyof Timetable, string]> = [];
  if (t.requestsBy <= t.eoiCloses) problems.push(["requestsBy", "Requests for detailed applications must be sent after expressions of interest close"]);
  if (t.detailedDue <= t.requestsBy) problems.push(["detailedDue", "Detailed applications must be due after the requests are sent"]);
  if (t.startBy <= t.detailedDue) problems.push(["startBy", "Pilots must begin after detailed applications are due"]);
  if (t.endsOn <= t.startBy) problems.push(["endsOn", "The programme must end after pilots begin"]);
  return problems;
}

/** R-8 The programme manager edits the round's timetable; deadlines are the end of the London day. Audited. */
export async function updateTimetable(db: Knex, input: { actor: User; roundId: number; timetable: Timetable; now: Date }) {
  await db.transaction(async (trx) => {
    const before = await findRound(trx, input.roundId);
    if (!before) throw new Response("Not found", { status: 404 });
    const after = {
      eoi_closes_at: endOfDayLondon(input.timetable.eoiCloses).toISOString(),
      requests_by: input.timetable.requestsBy,
      detailed_due_at: endOfDayLondon(input.timetable.detailedDue).toISOString(),
      start_by: input.timetable.startBy,
      ends_on: input.timetable.endsOn,
    };
    await trx("rounds").where({ id: input.roundId }).update({ ...after, updated_at: input.now.toISOString() });
    await recordAudit(trx, {
      actorUserId: input.actor.id,
      action: "round.timetable-changed",
      entityType: "round",
      entityId: input.roundId,
      before: { eoi_closes_at: before.eoiClosesAt, requests_by: before.requestsBy, detailed_due_at: before.detailedDueAt, start_by: before.startBy, ends_on: before.endsOn },
      after,
      at: input.now,
    });
  });
}
