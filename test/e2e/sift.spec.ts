import { expect, test, type Browser, type Page } from "@playwright/test";
import knexFactory from "knex";
import { sqliteConfig } from "../../db/config";
import { seedStage2 } from "../../db/seeds/stage2";
import { ASSESSMENT_CRITERIA } from "../../app/domain/programme";
import { eoiAnswers, makeSubmittedEoi } from "../factories/eois";
import { emailCount, expectAccessible, signIn, waitForEmail } from "./helpers";

// Stage 2 (issue 6): the manager assigns automatically; two assessors score a new bid, far
// apart, one with JavaScript and one without; the manager moderates it (without JavaScript);
// then runs the selection on the seeded stage-2 world, sees nine picks with explanations,
// saves and confirms the shortlist; the letters arrive at the loopback SMTP server. axe on every
// page and error state visited.

const ASSESSOR_EMAILS: Record<string, string> = {
  "Tom Fairley": "assessor.one@communities.example.gov.uk",
  "Grace Okafor": "assessor.two@cdf.example.org.uk",
  "Martin Hale": "assessor.three@communities.example.gov.uk",
};
const MANAGER = "programme.manager@communities.example.gov.uk";
const BID_AUTHORITY = "Sheffield City Council";

let reference = "";

test.beforeAll(async () => {
  // The server's own database (playwright.config.ts): the stage 2 world, without closing the
  // round the other journeys use, and one more bid that nobody has been assigned yet.
  const db = knexFactory(sqliteConfig("data/e2e/service.sqlite"));
  try {
    await seedStage2(db, new Date(), { closeRound: false });
    const sheffield = await db("authorities").where({ name: BID_AUTHORITY }).first("id");
    const existing = await db("eois").where({ authority_id: sheffield.id }).first("reference");
    reference = existing?.reference ?? (await makeSubmittedEoi(db, { authority: { id: Number(sheffield.id) }, answers: eoiAnswers({ name: "Sheffield", themes: ["frontline", "partnerships"], clgRequest: "£80,000" }) })).reference;
  } finally {
    await db.destroy();
  }
});

async function as(browser: Browser, email: string, options: { javaScript?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: options.javaScript ?? true });
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

/** R-41 Scores every criterion with the same point of the scale, each with a justification. */
async function scoreAll(page: Page, label: string, justification: string) {
  for (const criterion of ASSESSMENT_CRITERIA) {
    await page.getByRole("group", { name: `Score for ${criterion.title.toLowerCase()}` }).getByLabel(label).check();
    await page.getByLabel(`Justification for ${criterion.title.toLowerCase()}`).fill(justification);
  }
}

