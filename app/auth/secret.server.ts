import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";

let cached: string | undefined;

/**
 * SESSION_SECRET signs cookies. Without it (a demo or a developer's machine) a random secret is
 * generated once into data/session-secret, so sessions survive restarts and nothing is committed.
 */
export function sessionSecret(): string {
  if (cached) return cached;
  if (process.env.SESSION_SECRET) return (cached = process.env.SESSION_SECRET);
  const file = resolve(process.env.SESSION_SECRET_FILE ?? "data/session-secret");
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("hex"), { mode: 0o600, flag: "wx" });
  }
  return (cached = readFileSync(file, "utf8").trim());
}
