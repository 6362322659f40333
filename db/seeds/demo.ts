import type { Knex } from "knex";
import { hashPassword } from "../../app/auth/password.server";
import type { Role } from "../../app/auth/roles";
import { insertRound } from "../../app/data/rounds.server";
import { insertUser, normaliseEmail } from "../../app/data/users.server";
import { addDays, endOfDayLondon, londonDate, startOfDayLondon } from "../../app/domain/calendar";
import { SEED_AUTHORITIES } from "./authorities";

export const DEMO_PASSWORD = "toolkit-demo-2009";

type DemoUser = { email: string; name: string; role: Role; authorityCode?: string };

// Fictional people; the programme's real officials are never used in demo data.
export const DEMO_USERS: DemoUser[] = [
  { email: "programme.manager@communities.example.gov.uk", name: "Priya Shah", role: "programme_manager" },
  { email: "assessor.one@communities.example.gov.uk", name: "Tom Fairley", role: "assessor" },
  { email: "assessor.two@cdf.example.org.uk", name: "Grace Okafor", role: "assessor" },
  { email: "assessor.three@communities.example.gov.uk", name: "Martin Hale", role: "assessor" },
  { email: "officer@newcastle.example.gov.uk", name: "Helen Robson", role: "applicant", authorityCode: "E08000021" },
  { email: "second.officer@newcastle.example.gov.uk", name: "Dev Patel", role: "applicant", authorityCode: "E08000021" },
  { email: "officer@cumbria.example.gov.uk", name: "Alan Graves", role: "applicant", authorityCode: "E10000006" },
  { email: "officer@leeds.example.gov.uk", name: "Sarah Whitaker", role: "applicant", authorityCode: "E08000035" },
  { email: "officer@ryedale.example.gov.uk", name: "Joe Lister", role: "applicant", authorityCode: "E07000167" },
  { email: "officer@nottingham.example.gov.uk", name: "Amina Yusuf", role: "applicant", authorityCode: "E06000018" },
  { email: "officer@kettering.example.gov.uk", name: "Ruth Cole", role: "applicant", authorityCode: "E07000153" },
  { email: "officer@birmingham.example.gov.uk", name: "Imran Akhtar", role: "applicant", authorityCode: "E08000025" },
  { email: "officer@shropshire.example.gov.uk", name: "Kate Morgan", role: "applicant", authorityCode: "E06000051" },
  { email: "officer@norfolk.example.gov.uk", name: "Peter Gunn", role: "applicant", authorityCode: "E10000020" },
  { email: "officer@camden.example.gov.uk", name: "Chloe Adeyemi", role: "applicant", authorityCode: "E09000007" },
  { email: "second.officer@camden.example.gov.uk", name: "Liam Byrne", role: "applicant", authorityCode: "E09000007" },
  { email: "officer@kent.example.gov.uk", name: "Fiona Walsh", role: "applicant", authorityCode: "E10000016" },
  { email: "officer@wealden.example.gov.uk", name: "Nick Harding", role: "applicant", authorityCode: "E07000065" },
  { email: "officer@cornwall.example.gov.uk", name: "Tamsin Penrose", role: "applicant", authorityCode: "E06000052" },
  { email: "officer@bristol.example.gov.uk", name: "Owen Price", role: "applicant", authorityCode: "E06000023" },
];

/**
 * R-8 timetable with the invitation's spacing, moved so that EOIs close four weeks after `today`:
 * the 2009 round ran from mid-June to 17 July, requests by 3 August (17 days after closing),
 * detailed applications by 21 August (35 days), start by 30 September (75 days), end 31 March.
 */
export function demoTimetable(today: Date) {
  const openDay = londonDate(today);
  const closeDay = addDays(openDay, 28);
  return {
    eoiOpensAt: startOfDayLondon(openDay).toISOString(),
    eoiClosesAt: endOfDayLondon(closeDay).toISOString(),
    requestsBy: addDays(closeDay, 17),
    detailedDueAt: endOfDayLondon(addDays(closeDay, 35)).toISOString(),
    startBy: addDays(closeDay, 75),
    endsOn: addDays(closeDay, 257),
  };
}

/** Idempotent: authorities and users are matched by code and email; the round only when none exists. */
export async function seedDemoWorld(db: Knex, now: Date): Promise<{ created: boolean }> {
  const hasRound = await db("rounds").first("id");
  await db.transaction(async (trx) => {
    for (const [name, code, region, type, setting] of SEED_AUTHORITIES) {
      const existing = await trx("authorities").where({ code }).first("id");
      if (!existing) await trx("authorities").insert({ name, code, region, type, setting });
    }
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    for (const user of DEMO_USERS) {
      if (await trx("users").where({ email: normaliseEmail(user.email) }).first("id")) continue;
      const authority = user.authorityCode ? await trx("authorities").where({ code: user.authorityCode }).first("id") : null;
      await insertUser(trx, { email: user.email, name: user.name, role: user.role, authorityId: authority ? Number(authority.id) : null, passwordHash, at: now });
    }
    if (!hasRound) {
      await insertRound(
        trx,
        { name: "Practitioners' Toolkit pilot programme 2009/10", totalFundPence: 90_000_000, pilotCount: 9, maxAwardPence: 10_000_000, ...demoTimetable(now) },
        now,
      );
    }
  });
  return { created: !hasRound };
}
