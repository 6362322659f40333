import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { readForm, requireUser } from "~/auth/session.server";
import { now } from "~/clock.server";
import { ServiceForm } from "~/components/forms";
import { BackLink, Button, ErrorSummary, SummaryList, WarningText } from "~/components/govuk";
import { getDb } from "~/data/db.server";
import { formatDateTimeLondon } from "~/domain/calendar";
import { answerLines } from "~/domain/eoi/display";
import { sectionPages } from "~/domain/eoi/pages";
import { checkTwoPageLimit } from "~/domain/eoi/schema";
import { SECTIONS, shownQuestions } from "~/domain/eoi/sections";
import { canSubmit } from "~/domain/eoi/status";
import { wakeOutbox } from "~/services/mail.server";
import { applicantContext, submissionWindow, submitEoi } from "~/services/eoi.server";
import { pageTitle } from "~/utils/page";

export const meta: MetaFunction = () => pageTitle("Check your answers before submitting");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: "applicant" });
  const { round, authority, eoi } = await applicantContext(getDb(), user);
  if (!eoi) throw redirect("/applicant");
  if (eoi.status !== "draft") throw redirect("/applicant/eoi");
  const window = submissionWindow(round, eoi);
  const check = canSubmit({ answers: eoi.answers, markedComplete: eoi.markedComplete, state: eoi.status }, { now: now(), window });
  return {
    authorityName: authority.name,
    deadline: formatDateTimeLondon(window.closesAt),
    totalWords: checkTwoPageLimit(eoi.answers).totalWords,
    errors: check.ok ? [] : check.errors.map((e) => ({ text: e.text, href: e.href.startsWith("#") && e.href.length > 1 ? `/applicant/eoi${e.href}` : "/applicant/eoi" })),
    sections: SECTIONS.map((section) => ({
      id: section.id,
      title: `${section.number}. ${section.title}`,
      rows: shownQuestions(section, eoi.answers[section.id] ?? {})
        .filter((q) => !(section.id === "about-the-bid" && (q.name === "region" || q.name === "authorityType")))
        .map((q) => {
          const page = Math.max(0, sectionPages(section.id).findIndex((p) => p.fields.includes(q.name)));
          return { key: q.label, lines: answerLines(q, (eoi.answers[section.id] ?? {})[q.name]), href: `/applicant/eoi/${section.id}/${page + 1}#${q.name}` };
        }),
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  await readForm(request);
  const user = await requireUser(request, { role: "applicant" });
  if (!(await applicantContext(getDb(), user)).eoi) return redirect("/applicant");
  const result = await submitEoi(getDb(), { user, now: now() });
  if (!result.ok) return data({ errors: result.errors.map((e) => ({ text: e.text, href: e.href.length > 1 ? `/applicant/eoi${e.href}` : "/applicant/eoi" })) }, { status: 400 });
  wakeOutbox();
  return redirect("/applicant/eoi/confirmation");
}

/** R-34 "Check your answers" with change links, then submit. */
export default function CheckAnswers() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors ?? page.errors;
  return (
    <>
      <BackLink href="/applicant/eoi" text="Back to your task list" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {errors.length ? <ErrorSummary titleText={actionData ? "There is a problem" : "You cannot submit yet"} errorList={errors} /> : null}
          <span className="govuk-caption-l">{page.authorityName}</span>
          <h1 className="govuk-heading-l">Check your answers before submitting</h1>
          <p className="govuk-body">Your two-page outline has {page.totalWords.toLocaleString("en-GB")} of 1,000 words.</p>
          {page.sections.map((section) => (
            <div key={section.id}>
              <h2 className="govuk-heading-m">{section.title}</h2>
              <SummaryList
                rows={section.rows.map((row) => ({
                  key: { text: row.key },
                  value: { html: row.lines.length ? <>{row.lines.map((line, i) => <p key={i} className="govuk-body app-answer">{line}</p>)}</> : <span className="govuk-hint">Not answered</span> },
                  actions: { items: [{ href: row.href, text: "Change", visuallyHiddenText: row.key }] },
                }))}
              />
            </div>
          ))}
          <h2 className="govuk-heading-m">Now send your expression of interest</h2>
          <p className="govuk-body">By submitting it you confirm that, to the best of your knowledge, the details you are providing are correct, and that the lead authority agrees to deliver outputs A to F if selected.</p>
          <WarningText text={`You cannot change it after submitting. The deadline is ${page.deadline}.`} />
          <ServiceForm>
            <Button text="Accept and submit" preventDoubleClick />
          </ServiceForm>
        </div>
      </div>
    </>
  );
}
