import type { Knex } from "knex";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { serviceCookies, SESSION_HOURS } from "~/auth/cookies.server";
import { newCsrfToken } from "~/auth/csrf.server";
import { insertSession } from "~/data/sessions.server";
import type { User } from "~/data/users.server";
import { CRITERION_KEYS } from "~/domain/sift/criteria";
import { assignByHand } from "~/services/sift-assignments.server";
import { saveAssessment } from "~/services/sift-scoring.server";
import { saveSelection } from "~/services/sift-selection.server";
import * as assessHome from "~/routes/assess._index";
import * as assessBid from "~/routes/assess.bids.$eoiId";
import * as assessConflicts from "~/routes/assess.conflicts";
import * as siftHome from "~/routes/manage.sift._index";
import * as assignments from "~/routes/manage.sift.assignments._index";
import * as assignment from "~/routes/manage.sift.assignments.$eoiId";
import * as bid from "~/routes/manage.sift.bids.$eoiId._index";
import * as moderate from "~/routes/manage.sift.bids.$eoiId.moderate";
import * as exportsPage from "~/routes/manage.sift.exports._index";
import * as exportFile from "~/routes/manage.sift.exports.$file";
import * as selection from "~/routes/manage.sift.selection";
import * as saved from "~/routes/manage.sift.selections.$selectionId._index";
import * as confirm from "~/routes/manage.sift.selections.$selectionId.confirm";
import * as weights from "~/routes/manage.sift.weights";
import { createTestDb } from "../setup/db";
import { allScores, makeStaff, makeSubmittedEoi, scoreForm } from "../factories/eois";

// R-20 Every stage 2 route, called directly as each kind of person: the loader (GET) and the
// action (POST). Signed out → sign-in; the wrong role → 403; an assessor reaches only the bids
// assigned to them (404 otherwise); applicants see none of the sift.

const now = new Date("2009-07-24T09:00:00Z");
type Persona = "signedOut" | "applicant" | "assessor" | "otherAssessor" | "manager";
const PERSONAS: Persona[] = ["signedOut", "applicant", "assessor", "otherAssessor", "manager"];

interface World {
  db: Knex;
  users: Record<Exclude<Persona, "signedOut">, User>;
  eoiId: number;
  selectionId: number;
}

let world: World = undefined as unknown as World;

async function buildWorld(): Promise<World> {
  const db = await createTestDb();
  globalThis.__serviceDb = db;
  const manager = await makeStaff(db, "programme_manager", "Priya Shah");
  const assessor = await makeStaff(db, "assessor", "Tom Fairley");
  const second = await makeStaff(db, "assessor", "Grace Okafor");
  const otherAssessor = await makeStaff(db, "assessor", "Martin Hale");
  const eoi = await makeSubmittedEoi(db, { authority: { name: "Leeds City Council", region: "Yorkshire and the Humber" } });
  const applicant = await makeStaff(db, "applicant", "Sarah Whitaker", eoi.authorityId);
  await assignByHand(db, { actor: manager, eoiId: eoi.id, assessorIds: [assessor.id, second.id], now });
  await saveAssessment(db, { actor: second, eoiId: eoi.id, form: scoreForm(allScores(3)), now });
  await saveAssessment(db, { actor: assessor, eoiId: eoi.id, form: scoreForm(allScores(3)), now });
  const selectionId = await saveSelection(db, { actor: manager, roundId: eoi.roundId, locks: {}, now });
  return { db, users: { applicant, assessor, otherAssessor, manager }, eoiId: eoi.id, selectionId };
}

async function request(persona: Persona, path: string, form?: Record<string, string>): Promise<Request> {
  const headers = new Headers();
  const cookies: string[] = [];
  if (persona !== "signedOut") {
    const token = await insertSession(world.db, world.users[persona].id, new Date(), SESSION_HOURS);
    cookies.push((await serviceCookies().session.serialize(token)).split(";")[0]!);
  }
  let body: URLSearchParams | undefined;
  if (form) {
    const csrf = await newCsrfToken();
    cookies.push(csrf.setCookie.split(";")[0]!);
    body = new URLSearchParams({ ...form, csrf: csrf.token });
    headers.set("Content-Type", "application/x-www-form-urlencoded");
  }
  headers.set("Cookie", cookies.join("; "));
  return new Request(`http://localhost${path}`, { method: form ? "POST" : "GET", headers, body });
}

