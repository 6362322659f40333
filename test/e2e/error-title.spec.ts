import { expect, test } from "@playwright/test";
import { ACCOUNTS, DEMO_PASSWORD } from "./helpers";

// GOV.UK error summary and validation patterns (ADR 0072): "Error: " before the title while the
// page shows an error summary — here with JavaScript on, after a submission handled in the
// browser (no page load). test/integration/error-title.test.ts covers JavaScript off.

const SIGN_IN_TITLE = "Sign in – Apply to be a Practitioners' Toolkit pilot – GOV.UK";

test.describe("the page title after a client-side submission (JavaScript on)", () => {
  test.use({ javaScriptEnabled: true });

  test("a sign-in with empty fields: document.title starts Error:, and loses it once the form is right", async ({ page }) => {
    await page.goto("/sign-in");
    await expect(page).toHaveTitle(SIGN_IN_TITLE);
    // Wait for hydration, then mark the window: a full page load would lose the mark.
    await page.waitForFunction(() => document.body.classList.contains("js-enabled") && "__remixRouter" in window);
    await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator(".govuk-error-summary")).toContainText("Enter your email address");
    await expect(page).toHaveTitle(`Error: ${SIGN_IN_TITLE}`);
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded), "the form was submitted without a page load").toBe(true);
    expect(await page.locator("head > title").count(), "one <title> in the head").toBe(1);

    await page.getByLabel("Email address").fill(ACCOUNTS.assessor.email);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(ACCOUNTS.assessor.home);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(ACCOUNTS.assessor.heading);
    await expect(page).toHaveTitle(/^(?!Error: ).+ – GOV\.UK$/);
  });
});
