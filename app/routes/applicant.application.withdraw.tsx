import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { readForm } from "~/auth/session.server";
import { now } from "~/clock.server";
import { ServiceForm } from "~/components/forms";
import { BackLink, Button, ErrorSummary, Textarea, WarningText } from "~/components/govuk";
import { getDb } from "~/data/db.server";
import { withdrawApplication } from "~/services/application.server";
import { APPLICATION_HOME } from "~/domain/application/paths";
import { pageTitle } from "~/utils/page";
import { orNotFound, requireInvitedApplicant } from "./applicant.application._shared/guard.server";

export const meta: MetaFunction = () => pageTitle("Withdraw your detailed application");

export async function loader({ request }: LoaderFunctionArgs) {
  const { context } = await requireInvitedApplicant(request);
  if (!context.application || !["draft", "submitted", "changes-requested"].includes(context.application.status)) throw redirect(APPLICATION_HOME);
  return { authorityName: context.authority.name };
}

/** R-52 The authority withdraws its detailed application, with a reason (audited). */
export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const { user } = await requireInvitedApplicant(request);
  const reason = String(form.get("reason") ?? "").trim();
  if (!reason) return data({ errors: [{ text: "Enter why you are withdrawing the detailed application", href: "#reason" }], reason }, { status: 400 });
  if (reason.length > 2000) return data({ errors: [{ text: "Reason must be 2,000 characters or fewer", href: "#reason" }], reason }, { status: 400 });
  const result = await orNotFound(() => withdrawApplication(getDb(), { user, reason, now: now() }));
  if (!result.ok) return data({ errors: [{ text: result.error, href: "#reason" }], reason }, { status: 400 });
  return redirect(APPLICATION_HOME);
}

export default function WithdrawApplication() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <BackLink href={APPLICATION_HOME} text="Back" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {actionData?.errors ? <ErrorSummary titleText="There is a problem" errorList={actionData.errors} /> : null}
          <span className="govuk-caption-l">{page.authorityName}</span>
          <h1 className="govuk-heading-l">Withdraw your detailed application</h1>
          <WarningText text="A withdrawn application cannot be approved, and the pilot for your region will be chosen from the reserve." />
          <ServiceForm>
            <Textarea id="reason" name="reason" label={{ text: "Why are you withdrawing it?", classes: "govuk-label--s" }} value={actionData?.reason ?? ""} errorMessage={actionData?.errors ? { text: actionData.errors[0].text } : undefined} />
            <Button text="Withdraw the detailed application" classes="govuk-button--warning" />
          </ServiceForm>
        </div>
      </div>
    </>
  );
}
