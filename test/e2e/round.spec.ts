import { expect, test } from "@playwright/test";
import { ACCOUNTS, expectAccessible, signIn } from "./helpers";

test("R-8 the programme manager edits the timetable: a wrong date gets a GOV.UK error, a valid timetable saves", async ({ page }) => {
  await signIn(page, ACCOUNTS.programme_manager.email);
  await page.getByRole("link", { name: "Change the timetable" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Change the timetable");
  await expectAccessible(page);
  const closes = page.getByRole("group", { name: "Expressions of interest close" });
  const day = await closes.getByLabel("Day").inputValue();
  await closes.getByLabel("Day").fill("31");
  await closes.getByLabel("Month").fill("2");
  await page.getByRole("button", { name: "Save timetable" }).click();
  await expect(page.locator(".govuk-error-summary")).toContainText("The date expressions of interest close must be a real date");
  await expect(closes.getByLabel("Day")).toHaveValue("31");
  await expectAccessible(page);
  await page.reload();
  expect(await closes.getByLabel("Day").inputValue()).toBe(day); // nothing was saved
  await page.getByRole("button", { name: "Save timetable" }).click();
  await expect(page).toHaveURL("/manage");
});
