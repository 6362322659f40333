import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { readForm, requireUser } from "~/auth/session.server";
import { now } from "~/clock.server";
import { ServiceForm } from "~/components/forms";
import { BackLink, Button, ErrorSummary, InsetText, Input } from "~/components/govuk";
import { getDb } from "~/data/db.server";
import { agreeHealthCheckReport, healthCheckForManager } from "~/services/health-check.server";
import { wakeOutbox } from "~/services/mail.server";
import { orPilotResponse } from "~/services/pilots.server";
import { pageTitle } from "~/utils/page";
import { VisitReport } from "./manage.monitoring.pilots.$awardId.health-check._shared/VisitReport";
import { awardIdParam, visitView } from "./manage.monitoring.pilots.$awardId.health-check._shared/view.server";

// R-63 Agreeing the report with the pilot's named officer: records who and when; the visit is
// read-only from then on and the pilot's officers are emailed the agreed report.

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data ? `Agree the report: ${data.authorityName}` : "Agree the report");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireUser(request, { role: "programme_manager" });
  const awardId = awardIdParam(params);
  const context = await orPilotResponse(() => healthCheckForManager(getDb(), { actor, awardId }));
  if (!context.visit) throw redirect(`/manage/monitoring/pilots/${awardId}/health-check/visit`);
  return visitView(context);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await readForm(request);
  const actor = await requireUser(request, { role: "programme_manager" });
  const awardId = awardIdParam(params);
  const values = { agreedWith: String(form.get("agreedWith") ?? ""), version: String(form.get("version") ?? "") };
  const result = await orPilotResponse(() => agreeHealthCheckReport(getDb(), { actor, awardId, form: values, now: now(), baseUrl: new URL(request.url).origin }));
  if (!result.ok) {
    const base = `/manage/monitoring/pilots/${awardId}/health-check`;
    const href = (field: string) => (field === "findings" ? `${base}/findings` : field === "summary" ? `${base}/findings#summary` : `#${field}`);
    return data({ values, errors: result.errors.map(([field, text]) => ({ text, href: href(field) })), fields: Object.fromEntries(result.errors) as Record<string, string> }, { status: result.status });
  }
  wakeOutbox();
  return redirect(`/manage/monitoring/pilots/${awardId}/health-check`);
}

export default function AgreeReport() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const visit = page.visit!;
  const base = `/manage/monitoring/pilots/${page.awardId}/health-check`;
  const fields: Record<string, string> = actionData?.fields ?? {};
  return (
    <>
      <BackLink href={base} text="Back to the health check visit" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {actionData?.errors ? <ErrorSummary titleText="There is a problem" errorList={actionData.errors} /> : null}
          <span className="govuk-caption-l">
            {page.region}: {page.authorityName}
          </span>
          <h1 className="govuk-heading-l">Agree the report</h1>
          {visit.status === "agreed" ? (
            <InsetText text={visit.agreedMessage ?? ""} />
          ) : (
            <>
              <p className="govuk-body">Check the report below. Record the agreement once the pilot’s named officer has agreed it with the team. After that the visit cannot be changed, and the pilot’s officers are emailed the agreed report as a PDF.</p>
              <ServiceForm>
                <input type="hidden" name="version" value={visit.version} />
                <Input
                  id="agreedWith"
                  name="agreedWith"
                  label={{ text: "Name of the pilot’s officer who agreed the report", classes: "govuk-label--m", isPageHeading: false }}
                  hint={{ text: page.namedOfficer ? `The pilot’s named officer. ${page.namedOfficer} (${page.namedOfficerRole}) accepted the grant for ${page.authorityName}.` : "The pilot’s named officer" }}
                  autocomplete="off"
                  value={actionData?.values.agreedWith ?? page.namedOfficer}
                  errorMessage={fields.agreedWith ? { text: fields.agreedWith } : undefined}
                />
                <Button text="Agree the report" />
              </ServiceForm>
            </>
          )}
          <h2 className="govuk-heading-l">The report</h2>
          <VisitReport visit={visit} />
        </div>
      </div>
    </>
  );
}
