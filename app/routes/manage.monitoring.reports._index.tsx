import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { now } from "~/clock.server";
import { BackLink, Table } from "~/components/govuk";
import { getDb } from "~/data/db.server";
import { formatDateLondon } from "~/domain/calendar";
import { listReportsForManager } from "~/services/pilot-reports.server";
import { orPilotResponse } from "~/services/pilots.server";
import { pageTitle } from "~/utils/page";

// R-61 Every pilot's quarterly reports for the programme team: overdue first, then the ones
// waiting for a decision.

export const meta: MetaFunction = () => pageTitle("Quarterly progress reports");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireUser(request, { role: "programme_manager" });
  const rows = await orPilotResponse(() => listReportsForManager(getDb(), { actor, now: now() }));
  return {
    overdue: rows.filter((row) => row.state.overdue).length,
    waiting: rows.filter((row) => row.state.key === "submitted").length,
    rows: rows.map((row) => ({
      key: `${row.awardId}-${row.schedule.slug}`,
      authorityName: row.authorityName,
      region: row.region,
      awardId: row.awardId,
      quarter: row.schedule.quarter,
      due: formatDateLondon(row.schedule.due),
      state: { label: row.state.label, tagClass: row.state.tagClass },
      reportId: row.report?.status && row.report.status !== "draft" ? row.report.id : null,
      draft: row.report?.status === "draft",
    })),
  };
}

export default function ManageReports() {
  const page = useLoaderData<typeof loader>();
  return (
    <>
      <BackLink href="/manage/monitoring" text="Back to monitoring" />
      <span className="govuk-caption-l">Monitoring</span>
      <h1 className="govuk-heading-l">Quarterly progress reports</h1>
      <p className="govuk-body">
        {page.overdue === 1 ? "1 report is overdue" : `${page.overdue} reports are overdue`}; {page.waiting === 1 ? "1 report is waiting for your decision" : `${page.waiting} reports are waiting for your decision`}.
      </p>
      {page.rows.length ? (
        <Table
          caption="Every pilot's reports, overdue first"
          captionClasses="govuk-visually-hidden"
          head={[{ text: "Pilot" }, { text: "Quarter" }, { text: "Due by" }, { text: "Status" }, { html: <span className="govuk-visually-hidden">Action</span> }]}
          rows={page.rows.map((row) => [
            { html: <>{row.authorityName}<br /><span className="govuk-body-s">{row.region}</span></> },
            { text: row.quarter },
            { text: row.due },
            { html: <><strong className={row.state.tagClass}>{row.state.label}</strong>{row.draft ? <><br /><span className="govuk-body-s">Draft started</span></> : null}</> },
            {
              html: row.reportId ? (
                <a className="govuk-link" href={`/manage/monitoring/reports/${row.reportId}`}>
                  View<span className="govuk-visually-hidden"> the report of {row.authorityName} for {row.quarter}</span>
                </a>
              ) : (
                <span className="govuk-body-s">Not submitted</span>
              ),
            },
          ])}
        />
      ) : (
        <p className="govuk-body">No pilot has started yet.</p>
      )}
    </>
  );
}
