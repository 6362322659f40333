// The production build served by server.mjs (as `npm start` does) as a child process, for tests and benchmarks that
// need the real thing over HTTP: the deadline rush, faults (a SIGKILL mid-submission, a read-only
// database) and `npm run bench`. Others may reuse it.
//
// - The build is made from a private copy of the sources into a cache keyed by their hash
//   (ADR 0040): it never touches ./build, which `npm start` and the browser journeys use while
//   other people work in the same tree, and a second run with unchanged sources starts at once.
// - Sessions are rows inserted directly plus cookies signed with the same secret as the server's
//   (SESSION_SECRET in both processes), so a load test does not sign in 700 times through scrypt.
import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import knexFactory, { type Knex } from "knex";
import { sqliteConfig } from "../../db/config";
import { serviceCookies, SESSION_HOURS } from "~/auth/cookies.server";
import { newCsrfToken } from "~/auth/csrf.server";
import { insertSession } from "~/data/sessions.server";

const ROOT = resolve(".");
/** What the Vite build reads: sources, public assets and the configuration. */
const BUILD_INPUTS = ["app", "emails", "db", "public", "package.json", "vite.config.ts", "tsconfig.json", "server.mjs", "request-too-large.html"];
const CACHE = join(tmpdir(), "toolkit-server-build");

// Both this process and every server it starts sign cookies with this secret.
if (!process.env.SESSION_SECRET) process.env.SESSION_SECRET = `test-server-${randomBytes(24).toString("hex")}`;
export const SESSION_SECRET = process.env.SESSION_SECRET;

function hashSources(): string {
  const hash = createHash("sha256");
  const walk = (path: string) => {
    const stat = statSync(path);
    if (stat.isDirectory()) for (const name of readdirSync(path).sort()) walk(join(path, name));
    else if (stat.isFile()) hash.update(path.slice(ROOT.length)).update("\0").update(readFileSync(path)).update("\0");
  };
  for (const name of BUILD_INPUTS) if (existsSync(join(ROOT, name))) walk(join(ROOT, name));
  return hash.digest("hex").slice(0, 16);
}

/** The environment without vitest's variables: vite.config.ts leaves Remix out when VITEST is set. */
function childEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { NODE_ENV: "production" };
  for (const [name, value] of Object.entries(process.env)) if (!name.startsWith("VITEST") && name !== "TEST" && name !== "NODE_OPTIONS") env[name] = value;
  delete env.DATABASE_URL;
  delete env.SMTP_URL;
  delete env.CLOCK_NOW;
  env.NODE_ENV = "production";
  for (const [name, value] of Object.entries(extra)) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return env;
}

/**
 * The directory holding build/server/index.js and build/client for the current sources: built
 * once (10–40 s) and cached outside the work tree.
 */
