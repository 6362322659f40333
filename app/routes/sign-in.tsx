import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useSearchParams } from "@remix-run/react";
import { ROLE_HOME } from "~/auth/roles";
import { getUser, readForm, safeReturnTo, startSession } from "~/auth/session.server";
import { now } from "~/clock.server";
import { ServiceForm } from "~/components/forms";
import { Button, ErrorSummary, Input, NotificationBanner } from "~/components/govuk";
import { getDb } from "~/data/db.server";
import { signIn, THROTTLE_MINUTES } from "~/services/sign-in.server";
import { formErrors, pageTitle } from "~/utils/page";

export const meta: MetaFunction = () => pageTitle("Sign in");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  if (user) throw redirect(ROLE_HOME[user.role]);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const email = String(form.get("email") ?? "").trim();
  const password = String(form.get("password") ?? "");
  const missing: Array<[string, string]> = [];
  if (!email) missing.push(["email", "Enter your email address"]);
  if (!password) missing.push(["password", "Enter your password"]);
  if (missing.length) return data({ errors: formErrors(missing), email }, { status: 400 });

  const result = await signIn(getDb(), { email, password, now: now() });
  if (!result.ok) {
    const message =
      result.reason === "throttled"
        ? `There have been too many attempts to sign in to this account. Wait ${THROTTLE_MINUTES} minutes and try again.`
        : "Enter a correct email address and password";
    return data({ errors: formErrors([["email", message]]), email }, { status: result.reason === "throttled" ? 429 : 400 });
  }
  const headers = await startSession(request, result.user.id);
  return redirect(safeReturnTo(new URL(request.url).searchParams.get("returnTo"), ROLE_HOME[result.user.role]), { headers });
}

export default function SignIn() {
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const errors = actionData?.errors;
  const returnTo = params.get("returnTo");
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {errors ? <ErrorSummary titleText="There is a problem" errorList={errors.errorList} /> : null}
        {params.has("expired") ? (
          <NotificationBanner
            titleText="Important"
            html={<p className="govuk-notification-banner__heading">You were signed out before your answers were saved. Sign in again and we will save them.</p>}
          />
        ) : null}
        {params.has("passwordSet") ? (
          <NotificationBanner type="success" html={<p className="govuk-notification-banner__heading">Your password has been set. You can now sign in.</p>} />
        ) : null}
        <h1 className="govuk-heading-l">Sign in</h1>
        <p className="govuk-body">Sign in with the email address and password of your account.</p>
        <ServiceForm action={returnTo ? `/sign-in?returnTo=${encodeURIComponent(returnTo)}` : "/sign-in"}>
          <Input
            id="email"
            name="email"
            type="email"
            autocomplete="email"
            spellcheck={false}
            label={{ text: "Email address" }}
            value={actionData?.email ?? ""}
            errorMessage={errors?.fields.email ? { text: errors.fields.email } : undefined}
          />
          <Input
            id="password"
            name="password"
            type="password"
            autocomplete="current-password"
            label={{ text: "Password" }}
            errorMessage={errors?.fields.password ? { text: errors.fields.password } : undefined}
          />
          <Button text="Sign in" />
        </ServiceForm>
        <p className="govuk-body">If you do not have an account, ask the CLG programme team to add you.</p>
      </div>
    </div>
  );
}
