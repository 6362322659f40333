import { expect, test, type Page } from "@playwright/test";
import knexFactory from "knex";
import { readFileSync } from "node:fs";
import { sqliteConfig } from "../../db/config";
import { seedStage1 } from "../../db/seeds/stage1";
import { ACCOUNTS, expectAccessible, signIn } from "./helpers";

// R-9 R-20 R-35 R-72 The programme manager's stage 1 (issue 5, item 9). The server seeds only the
// base demo world; the stage 1 EOIs are added to its database here (db/seeds/stage1.ts).

test.describe.configure({ mode: "serial" });

let roundCloses = "";

test.beforeAll(async () => {
  const db = knexFactory(sqliteConfig("data/e2e/service.sqlite"));
  try {
    await seedStage1(db, new Date());
    roundCloses = (await db("rounds").orderBy([{ column: "eoi_opens_at", order: "desc" }, { column: "id", order: "desc" }]).first("eoi_closes_at")).eoi_closes_at;
  } finally {
    await db.destroy();
  }
});

/** A London calendar day as the date input's three fields. */
function londonDay(instant: Date, addDays = 0) {
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", day: "numeric", month: "numeric", year: "numeric" }).formatToParts(instant);
  const value = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const day = new Date(Date.UTC(value("year"), value("month") - 1, value("day") + addDays));
  return { day: String(day.getUTCDate()), month: String(day.getUTCMonth() + 1), year: String(day.getUTCFullYear()) };
}

async function fillDate(page: Page, date: { day: string; month: string; year: string }) {
  await page.getByLabel("Day").fill(date.day);
  await page.getByLabel("Month").fill(date.month);
  await page.getByLabel("Year").fill(date.year);
}

const errorSummary = (page: Page) => page.locator(".govuk-error-summary");

