import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import knexFactory from "knex";
import { sqliteConfig } from "../../db/config";
import { applicationProgramme, quarterMonths, type ApplicationProgramme } from "../../app/domain/application/programme";
import { addDays, londonDate } from "../../app/domain/calendar";
import { OUTPUTS } from "../../app/domain/programme";
import { confirmShortlistFor, makeShortlistedBid, type InvitedAuthority } from "../factories/applications";
import { DEMO_PASSWORD, expectAccessible, signIn, waitForEmail } from "./helpers";

// Stage 3 (issue 7): an invited officer completes and submits the detailed application through
// every page; the manager asks for changes; the officer changes it and resubmits; the manager
// approves; the offer email arrives with its PDF; the officer accepts. Once with JavaScript and
// once without; axe on every page and error state visited.
//
// The server's database holds the base demo world only. beforeAll invites two authorities of its
// own (as stage 2's "confirm the shortlist" records it) – or, when stage 2's journey has already
// confirmed the round's shortlist, gives officers to two of the authorities it invited – and
// afterAll takes its own shortlist away again, so stage 2's journey can still confirm one.

const DATABASE = process.env.E2E_DATABASE_FILE ?? "data/e2e/service.sqlite";
const MANAGER = "programme.manager@communities.example.gov.uk";

interface Officer {
  email: string;
  authority: string;
}

const officers: Record<"on" | "off", Officer> = { on: { email: "", authority: "" }, off: { email: "", authority: "" } };
let programme: ApplicationProgramme;
let ownShortlist: { roundId: number; eoiIds: number[] } | null = null;

test.beforeAll(async () => {
  // Idempotent: Playwright runs this again in a new worker after a failed test.
  const db = knexFactory(sqliteConfig(DATABASE));
  try {
    const { listInvitations } = await import("../../app/data/applications.server");
    const round = await db("rounds").orderBy([{ column: "eoi_opens_at", order: "desc" }, { column: "id", order: "desc" }]).first();
    programme = applicationProgramme({ startBy: round.start_by, endsOn: round.ends_on, detailedDueAt: round.detailed_due_at });
    const emails = { on: "stage3.officer.js@example.gov.uk", off: "stage3.officer.nojs@example.gov.uk" };
    const ours = await db("users").join("authorities", "authorities.id", "users.authority_id").whereIn("users.email", Object.values(emails)).select("users.email", "authorities.id", "authorities.name");
    const invited = new Set((await listInvitations(db, round.id)).map((i) => i.authorityId));
    const shortlisted = Boolean(await db("sift_shortlists").where({ round_id: round.id }).first());
    if (ours.length === 2) {
      // A second worker: the same officers; our own shortlist again if the first worker's afterAll removed it.
      for (const mode of ["on", "off"] as const) officers[mode] = { email: emails[mode], authority: String(ours.find((o) => o.email === emails[mode])!.name) };
      if (!shortlisted) {
        const eois = await db("eois").where({ round_id: round.id }).whereIn("authority_id", ours.map((o) => Number(o.id))).select("id", "reference", "authority_id");
        const bids = await Promise.all(eois.map(async (e) => ({ authority: await db("authorities").where({ id: e.authority_id }).first(), eoi: { id: Number(e.id), reference: String(e.reference) }, officers: [] })));
        await confirmShortlistFor(db, { roundId: round.id, bids: bids as unknown as InvitedAuthority[], at: new Date() });
        ownShortlist = { roundId: round.id, eoiIds: bids.map((b) => b.eoi.id) };
      } else if (!ours.every((o) => invited.has(Number(o.id)))) throw new Error("The round's shortlist does not include this journey's authorities");
      return;
    }
    if (!shortlisted) {
      const bids: InvitedAuthority[] = [];
      for (const [mode, region, name] of [["on", "North East", "Tynedale Test Borough Council"], ["off", "South West", "Exmoor Test District Council"]] as const) {
        const bid = await makeShortlistedBid(db, { roundId: round.id, region, name, type: "unitary", officers: 1, password: DEMO_PASSWORD, emails: [emails[mode]] });
        bids.push(bid);
        officers[mode] = { email: emails[mode], authority: name };
      }
      await confirmShortlistFor(db, { roundId: round.id, bids, at: new Date() });
      ownShortlist = { roundId: round.id, eoiIds: bids.map((b) => b.eoi.id) };
    } else {
      // Stage 2's journey confirmed the shortlist: two of its invited authorities, with new officers.
      const started = new Set((await db("applications").where({ round_id: round.id }).select("authority_id")).map((r) => Number(r.authority_id)));
      const free = [...invited].filter((id) => !started.has(id)).slice(0, 2);
      if (free.length < 2) throw new Error("Fewer than two invited authorities without an application");
      const { makeUser } = await import("../factories/users");
      for (const [index, mode] of (["on", "off"] as const).entries()) {
        const authority = await db("authorities").where({ id: free[index]! }).first("id", "name");
        await makeUser(db, { email: emails[mode], authorityId: Number(authority.id), password: DEMO_PASSWORD, name: `Stage 3 officer (${mode})` });
        officers[mode] = { email: emails[mode], authority: String(authority.name) };
      }
    }
  } finally {
    await db.destroy();
  }
});

