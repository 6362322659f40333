import "./support/env";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rmSync } from "node:fs";
import { CLOCK_NOW, WORK_DIR } from "./support/env";
import { getDb } from "~/data/db.server";
import { paramsFor } from "./support/params";
import { concretePath, routeManifest, type RouteEntry } from "./support/routes";
import { CRITERION_KEYS, DEFAULT_CRITERION_WEIGHTS } from "~/domain/programme";
import { all, applicantOnly, date, managerOnly, noAction, notInvited, ok, signIn, type ExpectedFile, type Row } from "./support/cells";
import { buildWorld, changedTables, makeOwnersPilot, PILOT_CLOCK_NOW, MARKER, PERSONA_LABEL, PERSONAS, restore, snapshot, submitOwnersEoi, tableContents, type Persona, type World } from "./support/world";

// R-20 The authorisation matrix: every route module of the Remix manifest (see
// support/routes.ts for how no route can be missed), its loader (GET) and its action (POST),
// called directly as each of six people. Expected outcomes, one cell per person:
//   "ok"                 2xx, or data returned
//   "redirect:/path"     a 3xx (returned or thrown) to that path (query string ignored)
//   "403" "404" "400"    a Response (returned or thrown) or data() with that status
//   "405"                the route has no action: Remix answers a POST with 405
//   "a | b"              either (used only where two answers are equally right)
// Anything thrown that is not a Response is a "500". Columns, in order:
//   signed out · applicant of the owning authority · applicant of another authority ·
//   assessor assigned to the owner's bid · assessor not assigned · programme manager
//
// `eoi` is the state of the owning authority's EOI for that row: the editing pages are tried
// on a draft, everything else on the submitted bid (which the sift and the manager work on).
// `form` is the POST body besides the CSRF field: a valid-looking one, so that the ownership
// check is what refuses, not validation. Route params are the owning authority's records
// (see paramsFor), so "another authority" and "assessor not assigned" try to reach the
// owner's data. Every cell also checks that
//   - nobody but the owner's officers, an assigned assessor and the manager receives the
//     owner's answers or reference (a leak fails even when the status is right);
//   - a refused request (403, 404, 405, sign-in) or an error changed no row of any table;
//   - a request that changed state wrote an audit row, and no GET changed state.

