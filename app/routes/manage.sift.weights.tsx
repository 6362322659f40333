import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { readForm, requireUser } from "~/auth/session.server";
import { now } from "~/clock.server";
import { ServiceForm } from "~/components/forms";
import { BackLink, Button, ErrorSummary, Input, InsetText, NotificationBanner, Table } from "~/components/govuk";
import { getDb } from "~/data/db.server";
import { ASSESSMENT_CRITERIA, CRITERION_GUIDANCE } from "~/domain/sift/criteria";
import { readWeightsForm, weightFieldId } from "~/domain/sift/forms";
import { SiftRuleError, orHttpError } from "~/services/sift-errors.server";
import { siftRound } from "~/services/sift-overview.server";
import { loadWeights, setWeights } from "~/services/sift-scoring.server";
import { formErrors, pageTitle } from "~/utils/page";

export const meta: MetaFunction = () => pageTitle("Criteria weights");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireUser(request, { role: "programme_manager" });
  return orHttpError(async () => {
    const round = await siftRound(getDb());
    const { weights, locked } = await loadWeights(getDb(), { actor, roundId: round.id });
    return {
      weights,
      locked,
      saved: new URL(request.url).searchParams.has("saved"),
      criteria: ASSESSMENT_CRITERIA.map((c) => ({ key: c.key, number: c.number, title: c.title, defaultWeight: c.defaultWeight, guidance: CRITERION_GUIDANCE[c.key] })),
    };
  });
}

// R-41 Weights are editable until the first score is saved, and must add up to 100%.
export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireUser(request, { role: "programme_manager" });
  const form = await readForm(request);
  const values = Object.fromEntries(ASSESSMENT_CRITERIA.map((c) => [weightFieldId(c.key), String(form.get(weightFieldId(c.key)) ?? "")]));
  const parsed = readWeightsForm(form);
  if (!parsed.ok) return data({ errors: formErrors(parsed.problems), values }, { status: 400 });
  return orHttpError(async () => {
    const round = await siftRound(getDb());
    try {
      await setWeights(getDb(), { actor, roundId: round.id, weights: parsed.value, now: now() });
      return redirect("/manage/sift/weights?saved");
    } catch (error) {
      if (error instanceof SiftRuleError) return data({ errors: formErrors([[error.field, error.message]]), values }, { status: 400 });
      throw error;
    }
  });
}

export default function Weights() {
  const { weights, locked, saved, criteria } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors;
  const error = (field: string) => (errors?.fields[field] ? { text: errors.fields[field] } : undefined);
  return (
    <>
      <BackLink href="/manage/sift" text="Back to the sift" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {errors ? <ErrorSummary titleText="There is a problem" errorList={errors.errorList} /> : null}
          {saved && !errors ? <NotificationBanner type="success" html={<p className="govuk-notification-banner__heading">Weights saved</p>} /> : null}
          <span className="govuk-caption-l">Sift</span>
          <h1 className="govuk-heading-l">Criteria weights</h1>
          <p className="govuk-body">
            Each bid is scored from 0 to 4 on eight criteria. Its score out of 100 adds up each criterion&apos;s weight times its score divided by 4, so a bid scoring 4 on
            everything scores 100.
          </p>
          {locked ? (
            <>
              <InsetText>Assessors have started saving scores, so the weights are fixed for this round.</InsetText>
              <Table
                caption="Weights in force"
                captionClasses="govuk-table__caption--m"
                firstCellIsHeader
                head={[{ text: "Criterion" }, { text: "Weight", format: "numeric" }]}
                rows={criteria.map((c) => [{ text: `${c.number}. ${c.title}` }, { text: `${weights[c.key]}%`, format: "numeric" }])}
              />
            </>
          ) : (
            <ServiceForm>
              <p className="govuk-body">You can change the weights until the first score is saved. They must add up to 100%.</p>
              {criteria.map((c) => (
                <Input
                  key={c.key}
                  id={weightFieldId(c.key)}
                  name={weightFieldId(c.key)}
                  label={{ text: `${c.number}. ${c.title}`, classes: "govuk-label--s" }}
                  hint={{ text: `${c.guidance} Default ${c.defaultWeight}%.` }}
                  suffix={{ text: "%" }}
                  classes="govuk-input--width-3"
                  inputmode="numeric"
                  spellcheck={false}
                  value={actionData?.values[weightFieldId(c.key)] ?? String(weights[c.key])}
                  errorMessage={error(weightFieldId(c.key))}
                />
              ))}
              <Button text="Save weights" />
            </ServiceForm>
          )}
        </div>
      </div>
    </>
  );
}
