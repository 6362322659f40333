import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { readForm } from "~/auth/session.server";
import { now } from "~/clock.server";
import { taskStatus } from "~/components/eoi/status-tags";
import { ServiceForm } from "~/components/forms";
import { Button, Details, InsetText, NotificationBanner, Panel, SummaryList, TaskList, WarningText } from "~/components/govuk";
import { listApplicationReviews, listApplicationVersions } from "~/data/applications.server";
import { findAwardForApplication } from "~/data/awards.server";
import { getDb } from "~/data/db.server";
import { applicationTaskList, isEditable, STATE_LABELS, submitTaskStatus } from "~/domain/application/status";
import { formatDateLondon, formatDateTimeLondon } from "~/domain/calendar";
import { formatMoney } from "~/domain/money";
import { startApplication } from "~/services/application.server";
import { answersView } from "~/services/application-view.server";
import { pageTitle } from "~/utils/page";
import { ApplicationAnswers } from "./applicant.application._shared/ApplicationAnswers";
import { orNotFound, requireInvitedApplicant } from "./applicant.application._shared/guard.server";

export const meta: MetaFunction = () => pageTitle("Your detailed application");

export async function loader({ request }: LoaderFunctionArgs) {
  const { context } = await requireInvitedApplicant(request);
  const { authority, invitation, application, programme, sections } = context;
  const db = getDb();
  const base = {
    authorityName: authority.name,
    region: authority.region,
    reference: invitation.eoiReference,
    due: formatDateTimeLondon(programme.detailedDueAt),
    open: now().getTime() <= programme.detailedDueAt.getTime(),
    startBy: formatDateLondon(programme.startBy),
    quarters: programme.quarters,
  };
  if (!application) return { ...base, application: null };
  const [reviews, versions, award] = await Promise.all([listApplicationReviews(db, application.id), listApplicationVersions(db, application.id), findAwardForApplication(db, application.id)]);
  const progress = { answers: application.answers, markedComplete: application.markedComplete, state: application.status };
  const tasks = applicationTaskList(programme, sections, progress);
  const latestReview = reviews.at(-1);
  return {
    ...base,
    application: {
      status: application.status,
      statusLabel: STATE_LABELS[application.status],
      editable: isEditable(application.status),
      tasks,
      completed: tasks.filter((t) => t.status === "completed").length,
      submitStatus: submitTaskStatus(programme, sections, progress),
      submittedAt: application.submittedAt ? formatDateTimeLondon(new Date(application.submittedAt)) : null,
      versions: versions.map((v) => ({ number: v.number, submittedAt: formatDateTimeLondon(new Date(v.submittedAt)), by: v.submittedByName, clgRequest: formatMoney(v.clgRequestPence) })),
      latestReview: latestReview ? { decision: latestReview.decision, comments: latestReview.comments, at: formatDateTimeLondon(new Date(latestReview.decidedAt)), version: latestReview.versionNumber } : null,
      withdrawnReason: application.withdrawnReason,
      award: award ? { amount: formatMoney(award.amountPence), status: award.status } : null,
      // R-52 what was last submitted, read-only, while it is with CLG or after a decision.
      submitted: !isEditable(application.status) && versions.length ? { number: versions.at(-1)!.number, view: answersView(programme, sections, versions.at(-1)!.answers) } : null,
    },
  };
}

/** R-50 Start the authority's detailed application (a second officer joins the same one). */
export async function action({ request }: ActionFunctionArgs) {
  await readForm(request);
  const { user } = await requireInvitedApplicant(request);
  await orNotFound(() => startApplication(getDb(), { user, now: now() }));
  return redirect("/applicant/application");
}