// prettier-ignore
const EXPECTED: Record<string, Row> = {
  // Public pages. The root loader runs on every page: it gives each visitor only their own name and role.
  "root":                                   { eoi: "submitted", GET: all(ok), POST: noAction },
  "routes/_index":                          { eoi: "submitted", GET: all(ok), POST: noAction },
  "routes/accessibility":                   { eoi: "submitted", GET: all(ok), POST: noAction },
  "routes/cookies":                         { eoi: "submitted", GET: all(ok), POST: noAction },
  "routes/privacy":                         { eoi: "submitted", GET: all(ok), POST: noAction },
  "routes/healthz":                         { eoi: "submitted", GET: all(ok), POST: noAction },
  "routes/signed-out":                      { eoi: "submitted", GET: all(ok), POST: noAction },
  "routes/sign-in":                         { eoi: "submitted", GET: [ok, "redirect:/applicant", "redirect:/applicant", "redirect:/assess", "redirect:/assess", "redirect:/manage"], POST: all("400") },
  "routes/sign-out":                        { eoi: "submitted", GET: all("redirect:/"), POST: all("redirect:/signed-out") },
  // The emailed link is the credential (R-20 users are invited); without a password the form is refused.
  "routes/set-password.$token":             { eoi: "submitted", GET: all(ok), POST: all("400") },

  // Stage 1, the applicant. Nothing takes an EOI id: an officer only ever reaches
  // their own authority's EOI; another authority's officer (who has none) is sent to their home.
  "routes/applicant._index":                { eoi: "submitted", GET: applicantOnly(ok, ok), POST: applicantOnly("redirect:/applicant/eoi", "redirect:/applicant/eoi") },
  "routes/applicant.eoi._index":            { eoi: "submitted", GET: applicantOnly(ok, "redirect:/applicant"), POST: noAction },
  "routes/applicant.eoi.$sectionId.$page":  { eoi: "draft",     GET: applicantOnly(ok, "redirect:/applicant"),
                                              // Signed out, the POST is held for after sign-in, hence the held_forms row.
                                              POST: applicantOnly("redirect:/applicant/eoi/impact/complete", "redirect:/applicant"),
                                              form: () => ({ sectionVersion: "0", impact: "Fewer repeat calls, measured monthly." }) },
  "routes/applicant.eoi.$sectionId.complete": { eoi: "draft",   GET: applicantOnly(ok, "redirect:/applicant"), POST: applicantOnly("redirect:/applicant/eoi", "redirect:/applicant"),
                                              form: () => ({ completed: "no", sectionVersion: "0" }) },
  // Submitting an incomplete draft is a 400 with the sections still to do.
  "routes/applicant.eoi.check":             { eoi: "draft",     GET: applicantOnly(ok, "redirect:/applicant"), POST: applicantOnly("400", "redirect:/applicant") },
  "routes/applicant.eoi.confirmation":      { eoi: "submitted", GET: applicantOnly(ok, "redirect:/applicant/eoi"), POST: noAction },
  // The conflict was kept for the owner's officer; nobody else may see or resolve it.
  "routes/applicant.eoi.conflict.$saveId":  { eoi: "submitted", GET: applicantOnly(ok, "redirect:/applicant/eoi"), POST: applicantOnly("redirect:/applicant/eoi", "redirect:/applicant/eoi | 404"),
                                              form: () => ({ keep: "mine" }) },
  "routes/applicant.eoi.pdf":               { eoi: "submitted", GET: applicantOnly(ok, "redirect:/applicant"), POST: noAction },
  // Another authority's officer has nothing to withdraw: a form error about their own (missing) EOI.
  "routes/applicant.eoi.withdraw":          { eoi: "submitted", GET: applicantOnly(ok, "redirect:/applicant/eoi"), POST: applicantOnly("redirect:/applicant/eoi", "400"),
                                              form: () => ({ reason: "The council has decided not to bid this year." }) },
  // The owner's held form: only the officer whose session expired may complete it.
  "routes/resume.$token":                   { eoi: "draft",     GET: applicantOnly("redirect:/applicant/eoi/impact/1", "404 | redirect:/applicant"), POST: noAction },

  // Stage 1, the programme manager.
  "routes/manage._index":                   { eoi: "submitted", GET: managerOnly(ok), POST: noAction },
  "routes/manage.round":                    { eoi: "submitted", GET: managerOnly(ok), POST: managerOnly("redirect:/manage"),
                                              form: () => ({ ...date("eoiCloses", 17, 7, 2009), ...date("requestsBy", 3, 8, 2009), ...date("detailedDue", 21, 8, 2009), ...date("startBy", 30, 9, 2009), ...date("endsOn", 31, 3, 2010) }) },
  "routes/manage.users._index":             { eoi: "submitted", GET: managerOnly(ok), POST: noAction },
  "routes/manage.users.new":                { eoi: "submitted", GET: managerOnly(ok), POST: managerOnly("redirect:/manage/users"),
                                              form: () => ({ name: "Nadia New", email: "nadia.new@clg.example.gov.uk", role: "assessor" }) },
  "routes/manage.emails._index":            { eoi: "submitted", GET: managerOnly(ok), POST: noAction },
  "routes/manage.emails.$id":               { eoi: "submitted", GET: managerOnly(ok), POST: noAction },
  "routes/manage.emails.$id.eml":           { eoi: "submitted", GET: managerOnly(ok), POST: noAction },
  "routes/manage.eois._index":              { eoi: "submitted", GET: managerOnly(ok), POST: noAction },
  "routes/manage.eois.$id._index":          { eoi: "submitted", GET: managerOnly(ok), POST: noAction },
  "routes/manage.eois.$id.pdf":             { eoi: "submitted", GET: managerOnly(ok), POST: noAction },
  "routes/manage.eois.export[.]csv":        { eoi: "submitted", GET: managerOnly(ok), POST: noAction },
  "routes/manage.eois.export[.]xlsx":       { eoi: "submitted", GET: managerOnly(ok), POST: noAction },
  // An extension is for a draft still being written.
  "routes/manage.eois.$id.deadline":        { eoi: "draft",     GET: managerOnly(ok), POST: managerOnly("redirect:/manage/eois/:id"), form: () => date("deadline", 24, 7, 2009) },
  "routes/manage.eois.$id.hard-copy":       { eoi: "submitted", GET: managerOnly(ok), POST: managerOnly("redirect:/manage/eois/:id"), form: () => date("receivedDate", 10, 7, 2009) },
  "routes/manage.eois.$id.withdraw":        { eoi: "submitted", GET: managerOnly(ok), POST: managerOnly("redirect:/manage/eois/:id"),
                                              form: () => ({ reason: "The council wrote to ask us to withdraw it." }) },

  // Stage 2, the sift. An assessor reaches only the bids assigned to them.
  "routes/assess._index":                   { eoi: "submitted", GET: [signIn, "403", "403", ok, ok, "403"], POST: noAction },
  "routes/assess.bids.$eoiId":              { eoi: "submitted", GET: [signIn, "403", "403", ok, "404", "403"], POST: [signIn, "403", "403", "redirect:/assess/bids/:id", "404", "403"],
                                              form: () => ({ intent: "draft", basedOnVersion: "0", [`score-${CRITERION_KEYS[0]}`]: "3", [`justification-${CRITERION_KEYS[0]}`]: "A clear plan for the revenues service." }) },
  // Any assessor may declare a conflict with any authority.
  "routes/assess.conflicts":                { eoi: "submitted", GET: [signIn, "403", "403", ok, ok, "403"], POST: [signIn, "403", "403", "redirect:/assess/conflicts", "redirect:/assess/conflicts", "403"],
                                              form: (w) => ({ authorityId: String(w.ownerAuthority.id), reason: "My sister leads the council's customer services." }) },
  "routes/manage.sift._index":              { eoi: "submitted", GET: managerOnly(ok), POST: noAction },
  "routes/manage.sift.assignments._index":  { eoi: "submitted", GET: managerOnly(ok), POST: managerOnly("redirect:/manage/sift/assignments") },
  "routes/manage.sift.assignments.$eoiId":  { eoi: "submitted", GET: managerOnly(ok), POST: managerOnly("redirect:/manage/sift/assignments"),
                                              form: (w) => ({ firstAssessorId: String(w.users.assessorAssigned.id), secondAssessorId: String(w.users.assessorUnassigned.id) }) },
  "routes/manage.sift.bids.$eoiId._index":  { eoi: "submitted", GET: managerOnly(ok), POST: noAction },
  // Moderating needs both assessments complete: with none yet the manager gets a form error.
  "routes/manage.sift.bids.$eoiId.moderate": { eoi: "submitted", GET: managerOnly(ok), POST: managerOnly("400"),
                                              form: () => ({ reason: "Agreed at the moderation meeting.", ...Object.fromEntries(CRITERION_KEYS.map((key) => [`agreed-${key}`, "2"])) }) },
  // Running the selection shows its result without saving it.
  "routes/manage.sift.selection":           { eoi: "submitted", GET: managerOnly(ok), POST: managerOnly(ok) },
  // Stage 3. In this world no authority is invited, so every applicant gets a 404 and
  // the manager finds no application or award ("1" names none). The invited world is covered cell
  // by cell in test/integration/application-routes.test.ts.
  "routes/applicant.application._index":    { eoi: "submitted", GET: notInvited, POST: notInvited },
  "routes/applicant.application.$sectionId.$page": { eoi: "submitted", GET: notInvited, POST: notInvited },
  "routes/applicant.application.$sectionId.complete": { eoi: "submitted", GET: notInvited, POST: notInvited },
  "routes/applicant.application.check":     { eoi: "submitted", GET: notInvited, POST: notInvited },
  "routes/applicant.application.confirmation": { eoi: "submitted", GET: notInvited, POST: noAction },
  "routes/applicant.application.conflict.$saveId": { eoi: "submitted", GET: notInvited, POST: notInvited },
  "routes/applicant.application.offer":     { eoi: "submitted", GET: notInvited, POST: notInvited },
  "routes/applicant.application.offer[.]pdf": { eoi: "submitted", GET: notInvited, POST: noAction },
  "routes/applicant.application.resume.$token": { eoi: "submitted", GET: notInvited, POST: noAction },
  "routes/applicant.application.withdraw":  { eoi: "submitted", GET: notInvited, POST: notInvited },
  "routes/manage.applications._index":      { eoi: "submitted", GET: managerOnly(ok), POST: noAction },
  "routes/manage.applications.$id._index":  { eoi: "submitted", GET: managerOnly("404"), POST: noAction },
  "routes/manage.applications.$id.decision": { eoi: "submitted", GET: managerOnly("404"), POST: managerOnly("404") },
  "routes/manage.awards._index":            { eoi: "submitted", GET: managerOnly(ok), POST: noAction },
  "routes/manage.awards.$id":               { eoi: "submitted", GET: managerOnly("404"), POST: noAction },
  "routes/manage.awards.$id.offer[.]pdf":   { eoi: "submitted", GET: managerOnly("404"), POST: noAction },
  // R-54 the 360Giving data is published openly.
  "routes/data.360giving[.]json":           { eoi: "submitted", GET: all(ok), POST: noAction },
  "routes/data.360giving[.]csv":            { eoi: "submitted", GET: all(ok), POST: noAction },
  "routes/manage.sift.exports._index":      { eoi: "submitted", GET: managerOnly(ok), POST: noAction },
  "routes/manage.sift.exports.$file":       { eoi: "submitted", GET: managerOnly(ok), POST: noAction },
  "routes/manage.sift.selections.$selectionId._index": { eoi: "submitted", GET: managerOnly(ok), POST: noAction },
  // The world's saved selection has no scored bids, so confirming it is refused with a form error.
  "routes/manage.sift.selections.$selectionId.confirm": { eoi: "submitted", GET: managerOnly(ok), POST: managerOnly("400") },
  "routes/manage.sift.weights":             { eoi: "submitted", GET: managerOnly(ok), POST: managerOnly("redirect:/manage/sift/weights"),
                                              form: () => Object.fromEntries(CRITERION_KEYS.map((key) => [`weight-${key}`, String(DEFAULT_CRITERION_WEIGHTS[key])])) },
};

