import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Knex } from "knex";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REFERENCE_ALPHABET } from "~/domain/reference";
import { Agent } from "node:http";
import { OfficerBrowser, pageForm, prepareRushWorld, runRush, sectionVersionOf, summarise, taggedAnswers, type RushAuthority, type RushResult, type Sample, type SaveRecord } from "../../scripts/bench-rush";
import { openDatabase, serverBuild, startServer, type RunningServer } from "../setup/server";

// Issue 9 item 2, "zero lost writes": the deadline rush at a smaller load, over HTTP against the
// production build (remix-serve as a child process, its own SQLite file), then every write is
// checked in the database. 40 authorities × 2 officers, 50 requests in flight; on two pages each
// authority's officers save the same field at the same moment with different text.

const AUTHORITIES = 40;
/** Further authorities for the "keep mine" case at the end. */
const KEEP_MINE = 3;
const CONFLICT_PAGES = [
  { sectionId: "leadership", pageIndex: 0 },
  { sectionId: "impact", pageIndex: 0 },
] as const;

let dir: string;
let db: Knex;
let server: RunningServer;
let world: RushAuthority[];
let keepMineWorld: RushAuthority[];
let result: RushResult;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "toolkit-rush-"));
  const buildDir = await serverBuild();
  const databaseFile = join(dir, "service.sqlite");
  db = await openDatabase(databaseFile);
  const everyone = await prepareRushWorld(db, { authorities: AUTHORITIES + KEEP_MINE });
  world = everyone.slice(0, AUTHORITIES);
  keepMineWorld = everyone.slice(AUTHORITIES);
  server = await startServer({ buildDir, databaseFile, env: { OUTBOX_WORKER: "off", MAIL_DIR: join(dir, "mail") } });
}, 120_000);

beforeAll(async () => {
  result = await runRush({ baseUrl: server.url, world, concurrency: 50, conflictPages: [...CONFLICT_PAGES], bothSubmit: true });
  const { all } = summarise(result.samples);
  const saved = result.saves.filter((s) => s.outcome === "saved").length;
  console.log(
    `deadline rush (test): ${AUTHORITIES} authorities, ${all.requests} requests in ${(result.elapsedMs / 1000).toFixed(1)} s, p95 ${all.p95Ms.toFixed(0)} ms, ${all.errors} unexpected answers; ` +
      `${result.saves.length} page saves (${saved} saved, ${result.saves.length - saved} refused as conflicts), ${result.submits.length} submit presses (${result.submits.filter((s) => s.outcome === "submitted").length} submitted)`,
  );
}, 180_000);

