import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { now } from "~/clock.server";
import { BackLink, Table } from "~/components/govuk";
import { getDb } from "~/data/db.server";
import { formatDateLondon } from "~/domain/calendar";
import { listPilotReports } from "~/services/pilot-reports.server";
import { orPilotResponse } from "~/services/pilots.server";
import { pageTitle } from "~/utils/page";

// R-61 The pilot's quarterly progress reports: each quarter, its due date and where it stands.

export const meta: MetaFunction = () => pageTitle("Quarterly progress reports");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: "applicant" });
  const { pilot, rows } = await orPilotResponse(() => listPilotReports(getDb(), { user, now: now() }));
  return {
    authorityName: pilot.award.authorityName,
    rows: rows.map((row) => ({
      slug: row.schedule.slug,
      title: row.schedule.title,
      quarter: row.schedule.quarter,
      months: row.schedule.months,
      due: formatDateLondon(row.schedule.due),
      remindOn: formatDateLondon(row.schedule.remindOn),
      state: { label: row.state.label, tagClass: row.state.tagClass, key: row.state.key },
      started: row.report !== null,
    })),
  };
}

export default function PilotReports() {
  const page = useLoaderData<typeof loader>();
  return (
    <>
      <BackLink href="/applicant/pilot" text="Back to your pilot" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-full">
          <span className="govuk-caption-l">{page.authorityName}</span>
          <h1 className="govuk-heading-l">Quarterly progress reports</h1>
          <p className="govuk-body">
            Each quarter&apos;s report is due ten working days after the quarter ends, as your grant offer letter sets out. We will email a reminder five working days before the due date. You can start a report once its
            quarter has begun and submit it once the quarter has ended.
          </p>
          <Table
            caption="Your reports"
            captionClasses="govuk-table__caption--m"
            head={[{ text: "Quarter" }, { text: "Due by" }, { text: "Status" }, { html: <span className="govuk-visually-hidden">Action</span> }]}
            rows={page.rows.map((row) => [
              { html: <><strong>{row.quarter}</strong><br /><span className="govuk-body-s">{row.months}</span></> },
              { text: row.due },
              { html: <strong className={row.state.tagClass}>{row.state.label}</strong> },
              {
                html:
                  row.state.key === "future" ? (
                    <span className="govuk-body-s">Opens when the quarter begins</span>
                  ) : (
                    <a className="govuk-link" href={`/applicant/pilot/reports/${row.slug}`}>
                      {row.state.key === "queried" ? "Answer the query" : ["submitted", "accepted"].includes(row.state.key) ? "View" : row.started ? "Continue" : "Start"}
                      <span className="govuk-visually-hidden"> the report for {row.quarter}</span>
                    </a>
                  ),
              },
            ])}
          />
        </div>
      </div>
    </>
  );
}
