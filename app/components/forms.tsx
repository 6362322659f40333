import { Form, useRouteLoaderData, type FormProps } from "@remix-run/react";
import type { loader as rootLoader } from "~/root";

/** The hidden CSRF field every form carries (the token comes from the root loader). */
export function CsrfInput() {
  const data = useRouteLoaderData<typeof rootLoader>("root");
  return <input type="hidden" name="csrf" value={data?.csrfToken ?? ""} />;
}

/** A POST form with the CSRF field and without browser validation (GOV.UK: the server validates). */
export function ServiceForm({ children, ...props }: Omit<FormProps, "method"> & { method?: "post" }) {
  // A form that sends a file is posted as a whole page, with or without JavaScript: a body over the
  // server's limit is refused before it is read (server.mjs), and only a page load can show the
  // 413 page that answers it — Remix's fetch would show "Sorry, there is a problem" (ADR 0073).
  const sendsFiles = props.encType === "multipart/form-data";
  return (
    <Form method="post" noValidate reloadDocument={sendsFiles || undefined} {...props}>
      <CsrfInput />
      {children}
    </Form>
  );
}
