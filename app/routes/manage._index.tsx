import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { SummaryList } from "~/components/govuk";
import { countAuthorities } from "~/data/authorities.server";
import { getDb } from "~/data/db.server";
import { currentRound } from "~/data/rounds.server";
import { formatDateLondon, formatDateTimeLondon } from "~/domain/calendar";
import { formatMoney } from "~/domain/money";
import { pageTitle } from "~/utils/page";

export const meta: MetaFunction = () => pageTitle("Programme");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { role: "programme_manager" });
  const db = getDb();
  const [round, authorities, [{ n: users }], [{ n: pending }]] = await Promise.all([
    currentRound(db),
    countAuthorities(db),
    db("users").count({ n: "*" }),
    db("email_outbox").whereNot({ status: "sent" }).count({ n: "*" }),
  ]);
  const day = formatDateLondon;
  return {
    round: round && {
      name: round.name,
      fund: formatMoney(round.totalFundPence),
      maxAward: formatMoney(round.maxAwardPence),
      pilots: round.pilotCount,
      closes: formatDateTimeLondon(new Date(round.eoiClosesAt)),
      requestsBy: day(round.requestsBy),
      detailedDue: formatDateTimeLondon(new Date(round.detailedDueAt)),
      startBy: day(round.startBy),
      endsOn: day(round.endsOn),
    },
    authorities,
    users: Number(users),
    pendingEmails: Number(pending),
  };
}

/** The programme manager's home: the round's facts and timetable. */
export default function ManageHome() {
  const { round, authorities, users, pendingEmails } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">Programme</h1>
        {round ? (
          <>
            <h2 className="govuk-heading-m">{round.name}</h2>
            <SummaryList
              rows={[
                { key: { text: "Total fund" }, value: { text: round.fund } },
                { key: { text: "Pilots" }, value: { text: `${round.pilots}, one per region` } },
                { key: { text: "Largest grant" }, value: { text: round.maxAward } },
                { key: { text: "Expressions of interest close" }, value: { text: round.closes } },
                { key: { text: "Requests for detailed applications by" }, value: { text: round.requestsBy } },
                { key: { text: "Detailed applications due" }, value: { text: round.detailedDue } },
                { key: { text: "Pilots begin by" }, value: { text: round.startBy } },
                { key: { text: "Programme ends" }, value: { text: round.endsOn } },
              ]}
            />
            <p className="govuk-body">
              <Link className="govuk-link" to="/manage/round">
                Change the timetable
              </Link>
            </p>
          </>
        ) : (
          <p className="govuk-body">There is no round yet.</p>
        )}
        <p className="govuk-body"><Link className="govuk-link" to="/manage/eois">Expressions of interest: by region, with hard copies, deadlines and downloads</Link></p>
        <p className="govuk-body"><Link className="govuk-link" to="/manage/sift">Sift and selection: assign assessors, moderate scores and select the pilots</Link></p>
        <p className="govuk-body"><Link className="govuk-link" to="/manage/applications">Detailed applications and grant awards: review, approve, offer letters and 360Giving data</Link></p>
        <h2 className="govuk-heading-m">People and email</h2>
        <ul className="govuk-list">
          <li>
            <Link className="govuk-link" to="/manage/users">
              Users ({users})
            </Link>
          </li>
          <li>
            <Link className="govuk-link" to="/manage/emails">
              Emails ({pendingEmails} waiting to be sent)
            </Link>
          </li>
          <li>{authorities} local authorities on the register</li>
        </ul>
      </div>
    </div>
  );
}
