import type { MetaFunction } from "@remix-run/node";
import { pageTitle } from "~/utils/page";

export const meta: MetaFunction = () => pageTitle("Accessibility statement");

export default function Accessibility() {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">Accessibility statement</h1>
        <p className="govuk-body">This service is run by Communities and Local Government. We want as many people as possible to be able to use it.</p>
        <p className="govuk-body">It is built to meet the Web Content Accessibility Guidelines (WCAG) version 2.2 at AA level. Every page is checked with automated tests, and every form works without JavaScript.</p>
        <h2 className="govuk-heading-m">Reporting problems</h2>
        <p className="govuk-body">If you find a problem, or need information in a different format, email the programme team at toolkit-pilots@communities.example.gov.uk.</p>
      </div>
    </div>
  );
}
