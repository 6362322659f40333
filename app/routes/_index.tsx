import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ROLE_HOME } from "~/auth/roles";
import { getUser } from "~/auth/session.server";
import { Button, InsetText } from "~/components/govuk";
import { getDb } from "~/data/db.server";
import { currentRound } from "~/data/rounds.server";
import { formatDateLondon, formatDateTimeLondon } from "~/domain/calendar";
import { pageTitle } from "~/utils/page";

export const meta: MetaFunction = () => pageTitle("Apply to be a Practitioners' Toolkit pilot");

export async function loader({ request }: LoaderFunctionArgs) {
  const [user, round] = await Promise.all([getUser(request), currentRound(getDb())]);
  return {
    startHref: user ? ROLE_HOME[user.role] : "/sign-in",
    closes: round ? formatDateTimeLondon(new Date(round.eoiClosesAt)) : null,
    requestsBy: round ? formatDateLondon(round.requestsBy) : null,
  };
}

/** The GOV.UK start page of the service. */
export default function StartPage() {
  const { startHref, closes, requestsBy } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-xl">Apply to be a Practitioners' Toolkit pilot</h1>
        <p className="govuk-body">
          Communities and Local Government (CLG) has committed £900,000 to test and develop the Practitioners' Toolkit from the review{" "}
          <i>Getting it right, and righting the wrongs</i>. Nine pilot areas, one in each English region, will receive up to £100,000 each.
        </p>
        <p className="govuk-body">Use this service to:</p>
        <ul className="govuk-list govuk-list--bullet">
          <li>send your authority's expression of interest, with its cost breakdown and supporting statements</li>
          <li>send a detailed application if your area is selected</li>
          <li>report on your pilot's outputs if you receive a grant</li>
        </ul>
        <p className="govuk-body">
          A local authority, or a partnership of local authorities with other delivery partners, can apply. One local authority must lead the bid: it receives the funding and is
          responsible for the outcomes.
        </p>
        {closes ? (
          <InsetText>
            Expressions of interest must be sent by {closes}. Areas selected will be asked for a detailed application by {requestsBy}.
          </InsetText>
        ) : null}
        <Button text="Start now" href={startHref} isStartButton />
        <h2 className="govuk-heading-m">Before you start</h2>
        <p className="govuk-body">You need an account for your authority. If you do not have one, ask the CLG programme team.</p>
        <p className="govuk-body">There is no appeals process for areas not selected.</p>
      </div>
    </div>
  );
}
