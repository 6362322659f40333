import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../db/seeds/demo";
import { LEFT_WITHOUT_AN_EOI, STAGE1_BIDS, seedStage1 } from "../../db/seeds/stage1";
import { checkTwoPageLimit, validateSection } from "~/domain/eoi/schema";
import { SECTION_IDS, type EoiAnswers } from "~/domain/eoi/sections";
import { canSubmit } from "~/domain/eoi/status";
import { clgRequestOf } from "~/services/eoi-admin.server";
import { isReference } from "~/domain/reference";
import { signIn } from "~/services/sign-in.server";
import { createTestDb } from "../setup/db";

const NOW = new Date("2026-11-23T15:30:00Z");
const REGIONS = ["North East", "North West", "Yorkshire and the Humber", "East Midlands", "West Midlands", "East of England", "London", "South East", "South West"];
const TYPES = ["metropolitan district", "shire district", "shire county", "unitary", "london borough"];

async function stage1World() {
  const db = await createTestDb();
  const result = await seedStage1(db, NOW);
  const eois = await db("eois")
    .join("authorities", "authorities.id", "eois.authority_id")
    .select("eois.*", "authorities.code", "authorities.name", "authorities.region", "authorities.type")
    .orderBy("eois.id");
  const round = await db("rounds").first();
  return { db, result, eois, round, answersOf: (row: { answers_json: string }) => JSON.parse(row.answers_json) as EoiAnswers };
}

