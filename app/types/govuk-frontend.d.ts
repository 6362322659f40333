declare module "govuk-frontend" {
  export function initAll(config?: { scope?: Element | Document | null }): void;
}
