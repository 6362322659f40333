import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { readForm, requireUser } from "~/auth/session.server";
import { now } from "~/clock.server";
import { ServiceForm } from "~/components/forms";
import { BackLink, Button, ErrorSummary, Textarea, WarningText } from "~/components/govuk";
import { getDb } from "~/data/db.server";
import { applicantContext, withdrawEoi } from "~/services/eoi.server";
import { wakeOutbox } from "~/services/mail.server";
import { pageTitle } from "~/utils/page";

export const meta: MetaFunction = () => pageTitle("Withdraw your expression of interest");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: "applicant" });
  const { eoi } = await applicantContext(getDb(), user);
  if (!eoi || eoi.status !== "submitted") throw redirect("/applicant/eoi");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const user = await requireUser(request, { role: "applicant" });
  const reason = String(form.get("reason") ?? "").trim();
  if (!reason) return data({ errors: [{ text: "Enter why you are withdrawing the expression of interest", href: "#reason" }], reason }, { status: 400 });
  if (reason.length > 2000) return data({ errors: [{ text: "Reason must be 2,000 characters or fewer", href: "#reason" }], reason }, { status: 400 });
  const result = await withdrawEoi(getDb(), { user, reason, now: now() });
  if (!result.ok) return data({ errors: [{ text: result.error, href: "#reason" }], reason }, { status: 400 });
  wakeOutbox();
  return redirect("/applicant/eoi");
}

/** R-35 Withdrawing before the deadline, with a reason (audited). */
export default function Withdraw() {
  const actionData = useActionData<typeof action>();
  return (
    <>
      <BackLink href="/applicant/eoi" text="Back" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {actionData?.errors ? <ErrorSummary titleText="There is a problem" errorList={actionData.errors} /> : null}
          <h1 className="govuk-heading-l">Withdraw your expression of interest</h1>
          <WarningText text="Your authority will not be considered for the pilot programme. You cannot submit another expression of interest in this round." />
          <ServiceForm>
            <Textarea id="reason" name="reason" label={{ text: "Why are you withdrawing it?", classes: "govuk-label--s" }} value={actionData?.reason ?? ""} errorMessage={actionData?.errors ? { text: actionData.errors[0].text } : undefined} />
            <Button text="Withdraw expression of interest" classes="govuk-button--warning" />
          </ServiceForm>
        </div>
      </div>
    </>
  );
}