/** R-50 R-51 R-52 The invited authority's detailed application: start it, its task list, or where it has got to. */
export default function ApplicationHome() {
  const page = useLoaderData<typeof loader>();
  const app = page.application;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <span className="govuk-caption-l">{page.authorityName}</span>
        <h1 className="govuk-heading-l">Your detailed application</h1>
        {!app ? (
          <>
            <p className="govuk-body">
              Your expression of interest ({page.reference}) has been shortlisted as the pilot for {page.region}. CLG invites you to send a detailed application by {page.due}.
            </p>
            <p className="govuk-body">The detailed application sets out:</p>
            <ul className="govuk-list govuk-list--bullet">
              <li>a delivery plan with milestones – the pilot must begin by {page.startBy}</li>
              <li>a plan for each of outputs A to F: what, when and at what cost</li>
              <li>a budget by line and by quarter ({page.quarters.join(", ")}), showing what CLG funds (up to £100,000) and what other sources fund</li>
              <li>the risks, partners’ confirmed roles, your service improvement plan and how you will evaluate the pilot</li>
            </ul>
            <p className="govuk-body">We have filled in your partners and your cost lines from the expression of interest. You can change them.</p>
            {page.open ? (
              <ServiceForm>
                <Button text="Start your detailed application" />
              </ServiceForm>
            ) : (
              <WarningText text="The date for detailed applications has passed." />
            )}
          </>
        ) : app.editable ? (
          <>
            {app.status === "changes-requested" && app.latestReview ? (
              <NotificationBanner
                titleText="Changes requested"
                html={
                  <>
                    <p className="govuk-notification-banner__heading">CLG asked for changes to version {app.latestReview.version} on {app.latestReview.at}:</p>
                    <p className="govuk-body app-answer">{app.latestReview.comments}</p>
                    <p className="govuk-body">Make the changes, then check and resubmit. Your earlier version is kept.</p>
                  </>
                }
              />
            ) : (
              <p className="govuk-body">You must submit it by {page.due}.</p>
            )}
            <p className="govuk-body">
              You have completed {app.completed} of {app.tasks.length} sections.
            </p>
            <TaskList
              idPrefix="application"
              items={[
                ...app.tasks.map((task) => ({ title: { text: `${task.number}. ${task.title}` }, href: `/applicant/application/${task.id}/1`, status: taskStatus(task.status), attributes: { id: task.id } })),
                { title: { text: app.status === "changes-requested" ? "Check and resubmit" : "Check and submit" }, href: app.submitStatus === "cannot start yet" ? undefined : "/applicant/application/check", status: taskStatus(app.submitStatus) },
              ]}
            />
            {!page.open && app.status === "draft" ? <WarningText text="The date for detailed applications has passed. You can no longer submit." /> : null}
            <p className="govuk-body">
              <Link className="govuk-link" to="/applicant/application/withdraw">
                Withdraw the detailed application
              </Link>
            </p>
          </>
        ) : (
          <>
            {app.status === "submitted" ? <Panel headingLevel={2} titleText="Submitted" html={<>Version {app.versions.at(-1)?.number}<br />received {app.submittedAt}</>} /> : null}
            {app.status === "approved" && app.award ? (
              <Panel headingLevel={2} titleText="Approved" html={<>Grant offered: <strong>{app.award.amount}</strong></>} />
            ) : null}
            {app.status === "declined" && app.latestReview ? <InsetText>Your detailed application was declined on {app.latestReview.at}. {app.latestReview.comments}</InsetText> : null}
            {app.status === "withdrawn" ? <InsetText>This detailed application was withdrawn. Reason: {app.withdrawnReason}</InsetText> : null}
            {app.status === "submitted" ? <p className="govuk-body">The CLG programme team will review it and email you when they have decided.</p> : null}
            {app.award ? (
              <p className="govuk-body">
                <Link className="govuk-link" to="/applicant/application/offer">
                  {app.award.status === "accepted" ? "View your grant offer and acceptance" : "View and accept your grant offer"}
                </Link>
              </p>
            ) : null}
          </>
        )}
        {app?.submitted ? (
          <Details summaryText={`Your answers (version ${app.submitted.number})`}>
            <ApplicationAnswers view={app.submitted.view} />
          </Details>
        ) : null}
        {app && app.versions.length ? (
          <>
            <h2 className="govuk-heading-m">Versions submitted</h2>
            <SummaryList rows={app.versions.map((v) => ({ key: { text: `Version ${v.number}` }, value: { text: `${v.submittedAt} by ${v.by} – requested from CLG ${v.clgRequest}` } }))} />
          </>
        ) : null}
        {app ? (
          <SummaryList
            rows={[
              { key: { text: "Status" }, value: { text: app.statusLabel } },
              { key: { text: "Expression of interest" }, value: { text: page.reference } },
            ]}
          />
        ) : null}
      </div>
    </div>
  );
}
