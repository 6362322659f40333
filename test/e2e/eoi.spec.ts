import { expect, test, type Page } from "@playwright/test";
import { pageOf, pdfPages } from "../setup/pdf";
import { expectAccessible, signIn, waitForEmail } from "./helpers";

const sentence = (topic: string) =>
  `We will work with customers, frontline staff and partners on ${topic}, using the Toolkit's checklists to test our service and remedy provision and to agree improvements with local people.`;

type Check = (page: Page) => Promise<void>;

async function saveAndContinue(page: Page) {
  await page.getByRole("button", { name: "Save and continue" }).click();
}

async function markComplete(page: Page, check: Check) {
  await expect(page.getByRole("heading", { name: "Have you completed this section?" })).toBeVisible();
  await check(page);
  await page.getByLabel("Yes, I’ve completed this section").check();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your expression of interest");
}

async function openSection(page: Page, title: string) {
  await page.getByRole("link", { name: title }).click();
}

/** R-31 Completes all ten sections through the pages, as an officer would. */
async function completeAllSections(page: Page, check: Check) {
  await openSection(page, "1. About the bid");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("The lead authority");
  await check(page);
  // Bad input first: nothing chosen gives a GOV.UK error summary.
  await saveAndContinue(page);
  await expect(page.locator(".govuk-error-summary")).toBeVisible();
  await check(page);
  await page.getByLabel("Urban", { exact: true }).check();
  await page.getByLabel("Established track record").check();
  await saveAndContinue(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Partners");
  await page.getByLabel("Yes").check();
  await page.getByRole("button", { name: "Add a partner" }).click();
  await page.getByLabel("Name of the partner organisation").fill("Tyneside Citizens Advice");
  await page.getByLabel("Third sector (including not for profit)").check();
  await page.getByLabel("Strategic partnership").check();
  await check(page);
  await saveAndContinue(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Named contact");
  await page.getByLabel("Full name of the named contact").fill("Helen Robson");
  await page.getByLabel("Job title").fill("Head of Customer Services");
  await page.getByLabel("Email address").fill("named.contact@example.gov.uk");
  await page.getByLabel("Telephone number").fill("0191 496 0000");
  await saveAndContinue(page);
  await markComplete(page, check);

  await openSection(page, "2. Using the Toolkit");
  await page.getByLabel("Importance of the frontline").check();
  await page.getByLabel(/How will you use the Practitioners/).fill(sentence("the frontline theme"));
  await check(page);
  await saveAndContinue(page);
  await markComplete(page, check);

  const written: Array<[string, RegExp[]]> = [
    ["3. Leadership and commitment", [/How will you show strong leadership/]],
    ["4. Working with customers, stakeholders and frontline staff", [/local stakeholders and frontline staff/, /draft an improvement plan/]],
    ["5. Delivering improvements with partners", [/deliver these improvements/]],
    ["6. Impact on customers’ experience", [/made an impact/]],
    ["7. Regional champion and mentor", [/regional champion and mentor/, /dissemination of learning/]],
    ["8. Tracking outcomes and learning", [/track and evaluate/, /identify learning outcomes to help develop/]],
  ];
  for (const [title, labels] of written) {
    await openSection(page, title);
    for (const label of labels) await page.getByLabel(label).fill(sentence(title.toLowerCase()));
    await saveAndContinue(page);
    await markComplete(page, check);
  }

  await openSection(page, "9. Focus area");
  await page.getByLabel("No, the pilot will not focus on one of these areas").check();
  await saveAndContinue(page);
  await markComplete(page, check);

  await openSection(page, "10. Supporting documents");
  await page.getByRole("button", { name: "Add a cost" }).click();
  await page.getByLabel("Description").fill("Customer insight officer (0.5 FTE)");
  await page.getByLabel("Staff").check();
  await page.getByLabel("Amount").fill("£1,2,3");
  await page.getByLabel("CLG").check();
  await page.getByLabel(/value for money/).fill("The post is shared with the LSP, and the events use council venues at no cost.");
  await saveAndContinue(page);
  // R-33 malformed money: a specific error, and what was typed is kept.
  await expect(page.locator(".govuk-error-summary")).toBeVisible();
  await expect(page.getByLabel("Amount")).toHaveValue("£1,2,3");
  await check(page);
  await page.getByLabel("Amount").fill("£45,000");
  await saveAndContinue(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Chief executive’s statement");
  await page.getByLabel("Chief executive’s full name").fill("Chris Lee");
  await page.getByLabel(/line statement/).fill("The council is committed to getting it right first time and to putting customers at the heart of everything we do.");
  await saveAndContinue(page);
  await page.getByLabel(/identify learning outcomes and share/).fill(sentence("learning"));
  await page.getByLabel(/ready to begin/).fill("A project officer is in post from 1 September; the main risk is recruitment, mitigated by a secondment.");
  await page.getByLabel(/link with Total Place/).fill("We are working towards Customer Service Excellence and link with the Tyne and Wear transformation programme.");
  await saveAndContinue(page);
  await page.getByLabel("No").check();
  await saveAndContinue(page);
  await markComplete(page, check);
}

for (const javaScriptEnabled of [true, false]) {
  const officer = javaScriptEnabled ? { email: "officer@newcastle.example.gov.uk", authority: "Newcastle upon Tyne City Council" } : { email: "officer@camden.example.gov.uk", authority: "London Borough of Camden" };

  test.describe(`the expression of interest journey (JavaScript ${javaScriptEnabled ? "on" : "off"})`, () => {
    test.use({ javaScriptEnabled });
    test.setTimeout(180_000);

    test("R-31 – R-35 an officer completes all ten sections, submits, sees the reference and gets the email with the PDF", async ({ page }) => {
      const check: Check = (p) => expectAccessible(p, { javaScript: javaScriptEnabled });
      await signIn(page, officer.email);
      await check(page);
      await page.getByRole("button", { name: "Start your expression of interest" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your expression of interest");
      await check(page);

      await completeAllSections(page, check);

      await page.getByRole("link", { name: "Check and submit" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your answers before submitting");
      await expect(page.getByText("Tyneside Citizens Advice")).toBeVisible();
      await check(page);
      await page.getByRole("button", { name: "Accept and submit" }).click();

      const panel = page.locator(".govuk-panel--confirmation");
      await expect(panel).toContainText("Expression of interest submitted");
      const reference = (await panel.locator("strong").innerText()).trim();
      expect(reference).toMatch(/^RTP-EOI-[234679CDFGHJKLMNPQRTVWXYZ]{6}$/);
      await check(page);

      // R-35 read-only after submission.
      await page.goto("/applicant/eoi/leadership/1");
      await expect(page).toHaveURL(/\/applicant\/eoi$/);
      await expect(page.locator(".govuk-panel")).toContainText(reference);

      // The email arrives at the loopback SMTP server with the PDF attached.
      const mail = await waitForEmail(reference);
      expect(mail.text).toContain(reference);
      const to = [mail.to, mail.cc].flatMap((a) => (Array.isArray(a) ? a : a ? [a] : [])).map((a) => a.text).join(", ");
      expect(to).toContain(officer.email);
      expect(to).toContain("named.contact@example.gov.uk");
      const pdf = mail.attachments.find((a) => a.contentType === "application/pdf");
      expect(pdf?.filename).toBe(`${reference}.pdf`);
      expect(pdf!.content.subarray(0, 5).toString()).toBe("%PDF-");
      // R-32 A4, the outline (sections 2 to 9) on pages 1 and 2, the supporting documents from page 3.
      const pages = pdfPages(pdf!.content);
      expect(pages.every((p) => p.mediaBox === "0 0 595.28 841.89")).toBe(true);
      expect(pageOf(pages, "9. Focus area")).toBeGreaterThanOrEqual(1);
      expect(pageOf(pages, "9. Focus area")).toBeLessThanOrEqual(2);
      expect(pageOf(pages, "Supporting documents (not counted in the two pages)")).toBe(3);
    });
  });
}

test("R-20 another authority's officer cannot reach a conflict, and a wrong role gets 403", async ({ page }) => {
  await signIn(page, "assessor.one@communities.example.gov.uk");
  const response = await page.goto("/applicant/eoi");
  expect(response?.status()).toBe(403);
  await expectAccessible(page);
});
