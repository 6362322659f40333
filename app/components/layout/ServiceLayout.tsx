import { Form, Link, useLocation } from "@remix-run/react";
import type { ReactNode } from "react";
import type { NavigationItem } from "~/auth/roles";
import { CsrfInput } from "~/components/forms";
import { FOOTER_CROWN, GOVUK_LOGO, OGL_LOGO } from "./logos";

export const SERVICE_NAME = "Apply to be a Practitioners' Toolkit pilot";

export interface LayoutUser {
  name: string;
  roleLabel: string;
}

/** The GOV.UK template's page furniture: skip link, header, service navigation, phase banner, footer. */
export function ServiceLayout({ user, navigation, children }: { user: LayoutUser | null; navigation: NavigationItem[]; children: ReactNode }) {
  const { pathname } = useLocation();
  // The current section of the service: the longest navigation link the path starts with
  // (so /manage/users is "Users", not also "Programme").
  const matches = (href: string) => pathname === href || (href !== "/" && pathname.startsWith(href + "/"));
  const longestMatch = (item: NavigationItem) => Math.max(-1, ...[item.href, ...(item.also ?? [])].filter(matches).map((path) => path.length));
  const current = navigation.filter((item) => longestMatch(item) >= 0).sort((a, b) => longestMatch(b) - longestMatch(a))[0]?.href;
  const isActive = (href: string) => href === current;
  return (
    <>
      <a href="#main-content" className="govuk-skip-link" data-module="govuk-skip-link">
        Skip to main content
      </a>
      <header className="govuk-template__header">
        <div className="govuk-header" data-module="govuk-header">
          <div className="govuk-header__container govuk-width-container">
            <div className="govuk-header__logo">
              <a href="https://www.gov.uk" className="govuk-header__homepage-link" dangerouslySetInnerHTML={{ __html: GOVUK_LOGO }} />
            </div>
          </div>
        </div>
        <section aria-label="Service information" className="govuk-service-navigation" data-module="govuk-service-navigation">
          <div className="govuk-width-container">
            <div className="govuk-service-navigation__container">
              <span className="govuk-service-navigation__service-name">
                <Link to="/" className="govuk-service-navigation__link">
                  {SERVICE_NAME}
                </Link>
              </span>
              <nav aria-label="Menu" className="govuk-service-navigation__wrapper">
                <button type="button" className="govuk-service-navigation__toggle govuk-js-service-navigation-toggle" aria-controls="navigation" hidden aria-hidden="true">
                  Menu
                </button>
                <ul className="govuk-service-navigation__list" id="navigation">
                  {navigation.map((item) => (
                    <li key={item.href} className={"govuk-service-navigation__item" + (isActive(item.href) ? " govuk-service-navigation__item--active" : "")}>
                      <Link className="govuk-service-navigation__link" to={item.href} aria-current={isActive(item.href) ? "page" : undefined}>
                        {isActive(item.href) ? <strong className="govuk-service-navigation__active-fallback">{item.text}</strong> : item.text}
                      </Link>
                    </li>
                  ))}
                  {user ? (
                    <li className="govuk-service-navigation__item app-service-navigation__item--sign-out">
                      <Form method="post" action="/sign-out" className="app-inline-form">
                        <CsrfInput />
                        <button type="submit" className="govuk-service-navigation__link app-link-button">
                          Sign out
                        </button>
                      </Form>
                    </li>
                  ) : (
                    <li className="govuk-service-navigation__item">
                      <Link className="govuk-service-navigation__link" to="/sign-in">
                        Sign in
                      </Link>
                    </li>
                  )}
                </ul>
              </nav>
            </div>
          </div>
        </section>
      </header>
      <div className="govuk-width-container">
        <div className="govuk-phase-banner">
          <p className="govuk-phase-banner__content">
            <strong className="govuk-tag govuk-phase-banner__content__tag">Beta</strong>
            <span className="govuk-phase-banner__text">
              This is a new service. {user ? `You are signed in as ${user.name} (${user.roleLabel}).` : "Sign in to apply, assess or manage the programme."}
            </span>
          </p>
        </div>
        <main className="govuk-main-wrapper" id="main-content" role="main">
          {children}
        </main>
      </div>
      <footer className="govuk-footer">
        <div className="govuk-width-container">
          <span dangerouslySetInnerHTML={{ __html: FOOTER_CROWN }} />
          <div className="govuk-footer__meta">
            <div className="govuk-footer__meta-item govuk-footer__meta-item--grow">
              <h2 className="govuk-visually-hidden">Support links</h2>
              <ul className="govuk-footer__inline-list">
                <li className="govuk-footer__inline-list-item">
                  <Link className="govuk-footer__link" to="/accessibility">
                    Accessibility statement
                  </Link>
                </li>
                <li className="govuk-footer__inline-list-item">
                  <Link className="govuk-footer__link" to="/cookies">
                    Cookies
                  </Link>
                </li>
                <li className="govuk-footer__inline-list-item">
                  <Link className="govuk-footer__link" to="/privacy">
                    Privacy
                  </Link>
                </li>
              </ul>
              <span dangerouslySetInnerHTML={{ __html: OGL_LOGO }} />
              <span className="govuk-footer__licence-description">
                All content is available under the{" "}
                <a className="govuk-footer__link" href="https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/" rel="license">
                  Open Government Licence v3.0
                </a>
                , except where otherwise stated
              </span>
            </div>
            <div className="govuk-footer__meta-item">
              <a className="govuk-footer__link govuk-footer__copyright-logo" href="https://www.nationalarchives.gov.uk/information-management/re-using-public-sector-information/uk-government-licensing-framework/crown-copyright/">
                © Crown copyright
              </a>
            </div>
          </div>
        </div>
      </footer>
    </>
  );
}
