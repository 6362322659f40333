import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, serverBuild, startServer, type RunningServer } from "../setup/server";

// server.mjs's request log (ADR 0071): a line per answered request in morgan's "tiny" format,
// written in batches (up to 200 ms), and whatever is still gathered is written when the server stops.

describe("the request log of the production server", () => {
  let dir: string;
  let server: RunningServer;

  beforeAll(async () => {
    const buildDir = await serverBuild();
    dir = mkdtempSync(join(tmpdir(), "toolkit-request-log-"));
    const databaseFile = join(dir, "service.sqlite");
    await (await openDatabase(databaseFile)).destroy();
    server = await startServer({ buildDir, databaseFile, env: { MAIL_DIR: join(dir, "mail") } });
  }, 240_000);

  afterAll(async () => {
    await server?.kill();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("writes method, path, status, length and time for each request, within a batch's 200 ms", async () => {
    const page = await fetch(`${server.url}/?from=log-test`);
    const html = await page.arrayBuffer();
    await (await fetch(`${server.url}/no-such-page-for-the-log`)).arrayBuffer();
    await new Promise((r) => setTimeout(r, 500));
    const lines = server.output().split("\n");
    const home = lines.find((line) => line.startsWith("GET /?from=log-test "));
    expect(home).toMatch(/^GET \/\?from=log-test 200 (\d+|-) - \d+\.\d{3} ms$/);
    const length = home!.split(" ")[3];
    if (length !== "-") expect(Number(length)).toBe(html.byteLength);
    expect(lines.some((line) => /^GET \/no-such-page-for-the-log 404 /.test(line))).toBe(true);
  });

  it("writes the lines still gathered when the server stops", async () => {
    await (await fetch(`${server.url}/healthz?just-before-stop`)).arrayBuffer();
    await server.stop();
    expect(server.output()).toMatch(/^GET \/healthz\?just-before-stop 200 /m);
  });
});
