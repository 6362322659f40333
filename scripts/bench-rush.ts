// Issue 9 items 1c and 2: the deadline rush. Every authority's two officers start their
// expression of interest, edit the same field at the same moment (one of them gets the conflict
// page, reloads and saves again), fill their half of the sections page by page as a browser would
// (GET the page, POST it, follow the redirect), mark each section completed and submit, over
// HTTP against the real built server. Used by `npm run bench` (350 authorities) and by
// test/integration/deadline-rush.test.ts (fewer, and every write checked afterwards).
import { Agent, request as httpRequest } from "node:http";
import type { Knex } from "knex";
import { SEED_AUTHORITIES } from "../db/seeds/authorities";
import { seedDemoWorld } from "../db/seeds/demo";
import { insertUser } from "~/data/users.server";
import { pageQuestions, sectionPages } from "~/domain/eoi/pages";
import { fieldId, sectionById, type EoiAnswers, type Question, type SectionId } from "~/domain/eoi/sections";
import { REGIONS } from "~/domain/programme";
import { completeAnswers } from "../test/factories/eoi-answers";
import { sessionFor, type SessionCookies } from "../test/setup/server";

// ---------------------------------------------------------------------------------------
// The world: authorities (the seeded real ones, then synthetic ones), two officers each, sessions.

export interface RushOfficer {
  userId: number;
  email: string;
  session: SessionCookies;
}

export interface RushAuthority {
  id: number;
  name: string;
  officers: [RushOfficer, RushOfficer];
}

const OTHER_TYPES = ["metropolitan district", "shire district", "shire county", "unitary"] as const;
const SETTINGS = ["urban", "rural", "mixed"] as const;

/**
 * The demo world (round open from today for four weeks), `count` authorities (the 60 seeded real
 * ones first, then "Synthetic Borough Council N"), two officers each with a session.
 */
export async function prepareRushWorld(db: Knex, options: { authorities: number; now?: Date }): Promise<RushAuthority[]> {
  const now = options.now ?? new Date();
  await seedDemoWorld(db, now);
  const existing = Number((await db("authorities").count({ n: "*" }))[0]!.n);
  await db.transaction(async (trx) => {
    for (let i = existing; i < options.authorities; i += 1) {
      const region = REGIONS[i % REGIONS.length]!;
      await trx("authorities").insert({
        name: `Synthetic Borough Council ${i + 1}`,
        code: `E0X${String(i + 1).padStart(6, "0")}`,
        region,
        type: region === "London" ? "london borough" : OTHER_TYPES[i % OTHER_TYPES.length],
        setting: SETTINGS[i % SETTINGS.length],
      });
    }
  });
  const authorities = await db("authorities").orderBy("id").limit(options.authorities).select("id", "name", "code");
  const officers: Array<{ authority: (typeof authorities)[number]; ids: number[]; emails: string[] }> = [];
  await db.transaction(async (trx) => {
    for (const authority of authorities) {
      const emails = [1, 2].map((n) => `rush.officer${n}@${String(authority.code).toLowerCase()}.example.gov.uk`);
      const ids: number[] = [];
      for (const [n, email] of emails.entries()) {
        ids.push(await insertUser(trx, { email, name: `Rush Officer ${n + 1} of ${authority.name}`, role: "applicant", authorityId: Number(authority.id), passwordHash: null, at: now }));
      }
      officers.push({ authority, ids, emails });
    }
  });
  const world: RushAuthority[] = [];
  for (const { authority, ids, emails } of officers) {
    const sessions = [await sessionFor(db, ids[0]!, now), await sessionFor(db, ids[1]!, now)];
    world.push({
      id: Number(authority.id),
      name: String(authority.name),
      officers: [
        { userId: ids[0]!, email: emails[0]!, session: sessions[0]! },
        { userId: ids[1]!, email: emails[1]!, session: sessions[1]! },
      ],
    });
  }
  return world;
}

// ---------------------------------------------------------------------------------------
// A minimal browser: keep-alive HTTP, the session's cookies, the CSRF field, every request timed.

export interface Sample {
  kind: string;
  status: number;
  ms: number;
  /** Set when the answer was not the one this step expects. */
  error?: string;
}

interface Answer {
  status: number;
  location: string | null;
  html: string;
}

export class OfficerBrowser {
  constructor(
    private readonly base: string,
    readonly officer: RushOfficer,
    private readonly agent: Agent,
    private readonly samples: Sample[],
  ) {}

