import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { readForm, requireUser } from "~/auth/session.server";
import { now } from "~/clock.server";
import { ServiceForm } from "~/components/forms";
import { BackLink, Button, DateInput, ErrorSummary } from "~/components/govuk";
import { getDb } from "~/data/db.server";
import { londonDate, parseIsoDate } from "~/domain/calendar";
import { dateInputValues, eoiForManager, recordHardCopyReceipt, type DateInputValues, type DatePart } from "~/services/eoi-admin.server";
import { pageTitle } from "~/utils/page";

export const meta: MetaFunction = () => pageTitle("When did the hard copy arrive?");

const FIELD = "receivedDate";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireUser(request, { role: "programme_manager" });
  const view = await eoiForManager(getDb(), { actor, eoiId: Number(params.id) });
  if (!view) throw new Response("Not found", { status: 404 });
  if (view.eoi.status === "draft") throw redirect(`/manage/eois/${view.eoi.id}`);
  const today = parseIsoDate(londonDate(now()))!;
  return {
    id: view.eoi.id,
    authorityName: view.authority.name,
    reference: view.eoi.reference,
    values: dateInputValues(view.eoi.hardCopyReceivedAt),
    example: `${today.day} ${today.month} ${today.year}`,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireUser(request, { role: "programme_manager" });
  const form = await readForm(request);
  const values: DateInputValues = { day: String(form.get(`${FIELD}-day`) ?? ""), month: String(form.get(`${FIELD}-month`) ?? ""), year: String(form.get(`${FIELD}-year`) ?? "") };
  const eoiId = Number(params.id);
  const result = await recordHardCopyReceipt(getDb(), { actor, eoiId, values, now: now() });
  if (result.kind === "not-found") throw new Response("Not found", { status: 404 });
  if (result.kind === "not-allowed") throw redirect(`/manage/eois/${eoiId}`);
  if (result.kind === "invalid") {
    const parts: DatePart[] = "parts" in result.error ? result.error.parts : ["day"];
    return data({ errors: [{ text: result.error.text, href: `#${FIELD}-${parts[0]}`, parts }], values }, { status: 400 });
  }
  return redirect(`/manage/eois/${eoiId}?updated=hard-copy`);
}

/** R-9 The programme team records the day the hard copy arrived (audited). */
export default function RecordHardCopy() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const values = actionData?.values ?? page.values;
  const error = actionData?.errors[0];
  const item = (part: DatePart, width: number) => ({ name: part, value: values[part], classes: `govuk-input--width-${width}`, error: Boolean(error?.parts.includes(part)) });
  return (
    <>
      <BackLink href={`/manage/eois/${page.id}`} text="Back" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {error ? <ErrorSummary titleText="There is a problem" errorList={[{ text: error.text, href: error.href }]} /> : null}
          <ServiceForm>
            <DateInput
              id={FIELD}
              namePrefix={FIELD}
              fieldset={{ legend: { html: <><span className="govuk-caption-l">{page.authorityName}{page.reference ? ` – ${page.reference}` : ""}</span>When did the hard copy arrive?</>, isPageHeading: true, classes: "govuk-fieldset__legend--l" } }}
              hint={{ text: `The expression of interest on paper, sent by post or delivered by hand. For example, ${page.example}` }}
              errorMessage={error ? { text: error.text } : undefined}
              day={item("day", 2)}
              month={item("month", 2)}
              year={item("year", 4)}
            />
            <Button text="Save" />
          </ServiceForm>
        </div>
      </div>
    </>
  );
}
