import { describe, expect, it } from "vitest";
import { listInvitations } from "~/data/applications.server";
import { currentRound } from "~/data/rounds.server";
import { applicationProgramme } from "~/domain/application/programme";
import { validateApplicationSection } from "~/domain/application/schema";
import { APPLICATION_SECTION_IDS, applicationSections } from "~/domain/application/sections";
import { seedStage3, STAGE3_PLAN } from "../../db/seeds/stage3";
import { createTestDb } from "../setup/db";

const NOW = new Date("2026-11-23T15:30:00Z");

describe("demo world at stage 3 (issue 7, item 6)", () => {
  it("R-44 R-50 – R-53 nine invited; applications in progress, submitted, one changes-requested, and some awards", async () => {
    const db = await createTestDb();
    const result = await seedStage3(db, NOW);
    const round = (await currentRound(db))!;
    expect(result.created).toBe(true);
    expect((await listInvitations(db, round.id)).length).toBe(9);
    expect(result.officers.map((o) => o.state)).toEqual([...STAGE3_PLAN]);
    expect(new Set(result.officers.map((o) => o.region)).size).toBe(9);
    const states = (await db("applications").select("status").orderBy("id")).map((r) => r.status).sort();
    expect(states).toEqual(["approved", "approved", "approved", "changes-requested", "draft", "draft", "submitted", "submitted"]);
    const awards = await db("grant_awards").select("status", "amount_pence", "region").orderBy("id");
    expect(awards.map((a) => a.status).sort()).toEqual(["accepted", "accepted", "offered"]);
    expect(awards.every((a) => Number(a.amount_pence) <= 10_000_000)).toBe(true);
    expect(new Set(awards.map((a) => a.region)).size).toBe(3);
    expect(await db("email_outbox").where({ template: "grant-offer" }).count({ n: "*" })).toEqual([{ n: 3 }]);
    expect(await db("email_outbox").where({ template: "detailed-application-request" }).count({ n: "*" })).toEqual([{ n: 9 }]);
  });

  it("R-51 every submitted demo application passes every section's rules", async () => {
    const db = await createTestDb();
    await seedStage3(db, NOW);
    const round = (await currentRound(db))!;
    const programme = applicationProgramme(round);
    const sections = applicationSections(programme);
    for (const version of await db("application_versions").select("answers_json").orderBy("id")) {
      const answers = JSON.parse(version.answers_json);
      for (const id of APPLICATION_SECTION_IDS) expect(validateApplicationSection(programme, sections, id, answers[id]).errors, id).toEqual([]);
    }
  });

  it("is idempotent: a second run adds nothing", async () => {
    const db = await createTestDb();
    await seedStage3(db, NOW);
    const count = async () => Object.fromEntries(await Promise.all(["applications", "application_versions", "grant_awards", "email_outbox", "audit_log"].map(async (t) => [t, Number((await db(t).count({ n: "*" }))[0]!.n)])));
    const before = await count();
    expect((await seedStage3(db, NOW)).created).toBe(false);
    expect(await count()).toEqual(before);
  });
});
