import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { readForm, requireUser } from "~/auth/session.server";
import { now } from "~/clock.server";
import { ServiceForm } from "~/components/forms";
import { BackLink, Button, ErrorSummary, Input, NotificationBanner, Textarea, WarningText } from "~/components/govuk";
import { getDb } from "~/data/db.server";
import { formatDateLondon } from "~/domain/calendar";
import { formatMoney } from "~/domain/money";
import { progressField, readAnswers, type ReportAnswers } from "~/domain/monitoring/reports";
import { OUTPUTS } from "~/domain/programme";
import { loadPilotReport, saveReport } from "~/services/pilot-reports.server";
import { orPilotResponse } from "~/services/pilots.server";
import { formErrors, pageTitle } from "~/utils/page";
import { ReportAnswersList, ReportTrail, reviewView } from "./applicant.pilot.reports._shared/ReportView";

// R-61 One quarter's progress report: progress on each output A–F, spend this quarter, risks and
// issues. Saved as a draft (two officers: a stale save is refused and what was typed stays on the
// page, R-73), then checked and submitted on the check page.

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data ? `Progress report for ${data.quarter}` : "Progress report");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: "applicant" });
  const page = await orPilotResponse(() => loadPilotReport(getDb(), { user, slug: params.quarter ?? "", now: now() }));
  const search = new URL(request.url).searchParams;
  const notice = search.get("saved") === "1" ? "Your draft report has been saved." : search.get("submitted") === "1" ? `Your report for ${page.schedule.quarter} has been submitted. The programme team will review it, and we have emailed your authority's officers.` : null;
  return {
    authorityName: page.pilot.award.authorityName,
    slug: page.schedule.slug,
    quarter: page.schedule.quarter,
    title: page.schedule.title,
    due: formatDateLondon(page.schedule.due),
    state: { label: page.state.label, tagClass: page.state.tagClass },
    status: page.report?.status ?? null,
    answers: page.report?.answers ?? null,
    spendText: page.report?.spendPence !== null && page.report?.spendPence !== undefined ? formatMoney(page.report.spendPence, { pence: true }) : "",
    version: page.report?.version ?? 0,
    editRefusal: page.editRefusal,
    submitRefusal: page.submitRefusal,
    query: page.query,
    reviews: page.reviews.map(reviewView),
    notice,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, { role: "applicant" });
  const form = await readForm(request);
  const values = Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === "string")) as Record<string, string>;
  const answers = readAnswers(values);
  const version = Number(values.version ?? "0");
  const slug = params.quarter ?? "";
  const result = await orPilotResponse(() => saveReport(getDb(), { user, slug, answers, version: Number.isInteger(version) ? version : -1, now: now() }));
  if (!result.ok) {
    const stale = result.stale ? { byName: result.stale.byName, answers: result.stale.latest.answers, version: result.stale.latest.version, spendText: result.stale.latest.spendPence === null ? "" : formatMoney(result.stale.latest.spendPence, { pence: true }) } : null;
    return data({ answers, errors: formErrors(result.errors.map(([field, text]) => [field === "version" || field === "report" ? "report-form" : field, text])), stale }, { status: stale ? 409 : 400 });
  }
  return redirect(values.intent === "check" ? `/applicant/pilot/reports/${slug}/check` : `/applicant/pilot/reports/${slug}?saved=1`);
}

export default function PilotReport() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const answers: ReportAnswers | null = actionData?.answers ?? page.answers;
  const fields = actionData?.errors.fields ?? {};
  const version = actionData?.stale?.version ?? page.version;
  const readOnly = page.editRefusal !== null;
  const value = (get: (a: ReportAnswers) => string) => (answers ? get(answers) : "");
  return (
    <>
      <BackLink href="/applicant/pilot/reports" text="Back to your reports" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {actionData?.errors.errorList.length ? <ErrorSummary titleText="There is a problem" errorList={actionData.errors.errorList} /> : null}
          {page.notice && !actionData ? <NotificationBanner type="success" titleText="Success" text={page.notice} /> : null}
          <span className="govuk-caption-l">{page.authorityName}</span>
          <h1 className="govuk-heading-l">{page.title}</h1>
          <p className="govuk-body">
            Due by 11:59pm on {page.due}. <strong className={page.state.tagClass}>{page.state.label}</strong>
          </p>
          {page.query ? (
            <>
              <h2 className="govuk-heading-m">The programme team&apos;s query</h2>
              <div className="govuk-inset-text app-answer">{page.query}</div>
              <p className="govuk-body">Change the report below if you need to, then continue to answer the query and resubmit the report.</p>
            </>
          ) : null}
          {actionData?.stale ? (
            <>
              <h2 className="govuk-heading-m">What is saved now</h2>
              <p className="govuk-body">{actionData.stale.byName} saved this version. Your own answers are in the form below, not saved yet: save them to replace this version, or change them first.</p>
              <ReportAnswersList answers={actionData.stale.answers} spendText={actionData.stale.spendText} />
            </>
          ) : null}
          {readOnly ? (
            <>
              <WarningText text={page.editRefusal ?? ""} />
              {page.answers ? <ReportAnswersList answers={page.answers} spendText={page.spendText} /> : null}
            </>
          ) : (
            <ServiceForm id="report-form">
              <input type="hidden" name="version" value={version} />
              {OUTPUTS.map((output) => (
                <Textarea
                  key={output.key}
                  name={progressField(output.key)}
                  id={progressField(output.key)}
                  rows={5}
                  label={{ text: `Progress on output ${output.key}: ${output.title}`, classes: "govuk-label--s" }}
                  hint={{ text: "What the pilot did this quarter towards this output, and what is next" }}
                  value={value((a) => a.progress[output.key])}
                  errorMessage={fields[progressField(output.key)] ? { text: fields[progressField(output.key)]! } : undefined}
                />
              ))}
              <Input
                id="spend"
                name="spend"
                classes="govuk-input--width-10"
                prefix={{ text: "£" }}
                label={{ text: "Spend this quarter", classes: "govuk-label--s" }}
                hint={{ text: "All the pilot’s spend in the quarter, from every source. For example, 12,345.50" }}
                inputmode="decimal"
                spellcheck={false}
                value={value((a) => a.spend).replace(/^\s*£\s*/, "")}
                errorMessage={fields.spend ? { text: fields.spend } : undefined}
              />
              <Textarea id="risks" name="risks" rows={4} label={{ text: "Risks", classes: "govuk-label--s" }} hint={{ text: "New or changed risks to the pilot, and how you are managing them" }} value={value((a) => a.risks)} errorMessage={fields.risks ? { text: fields.risks } : undefined} />
              <Textarea id="issues" name="issues" rows={4} label={{ text: "Issues", classes: "govuk-label--s" }} hint={{ text: "Problems the pilot has now, and what you need from the programme team, if anything" }} value={value((a) => a.issues)} errorMessage={fields.issues ? { text: fields.issues } : undefined} />
              {page.submitRefusal ? <p className="govuk-body">{page.submitRefusal}.</p> : null}
              <div className="govuk-button-group">
                {!page.submitRefusal ? <Button text={page.status === "queried" ? "Save and continue to answer the query" : "Save and continue to submit"} name="intent" value="check" /> : null}
                <Button text="Save as draft" name="intent" value="save" classes={page.submitRefusal ? undefined : "govuk-button--secondary"} />
              </div>
            </ServiceForm>
          )}
          <ReportTrail reviews={page.reviews} />
        </div>
      </div>
    </>
  );
}
