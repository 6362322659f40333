import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { readForm, requireUser } from "~/auth/session.server";
import { now } from "~/clock.server";
import { ServiceForm } from "~/components/forms";
import { BackLink, Button, ErrorSummary, Input, Radios, Textarea } from "~/components/govuk";
import { getDb } from "~/data/db.server";
import { isDecision } from "~/domain/application/award";
import { formatMoney, formatMoneyForInput, parseMoney } from "~/domain/money";
import { ApplicationMissingError, ApplicationRuleError, decideWithoutAward, loadApplicationForManager } from "~/services/application-review.server";
import { approveApplication, AwardRuleError } from "~/services/award.server";
import { wakeOutbox } from "~/services/mail.server";
import { pageTitle } from "~/utils/page";

export const meta: MetaFunction = () => pageTitle("Decide on the detailed application");

async function load(request: Request, id: string | undefined) {
  const actor = await requireUser(request, { role: "programme_manager" });
  if (!/^\d+$/.test(id ?? "")) throw new Response("Not found", { status: 404 });
  try {
    return { actor, loaded: await loadApplicationForManager(getDb(), { actor, applicationId: Number(id) }) };
  } catch (error) {
    if (error instanceof ApplicationMissingError) throw new Response("Not found", { status: 404 });
    throw error;
  }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { loaded } = await load(request, params.id);
  const { application, authority, shown, round } = loaded;
  if (application.status !== "submitted" || !shown) throw redirect(`/manage/applications/${application.id}`);
  const maximum = Math.min(shown.clgRequestPence, round.maxAwardPence);
  return {
    id: application.id,
    authorityName: authority.name,
    version: shown.number,
    clgRequest: formatMoney(shown.clgRequestPence),
    maximum: formatMoney(maximum),
    values: { decision: "", amount: formatMoneyForInput(maximum), comments: "" },
  };
}

type Values = { decision: string; amount: string; comments: string };

/** R-52 Approve (making the grant award), ask for changes, or decline: one submitted version at a time. */
export async function action({ request, params }: ActionFunctionArgs) {
  const form = await readForm(request);
  const { actor, loaded } = await load(request, params.id);
  const values: Values = { decision: String(form.get("decision") ?? ""), amount: String(form.get("amount") ?? ""), comments: String(form.get("comments") ?? "") };
  const fail = (errors: Array<[string, string]>) => data({ values, errors: errors.map(([field, text]) => ({ text, href: `#${field}` })), fields: Object.fromEntries([...errors].reverse().map(([f, t]) => [f, t])) }, { status: 400 });
  if (!isDecision(values.decision)) return fail([["decision", "Select whether to approve the application, ask for changes or decline it"]]);
  const baseUrl = new URL(request.url).origin;
  try {
    if (values.decision === "approve") {
      const amount = parseMoney(values.amount, { subject: "grant amount" });
      if (!amount.ok) return fail([["amount", amount.error]]);
      await approveApplication(getDb(), { actor, applicationId: loaded.application.id, amountPence: amount.pence, comments: values.comments, baseUrl, now: now() });
    } else {
      await decideWithoutAward(getDb(), { actor, applicationId: loaded.application.id, decision: values.decision, comments: values.comments, baseUrl, now: now() });
    }
  } catch (error) {
    if (error instanceof AwardRuleError) return fail(error.problems.map((p) => ["amount", p]));
    if (error instanceof ApplicationRuleError) return fail([[error.field === "decision" ? "decision" : error.field, error.message]]);
    throw error;
  }
  wakeOutbox();
  return redirect(`/manage/applications/${loaded.application.id}`);
}

export default function Decide() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const values = actionData?.values ?? page.values;
  const fields: Record<string, string> = actionData?.fields ?? {};
  return (
    <>
      <BackLink href={`/manage/applications/${page.id}`} text="Back" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {actionData?.errors ? <ErrorSummary titleText="There is a problem" errorList={actionData.errors} /> : null}
          <span className="govuk-caption-l">
            {page.authorityName} – version {page.version}
          </span>
          <ServiceForm>
            <Radios
              idPrefix="decision"
              name="decision"
              fieldset={{ legend: { text: "What is your decision on this detailed application?", isPageHeading: true, classes: "govuk-fieldset__legend--l" } }}
              errorMessage={fields.decision ? { text: fields.decision } : undefined}
              items={[
                { value: "approve", text: "Approve it and award the grant", hint: { text: "The grant offer letter is emailed to the authority with its PDF." }, checked: values.decision === "approve" },
                { value: "request-changes", text: "Ask the authority for changes", hint: { text: "The authority edits the application and resubmits it as the next version." }, checked: values.decision === "request-changes" },
                { value: "decline", text: "Decline it", checked: values.decision === "decline" },
              ]}
            />
            <Input
              id="amount"
              name="amount"
              label={{ text: "Grant amount", classes: "govuk-label--s" }}
              hint={{ text: `Answer this if you selected ‘Approve it and award the grant’. At most ${page.maximum}: the lesser of £100,000 and the ${page.clgRequest} the application asks of CLG.` }}
              prefix={{ text: "£" }}
              classes="govuk-input--width-10"
              spellcheck={false}
              value={values.amount}
              errorMessage={fields.amount ? { text: fields.amount } : undefined}
            />
            <Textarea
              id="comments"
              name="comments"
              label={{ text: "Comments for the authority", classes: "govuk-label--s" }}
              hint={{ text: "Needed when you ask for changes (say what to change) or decline (say why). They are emailed to the authority." }}
              value={values.comments}
              errorMessage={fields.comments ? { text: fields.comments } : undefined}
            />
            <Button text="Confirm decision" />
          </ServiceForm>
        </div>
      </div>
    </>
  );
}
