import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { readForm, requireUser } from "~/auth/session.server";
import { now } from "~/clock.server";
import { ServiceForm } from "~/components/forms";
import { Button, SummaryList, WarningText } from "~/components/govuk";
import { getDb } from "~/data/db.server";
import { formatDateTimeLondon, isOpen } from "~/domain/calendar";
import { authorityTypeLabel, type AuthorityType } from "~/domain/programme";
import { applicantContext, startEoi, submissionWindow } from "~/services/eoi.server";
import { isPilotOfficer } from "~/services/pilots.server";
import { pageTitle } from "~/utils/page";

export const meta: MetaFunction = () => pageTitle("Your authority's bid");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: "applicant" });
  const db = getDb();
  const { round, authority, eoi } = await applicantContext(db, user);
  const officers = await db("users").where({ authority_id: authority.id, role: "applicant" }).orderBy([{ column: "name" }, { column: "id" }]).select("name", "email");
  const window = submissionWindow(round, eoi);
  return {
    userName: user.name,
    authority: { ...authority, typeLabel: authorityTypeLabel(authority.type as AuthorityType) },
    closes: formatDateTimeLondon(window.closesAt),
    open: isOpen(window, now()),
    eoi: eoi ? { status: eoi.status, reference: eoi.reference } : null,
    officers: officers as Array<{ name: string; email: string }>,
    pilot: await isPilotOfficer(db, user),
  };
}

/** R-30 Start the authority's EOI (a second officer joins the same one). */
export async function action({ request }: ActionFunctionArgs) {
  await readForm(request);
  const user = await requireUser(request, { role: "applicant" });
  await startEoi(getDb(), { user, now: now() });
  return redirect("/applicant/eoi");
}

const STATUS_TEXT = { draft: "In progress", submitted: "Submitted", withdrawn: "Withdrawn", invited: "Shortlisted: you are invited to send a detailed application", "not-selected": "Not selected" } as const;

export default function ApplicantHome() {
  const { userName, authority, closes, open, eoi, officers, pilot } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <span className="govuk-caption-l">{authority.name}</span>
        <h1 className="govuk-heading-l">Your authority's bid</h1>
        <p className="govuk-body">Welcome, {userName}.</p>
        {pilot ? (
          <p className="govuk-body">
            <a className="govuk-link govuk-!-font-weight-bold" href="/applicant/pilot">
              Your pilot: outputs, quarterly reports, claims and the health check visit
            </a>
          </p>
        ) : null}
        <p className="govuk-body">Expressions of interest must be submitted by {closes}.</p>
        {eoi ? (
          <>
            <SummaryList
              rows={[
                { key: { text: "Expression of interest" }, value: { text: STATUS_TEXT[eoi.status] } },
                ...(eoi.reference ? [{ key: { text: "Reference" }, value: { text: eoi.reference } }] : []),
              ]}
            />
            <Button text={eoi.status === "draft" ? "Continue your expression of interest" : "View your expression of interest"} href="/applicant/eoi" />
            {String(eoi.status) === "invited" ? <p className="govuk-body"><a className="govuk-link" href="/applicant/application">Your detailed application: you are invited to send one (stage 3)</a></p> : null}
          </>
        ) : open ? (
          <ServiceForm>
            <p className="govuk-body">Any officer of your authority can start the expression of interest. Other officers can then work on it with you.</p>
            <Button text="Start your expression of interest" />
          </ServiceForm>
        ) : (
          <WarningText text="Expressions of interest are not open." />
        )}
        <h2 className="govuk-heading-m">Your authority</h2>
        <SummaryList
          rows={[
            { key: { text: "Name" }, value: { text: authority.name } },
            { key: { text: "Region" }, value: { text: authority.region } },
            { key: { text: "Type" }, value: { text: authority.typeLabel } },
            { key: { text: "Official code" }, value: { text: authority.code } },
          ]}
        />
        <h2 className="govuk-heading-m">Officers who can work on the bid</h2>
        <ul className="govuk-list">
          {officers.map((officer) => (
            <li key={officer.email}>
              {officer.name} ({officer.email})
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