/** The outcome as the matrix writes it: "ok", "400", "403", "404" or "redirect:/path". */
async function outcome(run: () => Promise<unknown>): Promise<string> {
  const describe = (value: unknown): string => {
    if (value instanceof Response) {
      if (value.status >= 300 && value.status < 400) return `redirect:${(value.headers.get("Location") ?? "").split("?")[0]}`;
      return value.status >= 200 && value.status < 300 ? "ok" : String(value.status);
    }
    const init = (value as { init?: { status?: number } } | null)?.init;
    if (value && typeof value === "object" && "type" in value && (value as { type: string }).type === "DataWithResponseInit") return init?.status && init.status >= 400 ? String(init.status) : "ok";
    return "ok";
  };
  try {
    return describe(await run());
  } catch (thrown) {
    if (thrown instanceof Response) return describe(thrown);
    throw thrown;
  }
}

type Module = { loader?: (args: never) => Promise<unknown>; action?: (args: never) => Promise<unknown> };
const call = (module: Module, kind: "loader" | "action", req: Request, params: Record<string, string>) =>
  (module[kind] as unknown as (args: { request: Request; params: Record<string, string>; context: object }) => Promise<unknown>)({ request: req, params, context: {} });

const signIn = "redirect:/sign-in";
const managerOnly = (ok: string) => [signIn, "403", "403", "403", ok];
const assessorOnly = (assigned: string, other: string) => [signIn, "403", assigned, other, "403"];

interface Row {
  name: string;
  module: Module;
  path: () => string;
  params: () => Record<string, string>;
  GET: string[];
  POST?: { expect: string[]; form: () => Record<string, string> };
}

const ROWS: Row[] = [
  { name: "assess._index", module: assessHome, path: () => "/assess", params: () => ({}), GET: assessorOnly("ok", "ok") },
  {
    name: "assess.bids.$eoiId",
    module: assessBid,
    path: () => `/assess/bids/${world.eoiId}`,
    params: () => ({ eoiId: String(world.eoiId) }),
    GET: assessorOnly("ok", "404"),
    POST: { expect: assessorOnly("redirect:/assess/bids/:eoiId", "404"), form: () => ({ intent: "draft", basedOnVersion: "1", "score-impact": "2", "justification-impact": "Thin." }) },
  },
  {
    name: "assess.conflicts",
    module: assessConflicts,
    path: () => "/assess/conflicts",
    params: () => ({}),
    GET: assessorOnly("ok", "ok"),
    POST: { expect: assessorOnly("400", "400"), form: () => ({ authorityId: "", reason: "" }) },
  },
  { name: "manage.sift._index", module: siftHome, path: () => "/manage/sift", params: () => ({}), GET: managerOnly("ok") },
  { name: "manage.sift.assignments._index", module: assignments, path: () => "/manage/sift/assignments", params: () => ({}), GET: managerOnly("ok"), POST: { expect: managerOnly("redirect:/manage/sift/assignments"), form: () => ({}) } },
  {
    name: "manage.sift.assignments.$eoiId",
    module: assignment,
    path: () => `/manage/sift/assignments/${world.eoiId}`,
    params: () => ({ eoiId: String(world.eoiId) }),
    GET: managerOnly("ok"),
    POST: { expect: managerOnly("400"), form: () => ({ firstAssessorId: "", secondAssessorId: "" }) },
  },
  { name: "manage.sift.bids.$eoiId._index", module: bid, path: () => `/manage/sift/bids/${world.eoiId}`, params: () => ({ eoiId: String(world.eoiId) }), GET: managerOnly("ok") },
  {
    name: "manage.sift.bids.$eoiId.moderate",
    module: moderate,
    path: () => `/manage/sift/bids/${world.eoiId}/moderate`,
    params: () => ({ eoiId: String(world.eoiId) }),
    GET: managerOnly("ok"),
    POST: { expect: managerOnly("400"), form: () => ({ reason: "" }) },
  },
  { name: "manage.sift.weights", module: weights, path: () => "/manage/sift/weights", params: () => ({}), GET: managerOnly("ok"), POST: { expect: managerOnly("400"), form: () => ({}) } },
  {
    name: "manage.sift.selection",
    module: selection,
    path: () => "/manage/sift/selection",
    params: () => ({}),
    GET: managerOnly("ok"),
    POST: { expect: managerOnly("ok"), form: () => ({ intent: "run", [`lock-${world.eoiId}`]: "" }) },
  },
  { name: "manage.sift.selections.$selectionId._index", module: saved, path: () => `/manage/sift/selections/${world.selectionId}`, params: () => ({ selectionId: String(world.selectionId) }), GET: managerOnly("ok") },
  {
    name: "manage.sift.selections.$selectionId.confirm",
    module: confirm,
    path: () => `/manage/sift/selections/${world.selectionId}/confirm`,
    params: () => ({ selectionId: String(world.selectionId) }),
    GET: managerOnly("ok"),
    POST: { expect: managerOnly("redirect:/manage/sift/selections/:selectionId"), form: () => ({}) },
  },
  { name: "manage.sift.exports._index", module: exportsPage, path: () => "/manage/sift/exports", params: () => ({}), GET: managerOnly("ok") },
  { name: "manage.sift.exports.$file (CSV)", module: exportFile, path: () => "/manage/sift/exports/eois-with-scores.csv", params: () => ({ file: "eois-with-scores.csv" }), GET: managerOnly("ok") },
  { name: "manage.sift.exports.$file (XLSX)", module: exportFile, path: () => "/manage/sift/exports/assignments.xlsx", params: () => ({ file: "assignments.xlsx" }), GET: managerOnly("ok") },
  { name: "manage.sift.exports.$file (unknown)", module: exportFile, path: () => "/manage/sift/exports/passwords.csv", params: () => ({ file: "passwords.csv" }), GET: managerOnly("404") },
];

