import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { expiredSessionUserId, getUser, readForm, requireUser } from "~/auth/session.server";
import { now } from "~/clock.server";
import { QuestionFields } from "~/components/eoi/QuestionFields";
import { ServiceForm } from "~/components/forms";
import { BackLink, Button, ErrorSummary, InsetText, NotificationBanner, SummaryList } from "~/components/govuk";
import { getDb } from "~/data/db.server";
import { authorityTypeLabel } from "~/domain/programme";
import { pageQuestions, sectionPages } from "~/domain/eoi/pages";
import { checkTwoPageLimit } from "~/domain/eoi/schema";
import { summariseCosts, type CostLine } from "~/domain/eoi/costs";
import { answerRows, sectionById } from "~/domain/eoi/sections";
import { formatMoney, parseMoney } from "~/domain/money";
import { TWO_PAGE_WORD_LIMIT } from "~/domain/words";
import { applicantContext } from "~/services/eoi.server";
import { handlePagePost, parsePagePath } from "~/services/eoi-pages.server";
import { holdForm } from "~/services/held-forms.server";
import { pageTitle } from "~/utils/page";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data?.pageTitle ?? "Expression of interest");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: "applicant" });
  const where = parsePagePath(params.sectionId, params.page);
  if (!where) throw new Response("Not found", { status: 404 });
  const { authority, eoi } = await applicantContext(getDb(), user);
  if (!eoi) throw redirect("/applicant");
  if (eoi.status !== "draft") throw redirect("/applicant/eoi");
  const section = sectionById(where.sectionId);
  const pages = sectionPages(where.sectionId);
  const twoPages = checkTwoPageLimit(eoi.answers);
  // R-32 each written answer of sections 2 to 9 may use what the other answers leave of the 1,000 words.
  const wordBudget = section.countsTowardTwoPageLimit
    ? Object.fromEntries(
        twoPages.byField.filter((f) => f.sectionId === where.sectionId).map((f) => [f.field, TWO_PAGE_WORD_LIMIT - (twoPages.totalWords - f.words)]),
      )
    : {};
  for (const q of section.questions) if (section.countsTowardTwoPageLimit && q.kind === "textarea" && !(q.name in wordBudget)) wordBudget[q.name] = TWO_PAGE_WORD_LIMIT - twoPages.totalWords;
  return {
    sectionId: where.sectionId,
    pageIndex: where.pageIndex,
    pageCount: pages.length,
    sectionTitle: `${section.number}. ${section.title}`,
    heading: pages[where.pageIndex].title,
    pageTitle: pages.length > 1 ? `${pages[where.pageIndex].title} – ${section.title}` : section.title,
    values: (eoi.answers[where.sectionId] ?? {}) as Record<string, unknown>,
    sectionVersion: eoi.sectionVersions[where.sectionId] ?? 0,
    wordBudget,
    twoPageTotal: section.countsTowardTwoPageLimit ? twoPages.totalWords : null,
    authority: where.sectionId === "about-the-bid" && where.pageIndex === 0 ? { name: authority.name, region: authority.region, type: authorityTypeLabel(authority.type as never) } : null,
    resumed: new URL(request.url).searchParams.has("resumed"),
    costTotals: where.sectionId === "supporting-documents" && where.pageIndex === 0 ? costTotals(eoi.answers["supporting-documents"]?.costs) : null,
  };
}

