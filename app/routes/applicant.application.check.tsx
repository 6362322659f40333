import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { readForm } from "~/auth/session.server";
import { now } from "~/clock.server";
import { ServiceForm } from "~/components/forms";
import { BackLink, Button, ErrorSummary, WarningText } from "~/components/govuk";
import { getDb } from "~/data/db.server";
import { canSubmitApplication, isEditable } from "~/domain/application/status";
import { formatDateTimeLondon } from "~/domain/calendar";
import { submitApplication } from "~/services/application.server";
import { APPLICATION_HOME } from "~/domain/application/paths";
import { answersView } from "~/services/application-view.server";
import { wakeOutbox } from "~/services/mail.server";
import { pageTitle } from "~/utils/page";
import { ApplicationAnswers } from "./applicant.application._shared/ApplicationAnswers";
import { orNotFound, requireInvitedApplicant } from "./applicant.application._shared/guard.server";

export const meta: MetaFunction = () => pageTitle("Check your answers before submitting your detailed application");

const toPage = (href: string) => (href.length > 1 ? `${APPLICATION_HOME}${href}` : APPLICATION_HOME);

export async function loader({ request }: LoaderFunctionArgs) {
  const { context } = await requireInvitedApplicant(request);
  const { application, programme, sections, authority } = context;
  if (!application || !isEditable(application.status)) throw redirect(APPLICATION_HOME);
  const check = canSubmitApplication(programme, sections, { answers: application.answers, markedComplete: application.markedComplete, state: application.status }, now());
  return {
    authorityName: authority.name,
    resubmission: application.status === "changes-requested",
    nextVersion: application.submissionCount + 1,
    due: formatDateTimeLondon(programme.detailedDueAt),
    errors: check.ok ? [] : check.errors.map((e) => ({ text: e.text, href: toPage(e.href) })),
    view: answersView(programme, sections, application.answers),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  await readForm(request);
  const { user } = await requireInvitedApplicant(request);
  const result = await orNotFound(() => submitApplication(getDb(), { user, now: now(), baseUrl: new URL(request.url).origin }));
  if (!result.ok) return data({ errors: result.errors.map((e) => ({ text: e.text, href: toPage(e.href) })) }, { status: 400 });
  wakeOutbox();
  return redirect(`${APPLICATION_HOME}/confirmation`);
}

/** R-51 R-52 "Check your answers" with change links, then submit (or resubmit as the next version). */
export default function CheckApplication() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors ?? page.errors;
  return (
    <>
      <BackLink href={APPLICATION_HOME} text="Back to your task list" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-full">
          {errors.length ? <ErrorSummary titleText={actionData ? "There is a problem" : "You cannot submit yet"} errorList={errors} /> : null}
          <span className="govuk-caption-l">{page.authorityName}</span>
          <h1 className="govuk-heading-l">Check your answers before submitting your detailed application</h1>
          <ApplicationAnswers view={page.view} changeBase={APPLICATION_HOME} />
          <h2 className="govuk-heading-m">{page.resubmission ? `Now resubmit your detailed application as version ${page.nextVersion}` : "Now send your detailed application"}</h2>
          <p className="govuk-body">
            By submitting it you confirm that, to the best of your knowledge, the details are correct, that your partners have confirmed their roles, and that the lead authority will deliver outputs A to F if the application is approved.
          </p>
          <WarningText text={page.resubmission ? "You cannot change it after resubmitting. Your earlier version is kept." : `You cannot change it after submitting unless CLG asks for changes. The deadline is ${page.due}.`} />
          <ServiceForm>
            <Button text={page.resubmission ? "Accept and resubmit" : "Accept and submit"} preventDoubleClick />
          </ServiceForm>
        </div>
      </div>
    </>
  );
}
