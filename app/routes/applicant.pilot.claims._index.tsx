import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { now } from "~/clock.server";
import { BackLink, Button, NotificationBanner, SummaryList, Table } from "~/components/govuk";
import { getDb } from "~/data/db.server";
import { formatDateTimeLondon } from "~/domain/calendar";
import { CLAIM_STATUS_TAG } from "~/domain/monitoring/claims";
import { formatMoney } from "~/domain/money";
import { listPilotClaims, periodText } from "~/services/pilot-claims.server";
import { orPilotResponse } from "~/services/pilots.server";
import { pageTitle } from "~/utils/page";

// R-62 The pilot's grant claims: the award, what is approved, waiting and left, and each claim.

export const meta: MetaFunction = () => pageTitle("Grant claims");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: "applicant" });
  const { pilot, totals, claims } = await orPilotResponse(() => listPilotClaims(getDb(), { user, now: now() }));
  return {
    authorityName: pilot.award.authorityName,
    grantId: pilot.letter.grantId,
    award: formatMoney(totals.awardPence),
    approved: formatMoney(totals.approvedPence),
    pending: formatMoney(totals.pendingPence),
    remaining: formatMoney(totals.remainingPence),
    canClaim: totals.remainingPence > 0,
    made: new URL(request.url).searchParams.get("claimed") === "1",
    claims: [...claims].reverse().map((claim) => ({
      id: claim.id,
      amount: formatMoney(claim.amountPence, { pence: true }),
      period: periodText(claim),
      submitted: `${formatDateTimeLondon(new Date(claim.submittedAt))} by ${claim.submittedByName}`,
      status: CLAIM_STATUS_TAG[claim.status],
      reason: claim.status === "rejected" ? claim.decisionReason : null,
      file: claim.uploadName && claim.uploadId ? { name: claim.uploadName, href: `/applicant/pilot/files/${claim.uploadId}` } : null,
    })),
  };
}

export default function PilotClaims() {
  const page = useLoaderData<typeof loader>();
  return (
    <>
      <BackLink href="/applicant/pilot" text="Back to your pilot" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-full">
          {page.made ? <NotificationBanner type="success" titleText="Success" text="Your claim has been sent to the programme team. We will email you when they have decided." /> : null}
          <span className="govuk-caption-l">{page.authorityName}</span>
          <h1 className="govuk-heading-l">Grant claims</h1>
          <div className="govuk-grid-row">
            <div className="govuk-grid-column-two-thirds">
              <SummaryList
                rows={[
                  { key: { text: "Grant awarded" }, value: { text: `${page.award} (${page.grantId})` } },
                  { key: { text: "Claims approved" }, value: { text: page.approved } },
                  { key: { text: "Claims waiting for a decision" }, value: { text: page.pending } },
                  { key: { text: "Left to claim" }, value: { html: <strong>{page.remaining}</strong> } },
                ]}
              />
              <p className="govuk-body">Claim the grant against costs the pilot has incurred. Claims cannot add up to more than the grant.</p>
              {page.canClaim ? <Button text="Make a claim" href="/applicant/pilot/claims/new" /> : <p className="govuk-body">The whole grant has been claimed.</p>}
            </div>
          </div>
          <Table
            caption="Your claims, newest first"
            captionClasses="govuk-table__caption--m"
            head={[{ text: "Period" }, { text: "Amount", format: "numeric" }, { text: "Made" }, { text: "Status" }]}
            rows={
              page.claims.length
                ? page.claims.map((claim) => [
                    { html: <>{claim.period}{claim.file ? <><br /><span className="govuk-body-s">Evidence: <a className="govuk-link" href={claim.file.href}>{claim.file.name}</a></span></> : null}</> },
                    { text: claim.amount, format: "numeric" },
                    { text: claim.submitted },
                    { html: <><strong className={claim.status.tagClass}>{claim.status.label}</strong>{claim.reason ? <p className="govuk-body-s govuk-!-margin-top-2 govuk-!-margin-bottom-0 app-answer">{claim.reason}</p> : null}</> },
                  ])
                : [[{ text: "You have not made a claim yet.", colspan: 4 }]]
            }
          />
        </div>
      </div>
    </>
  );
}
