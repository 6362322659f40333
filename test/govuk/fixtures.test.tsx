/**
 * Renders every official govuk-frontend fixture with our React components and
 * compares the result with the fixture's HTML (the Nunjucks macro's output)
 * after normalisation: whitespace, attribute order, class order, boolean
 * attribute values and entity encoding do not count; everything else does.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { createElement, type ComponentType } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { parseFragment } from "parse5";
import { afterAll, expect, it } from "vitest";
import * as govuk from "~/components/govuk";

/** Component folder in govuk-frontend → our React component. */
const COMPONENTS: Record<string, ComponentType<any>> = {
  button: govuk.Button,
  input: govuk.Input,
  textarea: govuk.Textarea,
  "character-count": govuk.CharacterCount,
  radios: govuk.Radios,
  checkboxes: govuk.Checkboxes,
  "date-input": govuk.DateInput,
  select: govuk.Select,
  fieldset: govuk.Fieldset,
  hint: govuk.Hint,
  label: govuk.Label,
  "error-message": govuk.ErrorMessage,
  "error-summary": govuk.ErrorSummary,
  "summary-list": govuk.SummaryList,
  table: govuk.Table,
  "task-list": govuk.TaskList,
  panel: govuk.Panel,
  "notification-banner": govuk.NotificationBanner,
  tag: govuk.Tag,
  "back-link": govuk.BackLink,
  breadcrumbs: govuk.Breadcrumbs,
  details: govuk.Details,
  "inset-text": govuk.InsetText,
  "warning-text": govuk.WarningText,
  pagination: govuk.Pagination,
  "file-upload": govuk.FileUpload,
  "skip-link": govuk.SkipLink,
  "phase-banner": govuk.PhaseBanner,
  "service-navigation": govuk.ServiceNavigation,
  header: govuk.Header,
  footer: govuk.Footer,
};

/**
 * Fixtures we do not reproduce, "component/fixture name" → why. Every entry
 * is printed when the test runs.
 */
const SKIPS: Record<string, string> = {};

/* ------------------------------------------------------------------------ */
/* Normalisation                                                             */
/* ------------------------------------------------------------------------ */

const BOOLEAN_ATTRIBUTES = new Set([
  "allowfullscreen",
  "async",
  "autofocus",
  "checked",
  "controls",
  "default",
  "defer",
  "disabled",
  "formnovalidate",
  "hidden",
  "inert",
  "ismap",
  "itemscope",
  "loop",
  "multiple",
  "muted",
  "nomodule",
  "novalidate",
  "open",
  "playsinline",
  "readonly",
  "required",
  "reversed",
  "selected",
]);

interface Parse5Node {
  nodeName: string;
  tagName?: string;
  value?: string;
  data?: string;
  attrs?: Array<{ name: string; value: string }>;
  childNodes?: Parse5Node[];
  content?: Parse5Node;
}

function collapse(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function normaliseAttribute(name: string, value: string): string {
  if (name === "class") return collapse(value).split(" ").filter(Boolean).sort().join(" ");
  if (BOOLEAN_ATTRIBUTES.has(name)) return "";
  return value;
}

/** One line per element or text node, indented by depth. */
function canonical(nodes: Parse5Node[], depth = 0, lines: string[] = []): string[] {
  // Merge adjacent text (comments dropped), so "a<!-- -->b" and "ab" compare equal.
  const merged: Array<Parse5Node | string> = [];
  for (const node of nodes) {
    if (node.nodeName === "#comment") continue;
    if (node.nodeName === "#text") {
      const last = merged[merged.length - 1];
      if (typeof last === "string") merged[merged.length - 1] = last + (node.value ?? "");
      else merged.push(node.value ?? "");
    } else {
      merged.push(node);
    }
  }
  const indent = "  ".repeat(depth);
  for (const node of merged) {
    if (typeof node === "string") {
      const text = collapse(node);
      if (text) lines.push(`${indent}${JSON.stringify(text)}`);
      continue;
    }
    const attributes = [...(node.attrs ?? [])]
      .map(({ name, value }) => ({ name, value: normaliseAttribute(name, value) }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      .map(({ name, value }) => ` ${name}=${JSON.stringify(value)}`)
      .join("");
    lines.push(`${indent}<${node.tagName}${attributes}>`);
    const children = node.content?.childNodes ?? node.childNodes ?? [];
    canonical(children, depth + 1, lines);
  }
  return lines;
}

function normalise(html: string): string {
  const fragment = parseFragment(html) as unknown as Parse5Node;
  return canonical(fragment.childNodes ?? []).join("\n");
}

/* ------------------------------------------------------------------------ */
/* Fixtures                                                                  */
/* ------------------------------------------------------------------------ */

interface Fixture {
  name: string;
  options: Record<string, unknown>;
  hidden?: boolean;
  html: string;
}

const require = createRequire(import.meta.url);
const componentsDir = path.join(path.dirname(require.resolve("govuk-frontend/package.json")), "dist/govuk/components");

function loadFixtures(component: string): Fixture[] {
  const file = path.join(componentsDir, component, "fixtures.json");
  return (JSON.parse(readFileSync(file, "utf8")) as { fixtures: Fixture[] }).fixtures;
}

/** Renders, failing on any React warning (a warning means the markup or the props are wrong). */
function render(Component: ComponentType<any>, options: Record<string, unknown>): string {
  const warnings: string[] = [];
  const originalError = console.error;
  console.error = (...args: unknown[]) => {
    warnings.push(args.map(String).join(" "));
  };
  try {
    return renderToStaticMarkup(createElement(Component, options));
  } finally {
    console.error = originalError;
    if (warnings.length) throw new Error(`React warned while rendering:\n${warnings.join("\n")}`);
  }
}

const tally = new Map<string, { passed: number; total: number; skipped: number }>();

for (const [component, Component] of Object.entries(COMPONENTS)) {
  const counts = { passed: 0, total: 0, skipped: 0 };
  tally.set(component, counts);
  for (const fixture of loadFixtures(component)) {
    counts.total += 1;
    const title = `${component}: ${fixture.name}`;
    const skipReason = SKIPS[`${component}/${fixture.name}`];
    if (skipReason) {
      counts.skipped += 1;
      it.skip(`${title} (skipped: ${skipReason})`, () => {});
      continue;
    }
    it(title, () => {
      expect(Component, `no React component for ${component}`).toBeTypeOf("function");
      const actual = normalise(render(Component, fixture.options));
      const expected = normalise(fixture.html);
      expect(actual).toBe(expected);
      counts.passed += 1;
    });
  }
}

afterAll(() => {
  const rows = [...tally.entries()];
  const width = Math.max(...rows.map(([name]) => name.length), "component".length);
  const lines = [`${"component".padEnd(width)}  passed / total  skipped`];
  let passed = 0;
  let total = 0;
  let skipped = 0;
  for (const [name, counts] of rows) {
    lines.push(`${name.padEnd(width)}  ${String(counts.passed).padStart(6)} / ${String(counts.total).padEnd(5)}  ${counts.skipped}`);
    passed += counts.passed;
    total += counts.total;
    skipped += counts.skipped;
  }
  lines.push(`${"all".padEnd(width)}  ${String(passed).padStart(6)} / ${String(total).padEnd(5)}  ${skipped}`);
  const skipLines = Object.entries(SKIPS).map(([key, reason]) => `  ${key}: ${reason}`);
  console.log(["GOV.UK fixture parity", ...lines, skipLines.length ? "Skipped fixtures:" : "Skipped fixtures: none", ...skipLines].join("\n"));
});
