import type { MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { serviceCookies } from "~/auth/cookies.server";
import { Table } from "~/components/govuk";
import { pageTitle } from "~/utils/page";

export const meta: MetaFunction = () => pageTitle("Cookies");

/** The cookies' names as this server sets them (`__Host-…` over https). */
export function loader() {
  const { session, csrf } = serviceCookies();
  return { session: session.name, csrf: csrf.name };
}

export default function Cookies() {
  const names = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">Cookies</h1>
        <p className="govuk-body">This service uses only the cookies it needs to work. It does not use analytics cookies.</p>
        <Table
          caption="Essential cookies"
          head={[{ text: "Name" }, { text: "Purpose" }, { text: "Expires" }]}
          rows={[
            [{ text: names.session }, { text: "Keeps you signed in" }, { text: "12 hours" }],
            [{ text: names.csrf }, { text: "Makes sure forms you send came from this service" }, { text: "When you close your browser" }],
          ]}
        />
      </div>
    </div>
  );
}
