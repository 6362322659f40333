import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { BackLink, Button, NotificationBanner } from "~/components/govuk";
import { getDb } from "~/data/db.server";
import { healthCheckForManager } from "~/services/health-check.server";
import { orPilotResponse } from "~/services/pilots.server";
import { pageTitle } from "~/utils/page";
import { VisitReport } from "./manage.monitoring.pilots.$awardId.health-check._shared/VisitReport";
import { awardIdParam, visitView } from "./manage.monitoring.pilots.$awardId.health-check._shared/view.server";

// R-63 R-11 The programme manager's page for one pilot's customer service health check visit.

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data ? `Health check visit: ${data.authorityName}` : "Health check visit");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireUser(request, { role: "programme_manager" });
  const awardId = awardIdParam(params);
  return visitView(await orPilotResponse(() => healthCheckForManager(getDb(), { actor, awardId })));
}

export default function ManageHealthCheck() {
  const page = useLoaderData<typeof loader>();
  const base = `/manage/monitoring/pilots/${page.awardId}/health-check`;
  const visit = page.visit;
  return (
    <>
      <BackLink href={`/manage/monitoring/pilots/${page.awardId}`} text={`Back to ${page.authorityName}`} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {visit?.status === "agreed" ? <NotificationBanner type="success" titleText="Report agreed" html={<p className="govuk-notification-banner__heading">{visit.agreedMessage}</p>} /> : null}
          <span className="govuk-caption-l">
            {page.region}: {page.authorityName}
          </span>
          <h1 className="govuk-heading-l">Customer service health check visit</h1>
          {!visit ? (
            <>
              <p className="govuk-body">No visit has been recorded for this pilot yet.</p>
              <p className="govuk-body">
                Every pilot is offered a free customer service health check visit by a team drawn from private, public and third sector organisations. Record the date of the visit and the team, then the team’s findings, and agree the
                report with the pilot.
              </p>
              <Button text="Record the visit" href={`${base}/visit`} />
            </>
          ) : (
            <>
              <VisitReport visit={visit} changeLinks={visit.status === "agreed" ? undefined : { details: `${base}/visit`, findings: `${base}/findings` }} />
              <h2 className="govuk-heading-l">The report</h2>
              <p className="govuk-body">
                <a className="govuk-link" href={`${base}.pdf`}>
                  Download the report{visit.status === "agreed" ? "" : " as a draft"} (PDF)
                </a>
              </p>
              {visit.status === "agreed" ? null : (
                <>
                  <p className="govuk-body">Once the pilot’s named officer has agreed the report, record their agreement. The visit can then no longer be changed, and the pilot’s officers are emailed the agreed report.</p>
                  <Button text="Agree the report" href={`${base}/agree`} />
                </>
              )}
            </>
          )}
        </div>
      </div>
    </>
  );
}
