import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ROLE_LABELS } from "~/auth/roles";
import { requireUser } from "~/auth/session.server";
import { Button, NotificationBanner, Table } from "~/components/govuk";
import { getDb } from "~/data/db.server";
import { findUserById, listUsers } from "~/data/users.server";
import { pageTitle } from "~/utils/page";

export const meta: MetaFunction = () => pageTitle("Users");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { role: "programme_manager" });
  const added = Number(new URL(request.url).searchParams.get("added"));
  const [users, addedUser] = await Promise.all([listUsers(getDb()), added ? findUserById(getDb(), added) : null]);
  return {
    added: addedUser ? { name: addedUser.name, email: addedUser.email } : null,
    users: users.map((u) => ({ name: u.name, email: u.email, role: ROLE_LABELS[u.role], authority: u.authorityName ?? "" })),
  };
}

export default function Users() {
  const { users, added } = useLoaderData<typeof loader>();
  return (
    <>
      {added ? (
        <NotificationBanner type="success" html={<p className="govuk-notification-banner__heading">{`${added.name} has been added. We have emailed ${added.email} a link to set a password.`}</p>} />
      ) : null}
      <h1 className="govuk-heading-l">Users</h1>
      <Button text="Add a user" href="/manage/users/new" classes="govuk-button--secondary" />
      <Table
        caption="Everyone who can sign in"
        captionClasses="govuk-visually-hidden"
        head={[{ text: "Name" }, { text: "Email address" }, { text: "Role" }, { text: "Authority" }]}
        rows={users.map((u) => [{ text: u.name }, { text: u.email }, { text: u.role }, { text: u.authority }])}
      />
    </>
  );
}
