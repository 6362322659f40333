import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

/**
 * The production build, served by remix-serve, for the tests that need real HTTP (headers,
 * cookies at sign-in, the rendered HTML). Built from a private copy of the working tree into a
 * cache keyed by the sources' hash, so that
 *   - it never touches ./build, which other people's builds and the browser journeys use;
 *   - a second run with unchanged sources starts at once (a build takes 10–20 s);
 *   - no vitest globalSetup (and no change to vitest.config.ts) is needed.
 */
const ROOT = resolve(".");
const NOT_SOURCES = new Set(["node_modules", "build", "data", ".git", "test", "test-results", "playwright-report", "coverage", "bench"]);
const CACHE = join(tmpdir(), "toolkit-security-build");

function sourceEntries(): string[] {
  return readdirSync(ROOT).filter((name) => !NOT_SOURCES.has(name));
}

function hashSources(): string {
  const hash = createHash("sha256");
  const walk = (path: string) => {
    const stat = statSync(path);
    if (stat.isDirectory()) for (const name of readdirSync(path).sort()) walk(join(path, name));
    else if (stat.isFile()) hash.update(path.slice(ROOT.length)).update("\0").update(readFileSync(path)).update("\0");
  };
  for (const name of sourceEntries().sort()) walk(join(ROOT, name));
  return hash.digest("hex").slice(0, 16);
}

/** The directory holding build/server/index.js and build/client for the current sources. */
export async function serverBuild(): Promise<string> {
  const key = hashSources();
  const dir = join(CACHE, key);
  if (existsSync(join(dir, "build", "server", "index.js"))) return dir;
  mkdirSync(CACHE, { recursive: true });
  const work = `${dir}.tmp-${process.pid}`;
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work);
  for (const name of sourceEntries()) cpSync(join(ROOT, name), join(work, name), { recursive: true });
  symlinkSync(join(ROOT, "node_modules"), join(work, "node_modules"), "dir");
  const env = buildEnv();
  const result = await new Promise<{ code: number | null; output: string }>((done) => {
    let output = "";
    const child = spawn(process.execPath, [join(ROOT, "node_modules/@remix-run/dev/dist/cli.js"), "vite:build"], { cwd: work, env, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("exit", (code) => done({ code, output }));
  });
  if (result.code !== 0) throw new Error(`remix vite:build failed:\n${result.output}`);
  writeFileSync(join(work, "BUILT_FROM"), `${ROOT} ${new Date().toISOString()}\n`);
  try {
    renameSync(work, dir);
  } catch {
    rmSync(work, { recursive: true, force: true }); // another run finished the same build first
  }
  // Builds of older sources are of no further use (one may still be serving a run that started
  // a few minutes ago); half-made builds of runs that died are removed too.
  for (const name of readdirSync(CACHE)) {
    const path = join(CACHE, name);
    const pid = Number(/\.tmp-(\d+)$/.exec(name)?.[1]);
    const stale = pid ? !alive(pid) : name !== key && Date.now() - statSync(path).mtimeMs > 10 * 60_000;
    if (stale) rmSync(path, { recursive: true, force: true });
  }
  return dir;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0); // signal 0: only asks whether the process exists
    return true;
  } catch {
    return false;
  }
}

function buildEnv(): NodeJS.ProcessEnv {
  // vite.config.ts leaves the Remix plugin out when VITEST is set: the build must not see it.
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith("VITEST") && name !== "TEST")) as NodeJS.ProcessEnv;
  env.NODE_ENV = "production";
  return env;
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolvePort(typeof address === "object" && address ? address.port : 0));
    });
  });
}

export interface RunningServer {
  url: string;
  output(): string;
  stop(): Promise<void>;
}

/** Starts the production server (server.mjs, as `npm start` does) on the build with the given environment (DATABASE_FILE etc.). */
export async function startServer(buildDir: string, env: Record<string, string>): Promise<RunningServer> {
  const port = await freePort();
  let output = "";
  const child: ChildProcess = spawn(process.execPath, ["server.mjs"], {
    cwd: buildDir,
    env: { ...buildEnv(), ...env, PORT: String(port), HOST: "127.0.0.1", COOKIE_SECURE: "false", OUTBOX_WORKER: "off" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${output}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the server did not answer /healthz within 30 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    output: () => output,
    // remix-serve waits for idle keep-alive connections on SIGTERM: give it a moment, then end it.
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done();
        const kill = setTimeout(() => child.kill("SIGKILL"), 2_000);
        child.once("exit", () => {
          clearTimeout(kill);
          done();
        });
        child.kill("SIGTERM");
      }),
  };
}
