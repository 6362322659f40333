import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { readForm, requireUser } from "~/auth/session.server";
import { now } from "~/clock.server";
import { ServiceForm } from "~/components/forms";
import { BackLink, Button, ErrorSummary, NotificationBanner, Radios, SummaryList, Textarea } from "~/components/govuk";
import { getDb } from "~/data/db.server";
import { formatDateTimeLondon } from "~/domain/calendar";
import { CLAIM_STATUS_TAG } from "~/domain/monitoring/claims";
import { formatMoney } from "~/domain/money";
import { wakeOutbox } from "~/services/mail.server";
import { decideClaimAsManager, loadClaimForManager, periodText } from "~/services/pilot-claims.server";
import { orPilotResponse } from "~/services/pilots.server";
import { formErrors, pageTitle } from "~/utils/page";

// R-62 One claim for the programme manager: approve it (the approved claims never pass the grant,
// checked in the approving transaction) or reject it with a reason.

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data ? `Claim by ${data.authorityName}` : "Grant claim");

const claimId = (value: string | undefined) => {
  if (!/^\d+$/.test(value ?? "")) throw new Response("Not found", { status: 404 });
  return Number(value);
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireUser(request, { role: "programme_manager" });
  const { claim, pilot, totals } = await orPilotResponse(() => loadClaimForManager(getDb(), { actor, claimId: claimId(params.claimId) }));
  return {
    id: claim.id,
    authorityName: pilot.award.authorityName,
    region: pilot.award.region,
    amount: formatMoney(claim.amountPence, { pence: true }),
    period: periodText(claim),
    evidence: claim.spendEvidence,
    file: claim.uploadName && claim.uploadId ? { name: claim.uploadName, href: `/manage/monitoring/files/${claim.uploadId}` } : null,
    submitted: `${formatDateTimeLondon(new Date(claim.submittedAt))} by ${claim.submittedByName}`,
    status: claim.status,
    tag: CLAIM_STATUS_TAG[claim.status],
    decided: claim.decidedAt ? formatDateTimeLondon(new Date(claim.decidedAt)) : null,
    reason: claim.decisionReason,
    totals: { award: formatMoney(totals.awardPence), approved: formatMoney(totals.approvedPence), pending: formatMoney(totals.pendingPence), remaining: formatMoney(totals.remainingPence) },
    justDecided: new URL(request.url).searchParams.get("decided") === "1",
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireUser(request, { role: "programme_manager" });
  const form = await readForm(request);
  const id = claimId(params.claimId);
  const values = { decision: String(form.get("decision") ?? ""), reason: String(form.get("reason") ?? "") };
  const result = await orPilotResponse(() => decideClaimAsManager(getDb(), { actor, claimId: id, ...values, now: now(), baseUrl: new URL(request.url).origin }));
  if (!result.ok) return data({ values, errors: formErrors(result.errors) }, { status: 400 });
  wakeOutbox();
  return redirect(`/manage/monitoring/claims/${id}?decided=1`);
}

export default function ManageClaim() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const fields = actionData?.errors.fields ?? {};
  const values = actionData?.values ?? { decision: "", reason: "" };
  return (
    <>
      <BackLink href="/manage/monitoring/claims" text="Back to grant claims" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {actionData?.errors.errorList.length ? <ErrorSummary titleText="There is a problem" errorList={actionData.errors.errorList} /> : null}
          {page.justDecided && !actionData ? <NotificationBanner type="success" titleText="Success" text={`The claim is ${page.status}. We have emailed the pilot.`} /> : null}
          <span className="govuk-caption-l">
            {page.authorityName}, {page.region}
          </span>
          <h1 className="govuk-heading-l">Claim of {page.amount}</h1>
          <SummaryList
            rows={[
              { key: { text: "Status" }, value: { html: <strong className={page.tag.tagClass}>{page.tag.label}</strong> } },
              { key: { text: "Period" }, value: { text: page.period } },
              { key: { text: "Made" }, value: { text: page.submitted } },
              { key: { text: "Spend and evidence" }, value: { html: <span className="app-answer">{page.evidence}</span> } },
              { key: { text: "Evidence file" }, value: page.file ? { html: <a className="govuk-link" href={page.file.href}>{page.file.name}</a> } : { text: "None" } },
              ...(page.decided ? [{ key: { text: "Decided" }, value: { text: page.decided } }] : []),
              ...(page.reason ? [{ key: { text: "Reason" }, value: { html: <span className="app-answer">{page.reason}</span> } }] : []),
            ]}
          />
          <h2 className="govuk-heading-m">The pilot&apos;s grant</h2>
          <SummaryList
            rows={[
              { key: { text: "Grant" }, value: { text: page.totals.award } },
              { key: { text: "Claims approved" }, value: { text: page.totals.approved } },
              { key: { text: "Claims waiting (including this one, if it is waiting)" }, value: { text: page.totals.pending } },
              { key: { text: "Left to claim" }, value: { text: page.totals.remaining } },
            ]}
          />
          {page.status === "submitted" ? (
            <ServiceForm>
              <Radios
                name="decision"
                idPrefix="decision"
                fieldset={{ legend: { text: "Your decision", classes: "govuk-fieldset__legend--m" } }}
                errorMessage={fields.decision ? { text: fields.decision } : undefined}
                items={[
                  { value: "approve", text: "Approve the claim", checked: values.decision === "approve" },
                  { value: "reject", text: "Reject the claim", hint: { text: "Give the reason below" }, checked: values.decision === "reject" },
                ]}
              />
              <Textarea id="reason" name="reason" rows={4} label={{ text: "Reason, or comments for the pilot", classes: "govuk-label--s" }} hint={{ text: "Needed to reject the claim; optional when you approve it" }} value={values.reason} errorMessage={fields.reason ? { text: fields.reason } : undefined} />
              <Button text="Confirm decision" />
            </ServiceForm>
          ) : null}
        </div>
      </div>
    </>
  );
}