test("the programme manager lists EOIs by region, filters them and views one with its PDF", async ({ page }) => {
  await signIn(page, ACCOUNTS.programme_manager.email);
  await page.getByRole("link", { name: "Expressions of interest", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Expressions of interest");
  // Counts per region, every region listed, and a total row.
  const counts = page.getByRole("table", { name: "Expressions of interest by region and status" });
  await expect(counts.getByRole("row")).toHaveCount(11);
  await expect(counts.getByRole("row", { name: /^All regions/ })).toBeVisible();
  await expect(page.getByRole("table", { name: "South West" })).toContainText("Cornwall Council");
  await expectAccessible(page);

  // Filters are a GET form: the query string is the state, with or without JavaScript.
  await page.getByLabel("Region").selectOption("London");
  await page.getByLabel("Status").selectOption("submitted");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/region=London/);
  await expect(page).toHaveURL(/status=submitted/);
  await expect(page.locator("table caption.govuk-table__caption--m")).toHaveText(["London"]);
  const london = page.getByRole("table", { name: "London" });
  await expect(london).toContainText("London Borough of Lewisham");
  await expect(london).not.toContainText("London Borough of Croydon"); // a draft
  await expect(page.getByText(/expressions of interest match/)).toBeVisible();
  await expectAccessible(page);

  await london.getByRole("link", { name: "London Borough of Lewisham" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("London Borough of Lewisham");
  await expect(page.locator(".govuk-summary-list").first()).toContainText(/RTP-EOI-[234679CDFGHJKLMNPQRTVWXYZ]{6}/);
  for (const heading of ["1. About the bid", "2. Using the Toolkit", "9. Focus area", "10. Supporting documents", "History"]) {
    await expect(page.getByRole("heading", { name: heading, exact: true })).toBeVisible();
  }
  await expect(page.getByText("Total Place", { exact: true })).toBeVisible(); // the focus area, as text
  await expectAccessible(page);

  const pdf = await page.request.get(await page.getByRole("link", { name: "Download the expression of interest (PDF)" }).getAttribute("href") ?? "");
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
});

test("R-9 the programme manager records receipt of a hard copy: errors first, input kept, then audited", async ({ page }) => {
  await signIn(page, ACCOUNTS.programme_manager.email);
  await page.goto("/manage/eois?status=submitted&hardCopy=not-received");
  const first = page.locator("table caption.govuk-table__caption--m + thead + tbody a").first();
  const authority = (await first.innerText()).trim();
  await first.click();
  await page.getByRole("link", { name: "Record receipt of the hard copy" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("When did the hard copy arrive?");
  await expectAccessible(page);

  await page.getByRole("button", { name: "Save" }).click();
  await expect(errorSummary(page)).toContainText("Enter the date the hard copy was received");
  await expectAccessible(page);

  await fillDate(page, { day: "31", month: "2", year: londonDay(new Date()).year });
  await page.getByRole("button", { name: "Save" }).click();
  await expect(errorSummary(page)).toContainText("Date the hard copy was received must be a real date");
  await expect(page.getByLabel("Day")).toHaveValue("31");
  await expectAccessible(page);

  await fillDate(page, londonDay(new Date(), 1));
  await page.getByRole("button", { name: "Save" }).click();
  await expect(errorSummary(page)).toContainText("must be today or in the past");
  await expectAccessible(page);

  await fillDate(page, londonDay(new Date()));
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.locator(".govuk-notification-banner--success")).toContainText("Receipt of the hard copy recorded");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(authority);
  await expect(page.locator(".govuk-summary-list").first()).toContainText("Received");
  await expect(page.getByRole("table", { name: /What has happened/ })).toContainText("Hard copy received");
  await expectAccessible(page);
});

test("R-35 the programme manager extends a draft's deadline to the end of a London day", async ({ page }) => {
  await signIn(page, ACCOUNTS.programme_manager.email);
  await page.goto("/manage/eois?region=London&status=draft");
  await page.getByRole("link", { name: "London Borough of Croydon" }).click();
  await page.getByRole("link", { name: "Extend the deadline" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("What is the authority’s new deadline?");
  await expectAccessible(page);

  await fillDate(page, { day: "1", month: "1", year: "2020" });
  await page.getByRole("button", { name: "Extend deadline" }).click();
  await expect(errorSummary(page)).toContainText("New deadline must be today or in the future");
  await expectAccessible(page);

  const closes = new Date(roundCloses);
  await fillDate(page, londonDay(closes));
  await page.getByRole("button", { name: "Extend deadline" }).click();
  await expect(errorSummary(page)).toContainText("New deadline must be after the round’s deadline");
  await expect(page.getByLabel("Day")).toHaveValue(londonDay(closes).day);
  await expectAccessible(page);

  await fillDate(page, londonDay(closes, 7));
  await page.getByRole("button", { name: "Extend deadline" }).click();
  await expect(page.locator(".govuk-notification-banner--success")).toContainText("Deadline extended");
  await expect(page.locator(".govuk-summary-list").first()).toContainText(/11:59pm on .* \(extended from 11:59pm on /);
  await expectAccessible(page);
});

test("R-35 the programme manager withdraws a submitted EOI at the authority's request, with a reason", async ({ page }) => {
  await signIn(page, ACCOUNTS.programme_manager.email);
  await page.goto("/manage/eois?region=South+West&status=submitted");
  await page.getByRole("link", { name: "Devon County Council" }).click();
  await page.getByRole("link", { name: "Withdraw it at the authority’s request" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Withdraw at the authority’s request");
  await expectAccessible(page);

  await page.getByRole("button", { name: "Withdraw expression of interest" }).click();
  await expect(errorSummary(page)).toContainText("Enter why the authority asked to withdraw the expression of interest");
  await expectAccessible(page);

  await page.getByLabel("Why did the authority ask to withdraw it?").fill("Letter from the chief executive: the county is concentrating on its Total Place work.");
  await page.getByRole("button", { name: "Withdraw expression of interest" }).click();
  await expect(page.locator(".govuk-notification-banner--success")).toContainText("Expression of interest withdrawn");
  await expect(page.locator(".govuk-summary-list").first()).toContainText("Withdrawn");
  await expect(page.getByText("Reason: Letter from the chief executive").first()).toBeVisible();
  await expectAccessible(page);
});

test("R-72 the programme manager downloads every EOI as CSV and as XLSX", async ({ page }) => {
  await signIn(page, ACCOUNTS.programme_manager.email);
  await page.goto("/manage/eois");
  const [csvDownload] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download all expressions of interest (CSV)" }).click()]);
  expect(csvDownload.suggestedFilename()).toMatch(/^expressions-of-interest-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync((await csvDownload.path())!, "utf8");
  const header = csv.replace(/^\uFEFF/, "").split("\r\n")[0]!;
  expect(header.startsWith("Reference,Lead authority,Region,Type of authority,Status,Submitted at (UK time)")).toBe(true);
  expect(header).toContain("1. About the bid: Partners");
  expect(header).toContain("10. Supporting documents: Breakdown of estimated costs");
  expect(csv).toContain("London Borough of Lewisham");

  const [xlsxDownload] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download all expressions of interest (Excel spreadsheet)" }).click()]);
  expect(xlsxDownload.suggestedFilename()).toMatch(/\.xlsx$/);
  expect(readFileSync((await xlsxDownload.path())!).subarray(0, 2).toString()).toBe("PK");
});

test("R-70 the filters and the hard copy form work with JavaScript off", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, ACCOUNTS.programme_manager.email);
  await page.goto("/manage/eois");
  await page.getByLabel("Region").selectOption("North West");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/region=North\+West/);
  await expect(page.locator("table caption.govuk-table__caption--m")).toHaveText(["North West"]);
  await expectAccessible(page, { javaScript: false });

  await page.goto("/manage/eois?region=North+West&status=submitted");
  await page.getByRole("link", { name: "Cumbria County Council" }).click();
  await page.locator("a[href$='/hard-copy']").click();
  await fillDate(page, { day: "12", month: "", year: "2009" });
  await page.getByRole("button", { name: "Save" }).click();
  await expect(errorSummary(page)).toContainText("Date the hard copy was received must include a month");
  await expect(page.getByLabel("Day")).toHaveValue("12");
  await expectAccessible(page, { javaScript: false });
  await context.close();
});

test("R-20 only the programme manager: sign-in for the signed out, 403 for an officer, 404 for an unknown EOI", async ({ page }) => {
  await page.goto("/manage/eois?region=London");
  await expect(page).toHaveURL(/\/sign-in\?returnTo=%2Fmanage%2Feois%3Fregion%3DLondon/);

  await signIn(page, "officer@leeds.example.gov.uk");
  const refused = await page.goto("/manage/eois");
  expect(refused?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("You do not have permission to see this page");
  await expectAccessible(page);
  expect((await page.request.get("/manage/eois/export.csv")).status()).toBe(403);

  await page.context().clearCookies();
  await signIn(page, ACCOUNTS.programme_manager.email);
  const missing = await page.goto("/manage/eois/999999");
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await expectAccessible(page);
});
