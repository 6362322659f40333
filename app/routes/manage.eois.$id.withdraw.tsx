import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { readForm, requireUser } from "~/auth/session.server";
import { now } from "~/clock.server";
import { ServiceForm } from "~/components/forms";
import { BackLink, Button, ErrorSummary, Textarea, WarningText } from "~/components/govuk";
import { getDb } from "~/data/db.server";
import { eoiForManager, withdrawOnRequest } from "~/services/eoi-admin.server";
import { wakeOutbox } from "~/services/mail.server";
import { pageTitle } from "~/utils/page";

export const meta: MetaFunction = () => pageTitle("Withdraw at the authority’s request");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireUser(request, { role: "programme_manager" });
  const view = await eoiForManager(getDb(), { actor, eoiId: Number(params.id) });
  if (!view) throw new Response("Not found", { status: 404 });
  if (view.eoi.status !== "submitted") throw redirect(`/manage/eois/${view.eoi.id}`);
  return { id: view.eoi.id, authorityName: view.authority.name, reference: view.eoi.reference };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireUser(request, { role: "programme_manager" });
  const form = await readForm(request);
  const reason = String(form.get("reason") ?? "");
  const eoiId = Number(params.id);
  const result = await withdrawOnRequest(getDb(), { actor, eoiId, reason, now: now() });
  if (result.kind === "not-found") throw new Response("Not found", { status: 404 });
  if (result.kind === "not-allowed") throw redirect(`/manage/eois/${eoiId}`);
  if (result.kind === "invalid") return data({ errors: [{ text: result.error.text, href: "#reason" }], reason }, { status: 400 });
  wakeOutbox();
  return redirect(`/manage/eois/${eoiId}?updated=withdrawn`);
}

/** R-35 Withdrawing a submitted EOI when the lead authority asks, with their reason (audited; docs/decisions/0020). */
export default function WithdrawOnRequest() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const error = actionData?.errors[0];
  return (
    <>
      <BackLink href={`/manage/eois/${page.id}`} text="Back" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {error ? <ErrorSummary titleText="There is a problem" errorList={[error]} /> : null}
          <span className="govuk-caption-l">
            {page.authorityName}
            {page.reference ? ` – ${page.reference}` : ""}
          </span>
          <h1 className="govuk-heading-l">Withdraw at the authority’s request</h1>
          <p className="govuk-body">Do this only when the lead authority has asked for its expression of interest to be withdrawn. You can do it after the deadline.</p>
          <WarningText text="The authority will not be considered for the pilot programme, and it cannot submit another expression of interest in this round. The officer who submitted it will be told by email." />
          <ServiceForm>
            <Textarea
              id="reason"
              name="reason"
              label={{ text: "Why did the authority ask to withdraw it?", classes: "govuk-label--m" }}
              hint={{ text: "Say who asked and how, for example “Email from the chief executive on 20 July: the council is leading a Total Place pilot instead”." }}
              value={actionData?.reason ?? ""}
              errorMessage={error ? { text: error.text } : undefined}
            />
            <Button text="Withdraw expression of interest" classes="govuk-button--warning" />
          </ServiceForm>
        </div>
      </div>
    </>
  );
}
