import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useState } from "react";
import { readForm, requireUser } from "~/auth/session.server";
import { now } from "~/clock.server";
import { ServiceForm } from "~/components/forms";
import { BackLink, Button, ErrorSummary, Radios, Tag, Textarea } from "~/components/govuk";
import { getDb } from "~/data/db.server";
import { ASSESSMENT_CRITERIA, SCORE_SCALE, formatPoints, weightedTotalHundredths, type CriterionKey, type CriterionScores, type Score } from "~/domain/sift/criteria";
import { MODERATION_REASON_LIMIT, agreedFieldId, readModerationForm } from "~/domain/sift/forms";
import { SiftRuleError, orHttpError } from "~/services/sift-errors.server";
import { loadBidRecord, moderateBid } from "~/services/sift-moderation.server";
import { formErrors, pageTitle } from "~/utils/page";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data ? `Moderate ${data.bid.reference}` : "Moderate");

const eoiIdOf = (value: string | undefined) => (/^\d{1,10}$/.test(value ?? "") ? Number(value) : 0);
const scoreText = (score: number | null | undefined) => (score === null || score === undefined ? "Not scored" : `${score} – ${SCORE_SCALE[score]!.label}`);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireUser(request, { role: "programme_manager" });
  const record = await orHttpError(() => loadBidRecord(getDb(), { actor, eoiId: eoiIdOf(params.eoiId) }));
  const { bid, pair, check } = record;
  const previous = bid.moderation;
  return {
    bid: { id: bid.id, reference: bid.reference, authorityName: bid.authorityName },
    ready: Boolean(pair) && !record.closed,
    closed: record.closed,
    weights: record.weights as Record<CriterionKey, number>,
    flags: check?.reasons ?? [],
    assessors: (pair ?? []).map((a) => ({ name: a.assessorName, total: formatPoints(a.totalHundredths) })),
    criteria: ASSESSMENT_CRITERIA.map((c) => {
      const [first, second] = (pair ?? []).map((a) => a.scores[c.key]);
      const agreedBefore = previous ? String(previous.scores[c.key]) : first?.score !== null && first?.score !== undefined && first.score === second?.score ? String(first.score) : "";
      return {
        key: c.key,
        number: c.number,
        title: c.title,
        weight: record.weights[c.key]!,
        flagged: check?.criteria.includes(c.key) ?? false,
        assessments: (pair ?? []).map((a) => ({ name: a.assessorName, score: scoreText(a.scores[c.key]?.score), justification: a.scores[c.key]?.justification ?? "" })),
        agreed: agreedBefore,
      };
    }),
    reason: previous?.reason ?? "",
  };
}

// R-42 Record the agreed scores with a reason: they become the bid's final score.
export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireUser(request, { role: "programme_manager" });
  const form = await readForm(request);
  const values: Record<string, string> = { reason: String(form.get("reason") ?? "") };
  for (const c of ASSESSMENT_CRITERIA) values[agreedFieldId(c.key)] = String(form.get(agreedFieldId(c.key)) ?? "");
  const parsed = readModerationForm(form);
  if (!parsed.ok) return data({ errors: formErrors(parsed.problems), values }, { status: 400 });
  const eoiId = eoiIdOf(params.eoiId);
  return orHttpError(async () => {
    try {
      await moderateBid(getDb(), { actor, eoiId, form: parsed.value, now: now() });
      return redirect(`/manage/sift/bids/${eoiId}?moderated`);
    } catch (error) {
      if (error instanceof SiftRuleError) return data({ errors: formErrors([[error.field, error.message]]), values }, { status: 400 });
      throw error;
    }
  });
}

function agreedTotal(values: Record<string, string>, weights: Record<CriterionKey, number>) {
  const scores: Partial<Record<CriterionKey, Score>> = {};
  for (const c of ASSESSMENT_CRITERIA) {
    const raw = values[agreedFieldId(c.key)] ?? "";
    if (/^[0-4]$/.test(raw)) scores[c.key] = Number(raw) as Score;
  }
  return { hundredths: weightedTotalHundredths(scores as CriterionScores, weights), scored: Object.keys(scores).length };
}

