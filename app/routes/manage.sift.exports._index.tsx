import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { ExportLinks } from "~/components/ExportLinks";
import { BackLink, Table } from "~/components/govuk";
import { getDb } from "~/data/db.server";
import { listSelections } from "~/data/sift.server";
import { orHttpError } from "~/services/sift-errors.server";
import { siftRound } from "~/services/sift-overview.server";
import { pageTitle } from "~/utils/page";

export const meta: MetaFunction = () => pageTitle("Download the sift");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { role: "programme_manager" });
  return orHttpError(async () => {
    const round = await siftRound(getDb());
    return { hasSelection: (await listSelections(getDb(), round.id)).length > 0 };
  });
}

const EXPORTS = [
  {
    file: "eois-with-scores",
    title: "Expressions of interest with scores",
    what: "One row per bid in the sift: every question in its own column, each assessor's score and justification for each criterion, moderation and the final score.",
  },
  { file: "assignments", title: "Assignments", what: "One row per assignment, including assessors taken off a bid, with how and when they were assigned and how far they have got." },
  { file: "selection", title: "Selection", what: "The confirmed shortlist, or the latest saved selection: the pilot for each region, why, the points given up and the reserves." },
];

/** R-72 The sift's exports for staff, as CSV and as Excel workbooks. */
export default function Exports() {
  const { hasSelection } = useLoaderData<typeof loader>();
  return (
    <>
      <BackLink href="/manage/sift" text="Back to the sift" />
      <span className="govuk-caption-l">Sift</span>
      <h1 className="govuk-heading-l">Download the sift</h1>
      <p className="govuk-body">Times are UK time. CSV files open in any spreadsheet program; the Excel workbooks keep money, numbers and times as such.</p>
      <Table
        caption="Downloads"
        captionClasses="govuk-visually-hidden"
        firstCellIsHeader
        head={[{ text: "Data" }, { text: "What it holds" }, { text: "Download" }]}
        rows={EXPORTS.map((e) => [
          { text: e.title },
          { text: e.file === "selection" && !hasSelection ? `${e.what} No selection has been saved yet.` : e.what },
          {
            html:
              e.file === "selection" && !hasSelection ? (
                "Not yet"
              ) : (
                <ExportLinks base="/manage/sift/exports" file={e.file} title={e.title} />
              ),
          },
        ])}
      />
    </>
  );
}
