import type { RouteEntry } from "./routes";
import type { World } from "./world";

/**
 * Values for a route's dynamic segments: always the OWNING authority's records, so that every
 * other person tries to reach the owner's data. A new route with a param name not known here
 * fails the tests naming it, rather than being called with a made-up value.
 */
export function paramsFor(route: RouteEntry, world: World): Record<string, string> {
  const values: Record<string, string> = {};
  for (const name of route.paramNames) {
    const value =
      name === "sectionId"
        ? "impact"
        : name === "page"
          ? "1"
          : name === "saveId"
            ? String(world.conflictSaveId)
            : name === "eoiId"
              ? String(world.eoiId)
              : name === "id" && route.id.startsWith("routes/manage.emails.")
                ? String(world.emailId)
                : name === "id" && /^routes\/(manage\.eois|manage\.sift|assess)\./.test(route.id)
                  ? String(world.eoiId)
                  : name === "id" && /^routes\/manage\.(applications|awards)\./.test(route.id)
                    ? "1"
                    : name === "token" && route.id === "routes/applicant.application.resume.$token"
                      ? world.heldFormToken
                      : name === "selectionId"
                    ? String(world.selectionId)
                    : name === "file"
                      ? "eois-with-scores.csv"
                      : name === "authorityId"
                    ? String(world.ownerAuthority.id)
                    : name === "token" && route.id === "routes/set-password.$token"
                      ? world.passwordToken
                      : name === "token" && route.id === "routes/resume.$token"
                        ? world.heldFormToken
                        : name === "awardId"
                          ? String(world.awardId)
                          : world.pilotParams[name];
    if (value === undefined) throw new Error(`${route.id}: no value for its param $${name}: add one to test/security/support/params.ts`);
    values[name] = value;
  }
  return values;
}

