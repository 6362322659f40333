import { CLOCK_NOW, DATABASE_FILE, MAIL_DIR, WORK_DIR } from "./support/env";
import { rmSync } from "node:fs";
import { parse, type DefaultTreeAdapterMap } from "parse5";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/data/db.server";
import { pageQuestions, sectionPages } from "~/domain/eoi/pages";
import { fieldId, SECTIONS, type Question, type SectionId } from "~/domain/eoi/sections";
import { Browser, decodeEntities, hiddenValue, type Page } from "./support/browser";
import { paramsFor } from "./support/params";
import { concretePath, routeManifest } from "./support/routes";
import { serverBuild, startServer, type RunningServer } from "./support/server";
import type { ExpectedFile } from "./support/cells";
import { buildWorld, makeOwnersPilot, PASSWORD, PERSONA_LABEL, PERSONAS, type Persona, type World } from "./support/world";

// Issue 9 item 4 over real HTTP, against the production build served by remix-serve (see
// support/server.ts: built once into a cache outside ./build, so no globalSetup is needed):
// session fixation, security headers on every page, stored XSS in every text field (issue 5,
// "Bad input"), and SQL metacharacters. The world is support/world.ts's, with passwords.

let world: World;
let server: RunningServer;

beforeAll(async () => {
  world = await buildWorld({ passwords: true });
  server = await startServer(await serverBuild(), { DATABASE_FILE, MAIL_DIR, CLOCK_NOW, SESSION_SECRET: process.env.SESSION_SECRET! });
}, 300_000);

afterAll(async () => {
  await server?.stop();
  await globalThis.__serviceDb?.destroy();
  globalThis.__serviceDb = undefined;
  rmSync(WORK_DIR, { recursive: true, force: true });
});

async function signedIn(email: string): Promise<Browser> {
  const browser = new Browser(server.url);
  const answer = await browser.submit("/sign-in", { email, password: PASSWORD });
  if (answer.status !== 302) throw new Error(`sign-in as ${email} answered ${answer.status}`);
  return browser;
}

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;");

// ---------------------------------------------------------------------------------------

describe("session fixation: a session id planted before sign-in is never the one after", () => {
  const sessionOf = (page: Page) => page.setCookies.find((c) => c.startsWith("__session="))?.split(";")[0]!.slice("__session=".length);

  it("a forged session cookie is ignored, and sign-in issues a new one", async () => {
    const victim = new Browser(server.url).plant("__session=chosen-by-the-attacker");
    const answer = await victim.submit("/sign-in", { email: world.users.owner.email, password: PASSWORD });
    expect(answer.status).toBe(302);
    expect(sessionOf(answer)).toBeTruthy();
    expect(victim.cookie("__session")).not.toBe("chosen-by-the-attacker");
    expect((await victim.get("/applicant")).html).toContain(world.users.owner.name);
  });

  it("a real session cookie planted by an attacker is replaced at sign-in and gives the attacker nothing", async () => {
    const attacker = await signedIn(world.users.otherAuthority.email);
    const planted = attacker.cookie("__session")!;
    const victim = new Browser(server.url);
    const form = await victim.get("/sign-in"); // the victim's own CSRF token, before the cookie is planted
    const csrfBefore = victim.cookie("__csrf");
    victim.plant(`__session=${planted}`);
    const answer = await victim.post("/sign-in", new URLSearchParams({ csrf: hiddenValue(form.html, "csrf")!, email: world.users.owner.email, password: PASSWORD }));
    expect(answer.status).toBe(302);
    expect(victim.cookie("__session")).toBeTruthy();
    expect(victim.cookie("__session")).not.toBe(planted);
    expect(victim.cookie("__csrf"), "a new CSRF token at sign-in too").not.toBe(csrfBefore);
    expect((await victim.get("/applicant")).html).toContain(world.users.owner.name);
    // The planted id is dead: the attacker is not signed in as the victim (nor as themselves).
    const after = await attacker.get("/applicant");
    expect(after.status).toBe(302);
    expect(after.location).toMatch(/^\/sign-in/);
  });

  it("a session cookie kept from before signing out does not come back to life at the next sign-in", async () => {
    const browser = await signedIn(world.users.owner.email);
    const old = browser.cookie("__session")!;
    const signOut = await browser.submit("/sign-out", {}, "/applicant");
    expect(signOut.status).toBe(302);
    const again = new Browser(server.url).plant(`__session=${old}`);
    await again.submit("/sign-in", { email: world.users.owner.email, password: PASSWORD });
    expect(again.cookie("__session")).not.toBe(old);
    const replay = await new Browser(server.url).plant(`__session=${old}`).get("/applicant");
    expect(replay.status).toBe(302);
  });
});

