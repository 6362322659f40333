import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "toolkit-demo-2009";
export const ACCOUNTS = {
  applicant: { email: "officer@newcastle.example.gov.uk", home: "/applicant", heading: "Your authority's bid" },
  assessor: { email: "assessor.one@communities.example.gov.uk", home: "/assess", heading: "Your assessments" },
  programme_manager: { email: "programme.manager@communities.example.gov.uk", home: "/manage", heading: "Programme" },
} as const;

const WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/**
 * WCAG 2.2 AA: zero axe violations on the page as it is now. axe needs JavaScript; for a page
 * opened with JavaScript off, its HTML (scripts removed) is scanned in a JavaScript-enabled page
 * of the same origin, so the no-JS rendering itself is what gets checked.
 */
export async function expectAccessible(page: Page, options: { javaScript?: boolean } = {}) {
  let target = page;
  let scratch: Page | null = null;
  // The whole page, not the part parsed so far: a long page arrives in several chunks, and a test
  // may go on as soon as its heading is there (a JS-off page's HTML cut after an input, before its
  // label, once looked like a missing label).
  await page.waitForLoadState("load");
  if (options.javaScript === false) {
    const html = await page.content();
    const browser = page.context().browser()!;
    const context = await browser.newContext({ baseURL: new URL(page.url()).origin, javaScriptEnabled: true });
    scratch = await context.newPage();
    await scratch.goto("/healthz");
    await scratch.setContent(html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, ""), { waitUntil: "load" });
    target = scratch;
  }
  try {
    const results = await new AxeBuilder({ page: target }).withTags(WCAG_22_AA).analyze();
    const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
    expect(summary, `axe violations on ${page.url()}`).toEqual([]);
  } finally {
    await scratch?.context().close();
  }
}

/** Signs in and waits to leave the sign-in page (use `expectFailure` for a wrong password). */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD, options: { expectFailure?: boolean } = {}) {
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  if (options.expectFailure) await expect(page.locator(".govuk-error-summary")).toBeVisible();
  else await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
}

/** The emails the loopback SMTP server has received (see global-setup.ts), parsed. */
export async function receivedEmails() {
  const { readdirSync, readFileSync } = await import("node:fs");
  const { simpleParser } = await import("mailparser");
  const dir = "data/e2e-smtp";
  return Promise.all(readdirSync(dir).sort().map((file) => simpleParser(readFileSync(`${dir}/${file}`))));
}

/** How many emails the loopback SMTP server has received so far (to wait for newer ones). */
export async function emailCount(): Promise<number> {
  const { readdirSync } = await import("node:fs");
  return readdirSync("data/e2e-smtp").length;
}

/**
 * Waits until an email whose subject contains `text` has arrived, and returns it. With `since`
 * (an emailCount() taken earlier), only emails received after that count.
 */
export async function waitForEmail(text: string, timeoutMs = 15_000, since = 0) {
  const started = Date.now();
  for (;;) {
    const found = (await receivedEmails()).slice(since).find((mail) => mail.subject?.includes(text));
    if (found) return found;
    if (Date.now() - started > timeoutMs) throw new Error(`No email with "${text}" in its subject arrived within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