// Later stages keep their rows in files of their own (test/security/expected/*.ts), found here by
// name so that no file can be forgotten; a route listed twice fails.
const STAGE_FILES = Object.entries(import.meta.glob<ExpectedFile>("./expected/*.ts", { eager: true }));
for (const [file, module] of STAGE_FILES) {
  for (const [id, row] of Object.entries(module.rows)) {
    if (id in EXPECTED) throw new Error(`${id} is listed twice: in ${file} and elsewhere`);
    EXPECTED[id] = row;
  }
}

/** Routes anyone may GET signed out. A route whose signed-out GET answers "ok" must be listed here. */
const PUBLIC = ["root", "routes/_index", "routes/data.360giving[.]json", "routes/data.360giving[.]csv", "routes/sign-in", "routes/healthz", "routes/accessibility", "routes/cookies", "routes/privacy", "routes/signed-out", "routes/set-password.$token"];

const PERSONAS_WHO_MAY_SEE_THE_BID: readonly Persona[] = ["owner", "assessorAssigned", "manager"];
/** Tables that are not the service's business state (the audit log itself, sessions, mail, R-34's held forms). */
const BOOKKEEPING = new Set(["audit_log", "sessions", "held_forms", "sign_in_attempts", "email_outbox"]);
/**
 * A GET is not CSRF-checked (a link or an <img> can send it with the victim's cookies), so a
 * loader must not change state. The one exception is by design: /resume completes the POST that
 * was held when the session expired.
 */
