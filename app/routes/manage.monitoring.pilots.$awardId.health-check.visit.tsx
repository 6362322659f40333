import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { readForm, requireUser } from "~/auth/session.server";
import { now } from "~/clock.server";
import { ServiceForm } from "~/components/forms";
import { BackLink, Button, DateInput, ErrorSummary, InsetText, Input, Radios } from "~/components/govuk";
import { getDb } from "~/data/db.server";
import { MAX_TEAM_MEMBERS, sectorsRepresented, type TeamMemberInput } from "~/domain/monitoring/health-check";
import { PARTNER_SECTORS } from "~/domain/programme";
import { healthCheckForManager, recordVisitDetails } from "~/services/health-check.server";
import { orPilotResponse } from "~/services/pilots.server";
import { pageTitle } from "~/utils/page";
import { awardIdParam, visitView } from "./manage.monitoring.pilots.$awardId.health-check._shared/view.server";

// R-63 R-11 The visit's date and its team (name, organisation, sector), with add-another rows
// that work without JavaScript: "Add another team member" and "Remove" post the form and come
// back with the rows changed, nothing saved until "Save".

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data ? `Visit date and team: ${data.authorityName}` : "Visit date and team");

type Values = { day: string; month: string; year: string; team: TeamMemberInput[]; version: string };
const blankMember = (): TeamMemberInput => ({ name: "", organisation: "", sector: "" });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireUser(request, { role: "programme_manager" });
  const awardId = awardIdParam(params);
  const context = await orPilotResponse(() => healthCheckForManager(getDb(), { actor, awardId }));
  const visit = context.visit;
  const [year, month, day] = visit ? visit.visitDate.split("-") : ["", "", ""];
  const values: Values = {
    day: day ? String(Number(day)) : "",
    month: month ? String(Number(month)) : "",
    year: year ?? "",
    // A new visit starts with three rows: R-11's team is drawn from three sectors.
    team: visit ? visit.team.map(({ name, organisation, sector }) => ({ name, organisation, sector })) : [blankMember(), blankMember(), blankMember()],
    version: String(visit?.version ?? 0),
  };
  return { ...visitView(context), values };
}

