import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Knex } from "knex";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SERVICE_NAME } from "~/components/layout/ServiceLayout";
import { findUserById } from "~/data/users.server";
import { startEoi } from "~/services/eoi.server";
import { makeRound } from "../factories/applications";
import { makeAuthority, makeUser } from "../factories/users";
import { Browser, decodeEntities, type Page } from "../security/support/browser";
import { openDatabase, serverBuild, sessionFor, startServer, type RunningServer } from "../setup/server";

// GOV.UK error summary and validation patterns (ADR 0072): while a page shows an error summary,
// its <title> starts "Error: " so that a screen reader says so first. Here with JavaScript off:
// the production server's answer to a form posted as a browser without JavaScript posts it.

const OPEN = "2009-07-10T09:00:00.000Z";
const SERVICE_TITLE = ` – ${SERVICE_NAME} – GOV.UK`;

/** The <title>s of the document's head (the GOV.UK logo's SVG in the body has its own). */
function titlesOf(page: Page): string[] {
  const head = /<head>([\s\S]*?)<\/head>/.exec(page.html)?.[1] ?? "";
  return [...head.matchAll(/<title>([^<]*)<\/title>/g)].map((match) => decodeEntities(match[1]!));
}

function titleOf(page: Page): string {
  const titles = titlesOf(page);
  expect(titles, "one <title> per page").toHaveLength(1);
  return titles[0]!;
}

describe("Error: in the page title while the page shows an error summary (JavaScript off)", () => {
  let dir: string;
  let db: Knex;
  let server: RunningServer;
  let officerCookies: string[];

  beforeAll(async () => {
    const buildDir = await serverBuild();
    dir = mkdtempSync(join(tmpdir(), "toolkit-error-title-"));
    const databaseFile = join(dir, "service.sqlite");
    db = await openDatabase(databaseFile);
    await makeRound(db);
    const authority = await makeAuthority(db, { name: "Newcastle upon Tyne City Council" });
    const officer = (await findUserById(db, (await makeUser(db, { authorityId: authority.id })).id))!;
    await startEoi(db, { user: officer, now: new Date(OPEN) });
    officerCookies = (await sessionFor(db, officer.id, new Date(OPEN))).cookie.split("; ");
    server = await startServer({ buildDir, databaseFile, env: { MAIL_DIR: join(dir, "mail"), CLOCK_NOW: OPEN } });
  }, 240_000);

  afterAll(async () => {
    await server?.kill();
    await db?.destroy();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const officer = () => officerCookies.reduce((browser, pair) => browser.plant(pair), new Browser(server.url));

  it("the sign-in form posted with no email or password: Error: before the same title", async () => {
    const visitor = new Browser(server.url);
    const form = await visitor.get("/sign-in");
    expect(titleOf(form)).toBe(`Sign in${SERVICE_TITLE}`);
    const answer = await visitor.submit("/sign-in", { email: "", password: "" });
    expect(answer.status).toBe(400);
    expect(answer.html).toContain("govuk-error-summary");
    expect(titleOf(answer)).toBe(`Error: Sign in${SERVICE_TITLE}`);
  });

  it("R-34 an EOI question page posted with a required answer missing: Error: before the same title", async () => {
    const browser = officer();
    const page = await browser.get("/applicant/eoi/toolkit-use/1");
    expect(page.status).toBe(200);
    const title = titleOf(page);
    expect(title).not.toMatch(/^Error: /);
    const answer = await browser.submit("/applicant/eoi/toolkit-use/1", { sectionVersion: "0", toolkitUse: "Half a thought" });
    expect(answer.status).toBe(400);
    expect(answer.html).toContain("govuk-error-summary");
    expect(titleOf(answer)).toBe(`Error: ${title}`);
    // The next visit shows no error summary, and the title has no prefix.
    expect(titleOf(await browser.get("/applicant/eoi/toolkit-use/1"))).toBe(title);
  });

  it("R-34 a summary that comes from the loader (the check page of an unfinished EOI) gets the prefix too", async () => {
    const page = await officer().get("/applicant/eoi/check");
    expect(page.status).toBe(200);
    expect(page.html).toContain("You cannot submit yet");
    expect(titleOf(page)).toMatch(/^Error: .+ – GOV\.UK$/);
  });

  it("pages without an error summary keep their titles as they were", async () => {
    for (const path of ["/", "/applicant", "/applicant/eoi"]) {
      const page = await officer().get(path);
      expect(page.status, path).toBe(200);
      expect(page.html, path).not.toContain("govuk-error-summary");
      expect(titleOf(page), path).toMatch(/^(?!Error: ).+ – GOV\.UK$/);
    }
  });
});
