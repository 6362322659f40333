import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { BackLink, InsetText } from "~/components/govuk";
import { getDb } from "~/data/db.server";
import { healthCheckForOfficer } from "~/services/health-check.server";
import { orPilotResponse } from "~/services/pilots.server";
import { pageTitle } from "~/utils/page";
import { VisitReport } from "./manage.monitoring.pilots.$awardId.health-check._shared/VisitReport";
import { visitView } from "./manage.monitoring.pilots.$awardId.health-check._shared/view.server";

// R-63 R-11 R-20 The pilot's officers see their own visit, read-only: the CLG programme team
// records it and agrees the report with the pilot's named officer.

export const meta: MetaFunction = () => pageTitle("Customer service health check visit");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: "applicant" });
  return visitView(await orPilotResponse(() => healthCheckForOfficer(getDb(), { user })));
}

export default function PilotHealthCheck() {
  const page = useLoaderData<typeof loader>();
  const visit = page.visit;
  return (
    <>
      <BackLink href="/applicant/pilot" text="Back to your pilot" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <span className="govuk-caption-l">{page.authorityName}</span>
          <h1 className="govuk-heading-l">Customer service health check visit</h1>
          {!visit ? (
            <>
              <p className="govuk-body">Your visit has not been arranged yet.</p>
              <p className="govuk-body">
                As a pilot, you are offered a free customer service health check visit by a team drawn from private, public and third sector organisations. The CLG programme team will agree a date with you and record the visit here.
              </p>
            </>
          ) : (
            <>
              {visit.status === "agreed" ? (
                <p className="govuk-body">
                  <a className="govuk-link" href="/applicant/pilot/health-check.pdf">
                    Download the agreed report (PDF)
                  </a>
                </p>
              ) : (
                <InsetText text="This report is a draft. The CLG programme team will agree it with your named officer after the visit; you will be emailed the agreed report." />
              )}
              <VisitReport visit={visit} />
            </>
          )}
        </div>
      </div>
    </>
  );
}
