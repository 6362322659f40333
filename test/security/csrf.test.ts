import "./support/env";
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WORK_DIR } from "./support/env";
import { getDb } from "~/data/db.server";
import { CRITERION_KEYS, DEFAULT_CRITERION_WEIGHTS } from "~/domain/programme";
import { paramsFor } from "./support/params";
import { concretePath, routeManifest, type RouteEntry } from "./support/routes";
import type { ExpectedFile } from "./support/cells";
import { buildWorld, changedTables, csrfPair, makeOwnersPilot, PERSONA_LABEL, PERSONAS, restore, snapshot, submitOwnersEoi, tableContents, type Persona, type World } from "./support/world";

// Issue 9 item 4, CSRF: every action of the route manifest, as every person, refuses a POST
// that does not carry this visitor's own CSRF token (none, another visitor's, or a field with
// no cookie) with a 403 — or, signed out, with the sign-in page — and changes nothing (every
// table compared before and after, the audit log included). The body is a valid-looking form
// for the actions (the union of their fields), so only the CSRF check stands in the way; a
// control run with the right token shows that it does get past the check.

let world: World;
let submitted: string;
const actions: RouteEntry[] = [];

beforeAll(async () => {
  world = await buildWorld();
  await submitOwnersEoi(world);
  // Stage 4's actions need the owner's pilot and the records they take by id (as the matrix makes them).
  await makeOwnersPilot(world);
  for (const module of Object.values(import.meta.glob<ExpectedFile>("./expected/*.ts", { eager: true }))) if (module.setupPilot) Object.assign(world.pilotParams, await module.setupPilot(world));
  submitted = await snapshot("submitted");
  for (const route of routeManifest()) if ((await route.load()).action) actions.push(route);
});

afterAll(async () => {
  await globalThis.__serviceDb?.destroy();
  globalThis.__serviceDb = undefined;
  rmSync(WORK_DIR, { recursive: true, force: true });
});

const date = (field: string, day: number, month: number, year: number) => ({ [`${field}-day`]: String(day), [`${field}-month`]: String(month), [`${field}-year`]: String(year) });

/** The fields of every action's form, filled in validly. */
function everyActionsFields(w: World): Record<string, string> {
  return {
    sectionVersion: "0",
    impact: "Fewer repeat calls.",
    completed: "no",
    keep: "mine",
    reason: "Asked for in writing.",
    name: "Nadia New",
    email: "nadia.new@clg.example.gov.uk",
    role: "assessor",
    password: "a long enough password 123",
    confirmPassword: "a long enough password 123",
    authorityId: String(w.ownerAuthority.id),
    firstAssessorId: String(w.users.assessorAssigned.id),
    secondAssessorId: String(w.users.assessorUnassigned.id),
    intent: "draft",
    basedOnVersion: "0",
    [`score-${CRITERION_KEYS[0]}`]: "3",
    [`justification-${CRITERION_KEYS[0]}`]: "A clear plan.",
    ...Object.fromEntries(CRITERION_KEYS.map((key) => [`weight-${key}`, String(DEFAULT_CRITERION_WEIGHTS[key])])),
    ...Object.fromEntries(CRITERION_KEYS.map((key) => [`agreed-${key}`, "2"])),
    ...date("deadline", 24, 7, 2009),
    ...date("receivedDate", 10, 7, 2009),
    ...date("eoiCloses", 17, 7, 2009),
    ...date("requestsBy", 3, 8, 2009),
    ...date("detailedDue", 21, 8, 2009),
    ...date("startBy", 30, 9, 2009),
    ...date("endsOn", 31, 3, 2010),
  };
}

