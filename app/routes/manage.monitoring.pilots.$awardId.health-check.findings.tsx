import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { readForm, requireUser } from "~/auth/session.server";
import { now } from "~/clock.server";
import { ServiceForm } from "~/components/forms";
import { BackLink, Button, ErrorSummary, InsetText, Radios, Textarea } from "~/components/govuk";
import { getDb } from "~/data/db.server";
import { FINDING_RATINGS } from "~/domain/monitoring/health-check";
import { HEALTH_CHECK_PROBES } from "~/domain/monitoring/health-check-probes";
import { healthCheckForManager, recordFindings } from "~/services/health-check.server";
import { orPilotResponse } from "~/services/pilots.server";
import { pageTitle } from "~/utils/page";
import { awardIdParam, visitView } from "./manage.monitoring.pilots.$awardId.health-check._shared/view.server";

// R-63 The checklist: the team's finding on each of the peer review's customer-focus probes, an
// optional rating, and the report's summary.

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data ? `Findings: ${data.authorityName}` : "Findings");

type Values = { findings: Record<string, { finding: string; rating: string }>; summary: string; version: string };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireUser(request, { role: "programme_manager" });
  const awardId = awardIdParam(params);
  const context = await orPilotResponse(() => healthCheckForManager(getDb(), { actor, awardId }));
  if (!context.visit) throw redirect(`/manage/monitoring/pilots/${awardId}/health-check/visit`);
  const values: Values = {
    findings: Object.fromEntries(HEALTH_CHECK_PROBES.map((probe) => {
      const found = context.visit!.findings.find((f) => f.probeId === probe.id);
      return [probe.id, { finding: found?.finding ?? "", rating: found?.rating ?? "none" }];
    })),
    summary: context.visit.summary,
    version: String(context.visit.version),
  };
  return { ...visitView(context), values };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await readForm(request);
  const actor = await requireUser(request, { role: "programme_manager" });
  const awardId = awardIdParam(params);
  const values: Values = {
    findings: Object.fromEntries(HEALTH_CHECK_PROBES.map((probe) => [probe.id, { finding: String(form.get(`finding-${probe.id}`) ?? ""), rating: String(form.get(`rating-${probe.id}`) ?? "") }])),
    summary: String(form.get("summary") ?? ""),
    version: String(form.get("version") ?? ""),
  };
  const result = await orPilotResponse(() => recordFindings(getDb(), { actor, awardId, form: values, now: now() }));
  if (!result.ok) {
    return data(
      { values: { ...values, version: result.version === undefined ? values.version : String(result.version) }, errors: result.errors.map(([field, text]) => ({ text, href: `#${field}` })), fields: Object.fromEntries(result.errors) as Record<string, string> },
      { status: result.status },
    );
  }
  return redirect(`/manage/monitoring/pilots/${awardId}/health-check`);
}

export default function Findings() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const values = actionData?.values ?? page.values;
  const fields: Record<string, string> = actionData?.fields ?? {};
  const base = `/manage/monitoring/pilots/${page.awardId}/health-check`;
  const visit = page.visit!;
  if (visit.status === "agreed") {
    return (
      <>
        <BackLink href={base} text="Back to the health check visit" />
        <h1 className="govuk-heading-l">Findings</h1>
        <InsetText text={visit.agreedMessage ?? ""} />
      </>
    );
  }
  const error = (field: string) => (fields[field] ? { text: fields[field]! } : undefined);
  return (
    <>
      <BackLink href={base} text="Back to the health check visit" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {actionData?.errors ? <ErrorSummary titleText="There is a problem" errorList={actionData.errors} /> : null}
          <span className="govuk-caption-l">
            {page.region}: {page.authorityName}
          </span>
          <h1 className="govuk-heading-l">Findings of the visit on {visit.visitDate}</h1>
          <p className="govuk-body">
            For each of the peer review benchmark’s customer focus questions, write what the team found and, if you like, rate it. Questions left blank are shown as “no finding recorded” in the report.
          </p>
          <ServiceForm>
            <input type="hidden" name="version" value={values.version} />
            {visit.groups.map((group) => (
              <div key={group.key}>
                <h2 className="govuk-heading-m">{group.title}</h2>
                <p className="govuk-hint">The benchmark: {group.description}.</p>
                {group.probes.map((probe) => (
                  <div key={probe.id} className="app-add-another__item">
                    <Textarea
                      id={`finding-${probe.id}`}
                      name={`finding-${probe.id}`}
                      rows={4}
                      label={{ text: `${probe.number}. ${probe.text}`, classes: "govuk-label--s" }}
                      value={values.findings[probe.id]?.finding ?? ""}
                      errorMessage={error(`finding-${probe.id}`)}
                    />
                    <Radios
                      idPrefix={`rating-${probe.id}`}
                      name={`rating-${probe.id}`}
                      classes="govuk-radios--small govuk-radios--inline"
                      fieldset={{ legend: { text: `Rating for question ${probe.number} (optional)` } }}
                      errorMessage={error(`rating-${probe.id}`)}
                      items={[...FINDING_RATINGS.map((r) => ({ value: r.key, text: r.label })), { value: "none", text: "No rating" }].map((item) => ({ ...item, checked: (values.findings[probe.id]?.rating || "none") === item.value }))}
                    />
                  </div>
                ))}
              </div>
            ))}
            <h2 className="govuk-heading-m">Summary</h2>
            <Textarea id="summary" name="summary" rows={8} label={{ text: "The team’s summary for the report", classes: "govuk-label--s" }} hint={{ text: "The main strengths, the areas to develop and what the team recommends" }} value={values.summary} errorMessage={error("summary")} />
            <Button text="Save the findings" />
          </ServiceForm>
        </div>
      </div>
    </>
  );
}