const GET_MAY_CHANGE_STATE = new Set(["routes/resume.$token"]);

interface Observed {
  outcome: string;
  detail: string;
  body: string;
}

const isDataWithInit = (value: unknown): value is { type: "DataWithResponseInit"; data: unknown; init: ResponseInit | null } =>
  typeof value === "object" && value !== null && (value as { type?: unknown }).type === "DataWithResponseInit";

async function observe(run: () => Promise<unknown>): Promise<Observed> {
  let value: unknown;
  let threw = false;
  try {
    value = await run();
  } catch (error) {
    value = error;
    threw = true;
  }
  if (value instanceof Response) {
    const status = value.status;
    if (status >= 300 && status < 400) {
      const location = value.headers.get("Location") ?? "";
      return { outcome: `redirect:${new URL(location, "http://localhost").pathname}`, detail: `${status} to ${location}`, body: "" };
    }
    const body = await value.text();
    return { outcome: status < 300 ? ok : String(status), detail: `${status} ${body.slice(0, 120)}`, body };
  }
  if (threw) {
    const error = value as Error;
    return { outcome: "500", detail: `threw ${error?.name}: ${error?.message}`, body: "" };
  }
  if (isDataWithInit(value)) {
    const status = value.init?.status ?? 200;
    const body = JSON.stringify(value.data) ?? "";
    return { outcome: status < 300 ? ok : String(status), detail: `${status} ${body.slice(0, 120)}`, body };
  }
  const body = JSON.stringify(value) ?? "";
  return { outcome: ok, detail: body.slice(0, 120), body };
}

