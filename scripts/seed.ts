// npm run seed: puts the demo world into the database (idempotent).
//   --if-empty   only when the database has no round yet (what npm start does)
// DEMO_DATA=off refuses, for real deployments.
import knexFactory from "knex";
import { knexConfig } from "../db/config";
import { DEMO_PASSWORD, seedDemoWorld } from "../db/seeds/demo";

const ifEmpty = process.argv.includes("--if-empty");
if (process.env.DEMO_DATA === "off") {
  console.log("DEMO_DATA=off: demo world not seeded");
  process.exit(0);
}
const db = knexFactory(knexConfig());
try {
  await db.migrate.latest();
  if (ifEmpty && (await db("rounds").first("id"))) {
    console.log("Database already has a round: demo world not seeded");
  } else {
    const { created } = await seedDemoWorld(db, new Date());
    console.log(created ? `Demo world seeded. Every demo account's password is ${DEMO_PASSWORD}` : "Demo world already present (brought up to date)");
  }
} catch (error) {
  console.error("Seeding failed:", (error as Error).message);
  process.exitCode = 1;
} finally {
  await db.destroy();
}
