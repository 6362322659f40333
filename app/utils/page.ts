import type { MetaDescriptor } from "@remix-run/node";
import { SERVICE_NAME } from "~/components/layout/ServiceLayout";

/** GOV.UK page titles: "Page – Service – GOV.UK". */
export function pageTitle(page: string): MetaDescriptor[] {
  return [{ title: `${page} – ${SERVICE_NAME} – GOV.UK` }];
}

/**
 * GOV.UK error summary pattern: "add 'Error: ' to the beginning of the <title> so screen readers
 * read it out as soon as possible". Added by the root (app/components/layout/PageMeta.tsx), never
 * by a route (ADR 0072).
 */
export const ERROR_TITLE_PREFIX = "Error: ";

/**
 * Whether a route's loader or action data puts an error summary on the page. The convention
 * (ADR 0072): a page that shows an error summary returns its items under `errors`, either as a
 * list or as FormErrors; anything else under `errors` (null, an empty list) means no summary.
 */
export function showsErrorSummary(routeData: unknown): boolean {
  if (!routeData || typeof routeData !== "object" || !("errors" in routeData)) return false;
  const errors: unknown = routeData.errors;
  if (Array.isArray(errors)) return errors.length > 0;
  if (errors && typeof errors === "object" && "errorList" in errors && Array.isArray(errors.errorList)) return errors.errorList.length > 0;
  return false;
}

/** A route's meta with "Error: " before its title; the other descriptors unchanged. */
export function withErrorTitle(meta: MetaDescriptor[]): MetaDescriptor[] {
  return meta.map((descriptor) => (descriptor && "title" in descriptor && !String(descriptor.title).startsWith(ERROR_TITLE_PREFIX) ? { ...descriptor, title: ERROR_TITLE_PREFIX + String(descriptor.title) } : descriptor));
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