function readValues(form: FormData): Values {
  const rows = Math.min(Number(form.get("team-rows") ?? 0) || 0, MAX_TEAM_MEMBERS + 5);
  const text = (name: string) => String(form.get(name) ?? "");
  return {
    day: text("visitDate-day"),
    month: text("visitDate-month"),
    year: text("visitDate-year"),
    team: Array.from({ length: rows }, (_, i) => ({ name: text(`team-${i}-name`), organisation: text(`team-${i}-organisation`), sector: text(`team-${i}-sector`) })),
    version: text("version"),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await readForm(request);
  const actor = await requireUser(request, { role: "programme_manager" });
  const awardId = awardIdParam(params);
  const values = readValues(form);
  const intent = String(form.get("intent") ?? "save");
  if (intent === "add") return data({ values: { ...values, team: values.team.length < MAX_TEAM_MEMBERS ? [...values.team, blankMember()] : values.team }, errors: null, fields: {} as Record<string, string> });
  if (intent.startsWith("remove:")) {
    const row = Number(intent.slice("remove:".length));
    return data({ values: { ...values, team: values.team.filter((_, i) => i !== row) }, errors: null, fields: {} as Record<string, string> });
  }
  const result = await orPilotResponse(() => recordVisitDetails(getDb(), { actor, awardId, form: values, now: now() }));
  if (!result.ok) {
    const href = (field: string) => (field === "visitDate" ? "#visitDate-day" : `#${field}`);
    return data(
      { values: { ...values, version: result.version === undefined ? values.version : String(result.version) }, errors: result.errors.map(([field, text]) => ({ text, href: href(field) })), fields: Object.fromEntries(result.errors) as Record<string, string> },
      { status: result.status },
    );
  }
  return redirect(`/manage/monitoring/pilots/${awardId}/health-check`);
}

export default function VisitDetails() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const values = actionData?.values ?? page.values;
  const fields: Record<string, string> = actionData?.fields ?? {};
  const base = `/manage/monitoring/pilots/${page.awardId}/health-check`;
  const sectors = sectorsRepresented(values.team.filter((m) => m.sector));
  if (page.visit?.status === "agreed") {
    return (
      <>
        <BackLink href={base} text="Back to the health check visit" />
        <h1 className="govuk-heading-l">Visit date and team</h1>
        <InsetText text={page.visit.agreedMessage ?? ""} />
      </>
    );
  }
  return (
    <>
      <BackLink href={base} text="Back to the health check visit" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {actionData?.errors ? <ErrorSummary titleText="There is a problem" errorList={actionData.errors} /> : null}
          <span className="govuk-caption-l">
            {page.region}: {page.authorityName}
          </span>
          <h1 className="govuk-heading-l">Visit date and team</h1>
          <ServiceForm>
            <input type="hidden" name="version" value={values.version} />
            <DateInput
              id="visitDate"
              namePrefix="visitDate"
              fieldset={{ legend: { text: "Date of the visit", classes: "govuk-fieldset__legend--m" } }}
              hint={{ text: `During the pilot, between ${page.window.from} and ${page.window.to}. For example, ${page.window.example}` }}
              errorMessage={fields.visitDate ? { text: fields.visitDate } : undefined}
              values={{ "visitDate-day": values.day, "visitDate-month": values.month, "visitDate-year": values.year }}
            />
            <div className={`govuk-form-group app-add-another${fields.team ? " govuk-form-group--error" : ""}`} id="team" tabIndex={-1}>
              <h2 className="govuk-heading-m">The visiting team</h2>
              <p className="govuk-hint">The team is drawn from private, public and third sector organisations. Add each member with their organisation and its sector. Leave a row blank to ignore it.</p>
              <p className="govuk-body">
                Sectors so far: <strong>{sectors.allThree ? "all three" : sectors.represented.length ? `${sectors.represented.join(", ")} – not yet ${sectors.missing.join(" or ")}` : "none chosen yet"}</strong>
              </p>
              {fields.team ? (
                <p className="govuk-error-message">
                  <span className="govuk-visually-hidden">Error:</span> {fields.team}
                </p>
              ) : null}
              <input type="hidden" name="team-rows" value={values.team.length} />
              {values.team.map((member, index) => (
                // Keyed by what the row holds: after "Remove" the rows below move up, and their (uncontrolled) fields must show the moved values.
                <fieldset key={`${index}:${member.name}:${member.organisation}:${member.sector}`} className="govuk-fieldset app-add-another__item">
                  <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Team member {index + 1}</legend>
                  <Input id={`team-${index}-name`} name={`team-${index}-name`} label={{ text: "Name" }} autocomplete="off" value={member.name} errorMessage={fields[`team-${index}-name`] ? { text: fields[`team-${index}-name`]! } : undefined} />
                  <Input id={`team-${index}-organisation`} name={`team-${index}-organisation`} label={{ text: "Organisation" }} value={member.organisation} errorMessage={fields[`team-${index}-organisation`] ? { text: fields[`team-${index}-organisation`]! } : undefined} />
                  <Radios
                    idPrefix={`team-${index}-sector`}
                    name={`team-${index}-sector`}
                    classes="govuk-radios--small"
                    fieldset={{ legend: { text: "Sector of the organisation" } }}
                    errorMessage={fields[`team-${index}-sector`] ? { text: fields[`team-${index}-sector`]! } : undefined}
                    items={PARTNER_SECTORS.map((sector) => ({ value: sector.key, text: sector.label, checked: member.sector === sector.key }))}
                  />
                  <Button text={`Remove team member ${index + 1}`} name="intent" value={`remove:${index}`} classes="govuk-button--secondary govuk-!-margin-bottom-4" />
                </fieldset>
              ))}
              {values.team.length < MAX_TEAM_MEMBERS ? <Button text={values.team.length ? "Add another team member" : "Add a team member"} name="intent" value="add" classes="govuk-button--secondary" /> : null}
            </div>
            <Button text="Save the visit" name="intent" value="save" />
          </ServiceForm>
        </div>
      </div>
    </>
  );
}
