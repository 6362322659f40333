import { randomBytes } from "node:crypto";
import { PassThrough } from "node:stream";
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
  const nonce = randomBytes(16).toString("base64");
  if (databaseUnavailable.has(request) && responseStatusCode === 500) responseStatusCode = 503;
  // Every loader has finished before the page renders (the service defers no data), so nothing is
  // gained by streaming: the page is rendered whole and sent as one body, which costs less than
  // passing a stream through Node and web streams chunk by chunk (ADR 0071). Crawlers get the
  // same.
  return new Promise((resolve, reject) => {
    let rendered = false;
    let timeout: ReturnType<typeof setTimeout> | undefined;
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceContext.Provider>,
      {
        nonce,
        onAllReady() {
          rendered = true;
          const chunks: Buffer[] = [];
          const body = new PassThrough();
          body.on("data", (chunk: Buffer) => chunks.push(chunk));
          body.on("end", () => {
            clearTimeout(timeout);
            responseHeaders.set("Content-Type", "text/html; charset=utf-8");
            applySecurityHeaders(responseHeaders, nonce);
            resolve(new Response(Buffer.concat(chunks), { headers: responseHeaders, status: responseStatusCode }));
          });
          pipe(body);
        },
        onShellError(error: unknown) {
          clearTimeout(timeout);
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (rendered) console.error(error);
        },
      },
    );
    timeout = setTimeout(abort, ABORT_DELAY);
  });
}
