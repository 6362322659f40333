import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { SMTPServer } from "smtp-server";

export const SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? 2525);
export const RECEIVED_DIR = "data/e2e-smtp";

/**
 * A real SMTP server on loopback for the browser journeys: the service under test sends its
 * email here (SMTP_URL in playwright.config.ts) and each message is written to data/e2e-smtp/
 * for the tests to read.
 */
export default async function globalSetup() {
  rmSync(RECEIVED_DIR, { recursive: true, force: true });
  mkdirSync(RECEIVED_DIR, { recursive: true });
  let count = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        count += 1;
        writeFileSync(join(RECEIVED_DIR, `${String(count).padStart(4, "0")}.eml`), Buffer.concat(chunks));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(SMTP_PORT, "127.0.0.1", resolve));
  return async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
}