/** R-33 Totals of the cost lines as last saved (lines whose amount is not yet valid are left out). */
function costTotals(rows: unknown) {
  const lines: CostLine[] = answerRows(rows).flatMap((row) => {
    const amount = parseMoney(String(row.amount ?? ""));
    if (!amount.ok || (row.fundedBy !== "clg" && row.fundedBy !== "other")) return [];
    return [{ description: String(row.description ?? ""), category: "other" as const, amountPence: amount.pence, fundedBy: row.fundedBy === "clg" ? ("clg" as const) : { other: String(row.otherSource ?? "") } }];
  });
  if (lines.length === 0) return null;
  const summary = summariseCosts(lines);
  return { total: formatMoney(summary.totalPence), clg: formatMoney(summary.clgRequestPence), other: formatMoney(summary.otherSourcesPence) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await readForm(request);
  const where = parsePagePath(params.sectionId, params.page);
  if (!where) throw new Response("Not found", { status: 404 });
  if (!(await getUser(request))) {
    // R-34 the officer's session expired while they were typing: keep what they sent, for them
    // alone. Without an expired session of theirs there is nobody to keep it for.
    const owner = await expiredSessionUserId(request);
    if (owner === null) return redirect(`/sign-in?returnTo=${encodeURIComponent(new URL(request.url).pathname)}`);
    const token = await holdForm(getDb(), { userId: owner, path: new URL(request.url).pathname, form, now: now() });
    return redirect(`/sign-in?returnTo=${encodeURIComponent(`/resume/${token}`)}&expired=1`);
  }
  const user = await requireUser(request, { role: "applicant" });
  if (!(await applicantContext(getDb(), user)).eoi) return redirect("/applicant");
  const outcome = await handlePagePost(getDb(), { user, ...where, form, now: now() });
  if (outcome.kind === "redirect") return redirect(outcome.to);
  return data({ errors: outcome.errors, fieldErrors: outcome.fieldErrors, values: outcome.values, sectionVersion: outcome.sectionVersion }, { status: 400 });
}

export default function QuestionPage() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const questions = pageQuestions(page.sectionId, page.pageIndex);
  const values = actionData?.values ?? page.values;
  const back = page.pageIndex > 0 ? `/applicant/eoi/${page.sectionId}/${page.pageIndex}` : "/applicant/eoi";
  return (
    <>
      <BackLink href={back} text="Back" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {page.resumed ? (
            <NotificationBanner type="success" html={<p className="govuk-notification-banner__heading">We saved what you sent before you were signed out.</p>} />
          ) : null}
          {actionData?.errors?.length ? <ErrorSummary titleText="There is a problem" errorList={actionData.errors} /> : null}
          <span className="govuk-caption-l">{page.sectionTitle}</span>
          <h1 className="govuk-heading-l">{page.heading}</h1>
          {page.twoPageTotal !== null ? (
            <InsetText>
              Sections 2 to 9 are your two-page outline and share a limit of 1,000 words. You have used {page.twoPageTotal.toLocaleString("en-GB")} of them.
            </InsetText>
          ) : null}
          {page.authority ? (
            <SummaryList
              rows={[
                { key: { text: "Lead authority" }, value: { text: page.authority.name } },
                { key: { text: "Region" }, value: { text: page.authority.region } },
                { key: { text: "Type of authority" }, value: { text: page.authority.type } },
              ]}
            />
          ) : null}
          {page.costTotals ? (
            <SummaryList
              classes="govuk-summary-list--no-border"
              rows={[
                { key: { text: "Total cost (as saved)" }, value: { text: page.costTotals.total } },
                { key: { text: "Requested from CLG" }, value: { text: page.costTotals.clg } },
                { key: { text: "From other sources" }, value: { text: page.costTotals.other } },
              ]}
            />
          ) : null}
          <ServiceForm>
            <button type="submit" name="intent" value="save" className="govuk-visually-hidden" tabIndex={-1} aria-hidden="true">
              Save and continue
            </button>
            <input type="hidden" name="sectionVersion" value={actionData?.sectionVersion ?? page.sectionVersion} />
            <QuestionFields questions={questions.filter((q) => !(page.sectionId === "about-the-bid" && (q.name === "region" || q.name === "authorityType")))} ctx={{ values, errors: actionData?.fieldErrors ?? {}, wordBudget: page.wordBudget }} />
            <div className="govuk-button-group">
              <Button text="Save and continue" name="intent" value="save" />
              <a className="govuk-link" href="/applicant/eoi">
                Return to your task list
              </a>
            </div>
          </ServiceForm>
        </div>
      </div>
    </>
  );
}