afterAll(async () => {
  await server?.stop();
  await db?.destroy();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

interface HistoryRow {
  id: number;
  eoi_id: number;
  section_id: string;
  section_version: number;
  outcome: string;
  answers: Record<string, unknown>;
  saved_by: number;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

async function eoiOf(authorityId: number) {
  const row = await db("eois").where({ authority_id: authorityId }).first();
  return { ...row, answers: JSON.parse(row.answers_json) as Record<string, Record<string, unknown>>, versions: JSON.parse(row.section_versions_json) as Record<string, number> };
}

async function historyOf(eoiId: number): Promise<HistoryRow[]> {
  const rows = await db("eoi_section_saves").where({ eoi_id: eoiId }).orderBy("id");
  return rows.map((row) => ({ ...row, answers: JSON.parse(row.answers_json) }));
}

/** The section's answers at a version, from the history of changes (version 0 is empty). */
function answersAtVersion(history: HistoryRow[], sectionId: string, version: number): Record<string, unknown> {
  if (version === 0) return {};
  const row = history.find((h) => h.section_id === sectionId && h.section_version === version && (h.outcome === "saved" || h.outcome === "resolved"));
  if (!row) throw new Error(`no history row for ${sectionId} version ${version}`);
  return row.answers;
}

describe("R-30 R-34 R-35 deadline rush over HTTP: zero lost writes", () => {
  it("every request got the answer its step expects (no 5xx, no timeouts, no refused CSRF)", () => {
    expect(result.failed).toEqual([]);
    expect(result.samples.filter((s) => s.error).map((s) => s.error)).toEqual([]);
    expect(result.samples.length).toBeGreaterThan(AUTHORITIES * 60);
  });

  it("each page both officers saved at once gave exactly one success and one conflict", () => {
    for (const authority of world) {
      for (const page of CONFLICT_PAGES) {
        const first = result.saves.filter((s) => s.authorityId === authority.id && s.sectionId === page.sectionId && s.pageIndex === page.pageIndex).slice(0, 2);
        expect(first.map((s) => s.outcome).sort(), `${authority.name} ${page.sectionId}`).toEqual(["conflict", "saved"]);
      }
    }
    expect(result.saves.filter((s) => s.outcome === "conflict")).toHaveLength(AUTHORITIES * CONFLICT_PAGES.length);
  });

  it("every successful save is in the database exactly as sent, unless a later success for the same field replaced it", async () => {
    let checked = 0;
    for (const authority of world) {
      const eoi = await eoiOf(authority.id);
      const history = await historyOf(eoi.id);
      const successes = result.saves.filter((s) => s.authorityId === authority.id && s.outcome === "saved");
      for (const save of successes) {
        // The save itself: one history row by this officer with exactly what was sent.
        const rows = history.filter((h) => h.outcome === "saved" && h.section_id === save.sectionId && h.saved_by === save.userId && Object.entries(save.sent).every(([f, v]) => same(h.answers[f], v)));
        expect(rows.length, `${authority.name} ${save.sectionId} page ${save.pageIndex + 1} by ${save.userId}`).toBeGreaterThanOrEqual(1);
        for (const [field, value] of Object.entries(save.sent)) {
          const final = eoi.answers[save.sectionId]?.[field];
          if (same(final, value)) continue;
          // Replaced: then a later success for the same field, sent after this one was answered or
          // overlapping with it, holds the final value.
          const replacedBy = successes.find((other) => other !== save && other.sectionId === save.sectionId && field in other.sent && same(other.sent[field], final));
          expect(replacedBy, `${authority.name} ${save.sectionId}.${field}: the final value comes from no successful save`).toBeDefined();
          expect(replacedBy!.answeredAt, `${authority.name} ${save.sectionId}.${field}: replaced by an earlier save`).toBeGreaterThan(save.sentAt);
        }
        checked += 1;
      }
      // And nothing was answered "saved" after the value that stands, without standing itself.
      for (const save of successes) {
        for (const [field, value] of Object.entries(save.sent)) {
          const final = eoi.answers[save.sectionId]?.[field];
          const standing = successes.filter((s) => s.sectionId === save.sectionId && field in s.sent && same(s.sent[field], final));
          if (!same(final, value)) expect(standing.some((s) => s.answeredAt > save.sentAt), `${authority.name} ${save.sectionId}.${field}`).toBe(true);
          // A success sent after the standing value's answer arrived would have replaced it.
          for (const winner of standing) if (!same(winner.sent[field], value)) expect(save.sentAt < winner.answeredAt, `${authority.name} ${save.sectionId}.${field}: a newer save was lost`).toBe(true);
        }
      }
    }
    expect(checked).toBe(result.saves.filter((s) => s.outcome === "saved").length);
  });

  it("no save of one officer overwrote another's newer version: a stale save got the conflict page and left the saved text unchanged", async () => {
    let stale = 0;
    let versions = 0;
    let refused = 0;
    for (const authority of world) {
      const eoi = await eoiOf(authority.id);
      const history = await historyOf(eoi.id);
      for (const row of history.filter((h) => h.outcome === "saved")) {
        // The save that made this version: its page holds the fields this version changed.
        const overwritten = answersAtVersion(history, row.section_id, row.section_version - 1);
        const changed = Object.keys(row.answers).filter((f) => !same(row.answers[f], overwritten[f]) && !["region", "authorityType"].includes(f));
        const save = result.saves.find(
          (s) => s.outcome === "saved" && s.authorityId === authority.id && s.userId === row.saved_by && s.sectionId === row.section_id && changed.every((f) => f in s.sent) && Object.entries(s.sent).every(([f, v]) => same(row.answers[f], v)),
        );
        expect(save, `history row ${row.id} (${row.section_id} v${row.section_version}, changed ${changed.join(", ")}) matches no successful save`).toBeDefined();
        const base = answersAtVersion(history, row.section_id, save!.baseVersion);
        if (save!.baseVersion !== row.section_version - 1) stale += 1;
        versions += 1;
        // Every field the page posted was, just before this write, as the officer had loaded it.
        for (const field of Object.keys(save!.sent)) expect(same(overwritten[field], base[field]), `${authority.name} ${row.section_id}.${field}: overwrote a newer version`).toBe(true);
      }
      for (const conflict of result.saves.filter((s) => s.authorityId === authority.id && s.outcome === "conflict")) {
        refused += 1;
        const kept = history.find((h) => h.id === conflict.conflictSaveId);
        expect(kept, "the refused save is kept for the officer to choose").toMatchObject({ outcome: "conflict", saved_by: conflict.userId, section_id: conflict.sectionId });
        // Its text was never written as a version, and is not what stands.
        const text = (save: SaveRecord) => Object.entries(save.sent);
        expect(history.some((h) => h.outcome !== "conflict" && h.saved_by === conflict.userId && text(conflict).every(([f, v]) => same(h.answers[f], v)))).toBe(false);
        for (const [field, value] of text(conflict)) expect(same(eoi.answers[conflict.sectionId]?.[field], value)).toBe(false);
      }
    }
    console.log(`section versions checked: ${versions} (${stale} merged onto a newer version whose other fields had changed); refused saves checked: ${refused}`);
  });

  it("every submission has a unique reference and one email in the outbox; the second officer's submit was refused", async () => {
    const eois = await db("eois").whereIn("authority_id", world.map((a) => a.id)).select("id", "status", "reference", "submitted_by", "authority_id");
    expect(eois).toHaveLength(AUTHORITIES);
    const pattern = new RegExp(`^RTP-EOI-[${REFERENCE_ALPHABET}]{6}$`);
    for (const eoi of eois) {
      expect(eoi.status).toBe("submitted");
      expect(eoi.reference).toMatch(pattern);
    }
    expect(new Set(eois.map((e) => e.reference)).size).toBe(AUTHORITIES);
    for (const authority of world) {
      const submits = result.submits.filter((s) => s.authorityId === authority.id);
      expect(submits.map((s) => s.outcome).sort(), authority.name).toEqual(["refused", "submitted"]);
      const eoi = eois.find((e) => e.authority_id === authority.id)!;
      expect(eoi.submitted_by).toBe(submits.find((s) => s.outcome === "submitted")!.userId);
    }
    const emails = await db("email_outbox").where({ template: "eoi-submitted" }).select("to_address", "subject", "text_body", "attachments_json");
    expect(emails).toHaveLength(AUTHORITIES);
    for (const eoi of eois) {
      const mine = emails.filter((e) => e.text_body.includes(eoi.reference));
      expect(mine, eoi.reference).toHaveLength(1);
      const officer = world.flatMap((a) => a.officers).find((o) => o.userId === eoi.submitted_by)!;
      expect(mine[0]!.to_address).toBe(officer.email);
      expect(JSON.parse(mine[0]!.attachments_json)[0].filename).toBe(`${eoi.reference}.pdf`);
    }
  });
});

describe("R-30 R-34 a conflict resolved with \"keep mine\" keeps only the officer's own page", () => {
  it("fields of the section that the officer never edited, saved by the other officer after the conflict, are not reverted", async () => {
    const agent = new Agent({ keepAlive: true });
    const samples: Sample[] = [];
    const problems: string[] = [];
    try {
      for (const [n, authority] of keepMineWorld.entries()) {
        const [winner, loser] = authority.officers.map((officer) => new OfficerBrowser(server.url, officer, agent, samples));
        for (const browser of [winner!, loser!]) await browser.post("POST start", "/applicant", new URLSearchParams());
        const mine = taggedAnswers(`k${n}loser`)["supporting-documents"] as Record<string, unknown>;
        const theirs = taggedAnswers(`k${n}winner`)["supporting-documents"] as Record<string, unknown>;
        const page2 = "/applicant/eoi/supporting-documents/2";
        const page3 = "/applicant/eoi/supporting-documents/3";
        // Both open the chief executive's statement; the winner saves first, the loser's save is refused.
        const [forWinner, forLoser] = await Promise.all([winner!.get("GET", page2), loser!.get("GET", page2)]);
        await winner!.post("POST", page2, pageForm("supporting-documents", 1, theirs, sectionVersionOf(forWinner.html)));
        const refused = await loser!.post("POST", page2, pageForm("supporting-documents", 1, mine, sectionVersionOf(forLoser.html)));
        expect(refused.location).toMatch(/^\/applicant\/eoi\/conflict\/\d+$/);
        // The loser reads the conflict page (it shows the statement only) …
        const shown = await loser!.get("GET", refused.location!);
        expect(shown.html).not.toContain("How will you identify learning outcomes");
        // … meanwhile the winner goes on to the next page of the section, which the loser never opens …
        const next = await winner!.get("GET", page3);
        await winner!.post("POST", page3, pageForm("supporting-documents", 2, theirs, sectionVersionOf(next.html)));
        // … and the loser keeps their own statement.
        await loser!.post("POST", refused.location!, new URLSearchParams({ keep: "mine" }));
        const saved = (await eoiOf(authority.id)).answers["supporting-documents"] ?? {};
        if (saved.chiefExecutiveStatement !== mine.chiefExecutiveStatement) problems.push(`${authority.name}: the loser's kept statement is not saved`);
        for (const field of ["learningOutcomesNote", "readiness", "links"]) {
          if (saved[field] !== theirs[field]) problems.push(`${authority.name}: ${field} saved by the other officer after the conflict was reverted to ${JSON.stringify(saved[field] ?? null)}`);
        }
      }
    } finally {
      agent.destroy();
    }
    expect(problems).toEqual([]);
  });
});
