import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { readForm, requireUser } from "~/auth/session.server";
import { now } from "~/clock.server";
import { ServiceForm } from "~/components/forms";
import { BackLink, Button, ErrorSummary, Input, Radios, Select } from "~/components/govuk";
import { findAuthority, listAuthorities } from "~/data/authorities.server";
import { getDb } from "~/data/db.server";
import { DuplicateValueError } from "~/data/users.server";
import { wakeOutbox } from "~/services/mail.server";
import { addUser } from "~/services/users.server";
import { formErrors, pageTitle } from "~/utils/page";

export const meta: MetaFunction = () => pageTitle("Add a user");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { role: "programme_manager" });
  return { authorities: (await listAuthorities(getDb())).map((a) => ({ id: a.id, name: a.name })) };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireUser(request, { role: "programme_manager" });
  const form = await readForm(request);
  const values = {
    name: String(form.get("name") ?? "").trim(),
    email: String(form.get("email") ?? "").trim(),
    role: String(form.get("role") ?? ""),
    authorityId: String(form.get("authorityId") ?? ""),
  };
  const problems: Array<[string, string]> = [];
  if (!values.name) problems.push(["name", "Enter the person's full name"]);
  else if (values.name.length > 200) problems.push(["name", "Full name must be 200 characters or fewer"]);
  if (!values.email) problems.push(["email", "Enter an email address"]);
  else if (!EMAIL.test(values.email) || values.email.length > 320) problems.push(["email", "Enter an email address in the correct format, like name@example.gov.uk"]);
  if (values.role !== "applicant" && values.role !== "assessor") problems.push(["role", "Select the person's role"]);
  const authority = values.role === "applicant" && values.authorityId ? await findAuthority(getDb(), Number(values.authorityId)) : null;
  if (values.role === "applicant" && !authority) problems.push(["authorityId", "Select the officer's local authority"]);
  if (problems.length) return data({ errors: formErrors(problems), values }, { status: 400 });

  try {
    const userId = await addUser(getDb(), {
      actor,
      email: values.email,
      name: values.name,
      role: values.role as "applicant" | "assessor",
      authorityId: authority?.id ?? null,
      baseUrl: new URL(request.url).origin,
      now: now(),
    });
    wakeOutbox();
    return redirect(`/manage/users?added=${userId}`);
  } catch (error) {
    if (error instanceof DuplicateValueError) {
      return data({ errors: formErrors([["email", "There is already a user with this email address"]]), values }, { status: 400 });
    }
    throw error;
  }
}

export default function AddUser() {
  const { authorities } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors;
  const values = actionData?.values;
  const error = (field: string) => (errors?.fields[field] ? { text: errors.fields[field] } : undefined);
  return (
    <>
      <BackLink href="/manage/users" text="Back to users" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {errors ? <ErrorSummary titleText="There is a problem" errorList={errors.errorList} /> : null}
          <h1 className="govuk-heading-l">Add a user</h1>
          <p className="govuk-body">They will get an email with a link to set their password.</p>
          <ServiceForm>
            <Input id="name" name="name" label={{ text: "Full name" }} autocomplete="off" value={values?.name ?? ""} errorMessage={error("name")} />
            <Input id="email" name="email" type="email" spellcheck={false} label={{ text: "Email address" }} value={values?.email ?? ""} errorMessage={error("email")} />
            <Radios
              idPrefix="role"
              name="role"
              fieldset={{ legend: { text: "Role", classes: "govuk-fieldset__legend--m" } }}
              errorMessage={error("role")}
              items={[
                { value: "applicant", text: "Officer of a local authority", hint: { text: "Can edit and send their authority's bid" }, checked: values?.role === "applicant" },
                { value: "assessor", text: "Assessor", hint: { text: "Scores the bids assigned to them" }, checked: values?.role === "assessor" },
              ]}
            />
            <Select
              id="authorityId"
              name="authorityId"
              label={{ text: "Local authority (for officers)" }}
              errorMessage={error("authorityId")}
              items={[{ value: "", text: "Choose an authority" }, ...authorities.map((a) => ({ value: String(a.id), text: a.name }))]}
              value={values?.authorityId ?? ""}
            />
            <Button text="Add user" />
          </ServiceForm>
        </div>
      </div>
    </>
  );
}