// ---------------------------------------------------------------------------------------

describe("SQL metacharacters are stored and shown verbatim", () => {
  const INJECTION = "Robert'); DROP TABLE eois; -- and \" OR 1=1; /* */ \\ %";

  it("in an EOI answer (R-34 exactly as typed)", async () => {
    const officer = await signedIn(world.users.owner.email);
    const page = await officer.get("/applicant/eoi/leadership/1");
    const answer = await officer.submit("/applicant/eoi/leadership/1", { sectionVersion: hiddenValue(page.html, "sectionVersion")!, leadership: INJECTION, intent: "save" });
    expect(answer.status, answer.html.slice(0, 300)).toBe(302);
    const row = await getDb()("eois").where({ id: world.eoiId }).first("answers_json");
    expect(JSON.parse(row.answers_json).leadership.leadership).toBe(INJECTION);
    expect(await getDb()("eois").count({ n: "*" })).toEqual([{ n: 1 }]);
    const shown = await officer.get("/applicant/eoi/leadership/1");
    const textarea = /<textarea[^>]*name="leadership"[^>]*>([\s\S]*?)<\/textarea>/.exec(shown.html);
    expect(decodeEntities(textarea?.[1] ?? "")).toBe(INJECTION);
  });

  it("in the sign-in form they match nobody", async () => {
    const visitor = new Browser(server.url);
    const answer = await visitor.submit("/sign-in", { email: "' OR '1'='1' --", password: "' OR '1'='1" });
    expect(answer.status).toBe(400);
    expect(visitor.cookie("__session")).toBeUndefined();
    const admin = await visitor.submit("/sign-in", { email: `${world.users.manager.email}' --`, password: "anything" });
    expect(admin.status).toBe(400);
    expect(visitor.cookie("__session")).toBeUndefined();
  });

  it("in the manager's add-a-user form", async () => {
    const manager = await signedIn(world.users.manager.email);
    const name = "Siobhán O'Brien'); DELETE FROM users; --";
    const before = Number((await getDb()("users").count({ n: "*" }))[0]!.n);
    const answer = await manager.submit("/manage/users/new", { name, email: "siobhan.obrien@clg.example.gov.uk", role: "assessor" });
    expect(answer.status, answer.html.slice(0, 300)).toBe(302);
    expect(Number((await getDb()("users").count({ n: "*" }))[0]!.n)).toBe(before + 1);
    expect((await getDb()("users").where({ email: "siobhan.obrien@clg.example.gov.uk" }).first("name")).name).toBe(name);
    expect((await manager.get("/manage/users")).html).toContain(escapeHtml(name));
  });
});

// ---------------------------------------------------------------------------------------

const SCRIPT = "<script>alert(1)</script>";
const IMG = '"><img src=x onerror=alert(1)>';
const payload = (id: string) => `${id}: ${SCRIPT} ${IMG}`;

interface TextField {
  sectionId: SectionId;
  /** Where the answer is saved: [question] or [question, row, field]. */
  path: Array<string | number>;
  id: string;
}

