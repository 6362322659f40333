import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { readForm } from "~/auth/session.server";
import { now } from "~/clock.server";
import { ServiceForm } from "~/components/forms";
import { BackLink, Button, ErrorSummary, Radios } from "~/components/govuk";
import { getDb } from "~/data/db.server";
import { validateApplicationSection } from "~/domain/application/schema";
import { isApplicationSectionId, pageOfField, sectionOf } from "~/domain/application/sections";
import { isEditable } from "~/domain/application/status";
import { SECTION_COMPLETED_QUESTION } from "~/domain/eoi/sections";
import { saveApplicationPage } from "~/services/application.server";
import { APPLICATION_HOME } from "~/domain/application/paths";
import { pageTitle } from "~/utils/page";
import { orNotFound, requireInvitedApplicant } from "./applicant.application._shared/guard.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(`Have you completed this section? – ${data?.title ?? ""}`);

async function load(request: Request, sectionId: string | undefined) {
  const { user, context } = await requireInvitedApplicant(request);
  if (!isApplicationSectionId(sectionId)) throw new Response("Not found", { status: 404 });
  if (!context.application || !isEditable(context.application.status)) throw redirect(APPLICATION_HOME);
  return { user, context, application: context.application, section: sectionOf(context.sections, sectionId) };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { application, section } = await load(request, params.sectionId);
  return { sectionId: section.id, title: `${section.number}. ${section.title}`, pageCount: section.pages.length, marked: application.markedComplete[section.id] ?? null, sectionVersion: application.sectionVersions[section.id] ?? 0 };
}

/** R-51 "Have you completed this section?": Yes only when the section's answers are complete and valid. */
export async function action({ request, params }: ActionFunctionArgs) {
  const form = await readForm(request);
  const { user, context, application, section } = await load(request, params.sectionId);
  const answer = form.get("completed");
  if (answer !== "yes" && answer !== "no") return data({ errors: [{ text: "Select whether you have completed this section", href: "#completed" }] }, { status: 400 });
  if (answer === "yes") {
    const check = validateApplicationSection(context.programme, context.sections, section.id, application.answers[section.id]);
    if (!check.ok) {
      // Each error links to the page its field is on.
      const errors = check.errors.map((e) => ({ text: e.text, href: `${APPLICATION_HOME}/${section.id}/${pageOfField(section, e.href.replace(/^#/, "").split("-")[0]!) + 1}${e.href}` }));
      return data({ errors }, { status: 400 });
    }
  }
  const result = await orNotFound(() => saveApplicationPage(getDb(), { user, sectionId: section.id, pageIndex: -1, answers: {}, baseVersion: Number(form.get("sectionVersion") ?? 0) || 0, markedComplete: answer === "yes", now: now() }));
  if (result.kind === "conflict") return redirect(`${APPLICATION_HOME}/conflict/${result.saveId}`);
  return redirect(APPLICATION_HOME);
}

export default function CompleteApplicationSection() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <BackLink href={`${APPLICATION_HOME}/${page.sectionId}/${page.pageCount}`} text="Back" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {actionData?.errors ? <ErrorSummary titleText="There is a problem" errorList={actionData.errors} /> : null}
          <ServiceForm>
            <input type="hidden" name="sectionVersion" value={page.sectionVersion} />
            <Radios
              idPrefix="completed"
              name="completed"
              fieldset={{ legend: { text: SECTION_COMPLETED_QUESTION.label, isPageHeading: true, classes: "govuk-fieldset__legend--l" } }}
              hint={{ text: page.title }}
              errorMessage={actionData?.errors?.[0]?.href === "#completed" ? { text: actionData.errors[0].text } : undefined}
              items={SECTION_COMPLETED_QUESTION.options.map((o) => ({ value: o.value, text: o.text, checked: page.marked === (o.value === "yes") }))}
            />
            <Button text="Continue" />
          </ServiceForm>
        </div>
      </div>
    </>
  );
}
