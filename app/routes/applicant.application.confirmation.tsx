import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Panel } from "~/components/govuk";
import { APPLICATION_HOME } from "~/domain/application/paths";
import { pageTitle } from "~/utils/page";
import { requireInvitedApplicant } from "./applicant.application._shared/guard.server";

export const meta: MetaFunction = () => pageTitle("Detailed application submitted");

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, context } = await requireInvitedApplicant(request);
  if (!context.application || context.application.status !== "submitted") throw redirect(APPLICATION_HOME);
  return { reference: context.invitation.eoiReference, version: context.application.submissionCount, email: user.email };
}

/** R-51 The GOV.UK confirmation page. */
export default function ApplicationConfirmation() {
  const { reference, version, email } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Panel titleText="Detailed application submitted" html={<>Your reference<br /><strong>{reference}</strong><br />version {version}</>} />
        <p className="govuk-body">We have sent a confirmation email to {email}, and to your named contact.</p>
        <h2 className="govuk-heading-m">What happens next</h2>
        <p className="govuk-body">The CLG programme team will review your application. They may approve it and offer a grant, ask you for changes, or decline it. We will email you when they have decided.</p>
        <p className="govuk-body">
          <Link className="govuk-link" to={APPLICATION_HOME}>
            Go to your detailed application
          </Link>
        </p>
      </div>
    </div>
  );
}
