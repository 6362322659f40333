import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { passwordProblem } from "~/auth/password.server";
import { readForm } from "~/auth/session.server";
import { now } from "~/clock.server";
import { ServiceForm } from "~/components/forms";
import { Button, ErrorSummary, Input } from "~/components/govuk";
import { getDb } from "~/data/db.server";
import { checkPasswordToken, setPasswordWithToken } from "~/services/users.server";
import { formErrors, pageTitle } from "~/utils/page";

export const meta: MetaFunction = () => pageTitle("Set your password");

const TOKEN_PROBLEMS = {
  unknown: "This link is not valid. Check you copied the whole link from the email.",
  used: "This link has already been used. Sign in with the password you set.",
  expired: "This link has expired. Ask the programme team to send a new one.",
};

export async function loader({ params }: LoaderFunctionArgs) {
  const state = await checkPasswordToken(getDb(), params.token ?? "", now());
  return state.ok ? { problem: null, email: state.email } : { problem: TOKEN_PROBLEMS[state.reason], email: null };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await readForm(request);
  const password = String(form.get("password") ?? "");
  const confirm = String(form.get("confirmPassword") ?? "");
  const problems: Array<[string, string]> = [];
  const problem = passwordProblem(password);
  if (problem) problems.push(["password", problem]);
  else if (password !== confirm) problems.push(["confirmPassword", "Enter the same password twice"]);
  if (problems.length) return data({ errors: formErrors(problems) }, { status: 400 });
  const state = await setPasswordWithToken(getDb(), { token: params.token ?? "", password, now: now() });
  if (!state.ok) return data({ errors: formErrors([["password", TOKEN_PROBLEMS[state.reason]]]) }, { status: 400 });
  return redirect("/sign-in?passwordSet=1");
}

export default function SetPassword() {
  const { problem, email } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {errors ? <ErrorSummary titleText="There is a problem" errorList={errors.errorList} /> : null}
        <h1 className="govuk-heading-l">Set your password</h1>
        {problem ? (
          <p className="govuk-body">{problem}</p>
        ) : (
          <>
            <p className="govuk-body">For the account {email}.</p>
            <ServiceForm>
              <Input
                id="password"
                name="password"
                type="password"
                autocomplete="new-password"
                label={{ text: "Password" }}
                hint={{ text: "Use 12 characters or more. A few unrelated words make a strong password." }}
                errorMessage={errors?.fields.password ? { text: errors.fields.password } : undefined}
              />
              <Input
                id="confirmPassword"
                name="confirmPassword"
                type="password"
                autocomplete="new-password"
                label={{ text: "Confirm password" }}
                errorMessage={errors?.fields.confirmPassword ? { text: errors.fields.confirmPassword } : undefined}
              />
              <Button text="Set password" />
            </ServiceForm>
          </>
        )}
      </div>
    </div>
  );
}
