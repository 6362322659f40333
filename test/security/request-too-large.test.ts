import { DATABASE_FILE, MAIL_DIR, CLOCK_NOW, WORK_DIR } from "./support/env";
import { rmSync } from "node:fs";
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/data/db.server";
import { SERVICE_NAME } from "~/components/layout/ServiceLayout";
import { serverBuild, startServer, type RunningServer } from "./support/server";

// R-60 issue 9: a body over MAX_BODY_BYTES (12 MiB; files are at most 10MB) is refused by
// server.mjs with a 413 before anything reads it. A browser's form gets a GOV.UK page saying what
// to do (request-too-large.html, ADR 0073); anything else a line of text. Over real HTTP, with the
// production build: the request says its body is 13 MiB and sends none of it, so an answer at all
// shows the body was never waited for.

let server: RunningServer;

beforeAll(async () => {
  await getDb().migrate.latest();
  server = await startServer(await serverBuild(), { DATABASE_FILE, MAIL_DIR, CLOCK_NOW, SESSION_SECRET: process.env.SESSION_SECRET! });
}, 300_000);

afterAll(async () => {
  await server?.stop();
  await globalThis.__serviceDb?.destroy();
  globalThis.__serviceDb = undefined;
  rmSync(WORK_DIR, { recursive: true, force: true });
});

interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** The server closed the connection (it does not wait for the rest of the body). */
  closed: boolean;
}

/** POSTs headers saying the body is `length` bytes, and only the first kilobyte of it; returns what comes back within 5 s. */
function postOversized(path: string, accept: string, length = 13 * 1024 * 1024): Promise<RawAnswer> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    let closed = false;
    const finish = () => {
      clearTimeout(timer);
      const text = Buffer.concat(chunks).toString("utf8");
      const [head = "", ...rest] = text.split("\r\n\r\n");
      const [statusLine = "", ...lines] = head.split("\r\n");
      const headers = Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf(":")).toLowerCase(), line.slice(line.indexOf(":") + 1).trim()]));
      resolve({ status: Number(statusLine.split(" ")[1]), headers, body: rest.join("\r\n\r\n"), closed });
    };
    const timer = setTimeout(() => {
      socket.destroy();
      finish();
    }, 5_000);
    socket.on("data", (chunk) => chunks.push(chunk));
    socket.on("close", () => {
      closed = true;
      finish();
    });
    socket.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "ECONNRESET" && error.code !== "EPIPE") reject(error);
    });
    const boundary = "----toolkit-too-large";
    socket.write(
      [`POST ${path} HTTP/1.1`, `Host: ${hostname}:${port}`, `Accept: ${accept}`, `Content-Type: multipart/form-data; boundary=${boundary}`, `Content-Length: ${length}`, "", ""].join("\r\n") +
        `--${boundary}\r\nContent-Disposition: form-data; name="evidenceFile"; filename="big.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n${"x".repeat(1000)}`,
    );
  });
}

const BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";

describe("a body over MAX_BODY_BYTES is refused unread with a 413", () => {
  it("a browser's form gets the GOV.UK page: the service's title, what the limit is, a way back to the form, the stylesheets of every page", async () => {
    const answer = await postOversized("/applicant/pilot/claims/new", BROWSER_ACCEPT);
    expect(answer.status).toBe(413);
    expect(answer.closed, "the server closes the connection rather than read 13 MiB").toBe(true);
    expect(answer.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(answer.headers["cache-control"]).toBe("no-store");
    expect(answer.body).toContain(`<title>The file or form you sent is too large – ${SERVICE_NAME} – GOV.UK</title>`);
    expect(answer.body).toContain(`<h1 class="govuk-heading-l">The file or form you sent is too large</h1>`);
    expect(answer.body).toContain("A file must be smaller than 10MB.");
    expect(answer.body).toContain(`<a class="govuk-link" href="/applicant/pilot/claims/new">Go back and try again</a>`);
    expect(answer.body).toContain(`<a href="/" class="govuk-service-navigation__link">${SERVICE_NAME}</a>`);
    expect(answer.body).toContain('class="govuk-footer"');
    expect(answer.body).not.toMatch(/\{\{|<script/);
    // The same stylesheets as the pages (the hashed bundles of govuk-frontend and app.css), and they are served.
    const sheets = [...answer.body.matchAll(/<link rel="stylesheet" href="([^"]+)">/g)].map((m) => m[1]!);
    expect(sheets).toHaveLength(2);
    const page = await (await fetch(`${server.url}/sign-in`)).text();
    for (const href of sheets) {
      expect(page, `${href} is a stylesheet of the pages too`).toContain(`href="${href}"`);
      const css = await fetch(`${server.url}${href}`);
      expect(css.status, href).toBe(200);
      expect(css.headers.get("Content-Type")).toMatch(/^text\/css/);
    }
  });

  it("the security headers of every response are on it, and its CSP lets nothing inline run", async () => {
    const answer = await postOversized("/applicant/pilot/outputs/E", BROWSER_ACCEPT);
    expect(answer.status).toBe(413);
    expect(answer.headers["content-security-policy"]).toContain("default-src 'self'");
    expect(answer.headers["content-security-policy"]).toContain("script-src 'self';");
    expect(answer.headers["x-frame-options"]).toBe("DENY");
    expect(answer.headers["x-content-type-options"]).toBe("nosniff");
    expect(answer.headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(answer.body).not.toMatch(/\sstyle=/);
  });

  it("the way back is only ever a path of this service, escaped", async () => {
    const answer = await postOversized(`/applicant/pilot/cse/1.1.1"><script>alert(1)</script>`, BROWSER_ACCEPT);
    expect(answer.status).toBe(413);
    expect(answer.body).not.toContain("<script>");
    const back = /<a class="govuk-link" href="([^"]*)">Go back and try again<\/a>/.exec(answer.body)?.[1];
    expect(back).toMatch(/^\/applicant\/pilot\/cse\/1\.1\.1/);
    expect(answer.body).not.toContain("{{back}}");
  });

  it("anything that does not ask for HTML (JSON, a script's fetch) gets a line of text", async () => {
    for (const accept of ["*/*", "application/json"]) {
      const answer = await postOversized("/applicant/pilot/claims/new", accept);
      expect(answer.status, accept).toBe(413);
      expect(answer.closed).toBe(true);
      expect(answer.headers["content-type"]).toBe("text/plain; charset=utf-8");
      expect(answer.body).toBe("The request is too large.");
    }
  });

  it("a body within the limit is read and answered by the service as usual", async () => {
    const answer = await fetch(`${server.url}/applicant/pilot/claims/new`, { method: "POST", headers: { Accept: BROWSER_ACCEPT }, body: new URLSearchParams({ amount: "1" }), redirect: "manual" });
    expect(answer.status).toBe(302); // signed out: the sign-in page
    expect(answer.headers.get("Location")).toMatch(/^\/sign-in\?returnTo=/);
  });
});