test("R-40 R-41 R-42 the manager assigns automatically, two assessors score a bid far apart, and the manager moderates it", async ({ browser }) => {
  test.setTimeout(180_000);
  const manager = await as(browser, MANAGER);
  await manager.goto("/manage/sift");
  await expect(manager.getByRole("heading", { level: 1 })).toHaveText("Sift and selection");
  await expectAccessible(manager);
  await manager.getByRole("link", { name: "Criteria weights" }).click();
  await expect(manager.getByText("the weights are fixed for this round")).toBeVisible();
  await expectAccessible(manager);

  // R-40 automatic assignment fills the new bid's two places.
  await manager.goto("/manage/sift/assignments");
  await expectAccessible(manager);
  await manager.getByRole("button", { name: "Assign automatically" }).click();
  await expect(manager.locator(".govuk-notification-banner--success")).toContainText("2 assignments made");
  await expectAccessible(manager);
  const row = manager.locator("tr", { has: manager.getByText(reference, { exact: true }) });
  const names = (await row.locator("td").nth(2).locator("li").allInnerTexts()).map((text) => text.trim());
  expect(names).toHaveLength(2);
  const [firstEmail, secondEmail] = names.map((name) => ASSESSOR_EMAILS[name]!);

  // The first assessor scores with JavaScript: an error state first, then all 4s.
  const first = await as(browser, firstEmail!);
  await expect(first.getByRole("heading", { level: 1 })).toHaveText("Your assessments");
  await expectAccessible(first);
  await first.getByRole("link", { name: new RegExp(reference) }).click();
  await expect(first.getByRole("heading", { level: 1 })).toHaveText(`Score the bid from ${BID_AUTHORITY}`);
  await expectAccessible(first);
  await first.getByRole("button", { name: "Save and mark as complete" }).click();
  await expect(first.locator(".govuk-error-summary")).toContainText("Select a score for toolkit use");
  await expectAccessible(first);
  await scoreAll(first, "4 – Strong", "Specific plan with named leads, dates and measures.");
  await expect(first.locator("#weighted-total")).toContainText("100 out of 100");
  await first.getByRole("button", { name: "Save and mark as complete" }).click();
  await expect(first.locator(".govuk-notification-banner--success")).toContainText(`Your assessment of ${reference} is complete`);
  await expectAccessible(first);

  // The second assessor scores without JavaScript: a draft, then all 1s.
  const second = await as(browser, secondEmail!, { javaScript: false });
  await second.getByRole("link", { name: new RegExp(reference) }).click();
  await second.getByRole("group", { name: "Score for toolkit use" }).getByLabel("1 – Weak").check();
  await second.getByRole("button", { name: "Save as draft" }).click();
  await expect(second.locator(".govuk-notification-banner--success")).toContainText("Draft saved. Your weighted total so far is 5 out of 100.");
  await expectAccessible(second, { javaScript: false });
  await scoreAll(second, "1 – Weak", "A statement of intent without a plan.");
  await second.getByRole("button", { name: "Save and mark as complete" }).click();
  await expect(second.locator(".govuk-notification-banner--success")).toContainText("is complete");
  await expectAccessible(second, { javaScript: false });

  // R-42 the manager sees the flag and moderates without JavaScript.
  const moderator = await as(browser, MANAGER, { javaScript: false });
  await moderator.goto("/manage/sift");
  await moderator.getByRole("link", { name: reference, exact: true }).click();
  await expect(moderator.getByText("Needs moderation").first()).toBeVisible();
  await expect(moderator.getByText(/Totals of (100 and 25|25 and 100) differ by 75 points/)).toBeVisible();
  await expectAccessible(moderator, { javaScript: false });
  await moderator.getByRole("button", { name: "Moderate the scores" }).click();
  await expect(moderator.getByRole("heading", { level: 1 })).toHaveText("Moderate the scores");
  await expectAccessible(moderator, { javaScript: false });
  await moderator.getByRole("button", { name: "Save agreed scores" }).click();
  await expect(moderator.locator(".govuk-error-summary")).toContainText("Enter the reason for the agreed scores");
  await expectAccessible(moderator, { javaScript: false });
  for (const criterion of ASSESSMENT_CRITERIA) {
    await moderator.getByRole("group", { name: `Agreed score for ${criterion.title.toLowerCase()}` }).getByLabel("3 – Good").check();
  }
  await moderator.getByLabel("Reason for the agreed scores").fill("Agreed at the moderation panel: good plans, but the costs need firming up.");
  await moderator.getByRole("button", { name: "Save agreed scores" }).click();
  await expect(moderator.locator(".govuk-notification-banner--success")).toContainText("The final score is 75");
  await expect(moderator.getByRole("heading", { name: /Final score: 75/ })).toBeVisible();
  await expectAccessible(moderator, { javaScript: false });

  for (const page of [manager, first, second, moderator]) await page.context().close();
});

/**
 * A round's shortlist is confirmed once, and this file confirms it twice, with JavaScript
 * off and on: this takes the first confirmation away again (the shortlist row, and the EOIs back to
 * "submitted"), as if it had not happened. The letters it sent stay in the SMTP server's folder.
 */
async function undoShortlist() {
  const db = knexFactory(sqliteConfig("data/e2e/service.sqlite"));
  try {
    const round = await db("rounds").orderBy([{ column: "eoi_opens_at", order: "desc" }, { column: "id", order: "desc" }]).first("id");
    await db("sift_shortlists").where({ round_id: round.id }).del();
    await db("eois").where({ round_id: round.id }).whereIn("status", ["invited", "not-selected"]).update({ status: "submitted" });
  } finally {
    await db.destroy();
  }
}