/** A whole page's form with the payload in every field a person types into. */
function hostileForm(sectionId: SectionId, pageIndex: number) {
  const fields: Array<[string, string]> = [];
  const texts: TextField[] = [];
  const fill = (questions: readonly Question[], path: Array<string | number>) => {
    for (const question of questions) {
      if (sectionId === "about-the-bid" && (question.name === "region" || question.name === "authorityType")) continue; // from the register
      const id = fieldId([...path, question.name]);
      switch (question.kind) {
        case "text":
        case "email":
        case "tel":
        case "textarea":
        case "money":
        case "year":
          fields.push([id, payload(id)]);
          texts.push({ sectionId, path: [...path, question.name], id });
          break;
        case "radios": {
          // Choose the answer that shows the questions that depend on this one.
          const shows = questions.find((q) => q.shownWhen?.field === question.name)?.shownWhen?.oneOf[0];
          fields.push([id, shows ?? question.options[0]!.value]);
          break;
        }
        case "checkboxes":
          for (const option of question.options) fields.push([id, option.value]);
          break;
        case "add-another":
          fields.push([`${id}-rows`, "1"]);
          fill(question.fields, [...path, question.name, 0]);
          break;
      }
    }
  };
  fill(pageQuestions(sectionId, pageIndex), []);
  return { fields, texts };
}

/** Problems with a page's HTML: a payload that arrived as markup, not text. */
function injected(html: string): string[] {
  const problems: string[] = [];
  if (html.includes(SCRIPT)) problems.push(`raw ${SCRIPT}`);
  if (html.includes("<img src=x onerror=alert(1)>")) problems.push("raw <img onerror>");
  const walk = (node: DefaultTreeAdapterMap["node"]) => {
    if ("tagName" in node) {
      const attrs = new Map(node.attrs.map((a) => [a.name, a.value]));
      for (const name of attrs.keys()) if (name.startsWith("on")) problems.push(`<${node.tagName} ${name}=…>`);
      if (node.tagName === "script" && !attrs.has("nonce")) problems.push(`<script> without the page's nonce: ${JSON.stringify([...attrs])}`);
      if (node.tagName === "img" && attrs.get("src") === "x") problems.push("<img src=x>");
    }
    if ("childNodes" in node) for (const child of node.childNodes) walk(child);
    if ("content" in node && node.content) walk(node.content as DefaultTreeAdapterMap["node"]);
  };
  walk(parse(html));
  return problems;
}

const isHtml = (page: Page) => (page.headers.get("Content-Type") ?? "").startsWith("text/html");

interface Crawled {
  where: string;
  routeId: string;
  persona: Persona;
  page: Page;
}

/** Every route of the manifest, GET as every person (the owning authority's records as params). */
const notCrawled = new Set<string>();
async function crawl(): Promise<Crawled[]> {
  const pages: Crawled[] = [];
  for (const route of routeManifest()) {
    let path: string;
    try {
      path = concretePath(route, paramsFor(route, world));
    } catch (error) {
      notCrawled.add((error as Error).message);
      continue;
    }
    for (const persona of PERSONAS) {
      const browser = new Browser(server.url).plant(world.csrf.cookie);
      if (persona !== "signedOut") browser.plant(world.sessionCookie[persona]);
      pages.push({ where: `GET ${path} (${route.id}) as ${PERSONA_LABEL[persona]}`, routeId: route.id, persona, page: await browser.get(path) });
    }
  }
  return pages;
}

interface Scene {
  texts: TextField[];
  /** The answers to each POST of a question page (a 400 re-shows the answers with their errors). */
  posted: Array<{ where: string; page: Page }>;
  questionPages: Array<{ where: string; page: Page; texts: TextField[] }>;
  savedAnswers: Record<string, unknown>;
  /** Every page of the manifest for every person, with the owner's EOI a draft, then submitted (then its authority running a pilot). */
  draftCrawl: Crawled[];
  submittedCrawl: Crawled[];
}

/**
 * The owner's officer types the payload into every field of every page of the EOI over HTTP,
 * the manager adds a user whose name is the payload, and then every page of the manifest is
 * fetched as every person: once with the EOI a draft, once submitted (staff pages that show
 * only submitted bids). Made once, on first use, for the XSS and the header tests.
 */
