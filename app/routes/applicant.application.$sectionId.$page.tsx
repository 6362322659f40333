import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { expiredSessionUserId, getUser, readForm } from "~/auth/session.server";
import { now } from "~/clock.server";
import { ServiceForm } from "~/components/forms";
import { BackLink, Button, ErrorSummary, InsetText, NotificationBanner, SummaryList } from "~/components/govuk";
import { getDb } from "~/data/db.server";
import { readBudget, summariseBudget } from "~/domain/application/budget";
import { pageQuestions, sectionOf, type ApplicationQuestion } from "~/domain/application/sections";
import { isEditable } from "~/domain/application/status";
import { formatMoney } from "~/domain/money";
import { APPLICATION_HOME } from "~/domain/application/paths";
import { handleApplicationPagePost, parseApplicationPagePath } from "~/services/application-pages.server";
import { holdForm } from "~/services/held-forms.server";
import { pageTitle } from "~/utils/page";
import { ApplicationFields } from "./applicant.application._shared/ApplicationFields";
import { orNotFound, requireInvitedApplicant } from "./applicant.application._shared/guard.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data?.pageTitle ?? "Detailed application");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { context } = await requireInvitedApplicant(request);
  const { application, sections, programme } = context;
  const where = parseApplicationPagePath(sections, params.sectionId, params.page);
  if (!where) throw new Response("Not found", { status: 404 });
  if (!application || !isEditable(application.status)) throw redirect(APPLICATION_HOME);
  const section = sectionOf(sections, where.sectionId);
  const page = section.pages[where.pageIndex]!;
  const values = (application.answers[where.sectionId] ?? {}) as Record<string, unknown>;
  let budget: { total: string; clg: string; other: string; byQuarter: Array<{ quarter: string; total: string }> } | null = null;
  if (where.sectionId === "budget" && where.pageIndex === 0) {
    const summary = summariseBudget(readBudget(values.lines, programme).lines, programme);
    if (summary.totalPence > 0) budget = { total: formatMoney(summary.totalPence), clg: formatMoney(summary.clgPence), other: formatMoney(summary.otherPence), byQuarter: summary.byQuarter.map((q) => ({ quarter: q.quarter, total: formatMoney(q.totalPence) })) };
  }
  return {
    sectionId: where.sectionId,
    pageIndex: where.pageIndex,
    sectionTitle: `${section.number}. ${section.title}`,
    heading: page.title,
    pageTitle: section.pages.length > 1 ? `${page.title} – ${section.title}` : section.title,
    values,
    sectionVersion: application.sectionVersions[where.sectionId] ?? 0,
    resumed: new URL(request.url).searchParams.has("resumed"),
    budget,
    // The questions are data (built from the round's dates), so the page renders exactly what the server checks.
    questions: pageQuestions(section, where.pageIndex),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await readForm(request);
  if (!(await getUser(request))) {
    // R-34 the officer's session expired while they were typing: keep what they sent, for them
    // alone (without an expired session of theirs there is nobody to keep it for).
    const owner = await expiredSessionUserId(request);
    if (owner === null) return redirect(`/sign-in?returnTo=${encodeURIComponent(new URL(request.url).pathname)}`);
    const token = await holdForm(getDb(), { userId: owner, path: new URL(request.url).pathname, form, now: now() });
    return redirect(`/sign-in?returnTo=${encodeURIComponent(`${APPLICATION_HOME}/resume/${token}`)}&expired=1`);
  }
  const { user } = await requireInvitedApplicant(request);
  const outcome = await orNotFound(() => handleApplicationPagePost(getDb(), { user, sectionId: params.sectionId, page: params.page, form, now: now() }));
  if (outcome.kind === "redirect") return redirect(outcome.to);
  return data({ errors: outcome.errors, fieldErrors: outcome.fieldErrors, values: outcome.values, sectionVersion: outcome.sectionVersion }, { status: 400 });
}

/** R-51 One page of a section of the detailed application, rendered from the section data. */
export default function ApplicationQuestionPage() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const values = actionData?.values ?? page.values;
  const back = page.pageIndex > 0 ? `${APPLICATION_HOME}/${page.sectionId}/${page.pageIndex}` : APPLICATION_HOME;
  return (
    <>
      <BackLink href={back} text="Back" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {page.resumed ? <NotificationBanner type="success" html={<p className="govuk-notification-banner__heading">We saved what you sent before you were signed out.</p>} /> : null}
          {actionData?.errors?.length ? <ErrorSummary titleText="There is a problem" errorList={actionData.errors} /> : null}
          <span className="govuk-caption-l">{page.sectionTitle}</span>
          <h1 className="govuk-heading-l">{page.heading}</h1>
          {page.budget ? (
            <>
              <InsetText>The totals of your budget as last saved. CLG can fund up to £100,000.</InsetText>
              <SummaryList
                classes="govuk-summary-list--no-border"
                rows={[
                  { key: { text: "Total cost" }, value: { text: page.budget.total } },
                  { key: { text: "Funded by CLG" }, value: { text: page.budget.clg } },
                  { key: { text: "Funded by other sources" }, value: { text: page.budget.other } },
                  ...page.budget.byQuarter.map((q) => ({ key: { text: q.quarter }, value: { text: q.total } })),
                ]}
              />
            </>
          ) : null}
          <ServiceForm>
            {/* Enter in a field saves the page rather than pressing the first "Remove" button. */}
            <button type="submit" name="intent" value="save" className="govuk-visually-hidden" tabIndex={-1} aria-hidden="true">
              Save and continue
            </button>
            <input type="hidden" name="sectionVersion" value={actionData?.sectionVersion ?? page.sectionVersion} />
            <ApplicationFields questions={page.questions as ApplicationQuestion[]} ctx={{ values, errors: actionData?.fieldErrors ?? {} }} />
            <div className="govuk-button-group">
              <Button text="Save and continue" name="intent" value="save" />
              <a className="govuk-link" href={APPLICATION_HOME}>
                Return to your task list
              </a>
            </div>
          </ServiceForm>
        </div>
      </div>
    </>
  );
}

