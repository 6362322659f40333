import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { now } from "~/clock.server";
import { BackLink, Table, Tag } from "~/components/govuk";
import { getDb } from "~/data/db.server";
import { formatDateLondon } from "~/domain/calendar";
import { outputsOverview } from "~/services/pilot-outputs.server";
import { orPilotResponse, pilotForOfficer } from "~/services/pilots.server";
import { pageTitle } from "~/utils/page";

// R-60 The pilot's six outputs: plan, due date and status. Reached only through the officer's own
// authority.

export const meta: MetaFunction = () => pageTitle("Outputs A to F");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: "applicant" });
  const db = getDb();
  return orPilotResponse(async () => {
    const pilot = await pilotForOfficer(db, user);
    const outputs = await outputsOverview(db, pilot, now());
    return { authorityName: pilot.award.authorityName, today: formatDateLondon(now()), outputs };
  });
}

export default function PilotOutputs() {
  const { authorityName, today, outputs } = useLoaderData<typeof loader>();
  return (
    <>
      <BackLink href="/applicant/pilot" text="Back to your pilot" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-full">
          <span className="govuk-caption-l">{authorityName}</span>
          <h1 className="govuk-heading-l">Outputs A to F</h1>
          <p className="govuk-body">
            Your pilot committed to these six outputs in its detailed application. Record progress on each one as it happens, with evidence. An output that is not complete by its due date shows as late.
          </p>
          <Table
            caption={`Your outputs on ${today}`}
            captionClasses="govuk-table__caption--m"
            firstCellIsHeader
            head={[{ text: "Output" }, { text: "Due" }, { text: "Last updated" }, { text: "Status" }]}
            rows={outputs.map((output) => [
              {
                html: (
                  <Link className="govuk-link" to={`/applicant/pilot/outputs/${output.key}`}>
                    {output.key}. {output.title}
                  </Link>
                ),
              },
              { text: output.when || "No date given" },
              { text: output.lastUpdated ?? "Not updated yet" },
              {
                html: (
                  <>
                    <Tag text={output.statusLabel} classes={output.tagClass} />
                    {output.lateByDate ? <span className="govuk-body-s govuk-!-display-block govuk-!-margin-top-1 govuk-!-margin-bottom-0">Due date passed</span> : null}
                  </>
                ),
              },
            ])}
          />
        </div>
      </div>
    </>
  );
}
