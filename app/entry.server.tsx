import { randomBytes } from "node:crypto";
import { Writable } from "node:stream";
import type { AppLoadContext, EntryContext, HandleDataRequestFunction, HandleErrorFunction } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToPipeableStream } from "react-dom/server";
import { isDatabaseUnavailable } from "./data/db-errors";
import { NonceContext } from "./nonce";
import { applySecurityHeaders } from "./security-headers.server";
import { outboxWorker } from "./services/mail.server";
import { remindersWorker } from "./services/report-reminders.server";

const ABORT_DELAY = 5_000;

// Start delivering queued email as soon as the server module loads, and the hourly report
// reminders beside it.
outboxWorker();
remindersWorker();

// Requests whose loader or action met a database that cannot be written or reached: their page is
// answered with 503 (the error page says so) rather than 500.
const databaseUnavailable = new WeakSet<Request>();

export const handleError: HandleErrorFunction = (error, { request }) => {
  if (isDatabaseUnavailable(error)) {
    databaseUnavailable.add(request);
    console.error(`database unavailable: ${(error as Error).message}`);
    return;
  }
  if (!request.signal.aborted) console.error(error);
};

export const handleDataRequest: HandleDataRequestFunction = (response, { request }) => {
  applySecurityHeaders(response.headers);
  if (databaseUnavailable.has(request) && response.status === 500) return new Response(response.body, { status: 503, headers: response.headers });
  return response;
};

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  _loadContext: AppLoadContext,
) {
  const nonce = newNonce();
  if (databaseUnavailable.has(request) && responseStatusCode === 500) responseStatusCode = 503;
  // Every loader has finished before the page renders (the service defers no data), so nothing is
  // gained by streaming: the page is rendered whole and sent as one body, which costs less than
  // passing a stream through Node and web streams chunk by chunk (ADR 0071). Crawlers get the
  // same.
  return new Promise((resolve, reject) => {
    let timeout: ReturnType<typeof setTimeout> | undefined;
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceContext.Provider>,
      {
        nonce,
        onAllReady() {
          const chunks: Buffer[] = [];
          // A plain collector: no 'close' event (React would answer it by ending the stream a
          // second time, which makes Node build an error, stack and all, on every page).
          const body = new Writable({
            emitClose: false,
            write(chunk: Buffer, _encoding, done) {
              chunks.push(chunk);
              done();
            },
            final(done) {
              clearTimeout(timeout);
              const html = Buffer.concat(chunks);
              responseHeaders.set("Content-Type", "text/html; charset=utf-8");
              responseHeaders.set("Content-Length", String(html.byteLength));
              applySecurityHeaders(responseHeaders, nonce);
              resolve(new Response(html, { headers: responseHeaders, status: responseStatusCode }));
              done();
            },
          });
          pipe(body);
        },
        onShellError(error: unknown) {
          clearTimeout(timeout);
          reject(error);
        },
        onError(error: unknown) {
          // Logged here: a page is sent only when all of it has rendered, so an error inside it
          // (a Suspense boundary's) would otherwise pass unseen. A shell error is logged by Remix too.
          responseStatusCode = 500;
          if (!request.signal.aborted) console.error(error);
        },
      },
    );
    timeout = setTimeout(abort, ABORT_DELAY);
  });
}

// Each page's script nonce: 128 random bits, taken from a block of random bytes drawn 4 kB at a time
// (one call into the system's random source per 256 pages instead of one per page).
let randomBlock = Buffer.alloc(0);
let randomOffset = 0;
function newNonce(): string {
  if (randomOffset + 16 > randomBlock.length) {
    randomBlock = randomBytes(4096);
    randomOffset = 0;
  }
  randomOffset += 16;
  return randomBlock.toString("base64", randomOffset - 16, randomOffset);
}
