import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { readForm, requireUser } from "~/auth/session.server";
import { now } from "~/clock.server";
import { ServiceForm } from "~/components/forms";
import { BackLink, Button, DateInput, ErrorSummary } from "~/components/govuk";
import { getDb } from "~/data/db.server";
import { addDays, formatDateTimeLondon, londonDate, parseIsoDate } from "~/domain/calendar";
import { dateInputValues, eoiForManager, extendAuthorityDeadline, type DateInputValues, type DatePart } from "~/services/eoi-admin.server";
import { pageTitle } from "~/utils/page";

export const meta: MetaFunction = () => pageTitle("Extend the deadline");

const FIELD = "deadline";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireUser(request, { role: "programme_manager" });
  const view = await eoiForManager(getDb(), { actor, eoiId: Number(params.id) });
  if (!view) throw new Response("Not found", { status: 404 });
  if (view.eoi.status !== "draft") throw redirect(`/manage/eois/${view.eoi.id}`);
  const roundCloses = view.roundDeadline ? new Date(view.roundDeadline) : now();
  const example = parseIsoDate(addDays(londonDate(roundCloses), 7))!;
  return {
    id: view.eoi.id,
    authorityName: view.authority.name,
    roundDeadline: formatDateTimeLondon(roundCloses),
    deadline: view.deadline ? formatDateTimeLondon(new Date(view.deadline)) : null,
    values: dateInputValues(view.eoi.deadlineExtendedTo ? londonDate(new Date(view.eoi.deadlineExtendedTo)) : null),
    example: `${example.day} ${example.month} ${example.year}`,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireUser(request, { role: "programme_manager" });
  const form = await readForm(request);
  const values: DateInputValues = { day: String(form.get(`${FIELD}-day`) ?? ""), month: String(form.get(`${FIELD}-month`) ?? ""), year: String(form.get(`${FIELD}-year`) ?? "") };
  const eoiId = Number(params.id);
  const result = await extendAuthorityDeadline(getDb(), { actor, eoiId, values, now: now() });
  if (result.kind === "not-found") throw new Response("Not found", { status: 404 });
  if (result.kind === "not-allowed") throw redirect(`/manage/eois/${eoiId}`);
  if (result.kind === "invalid") {
    const parts: DatePart[] = "parts" in result.error ? result.error.parts : ["day"];
    return data({ errors: [{ text: result.error.text, href: `#${FIELD}-${parts[0]}`, parts }], values }, { status: 400 });
  }
  return redirect(`/manage/eois/${eoiId}?updated=deadline`);
}

/** R-35 The programme manager extends one authority's deadline to the end of a London day (audited). */
export default function ExtendDeadline() {
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
              fieldset={{ legend: { html: <><span className="govuk-caption-l">{page.authorityName}</span>What is the authority’s new deadline?</>, isPageHeading: true, classes: "govuk-fieldset__legend--l" } }}
              hint={{
                text: `The authority can submit until 11:59pm on that day. The round closes at ${page.roundDeadline}${page.deadline && page.deadline !== page.roundDeadline ? `; this authority’s deadline is now ${page.deadline}` : ""}. For example, ${page.example}`,
              }}
              errorMessage={error ? { text: error.text } : undefined}
              day={item("day", 2)}
              month={item("month", 2)}
              year={item("year", 4)}
            />
            <Button text="Extend deadline" />
          </ServiceForm>
        </div>
      </div>
    </>
  );
}
