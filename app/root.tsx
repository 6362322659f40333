import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { isRouteErrorResponse, Links, Outlet, Scripts, ScrollRestoration, useLocation, useRouteError, useRouteLoaderData } from "@remix-run/react";
import govukCss from "govuk-frontend/dist/govuk/govuk-frontend.min.css?url";
import { useEffect, type ReactNode } from "react";
import { ensureCsrfToken } from "~/auth/csrf.server";
import { navigationFor, ROLE_LABELS } from "~/auth/roles";
import { getUser } from "~/auth/session.server";
import { PageMeta } from "~/components/layout/PageMeta";
import { SERVICE_NAME, ServiceLayout } from "~/components/layout/ServiceLayout";
import { useNonce } from "~/nonce";
import appCss from "~/styles/app.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: govukCss },
  { rel: "stylesheet", href: appCss },
  { rel: "icon", sizes: "48x48", href: "/assets/images/favicon.ico" },
  { rel: "icon", sizes: "any", href: "/assets/images/favicon.svg", type: "image/svg+xml" },
  { rel: "mask-icon", href: "/assets/images/govuk-icon-mask.svg", color: "#1d70b8" },
  { rel: "apple-touch-icon", href: "/assets/images/govuk-icon-180.png" },
  { rel: "manifest", href: "/assets/manifest.json" },
];

export const meta: MetaFunction = () => [{ title: SERVICE_NAME + " – GOV.UK" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  const csrf = await ensureCsrfToken(request);
  const headers = new Headers();
  if (csrf.setCookie) headers.append("Set-Cookie", csrf.setCookie);
  return data(
    {
      csrfToken: csrf.token,
      user: user ? { name: user.name, role: user.role, roleLabel: ROLE_LABELS[user.role], authorityName: user.authorityName } : null,
      navigation: navigationFor(user?.role ?? null),
    },
    { headers },
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  const location = useLocation();
  useEffect(() => {
    // GOV.UK Frontend's JavaScript enhances components after each page change.
    import("govuk-frontend").then(({ initAll }) => initAll()).catch(() => undefined);
  }, [location.pathname]);
  return (
    <html lang="en" className="govuk-template govuk-template--rebranded">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" />
        <meta name="theme-color" content="#1d70b8" />
        {/* The page's title, with "Error: " while it shows an error summary (ADR 0072). */}
        <PageMeta />
        <Links />
      </head>
      <body className="govuk-template__body">
        <script
          nonce={nonce}
          dangerouslySetInnerHTML={{
            __html: "document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');",
          }}
        />
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  const data = useRouteLoaderData<typeof loader>("root");
  return (
    <ServiceLayout user={data?.user ?? null} navigation={data?.navigation ?? []}>
      <Outlet />
    </ServiceLayout>
  );
}

/** One error boundary for the whole service: GOV.UK's 403, 404 and 500 pages. */
export function ErrorBoundary() {
  const error = useRouteError();
  const data = useRouteLoaderData<typeof loader>("root");
  let title = "Sorry, there is a problem with the service";
  let body: ReactNode = <p className="govuk-body">Try again later.</p>;
  if (isRouteErrorResponse(error) && error.status === 404) {
    title = "Page not found";
    body = (
      <>
        <p className="govuk-body">If you typed the web address, check it is correct.</p>
        <p className="govuk-body">If you pasted the web address, check you copied the entire address.</p>
      </>
    );
  } else if (isRouteErrorResponse(error) && error.status === 403) {
    title = "You do not have permission to see this page";
    body = <p className="govuk-body">{typeof error.data === "string" && error.data ? error.data : "Your account does not give you access to this page."}</p>;
  } else if (isRouteErrorResponse(error) && error.status === 413) {
    title = "The file or form you sent is too large";
    body = <p className="govuk-body">Go back and try again with less.</p>;
  } else if (isRouteErrorResponse(error) && error.status === 503) {
    title = "Sorry, the service is unavailable";
    body = <p className="govuk-body">{typeof error.data === "string" ? error.data : "Try again later."}</p>;
  } else if (!isRouteErrorResponse(error)) {
    console.error(error);
  }
  return (
    <ServiceLayout user={data?.user ?? null} navigation={data?.navigation ?? []}>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">{title}</h1>
          {body}
        </div>
      </div>
    </ServiceLayout>
  );
}
