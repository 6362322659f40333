import { expect, test } from "@playwright/test";
import { ACCOUNTS, expectAccessible, signIn, waitForEmail } from "./helpers";

test("the programme manager adds an officer, who sets a password from the email and signs in", async ({ page, browser }) => {
  await signIn(page, ACCOUNTS.programme_manager.email);
  await page.goto("/manage/users");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Add a user" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Add a user");
  await expectAccessible(page);

  // Bad input first: a specific message for each field, input kept.
  await page.getByLabel("Full name").fill("Nadia Rahman");
  await page.getByLabel("Email address").fill("not-an-email");
  await page.getByRole("button", { name: "Add user" }).click();
  const summary = page.locator(".govuk-error-summary");
  await expect(summary).toContainText("Enter an email address in the correct format");
  await expect(summary).toContainText("Select the person's role");
  await expect(page.getByLabel("Full name")).toHaveValue("Nadia Rahman");
  await expectAccessible(page);

  await page.getByLabel("Email address").fill("nadia.rahman@leeds.example.gov.uk");
  await page.getByLabel("Officer of a local authority").check();
  await page.getByLabel("Local authority (for officers)").selectOption({ label: "Leeds City Council" });
  await page.getByRole("button", { name: "Add user" }).click();
  await expect(page.locator(".govuk-notification-banner--success")).toContainText("Nadia Rahman has been added");
  await expectAccessible(page);

  // The email goes through the outbox to the loopback SMTP server (global-setup.ts).
  await page.goto("/manage/emails");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Set your password for the Practitioners' Toolkit pilot service" }).first().click();
  await expect(page.getByText("nadia.rahman@leeds.example.gov.uk").first()).toBeVisible();
  await expect.poll(async () => (await page.reload(), await page.locator(".govuk-summary-list").innerText()), { timeout: 10_000 }).toContain("Sent");
  await expectAccessible(page);
  const body = await page.locator(".app-email-text").innerText();
  const link = /https?:\/\/\S+\/set-password\/[A-Za-z0-9_-]+/.exec(body)?.[0];
  expect(link).toBeTruthy();
  const delivered = await waitForEmail("Set your password");
  expect(delivered.text).toContain(link!);

  const context = await browser.newContext();
  const officer = await context.newPage();
  await officer.goto(link!);
  await expect(officer.getByRole("heading", { level: 1 })).toHaveText("Set your password");
  await expectAccessible(officer);
  await officer.getByLabel("Password", { exact: true }).fill("short");
  await officer.getByRole("button", { name: "Set password" }).click();
  await expect(officer.locator(".govuk-error-summary")).toContainText("Password must be 12 characters or more");
  await officer.getByLabel("Password", { exact: true }).fill("leeds customer first 2009");
  await officer.getByLabel("Confirm password").fill("leeds customer first 2009");
  await officer.getByRole("button", { name: "Set password" }).click();
  await signIn(officer, "nadia.rahman@leeds.example.gov.uk", "leeds customer first 2009");
  await expect(officer).toHaveURL("/applicant");
  await expect(officer.locator(".govuk-caption-l")).toHaveText("Leeds City Council");
  await context.close();
});
