import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { readForm, requireUser } from "~/auth/session.server";
import { now } from "~/clock.server";
import { ServiceForm } from "~/components/forms";
import { Button, ErrorSummary, Radios, Table } from "~/components/govuk";
import { getDb } from "~/data/db.server";
import { formatDateTimeLondon } from "~/domain/calendar";
import { answerLines } from "~/domain/eoi/display";
import { sectionById } from "~/domain/eoi/sections";
import { conflictView, resolveConflict } from "~/services/eoi.server";
import { pageTitle } from "~/utils/page";

export const meta: MetaFunction = () => pageTitle("Someone else changed this section");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: "applicant" });
  const view = await conflictView(getDb(), { user, saveId: Number(params.saveId) });
  if (!view) throw redirect("/applicant/eoi");
  const section = sectionById(view.sectionId);
  const text = (name: string, answers: Record<string, unknown>) => {
    const question = section.questions.find((q) => q.name === name);
    return question ? answerLines(question, answers[name]).join("\n") || "(blank)" : "";
  };
  return {
    // R-34 others saved again while the officer chose (see the action): nothing was written; choose again.
    errors: new URL(request.url).searchParams.has("changed") ? [CHANGED_WHILE_CHOOSING] : [],
    sectionTitle: `${section.number}. ${section.title}`,
    theirsBy: view.theirsBy,
    theirsAt: formatDateTimeLondon(new Date(view.theirsAt)),
    rows: view.fields.map((name) => ({ label: section.questions.find((q) => q.name === name)?.label ?? name, theirs: text(name, view.theirs), mine: text(name, view.mine) })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await readForm(request);
  const user = await requireUser(request, { role: "applicant" });
  const keep = form.get("keep");
  if (keep !== "mine" && keep !== "theirs") return data({ errors: [{ text: "Select which version to keep", href: "#keep" }] }, { status: 400 });
  if (!(await conflictView(getDb(), { user, saveId: Number(params.saveId) }))) return redirect("/applicant/eoi");
  const result = await resolveConflict(getDb(), { user, saveId: Number(params.saveId), keep, now: now() });
  if (result.kind === "stale") return redirect(`/applicant/eoi/conflict/${params.saveId}?changed=1`);
  return redirect("/applicant/eoi");
}

const CHANGED_WHILE_CHOOSING = {
  text: "Someone else changed this expression of interest while you were choosing. Nothing was saved or overwritten – check the answers below and choose again",
  href: "#keep",
};

/** R-30 R-34 A stale save never overwrites silently: both versions are shown and kept; the officer chooses. */
export default function Conflict() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors ?? page.errors;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        {errors.length ? <ErrorSummary titleText="There is a problem" errorList={errors} /> : null}
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
            errorMessage={errors.length ? { text: errors[0].text } : undefined}
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
