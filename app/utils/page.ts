import type { MetaDescriptor } from "@remix-run/node";
import { SERVICE_NAME } from "~/components/layout/ServiceLayout";

/** GOV.UK page titles: "Page – Service – GOV.UK". */
export function pageTitle(page: string): MetaDescriptor[] {
  return [{ title: `${page} – ${SERVICE_NAME} – GOV.UK` }];
}

export interface FormErrors {
  /** Error-summary items, in the order of the fields on the page. */
  errorList: Array<{ text: string; href: string }>;
  /** The message shown beside each field, by field name. */
  fields: Record<string, string>;
}

export function formErrors(entries: Array<[field: string, message: string]>): FormErrors {
  return {
    errorList: entries.map(([field, text]) => ({ text, href: `#${field}` })),
    fields: Object.fromEntries(entries),
  };
}
