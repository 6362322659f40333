// npm start: build if needed, migrate, seed the demo world into an empty database (unless
// DEMO_DATA=off; DEMO_STAGE=1 seeds it at stage 1), then serve on PORT (default 3000) with server.mjs (Express, as remix-serve, plus security headers on every response).
import { spawnSync, spawn } from "node:child_process";
import { existsSync, statSync, readdirSync } from "node:fs";
import { join } from "node:path";

const run = (command, args) => {
  const result = spawnSync(command, args, { stdio: "inherit", env: process.env });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

const newest = (dir) => {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
};

const serverBuild = "build/server/index.js";
const stale = !existsSync(serverBuild) || ["app", "emails", "db"].some((dir) => existsSync(dir) && newest(dir) > statSync(serverBuild).mtimeMs);
if (stale) {
  console.log("Building the service…");
  run("npx", ["remix", "vite:build"]);
}
run("npx", ["tsx", "scripts/migrate.ts"]);
run("npx", ["tsx", "scripts/seed.ts", "--if-empty", ...(process.env.DEMO_STAGE ? ["--stage", process.env.DEMO_STAGE] : [])]);

const server = spawn(process.execPath, ["--max-semi-space-size=32", "server.mjs"], { stdio: "inherit", env: { PORT: "3000", NODE_ENV: "production", ...process.env } });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
