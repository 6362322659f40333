import { databaseAnswers, getDb } from "~/data/db.server";

/** GET /healthz: 200 {"status":"ok"} when the database answers, 503 otherwise. */
export async function loader() {
  const ok = await databaseAnswers(getDb());
  return Response.json(ok ? { status: "ok" } : { status: "unavailable", reason: "database" }, {
    status: ok ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
