import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { selectPilots } from "~/domain/selection";
import { makeCandidate, makeInput } from "./make-candidate";

// R-45 the command line, spawned as a programme team would run it.

const root = join(import.meta.dirname, "../..");
const tsx = join(root, "node_modules/.bin/tsx");

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(command: string, args: string[], stdin?: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env: { ...process.env, NO_COLOR: "1" } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin ?? "");
  });
}
const select = (args: string[], stdin?: string) => run(tsx, ["scripts/select.ts", ...args], stdin);

/** stderr without npm's own warnings about the machine's configuration. */
const problemLines = (stderr: string) => stderr.split("\n").filter((line) => line && !line.startsWith("npm warn"));

const input = makeInput([
  makeCandidate({ id: "RTP-EOI-7KD3QF", region: "North East", score: 71.25, focus: "cse" }),
  makeCandidate({ id: "RTP-EOI-AB2C3D", region: "North East", score: 74.75 }),
  makeCandidate({ id: "RTP-EOI-L0ND0N", region: "London", score: 60 }),
]);
let folder: string;
let inputFile: string;

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), "select-cli-"));
  inputFile = join(folder, "input.json");
  writeFileSync(inputFile, JSON.stringify(input));
});

describe.concurrent("R-45 npm run select", () => {
  it("R-45 prints the selection as JSON on stdout and exits 0", async () => {
    const result = await run("npm", ["run", "-s", "select", "--", "--input", inputFile]);
    expect(problemLines(result.stderr)).toEqual([]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(selectPilots(input));
  });

  it("R-45 --input - reads stdin", async () => {
    const result = await select(["--input", "-"], JSON.stringify(input));
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(selectPilots(input));
  });

  it("R-45 invalid input: exit 2, one line per problem naming its JSON path, nothing on stdout", async () => {
    const bad = {
      budgetPence: -5,
      candidates: [
        { ...input.candidates[0], region: "Wessex", nickname: "x" },
        { ...input.candidates[1], requestPence: 10_000_001, submittedAt: "2009-07-16T10:04:00" },
        { ...input.candidates[2], id: input.candidates[0].id },
      ],
    };
    const result = await select(["--input", "-"], JSON.stringify(bad));
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(problemLines(result.stderr)).toEqual([
      "budgetPence: must be a whole number of pence, 0 or more, not -5",
      'candidates[0].region: unknown region "Wessex"',
      "candidates[0].nickname: unknown field",
      "candidates[1].requestPence: 10000001 pence (£100,000.01) is over the £100,000 limit of R-1",
      'candidates[1].submittedAt: "2009-07-16T10:04:00" has no time zone; add one, such as Z for UTC or +01:00 for BST',
      'candidates[2].id: duplicate id "RTP-EOI-7KD3QF" (also candidates[0])',
    ]);
  });

  it("R-45 malformed JSON: exit 2 with one clear line", async () => {
    const result = await select(["--input", "-"], '{\n  "candidates": [,]\n}');
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    const lines = problemLines(result.stderr);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^input: stdin is not valid JSON at line 2, column 18 \(Unexpected token/);
  });

  it("R-45 a file that does not exist: exit 2 with one clear line", async () => {
    const missing = join(folder, "missing.json");
    const result = await select(["--input", missing]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(problemLines(result.stderr)).toEqual([`input: cannot read ${JSON.stringify(missing)}: no such file`]);
  });

  it("R-45 without --input: exit 2 with the usage", async () => {
    const result = await select([]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(problemLines(result.stderr)).toEqual([
      "select: --input is required",
      "usage: npm run -s select -- --input FILE.json   (or --input - to read stdin)",
    ]);
  });
});
