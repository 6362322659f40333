import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useState } from "react";
import { readForm, requireUser } from "~/auth/session.server";
import { now } from "~/clock.server";
import { ServiceForm } from "~/components/forms";
import { BackLink, Button, ErrorSummary, InsetText, NotificationBanner, Radios, Textarea } from "~/components/govuk";
import { formatDateTimeLondon } from "~/domain/calendar";
import { getDb } from "~/data/db.server";
import { bidFacts, bidSummary, partnerNames } from "~/domain/sift/bid";
import {
  ASSESSMENT_CRITERIA,
  CRITERION_GUIDANCE,
  SCALE_DESCRIPTORS,
  SCORE_SCALE,
  formatPoints,
  weightedTotalHundredths,
  type CriterionKey,
  type CriterionScores,
  type Score,
} from "~/domain/sift/criteria";
import { criterionEvidence, wholeBid } from "~/domain/sift/evidence";
import { JUSTIFICATION_LIMIT, justificationFieldId, readScoreForm, scoreFieldId, scoreFormValues } from "~/domain/sift/forms";
import { SiftRuleError, orHttpError } from "~/services/sift-errors.server";
import { loadScoringPage, saveAssessment } from "~/services/sift-scoring.server";
import { formErrors, pageTitle } from "~/utils/page";
import { AnswerBlocks, BidSummary, WholeBid } from "./manage.sift._shared/BidView";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data ? `Score ${data.bid.reference}` : "Score a bid");

const eoiIdOf = (value: string | undefined) => (/^\d{1,10}$/.test(value ?? "") ? Number(value) : 0);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireUser(request, { role: "assessor" });
  const page = await orHttpError(() => loadScoringPage(getDb(), { actor, eoiId: eoiIdOf(params.eoiId) }));
  const { bid, latest } = page;
  const facts = bidFacts(bid.answers, { region: bid.region, type: bid.authorityType, setting: bid.authoritySetting });
  const saved: Record<string, string> = {};
  if (latest) {
    for (const criterion of ASSESSMENT_CRITERIA) {
      const entry = latest.scores[criterion.key];
      saved[scoreFieldId(criterion.key)] = entry?.score === null || entry?.score === undefined ? "" : String(entry.score);
      saved[justificationFieldId(criterion.key)] = entry?.justification ?? "";
    }
  }
  return {
    bid: { id: bid.id, reference: bid.reference, authorityName: bid.authorityName },
    summary: bidSummary(facts, { authorityName: bid.authorityName, submittedText: formatDateTimeLondon(new Date(bid.submittedAt)), partners: partnerNames(bid.answers) }),
    weights: page.weights,
    criteria: ASSESSMENT_CRITERIA.map((criterion) => ({
      key: criterion.key,
      number: criterion.number,
      title: criterion.title,
      weight: page.weights[criterion.key],
      guidance: CRITERION_GUIDANCE[criterion.key],
      evidence: criterionEvidence(criterion.key, bid.answers),
    })),
    whole: wholeBid(bid.answers),
    saved,
    latest: latest ? { version: latest.version, status: latest.status, savedText: formatDateTimeLondon(new Date(latest.savedAt)), total: formatPoints(latest.totalHundredths) } : null,
    closed: page.closed,
    justSaved: new URL(request.url).searchParams.has("saved"),
  };
}

// R-41 Save the scores as a draft or mark them complete; R-42 each save is a new version.
export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireUser(request, { role: "assessor" });
  const form = await readForm(request);
  const values = scoreFormValues(form);
  const parsed = readScoreForm(form);
  if (!parsed.ok) return data({ errors: formErrors(parsed.problems), values }, { status: 400 });
  const eoiId = eoiIdOf(params.eoiId);
  return orHttpError(async () => {
    try {
      const result = await saveAssessment(getDb(), { actor, eoiId, form: parsed.value, now: now() });
      if (parsed.value.intent === "complete") return redirect(`/assess?completed=${encodeURIComponent(result.reference)}`);
      return redirect(`/assess/bids/${eoiId}?saved=${result.version}`);
    } catch (error) {
      if (error instanceof SiftRuleError) return data({ errors: formErrors([[error.field, error.message]]), values }, { status: 400 });
      throw error;
    }
  });
}

function totalOf(values: Record<string, string>, weights: Record<CriterionKey, number>) {
  const scores: Partial<Record<CriterionKey, Score>> = {};
  for (const criterion of ASSESSMENT_CRITERIA) {
    const raw = values[scoreFieldId(criterion.key)] ?? "";
    if (/^[0-4]$/.test(raw)) scores[criterion.key] = Number(raw) as Score;
  }
  return { hundredths: weightedTotalHundredths(scores as CriterionScores, weights), scored: Object.keys(scores).length };
}