describe("demo world at stage 1 (issue 5, item 10)", () => {
  it("has several drafts and about 30 submitted EOIs over all nine regions (R-2) and all five types (R-4)", async () => {
    const { result, eois } = await stage1World();
    expect(result).toEqual({ created: 40, submitted: 31, drafts: 7, withdrawn: 2 });
    const submitted = eois.filter((e) => e.status === "submitted");
    expect(submitted).toHaveLength(31);
    expect(eois.filter((e) => e.status === "draft")).toHaveLength(7);
    expect(new Set(submitted.map((e) => e.region))).toEqual(new Set(REGIONS));
    expect(new Set(submitted.map((e) => e.type))).toEqual(new Set(TYPES));
  });

  it("R-31 R-32 R-33 every submitted EOI passes every section's schema and fits the 1,000 words", async () => {
    const { eois, answersOf } = await stage1World();
    for (const row of eois.filter((e) => e.status !== "draft")) {
      const answers = answersOf(row);
      for (const sectionId of SECTION_IDS) {
        const validation = validateSection(sectionId, answers[sectionId], { eoiAnswers: answers });
        expect(validation.errors, `${row.name}, ${sectionId}`).toEqual([]);
      }
      const outline = checkTwoPageLimit(answers);
      expect(outline.withinLimit, row.name).toBe(true);
      expect(outline.totalWords).toBeLessThanOrEqual(1_000);
      expect(outline.totalWords, `${row.name} reads like a real outline`).toBeGreaterThan(300);
      // The task list agrees: every section completed.
      expect(canSubmit({ answers, markedComplete: JSON.parse(row.completed_json) }).ok, row.name).toBe(true);
    }
  });

  it("R-3 R-4 each bid's region and type are its lead authority's, and its setting the register's", async () => {
    const { db, eois, answersOf } = await stage1World();
    for (const row of eois) {
      const about = answersOf(row)["about-the-bid"]!;
      const authority = await db("authorities").where({ id: row.authority_id }).first();
      expect(about).toMatchObject({ region: authority.region, authorityType: authority.type, setting: authority.setting });
    }
  });

  it("R-33 asks CLG for between £40,000 and £100,000, some bids naming other sources", async () => {
    const { eois, answersOf } = await stage1World();
    const submitted = eois.filter((e) => e.status === "submitted");
    for (const row of submitted) {
      const clg = clgRequestOf(answersOf(row))!;
      expect(clg, row.name).toBeGreaterThanOrEqual(4_000_000);
      expect(clg, row.name).toBeLessThanOrEqual(10_000_000);
    }
    const withOtherSources = submitted.filter((row) => JSON.stringify(answersOf(row)["supporting-documents"]?.costs).includes('"fundedBy":"other"'));
    expect(withOtherSources.length).toBeGreaterThanOrEqual(5);
    expect(withOtherSources.length).toBeLessThan(submitted.length);
  });

  it("R-5 R-6 varies themes, focus areas (each of the three, and none), settings and track records", async () => {
    const { eois, answersOf } = await stage1World();
    const submitted = eois.filter((e) => e.status === "submitted").map(answersOf);
    const focus = submitted.map((a) => a["focus-area"]?.focusArea);
    for (const area of ["redundancy", "cse", "total-place", "none"]) expect(focus.filter((f) => f === area).length, area).toBeGreaterThanOrEqual(3);
    for (const theme of ["pledge", "frontline", "partnerships"]) expect(submitted.some((a) => (a["toolkit-use"]?.themes as string[]).includes(theme)), theme).toBe(true);
    expect(new Set(submitted.map((a) => a["about-the-bid"]?.setting))).toEqual(new Set(["rural", "urban", "mixed"]));
    expect(new Set(submitted.map((a) => a["about-the-bid"]?.trackRecord))).toEqual(new Set(["established", "starting-out"]));
    // Not one text repeated across bids: the opening of "How will you use the Toolkit?" is the bid's own.
    expect(new Set(submitted.map((a) => a["toolkit-use"]?.toolkitUse)).size).toBe(submitted.length);
  });

  it("R-35 unique references from the alphabet, submitted after the round opened and before it closes", async () => {
    const { eois, round } = await stage1World();
    const sent = eois.filter((e) => e.status !== "draft");
    expect(sent.every((e) => isReference(e.reference))).toBe(true);
    expect(new Set(sent.map((e) => e.reference)).size).toBe(sent.length);
    for (const row of sent) {
      expect(row.submitted_at > round.eoi_opens_at, row.name).toBe(true);
      expect(row.submitted_at < round.eoi_closes_at, row.name).toBe(true);
      expect(row.submitted_at <= NOW.toISOString(), row.name).toBe(true);
      expect(row.created_at < row.submitted_at, row.name).toBe(true);
    }
    expect(new Set(sent.map((e) => e.submitted_at)).size).toBe(sent.length); // ties broken by submission time need distinct times
    expect(eois.filter((e) => e.status === "draft").every((e) => e.reference === null && e.submitted_at === null)).toBe(true);
  });

  it("leaves Newcastle upon Tyne and Camden without an EOI, for their demo officers to start", async () => {
    const { db, eois } = await stage1World();
    expect(eois.filter((e) => (LEFT_WITHOUT_AN_EOI as readonly string[]).includes(e.code))).toEqual([]);
    expect(STAGE1_BIDS.some((bid) => (LEFT_WITHOUT_AN_EOI as readonly string[]).includes(bid.code))).toBe(false);
    expect(await db("eois").count({ n: "*" })).toEqual([{ n: 40 }]);
  });

  it("uses the demo officers where there is one, else a fictional officer who can sign in with the demo password", async () => {
    const { db, eois } = await stage1World();
    const leeds = eois.find((e) => e.code === "E08000035")!;
    expect((await db("users").where({ id: leeds.created_by }).first()).email).toBe("officer@leeds.example.gov.uk");
    const sunderland = eois.find((e) => e.code === "E08000024")!;
    const officer = await db("users").where({ id: sunderland.submitted_by }).first();
    expect(officer).toMatchObject({ email: "officer@sunderland.example.gov.uk", role: "applicant", authority_id: sunderland.authority_id });
    expect(await signIn(db, { email: officer.email, password: DEMO_PASSWORD, now: NOW })).toMatchObject({ ok: true });
  });

  it("R-21 writes each EOI's milestones to the audit log; R-9 some hard copies have arrived; R-35 one deadline is extended", async () => {
    const { db, eois } = await stage1World();
    const sent = eois.filter((e) => e.status !== "draft");
    expect(await db("audit_log").where({ action: "eoi.started" }).count({ n: "*" })).toEqual([{ n: 40 }]);
    expect(await db("audit_log").where({ action: "eoi.submitted" }).count({ n: "*" })).toEqual([{ n: sent.length }]);
    const hardCopies = sent.filter((e) => e.hard_copy_received_at);
    expect(hardCopies.length).toBeGreaterThan(3);
    expect(hardCopies.length).toBeLessThan(sent.length);
    expect(hardCopies.every((e) => e.hard_copy_received_at <= "2026-11-23")).toBe(true);
    expect(eois.filter((e) => e.deadline_extended_to).map((e) => e.code)).toEqual(["E10000017"]);
  });

  it("is idempotent and repeatable: a second run adds nothing, and two empty databases get the same world", async () => {
    const first = await stage1World();
    expect(await seedStage1(first.db, new Date("2026-11-25T10:00:00Z"))).toEqual({ created: 0, submitted: 0, drafts: 0, withdrawn: 0 });
    expect(await first.db("eois").count({ n: "*" })).toEqual([{ n: 40 }]);
    const second = await stage1World();
    const shape = (rows: typeof first.eois) => rows.map((e) => [e.code, e.status, e.reference, e.answers_json, e.submitted_at]);
    expect(shape(second.eois)).toEqual(shape(first.eois));
  });
});