test.afterAll(async () => {
  if (!ownShortlist) return;
  const db = knexFactory(sqliteConfig(DATABASE));
  try {
    // Our bids leave the sift (they were never scored) and our shortlist goes, so stage 2's journey
    // can confirm the round's real one. The applications, awards and emails stay, as history.
    await db("sift_shortlists").where({ round_id: ownShortlist.roundId }).delete();
    await db("eois").whereIn("id", ownShortlist.eoiIds).update({ status: "withdrawn", withdrawn_reason: "Stage 3 browser journey's fixture", withdrawn_at: new Date().toISOString() });
    ownShortlist = null;
  } finally {
    await db.destroy();
  }
});

const sentence = (topic: string) => `We will ${topic} with customers, frontline staff and partners, using the Toolkit to test our service and remedy provision.`;
const dayMonthYear = (iso: string) => {
  const [year, month, day] = iso.split("-");
  return { day: String(Number(day)), month: String(Number(month)), year: year! };
};

async function fillDate(scope: Page | Locator, group: string, iso: string) {
  const { day, month, year } = dayMonthYear(iso);
  const fieldset = scope.getByRole("group", { name: group, exact: true });
  await fieldset.getByLabel("Day").fill(day);
  await fieldset.getByLabel("Month").fill(month);
  await fieldset.getByLabel("Year").fill(year);
}

async function save(page: Page) {
  await page.getByRole("button", { name: "Save and continue" }).click();
}

async function markComplete(page: Page, check: (p: Page) => Promise<void>) {
  await expect(page.getByRole("heading", { name: "Have you completed this section?" })).toBeVisible();
  await check(page);
  await page.getByLabel("Yes, I’ve completed this section").check();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your detailed application");
}