export async function serverBuild(options: { log?: (line: string) => void } = {}): Promise<string> {
  const key = hashSources();
  const dir = join(CACHE, key);
  const built = () => existsSync(join(dir, "build", "server", "index.js"));
  if (built()) return dir;
  mkdirSync(CACHE, { recursive: true });
  // One build at a time per source hash: test files run in parallel and would each build.
  const lock = `${dir}.lock`;
  for (const deadline = Date.now() + 180_000; ; ) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (built()) return dir;
      const held = statSync(lock, { throwIfNoEntry: false });
      if (!held) continue;
      if (Date.now() - held.mtimeMs > 300_000 || Date.now() > deadline) {
        rmSync(lock, { recursive: true, force: true }); // left by a run that died
        continue;
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  try {
    if (built()) return dir;
    return await buildInto(dir, key, options);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

async function buildInto(dir: string, key: string, options: { log?: (line: string) => void }): Promise<string> {
  options.log?.(`building the server (sources ${key}) into ${dir} …`);
  const work = `${dir}.tmp-${process.pid}-${Date.now()}`;
  mkdirSync(work, { recursive: true });
  for (const name of BUILD_INPUTS) if (existsSync(join(ROOT, name))) cpSync(join(ROOT, name), join(work, name), { recursive: true });
  symlinkSync(join(ROOT, "node_modules"), join(work, "node_modules"), "dir");
  const result = await new Promise<{ code: number | null; output: string }>((done) => {
    let output = "";
    const child = spawn(process.execPath, [join(ROOT, "node_modules/@remix-run/dev/dist/cli.js"), "vite:build"], { cwd: work, env: childEnv(), stdio: ["ignore", "pipe", "pipe"] });
    child.stdout!.on("data", (chunk) => (output += chunk));
    child.stderr!.on("data", (chunk) => (output += chunk));
    child.on("exit", (code) => done({ code, output }));
  });
  if (result.code !== 0) {
    rmSync(work, { recursive: true, force: true });
    throw new Error(`remix vite:build failed:\n${result.output}`);
  }
  writeFileSync(join(work, "BUILT_FROM"), `${ROOT} ${key} ${new Date().toISOString()}\n`);
  try {
    renameSync(work, dir);
  } catch {
    rmSync(work, { recursive: true, force: true }); // another run finished the same build first
  }
  // Builds of older sources are of no further use after an hour.
  for (const name of readdirSync(CACHE)) {
    const path = join(CACHE, name);
    if (name !== key && !name.endsWith(".lock") && Date.now() - statSync(path).mtimeMs > 3600_000) rmSync(path, { recursive: true, force: true });
  }
  return dir;
}

/**
 * The route ids of a build (e.g. "routes/manage.sift.selection"), from the route files it was
 * built from, to skip pages that do not exist yet. (Importing the server build would start its
 * outbox worker in this process, on the default database.)
 */
export function buildRouteIds(buildDir: string): string[] {
  const routes = join(buildDir, "app", "routes");
  return readdirSync(routes, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isFile() && /\.(tsx?|jsx?)$/.test(entry.name)) return [`routes/${entry.name.replace(/\.(tsx?|jsx?)$/, "")}`];
    if (entry.isDirectory() && readdirSync(join(routes, entry.name)).some((name) => /^route\.(tsx?|jsx?)$/.test(name))) return [`routes/${entry.name}`];
    return [];
  });
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolvePort(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/** A migrated SQLite database at `file` (created if missing). The caller destroys the pool. */
export async function openDatabase(file: string): Promise<Knex> {
  const db = knexFactory(sqliteConfig(file));
  await db.migrate.latest();
  return db;
}

export interface ServerOptions {
  buildDir: string;
  databaseFile: string;
  /** Extra environment: MAIL_DIR, SMTP_URL, OUTBOX_WORKER ("off" unless given), CLOCK_NOW … */
  env?: Record<string, string | undefined>;
  port?: number;
  /** Run as another user (root's writes ignore file modes: the read-only database test). */
  uid?: number;
  gid?: number;
  /** "healthz": wait for GET /healthz to answer 200 (default); "listening": any HTTP answer. */
  waitFor?: "healthz" | "listening";
  /** Extra node flags, e.g. ["--cpu-prof", "--cpu-prof-dir=…"]. */
  nodeArgs?: string[];
  timeoutMs?: number;
}

export interface RunningServer {
  url: string;
  port: number;
  child: ChildProcess;
  output(): string;
  alive(): boolean;
  /** Resolves when the process has exited, with its code or signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGTERM, then SIGKILL after 3 s (the server waits for idle keep-alive connections). */
  stop(): Promise<void>;
  /** SIGKILL now: no shutdown of any kind. */
  kill(): Promise<void>;
}

/** Starts the production server (server.mjs) on the build, on a free loopback port, and waits until it answers. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const port = options.port ?? (await freePort());
  let output = "";
  const spawnOptions: SpawnOptions = {
    cwd: options.buildDir,
    env: childEnv({
      OUTBOX_WORKER: "off",
      ...options.env,
      DATABASE_FILE: options.databaseFile,
      SESSION_SECRET,
      PORT: String(port),
      HOST: "127.0.0.1",
      COOKIE_SECURE: "false",
    }),
    stdio: ["ignore", "pipe", "pipe"],
    ...(options.uid === undefined ? {} : { uid: options.uid, gid: options.gid ?? options.uid }),
  };
  const nodeArgs = [...(options.nodeArgs ?? [])];
  if (nodeArgs.some((arg) => arg.startsWith("--cpu-prof"))) {
    // A CPU profile is written only at a normal exit: make SIGTERM one.
    const preload = join(mkdtempSync(join(tmpdir(), "toolkit-prof-")), "exit-on-sigterm.cjs");
    writeFileSync(preload, 'process.on("SIGTERM", () => process.exit(0));\n');
    nodeArgs.push("--require", preload);
  }
  // The production server of `npm start` (server.mjs: Express as remix-serve, plus security headers and the body limit).
  const child = spawn(process.execPath, [...nodeArgs, "server.mjs"], spawnOptions);
  // Keep the last 200 kB: the server logs every request (server.mjs requestLog), and a load test makes many.
  const keep = (chunk: Buffer) => {
    output += chunk.toString();
    if (output.length > 400_000) output = output.slice(-200_000);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.once("exit", (code, signal) => done({ code, signal })));
  const alive = () => child.exitCode === null && child.signalCode === null;
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  for (;;) {
    if (!alive()) throw new Error(`the server exited (${child.exitCode ?? child.signalCode}):\n${output}`);
    try {
      const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) });
      await response.arrayBuffer();
      if (response.ok || options.waitFor === "listening") break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`the server did not answer /healthz within ${(options.timeoutMs ?? 30_000) / 1000} s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const stop = async () => {
    if (!alive()) return;
    const timer = setTimeout(() => child.kill("SIGKILL"), 3_000);
    child.kill("SIGTERM");
    await exited;
    clearTimeout(timer);
  };
  const kill = async () => {
    if (!alive()) return;
    child.kill("SIGKILL");
    await exited;
  };
  return { url, port, child, output: () => output, alive, exited, stop, kill };
}

export interface SessionCookies {
  userId: number;
  /** The Cookie header: the signed session and CSRF cookies. */
  cookie: string;
  /** The value the form's `csrf` field must carry. */
  csrf: string;
}

/**
 * A signed-in session for `userId` without a password: the row is inserted directly and the
 * cookies are signed the way the server signs them (the app's own cookie objects, same secret).
 */
export async function sessionFor(db: Knex, userId: number, now = new Date()): Promise<SessionCookies> {
  const token = await insertSession(db, userId, now, SESSION_HOURS);
  const session = (await serviceCookies().session.serialize(token)).split(";")[0]!;
  const csrf = await newCsrfToken();
  return { userId, cookie: `${session}; ${csrf.setCookie.split(";")[0]}`, csrf: csrf.token };
}
