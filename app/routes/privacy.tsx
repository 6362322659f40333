import type { MetaFunction } from "@remix-run/node";
import { pageTitle } from "~/utils/page";

export const meta: MetaFunction = () => pageTitle("Privacy notice");

export default function Privacy() {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">Privacy notice</h1>
        <p className="govuk-body">
          Communities and Local Government uses the names and work contact details of local authority officers, assessors and partners to run the Practitioners' Toolkit pilot
          programme: to receive bids, select pilots, award grants and monitor them.
        </p>
        <p className="govuk-body">Every change made in the service is recorded with who made it and when, so that decisions can be explained.</p>
      </div>
    </div>
  );
}
