import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { readForm, requireUser } from "~/auth/session.server";
import { now } from "~/clock.server";
import { ServiceForm } from "~/components/forms";
import { BackLink, Button, ErrorSummary, Textarea, WarningText } from "~/components/govuk";
import { getDb } from "~/data/db.server";
import { formatDateLondon } from "~/domain/calendar";
import { formatMoney } from "~/domain/money";
import { checkAnswers } from "~/domain/monitoring/reports";
import { wakeOutbox } from "~/services/mail.server";
import { loadPilotReport, submitReport } from "~/services/pilot-reports.server";
import { orPilotResponse } from "~/services/pilots.server";
import { formErrors, pageTitle } from "~/utils/page";
import { ReportAnswersList } from "./applicant.pilot.reports._shared/ReportView";

// R-61 Check the report, then submit it (or, when the programme team queried it, answer the query
// and resubmit). Submitting needs every answer and the quarter to have ended.

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data ? `Check your report for ${data.quarter}` : "Check your report");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: "applicant" });
  const page = await orPilotResponse(() => loadPilotReport(getDb(), { user, slug: params.quarter ?? "", now: now() }));
  if (!page.report || page.editRefusal) throw redirect(`/applicant/pilot/reports/${page.schedule.slug}`);
  const missing = checkAnswers(page.report.answers, "submit");
  return {
    authorityName: page.pilot.award.authorityName,
    slug: page.schedule.slug,
    quarter: page.schedule.quarter,
    title: page.schedule.title,
    due: formatDateLondon(page.schedule.due),
    answers: page.report.answers,
    spendText: page.report.spendPence === null ? "" : formatMoney(page.report.spendPence, { pence: true }),
    version: page.report.version,
    query: page.query,
    submitRefusal: page.submitRefusal,
    errors: missing.ok ? [] : missing.errors.map(([field, text]) => ({ text, href: `/applicant/pilot/reports/${page.schedule.slug}#${field}` })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, { role: "applicant" });
  const form = await readForm(request);
  const slug = params.quarter ?? "";
  const answer = String(form.get("answer") ?? "");
  const version = Number(form.get("version") ?? "0");
  const result = await orPilotResponse(() => submitReport(getDb(), { user, slug, version: Number.isInteger(version) ? version : -1, answer, now: now(), baseUrl: new URL(request.url).origin }));
  if (!result.ok) {
    const errors = result.errors.map(([field, text]): [string, string] => [field === "report" ? "submit" : field, text]);
    const errorList = errors.map(([field, text]) => ({ text, href: field === "answer" || field === "submit" ? `#${field}` : `/applicant/pilot/reports/${slug}#${field}` }));
    return data({ answer, errors: { ...formErrors(errors), errorList } }, { status: result.stale ? 409 : 400 });
  }
  wakeOutbox();
  return redirect(`/applicant/pilot/reports/${slug}?submitted=1`);
}

export default function CheckReport() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errorList = actionData?.errors.errorList ?? [];
  return (
    <>
      <BackLink href={`/applicant/pilot/reports/${page.slug}`} text="Back to the report" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {errorList.length ? <ErrorSummary titleText="There is a problem" errorList={errorList} /> : page.errors.length ? <ErrorSummary titleText="You have not finished the report" errorList={page.errors} /> : null}
          <span className="govuk-caption-l">{page.authorityName}</span>
          <h1 className="govuk-heading-l">Check your report for {page.quarter}</h1>
          <p className="govuk-body">Due by 11:59pm on {page.due}.</p>
          <ReportAnswersList answers={page.answers} spendText={page.spendText} changeHref={`/applicant/pilot/reports/${page.slug}`} />
          {page.submitRefusal ? (
            <WarningText text={`${page.submitRefusal}.`} />
          ) : (
            <ServiceForm>
              <input type="hidden" name="version" value={page.version} />
              {page.query ? (
                <>
                  <h2 className="govuk-heading-m">The programme team&apos;s query</h2>
                  <div className="govuk-inset-text app-answer">{page.query}</div>
                  <Textarea id="answer" name="answer" rows={6} label={{ text: "Your answer to the query", classes: "govuk-label--s" }} value={actionData?.answer ?? ""} errorMessage={actionData?.errors.fields.answer ? { text: actionData.errors.fields.answer } : undefined} />
                </>
              ) : (
                <>
                  <h2 className="govuk-heading-m">Now submit your report</h2>
                  <p className="govuk-body">By submitting this report you confirm that, to the best of your knowledge, it is a true account of the pilot&apos;s progress and spend this quarter.</p>
                </>
              )}
              <Button id="submit" text={page.query ? "Answer the query and resubmit the report" : "Submit the report"} />
            </ServiceForm>
          )}
        </div>
      </div>
    </>
  );
}
