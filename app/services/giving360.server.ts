import type { Knex } from "knex";
import { latestApplicationVersion } from "~/data/applications.server";
import { listAllAwards } from "~/data/awards.server";
import { findRound } from "~/data/rounds.server";
import { typedDate } from "~/domain/application/form";
import { giving360Csv, giving360Package, type AwardForPublication } from "~/domain/application/giving360";
import { parseDateInput } from "~/domain/date-input";
import { giving360Prefix } from "./award.server";

// R-54 The awards as 360Giving open data. Public: it is published data about public money, the
// same for everyone (no personal data: organisations, amounts and dates only).

async function awardsForPublication(db: Knex): Promise<AwardForPublication[]> {
  const awards = await listAllAwards(db);
  const rounds = new Map<number, Awaited<ReturnType<typeof findRound>>>();
  const published: AwardForPublication[] = [];
  for (const award of awards) {
    if (!rounds.has(award.roundId)) rounds.set(award.roundId, await findRound(db, award.roundId));
    const round = rounds.get(award.roundId);
    if (!round) continue;
    const version = await latestApplicationVersion(db, award.applicationId);
    const start = parseDateInput(typedDate(version?.answers["delivery-plan"]?.startDate), "date");
    published.push({
      awardId: award.id,
      amountPence: award.amountPence,
      clgRequestPence: award.clgRequestPence,
      awardedAt: award.awardedAt,
      updatedAt: award.acceptedAt ?? award.awardedAt,
      authorityName: award.authorityName,
      authorityCode: award.authorityCode,
      region: award.region,
      plannedStart: start.ok ? start.date : null,
      plannedEnd: round.endsOn,
      roundId: round.id,
      roundName: round.name,
    });
  }
  return published;
}

/** R-54 The 360Giving JSON package of every award. */
export async function giving360Json(db: Knex, input: { baseUrl: string; now: Date }) {
  return giving360Package(await awardsForPublication(db), { prefix: giving360Prefix(), baseUrl: input.baseUrl, now: input.now });
}

/** R-54 The same grants as a 360Giving CSV. */
export async function giving360CsvText(db: Knex, input: { baseUrl: string; now: Date }): Promise<string> {
  return giving360Csv((await giving360Json(db, input)).grants);
}