export default function ScoreBid() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors;
  const values: Record<string, string> = actionData?.values ?? page.saved;
  const error = (field: string) => (errors?.fields[field] ? { text: errors.fields[field] } : undefined);
  // R-41 the running weighted total: computed from what is on the page, and again as you choose.
  const [total, setTotal] = useState(() => totalOf(values, page.weights));
  const recalculate = (form: HTMLFormElement) => {
    const current: Record<string, string> = {};
    new FormData(form).forEach((value, key) => (current[key] = String(value)));
    setTotal(totalOf(current, page.weights));
  };
  return (
    <>
      <BackLink href="/assess" text="Back to your assessments" />
      {errors ? <ErrorSummary titleText="There is a problem" errorList={errors.errorList} /> : null}
      {page.justSaved && !errors && page.latest ? (
        <NotificationBanner type="success" html={<p className="govuk-notification-banner__heading">Draft saved. Your weighted total so far is {page.latest.total} out of 100.</p>} />
      ) : null}
      <span className="govuk-caption-l">{page.bid.reference}</span>
      <h1 className="govuk-heading-l">Score the bid from {page.bid.authorityName}</h1>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <BidSummary rows={page.summary} />
          <p className="govuk-body">
            {page.latest
              ? page.latest.status === "complete"
                ? `You marked this assessment complete at ${page.latest.savedText}. Any change you save is kept as a new version.`
                : `You saved a draft at ${page.latest.savedText}.`
              : "Give each criterion a score from 0 to 4 and say why. You can save a draft and come back to it."}
          </p>
          {page.closed ? <InsetText>The shortlist has been confirmed, so scores can no longer change.</InsetText> : null}
          <WholeBid blocks={page.whole} />
        </div>
      </div>
      <ServiceForm onChange={(event) => recalculate(event.currentTarget)}>
        <input type="hidden" name="basedOnVersion" value={page.latest?.version ?? 0} />
        {page.criteria.map((criterion) => (
          <section key={criterion.key} aria-labelledby={`criterion-${criterion.key}`} className="govuk-!-margin-bottom-6">
            <hr className="govuk-section-break govuk-section-break--m govuk-section-break--visible" />
            <span className="govuk-caption-m">
              Criterion {criterion.number} of {page.criteria.length}, weight {criterion.weight}%
            </span>
            <h2 className="govuk-heading-m" id={`criterion-${criterion.key}`}>
              {criterion.title}
            </h2>
            <div className="govuk-grid-row">
              <div className="govuk-grid-column-one-half">
                <h3 className="govuk-heading-s">What the bid says</h3>
                <AnswerBlocks blocks={criterion.evidence} headingLevel={4} />
              </div>
              <div className="govuk-grid-column-one-half">
                <InsetText>
                  <strong>Look for:</strong> {criterion.guidance}
                </InsetText>
                <Radios
                  idPrefix={scoreFieldId(criterion.key)}
                  name={scoreFieldId(criterion.key)}
                  fieldset={{ legend: { text: `Score for ${criterion.title.toLowerCase()}`, classes: "govuk-fieldset__legend--s" } }}
                  errorMessage={error(scoreFieldId(criterion.key))}
                  value={values[scoreFieldId(criterion.key)] ?? ""}
                  classes="govuk-radios--small"
                  items={SCORE_SCALE.map((point) => ({
                    value: String(point.score),
                    text: `${point.score} – ${point.label}`,
                    hint: { text: SCALE_DESCRIPTORS[point.score] },
                    disabled: page.closed,
                  }))}
                />
                <Textarea
                  id={justificationFieldId(criterion.key)}
                  name={justificationFieldId(criterion.key)}
                  label={{ text: `Justification for ${criterion.title.toLowerCase()}`, classes: "govuk-label--s" }}
                  hint={{ text: `Say what in the bid supports this score. Up to ${JUSTIFICATION_LIMIT.toLocaleString("en-GB")} characters.` }}
                  errorMessage={error(justificationFieldId(criterion.key))}
                  value={values[justificationFieldId(criterion.key)] ?? ""}
                  rows={4}
                  disabled={page.closed}
                />
              </div>
            </div>
          </section>
        ))}
        <hr className="govuk-section-break govuk-section-break--m govuk-section-break--visible" />
        <h2 className="govuk-heading-m">Weighted total</h2>
        <p className="govuk-body-l" aria-live="polite" id="weighted-total">
          <strong>{formatPoints(total.hundredths)}</strong> out of 100
          {total.scored < page.criteria.length ? ` (${total.scored} of ${page.criteria.length} criteria scored)` : null}
        </p>
        {page.closed ? null : (
          <div className="govuk-button-group">
            <Button text="Save and mark as complete" name="intent" value="complete" />
            <Button text="Save as draft" name="intent" value="draft" classes="govuk-button--secondary" />
          </div>
        )}
      </ServiceForm>
    </>
  );
}