let scene: Promise<Scene> | undefined;
const theScene = () => (scene ??= makeScene());
async function makeScene(): Promise<Scene> {
  const texts: TextField[] = [];
  const posted: Scene["posted"] = [];
  const questionPages: Scene["questionPages"] = [];
  const officer = await signedIn(world.users.owner.email);
  const everyPage = SECTIONS.flatMap((section) => sectionPages(section.id).map((_, pageIndex) => ({ sectionId: section.id, pageIndex, path: `/applicant/eoi/${section.id}/${pageIndex + 1}` })));
  for (const { sectionId, pageIndex, path } of everyPage) {
    const form = hostileForm(sectionId, pageIndex);
    const page = await officer.get(path);
    const answer = await officer.submit(path, [...form.fields, ["sectionVersion", hiddenValue(page.html, "sectionVersion") ?? "0"], ["intent", "save"]]);
    posted.push({ where: `POST ${path} (answered ${answer.status})`, page: answer });
    texts.push(...form.texts);
  }
  for (const { sectionId, pageIndex, path } of everyPage) questionPages.push({ where: `GET ${path}`, page: await officer.get(path), texts: hostileForm(sectionId, pageIndex).texts });
  const savedAnswers = JSON.parse((await getDb()("eois").where({ id: world.eoiId }).first("answers_json")).answers_json);
  // A user's name is typed by the manager: it is shown to the officers and the manager.
  const manager = await signedIn(world.users.manager.email);
  await manager.submit("/manage/users/new", { name: payload("name"), email: "xss@owning.example.gov.uk", role: "applicant", authorityId: String(world.ownerAuthority.id) });
  const draftCrawl = await crawl();
  // Submitted directly: answers full of script do not pass the submission checks.
  await getDb()("eois").where({ id: world.eoiId }).update({ status: "submitted", reference: "RTP-EOI-XSS234", submitted_at: CLOCK_NOW, submitted_by: world.users.owner.id });
  const submittedCrawl = await crawl();
  // Stage 4: the owning authority runs a pilot, with the records each stage 4 route takes by id
  // (the setupPilot of each file of ./expected/, as the authorisation matrix makes them).
  notCrawled.clear();
  await makeOwnersPilot(world);
  for (const module of Object.values(import.meta.glob<ExpectedFile>("./expected/*.ts", { eager: true }))) if (module.setupPilot) Object.assign(world.pilotParams, await module.setupPilot(world));
  const pilotCrawl = await crawl();
  return { texts, posted, questionPages, savedAnswers, draftCrawl, submittedCrawl: [...submittedCrawl, ...pilotCrawl] };
}

describe("stored XSS: script typed into any text field is shown as text, never run", () => {
  let s: Scene;
  beforeAll(async () => {
    s = await theScene();
  }, 120_000);

  it("every payload was saved exactly as typed (R-34)", () => {
    const at = (t: TextField) => t.path.reduce<unknown>((value, key) => (value as Record<string | number, unknown> | undefined)?.[key], s.savedAnswers[t.sectionId]);
    const problems = s.texts.filter((t) => at(t) !== payload(t.id)).map((t) => `${t.sectionId} ${t.id}: ${JSON.stringify(at(t))}`);
    expect(s.texts.length).toBeGreaterThan(20);
    expect(problems).toEqual([]);
  });

  it("check your answers shows every text field's payload escaped, and nothing injected", () => {
    const page = s.draftCrawl.find((p) => p.routeId === "routes/applicant.eoi.check" && p.persona === "owner")!.page;
    expect(page.status).toBe(200);
    expect(injected(page.html)).toEqual([]);
    expect(s.texts.filter((t) => !page.html.includes(escapeHtml(payload(t.id)))).map((t) => `${t.sectionId} ${t.id}`)).toEqual([]);
  });

  it("each question page shows its payloads escaped in the inputs and text areas, also when re-shown with errors", () => {
    const problems: string[] = [];
    for (const { where, page } of s.posted) for (const p of injected(page.html)) problems.push(`${where}: ${p}`);
    for (const { where, page, texts } of s.questionPages) {
      for (const p of injected(page.html)) problems.push(`${where}: ${p}`);
      for (const t of texts) if (!page.html.includes(escapeHtml(payload(t.id)))) problems.push(`${where}: ${t.id} not shown escaped`);
    }
    expect(problems).toEqual([]);
  });

  it("the staff pages that show a bid show the payload escaped: the manager's view and the assigned assessor's scoring page", () => {
    const shows = (routeId: string, persona: Persona) => s.submittedCrawl.find((p) => p.routeId === routeId && p.persona === persona);
    const problems: string[] = [];
    let checked = 0;
    for (const [routeId, persona] of [["routes/manage.eois.$id._index", "manager"], ["routes/assess.bids.$eoiId", "assessorAssigned"]] as const) {
      const page = shows(routeId, persona);
      if (!page) continue; // not a route (yet)
      checked += 1;
      if (page.page.status !== 200 || !page.page.html.includes(escapeHtml(payload("toolkitUse")))) problems.push(`${page.where}: ${page.page.status}, payload ${page.page.html.includes(escapeHtml(payload("toolkitUse"))) ? "" : "not "}shown escaped`);
    }
    expect(checked).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });

  it("no page of the manifest, for any person, draft or submitted, carries the payload as markup", () => {
    const problems: string[] = [];
    for (const { where, page } of [...s.draftCrawl, ...s.submittedCrawl]) if (isHtml(page)) for (const p of injected(page.html)) problems.push(`${where}: ${p}`);
    expect(problems).toEqual([]);
  });

  it("every route of the manifest was crawled", () => {
    expect([...notCrawled]).toEqual([]);
  });

  it("no page of the manifest fails with a server error for anyone", async () => {
    const s = await theScene();
    const failed = [...s.draftCrawl, ...s.submittedCrawl].filter(({ page }) => page.status >= 500).map(({ where, page }) => `${where}: ${page.status}`);
    expect(failed).toEqual([]);
  });
});

