import { Meta, UNSAFE_RemixContext, type UNSAFE_RouteModules } from "@remix-run/react";
import { useContext } from "react";
import { UNSAFE_DataRouterStateContext } from "react-router-dom";
import { showsErrorSummary, withErrorTitle } from "~/utils/page";

/**
 * Remix's <Meta />, with "Error: " before the page's title while the page shows an error summary
 * (GOV.UK error summary and validation patterns; ADR 0072).
 *
 * Route `meta` functions see loader data only, and most error summaries come from action data,
 * so the decision is taken here, from the router state that <Meta /> itself reads: the loader
 * and action data of every matched route, under the `errors` convention of showsErrorSummary.
 * The same state is there when the server renders the answer to a form posted without
 * JavaScript and after a submission in the browser, so both get the same title.
 */
export function PageMeta() {
  const remix = useContext(UNSAFE_RemixContext);
  const state = useContext(UNSAFE_DataRouterStateContext);
  if (!remix || !state || !pageShowsErrorSummary(state)) return <Meta />;
  return (
    <UNSAFE_RemixContext.Provider value={{ ...remix, routeModules: errorTitled(remix.routeModules, state.matches.map((match) => match.route.id)) }}>
      <Meta />
    </UNSAFE_RemixContext.Provider>
  );
}

interface RouterData {
  matches: Array<{ route: { id: string } }>;
  loaderData: Record<string, unknown>;
  actionData: Record<string, unknown> | null;
  /** Set when an error boundary renders the page instead: it shows no error summary. */
  errors: Record<string, unknown> | null;
}

export function pageShowsErrorSummary({ matches, loaderData, actionData, errors }: RouterData): boolean {
  if (errors) return false;
  return matches.some(({ route }) => showsErrorSummary(actionData?.[route.id]) || showsErrorSummary(loaderData[route.id]));
}

/** The matched routes' modules with each `meta` giving its title the prefix (the others as they are). */
function errorTitled(routeModules: UNSAFE_RouteModules, routeIds: string[]): UNSAFE_RouteModules {
  const modules = { ...routeModules };
  for (const id of routeIds) {
    const module = routeModules[id];
    const meta = module?.meta;
    if (!module || !meta) continue;
    modules[id] = { ...module, meta: (args) => withErrorTitle((typeof meta === "function" ? meta(args) : meta) ?? []) };
  }
  return modules;
}