const matches = (expected: string, outcome: string) => expected.split("|").map((s) => s.trim()).includes(outcome);
/** Outcomes after which nothing may have changed: refusals, and errors (a half-done request is a lost write). */
const refused = (outcome: string) => outcome === "403" || outcome === "404" || outcome === "405" || outcome === "500" || outcome === signIn;

let world: World;
let snapshots: Record<Row["eoi"], string>;
let ownersReference: string;
const routes = routeManifest();

beforeAll(async () => {
  world = await buildWorld();
  snapshots = { draft: await snapshot("draft"), submitted: "", pilot: "" };
  ownersReference = await submitOwnersEoi(world);
  snapshots.submitted = await snapshot("submitted");
  await makeOwnersPilot(world);
  for (const [, module] of STAGE_FILES) if (module.setupPilot) Object.assign(world.pilotParams, await module.setupPilot(world));
  snapshots.pilot = await snapshot("pilot");
});

afterAll(async () => {
  await globalThis.__serviceDb?.destroy();
  globalThis.__serviceDb = undefined;
  rmSync(WORK_DIR, { recursive: true, force: true });
});

/**
 * Runs one cell on the world as it was at the row's snapshot, so that no cell depends on what
 * another did: after any cell that wrote to the database, the file is copied back from the
 * snapshot (SQLite's total_changes() tells whether it wrote).
 */
let current: { snapshot: string; contents: Record<string, string>; changes: number } | null = null;
async function cell(route: RouteEntry, method: "GET" | "POST", persona: Persona, eoi: Row["eoi"], form: Row["form"] = () => ({})) {
  const module = await route.load();
  const handler = method === "GET" ? module.loader : module.action;
  if (!current || current.snapshot !== snapshots[eoi] || (await totalChanges()) !== current.changes) {
    await restore(snapshots[eoi]);
    current = { snapshot: snapshots[eoi], contents: await tableContents(), changes: await totalChanges() };
  }
  process.env.CLOCK_NOW = eoi === "pilot" ? PILOT_CLOCK_NOW : CLOCK_NOW;
  const params = paramsFor(route, world);
  const url = `http://localhost${concretePath(route, params)}`;
  const cookies = [world.csrf.cookie, ...(persona === "signedOut" ? [] : [world.sessionCookie[persona]])].join("; ");
  let observed: Observed;
  if (!handler) {
    // Without a loader Remix renders the component with no data; without an action a POST is a 405.
    observed = method === "GET" ? { outcome: module.default ? ok : "404", detail: "no loader", body: "" } : { outcome: "405", detail: "no action", body: "" };
  } else {
    const request =
      method === "GET"
        ? new Request(url, { headers: { Cookie: cookies } })
        : new Request(url, { method: "POST", headers: { Cookie: cookies }, body: new URLSearchParams({ csrf: world.csrf.token, ...form(world) }) });
    observed = await observe(async () => handler({ request, params, context: {} }));
  }
  const changed = (await totalChanges()) === current.changes ? [] : changedTables(current.contents, await tableContents());
  return { ...observed, changed };
}

async function totalChanges(): Promise<number> {
  const [row] = (await getDb().raw("select total_changes() as n")) as Array<{ n: number }>;
  return Number(row!.n);
}

