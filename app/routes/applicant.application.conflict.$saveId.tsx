import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { readForm } from "~/auth/session.server";
import { now } from "~/clock.server";
import { ServiceForm } from "~/components/forms";
import { Button, ErrorSummary, Radios, Table } from "~/components/govuk";
import { getDb } from "~/data/db.server";
import { applicationAnswerLines } from "~/domain/application/display";
import { sectionOf } from "~/domain/application/sections";
import { formatDateTimeLondon } from "~/domain/calendar";
import { applicationConflictView, resolveApplicationConflict } from "~/services/application.server";
import { APPLICATION_HOME } from "~/domain/application/paths";
import { pageTitle } from "~/utils/page";
import { orNotFound, requireInvitedApplicant } from "./applicant.application._shared/guard.server";

export const meta: MetaFunction = () => pageTitle("Someone else changed this section");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, context } = await requireInvitedApplicant(request);
  const view = await orNotFound(() => applicationConflictView(getDb(), { user, saveId: Number(params.saveId) }));
  if (!view) throw redirect(APPLICATION_HOME);
  const section = sectionOf(context.sections, view.sectionId);
  const text = (name: string, answers: Record<string, unknown>) => {
    const question = section.questions.find((q) => q.name === name);
    return question ? applicationAnswerLines(question, answers[name]).join("\n") || "(blank)" : "";
  };
  return {
    sectionTitle: `${section.number}. ${section.title}`,
    theirsBy: view.theirsBy,
    theirsAt: formatDateTimeLondon(new Date(view.theirsAt)),
    rows: view.fields.map((name) => ({ label: section.questions.find((q) => q.name === name)?.label ?? name, theirs: text(name, view.theirs), mine: text(name, view.mine) })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await readForm(request);
  const { user } = await requireInvitedApplicant(request);
  const keep = form.get("keep");
  if (keep !== "mine" && keep !== "theirs") return data({ errors: [{ text: "Select which version to keep", href: "#keep" }] }, { status: 400 });
  if (!(await applicationConflictView(getDb(), { user, saveId: Number(params.saveId) }))) return redirect(APPLICATION_HOME);
  await orNotFound(() => resolveApplicationConflict(getDb(), { user, saveId: Number(params.saveId), keep, now: now() }));
  return redirect(APPLICATION_HOME);
}

/** R-51 (R-30 R-34 as stage 1) A stale save never overwrites silently: both versions are kept; the officer chooses. */
export default function ApplicationConflict() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        {actionData?.errors ? <ErrorSummary titleText="There is a problem" errorList={actionData.errors} /> : null}
        <span className="govuk-caption-l">{page.sectionTitle}</span>
        <h1 className="govuk-heading-l">Someone else changed this section</h1>
        <p className="govuk-body">
          {page.theirsBy} saved changes to this section at {page.theirsAt}, after you opened it. Your changes have not been lost, and nothing has been overwritten. Choose which version to keep.
        </p>
        <Table
          caption="The answers that differ"
          captionClasses="govuk-table__caption--m"
          head={[{ text: "Question" }, { text: `Saved by ${page.theirsBy}` }, { text: "Your version" }]}
          rows={page.rows.map((r) => [{ text: r.label }, { html: <span className="app-answer">{r.theirs}</span> }, { html: <span className="app-answer">{r.mine}</span> }])}
        />
        <ServiceForm>
          <Radios
            idPrefix="keep"
            name="keep"
            fieldset={{ legend: { text: "Which version do you want to keep?", classes: "govuk-fieldset__legend--m" } }}
            errorMessage={actionData?.errors ? { text: actionData.errors[0].text } : undefined}
            items={[
              { value: "mine", text: "Keep my version", hint: { text: `Your answers replace the ones ${page.theirsBy} saved. Theirs stay in the section's history.` } },
              { value: "theirs", text: `Keep the version saved by ${page.theirsBy}`, hint: { text: "Your answers are kept in the section's history but not used." } },
            ]}
          />
          <Button text="Continue" />
        </ServiceForm>
      </div>
    </div>
  );
}
