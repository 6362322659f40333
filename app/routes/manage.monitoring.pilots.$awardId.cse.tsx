import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { BackLink } from "~/components/govuk";
import { getDb } from "~/data/db.server";
import { formatDateLondon } from "~/domain/calendar";
import { cseCoverageForManager } from "~/services/cse-evidence.server";
import { orPilotResponse } from "~/services/pilots.server";
import { pageTitle } from "~/utils/page";
import { CoverageDetail, CoverageSummary } from "./applicant.pilot.cse._shared/coverage";

// R-63 R-20 The CSE-focus pilot's coverage, read-only, for the programme manager (any other
// pilot: not found).

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data ? `Customer Service Excellence evidence: ${data.authorityName}` : "Customer Service Excellence evidence");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireUser(request, { role: "programme_manager" });
  if (!/^\d+$/.test(params.awardId ?? "")) throw new Response("Not found", { status: 404 });
  const { pilot, coverage, evidence } = await orPilotResponse(() => cseCoverageForManager(getDb(), { actor, awardId: Number(params.awardId) }));
  return {
    awardId: pilot.award.id,
    authorityName: pilot.award.authorityName,
    region: pilot.award.region,
    coverage,
    evidence: evidence.map((e) => ({ id: e.id, elementId: e.elementId, evidence: e.evidence, link: e.link, uploadId: e.uploadId, fileName: e.fileName, addedBy: e.createdByName, addedOn: formatDateLondon(new Date(e.createdAt)) })),
  };
}

export default function ManageCseCoverage() {
  const page = useLoaderData<typeof loader>();
  return (
    <>
      <BackLink href={`/manage/monitoring/pilots/${page.awardId}`} text={`Back to ${page.authorityName}`} />
      <span className="govuk-caption-l">
        {page.region}: {page.authorityName}
      </span>
      <h1 className="govuk-heading-l">Customer Service Excellence evidence</h1>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <p className="govuk-body">The pilot’s evidence against the 57 elements of the Customer Service Excellence standard. The pilot’s officers add and remove evidence; this page is read-only.</p>
          <CoverageSummary coverage={page.coverage} />
        </div>
      </div>
      <CoverageDetail coverage={page.coverage} evidence={page.evidence} />
    </>
  );
}
