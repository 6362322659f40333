import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { readForm, requireUser } from "~/auth/session.server";
import { now } from "~/clock.server";
import { ServiceForm } from "~/components/forms";
import { BackLink, Button, DateInput, ErrorSummary } from "~/components/govuk";
import { getDb } from "~/data/db.server";
import { currentRound } from "~/data/rounds.server";
import { londonDate } from "~/domain/calendar";
import { parseDateInput } from "~/domain/date-input";
import { timetableProblems, updateTimetable, type Timetable } from "~/services/rounds.server";
import { pageTitle } from "~/utils/page";

export const meta: MetaFunction = () => pageTitle("Change the timetable");

const FIELDS: Array<{ name: keyof Timetable; legend: string; what: string; hint?: string }> = [
  { name: "eoiCloses", legend: "Expressions of interest close", what: "the date expressions of interest close", hint: "At 11:59pm UK time on this day" },
  { name: "requestsBy", legend: "Requests for detailed applications sent by", what: "the date requests are sent by" },
  { name: "detailedDue", legend: "Detailed applications due", what: "the date detailed applications are due", hint: "At 11:59pm UK time on this day" },
  { name: "startBy", legend: "Pilots begin by", what: "the date pilots begin by" },
  { name: "endsOn", legend: "Programme ends", what: "the date the programme ends" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { role: "programme_manager" });
  const round = await currentRound(getDb());
  if (!round) throw new Response("Not found", { status: 404 });
  const parts = (iso: string) => {
    const [year, month, day] = iso.split("-");
    return { day: String(Number(day)), month: String(Number(month)), year };
  };
  return {
    name: round.name,
    values: {
      eoiCloses: parts(londonDate(new Date(round.eoiClosesAt))),
      requestsBy: parts(round.requestsBy),
      detailedDue: parts(londonDate(new Date(round.detailedDueAt))),
      startBy: parts(round.startBy),
      endsOn: parts(round.endsOn),
    } as Record<keyof Timetable, { day: string; month: string; year: string }>,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireUser(request, { role: "programme_manager" });
  const form = await readForm(request);
  const round = await currentRound(getDb());
  if (!round) throw new Response("Not found", { status: 404 });
  const values = Object.fromEntries(FIELDS.map((f) => [f.name, { day: String(form.get(`${f.name}-day`) ?? ""), month: String(form.get(`${f.name}-month`) ?? ""), year: String(form.get(`${f.name}-year`) ?? "") }])) as Record<keyof Timetable, { day: string; month: string; year: string }>;
  const problems: Array<[string, string]> = [];
  const timetable: Partial<Timetable> = {};
  for (const field of FIELDS) {
    const parsed = parseDateInput(values[field.name], field.what);
    if (parsed.ok) timetable[field.name] = parsed.date;
    else problems.push([field.name, parsed.error]);
  }
  if (!problems.length) problems.push(...timetableProblems(timetable as Timetable));
  if (problems.length) return data({ errors: problems.map(([f, text]) => ({ text, href: `#${f}` })), fields: Object.fromEntries(problems), values }, { status: 400 });
  await updateTimetable(getDb(), { actor, roundId: round.id, timetable: timetable as Timetable, now: now() });
  return redirect("/manage");
}

/** R-8 The round's timetable is editable (the defaults are the invitation's). */
export default function ChangeTimetable() {
  const { name, values } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const shown = actionData?.values ?? values;
  return (
    <>
      <BackLink href="/manage" text="Back" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {actionData?.errors ? <ErrorSummary titleText="There is a problem" errorList={actionData.errors} /> : null}
          <span className="govuk-caption-l">{name}</span>
          <h1 className="govuk-heading-l">Change the timetable</h1>
          <ServiceForm>
            {FIELDS.map((field) => (
              <DateInput
                key={field.name}
                id={field.name}
                namePrefix={field.name}
                fieldset={{ legend: { text: field.legend, classes: "govuk-fieldset__legend--s" } }}
                hint={field.hint ? { text: field.hint } : undefined}
                errorMessage={actionData?.fields?.[field.name] ? { text: actionData.fields[field.name] } : undefined}
                values={{ [`${field.name}-day`]: shown[field.name].day, [`${field.name}-month`]: shown[field.name].month, [`${field.name}-year`]: shown[field.name].year }}
              />
            ))}
            <Button text="Save timetable" />
          </ServiceForm>
        </div>
      </div>
    </>
  );
}
