import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { readForm, requireUser } from "~/auth/session.server";
import { now } from "~/clock.server";
import { ServiceForm } from "~/components/forms";
import { BackLink, Button, ErrorSummary, InsetText, Select, WarningText } from "~/components/govuk";
import { getDb } from "~/data/db.server";
import { readHandAssignmentForm } from "~/domain/sift/forms";
import { assignByHand, loadBidAssignment } from "~/services/sift-assignments.server";
import { SiftRuleError, orHttpError } from "~/services/sift-errors.server";
import { formErrors, pageTitle } from "~/utils/page";

export const meta: MetaFunction = () => pageTitle("Choose assessors");

const eoiIdOf = (value: string | undefined) => (/^\d{1,10}$/.test(value ?? "") ? Number(value) : 0);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireUser(request, { role: "programme_manager" });
  const page = await orHttpError(() => loadBidAssignment(getDb(), { actor, eoiId: eoiIdOf(params.eoiId) }));
  return {
    bid: { id: page.bid.id, reference: page.bid.reference, authorityName: page.bid.authorityName, region: page.bid.region },
    shortlistConfirmed: page.shortlistConfirmed,
    current: page.current,
    available: page.available.map((a) => ({ id: a.id, name: a.name })),
    conflicted: page.conflicted.map((a) => a.name),
  };
}

// R-40 Choose a bid's two assessors by hand, or replace one (reassign).
export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireUser(request, { role: "programme_manager" });
  const form = await readForm(request);
  const values = { firstAssessorId: String(form.get("firstAssessorId") ?? ""), secondAssessorId: String(form.get("secondAssessorId") ?? "") };
  const parsed = readHandAssignmentForm(form);
  if (!parsed.ok) return data({ errors: formErrors(parsed.problems), values }, { status: 400 });
  return orHttpError(async () => {
    try {
      await assignByHand(getDb(), { actor, eoiId: eoiIdOf(params.eoiId), assessorIds: [parsed.value.firstAssessorId, parsed.value.secondAssessorId], now: now() });
      return redirect("/manage/sift/assignments");
    } catch (error) {
      if (error instanceof SiftRuleError) return data({ errors: formErrors([[error.field, error.message]]), values }, { status: 400 });
      throw error;
    }
  });
}

export default function ChooseAssessors() {
  const { bid, shortlistConfirmed, current, available, conflicted } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors;
  const error = (field: string) => (errors?.fields[field] ? { text: errors.fields[field] } : undefined);
  const first = actionData?.values.firstAssessorId ?? String(current[0]?.assessorId ?? "");
  const second = actionData?.values.secondAssessorId ?? String(current[1]?.assessorId ?? "");
  const items = [{ value: "", text: "Choose an assessor" }, ...available.map((a) => ({ value: String(a.id), text: a.name }))];
  const scored = current.filter((a) => a.hasScores);
  return (
    <>
      <BackLink href="/manage/sift/assignments" text="Back to assign assessors" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {errors ? <ErrorSummary titleText="There is a problem" errorList={errors.errorList} /> : null}
          <span className="govuk-caption-l">
            {bid.reference} – {bid.authorityName}
          </span>
          <h1 className="govuk-heading-l">Choose assessors</h1>
          <p className="govuk-body">
            {current.length ? `Assessed now by ${current.map((a) => a.name).join(" and ")}.` : "No one is assessing this bid yet."}
          </p>
          {conflicted.length ? (
            <InsetText>
              {conflicted.join(" and ")} {conflicted.length === 1 ? "has" : "have"} declared a conflict of interest with {bid.authorityName}, so cannot assess this bid.
            </InsetText>
          ) : null}
          {scored.length ? (
            <WarningText
              text={`${scored.map((a) => a.name).join(" and ")} ${scored.length === 1 ? "has" : "have"} saved scores. If you replace them, their scores stay in the bid's history but no longer count.`}
            />
          ) : null}
          {shortlistConfirmed ? (
            <p className="govuk-body">The shortlist has been confirmed, so assessors can no longer change.</p>
          ) : (
            <ServiceForm>
              <Select id="firstAssessorId" name="firstAssessorId" label={{ text: "First assessor" }} items={items} value={first} errorMessage={error("firstAssessorId")} />
              <Select id="secondAssessorId" name="secondAssessorId" label={{ text: "Second assessor" }} items={items} value={second} errorMessage={error("secondAssessorId")} />
              <Button text="Save assessors" />
            </ServiceForm>
          )}
        </div>
      </div>
    </>
  );
}