export default function Moderate() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors;
  const values: Record<string, string> = actionData?.values ?? { reason: page.reason, ...Object.fromEntries(page.criteria.map((c) => [agreedFieldId(c.key), c.agreed])) };
  const error = (field: string) => (errors?.fields[field] ? { text: errors.fields[field] } : undefined);
  const [total, setTotal] = useState(() => agreedTotal(values, page.weights));
  return (
    <>
      <BackLink href={`/manage/sift/bids/${page.bid.id}`} text={`Back to ${page.bid.reference}`} />
      {errors ? <ErrorSummary titleText="There is a problem" errorList={errors.errorList} /> : null}
      <span className="govuk-caption-l">
        {page.bid.reference} – {page.bid.authorityName}
      </span>
      <h1 className="govuk-heading-l">Moderate the scores</h1>
      {!page.ready ? (
        <p className="govuk-body">
          {page.closed ? "The shortlist has been confirmed, so scores can no longer change." : "The scores can be moderated once both assessments are complete."}
        </p>
      ) : (
        <>
          <div className="govuk-grid-row">
            <div className="govuk-grid-column-two-thirds">
              <p className="govuk-body">
                {page.assessors.map((a) => `${a.name} gave ${a.total}`).join("; ")}. Agree a score for each criterion with the assessors and say why. The agreed scores become
                the bid&apos;s final score.
              </p>
              {page.flags.length ? (
                <ul className="govuk-list govuk-list--bullet">
                  {page.flags.map((flag) => (
                    <li key={flag}>{flag}</li>
                  ))}
                </ul>
              ) : (
                <p className="govuk-body">These assessments do not need moderation, but you can still record agreed scores.</p>
              )}
            </div>
          </div>
          <ServiceForm
            onChange={(event) => {
              const current: Record<string, string> = {};
              new FormData(event.currentTarget).forEach((value, key) => (current[key] = String(value)));
              setTotal(agreedTotal(current, page.weights));
            }}
          >
            {page.criteria.map((c) => (
              <section key={c.key} aria-labelledby={`criterion-${c.key}`}>
                <hr className="govuk-section-break govuk-section-break--m govuk-section-break--visible" />
                <span className="govuk-caption-m">
                  Criterion {c.number} of {page.criteria.length}, weight {c.weight}%
                </span>
                <h2 className="govuk-heading-m" id={`criterion-${c.key}`}>
                  {c.title} {c.flagged ? <Tag classes="govuk-tag--red">Differ by 2 or more</Tag> : null}
                </h2>
                <div className="govuk-grid-row">
                  {c.assessments.map((a) => (
                    <div key={a.name} className="govuk-grid-column-one-third">
                      <h3 className="govuk-heading-s govuk-!-margin-bottom-1">{a.name}</h3>
                      <p className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">{a.score}</p>
                      <p className="govuk-body app-answer">{a.justification}</p>
                    </div>
                  ))}
                  <div className="govuk-grid-column-one-third">
                    <Radios
                      idPrefix={agreedFieldId(c.key)}
                      name={agreedFieldId(c.key)}
                      classes="govuk-radios--small"
                      fieldset={{ legend: { text: `Agreed score for ${c.title.toLowerCase()}`, classes: "govuk-fieldset__legend--s" } }}
                      errorMessage={error(agreedFieldId(c.key))}
                      value={values[agreedFieldId(c.key)] ?? ""}
                      items={SCORE_SCALE.map((point) => ({ value: String(point.score), text: `${point.score} – ${point.label}` }))}
                    />
                  </div>
                </div>
              </section>
            ))}
            <hr className="govuk-section-break govuk-section-break--m govuk-section-break--visible" />
            <p className="govuk-body-l" aria-live="polite" id="agreed-total">
              Agreed total: <strong>{formatPoints(total.hundredths)}</strong> out of 100
              {total.scored < page.criteria.length ? ` (${total.scored} of ${page.criteria.length} criteria agreed)` : null}
            </p>
            <div className="govuk-grid-row">
              <div className="govuk-grid-column-two-thirds">
                <Textarea
                  id="reason"
                  name="reason"
                  label={{ text: "Reason for the agreed scores", classes: "govuk-label--m" }}
                  hint={{ text: `Say how the scores were agreed and why. Up to ${MODERATION_REASON_LIMIT.toLocaleString("en-GB")} characters.` }}
                  errorMessage={error("reason")}
                  value={values.reason ?? ""}
                  rows={5}
                />
                <Button text="Save agreed scores" />
              </div>
            </div>
          </ServiceForm>
        </>
      )}
    </>
  );
}
