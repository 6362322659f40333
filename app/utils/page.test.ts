import { describe, expect, it } from "vitest";
import { pageShowsErrorSummary } from "~/components/layout/PageMeta";
import { SERVICE_NAME } from "~/components/layout/ServiceLayout";
import { formErrors, pageTitle, showsErrorSummary, withErrorTitle } from "./page";

// GOV.UK error summary pattern, "Error: " in the title (ADR 0072): which route data means the page
// shows an error summary, and what the prefix does to a route's meta.

describe("showsErrorSummary: the `errors` convention", () => {
  it("a non-empty list of summary items, of [field, message] pairs, or FormErrors with items", () => {
    expect(showsErrorSummary({ errors: [{ text: "Enter your email address", href: "#email" }] })).toBe(true);
    expect(showsErrorSummary({ errors: [["status", "Select a status"]] })).toBe(true);
    expect(showsErrorSummary({ errors: formErrors([["email", "Enter your email address"]]), email: "" })).toBe(true);
  });

  it("no summary: no data, no `errors`, null, an empty list, FormErrors without items", () => {
    for (const data of [undefined, null, "text", {}, { values: {} }, { errors: null }, { errors: [] }, { errors: formErrors([]) }, { error: { text: "x", href: "#x" } }]) {
      expect(showsErrorSummary(data), JSON.stringify(data)).toBe(false);
    }
  });
});

describe("pageShowsErrorSummary: any matched route's action or loader data", () => {
  const matches = [{ route: { id: "root" } }, { route: { id: "routes/sign-in" } }];
  const loaderData = { root: { user: null }, "routes/sign-in": {} };

  it("the leaf's action data with errors", () => {
    expect(pageShowsErrorSummary({ matches, loaderData, actionData: { "routes/sign-in": { errors: formErrors([["email", "Enter your email address"]]) } }, errors: null })).toBe(true);
  });

  it("a loader's data with errors (a check page's unfinished items)", () => {
    expect(pageShowsErrorSummary({ matches, loaderData: { ...loaderData, "routes/sign-in": { errors: [{ text: "x", href: "#x" }] } }, actionData: null, errors: null })).toBe(true);
  });

  it("not without errors, not for a route that is not matched, not on an error boundary's page", () => {
    expect(pageShowsErrorSummary({ matches, loaderData, actionData: null, errors: null })).toBe(false);
    expect(pageShowsErrorSummary({ matches, loaderData, actionData: { "routes/other": { errors: [{ text: "x" }] } }, errors: null })).toBe(false);
    expect(pageShowsErrorSummary({ matches, loaderData, actionData: { "routes/sign-in": { errors: [{ text: "x" }] } }, errors: { "routes/sign-in": new Error("boom") } })).toBe(false);
  });
});

describe("withErrorTitle", () => {
  it("puts Error: before the title and leaves the rest of the title and the other descriptors alone", () => {
    const meta = [...pageTitle("Sign in"), { name: "description", content: "Sign in" }];
    expect(withErrorTitle(meta)).toEqual([{ title: `Error: Sign in – ${SERVICE_NAME} – GOV.UK` }, { name: "description", content: "Sign in" }]);
    expect(withErrorTitle(withErrorTitle(meta))).toEqual(withErrorTitle(meta));
  });
});
