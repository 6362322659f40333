import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { pageTitle } from "~/utils/page";

export const meta: MetaFunction = () => pageTitle("Your assessments");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: "assessor" });
  return { userName: user.name };
}

/** The assessor's home: the bids assigned to them will be listed here. */
export default function AssessorHome() {
  const { userName } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">Your assessments</h1>
        <p className="govuk-body">Welcome, {userName}.</p>
        <p className="govuk-body">No expressions of interest have been assigned to you yet. The programme manager assigns each one to two assessors after the closing date.</p>
      </div>
    </div>
  );
}
