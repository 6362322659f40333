import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { readForm, requireUser } from "~/auth/session.server";
import { now } from "~/clock.server";
import { ServiceForm } from "~/components/forms";
import { BackLink, Button, ErrorSummary, Radios } from "~/components/govuk";
import { getDb } from "~/data/db.server";
import { sectionPages } from "~/domain/eoi/pages";
import { validateSection } from "~/domain/eoi/schema";
import { isSectionId, SECTION_COMPLETED_QUESTION, sectionById, type SectionId } from "~/domain/eoi/sections";
import { applicantContext, saveSectionPage } from "~/services/eoi.server";
import { pageTitle } from "~/utils/page";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(`Have you completed this section? – ${data?.title ?? ""}`);

async function load(request: Request, sectionIdParam: string | undefined) {
  const user = await requireUser(request, { role: "applicant" });
  if (!isSectionId(sectionIdParam)) throw new Response("Not found", { status: 404 });
  const { eoi } = await applicantContext(getDb(), user);
  if (!eoi) throw redirect("/applicant");
  if (eoi.status !== "draft") throw redirect("/applicant/eoi");
  return { user, eoi, sectionId: sectionIdParam as SectionId };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { eoi, sectionId } = await load(request, params.sectionId);
  const section = sectionById(sectionId);
  // R-34 after others' saves beat this one twice (see the action): the page as saved now, and why to answer again.
  const errors = new URL(request.url).searchParams.has("changed") ? [STALE_ANSWER] : [];
  return { sectionId, title: `${section.number}. ${section.title}`, pageCount: sectionPages(sectionId).length, marked: eoi.markedComplete[sectionId] ?? null, sectionVersion: eoi.sectionVersions[sectionId] ?? 0, errors };
}

const STALE_ANSWER = { text: "Someone else changed this expression of interest while you were working on it. Your answer was not saved – answer again", href: "#completed" };

/** Where each field of a section is asked, so an error can link to its page. */
function fieldHref(sectionId: SectionId, href: string): string {
  const field = href.replace(/^#/, "").split("-")[0];
  const pageIndex = Math.max(0, sectionPages(sectionId).findIndex((p) => p.fields.includes(field)));
  return `/applicant/eoi/${sectionId}/${pageIndex + 1}${href}`;
}

/** R-31 "Have you completed this section?": Yes only when the section's answers are complete and valid. */
export async function action({ request, params }: ActionFunctionArgs) {
  const form = await readForm(request);
  const { user, eoi, sectionId } = await load(request, params.sectionId);
  const answer = form.get("completed");
  if (answer !== "yes" && answer !== "no") {
    return data({ errors: [{ text: "Select whether you have completed this section", href: "#completed" }] }, { status: 400 });
  }
  if (answer === "yes") {
    const check = validateSection(sectionId, eoi.answers[sectionId], { eoiAnswers: eoi.answers });
    if (!check.ok) {
      return data({ errors: check.errors.map((e) => ({ text: e.text, href: fieldHref(sectionId, e.href) })) }, { status: 400 });
    }
  }
  const result = await saveSectionPage(getDb(), { user, sectionId, pageIndex: -1, answers: {}, baseVersion: Number(form.get("sectionVersion") ?? 0) || 0, markedComplete: answer === "yes", now: now() });
  if (result.kind === "conflict") return redirect(`/applicant/eoi/conflict/${result.saveId}`);
  if (result.kind === "stale") return redirect(`/applicant/eoi/${sectionId}/complete?changed=1`);
  return redirect("/applicant/eoi");
}

export default function CompleteSection() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors ?? page.errors;
  return (
    <>
      <BackLink href={`/applicant/eoi/${page.sectionId}/${page.pageCount}`} text="Back" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {errors.length ? <ErrorSummary titleText="There is a problem" errorList={errors} /> : null}
          <ServiceForm>
            <input type="hidden" name="sectionVersion" value={page.sectionVersion} />
            <Radios
              idPrefix="completed"
              name="completed"
              fieldset={{ legend: { text: SECTION_COMPLETED_QUESTION.label, isPageHeading: true, classes: "govuk-fieldset__legend--l" } }}
              hint={{ text: page.title }}
              errorMessage={errors[0]?.href === "#completed" ? { text: errors[0].text } : undefined}
              items={SECTION_COMPLETED_QUESTION.options.map((o) => ({ value: o.value, text: o.text, checked: page.marked === (o.value === "yes") }))}
            />
            <Button text="Continue" />
          </ServiceForm>
        </div>
      </div>
    </>
  );
}
