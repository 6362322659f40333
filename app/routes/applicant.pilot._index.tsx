import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { SummaryList } from "~/components/govuk";
import { getDb } from "~/data/db.server";
import { formatDateLondon } from "~/domain/calendar";
import { formatMoney } from "~/domain/money";
import { orPilotResponse, pilotForOfficer } from "~/services/pilots.server";
import { pageTitle } from "~/utils/page";

// Stage 4: the pilot's home, reached only through the officer's own authority.

export const meta: MetaFunction = () => pageTitle("Your pilot");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: "applicant" });
  const pilot = await orPilotResponse(() => pilotForOfficer(getDb(), user));
  return {
    authorityName: pilot.award.authorityName,
    grantId: pilot.letter.grantId,
    amount: formatMoney(pilot.award.amountPence),
    runs: `${formatDateLondon(pilot.programme.startBy)} to ${formatDateLondon(pilot.programme.endsOn)}`,
    cseFocus: pilot.focusArea === "cse",
  };
}

export default function PilotHome() {
  const { authorityName, grantId, amount, runs, cseFocus } = useLoaderData<typeof loader>();
  const parts = [
    { href: "/applicant/pilot/outputs", title: "Outputs A to F", text: "Record progress on each output, with evidence, events, network members, impact figures, Toolkit change proposals and data returns." },
    { href: "/applicant/pilot/reports", title: "Quarterly progress reports", text: "Write and submit each quarter's report, and answer any query from the programme team." },
    { href: "/applicant/pilot/claims", title: "Grant claims", text: "Claim the grant against what the pilot has spent." },
    { href: "/applicant/pilot/health-check", title: "Customer service health check visit", text: "See the visit's findings and agreed report." },
    ...(cseFocus ? [{ href: "/applicant/pilot/cse", title: "Customer Service Excellence evidence", text: "Map the pilot's evidence to the 57 elements of the Customer Service Excellence standard." }] : []),
  ];
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <span className="govuk-caption-l">{authorityName}</span>
        <h1 className="govuk-heading-l">Your pilot</h1>
        <SummaryList
          rows={[
            { key: { text: "Grant" }, value: { text: `${amount} (${grantId})` } },
            { key: { text: "Pilot runs" }, value: { text: runs } },
          ]}
        />
        {parts.map((part) => (
          <div key={part.href}>
            <h2 className="govuk-heading-m">
              <a className="govuk-link" href={part.href}>
                {part.title}
              </a>
            </h2>
            <p className="govuk-body">{part.text}</p>
          </div>
        ))}
      </div>
    </div>
  );
}
