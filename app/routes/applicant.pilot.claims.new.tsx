import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { readForm, requireUser } from "~/auth/session.server";
import { now } from "~/clock.server";
import { ServiceForm } from "~/components/forms";
import { BackLink, Button, DateInput, ErrorSummary, FileUpload, Input, Textarea } from "~/components/govuk";
import { getDb } from "~/data/db.server";
import { formatDateLondon } from "~/domain/calendar";
import type { ClaimForm } from "~/domain/monitoring/claims";
import { formatMoney } from "~/domain/money";
import { listPilotClaims, makeClaim } from "~/services/pilot-claims.server";
import { orPilotResponse, pilotForOfficer } from "~/services/pilots.server";
import { evidenceUploadHandler, fileFromForm, prepareUpload } from "~/services/uploads.server";
import { formErrors, pageTitle } from "~/utils/page";

// R-62 Make a claim: the amount (no more than what is left of the grant), the period it covers
// (inside the programme), what the spend was and its evidence, and optionally an evidence file.

export const meta: MetaFunction = () => pageTitle("Make a claim");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: "applicant" });
  const { pilot, totals, rules } = await orPilotResponse(() => listPilotClaims(getDb(), { user, now: now() }));
  return { authorityName: pilot.award.authorityName, remaining: formatMoney(totals.remainingPence, { pence: totals.remainingPence % 100 !== 0 }), from: formatDateLondon(rules.from), to: formatDateLondon(rules.to) };
}

const FIELD_HREF: Record<string, string> = { periodStart: "periodStart-day", periodEnd: "periodEnd-day" };

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, { role: "applicant" });
  await orPilotResponse(() => pilotForOfficer(getDb(), user)); // R-20 refused before the body (and any file) is read
  const form = await readForm(request, { uploadHandler: evidenceUploadHandler });
  const text = (name: string) => String(form.get(name) ?? "");
  const values: ClaimForm = {
    amount: text("amount"),
    startDay: text("periodStart-day"),
    startMonth: text("periodStart-month"),
    startYear: text("periodStart-year"),
    endDay: text("periodEnd-day"),
    endMonth: text("periodEnd-month"),
    endYear: text("periodEnd-year"),
    evidence: text("evidence"),
  };
  const file = await fileFromForm(form, "evidenceFile");
  const prepared = file ? prepareUpload(file, "evidence file") : null;
  if (prepared && !prepared.ok) {
    // The file is refused before anything else is checked or written; the answers stay on the page.
    return data({ values, errors: formErrors([["evidenceFile", prepared.error]]) }, { status: 400 });
  }
  const result = await orPilotResponse(() => makeClaim(getDb(), { user, form: values, now: now(), upload: prepared?.ok ? prepared.upload : null }));
  if (!result.ok) {
    const errors = formErrors(result.errors);
    return data({ values, errors: { ...errors, errorList: errors.errorList.map((e) => ({ ...e, href: `#${FIELD_HREF[e.href.slice(1)] ?? e.href.slice(1)}` })) } }, { status: 400 });
  }
  return redirect("/applicant/pilot/claims?claimed=1");
}

export default function NewClaim() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const values = actionData?.values;
  const fields = actionData?.errors.fields ?? {};
  return (
    <>
      <BackLink href="/applicant/pilot/claims" text="Back to grant claims" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {actionData?.errors.errorList.length ? <ErrorSummary titleText="There is a problem" errorList={actionData.errors.errorList} /> : null}
          <span className="govuk-caption-l">{page.authorityName}</span>
          <h1 className="govuk-heading-l">Make a claim</h1>
          <p className="govuk-body">You can claim up to {page.remaining}: what is left of the grant after the claims approved and those waiting for a decision.</p>
          <ServiceForm encType="multipart/form-data">
            <Input id="amount" name="amount" classes="govuk-input--width-10" prefix={{ text: "£" }} label={{ text: "Amount claimed", classes: "govuk-label--s" }} hint={{ text: "For example, 12,345.50" }} inputmode="decimal" spellcheck={false} value={(values?.amount ?? "").replace(/^\s*£\s*/, "")} errorMessage={fields.amount ? { text: fields.amount } : undefined} />
            <DateInput
              id="periodStart"
              namePrefix="periodStart"
              fieldset={{ legend: { text: "Start of the period the claim covers", classes: "govuk-fieldset__legend--s" } }}
              hint={{ text: `On or after ${page.from}. For example, 1 10 2009` }}
              errorMessage={fields.periodStart ? { text: fields.periodStart } : undefined}
              values={{ "periodStart-day": values?.startDay ?? "", "periodStart-month": values?.startMonth ?? "", "periodStart-year": values?.startYear ?? "" }}
            />
            <DateInput
              id="periodEnd"
              namePrefix="periodEnd"
              fieldset={{ legend: { text: "End of the period the claim covers", classes: "govuk-fieldset__legend--s" } }}
              hint={{ text: `Today or earlier, and on or before ${page.to}. For example, 31 10 2009` }}
              errorMessage={fields.periodEnd ? { text: fields.periodEnd } : undefined}
              values={{ "periodEnd-day": values?.endDay ?? "", "periodEnd-month": values?.endMonth ?? "", "periodEnd-year": values?.endYear ?? "" }}
            />
            <Textarea id="evidence" name="evidence" rows={6} label={{ text: "What the pilot spent, and the evidence", classes: "govuk-label--s" }} hint={{ text: "The costs this claim is for (staff time, events, partners’ invoices) and the evidence you hold, such as invoice numbers and timesheets" }} value={values?.evidence ?? ""} errorMessage={fields.evidence ? { text: fields.evidence } : undefined} />
            <FileUpload id="evidenceFile" name="evidenceFile" label={{ text: "Evidence file (optional)", classes: "govuk-label--s" }} hint={{ text: "A PDF, Word, Excel, OpenDocument, CSV, PNG or JPEG file, up to 10MB. If there was an error, choose the file again." }} errorMessage={fields.evidenceFile ? { text: fields.evidenceFile } : undefined} />
            <Button text="Send the claim" />
          </ServiceForm>
        </div>
      </div>
    </>
  );
}
