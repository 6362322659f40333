import { resolve } from "node:path";
import { UNSAFE_flatRoutes as flatRoutes } from "@remix-run/dev";
import type { ActionFunction, LoaderFunction } from "@remix-run/node";

/**
 * Route discovery for the security tests, with no build needed and no way to miss a route:
 *
 * - WHICH routes exist comes from `flatRoutes`, the very function the Remix Vite plugin calls
 *   to make the route manifest (vite.config.ts sets no `routes` or `ignoredRouteFiles`), run
 *   on app/ when the tests start. A new file in app/routes is a new route here, with the same
 *   id, path and folder (`route.tsx` + companions) rules as the real server.
 * - HOW to load each module is `import.meta.glob`, which Vite expands to a lazy import of every
 *   file under app/routes. A manifest entry the glob cannot load fails loudly instead of being
 *   skipped.
 *
 * A hand-kept list or `fs.readdirSync` would have to re-implement Remix's flat-routes rules
 * (folders, `route.tsx`, `_index`, escaped dots); a production build would go stale between
 * runs. The root route is part of the manifest too (its loader runs on every page).
 */
export interface RouteModule {
  loader?: LoaderFunction;
  action?: ActionFunction;
  default?: unknown;
}

export interface RouteEntry {
  /** The Remix route id, e.g. "routes/applicant.eoi.$sectionId.$page". */
  id: string;
  /** The file under app/, e.g. "routes/applicant.eoi.$sectionId.$page.tsx". */
  file: string;
  /** The full URL pattern, e.g. "/applicant/eoi/:sectionId/:page". */
  pattern: string;
  /** Names of the dynamic segments, in order. */
  paramNames: string[];
  load(): Promise<RouteModule>;
}

const modules = import.meta.glob<RouteModule>(["/app/root.{ts,tsx,js,jsx}", "/app/routes/**/*.{ts,tsx,js,jsx}"]);

interface ManifestRoute {
  id: string;
  file: string;
  path?: string;
  index?: boolean;
  parentId?: string;
}

export function routeManifest(): RouteEntry[] {
  const manifest = flatRoutes(resolve("app")) as Record<string, ManifestRoute>;
  const rootFile = Object.keys(modules).find((key) => /^\/app\/root\.[jt]sx?$/.test(key));
  if (!rootFile) throw new Error("app/root.tsx not found");
  const all: Record<string, ManifestRoute> = { root: { id: "root", file: rootFile.slice("/app/".length), path: "" }, ...manifest };

  const fullPath = (route: ManifestRoute): string => {
    const own = route.path ?? "";
    const parent = route.parentId ? all[route.parentId] : undefined;
    const prefix = parent ? fullPath(parent) : "";
    return [prefix, own].filter(Boolean).join("/").replace(/\/+/g, "/");
  };

  return Object.values(all)
    .map((route) => {
      const key = `/app/${route.file}`;
      const load = modules[key];
      if (!load) throw new Error(`Route ${route.id} (app/${route.file}) is in the Remix manifest but import.meta.glob cannot load it: widen the glob in test/security/support/routes.ts`);
      const pattern = "/" + fullPath(route);
      const paramNames = [...pattern.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1]!);
      if (pattern.includes("*")) paramNames.push("*");
      return { id: route.id, file: route.file, pattern, paramNames, load };
    })
    .sort((a, b) => (a.id === "root" ? -1 : b.id === "root" ? 1 : a.id.localeCompare(b.id)));
}

/** The URL of a route with its dynamic segments filled in. */
export function concretePath(route: RouteEntry, params: Record<string, string>): string {
  return route.pattern
    .replace(/:([A-Za-z0-9_]+)\??/g, (_, name: string) => encodeURIComponent(params[name] ?? ""))
    .replace(/\*$/, params["*"] ?? "")
    .replace(/\/+$/, "") || "/";
}
