// The production server: remix-serve's Express setup (compression, static files, request logs)
// plus what remix-serve cannot do — security headers on EVERY response (files, JSON, thrown
// errors, static assets) and refusing oversized bodies before anything parses them.
import { createRequestHandler } from "@remix-run/express";
import { installGlobals } from "@remix-run/node";
import compression from "compression";
import express from "express";
import morgan from "morgan";

installGlobals({ nativeFetch: true });

const port = Number(process.env.PORT ?? 3000);
const maxBodyBytes = Number(process.env.MAX_BODY_BYTES ?? 12 * 1024 * 1024); // uploads are at most 10 MB
const build = await import("./build/server/index.js");

// The defaults for responses that are not HTML pages; entry.server.tsx replaces the CSP of
// each page with one carrying that page's script nonce.
const SECURITY_HEADERS = {
  "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'",
  "X-Frame-Options": "DENY",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
};

const app = express();
app.disable("x-powered-by");
app.use((req, res, next) => {
  // Added as the headers go out, where the response has not set its own (pages set a CSP
  // with their nonce; setting ours first would make Remix append a second copy).
  const writeHead = res.writeHead;
  res.writeHead = function (...args) {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) if (!res.hasHeader(name)) res.setHeader(name, value);
    return writeHead.apply(this, args);
  };
  const length = Number(req.headers["content-length"] ?? 0);
  if (length > maxBodyBytes) {
    res.status(413).type("text/plain").send("The request is too large.");
    req.destroy();
    return;
  }
  next();
});
app.use(compression());
app.use(build.publicPath, express.static(build.assetsBuildDirectory, { immutable: true, maxAge: "1y" }));
app.use(express.static("public", { maxAge: "1h" }));
app.use(morgan("tiny"));
app.all("*", createRequestHandler({ build, mode: process.env.NODE_ENV ?? "production" }));

const server = app.listen(port, () => console.log(`[server] http://localhost:${port}`));
for (const signal of ["SIGTERM", "SIGINT"]) process.once(signal, () => server.close(() => process.exit(0)));
