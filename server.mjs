// The production server: remix-serve's Express setup (compression, static files, request logs)
// plus what remix-serve cannot do — security headers on EVERY response (files, JSON, thrown
// errors, static assets) and refusing oversized bodies before anything parses them.
//
// WEB_CONCURRENCY=n runs n worker processes (node:cluster) sharing the port, for a machine with n
// cores: SQLite in WAL mode takes writers from several processes (busy_timeout), and the outbox
// worker in each leases its rows (R-71), so no email goes twice. Default 1: one process.
import cluster from "node:cluster";
import { readFileSync } from "node:fs";
import { createRequestHandler } from "@remix-run/express";
import { installGlobals } from "@remix-run/node";
import compression from "compression";
import express from "express";

// A frozen demo clock (CLOCK_NOW) runs on for background jobs from this moment, the same in every
// worker, including one restarted later (app/clock.server.ts runningNow, ADR 0074).
if (process.env.CLOCK_NOW && !process.env.CLOCK_NOW_SINCE) process.env.CLOCK_NOW_SINCE = String(Date.now());

const workers = Math.max(
  1,
  Math.floor(Number(process.env.WEB_CONCURRENCY ?? 1)) || 1
);
if (workers > 1 && cluster.isPrimary) {
  runPrimary(workers);
} else {
  await runServer();
}

function runPrimary(count) {
  // A larger young generation (32 MB semi-spaces, 16 MB by default): a page allocates a few
  // hundred kB that die young, and fewer scavenges gave the question page ~5% (ADR 0071).
  cluster.setupPrimary({ execArgv: [...process.execArgv, "--max-semi-space-size=32"] });
  let stopping = false;
  const startedAt = new Map();
  const fork = () => startedAt.set(cluster.fork().id, Date.now());
  for (let i = 0; i < count; i += 1) fork();
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    // A worker that dies at once (e.g. a bad database) is restarted after a pause, not in a tight loop.
    const lived = Date.now() - (startedAt.get(worker.id) ?? 0);
    console.error(
      `[server] worker ${worker.process.pid} exited (${
        signal ?? code
      }); starting another`
    );
    setTimeout(fork, lived < 5_000 ? 2_000 : 0);
  });
  for (const signal of ["SIGTERM", "SIGINT"]) {
    process.once(signal, () => {
      stopping = true;
      for (const worker of Object.values(cluster.workers ?? {}))
        worker?.process.kill("SIGTERM");
      // A worker still finishing a request after 2 seconds is stopped, so none outlives the server.
      setTimeout(() => {
        for (const worker of Object.values(cluster.workers ?? {}))
          worker?.process.kill("SIGKILL");
      }, 2_000).unref();
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
    });
  }
}

async function runServer() {
  installGlobals({ nativeFetch: true });

  const port = Number(process.env.PORT ?? 3000);
  const maxBodyBytes = Number(process.env.MAX_BODY_BYTES ?? 12 * 1024 * 1024); // uploads are at most 10 MB
  const build = await import("./build/server/index.js");

  // The defaults for responses that are not HTML pages; entry.server.tsx replaces the CSP of
  // each page with one carrying that page's script nonce.
  const SECURITY_HEADERS = {
    "Content-Security-Policy":
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'",
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy":
      "camera=(), microphone=(), geolocation=(), payment=()",
  };

  const tooLargePage = requestTooLargePage(build);

  const app = express();
  app.disable("x-powered-by");
  app.use((req, res, next) => {
    // Added as the headers go out, where the response has not set its own (pages set a CSP
    // with their nonce; setting ours first would make Remix append a second copy).
    const writeHead = res.writeHead;
    res.writeHead = function (...args) {
      for (const [name, value] of Object.entries(SECURITY_HEADERS))
        if (!res.hasHeader(name)) res.setHeader(name, value);
      return writeHead.apply(this, args);
    };
    const length = Number(req.headers["content-length"] ?? 0);
    if (length > maxBodyBytes) {
      // Refused unread. A browser's form gets a GOV.UK page, anything else a line of text (ADR 0073).
      res.status(413).set("Cache-Control", "no-store");
      if (/\btext\/html\b/i.test(req.headers.accept ?? "")) res.type("html").send(tooLargePage(req.path));
      else res.type("text/plain").send("The request is too large.");
      req.destroy();
      return;
    }
    next();
  });
  app.use(compression());
  // Static files only where they are (build/client: /assets/… — Vite's hashed bundles and a copy of
  // public/assets, the GOV.UK fonts and images — and /favicon.ico), so that a page request does
  // not first look on disk for a file of its name.
  app.use("/assets", express.static(`${build.assetsBuildDirectory}/assets`, { immutable: true, maxAge: "1y" }));
  app.get("/favicon.ico", express.static(build.assetsBuildDirectory, { maxAge: "1d" }));
  app.use(requestLog());
  app.all(
    "*",
    createRequestHandler({ build, mode: process.env.NODE_ENV ?? "production" })
  );

  const server = app.listen(port, () =>
    console.log(`[server] http://localhost:${port}`)
  );
  for (const signal of ["SIGTERM", "SIGINT"])
    process.once(signal, () => server.close(() => process.exit(0)));
}

/**
 * The page for a body over MAX_BODY_BYTES (request-too-large.html): Remix never sees the request,
 * so the page is static, with the root route's <link>s (the hashed stylesheets, the icons) as on
 * every page. Given the path the form was sent to, which is the page it came from.
 */
function requestTooLargePage(build) {
  const escape = (text) => String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  const links = (build.routes.root.module.links?.() ?? [])
    .map((link) => `<link ${Object.entries(link).map(([name, value]) => `${name}="${escape(value)}"`).join(" ")}>`)
    .join("\n    ");
  const page = readFileSync(new URL("./request-too-large.html", import.meta.url), "utf8").replace("{{links}}", () => links);
  return (path) => page.replace("{{back}}", () => escape(path.startsWith("/") && !path.startsWith("//") && !path.includes("\\") ? path : "/"));
}

/**
 * The request log: a line per request when it has been answered, as morgan's "tiny" format
 * (method, path, status, length, time), written to stdout in batches — gathered for up to 200 ms
 * or 32 kB and written together. morgan with a write per request cost the question page a tenth of
 * its throughput (ADR 0071). The batch is written at exit, so a normal stop loses nothing; a crash
 * may lose the last 200 ms of request lines (errors go to stderr at once, as before).
 */
function requestLog() {
  let batch = "";
  let timer = null;
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (!batch) return;
    process.stdout.write(batch);
    batch = "";
  };
  process.on("exit", flush);
  return (req, res, next) => {
    const started = performance.now();
    res.once("finish", () => {
      const length = res.getHeader("content-length");
      batch += `${req.method} ${req.originalUrl} ${res.statusCode} ${length ?? "-"} - ${(performance.now() - started).toFixed(3)} ms\n`;
      if (batch.length >= 32 * 1024) flush();
      else if (!timer) timer = setTimeout(flush, 200).unref();
    });
    next();
  };
}
