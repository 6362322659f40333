import type { Knex } from "knex";
import type { User } from "~/data/users.server";
import { applyApplicationIntent, readApplicationPage, readIntent } from "~/domain/application/form";
import { validateApplicationPage } from "~/domain/application/schema";
import { isApplicationSectionId, pageQuestions, sectionOf, type ApplicationSection, type ApplicationSectionId } from "~/domain/application/sections";
import { APPLICATION_HOME, applicationPagePath } from "~/domain/application/paths";
import { applicantApplicationContext, ApplicationNotFoundError, saveApplicationPage } from "./application.server";

type FormLike = { get(name: string): unknown; getAll(name: string): unknown[] };

export type ApplicationPagePostOutcome =
  | { kind: "redirect"; to: string }
  | { kind: "invalid"; errors: Array<{ text: string; href: string }>; fieldErrors: Record<string, string>; values: Record<string, unknown>; sectionVersion: number };

export { APPLICATION_HOME, applicationPagePath };

/** A page's place from the URL ("budget", "1"), or null when there is no such page. */
export function parseApplicationPagePath(sections: readonly ApplicationSection[], sectionId: string | undefined, page: string | undefined): { sectionId: ApplicationSectionId; pageIndex: number } | null {
  if (!isApplicationSectionId(sectionId)) return null;
  const pageIndex = Number(page) - 1;
  if (!Number.isInteger(pageIndex) || pageIndex < 0 || pageIndex >= sectionOf(sections, sectionId).pages.length) return null;
  return { sectionId, pageIndex };
}

/**
 * R-51 (R-34's guarantees) One POST of a question page: the draft is saved first, whatever it
 * holds, so nothing typed is lost to a validation error; then the page's questions are checked.
 * Used by the page's action and by the resume route after a session expired.
 */
export async function handleApplicationPagePost(db: Knex, input: { user: User; sectionId: string | undefined; page: string | undefined; form: FormLike; now: Date }): Promise<ApplicationPagePostOutcome> {
  const { sections, programme } = await applicantApplicationContext(db, input.user);
  const where = parseApplicationPagePath(sections, input.sectionId, input.page);
  if (!where) throw new ApplicationNotFoundError("no such page");
  const section = sectionOf(sections, where.sectionId);
  const questions = pageQuestions(section, where.pageIndex);
  const intent = readIntent(input.form.get("intent"));
  const answers = applyApplicationIntent(questions, readApplicationPage(questions, input.form), intent);
  const baseVersion = Number(input.form.get("sectionVersion") ?? 0) || 0;
  const result = await saveApplicationPage(db, { user: input.user, ...where, answers, baseVersion, now: input.now });
  if (result.kind === "read-only") return { kind: "redirect", to: APPLICATION_HOME };
  if (result.kind === "conflict") return { kind: "redirect", to: `${APPLICATION_HOME}/conflict/${result.saveId}` };
  const here = applicationPagePath(where.sectionId, where.pageIndex);
  if (intent.kind === "add") {
    const rows = (answers[intent.question] as unknown[] | undefined)?.length ?? 1;
    return { kind: "redirect", to: `${here}#${intent.question}-${rows - 1}` };
  }
  if (intent.kind === "remove") return { kind: "redirect", to: `${here}#${intent.question}` };

  const saved = result.application.answers[where.sectionId] ?? {};
  const check = validateApplicationPage(programme, sections, where.sectionId, saved, where.pageIndex);
  if (!check.ok) {
    // Saved: the page carries its new version (loaders are not revalidated after a 400).
    return { kind: "invalid", errors: check.errors, fieldErrors: check.fieldErrors, values: saved as Record<string, unknown>, sectionVersion: result.application.sectionVersions[where.sectionId] ?? 0 };
  }
  const next = where.pageIndex + 1 < section.pages.length ? applicationPagePath(where.sectionId, where.pageIndex + 1) : `${APPLICATION_HOME}/${where.sectionId}/complete`;
  return { kind: "redirect", to: next };
}
