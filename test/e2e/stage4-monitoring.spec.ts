import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import knexFactory, { type Knex } from "knex";
import { sqliteConfig } from "../../db/config";
import { addDays, londonDate, quarterDates, quarterOf } from "../../app/domain/calendar";
import type { Round } from "../../app/data/rounds.server";
import { makeApplication } from "../factories/applications";
import { makeAcceptedAward } from "../factories/pilots";
import { eoiAnswers, makeSubmittedEoi } from "../factories/eois";
import { makeAuthority, makeUser } from "../factories/users";
import { DEMO_PASSWORD, emailCount, expectAccessible, signIn, waitForEmail } from "./helpers";

// Stage 4 (issue 8): a pilot officer updates output B with an event and uploads evidence, submits a
// quarterly report and makes a claim; the manager accepts the report, approves the claim, records a
// health check visit and sees the dashboard change. Once with JavaScript and once without (each
// with a pilot of its own); axe on every page visited, the dashboard included.
//
// The server's database holds the demo world and whatever earlier journeys left. beforeAll moves
// the round's programme so that today is mid-programme (started 100 days ago) and makes two pilots
// of its own — new authorities in regions without a grant award, their bids invited, detailed
// applications approved and grants accepted, as stage 3 records them. afterAll puts the round's
// dates back; the pilots stay, as history.

const DATABASE = process.env.E2E_DATABASE_FILE ?? "data/e2e/service.sqlite";
const MANAGER = "programme.manager@communities.example.gov.uk";
const REGIONS = ["North East", "North West", "Yorkshire and the Humber", "East Midlands", "West Midlands", "East of England", "London", "South East", "South West"];

interface Pilot {
  email: string;
  authority: string;
  region: string;
  awardId: number;
}

const pilots: Partial<Record<"on" | "off", Pilot>> = {};
let originalDates: { start_by: string; ends_on: string } | null = null;
let roundId = 0;
const today = londonDate(new Date());

const roundOf = (row: Record<string, unknown>): Round => ({
  id: Number(row.id),
  name: String(row.name),
  totalFundPence: Number(row.total_fund_pence),
  pilotCount: Number(row.pilot_count),
  maxAwardPence: Number(row.max_award_pence),
  eoiOpensAt: String(row.eoi_opens_at),
  eoiClosesAt: String(row.eoi_closes_at),
  requestsBy: String(row.requests_by),
  detailedDueAt: String(row.detailed_due_at),
  startBy: String(row.start_by),
  endsOn: String(row.ends_on),
});

async function makeJourneyPilot(db: Knex, round: Round, mode: "on" | "off"): Promise<Pilot> {
  const email = `stage4.officer.${mode === "on" ? "js" : "nojs"}@example.gov.uk`;
  const existing = await db("users").where({ email }).first("id", "authority_id");
  if (existing) {
    // A second worker after a failed test: the same pilot.
    const award = await db("grant_awards").join("authorities", "authorities.id", "grant_awards.authority_id").where("grant_awards.authority_id", existing.authority_id).first("grant_awards.id", "authorities.name", "authorities.region");
    return { email, authority: String(award.name), region: String(award.region), awardId: Number(award.id) };
  }
  const taken = new Set((await db("grant_awards").where({ round_id: round.id }).pluck("region")) as string[]);
  const region = REGIONS.find((r) => !taken.has(r));
  if (!region) throw new Error("Every region has a grant award already: no room for the journey's pilot");
  const name = mode === "on" ? "Journey Test Borough Council" : "Offline Test District Council";
  // A code of its own: the factory's counter starts again in each Playwright worker, and earlier journeys used it.
  const authority = await makeAuthority(db, { name, region, type: "unitary", code: mode === "on" ? "E0S400001" : "E0S400002" });
  const officer = await makeUser(db, { email, authorityId: authority.id, password: DEMO_PASSWORD, name: `Stage 4 officer (${mode})` });
  const eoi = await makeSubmittedEoi(db, { authority: { id: authority.id }, roundId: round.id, answers: eoiAnswers({ name }) });
  await db("eois").where({ id: eoi.id }).update({ status: "invited" });
  const user = { id: officer.id, name: `Stage 4 officer (${mode})` };
  const application = await makeApplication(db, { round, bid: { authority, eoi: { id: eoi.id, reference: eoi.reference }, officers: [user as never] }, status: "approved", at: new Date(`${addDays(round.startBy, -20)}T10:00:00Z`) });
  const manager = await db("users").where({ email: MANAGER }).first("id");
  const awardId = await makeAcceptedAward(db, {
    roundId: round.id,
    applicationId: application.id,
    authority: { id: authority.id, region },
    amountPence: Math.min(application.clgRequestPence, round.maxAwardPence),
    clgRequestPence: application.clgRequestPence,
    managerId: Number(manager.id),
    officer: user,
    awardedOn: addDays(round.startBy, -10),
    acceptedOn: addDays(round.startBy, -5),
  });
  return { email, authority: name, region, awardId };
}

