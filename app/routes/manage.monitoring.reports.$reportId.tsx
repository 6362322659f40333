import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { readForm, requireUser } from "~/auth/session.server";
import { now } from "~/clock.server";
import { ServiceForm } from "~/components/forms";
import { BackLink, Button, ErrorSummary, NotificationBanner, Radios, SummaryList, Textarea } from "~/components/govuk";
import { getDb } from "~/data/db.server";
import { formatDateLondon, formatDateTimeLondon } from "~/domain/calendar";
import { formatMoney } from "~/domain/money";
import { wakeOutbox } from "~/services/mail.server";
import { decideReportAsManager, loadReportForManager } from "~/services/pilot-reports.server";
import { orPilotResponse } from "~/services/pilots.server";
import { formErrors, pageTitle } from "~/utils/page";
import { ReportAnswersList, ReportTrail, reviewView } from "./applicant.pilot.reports._shared/ReportView";

// R-61 One pilot's quarterly report for the programme manager: accept it, or query it with a
// question the pilot must answer. The trail shows every submission, query, answer and acceptance.

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data ? `${data.authorityName}: report for ${data.quarter}` : "Progress report");

const reportId = (value: string | undefined) => {
  if (!/^\d+$/.test(value ?? "")) throw new Response("Not found", { status: 404 });
  return Number(value);
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireUser(request, { role: "programme_manager" });
  const page = await orPilotResponse(() => loadReportForManager(getDb(), { actor, reportId: reportId(params.reportId), now: now() }));
  const report = page.report!;
  return {
    id: report.id,
    awardId: page.pilot.award.id,
    authorityName: page.pilot.award.authorityName,
    region: page.pilot.award.region,
    quarter: page.schedule.quarter,
    title: page.schedule.title,
    due: formatDateLondon(page.schedule.due),
    submittedAt: report.submittedAt ? formatDateTimeLondon(new Date(report.submittedAt)) : null,
    state: { label: page.state.label, tagClass: page.state.tagClass },
    status: report.status,
    version: report.version,
    answers: report.answers,
    spendText: report.spendPence === null ? "" : formatMoney(report.spendPence, { pence: true }),
    reviews: page.reviews.map(reviewView),
    decided: new URL(request.url).searchParams.get("decided"),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireUser(request, { role: "programme_manager" });
  const form = await readForm(request);
  const id = reportId(params.reportId);
  const values = { decision: String(form.get("decision") ?? ""), comments: String(form.get("comments") ?? "") };
  const version = Number(form.get("version") ?? "0");
  const result = await orPilotResponse(() => decideReportAsManager(getDb(), { actor, reportId: id, version: Number.isInteger(version) ? version : -1, ...values, now: now(), baseUrl: new URL(request.url).origin }));
  if (!result.ok) return data({ values, errors: formErrors(result.errors) }, { status: 400 });
  wakeOutbox();
  return redirect(`/manage/monitoring/reports/${id}?decided=${values.decision}`);
}

export default function ManageReport() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const fields = actionData?.errors.fields ?? {};
  const values = actionData?.values ?? { decision: "", comments: "" };
  return (
    <>
      <BackLink href="/manage/monitoring/reports" text="Back to quarterly reports" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {actionData?.errors.errorList.length ? <ErrorSummary titleText="There is a problem" errorList={actionData.errors.errorList} /> : null}
          {page.decided && !actionData ? <NotificationBanner type="success" titleText="Success" text={page.decided === "accept" ? "You accepted the report. We have emailed the pilot." : "You queried the report. We have emailed the pilot your question."} /> : null}
          <span className="govuk-caption-l">
            {page.authorityName}, {page.region}
          </span>
          <h1 className="govuk-heading-l">{page.title}</h1>
          <SummaryList
            rows={[
              { key: { text: "Status" }, value: { html: <strong className={page.state.tagClass}>{page.state.label}</strong> } },
              { key: { text: "Due by" }, value: { text: page.due } },
              { key: { text: "Last submitted" }, value: { text: page.submittedAt ?? "Not submitted" } },
            ]}
          />
          <h2 className="govuk-heading-m">The report</h2>
          <ReportAnswersList answers={page.answers} spendText={page.spendText} />
          <ReportTrail reviews={page.reviews} />
          {page.status === "submitted" ? (
            <ServiceForm>
              <input type="hidden" name="version" value={page.version} />
              <Radios
                name="decision"
                idPrefix="decision"
                fieldset={{ legend: { text: "Your decision", classes: "govuk-fieldset__legend--m" } }}
                errorMessage={fields.decision ? { text: fields.decision } : undefined}
                items={[
                  { value: "accept", text: "Accept the report", checked: values.decision === "accept" },
                  { value: "query", text: "Query the report", hint: { text: "The pilot answers your question and resubmits the report" }, checked: values.decision === "query" },
                ]}
              />
              <Textarea id="comments" name="comments" rows={5} label={{ text: "Your question, or comments for the pilot", classes: "govuk-label--s" }} hint={{ text: "A question is needed to query the report. Comments on accepting it are optional." }} value={values.comments} errorMessage={fields.comments ? { text: fields.comments } : undefined} />
              <Button text="Confirm decision" />
            </ServiceForm>
          ) : null}
        </div>
      </div>
    </>
  );
}
