import { SummaryList } from "~/components/govuk";
import { formatDateTimeLondon } from "~/domain/calendar";
import { OUTPUTS } from "~/domain/programme";
import type { ReportAnswers } from "~/domain/monitoring/reports";

// R-61 A quarterly report's answers and its trail, as the pilot and the programme team read them
// (shared by the pilot's check page and the programme manager's report page).

export interface ReviewView {
  event: string;
  comments: string;
  byName: string;
  at: string;
}

const EVENT: Record<string, string> = { submitted: "Submitted", queried: "Queried by the programme team", answered: "Query answered", accepted: "Accepted" };

/** The answers as a summary list; `changeHref` adds "Change" links (the pilot's check page). */
export function ReportAnswersList({ answers, spendText, changeHref }: { answers: ReportAnswers; spendText: string; changeHref?: string }) {
  const missing = <span className="govuk-hint govuk-!-margin-bottom-0">Not answered yet</span>;
  const text = (value: string) => (value.trim() ? <span className="app-answer">{value}</span> : missing);
  const change = (field: string, what: string) => (changeHref ? { items: [{ href: `${changeHref}#${field}`, text: "Change", visuallyHiddenText: what }] } : undefined);
  return (
    <SummaryList
      rows={[
        ...OUTPUTS.map((output) => ({ key: { text: `Progress on output ${output.key}: ${output.title}` }, value: { html: text(answers.progress[output.key]) }, actions: change(`progress${output.key}`, `progress on output ${output.key}`) })),
        { key: { text: "Spend this quarter" }, value: { html: spendText ? <>{spendText}</> : missing }, actions: change("spend", "spend this quarter") },
        { key: { text: "Risks" }, value: { html: text(answers.risks) }, actions: change("risks", "risks") },
        { key: { text: "Issues" }, value: { html: text(answers.issues) }, actions: change("issues", "issues") },
      ]}
    />
  );
}

/** The report's trail: submitted, queried (with the question), answered, accepted. */
export function ReportTrail({ reviews }: { reviews: ReviewView[] }) {
  if (!reviews.length) return null;
  return (
    <>
      <h2 className="govuk-heading-m">History</h2>
      <ol className="govuk-list">
        {reviews.map((review, index) => (
          <li key={index} className="govuk-!-margin-bottom-4">
            <p className="govuk-body govuk-!-margin-bottom-1">
              <strong>{EVENT[review.event] ?? review.event}</strong> by {review.byName}, {review.at}
            </p>
            {review.comments ? <div className="govuk-inset-text govuk-!-margin-top-1 app-answer">{review.comments}</div> : null}
          </li>
        ))}
      </ol>
    </>
  );
}

export const reviewView = (review: { event: string; comments: string; byName: string; at: string }): ReviewView => ({ event: review.event, comments: review.comments, byName: review.byName, at: formatDateTimeLondon(new Date(review.at)) });