test.beforeAll(async () => {
  const db = knexFactory(sqliteConfig(DATABASE));
  try {
    const row = await db("rounds").orderBy([{ column: "eoi_opens_at", order: "desc" }, { column: "id", order: "desc" }]).first();
    roundId = Number(row.id);
    originalDates ??= { start_by: String(row.start_by), ends_on: String(row.ends_on) };
    // Today is mid-programme: it began 100 days ago and ends at the end of the quarter 130 days on.
    const dates = { start_by: addDays(today, -100), ends_on: quarterDates(quarterOf(addDays(today, 130))).end };
    await db("rounds").where({ id: roundId }).update(dates);
    const round = roundOf({ ...row, ...dates });
    for (const mode of ["on", "off"] as const) pilots[mode] = await makeJourneyPilot(db, round, mode);
  } finally {
    await db.destroy();
  }
});

test.afterAll(async () => {
  if (!originalDates) return;
  const db = knexFactory(sqliteConfig(DATABASE));
  try {
    await db("rounds").where({ id: roundId }).update(originalDates);
    originalDates = null;
  } finally {
    await db.destroy();
  }
});

async function as(browser: Browser, email: string, javaScript: boolean): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: javaScript });
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

const dayMonthYear = (iso: string) => {
  const [year, month, day] = iso.split("-");
  return { day: String(Number(day)), month: String(Number(month)), year: year! };
};

async function fillDate(scope: Page | Locator, group: string, iso: string) {
  const { day, month, year } = dayMonthYear(iso);
  const fieldset = scope.getByRole("group", { name: group });
  await fieldset.getByLabel("Day").fill(day);
  await fieldset.getByLabel("Month").fill(month);
  await fieldset.getByLabel("Year").fill(year);
}

/** A small, real PDF: what an officer's evidence file would be. */
const EVIDENCE_PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);

const regionCard = (page: Page, region: string) => page.locator(".govuk-summary-card", { has: page.getByRole("heading", { name: region, exact: true }) });