describe("R-20 the authorisation matrix", () => {
  it("the table has a row for every route of the manifest, and no row for a route that is gone", async () => {
    const ids = routes.map((r) => r.id);
    const missing = ids.filter((id) => !(id in EXPECTED));
    const gone = Object.keys(EXPECTED).filter((id) => !ids.includes(id));
    const problems: string[] = [];
    for (const id of missing) {
      const route = routes.find((r) => r.id === id)!;
      const seen: string[] = [];
      try {
        for (const method of ["GET", "POST"] as const) {
          const outcomes = [];
          for (const persona of PERSONAS) outcomes.push((await cell(route, method, persona, "submitted")).outcome);
          seen.push(`${method}: ${JSON.stringify(outcomes)}`);
        }
      } catch (error) {
        seen.push(`it cannot be called yet: ${(error as Error).message}`);
      }
      problems.push(`${id} (app/${route.file}) has no row in EXPECTED: decide each person's outcome (observed now, on the submitted bid — check every cell before copying: ${seen.join("; ")})`);
    }
    for (const id of gone) problems.push(`EXPECTED lists ${id}, which is no longer a route`);
    expect(problems).toEqual([]);
  });

  it.each(routes.map((route) => [route.id, route] as const))("%s: every person gets the expected outcome, sees nothing not theirs, and a refusal changes nothing", async (id, route) => {
    const row = EXPECTED[id];
    if (!row) return expect.fail(`${id} has no row in EXPECTED (see the test above)`);
    const problems: string[] = [];
    for (const method of ["GET", "POST"] as const) {
      for (const [index, persona] of PERSONAS.entries()) {
        const seen = await cell(route, method, persona, row.eoi, method === "POST" ? row.form : undefined);
        const expected = row[method][index]!.replaceAll(":awardId", String(world.awardId)).replaceAll(":id", String(world.eoiId));
        const where = `${method} ${route.pattern} as ${PERSONA_LABEL[persona]}`;
        if (!matches(expected, seen.outcome)) problems.push(`${where}: expected ${expected}, got ${seen.outcome} (${seen.detail})`);
        if (seen.outcome === ok && !PERSONAS_WHO_MAY_SEE_THE_BID.includes(persona)) {
          for (const secret of [MARKER, ownersReference]) if (seen.body.includes(secret)) problems.push(`${where}: LEAK — the answer contains the owning authority's ${secret === MARKER ? "answers" : "EOI reference"}`);
        }
        // Signed out, a question page's POST is held for after sign-in.
        const allowed = persona === "signedOut" && method === "POST" ? new Set(["held_forms"]) : new Set<string>();
        const unexpected = seen.changed.filter((t) => !allowed.has(t));
        if (refused(seen.outcome) && unexpected.length) problems.push(`${where}: refused with ${seen.outcome} but changed ${unexpected.join(", ")}`);
        const business = seen.changed.filter((t) => !BOOKKEEPING.has(t));
        if (business.length && !seen.changed.includes("audit_log")) problems.push(`${where}: R-21 changed ${business.join(", ")} without an audit row`);
        if (method === "GET" && business.length && !GET_MAY_CHANGE_STATE.has(id)) problems.push(`${where}: a GET changed ${business.join(", ")} (not CSRF-protected)`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("only the routes listed as public answer a signed-out GET", async () => {
    const open: string[] = [];
    for (const route of routes) {
      const seen = await cell(route, "GET", "signedOut", EXPECTED[route.id]?.eoi ?? "submitted").catch(() => null); // an uncallable route fails above
      if (seen?.outcome === ok) open.push(route.id);
    }
    expect(open.sort()).toEqual([...PUBLIC].sort());
  });

  it("R-20 R-40 declaring a conflict of interest with the owning authority ends the assigned assessor's access to its bid", async () => {
    const declare = routes.find((r) => r.id === "routes/assess.conflicts");
    const bid = routes.find((r) => r.id === "routes/assess.bids.$eoiId");
    if (!declare || !bid || !world.assignment.made) return console.warn("no conflict declaration or scoring route yet: nothing to check");
    expect((await cell(bid, "GET", "assessorAssigned", "submitted")).outcome).toBe(ok);
    await restore(snapshots.submitted);
    current = null;
    const headers = { Cookie: `${world.csrf.cookie}; ${world.sessionCookie.assessorAssigned}` };
    const body = new URLSearchParams({ csrf: world.csrf.token, authorityId: String(world.ownerAuthority.id), reason: "My sister leads the council's customer services." });
    const declared = await observe(async () => (await declare.load()).action!({ request: new Request("http://localhost/assess/conflicts", { method: "POST", headers, body }), params: {}, context: {} }));
    expect(declared.outcome).toBe("redirect:/assess/conflicts");
    const url = `http://localhost${concretePath(bid, paramsFor(bid, world))}`;
    const after = await observe(async () => (await bid.load()).loader!({ request: new Request(url, { headers }), params: paramsFor(bid, world), context: {} }));
    expect(["403", "404"]).toContain(after.outcome);
    expect(after.body).not.toContain(MARKER);
    current = null; // the next cell starts from a fresh copy
  });

  it("'assessor assigned' holds an assignment of the owner's bid, or else is expected to equal 'assessor not assigned'", () => {
    if (world.assignment.made) return;
    console.warn(world.assignment.why);
    const differ = Object.entries(EXPECTED).filter(([, row]) => row.GET[3] !== row.GET[4] || row.POST[3] !== row.POST[4]).map(([id]) => id);
    expect(differ).toEqual([]);
  });
});
