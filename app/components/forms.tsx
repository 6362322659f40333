import { Form, useRouteLoaderData, type FormProps } from "@remix-run/react";
import type { loader as rootLoader } from "~/root";

/** The hidden CSRF field every form carries (the token comes from the root loader). */
export function CsrfInput() {
  const data = useRouteLoaderData<typeof rootLoader>("root");
  return <input type="hidden" name="csrf" value={data?.csrfToken ?? ""} />;
}

/** A POST form with the CSRF field and without browser validation (GOV.UK: the server validates). */
export function ServiceForm({ children, ...props }: Omit<FormProps, "method"> & { method?: "post" }) {
  return (
    <Form method="post" noValidate {...props}>
      <CsrfInput />
      {children}
    </Form>
  );
}
