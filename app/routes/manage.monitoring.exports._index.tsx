import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { ExportLinks } from "~/components/ExportLinks";
import { BackLink, Table } from "~/components/govuk";
import { MONITORING_EXPORTS } from "~/services/monitoring-exports.server";
import { pageTitle } from "~/utils/page";

export const meta: MetaFunction = () => pageTitle("Download monitoring data");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { role: "programme_manager" });
  // The list comes from the server module (a component may not import it: it would reach the browser).
  return { exports: Object.entries(MONITORING_EXPORTS).map(([file, e]) => ({ file, title: e.title, what: e.what })) };
}

/** R-72 Stage 4's exports for staff, as CSV and as Excel workbooks. */
export default function MonitoringExports() {
  const { exports: EXPORTS } = useLoaderData<typeof loader>();
  return (
    <>
      <BackLink href="/manage/monitoring" text="Back to pilot monitoring" />
      <span className="govuk-caption-l">Pilot monitoring</span>
      <h1 className="govuk-heading-l">Download monitoring data</h1>
      <p className="govuk-body">Times are UK time. CSV files open in any spreadsheet program; the Excel workbooks keep money, numbers, dates and times as such.</p>
      <Table
        caption="Downloads"
        captionClasses="govuk-visually-hidden"
        firstCellIsHeader
        head={[{ text: "Data" }, { text: "What it holds" }, { text: "Download" }]}
        rows={EXPORTS.map((e) => [
          { text: e.title },
          { text: e.what },
          {
            html: <ExportLinks base="/manage/monitoring/exports" file={e.file} title={e.title} />,
          },
        ])}
      />
    </>
  );
}
