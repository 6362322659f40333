import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { BackLink, Table } from "~/components/govuk";
import { getDb } from "~/data/db.server";
import { formatDateTimeLondon } from "~/domain/calendar";
import { CLAIM_STATUS_TAG } from "~/domain/monitoring/claims";
import { formatMoney } from "~/domain/money";
import { listClaimsForManager, periodText } from "~/services/pilot-claims.server";
import { orPilotResponse } from "~/services/pilots.server";
import { pageTitle } from "~/utils/page";

// R-62 Every pilot's grant claims for the programme team: waiting ones first; each pilot's award,
// approved, waiting and left.

export const meta: MetaFunction = () => pageTitle("Grant claims");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireUser(request, { role: "programme_manager" });
  const { rows, totals } = await orPilotResponse(() => listClaimsForManager(getDb(), { actor }));
  return {
    waiting: rows.filter((row) => row.claim.status === "submitted").length,
    claims: rows.map(({ claim, award }) => ({ id: claim.id, authorityName: award.authorityName, region: award.region, amount: formatMoney(claim.amountPence, { pence: true }), period: periodText(claim), submitted: formatDateTimeLondon(new Date(claim.submittedAt)), status: CLAIM_STATUS_TAG[claim.status] })),
    pilots: totals.map(({ award, totals: t }) => ({ id: award.id, authorityName: award.authorityName, region: award.region, award: formatMoney(t.awardPence), approved: formatMoney(t.approvedPence), pending: formatMoney(t.pendingPence), remaining: formatMoney(t.remainingPence) })),
  };
}

export default function ManageClaims() {
  const page = useLoaderData<typeof loader>();
  return (
    <>
      <BackLink href="/manage/monitoring" text="Back to monitoring" />
      <span className="govuk-caption-l">Monitoring</span>
      <h1 className="govuk-heading-l">Grant claims</h1>
      <p className="govuk-body">{page.waiting === 1 ? "1 claim is waiting for your decision." : `${page.waiting} claims are waiting for your decision.`}</p>
      <Table
        caption="Claims, waiting ones first"
        captionClasses="govuk-table__caption--m"
        head={[{ text: "Pilot" }, { text: "Period" }, { text: "Amount", format: "numeric" }, { text: "Made" }, { text: "Status" }, { html: <span className="govuk-visually-hidden">Action</span> }]}
        rows={
          page.claims.length
            ? page.claims.map((claim) => [
                { html: <>{claim.authorityName}<br /><span className="govuk-body-s">{claim.region}</span></> },
                { text: claim.period },
                { text: claim.amount, format: "numeric" },
                { text: claim.submitted },
                { html: <strong className={claim.status.tagClass}>{claim.status.label}</strong> },
                { html: <a className="govuk-link" href={`/manage/monitoring/claims/${claim.id}`}>{claim.status.label === "Waiting for a decision" ? "Decide" : "View"}<span className="govuk-visually-hidden"> the claim of {claim.authorityName}, {claim.amount}</span></a> },
              ])
            : [[{ text: "No pilot has made a claim yet.", colspan: 6 }]]
        }
      />
      <Table
        caption="Each pilot's grant"
        captionClasses="govuk-table__caption--m"
        head={[{ text: "Pilot" }, { text: "Grant", format: "numeric" }, { text: "Approved", format: "numeric" }, { text: "Waiting", format: "numeric" }, { text: "Left to claim", format: "numeric" }]}
        rows={page.pilots.map((p) => [{ html: <>{p.authorityName}<br /><span className="govuk-body-s">{p.region}</span></> }, { text: p.award, format: "numeric" }, { text: p.approved, format: "numeric" }, { text: p.pending, format: "numeric" }, { text: p.remaining, format: "numeric" }])}
      />
    </>
  );
}