for (const javaScript of [true, false]) {
  const mode = javaScript ? "on" : "off";
  test(`R-60 R-61 R-62 R-63 R-64 a pilot reports and claims, the manager accepts, approves, records the health check and sees the dashboard change (JavaScript ${mode})`, async ({ browser }) => {
    test.setTimeout(240_000);
    const pilot = pilots[mode]!;
    const check = (page: Page) => expectAccessible(page, { javaScript });
    const since = await emailCount();

    // The pilot officer: home, outputs, output B with an event and an update with an evidence file.
    const officer = await as(browser, pilot.email, javaScript);
    await officer.goto("/applicant");
    await officer.getByRole("link", { name: /Your pilot/ }).click();
    await expect(officer.getByRole("heading", { level: 1 })).toHaveText("Your pilot");
    await check(officer);
    await officer.getByRole("link", { name: "Outputs A to F" }).click();
    await expect(officer.getByRole("heading", { level: 1 })).toContainText("Outputs A to F");
    await check(officer);
    await officer.goto("/applicant/pilot/outputs/B");
    await check(officer);

    // R-73 a bad event: clear errors, nothing added.
    await officer.getByRole("button", { name: "Add event or workshop" }).click();
    await expect(officer.locator(".govuk-error-summary")).toBeVisible();
    await check(officer);
    await fillDate(officer, "Date of the event", addDays(today, -20));
    await officer.getByLabel("Where it was held").fill("Civic Hall, workshop room 2");
    await officer.getByLabel("Number of people who attended").fill("45");
    await officer.getByLabel("Authorities reached").fill("12");
    await officer.getByRole("button", { name: "Add event or workshop" }).click();
    await expect(officer.locator(".govuk-notification-banner--success")).toContainText("was added");
    await expect(officer.locator("main")).toContainText("Civic Hall, workshop room 2");
    await check(officer);

    await officer.getByRole("group", { name: "Status of the output now" }).getByLabel("On track").check();
    await officer.getByLabel("What happened").fill("The first regional workshop ran with 45 people from 12 authorities; the slides and notes are attached.");
    await officer.getByLabel("Evidence file").setInputFiles({ name: "workshop-notes.pdf", mimeType: "application/pdf", buffer: EVIDENCE_PDF });
    await officer.getByRole("button", { name: "Add update" }).click();
    await expect(officer.locator(".govuk-notification-banner--success")).toContainText("Your update was added");
    await expect(officer.getByRole("link", { name: /workshop-notes\.pdf/ })).toBeVisible();
    await check(officer);

    // R-61 the quarterly report for the quarter that has ended: written, checked and submitted.
    await officer.goto("/applicant/pilot/reports");
    await expect(officer.getByRole("heading", { level: 1 })).toContainText("report");
    await check(officer);
    await officer.locator("table a.govuk-link").first().click();
    await check(officer);
    for (const key of ["A", "B", "C", "D", "E", "F"]) await officer.getByLabel(new RegExp(`^Progress on output ${key}:`)).fill(`Progress on output ${key} this quarter, as planned.`);
    await officer.getByLabel("Spend this quarter").fill("4,250.00");
    await officer.getByLabel("Risks").fill("The project officer leaves in March; a successor is being recruited.");
    await officer.getByLabel("Issues").fill("None that need the programme team.");
    await officer.getByRole("button", { name: "Save and continue to submit" }).click();
    await check(officer);
    await officer.getByRole("button", { name: "Submit the report" }).click();
    await expect(officer).toHaveURL(/submitted=1/);
    await check(officer);

    // A file over the 10 MB limit (and the body over the server's 12 MiB): the service's 413 page,
    // with JavaScript on as off (ADR 0073: forms that send files are posted as a whole page).
    await officer.goto("/applicant/pilot/claims/new");
    await officer.getByLabel("Evidence file (optional)").setInputFiles({ name: "scan.pdf", mimeType: "application/pdf", buffer: Buffer.concat([EVIDENCE_PDF, Buffer.alloc(13 * 1024 * 1024)]) });
    await officer.getByRole("button", { name: "Send the claim" }).click();
    await expect(officer.getByRole("heading", { level: 1 })).toHaveText("The file or form you sent is too large");
    await expect(officer).toHaveTitle(/^The file or form you sent is too large – /);

    // R-62 a claim over the remaining award is refused; a fair one is sent.
    await officer.goto("/applicant/pilot/claims/new");
    await check(officer);
    await officer.getByLabel("Amount claimed").fill("9,999,999.00");
    await fillDate(officer, "Start of the period the claim covers", addDays(today, -100));
    await fillDate(officer, "End of the period the claim covers", addDays(today, -10));
    await officer.getByLabel("What the pilot spent, and the evidence").fill("Project officer salary, invoices INV-101 to INV-104, timesheets held by the council.");
    await officer.getByRole("button", { name: "Send the claim" }).click();
    await expect(officer.locator(".govuk-error-summary")).toBeVisible();
    await check(officer);
    await officer.getByLabel("Amount claimed").fill("5,000.00");
    await officer.getByRole("button", { name: "Send the claim" }).click();
    await expect(officer).toHaveURL(/claimed=1/);
    await expect(officer.locator("main")).toContainText("£5,000.00");
    await check(officer);
    await officer.context().close();

    // The programme manager: the dashboard shows the claim waiting.
    const manager = await as(browser, MANAGER, javaScript);
    await manager.goto("/manage/monitoring");
    await expect(regionCard(manager, pilot.region)).toContainText("£5,000 waiting");
    await expect(regionCard(manager, pilot.region)).toContainText("Health check: not visited yet");
    await check(manager);

    // R-61 accepts the report.
    await manager.goto("/manage/monitoring/reports");
    await check(manager);
    await manager.locator("tr", { hasText: pilot.authority }).filter({ hasText: "Submitted" }).getByRole("link").first().click();
    await check(manager);
    await manager.getByLabel("Accept the report").check();
    await manager.getByRole("button", { name: "Confirm decision" }).click();
    await expect(manager).toHaveURL(/decided=accept/);
    await check(manager);

    // R-62 approves the claim.
    await manager.goto("/manage/monitoring/claims");
    await check(manager);
    await manager.locator("tr", { hasText: pilot.authority }).getByRole("link").first().click();
    await check(manager);
    await manager.getByLabel("Approve the claim").check();
    await manager.getByRole("button", { name: "Confirm decision" }).click();
    await expect(manager).toHaveURL(/decided=1/);
    await check(manager);

    // R-63 R-11 records the health check visit: date and team, findings, the pilot's agreement.
    await manager.goto(`/manage/monitoring/pilots/${pilot.awardId}/health-check`);
    await check(manager);
    await manager.getByRole("button", { name: "Record the visit" }).click();
    await fillDate(manager, "Date of the visit", addDays(today, -7));
    const sectors = [
      ["Ruth Bell", "Northern Utilities plc", "Private sector"],
      ["Sam Patel", "Kirklees Council", "Public sector"],
      ["Jo Evans", "Citizens Advice", "Third sector (including not for profit)"],
    ] as const;
    // The form starts with three rows (one for each sector, R-11).
    for (const [index, [name, organisation, sector]] of sectors.entries()) {
      const member = manager.getByRole("group", { name: `Team member ${index + 1}` });
      await member.getByLabel("Name").fill(name);
      await member.getByLabel("Organisation").fill(organisation);
      await member.getByLabel(sector, { exact: true }).check();
    }
    await check(manager);
    await manager.getByRole("button", { name: "Save the visit" }).click();
    await expect(manager.getByRole("heading", { level: 1 })).toContainText("health check");
    await check(manager);
    await manager.goto(`/manage/monitoring/pilots/${pilot.awardId}/health-check/findings`);
    await manager.locator("textarea").first().fill("Staff know the service standards and explain them to customers.");
    await manager.getByLabel("The team’s summary for the report").fill("A responsive service; complaints data could be used more to improve it.");
    await manager.getByRole("button", { name: "Save the findings" }).click();
    await check(manager);
    await manager.goto(`/manage/monitoring/pilots/${pilot.awardId}/health-check/agree`);
    await check(manager);
    await manager.getByLabel("Name of the pilot’s officer who agreed the report").fill("Stage 4 officer");
    await manager.getByRole("button", { name: "Agree the report" }).click();
    await expect(manager.locator("main")).toContainText("agreed");
    await check(manager);

    // R-64 the dashboard has changed: the claim approved, output B on track, the visit agreed.
    await manager.goto("/manage/monitoring");
    const card = regionCard(manager, pilot.region);
    await expect(card).toContainText("£5,000 approved");
    await expect(card).not.toContainText("waiting");
    await expect(card).toContainText("Health check: report agreed");
    const matrixRow = manager.locator("table", { has: manager.locator("caption", { hasText: "Outputs A to F by region" }) }).locator("tr", { hasText: pilot.region });
    await expect(matrixRow).toContainText("On track");
    await check(manager);
    await manager.context().close();

    // R-71 the pilot's officers hear of each decision by email.
    const agreed = await waitForEmail("health check", 15_000, since);
    expect(agreed.attachments.some((a) => a.contentType === "application/pdf")).toBe(true);
  });
}
