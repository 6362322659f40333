import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { readForm } from "~/auth/session.server";
import { now } from "~/clock.server";
import { ServiceForm } from "~/components/forms";
import { BackLink, Button, Checkboxes, DateInput, ErrorSummary, Input, Panel, SummaryList } from "~/components/govuk";
import { getDb } from "~/data/db.server";
import { ACCEPTANCE_DECLARATION } from "~/domain/application/award";
import { APPLICATION_HOME } from "~/domain/application/paths";
import { formatDateLondon, formatDateTimeLondon } from "~/domain/calendar";
import { formatMoney } from "~/domain/money";
import { acceptOffer, applicantAward } from "~/services/award.server";
import { wakeOutbox } from "~/services/mail.server";
import { pageTitle } from "~/utils/page";
import { orNotFound, requireInvitedApplicant } from "./applicant.application._shared/guard.server";

export const meta: MetaFunction = () => pageTitle("Your grant offer");

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireInvitedApplicant(request);
  const { award, letter } = await orNotFound(() => applicantAward(getDb(), user));
  return {
    grantId: letter.grantId,
    authorityName: letter.authorityName,
    amount: formatMoney(award.amountPence),
    offeredOn: formatDateLondon(new Date(award.awardedAt)),
    startBy: formatDateLondon(letter.startBy),
    status: award.status,
    acceptance: award.status === "accepted" ? { name: award.acceptingOfficerName, role: award.acceptingOfficerRole, date: award.acceptanceDate ? formatDateLondon(award.acceptanceDate) : "", at: award.acceptedAt ? formatDateTimeLondon(new Date(award.acceptedAt)) : "" } : null,
    conditions: letter.conditions,
    timetable: letter.timetable.map((r) => ({ title: r.title, due: formatDateLondon(r.due) })),
    outputs: letter.outputs.map((o) => ({ key: o.key, title: o.title, when: o.when, cost: o.cost })),
    declaration: ACCEPTANCE_DECLARATION,
  };
}

type Values = { officerName: string; officerRole: string; day: string; month: string; year: string; declaration: boolean };

/** R-53 The lead authority accepts through a named officer: name, job title, date, declaration. */
export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const { user } = await requireInvitedApplicant(request);
  const values: Values = {
    officerName: String(form.get("officerName") ?? ""),
    officerRole: String(form.get("officerRole") ?? ""),
    day: String(form.get("acceptanceDate-day") ?? ""),
    month: String(form.get("acceptanceDate-month") ?? ""),
    year: String(form.get("acceptanceDate-year") ?? ""),
    declaration: form.get("declaration") === "yes",
  };
  const result = await orNotFound(() => acceptOffer(getDb(), { user, form: values, baseUrl: new URL(request.url).origin, now: now() }));
  if (!result.ok) {
    const href = (field: string) => `#${field === "acceptanceDate" ? "acceptanceDate-day" : field}`;
    return data({ values, errors: result.errors.map(([field, text]) => ({ text, href: href(field) })), fields: Object.fromEntries(result.errors) }, { status: 400 });
  }
  wakeOutbox();
  return redirect(`${APPLICATION_HOME}/offer`);
}

export default function Offer() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const values = actionData?.values ?? { officerName: "", officerRole: "", day: "", month: "", year: "", declaration: false };
  const fields: Record<string, string> = actionData?.fields ?? {};
  return (
    <>
      <BackLink href={APPLICATION_HOME} text="Back to your detailed application" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {actionData?.errors ? <ErrorSummary titleText="There is a problem" errorList={actionData.errors} /> : null}
          <span className="govuk-caption-l">{page.authorityName}</span>
          <h1 className="govuk-heading-l">Your grant offer</h1>
          {page.acceptance ? (
            <Panel headingLevel={2} titleText="Offer accepted – your pilot has started" html={<>Grant of {page.amount}<br />accepted by {page.acceptance.name}</>} />
          ) : null}
          <SummaryList
            rows={[
              { key: { text: "Grant reference" }, value: { text: page.grantId } },
              { key: { text: "Grant offered" }, value: { text: page.amount } },
              { key: { text: "Date of offer" }, value: { text: page.offeredOn } },
              { key: { text: "Pilot begins by" }, value: { text: page.startBy } },
              ...(page.acceptance
                ? [
                    { key: { text: "Accepted by" }, value: { text: `${page.acceptance.name}, ${page.acceptance.role}` } },
                    { key: { text: "Date of acceptance" }, value: { text: page.acceptance.date } },
                  ]
                : []),
            ]}
          />
          <p className="govuk-body">
            <a className="govuk-link" href={`${APPLICATION_HOME}/offer.pdf`}>
              Download the grant offer letter (PDF)
            </a>
          </p>
          {page.acceptance ? (
            <>
              <h2 className="govuk-heading-m">Your free customer service health check visit</h2>
              <p className="govuk-body">
                As a pilot, you are offered a free customer service health check visit by a team drawn from private, public and third sector organisations. We have emailed you about arranging it.
              </p>
            </>
          ) : null}
          <h2 className="govuk-heading-m">Conditions of grant</h2>
          <ol className="govuk-list govuk-list--number">
            {page.conditions.map((condition, i) => (
              <li key={i}>{condition}</li>
            ))}
          </ol>
          <h2 className="govuk-heading-m">Outputs A to F</h2>
          <SummaryList rows={page.outputs.map((o) => ({ key: { text: `${o.key}. ${o.title}` }, value: { text: [o.when && `by ${o.when}`, o.cost].filter(Boolean).join(", ") || "–" } }))} />
          <h2 className="govuk-heading-m">Reporting timetable</h2>
          <SummaryList rows={page.timetable.map((r) => ({ key: { text: r.due }, value: { text: r.title } }))} />
          {!page.acceptance ? (
            <>
              <h2 className="govuk-heading-m">Accept the offer</h2>
              <p className="govuk-body">An officer authorised by the lead authority accepts the offer. Acceptance starts the pilot.</p>
              <ServiceForm>
                <Input id="officerName" name="officerName" label={{ text: "Full name of the officer accepting the offer", classes: "govuk-label--s" }} autocomplete="name" value={values.officerName} errorMessage={fields.officerName ? { text: fields.officerName } : undefined} />
                <Input id="officerRole" name="officerRole" label={{ text: "Job title", classes: "govuk-label--s" }} hint={{ text: "For example, Chief Executive or Director of Finance" }} autocomplete="organization-title" value={values.officerRole} errorMessage={fields.officerRole ? { text: fields.officerRole } : undefined} />
                <DateInput
                  id="acceptanceDate"
                  namePrefix="acceptanceDate"
                  fieldset={{ legend: { text: "Date of acceptance", classes: "govuk-fieldset__legend--s" } }}
                  hint={{ text: "Today, or the day the officer signed the acceptance. For example, 10 9 2009" }}
                  errorMessage={fields.acceptanceDate ? { text: fields.acceptanceDate } : undefined}
                  values={{ "acceptanceDate-day": values.day, "acceptanceDate-month": values.month, "acceptanceDate-year": values.year }}
                />
                <Checkboxes
                  idPrefix="declaration"
                  name="declaration"
                  fieldset={{ legend: { text: "Declaration", classes: "govuk-fieldset__legend--s" } }}
                  errorMessage={fields.declaration ? { text: fields.declaration } : undefined}
                  items={[{ value: "yes", text: page.declaration, checked: values.declaration }]}
                />
                <Button text="Accept the grant offer" />
              </ServiceForm>
            </>
          ) : null}
        </div>
      </div>
    </>
  );
}
