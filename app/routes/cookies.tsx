import type { MetaFunction } from "@remix-run/node";
import { Table } from "~/components/govuk";
import { pageTitle } from "~/utils/page";

export const meta: MetaFunction = () => pageTitle("Cookies");

export default function Cookies() {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">Cookies</h1>
        <p className="govuk-body">This service uses only the cookies it needs to work. It does not use analytics cookies.</p>
        <Table
          caption="Essential cookies"
          head={[{ text: "Name" }, { text: "Purpose" }, { text: "Expires" }]}
          rows={[
            [{ text: "__session" }, { text: "Keeps you signed in" }, { text: "12 hours" }],
            [{ text: "__csrf" }, { text: "Makes sure forms you send came from this service" }, { text: "When you close your browser" }],
          ]}
        />
      </div>
    </div>
  );
}