/** R-51 Every section of the detailed application, through its pages, as an officer would. */
async function completeApplication(page: Page, check: (p: Page) => Promise<void>) {
  const within = (days: number) => addDays(programme.startBy, days);

  await page.getByRole("link", { name: "1. Delivery plan and milestones" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("How you will deliver the pilot");
  await check(page);
  // R-8 R-51 R-73 a start after the round's start-by date: a clear error, and what was typed is kept.
  await fillDate(page, "When will the pilot begin?", addDays(programme.startBy, 1));
  await page.getByLabel("How will you deliver the pilot?").fill(sentence("deliver the pilot in three stages"));
  await save(page);
  await expect(page.locator(".govuk-error-summary")).toContainText("The pilot must begin by");
  await expect(page.getByLabel("How will you deliver the pilot?")).toHaveValue(sentence("deliver the pilot in three stages"));
  await check(page);
  await fillDate(page, "When will the pilot begin?", addDays(programme.startBy, -5));
  await save(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Milestones");
  await page.getByRole("button", { name: "Add a milestone" }).click();
  const milestone = page.locator("#milestones-0");
  await milestone.getByLabel("Milestone", { exact: true }).fill("Toolkit self-assessment completed with frontline staff");
  await fillDate(milestone, "Date", within(40));
  await check(page);
  await save(page);
  await markComplete(page, check);

  await page.getByRole("link", { name: "2. Plans for outputs A to F" }).click();
  for (const [index, output] of OUTPUTS.entries()) {
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Output ${output.key}: ${output.title}`);
    await page.getByLabel(`What will you do to deliver output ${output.key}?`).fill(sentence(`deliver output ${output.key}`));
    await fillDate(page, `When will output ${output.key} be delivered?`, addDays(programme.endsOn, -10 * (index + 1)));
    await page.getByLabel(`What will output ${output.key} cost?`).fill(index === 4 ? "£0" : "£4,000");
    if (index === 0) await check(page);
    await save(page);
  }
  await markComplete(page, check);

  // The budget starts with the cost lines of the expression of interest (£60,000 CLG, £10,000 other).
  await page.getByRole("link", { name: "3. Budget" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Budget by line and quarter");
  const [first, last] = [programme.quarters[0]!, programme.quarters.at(-1)!];
  const quarter = (row: number, q: string) => page.locator(`#lines-${row}`).getByLabel(`${q} (${quarterMonths(q)})`);
  // R-51 R-73 budget lines that do not add up.
  await quarter(0, first).fill("£20,000");
  await quarter(1, first).fill("£4,000");
  await quarter(1, last).fill("£6,000");
  await save(page);
  await expect(page.locator(".govuk-error-summary")).toContainText("The amounts by quarter for budget line 1 add up to £20,000, not its total of £60,000");
  await expect(quarter(0, first)).toHaveValue("£20,000");
  await check(page);
  await quarter(0, last).fill("£40,000");
  await save(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Funding and value for money");
  await page.getByLabel("How does the budget show value for money?").fill("The council matches staff time; events use council venues at no cost.");
  await save(page);
  await markComplete(page, check);

  await page.getByRole("link", { name: "4. Risks" }).click();
  await page.getByRole("button", { name: "Add a risk" }).click();
  const risk = page.locator("#risks-0");
  await risk.getByLabel("Risk", { exact: true }).fill("The project officer post is not filled by the start date");
  await risk.getByRole("group", { name: "How likely is it?" }).getByLabel("Low").check();
  await risk.getByRole("group", { name: "What would its impact be?" }).getByLabel("High").check();
  await risk.getByLabel("How will you reduce or manage it?").fill("Second an officer from the contact centre.");
  await risk.getByLabel("Who owns this risk?").fill("Head of Customer Services");
  await check(page);
  await save(page);
  await markComplete(page, check);

  // Partners start from the expression of interest's (Citizens Advice): confirm its role.
  await page.getByRole("link", { name: "5. Partners’ confirmed roles" }).click();
  const partner = page.locator("#partners-0");
  await expect(partner.getByLabel("Name of the partner organisation")).toHaveValue("Citizens Advice");
  await partner.getByLabel("What is the partner’s role in the pilot?").fill("Co-delivers advice sessions at the contact centre.");
  await partner.getByRole("group", { name: "Has the partner confirmed this role?" }).getByLabel("Yes").check();
  await partner.getByLabel("Who confirmed it?").fill("Jo Bloggs, Chief Executive");
  await check(page);
  await save(page);
  await markComplete(page, check);

  await page.getByRole("link", { name: "6. Service improvement plan" }).click();
  await page.getByLabel("How will you turn what the Toolkit shows into a service improvement plan?").fill(sentence("agree key actions"));
  await page.getByLabel("Theme", { exact: true }).fill("Focus on residents and customers");
  await page.getByLabel("Development priority").fill("Get it right first time");
  await save(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Key actions");
  await page.getByRole("button", { name: "Add a key action" }).click();
  const action = page.locator("#actions-0");
  await action.getByLabel("Key action", { exact: true }).fill("Publish a service and remedy pledge");
  await fillDate(action, "By when", within(60));
  await action.getByLabel("Outcomes and success criteria").fill("Pledge published; complaints about delays down by a fifth");
  await action.getByLabel("Who is responsible").fill("Head of Customer Services");
  await check(page);
  await save(page);
  await markComplete(page, check);

  await page.getByRole("link", { name: "7. Evaluation approach" }).click();
  await page.getByLabel("How will you evaluate the pilot?").fill(sentence("evaluate the pilot independently"));
  await page.getByLabel("What will you measure, and what is your baseline?").fill("Repeat contacts and satisfaction, with a baseline taken before the pilot.");
  await save(page);
  await markComplete(page, check);
}

async function as(browser: Browser, email: string, javaScript: boolean): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: javaScript });
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

for (const mode of ["on", "off"] as const) {
  const javaScript = mode === "on";
  test(`R-50 – R-54 the detailed application from invitation to accepted offer (JavaScript ${mode})`, async ({ browser }) => {
    test.setTimeout(300_000);
    const officer = officers[mode];
    const check = (p: Page) => expectAccessible(p, { javaScript });
    const page = await as(browser, officer.email, javaScript);

    // R-50 the invited officer starts the application; it is due by the round's date.
    await page.goto("/applicant/application");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your detailed application");
    await check(page);
    await page.getByRole("button", { name: "Start your detailed application" }).click();
    await expect(page.getByRole("link", { name: "1. Delivery plan and milestones" })).toBeVisible();
    await check(page);

    await completeApplication(page, check);
    await page.getByRole("link", { name: "Check and submit" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your answers before submitting your detailed application");
    await expect(page.getByText("Jo Bloggs, Chief Executive")).toBeVisible();
    await check(page);
    await page.getByRole("button", { name: "Accept and submit" }).click();
    await expect(page.locator(".govuk-panel--confirmation")).toContainText("Detailed application submitted");
    await check(page);
    expect((await waitForEmail(`Detailed application received: ${officer.authority}`)).text).toContain("Requested from CLG: £60,000");

    // R-52 the manager reads it and asks for changes.
    const manager = await as(browser, MANAGER, javaScript);
    await manager.goto("/manage/applications");
    await check(manager);
    await manager.getByRole("link", { name: officer.authority }).click();
    await expect(manager.getByRole("heading", { level: 1 })).toHaveText(officer.authority);
    await check(manager);
    await manager.getByRole("button", { name: "Decide on this application" }).click();
    await manager.getByRole("button", { name: "Confirm decision" }).click();
    await expect(manager.locator(".govuk-error-summary")).toContainText("Select whether to approve the application");
    await check(manager);
    await manager.getByLabel("Ask the authority for changes").check();
    await manager.getByLabel("Comments for the authority").fill("Say who will evaluate the pilot.");
    await manager.getByRole("button", { name: "Confirm decision" }).click();
    await expect(manager.locator("#main-content .govuk-tag").first()).toHaveText("Changes requested");
    await check(manager);
    expect((await waitForEmail(`Changes requested to your detailed application: ${officer.authority}`)).text).toContain("Say who will evaluate the pilot.");

    // R-52 the officer changes it and resubmits as version 2.
    await page.goto("/applicant/application");
    await expect(page.locator(".govuk-notification-banner")).toContainText("Say who will evaluate the pilot.");
    await check(page);
    await page.getByRole("link", { name: "7. Evaluation approach" }).click();
    await page.getByLabel("How will you evaluate the pilot?").fill("The regional improvement partnership will evaluate the pilot independently.");
    await save(page);
    await markComplete(page, check);
    await page.getByRole("link", { name: "Check and resubmit" }).click();
    await page.getByRole("button", { name: "Accept and resubmit" }).click();
    await expect(page.locator(".govuk-panel--confirmation")).toContainText("version 2");
    await check(page);

    // R-52 the manager approves: the grant award (the CLG request, £60,000).
    await manager.goto("/manage/applications");
    await manager.getByRole("link", { name: officer.authority }).click();
    await expect(manager.getByText("Changed since version 1: 7. Evaluation approach.")).toBeVisible();
    await manager.getByRole("button", { name: "Decide on this application" }).click();
    await manager.getByLabel("Approve it and award the grant").check();
    await expect(manager.getByLabel("Grant amount")).toHaveValue("60,000");
    await manager.getByRole("button", { name: "Confirm decision" }).click();
    await expect(manager.locator("#main-content .govuk-tag").first()).toHaveText("Approved");
    await check(manager);
    await manager.goto("/manage/awards");
    await check(manager);

    // R-53 the offer letter arrives with its A4 PDF.
    const offer = await waitForEmail(`Grant offer: ${officer.authority}, £60,000`);
    const pdf = offer.attachments.find((a) => a.contentType === "application/pdf");
    expect(pdf?.filename).toMatch(/^360G-CLG-RTP-\d+-offer\.pdf$/);
    expect(pdf!.content.toString("latin1")).toContain("/MediaBox [0 0 595.28 841.89]");

    // R-53 R-11 the officer accepts through a named officer (an error first: no declaration).
    await page.goto("/applicant/application");
    await page.getByRole("link", { name: "View and accept your grant offer" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your grant offer");
    await check(page);
    await page.getByLabel("Full name of the officer accepting the offer").fill("Chris Lee");
    await page.getByLabel("Job title").fill("Chief Executive");
    await fillDate(page, "Date of acceptance", londonDate(new Date()));
    await page.getByRole("button", { name: "Accept the grant offer" }).click();
    await expect(page.locator(".govuk-error-summary")).toContainText("Confirm the declaration to accept the offer");
    await expect(page.getByLabel("Full name of the officer accepting the offer")).toHaveValue("Chris Lee");
    await check(page);
    await page.getByLabel(/I am authorised to accept this offer/).check();
    await page.getByRole("button", { name: "Accept the grant offer" }).click();
    await expect(page.locator(".govuk-panel--confirmation")).toContainText("Offer accepted – your pilot has started");
    await check(page);
    expect((await waitForEmail(`Grant offer accepted – your pilot has started: ${officer.authority}`)).text).toContain("health check visit");

    // R-54 the award is in the public 360Giving data.
    const published = await page.request.get("/data/360giving.json");
    expect(published.status()).toBe(200);
    expect(JSON.stringify(await published.json())).toContain(officer.authority);

    await manager.context().close();
    await page.context().close();
  });
}

test("R-20 R-50 an officer whose authority is not invited is told there is nothing here (404), and an assessor is refused (403)", async ({ browser }) => {
  const officer = await as(browser, "officer@kettering.example.gov.uk", true);
  expect((await officer.goto("/applicant/application"))?.status()).toBe(404);
  await expectAccessible(officer);
  const assessor = await as(browser, "assessor.one@communities.example.gov.uk", true);
  expect((await assessor.goto("/manage/applications"))?.status()).toBe(403);
  await expectAccessible(assessor);
  await officer.context().close();
  await assessor.context().close();
});
