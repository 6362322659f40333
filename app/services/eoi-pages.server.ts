import type { Knex } from "knex";
import type { User } from "~/data/users.server";
import { applyIntent, readIntent, readPageAnswers } from "~/domain/eoi/form";
import { pageQuestions, sectionPages } from "~/domain/eoi/pages";
import { validateFields } from "~/domain/eoi/schema";
import { isSectionId, type SectionId } from "~/domain/eoi/sections";
import { saveSectionPage } from "./eoi.server";

type FormLike = { get(name: string): unknown; getAll(name: string): unknown[] };

export type PagePostOutcome =
  | { kind: "redirect"; to: string }
  | { kind: "invalid"; errors: Array<{ text: string; href: string }>; fieldErrors: Record<string, string>; values: Record<string, unknown>; sectionVersion: number };

export function parsePagePath(sectionId: string | undefined, page: string | undefined): { sectionId: SectionId; pageIndex: number } | null {
  if (!isSectionId(sectionId)) return null;
  const pageIndex = Number(page) - 1;
  if (!Number.isInteger(pageIndex) || pageIndex < 0 || pageIndex >= sectionPages(sectionId).length) return null;
  return { sectionId, pageIndex };
}

export const pagePath = (sectionId: SectionId, pageIndex: number) => `/applicant/eoi/${sectionId}/${pageIndex + 1}`;

/**
 * R-34 One POST of a question page: the draft is saved first, whatever it holds, so nothing
 * typed is lost to a validation error; then the page's questions are checked. Used by the
 * page's action and by /resume after a session expired.
 */
export async function handlePagePost(db: Knex, input: { user: User; sectionId: SectionId; pageIndex: number; form: FormLike; now: Date }): Promise<PagePostOutcome> {
  const questions = pageQuestions(input.sectionId, input.pageIndex);
  const intent = readIntent(input.form.get("intent"));
  const answers = applyIntent(questions, readPageAnswers(questions, input.form), intent);
  const baseVersion = Number(input.form.get("sectionVersion") ?? 0) || 0;
  const result = await saveSectionPage(db, { user: input.user, sectionId: input.sectionId, pageIndex: input.pageIndex, answers, baseVersion, now: input.now });
  if (result.kind === "read-only") return { kind: "redirect", to: "/applicant/eoi" };
  if (result.kind === "conflict") return { kind: "redirect", to: `/applicant/eoi/conflict/${result.saveId}` };
  const here = pagePath(input.sectionId, input.pageIndex);
  // Beaten twice by others' saves with nothing typed to keep (a typed page becomes a conflict): the page again, as saved now.
  if (result.kind === "stale") return { kind: "redirect", to: here };
  if (intent.kind === "add") {
    const rows = (answers[intent.question] as unknown[] | undefined)?.length ?? 1;
    return { kind: "redirect", to: `${here}#${intent.question}-${rows - 1}` };
  }
  if (intent.kind === "remove") return { kind: "redirect", to: `${here}#${intent.question}` };

  const saved = result.eoi.answers[input.sectionId] ?? {};
  const check = validateFields(input.sectionId, saved, sectionPages(input.sectionId)[input.pageIndex].fields, { eoiAnswers: result.eoi.answers });
  if (!check.ok) {
    // The draft was saved: the page must carry its new version, since loaders are not
    // revalidated after an action that answers 400.
    const sectionVersion = result.eoi.sectionVersions[input.sectionId] ?? 0;
    return { kind: "invalid", errors: check.errors, fieldErrors: check.fieldErrors, values: saved as Record<string, unknown>, sectionVersion };
  }
  const next = input.pageIndex + 1 < sectionPages(input.sectionId).length ? pagePath(input.sectionId, input.pageIndex + 1) : `/applicant/eoi/${input.sectionId}/complete`;
  return { kind: "redirect", to: next };
}