describe("security headers on every page of the manifest, for every person", () => {
  let pages: Crawled[];
  beforeAll(async () => {
    const s = await theScene();
    pages = [...s.draftCrawl, ...s.submittedCrawl].filter(({ page }) => page.status < 300 || page.status >= 400); // not the bodiless redirects
  }, 120_000);

  it("every HTML page: CSP with frame-ancestors 'none', X-Content-Type-Options nosniff, Referrer-Policy, X-Frame-Options", () => {
    const problems: string[] = [];
    const html = pages.filter(({ page }) => isHtml(page));
    for (const { where, page } of html) {
      const h = (name: string) => page.headers.get(name) ?? "";
      if (!/(^|;)\s*frame-ancestors 'none'/.test(h("Content-Security-Policy"))) problems.push(`${where}: Content-Security-Policy "${h("Content-Security-Policy")}" lacks frame-ancestors 'none'`);
      if (!/(^|;)\s*default-src /.test(h("Content-Security-Policy"))) problems.push(`${where}: Content-Security-Policy lacks default-src`);
      if (h("X-Content-Type-Options").toLowerCase() !== "nosniff") problems.push(`${where}: X-Content-Type-Options "${h("X-Content-Type-Options")}"`);
      if (!/^(no-referrer|same-origin|strict-origin|strict-origin-when-cross-origin)$/.test(h("Referrer-Policy"))) problems.push(`${where}: Referrer-Policy "${h("Referrer-Policy")}"`);
      if (!/^(DENY|SAMEORIGIN)$/i.test(h("X-Frame-Options"))) problems.push(`${where}: X-Frame-Options "${h("X-Frame-Options")}"`);
    }
    expect(html.length).toBeGreaterThan(100);
    expect(problems).toEqual([]);
  });

  it("every other answer (downloads, JSON, a resource route's 403) says nosniff, so no browser runs a file of typed answers as HTML", () => {
    const missing = new Map<string, string[]>();
    for (const { where, page } of pages.filter(({ page }) => !isHtml(page))) {
      if ((page.headers.get("X-Content-Type-Options") ?? "").toLowerCase() === "nosniff") continue;
      const [request, person] = where.split(" as ");
      const key = `${request}: ${page.status} ${page.headers.get("Content-Type")} without X-Content-Type-Options: nosniff, as`;
      if (!missing.get(key)?.includes(person!)) missing.set(key, [...(missing.get(key) ?? []), person!]);
    }
    expect([...missing].map(([key, people]) => `${key} ${people.join(", ")}`)).toEqual([]);
  });
});
