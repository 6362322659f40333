import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { SummaryList } from "~/components/govuk";
import { findAuthority } from "~/data/authorities.server";
import { getDb } from "~/data/db.server";
import { currentRound } from "~/data/rounds.server";
import { formatDateTimeLondon } from "~/domain/calendar";
import { pageTitle } from "~/utils/page";

export const meta: MetaFunction = () => pageTitle("Your authority's bid");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: "applicant" });
  const db = getDb();
  const [authority, round, officers] = await Promise.all([
    user.authorityId === null ? null : findAuthority(db, user.authorityId),
    currentRound(db),
    db("users").where({ authority_id: user.authorityId, role: "applicant" }).orderBy([{ column: "name" }, { column: "id" }]).select("name", "email"),
  ]);
  return {
    userName: user.name,
    authority,
    closes: round ? formatDateTimeLondon(new Date(round.eoiClosesAt)) : null,
    officers: officers as Array<{ name: string; email: string }>,
  };
}

/** The applicant's home: their authority, the deadline and the officers who can edit the bid. */
export default function ApplicantHome() {
  const { userName, authority, closes, officers } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <span className="govuk-caption-l">{authority?.name}</span>
        <h1 className="govuk-heading-l">Your authority's bid</h1>
        <p className="govuk-body">Welcome, {userName}.</p>
        {closes ? <p className="govuk-body">Expressions of interest must be sent by {closes}.</p> : null}
        {authority ? (
          <>
            <h2 className="govuk-heading-m">Your authority</h2>
            <SummaryList
              rows={[
                { key: { text: "Name" }, value: { text: authority.name } },
                { key: { text: "Region" }, value: { text: authority.region } },
                { key: { text: "Type" }, value: { text: authority.type.replace(/^./, (c) => c.toUpperCase()) } },
                { key: { text: "Official code" }, value: { text: authority.code } },
              ]}
            />
          </>
        ) : null}
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