test("R-43 R-44 R-10 (JavaScript off) the manager runs the selection, sees nine picks with explanations, saves and confirms it, and the letters arrive", async ({ browser }) => {
  test.setTimeout(120_000);
  const manager = await as(browser, MANAGER, { javaScript: false });
  const check = () => expectAccessible(manager, { javaScript: false });
  await manager.goto("/manage/sift/selection");
  await expect(manager.getByRole("heading", { level: 1 })).toHaveText("Select the pilots");
  await check();
  await manager.getByRole("button", { name: "Run the selection" }).click();
  await expect(manager.getByRole("heading", { name: "Result" })).toBeVisible();
  await expect(manager.locator(".govuk-summary-list")).toContainText("9 of 9");
  await expect(manager.locator("table", { has: manager.locator("caption", { hasText: "Pilots by region" }) }).locator("tbody tr")).toHaveCount(9);
  await check();
  await manager.getByRole("button", { name: "Save this selection" }).click();
  await expect(manager.getByRole("heading", { level: 1 })).toContainText("Selection saved at");
  await check();
  await manager.getByRole("button", { name: "Confirm the shortlist" }).click();
  await expect(manager.getByRole("heading", { level: 1 })).toHaveText("Confirm the shortlist");
  await check();
  const confirmPage = manager.url();
  const before = await emailCount();
  await manager.getByRole("button", { name: "Confirm shortlist and send letters" }).click();
  await expect(manager.locator(".govuk-notification-banner--success")).toContainText("9 authorities have been invited to send a detailed application");
  await check();
  // R-44 R-10 R-71 the letters go through the outbox to the SMTP server.
  const invitation = await waitForEmail("we invite a detailed application", 15_000, before);
  expect(invitation.text).toContain("Detailed applications are due by");
  const outcome = await waitForEmail(": outcome", 15_000, before);
  expect(outcome.text).toContain("There is no appeals process for areas not selected.");
  // R-44 once confirmed, the round's shortlist cannot be confirmed again.
  await manager.goto(confirmPage);
  await expect(manager.locator("main")).toContainText("The shortlist has already been confirmed.");
  await expect(manager.getByRole("button", { name: "Confirm shortlist and send letters" })).toHaveCount(0);
  await check();
  await manager.context().close();
  await undoShortlist();
});

test("R-43 R-44 R-10 the manager selects nine pilots with explanations, confirms the shortlist, and the letters arrive", async ({ browser }) => {
  test.setTimeout(180_000);
  const manager = await as(browser, MANAGER);
  await manager.goto("/manage/sift/selection");
  await expect(manager.getByRole("heading", { level: 1 })).toHaveText("Select the pilots");
  await expectAccessible(manager);

  // R-43 R-73 two locks in one region: a clear error, nothing saved.
  const southEast = manager.locator("table", { has: manager.locator("caption", { hasText: "South East" }) }).locator("select");
  await southEast.nth(0).selectOption("in");
  await southEast.nth(1).selectOption("in");
  await manager.getByRole("button", { name: "Run the selection" }).click();
  await expect(manager.locator(".govuk-error-summary")).toContainText("Lock in one bid at most in South East");
  await expectAccessible(manager);
  await southEast.nth(0).selectOption("");
  await southEast.nth(1).selectOption("");

  await manager.getByRole("button", { name: "Run the selection" }).click();
  await expect(manager.getByRole("heading", { name: "Result" })).toBeVisible();
  await expect(manager.locator(".govuk-summary-list")).toContainText("9 of 9");
  const regions = manager.locator("table", { has: manager.locator("caption", { hasText: "Pilots by region" }) }).locator("tbody tr");
  await expect(regions).toHaveCount(9);
  await expectAccessible(manager);

  await manager.getByRole("button", { name: "Save this selection" }).click();
  await expect(manager.getByRole("heading", { level: 1 })).toContainText("Selection saved at");
  await expectAccessible(manager);
  await manager.getByRole("button", { name: "Confirm the shortlist" }).click();
  await expect(manager.getByRole("heading", { level: 1 })).toHaveText("Confirm the shortlist");
  await expectAccessible(manager);
  const before = await emailCount();
  await manager.getByRole("button", { name: "Confirm shortlist and send letters" }).click();
  await expect(manager.locator(".govuk-notification-banner--success")).toContainText("9 authorities have been invited to send a detailed application");
  await expectAccessible(manager);

  // R-44 R-10 R-71 the letters go through the outbox to the SMTP server.
  const invitation = await waitForEmail("we invite a detailed application", 15_000, before);
  expect(invitation.text).toContain("Detailed applications are due by");
  const outcome = await waitForEmail(": outcome", 15_000, before);
  expect(outcome.text).toContain("There is no appeals process for areas not selected.");

  // R-72 the exports.
  await manager.goto("/manage/sift/exports");
  await expectAccessible(manager);
  const csv = await manager.request.get("/manage/sift/exports/eois-with-scores.csv");
  expect(csv.status()).toBe(200);
  expect(await csv.text()).toContain("Final score basis");
  await manager.context().close();
});
