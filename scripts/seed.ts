// npm run seed: puts the demo world into the database (idempotent).
//   --if-empty   only when the database has no round yet (what npm start does)
//   --stage 1    also puts the world at stage 1: drafts and ~30 submitted expressions of
//                interest over every region and type (db/seeds/stage1.ts)
//   --stage 2    stage 1, then the round closed, assessors assigned, most bids scored, one
//                needing moderation (db/seeds/stage2.ts); use it on a fresh database
//   --stage 3    stage 2, then the shortlist confirmed (nine invited) and the detailed applications
//                at every step: offers accepted, offered, submitted, changes requested, in progress
//   --stage 4    nine pilots mid-programme at today's date (stage 3 as if six months ago): outputs,
//                a late output, quarterly reports (one overdue, one queried), claims, a health check;
//                on a fresh database (db/seeds/stage4.ts)
// DEMO_DATA=off refuses, for real deployments.
import knexFactory from "knex";
import { knexConfig } from "../db/config";
import { DEMO_PASSWORD, seedDemoWorld } from "../db/seeds/demo";
import { seedStage1 } from "../db/seeds/stage1";
import { seedStage2 } from "../db/seeds/stage2";
import { seedStage3 } from "../db/seeds/stage3";
import { seedStage4 } from "../db/seeds/stage4";

const STAGES = ["1", "2", "3", "4"] as const;

function stageArgument(argv: string[]): string | null {
  const index = argv.findIndex((arg) => arg === "--stage" || arg.startsWith("--stage="));
  if (index === -1) return null;
  const value = argv[index]!.includes("=") ? argv[index]!.split("=")[1]! : (argv[index + 1] ?? "");
  return value;
}

const ifEmpty = process.argv.includes("--if-empty");
const stage = stageArgument(process.argv);
if (stage !== null && !(STAGES as readonly string[]).includes(stage)) {
  console.error(`Unknown --stage ${JSON.stringify(stage)}: the demo world can be seeded at stage ${STAGES.join(", ")}`);
  process.exit(2);
}
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
    if (stage === "1" || stage === "2") {
      const result = await seedStage1(db, new Date());
      console.log(
        result.created
          ? `Stage 1 seeded: ${result.submitted} submitted, ${result.drafts} draft and ${result.withdrawn} withdrawn expressions of interest`
          : "Stage 1 already present: no expressions of interest added",
      );
    }
    if (stage === "2") console.log("Stage 2 seeded:", await seedStage2(db, new Date()));
    if (stage === "3") console.log("Stage 3 seeded:", await seedStage3(db, new Date()));
    if (stage === "4") {
      const result = await seedStage4(db, new Date());
      console.log(result.created ? `Stage 4 seeded: ${result.pilots} pilots. Pilot officers:` : "Stage 4 already present. Pilot officers:");
      for (const officer of result.officers) console.log(`  ${officer.email} (${officer.authority}, ${officer.region}): ${officer.shows.join(", ")}`);
    }
  }
} catch (error) {
  console.error("Seeding failed:", (error as Error).message);
  process.exitCode = 1;
} finally {
  await db.destroy();
}
