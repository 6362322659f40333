import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { SummaryList, Table, Tag } from "~/components/govuk";
import { getDb } from "~/data/db.server";
import { formatDateLondon } from "~/domain/calendar";
import { formatMoney } from "~/domain/money";
import { loadAwardsOverview } from "~/services/award.server";
import { pageTitle } from "~/utils/page";

export const meta: MetaFunction = () => pageTitle("Grant awards");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireUser(request, { role: "programme_manager" });
  const overview = await loadAwardsOverview(getDb(), { actor });
  if (!overview) return { round: null, awards: [], totals: null };
  return {
    round: { name: overview.round.name },
    totals: { awarded: formatMoney(overview.totalPence), fund: formatMoney(overview.round.totalFundPence), left: formatMoney(overview.round.totalFundPence - overview.totalPence), accepted: overview.awards.filter((a) => a.status === "accepted").length },
    awards: overview.awards.map((a) => ({ id: a.id, region: a.region, authorityName: a.authorityName, amount: formatMoney(a.amountPence), awardedOn: formatDateLondon(new Date(a.awardedAt)), status: a.status, acceptedBy: a.acceptingOfficerName })),
  };
}

/** R-52 R-53 R-54 The round's grant awards against its fund, their offers, and the 360Giving data. */
export default function ManageAwards() {
  const { round, awards, totals } = useLoaderData<typeof loader>();
  return (
    <>
      {round ? <span className="govuk-caption-l">{round.name}</span> : null}
      <h1 className="govuk-heading-l">Grant awards</h1>
      {totals ? (
        <SummaryList
          rows={[
            { key: { text: "Awarded" }, value: { text: `${totals.awarded} of ${totals.fund}` } },
            { key: { text: "Left to award" }, value: { text: totals.left } },
            { key: { text: "Offers accepted" }, value: { text: `${totals.accepted} of ${awards.length}` } },
          ]}
        />
      ) : null}
      {awards.length ? (
        <Table
          caption="Grant awards"
          captionClasses="govuk-table__caption--m"
          firstCellIsHeader
          head={[{ text: "Region" }, { text: "Lead authority" }, { text: "Awarded" }, { text: "Offer" }, { text: "Grant", format: "numeric" }]}
          rows={awards.map((a) => [
            { text: a.region },
            { html: <Link className="govuk-link" to={`/manage/awards/${a.id}`}>{a.authorityName}</Link> },
            { text: a.awardedOn },
            { html: a.status === "accepted" ? <Tag text="Accepted" classes="govuk-tag--green" /> : <Tag text="Waiting for acceptance" classes="govuk-tag--yellow" /> },
            { text: a.amount, format: "numeric" },
          ])}
        />
      ) : (
        <p className="govuk-body">No grants have been awarded yet. Approving a detailed application awards its grant.</p>
      )}
      <h2 className="govuk-heading-m">360Giving open data</h2>
      <p className="govuk-body">The awards are published in the 360Giving Data Standard at public addresses anyone can use:</p>
      <ul className="govuk-list">
        <li>
          <a className="govuk-link" href="/data/360giving.json">/data/360giving.json</a> (<a className="govuk-link" href="/data/360giving.json?download=1" download>download the JSON</a>)
        </li>
        <li>
          <a className="govuk-link" href="/data/360giving.csv">/data/360giving.csv</a> (<a className="govuk-link" href="/data/360giving.csv?download=1" download>download the CSV</a>)
        </li>
      </ul>
      <p className="govuk-body">
        <Link className="govuk-link" to="/manage/applications">
          Detailed applications
        </Link>
      </p>
    </>
  );
}
