import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { Panel } from "~/components/govuk";
import { getDb } from "~/data/db.server";
import { formatDateLondon } from "~/domain/calendar";
import { applicantContext } from "~/services/eoi.server";
import { pageTitle } from "~/utils/page";

export const meta: MetaFunction = () => pageTitle("Expression of interest submitted");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: "applicant" });
  const { round, eoi } = await applicantContext(getDb(), user);
  if (!eoi || eoi.status !== "submitted") throw redirect("/applicant/eoi");
  return { reference: eoi.reference!, email: user.email, requestsBy: formatDateLondon(round.requestsBy) };
}

/** R-35 The GOV.UK confirmation page with the reference. */
export default function Confirmation() {
  const { reference, email, requestsBy } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Panel titleText="Expression of interest submitted" html={<>Your reference number<br /><strong>{reference}</strong></>} />
        <p className="govuk-body">We have sent a confirmation email to {email}, and to your named contact, with a copy of your expression of interest as a PDF.</p>
        <h2 className="govuk-heading-m">What happens next</h2>
        <p className="govuk-body">Print the PDF and post the hard copy to the Community Development Foundation, quoting your reference. The invitation asks for both.</p>
        <p className="govuk-body">CLG will sift the expressions of interest. Areas selected will be asked for a detailed application by {requestsBy}. There is no appeals process for areas not selected.</p>
        <p className="govuk-body">
          <a className="govuk-link" href="/applicant/eoi/pdf">
            Download your expression of interest (PDF)
          </a>
        </p>
      </div>
    </div>
  );
}
