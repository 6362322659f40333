import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { readForm, requireUser } from "~/auth/session.server";
import { now } from "~/clock.server";
import { ServiceForm } from "~/components/forms";
import { BackLink, Button, ErrorSummary, NotificationBanner, Select, Table, Textarea } from "~/components/govuk";
import { listAuthorities } from "~/data/authorities.server";
import { getDb } from "~/data/db.server";
import { listConflicts } from "~/data/sift.server";
import { formatDateLondon } from "~/domain/calendar";
import { CONFLICT_REASON_LIMIT, readConflictForm } from "~/domain/sift/forms";
import { declareConflict, withdrawConflict } from "~/services/sift-assignments.server";
import { SiftRuleError, orHttpError } from "~/services/sift-errors.server";
import { formErrors, pageTitle } from "~/utils/page";

export const meta: MetaFunction = () => pageTitle("Conflicts of interest");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: "assessor" });
  const url = new URL(request.url);
  const [authorities, conflicts] = await Promise.all([listAuthorities(getDb()), listConflicts(getDb(), { assessorId: user.id })]);
  return {
    authorities: authorities.map((a) => ({ id: a.id, name: a.name })),
    conflicts: conflicts.map((c) => ({ id: c.id, authorityName: c.authorityName, reason: c.reason, declared: formatDateLondon(new Date(c.declaredAt)) })),
    declared: url.searchParams.get("declared"),
    ended: Number(url.searchParams.get("ended") ?? 0),
    withdrawn: url.searchParams.has("withdrawn"),
  };
}

// R-40 R-20 An assessor declares (or withdraws) a conflict of interest with a lead authority.
export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireUser(request, { role: "assessor" });
  const form = await readForm(request);
  if (form.get("intent") === "withdraw") {
    await orHttpError(() => withdrawConflict(getDb(), { actor, conflictId: Number(form.get("conflictId")), now: now() }));
    return redirect("/assess/conflicts?withdrawn");
  }
  const values = { authorityId: String(form.get("authorityId") ?? ""), reason: String(form.get("reason") ?? "") };
  const parsed = readConflictForm(form);
  if (!parsed.ok) return data({ errors: formErrors(parsed.problems), values }, { status: 400 });
  try {
    const { endedAssignments } = await declareConflict(getDb(), { actor, ...parsed.value, now: now() });
    const authority = (await listAuthorities(getDb())).find((a) => a.id === parsed.value.authorityId);
    return redirect(`/assess/conflicts?declared=${encodeURIComponent(authority?.name ?? "")}&ended=${endedAssignments}`);
  } catch (error) {
    if (error instanceof SiftRuleError) return data({ errors: formErrors([[error.field, error.message]]), values }, { status: 400 });
    throw error;
  }
}

export default function Conflicts() {
  const { authorities, conflicts, declared, ended, withdrawn } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors;
  const values = actionData?.values;
  const error = (field: string) => (errors?.fields[field] ? { text: errors.fields[field] } : undefined);
  return (
    <>
      <BackLink href="/assess" text="Back to your assessments" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {errors ? <ErrorSummary titleText="There is a problem" errorList={errors.errorList} /> : null}
          {declared ? (
            <NotificationBanner type="success">
              <p className="govuk-notification-banner__heading">You have declared a conflict of interest with {declared}</p>
              <p className="govuk-body">
                {ended > 0
                  ? "Its bid was assigned to you, so it has been taken off you. The programme manager will assign it to someone else."
                  : "You will not be assigned its bid."}
              </p>
            </NotificationBanner>
          ) : null}
          {withdrawn ? <NotificationBanner type="success" html={<p className="govuk-notification-banner__heading">Conflict of interest withdrawn</p>} /> : null}
          <span className="govuk-caption-l">Sift</span>
          <h1 className="govuk-heading-l">Conflicts of interest</h1>
          <p className="govuk-body">
            Tell us about any local authority you have a conflict of interest with: for example, you have worked there recently, or a close relative or partner works
            there. You will not be given its bid to assess.
          </p>
          {conflicts.length ? (
            <Table
              caption="Conflicts you have declared"
              captionClasses="govuk-table__caption--m"
              head={[{ text: "Local authority" }, { text: "Reason" }, { text: "Declared" }, { html: <span className="govuk-visually-hidden">Action</span> }]}
              rows={conflicts.map((c) => [
                { text: c.authorityName },
                { text: c.reason },
                { text: c.declared },
                {
                  html: (
                    <ServiceForm className="app-inline-form">
                      <input type="hidden" name="intent" value="withdraw" />
                      <input type="hidden" name="conflictId" value={c.id} />
                      <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button">
                        Withdraw<span className="govuk-visually-hidden"> conflict of interest with {c.authorityName}</span>
                      </button>
                    </ServiceForm>
                  ),
                },
              ])}
            />
          ) : (
            <p className="govuk-body">You have not declared any conflicts of interest.</p>
          )}
          <h2 className="govuk-heading-m">Declare a conflict of interest</h2>
          <ServiceForm>
            <Select
              id="authorityId"
              name="authorityId"
              label={{ text: "Local authority" }}
              errorMessage={error("authorityId")}
              items={[{ value: "", text: "Choose an authority" }, ...authorities.map((a) => ({ value: String(a.id), text: a.name }))]}
              value={values?.authorityId ?? ""}
            />
            <Textarea
              id="reason"
              name="reason"
              label={{ text: "Reason for the conflict of interest", classes: "govuk-label--s" }}
              hint={{ text: `Up to ${CONFLICT_REASON_LIMIT.toLocaleString("en-GB")} characters.` }}
              errorMessage={error("reason")}
              value={values?.reason ?? ""}
              rows={3}
            />
            <Button text="Declare conflict of interest" />
          </ServiceForm>
        </div>
      </div>
    </>
  );
}