describe("R-20 every stage 2 route, as each person", () => {
  beforeAll(() => {
    process.env.SESSION_SECRET ??= `sift-routes-${"x".repeat(40)}`;
    process.env.OUTBOX_WORKER = "off";
  });
  beforeEach(async () => {
    world = await buildWorld();
  });

  for (const row of ROWS) {
    it(`R-20 ${row.name}: GET${row.POST ? " and POST" : ""} give each person the expected outcome`, async () => {
      const got = [];
      for (const persona of PERSONAS) got.push(await outcome(async () => call(row.module, "loader", await request(persona, row.path()), row.params())));
      expect(got).toEqual(row.GET);
      if (row.POST) {
        const posted = [];
        for (const persona of PERSONAS) posted.push(await outcome(async () => call(row.module, "action", await request(persona, row.path(), row.POST!.form()), row.params())));
        expect(posted).toEqual(row.POST.expect.map((cell) => cell.replace(":eoiId", String(world.eoiId)).replace(":selectionId", String(world.selectionId))));
      }
    });
  }

  it("R-20 an assessor's loader never returns another assessor's or an unassigned bid's answers", async () => {
    const page = (await call(assessHome, "loader", await request("otherAssessor", "/assess"), {})) as { queue: unknown[] };
    expect(page.queue).toEqual([]);
    const mine = (await call(assessHome, "loader", await request("assessor", "/assess"), {})) as { queue: Array<{ eoiId: number }> };
    expect(mine.queue.map((q) => q.eoiId)).toEqual([world.eoiId]);
  });

  it("R-20 a POST without the CSRF token is refused (403) and changes nothing", async () => {
    const token = await insertSession(world.db, world.users.manager.id, new Date(), SESSION_HOURS);
    const req = new Request("http://localhost/manage/sift/assignments", {
      method: "POST",
      headers: { Cookie: (await serviceCookies().session.serialize(token)).split(";")[0]!, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({}),
    });
    expect(await outcome(() => call(assignments, "action", req, {}))).toBe("403");
    expect(CRITERION_KEYS).toHaveLength(8);
  });
});
