import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, serverBuild, startServer, type RunningServer } from "../setup/server";

// server.mjs with WEB_CONCURRENCY=2 (issue 9, R-71 R-74's "several app instances" on one machine):
// two worker processes share the port, answer pages, and all stop with the server.

/** The pids of the live processes whose parent is `pid` (Linux /proc). */
function childrenOf(pid: number): number[] {
  return readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .filter((name) => {
      try {
        const stat = readFileSync(`/proc/${name}/stat`, "utf8");
        const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        return Number(fields[1]) === pid && fields[0] !== "Z";
      } catch {
        return false; // gone meanwhile
      }
    })
    .map(Number);
}

describe("the production server with WEB_CONCURRENCY=2", () => {
  let dir: string;
  let server: RunningServer;

  beforeAll(async () => {
    const buildDir = await serverBuild();
    dir = mkdtempSync(join(tmpdir(), "toolkit-cluster-"));
    const databaseFile = join(dir, "service.sqlite");
    await (await openDatabase(databaseFile)).destroy();
    server = await startServer({ buildDir, databaseFile, env: { WEB_CONCURRENCY: "2", MAIL_DIR: join(dir, "mail") } });
  }, 240_000);

  afterAll(async () => {
    await server?.kill();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const alive = (pid: number) => {
    try {
      process.kill(pid, 0);
      return !readFileSync(`/proc/${pid}/stat`, "utf8").includes(") Z ");
    } catch {
      return false;
    }
  };

  it("runs two workers that answer pages and health checks, and SIGTERM stops them all", async () => {
    const workers = childrenOf(server.child.pid!);
    expect(workers).toHaveLength(2);
    for (let i = 0; i < 10; i += 1) {
      const page = await fetch(`${server.url}/`);
      expect(page.status).toBe(200);
      expect(page.headers.get("x-frame-options")).toBe("DENY");
      await page.arrayBuffer();
    }
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    await server.stop();
    expect(server.alive()).toBe(false);
    expect(workers.filter(alive)).toEqual([]);
  });

  it("workers whose primary is killed outright (SIGKILL) stop too, rather than serve on alone", async () => {
    const again = await startServer({ buildDir: await serverBuild(), databaseFile: join(dir, "service.sqlite"), env: { WEB_CONCURRENCY: "2", MAIL_DIR: join(dir, "mail") } });
    const workers = childrenOf(again.child.pid!);
    expect(workers).toHaveLength(2);
    await again.kill();
    for (const deadline = Date.now() + 10_000; workers.some(alive) && Date.now() < deadline; ) await new Promise((r) => setTimeout(r, 100));
    expect(workers.filter(alive)).toEqual([]);
  });
});
