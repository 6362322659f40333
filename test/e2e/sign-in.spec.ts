import { expect, test } from "@playwright/test";
import { ACCOUNTS, expectAccessible, signIn } from "./helpers";

for (const javaScriptEnabled of [true, false]) {
  test.describe(`sign in and out (JavaScript ${javaScriptEnabled ? "on" : "off"})`, () => {
    test.use({ javaScriptEnabled });

    test("the start page is a GOV.UK start page", async ({ page }) => {
      await page.goto("/");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Apply to be a Practitioners' Toolkit pilot");
      await expect(page.getByRole("button", { name: "Start now" })).toBeVisible();
      await expect(page.locator(".govuk-phase-banner")).toContainText("Beta");
      await expectAccessible(page, { javaScript: javaScriptEnabled });
    });

    for (const [role, account] of Object.entries(ACCOUNTS)) {
      test(`R-20 a ${role.replace("_", " ")} signs in, reaches their home and signs out`, async ({ page }) => {
        await page.goto("/sign-in");
        await expectAccessible(page, { javaScript: javaScriptEnabled });
        await signIn(page, account.email);
        await expect(page).toHaveURL(account.home);
        await expect(page.getByRole("heading", { level: 1 })).toHaveText(account.heading);
        await expectAccessible(page, { javaScript: javaScriptEnabled });
        await page.getByRole("button", { name: "Sign out" }).click();
        await expect(page.getByRole("heading", { level: 1 })).toHaveText("You have signed out");
        await expectAccessible(page, { javaScript: javaScriptEnabled });
        await page.goto(account.home);
        await expect(page).toHaveURL(new RegExp(`/sign-in\\?returnTo=${encodeURIComponent(account.home)}`));
      });
    }

    test("a wrong password and empty fields get a GOV.UK error summary and nothing changes", async ({ page }) => {
      await page.goto("/sign-in");
      await page.getByRole("button", { name: "Sign in" }).click();
      const summary = page.locator(".govuk-error-summary");
      await expect(summary).toContainText("Enter your email address");
      await expect(summary).toContainText("Enter your password");
      await expectAccessible(page, { javaScript: javaScriptEnabled });
      await signIn(page, ACCOUNTS.assessor.email, "not the password", { expectFailure: true });
      await expect(summary).toContainText("Enter a correct email address and password");
      await expect(page.getByLabel("Email address")).toHaveValue(ACCOUNTS.assessor.email);
      await expectAccessible(page, { javaScript: javaScriptEnabled });
    });
  });
}

test("R-20 an applicant who opens a programme manager page gets the 403 page", async ({ page }) => {
  await signIn(page, ACCOUNTS.applicant.email);
  const response = await page.goto("/manage/users");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("You do not have permission to see this page");
  await expectAccessible(page);
});

test("a POST without a valid CSRF token is refused and changes nothing", async ({ page, request }) => {
  const response = await request.post("/sign-in", { form: { email: ACCOUNTS.applicant.email, password: "toolkit-demo-2009", csrf: "forged" }, maxRedirects: 0 });
  expect(response.status()).toBe(403);
  expect(response.headers()["set-cookie"] ?? "").not.toContain("__session=");
  await page.goto("/this-page-does-not-exist");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await expectAccessible(page);
});

test("every page carries the security headers, and /healthz answers ok", async ({ request }) => {
  const page = await request.get("/");
  const headers = page.headers();
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  const health = await request.get("/healthz");
  expect(health.status()).toBe(200);
  expect(await health.json()).toEqual({ status: "ok" });
});