  /** Requests sent again because a kept-alive connection was closed by the server as it was reused. */
  static retried = 0;

  /**
   * Sends once; when a reused keep-alive connection turns out to have been closed by the server
   * (its 5 s idle timeout racing the reuse: ECONNRESET before any answer), sends again on a new
   * connection, as browsers do. Nothing reached the application, so this is no error of the service.
   */
  private async send(method: "GET" | "POST", path: string, body?: URLSearchParams): Promise<Answer> {
    try {
      return await this.sendOnce(method, path, body);
    } catch (error) {
      if (!(error as { reusedSocket?: boolean }).reusedSocket) throw error;
      OfficerBrowser.retried += 1;
      return this.sendOnce(method, path, body);
    }
  }

  private sendOnce(method: "GET" | "POST", path: string, body?: URLSearchParams): Promise<Answer> {
    const payload = body ? Buffer.from(body.toString()) : undefined;
    return new Promise((resolve, reject) => {
      const request = httpRequest(
        `${this.base}${path}`,
        {
          method,
          agent: this.agent,
          headers: {
            Cookie: this.officer.session.cookie,
            Accept: "text/html",
            ...(payload ? { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": String(payload.length) } : {}),
          },
          timeout: 60_000,
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () => resolve({ status: response.statusCode ?? 0, location: (response.headers.location as string | undefined) ?? null, html: Buffer.concat(chunks).toString("utf8") }));
          response.on("error", reject);
        },
      );
      request.on("timeout", () => request.destroy(new Error("timed out after 60 s")));
      request.on("error", (error: NodeJS.ErrnoException) => {
        const raced = request.reusedSocket && (error.code === "ECONNRESET" || error.message === "socket hang up");
        reject(Object.assign(error, { reusedSocket: raced }));
      });
      request.end(payload);
    });
  }

  /** One request, timed; `expect` says which answers this step counts as right. */
  async request(kind: string, method: "GET" | "POST", path: string, expect: (answer: Answer) => boolean, body?: URLSearchParams): Promise<Answer> {
    if (body) body.set("csrf", this.officer.session.csrf);
    const start = performance.now();
    let answer: Answer;
    try {
      answer = await this.send(method, path, body);
    } catch (error) {
      this.samples.push({ kind, status: 0, ms: performance.now() - start, error: `${method} ${path}: ${(error as Error).message}` });
      throw new RushStepError(`${method} ${path}: ${(error as Error).message}`);
    }
    const sample: Sample = { kind, status: answer.status, ms: performance.now() - start };
    if (!expect(answer)) {
      sample.error = `${method} ${path} answered ${answer.status}${answer.location ? ` → ${answer.location}` : ""}: ${textOf(answer.html).slice(0, 300)}`;
      this.samples.push(sample);
      throw new RushStepError(sample.error);
    }
    this.samples.push(sample);
    return answer;
  }

  get(kind: string, path: string): Promise<Answer> {
    return this.request(kind, "GET", path, (a) => a.status === 200);
  }

  post(kind: string, path: string, body: URLSearchParams, expect: (answer: Answer) => boolean = (a) => a.status === 302): Promise<Answer> {
    return this.request(kind, "POST", path, expect, body);
  }
}

export class RushStepError extends Error {}

/** The page a browser landed on after following a redirect. */
interface Landed {
  path: string;
  answer: Answer;
}

const textOf = (html: string) => html.replace(/<script[\s\S]*?<\/script>/g, " ").replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim();

/** The section version a page was loaded at (its hidden field). */
export function sectionVersionOf(html: string): number {
  const input = html.match(/<input[^>]*name="sectionVersion"[^>]*>/)?.[0];
  const value = input?.match(/value="(\d+)"/)?.[1];
  if (value === undefined) throw new RushStepError("the page has no sectionVersion field");
  return Number(value);
}

// ---------------------------------------------------------------------------------------
// What each officer types.

const FROM_REGISTER = new Set(["region", "authorityType"]);

/** Fields of one page that the officer posts (region and type come from the register). */
export function postedFields(sectionId: SectionId, pageIndex: number): string[] {
  return sectionPages(sectionId)[pageIndex]!.fields.filter((field) => !(sectionId === "about-the-bid" && FROM_REGISTER.has(field)));
}

function appendQuestion(form: URLSearchParams, question: Question, value: unknown, path: Array<string | number>) {
  if (value === undefined) return;
  const id = fieldId(path);
  if (question.kind === "checkboxes") {
    for (const item of value as string[]) form.append(id, item);
  } else if (question.kind === "add-another") {
    const rows = value as Array<Record<string, unknown>>;
    form.set(`${id}-rows`, String(rows.length));
    rows.forEach((row, index) => question.fields.forEach((field) => appendQuestion(form, field, row[field.name], [...path, index, field.name])));
  } else {
    form.set(id, String(value));
  }
}

/**
 * The answers one page sends: its fields from `sectionAnswers`, where a list left out (no
 * checkbox ticked, no rows added) is sent as empty, as the form does.
 */
export function pageAnswers(sectionId: SectionId, pageIndex: number, sectionAnswers: Record<string, unknown>): Record<string, unknown> {
  const posted = new Set(postedFields(sectionId, pageIndex));
  const answers: Record<string, unknown> = {};
  for (const question of pageQuestions(sectionId, pageIndex)) {
    if (!posted.has(question.name)) continue;
    const value = sectionAnswers[question.name] ?? (question.kind === "checkboxes" || question.kind === "add-another" ? [] : undefined);
    if (value !== undefined) answers[question.name] = value;
  }
  return answers;
}

/** The POST body of one question page, as a browser sends it after "Save and continue". */
export function pageForm(sectionId: SectionId, pageIndex: number, sectionAnswers: Record<string, unknown>, sectionVersion: number): URLSearchParams {
  const form = new URLSearchParams({ intent: "save", sectionVersion: String(sectionVersion) });
  const answers = pageAnswers(sectionId, pageIndex, sectionAnswers);
  for (const question of pageQuestions(sectionId, pageIndex)) appendQuestion(form, question, answers[question.name], [question.name]);
  return form;
}

/**
 * A complete, valid set of answers in which every long text ends with `tag` instead of its last
 * word (same word counts), so each save can be told apart in the database afterwards.
 */
export function taggedAnswers(tag: string): EoiAnswers {
  const isLongText = (sectionId: string, name: string) => sectionById(sectionId as SectionId).questions.some((q) => q.name === name && q.kind === "textarea");
  return Object.fromEntries(
    Object.entries(completeAnswers()).map(([sectionId, section]) => [
      sectionId,
      Object.fromEntries(Object.entries(section).map(([name, value]) => [name, typeof value === "string" && isLongText(sectionId, name) ? value.replace(/\S+$/, tag) : value])),
    ]),
  ) as EoiAnswers;
}

// ---------------------------------------------------------------------------------------
// The rush.

/** Who fills which sections: half each, so the two officers save the same EOI at the same time. */
export const SECTIONS_BY_OFFICER: [SectionId[], SectionId[]] = [
  ["about-the-bid", "toolkit-use", "leadership", "customers-and-improvement-plan", "delivering-with-partners"],
  ["impact", "regional-champion", "evaluation-and-learning", "focus-area", "supporting-documents"],
];

/**
 * Pages of the first officer's sections that the second officer fills, at the same time as the
 * first fills the section's other pages: saves of different pages of one section must merge.
 */
export const HANDED_OVER: ReadonlyArray<{ sectionId: SectionId; pageIndex: number }> = [{ sectionId: "about-the-bid", pageIndex: 2 }];

export interface ConflictPage {
  sectionId: SectionId;
  pageIndex: number;
}

/** One POST of a question page and what came of it. */
export interface SaveRecord {
  authorityId: number;
  userId: number;
  sectionId: SectionId;
  pageIndex: number;
  /** The page's answers exactly as sent. */
  sent: Record<string, unknown>;
  baseVersion: number;
  outcome: "saved" | "conflict";
  /** The id of the kept conflicting save, for a conflict. */
  conflictSaveId: number | null;
  /** When the POST was sent and when its answer arrived (ms since the rush began). */
  sentAt: number;
  answeredAt: number;
}

export interface SubmitRecord {
  authorityId: number;
  userId: number;
  outcome: "submitted" | "refused";
  status: number;
}

export interface RushOptions {
  baseUrl: string;
  world: RushAuthority[];
  /** Requests in flight at most (two per authority at a time). */
  concurrency: number;
  /** Pages both officers save at the same moment, with different text. */
  conflictPages?: ConflictPage[];
  /** Both officers press "Submit" at once (the test); otherwise the first officer submits (the bench). */
  bothSubmit?: boolean;
  onProgress?: (done: number, total: number) => void;
}

export interface RushResult {
  samples: Sample[];
  saves: SaveRecord[];
  submits: SubmitRecord[];
  /** Authorities whose flow stopped at an unexpected answer, with the first error. */
  failed: Array<{ authorityId: number; error: string }>;
  elapsedMs: number;
}

export async function runRush(options: RushOptions): Promise<RushResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency + 8 });
  const samples: Sample[] = [];
  const saves: SaveRecord[] = [];
  const submits: SubmitRecord[] = [];
  const failed: RushResult["failed"] = [];
  const conflictPages = options.conflictPages ?? [{ sectionId: "leadership", pageIndex: 0 }];
  const started = performance.now();
  const isConflictPage = (sectionId: SectionId, pageIndex: number) => conflictPages.some((c) => c.sectionId === sectionId && c.pageIndex === pageIndex);

  /** Loads (unless already loaded), posts and follows the redirect, as a browser does. */
  async function savePage(browser: OfficerBrowser, authority: RushAuthority, sectionId: SectionId, pageIndex: number, answers: Record<string, unknown>, loaded?: Answer): Promise<{ record: SaveRecord; landed: Landed }> {
    const path = `/applicant/eoi/${sectionId}/${pageIndex + 1}`;
    const page = loaded ?? (await browser.get("GET question page", path));
    const baseVersion = sectionVersionOf(page.html);
    const sent = pageAnswers(sectionId, pageIndex, answers);
    const sentAt = performance.now() - started;
    const answer = await browser.post("POST question page", path, pageForm(sectionId, pageIndex, answers, baseVersion), (a) => a.status === 302 && a.location !== null);
    const conflict = answer.location!.match(/^\/applicant\/eoi\/conflict\/(\d+)$/);
    const record: SaveRecord = {
      authorityId: authority.id,
      userId: browser.officer.userId,
      sectionId,
      pageIndex,
      sent,
      baseVersion,
      outcome: conflict ? "conflict" : "saved",
      conflictSaveId: conflict ? Number(conflict[1]) : null,
      sentAt,
      answeredAt: performance.now() - started,
    };
    saves.push(record);
    // A browser follows the redirect: the next page, "have you completed", or the conflict page.
    const to = answer.location!;
    const landed = { path: to, answer: await browser.get(conflict ? "GET conflict page" : to.endsWith("/complete") ? "GET completed page" : "GET question page", to) };
    return { record, landed };
  }

  async function markCompleted(browser: OfficerBrowser, sectionId: SectionId, landed: Landed | null = null) {
    const path = `/applicant/eoi/${sectionId}/complete`;
    const page = landed?.path === path ? landed.answer : await browser.get("GET completed page", path);
    await browser.post("POST completed", path, new URLSearchParams({ completed: "yes", sectionVersion: String(sectionVersionOf(page.html)) }), (a) => a.status === 302 && a.location === "/applicant/eoi");
    await browser.get("GET task list", "/applicant/eoi");
  }

  const isHandedOver = (sectionId: SectionId, pageIndex: number) => HANDED_OVER.some((h) => h.sectionId === sectionId && h.pageIndex === pageIndex);

  async function fill(browser: OfficerBrowser, authority: RushAuthority, officer: 0 | 1, answers: EoiAnswers) {
    if (officer === 1) {
      // First the pages handed over from the other officer's sections, while they fill the rest.
      for (const { sectionId, pageIndex } of HANDED_OVER) await savePage(browser, authority, sectionId, pageIndex, answers[sectionId] as Record<string, unknown>);
    }
    for (const sectionId of SECTIONS_BY_OFFICER[officer]) {
      const pages = sectionPages(sectionId).length;
      let landed: Landed | null = null;
      for (let pageIndex = 0; pageIndex < pages; pageIndex += 1) {
        if (isConflictPage(sectionId, pageIndex) || isHandedOver(sectionId, pageIndex)) continue; // saved elsewhere
        const path = `/applicant/eoi/${sectionId}/${pageIndex + 1}`;
        ({ landed } = await savePage(browser, authority, sectionId, pageIndex, answers[sectionId] as Record<string, unknown>, landed?.path === path ? landed.answer : undefined));
      }
      // A section with a handed-over page is completed once both officers are done (below).
      if (!HANDED_OVER.some((h) => h.sectionId === sectionId)) await markCompleted(browser, sectionId, landed);
    }
  }

  async function authorityFlow(authority: RushAuthority, index: number) {
    const browsers = authority.officers.map((officer) => new OfficerBrowser(options.baseUrl, officer, agent, samples)) as [OfficerBrowser, OfficerBrowser];
    const answers = [taggedAnswers(`a${index}o1`), taggedAnswers(`a${index}o2`)] as const;
    // Both officers start at once: the second joins the EOI the first created (R-30).
    await Promise.all(browsers.map(async (browser) => {
      await browser.post("POST start", "/applicant", new URLSearchParams(), (a) => a.status === 302 && a.location === "/applicant/eoi");
      await browser.get("GET task list", "/applicant/eoi");
    }));
    // The same page, loaded by both, saved by both with different text: one conflict (R-30).
    for (const { sectionId, pageIndex } of conflictPages) {
      const path = `/applicant/eoi/${sectionId}/${pageIndex + 1}`;
      const loaded = await Promise.all(browsers.map((browser) => browser.get("GET question page", path)));
      const records = (await Promise.all(browsers.map((browser, n) => savePage(browser, authority, sectionId, pageIndex, answers[n]![sectionId] as Record<string, unknown>, loaded[n])))).map((saved) => saved.record);
      for (const [n, record] of records.entries()) {
        if (record.outcome !== "conflict") continue;
        // The officer read the conflict page; they reload the question and save their text again.
        const again = taggedAnswers(`a${index}o${n + 1}again`)[sectionId] as Record<string, unknown>;
        await savePage(browsers[n]!, authority, sectionId, pageIndex, again);
      }
    }
    await Promise.all(browsers.map((browser, n) => fill(browser, authority, n as 0 | 1, answers[n]!)));
    // Sections with a handed-over page, or a conflict page neither officer's list completes, are
    // completed by the first officer now that both are done.
    for (const sectionId of new Set([...HANDED_OVER.map((h) => h.sectionId), ...conflictPages.map((c) => c.sectionId).filter((id) => !SECTIONS_BY_OFFICER.flat().includes(id))])) {
      await markCompleted(browsers[0], sectionId);
    }
    // Check your answers, then submit.
    const submitters = options.bothSubmit ? browsers : [browsers[0]];
    await Promise.all(submitters.map((browser) => browser.get("GET check answers", "/applicant/eoi/check")));
    await Promise.all(
      submitters.map(async (browser) => {
        // The second of two officers pressing at once is refused: the check page's loader then
        // sends them to the task list, which shows the submitted EOI.
        const answer = await browser.post("POST submit", "/applicant/eoi/check", new URLSearchParams(), (a) =>
          (a.status === 302 && a.location === "/applicant/eoi/confirmation") || (Boolean(options.bothSubmit) && a.status === 302 && a.location === "/applicant/eoi"),
        );
        const submitted = answer.location === "/applicant/eoi/confirmation";
        submits.push({ authorityId: authority.id, userId: browser.officer.userId, outcome: submitted ? "submitted" : "refused", status: answer.status });
        await browser.get(submitted ? "GET confirmation" : "GET task list", answer.location!);
      }),
    );
  }

  // Each authority's flow keeps at most two requests in flight: concurrency / 2 authorities at once.
  const lanes = Math.max(1, Math.floor(options.concurrency / 2));
  let next = 0;
  let done = 0;
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      while (next < options.world.length) {
        const index = next++;
        const authority = options.world[index]!;
        try {
          await authorityFlow(authority, index);
        } catch (error) {
          failed.push({ authorityId: authority.id, error: (error as Error).message });
        }
        done += 1;
        options.onProgress?.(done, options.world.length);
      }
    }),
  );
  agent.destroy();
  return { samples, saves, submits, failed, elapsedMs: performance.now() - started };
}

// ---------------------------------------------------------------------------------------
// Numbers.

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export interface LatencySummary {
  kind: string;
  requests: number;
  errors: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
}

export function summarise(samples: Sample[]): { all: LatencySummary; byKind: LatencySummary[] } {
  const summary = (kind: string, of: Sample[]): LatencySummary => {
    const ms = of.map((s) => s.ms);
    return { kind, requests: of.length, errors: of.filter((s) => s.error).length, p50Ms: percentile(ms, 50), p95Ms: percentile(ms, 95), p99Ms: percentile(ms, 99), maxMs: Math.max(...ms) };
  };
  const kinds = [...new Set(samples.map((s) => s.kind))].sort();
  return { all: summary("all requests", samples), byKind: kinds.map((kind) => summary(kind, samples.filter((s) => s.kind === kind))) };
}