/** A route whose params this file cannot fill yet (a new param name) is reported, not skipped. */
const uncallable = (route: RouteEntry) => {
  try {
    paramsFor(route, world);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
};
const callable = (route: RouteEntry) => uncallable(route) === null;

/** requireUser's answer to someone signed out: the sign-in page, coming back here afterwards. */
const toSignIn = (outcome: string) => outcome.startsWith("redirect:/sign-in?returnTo=");

let current: { contents: Record<string, string>; changes: number } | null = null;
async function totalChanges(): Promise<number> {
  const [row] = (await getDb().raw("select total_changes() as n")) as Array<{ n: number }>;
  return Number(row!.n);
}

/** POSTs to the route's action as the person, on the world as it was after setup; returns the outcome and the tables it changed. */
async function post(route: RouteEntry, persona: Persona, csrf: { cookie: string | null; field: string | null }) {
  if (!current || (await totalChanges()) !== current.changes) {
    await restore(submitted);
    current = { contents: await tableContents(), changes: await totalChanges() };
  }
  const params = paramsFor(route, world);
  const cookies = [...(csrf.cookie ? [csrf.cookie] : []), ...(persona === "signedOut" ? [] : [world.sessionCookie[persona]])].join("; ");
  const body = new URLSearchParams(everyActionsFields(world));
  if (csrf.field !== null) body.set("csrf", csrf.field);
  const request = new Request(`http://localhost${concretePath(route, params)}`, { method: "POST", headers: cookies ? { Cookie: cookies } : {}, body });
  let answer: unknown;
  try {
    answer = await (await route.load()).action!({ request, params, context: {} });
  } catch (thrown) {
    answer = thrown;
  }
  const outcome =
    answer instanceof Response
      ? answer.status >= 300 && answer.status < 400
        ? `redirect:${answer.headers.get("Location") ?? ""}`
        : String(answer.status)
      : answer instanceof Error
        ? `500 (${answer.message})`
        : "200";
  const changed = (await totalChanges()) === current.changes ? [] : changedTables(current.contents, await tableContents());
  return { outcome, changed };
}

/**
 * The actions that take a file: they check whose pilot it is before reading the
 * body (test/integration/upload-routes-ownership.test.ts), so before the token in it.
 */
const BODY_READ_AFTER_OWNERSHIP = new Set(["routes/applicant.pilot.outputs.$outputKey", "routes/applicant.pilot.claims.new", "routes/applicant.pilot.cse.$elementId"]);

describe("CSRF: every action refuses a POST without this visitor's token, and changes nothing", () => {
  it("the manifest has actions to test", () => {
    expect(actions.length).toBeGreaterThan(10);
  });

  const cases = [
    { name: "no token in the form", csrf: async () => ({ cookie: world.csrf.cookie, field: null }) },
    { name: "another visitor's token in the form", csrf: async () => ({ cookie: world.csrf.cookie, field: (await csrfPair()).token }) },
    { name: "a token in the form but no CSRF cookie", csrf: async () => ({ cookie: null, field: world.csrf.token }) },
  ];

  it.each(cases)("$name: 403 for everyone signed in, 403 or the sign-in page signed out, and nothing changed", async ({ csrf }) => {
    const problems: string[] = [];
    for (const route of actions) {
      if (!callable(route)) {
        problems.push(`${route.id}: ${uncallable(route)}`);
        continue;
      }
      for (const persona of PERSONAS) {
        const { outcome, changed } = await post(route, persona, await csrf());
        const where = `POST ${route.pattern} (${route.id}) as ${PERSONA_LABEL[persona]}`;
        // A route that takes a file refuses someone with no pilot of their own (404) before it reads
        // the body, so before the token in it (R-20, R-60: a stranger's upload is never read).
        const refusedBeforeTheBody = outcome === "404" && persona === "otherAuthority" && BODY_READ_AFTER_OWNERSHIP.has(route.id);
        const refused = outcome === "403" || refusedBeforeTheBody || (persona === "signedOut" && toSignIn(outcome));
        if (!refused) problems.push(`${where}: ${outcome}`);
        if (changed.length) problems.push(`${where}: changed ${changed.join(", ")}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("control: with this visitor's own token, every action gets past the CSRF check for someone", async () => {
    const stopped: string[] = [];
    for (const route of actions) {
      if (!callable(route)) continue; // reported above
      const outcomes: string[] = [];
      for (const persona of PERSONAS) {
        outcomes.push((await post(route, persona, { cookie: world.csrf.cookie, field: world.csrf.token })).outcome);
        if (outcomes.at(-1) !== "403" && !toSignIn(outcomes.at(-1)!)) break;
      }
      // If no person gets further than a 403 or the sign-in page, the cases above prove nothing for this action.
      if (outcomes.every((o) => o === "403" || toSignIn(o))) stopped.push(`${route.id}: ${outcomes.join(", ")}`);
    }
    expect(stopped).toEqual([]);
  });
});

describe("CSRF through a held form (R-34): a POST kept while signed out is completed only for the person who sent it", () => {
  it("a form a stranger POSTed while signed out does not change an officer's EOI when the officer opens its /resume link", async () => {
    await restore(submitted);
    current = null;
    await getDb()("eois").where({ id: world.eoiId }).update({ status: "draft", reference: null, submitted_at: null, submitted_by: null });
    const page = routeManifest().find((r) => r.id === "routes/applicant.eoi.$sectionId.$page")!;
    const resume = routeManifest().find((r) => r.id === "routes/resume.$token")!;
    const before = (await getDb()("eois").where({ id: world.eoiId }).first("answers_json", "section_versions_json")) as { answers_json: string; section_versions_json: string };
    const version = String(JSON.parse(before.section_versions_json).leadership ?? 0);

    // The attacker: no account, no session, only their own CSRF cookie and token from visiting the site.
    const attacker = await csrfPair();
    const form = new URLSearchParams({ csrf: attacker.token, sectionVersion: version, leadership: "Written by a stranger", intent: "save" });
    const held = await (await page.load()).action!({
      request: new Request("http://localhost/applicant/eoi/leadership/1", { method: "POST", headers: { Cookie: attacker.cookie }, body: form }),
      params: { sectionId: "leadership", page: "1" },
      context: {},
    });
    const location = (held as Response).headers.get("Location") ?? "";
    // Nobody's session expired here, so nothing is held: the stranger is sent to sign in and no
    // /resume link exists for a victim to follow.
    expect(decodeURIComponent(location)).not.toContain("/resume/");
    expect(await getDb()("held_forms").count({ n: "*" })).toEqual([{ n: 1 }]); // only the world's own held form

    // The world's held form belongs to the owner: another officer opening its link gets a 404 and it stays.
    const resumeLoader = (await resume.load()).loader!;
    const others = await Promise.resolve()
      .then(() =>
        resumeLoader({
          request: new Request(`http://localhost/resume/${world.heldFormToken}`, { headers: { Cookie: world.sessionCookie.otherAuthority } }),
          params: { token: world.heldFormToken },
          context: {},
        }),
      )
      .catch((thrown: unknown) => thrown);
    expect((others as Response).status).toBe(404);
    expect(await getDb()("held_forms").count({ n: "*" })).toEqual([{ n: 1 }]);
    const after = (await getDb()("eois").where({ id: world.eoiId }).first("answers_json")) as { answers_json: string };
    expect(JSON.parse(after.answers_json).leadership, "the owner's leadership answer").toEqual(JSON.parse(before.answers_json).leadership);
  });
});
