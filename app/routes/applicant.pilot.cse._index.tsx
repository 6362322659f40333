import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { BackLink } from "~/components/govuk";
import { getDb } from "~/data/db.server";
import { formatDateLondon } from "~/domain/calendar";
import { cseCoverageForOfficer } from "~/services/cse-evidence.server";
import { orPilotResponse } from "~/services/pilots.server";
import { pageTitle } from "~/utils/page";
import { CoverageDetail, CoverageSummary } from "./applicant.pilot.cse._shared/coverage";

// R-63 R-20 The CSE-focus pilot's coverage of the Customer Service Excellence standard (any other
// pilot: not found).

export const meta: MetaFunction = () => pageTitle("Customer Service Excellence evidence");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: "applicant" });
  const { pilot, coverage, evidence } = await orPilotResponse(() => cseCoverageForOfficer(getDb(), { user }));
  return {
    authorityName: pilot.award.authorityName,
    coverage,
    evidence: evidence.map((e) => ({ id: e.id, elementId: e.elementId, evidence: e.evidence, link: e.link, uploadId: e.uploadId, fileName: e.fileName, addedBy: e.createdByName, addedOn: formatDateLondon(new Date(e.createdAt)) })),
  };
}

export default function CseCoverage() {
  const page = useLoaderData<typeof loader>();
  return (
    <>
      <BackLink href="/applicant/pilot" text="Back to your pilot" />
      <span className="govuk-caption-l">{page.authorityName}</span>
      <h1 className="govuk-heading-l">Customer Service Excellence evidence</h1>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <p className="govuk-body">
            As the pilot focusing on Customer Service Excellence, map your evidence to the standard’s 57 elements. Choose an element to add evidence to it. An element counts as covered once it has at least one piece of
            evidence.
          </p>
          <CoverageSummary coverage={page.coverage} />
        </div>
      </div>
      <CoverageDetail coverage={page.coverage} evidence={page.evidence} elementHref={(id) => `/applicant/pilot/cse/${id}`} />
    </>
  );
}
