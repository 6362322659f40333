// R-45 the selection on the command line, so a programme team can test scenarios outside the
// service. The format is in docs/selection.md.
//
//   npm run -s select -- --input FILE.json     result JSON on stdout, exit 0
//   npm run -s select -- --input -             read the input from stdin
//
// Bad input (malformed JSON, a file that does not exist, anything the format forbids): exit 2,
// one line per problem on stderr naming its JSON path, nothing on stdout.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { describeProblem, selectPilots, validateSelectionInput } from "~/domain/selection";

export const USAGE = "usage: npm run -s select -- --input FILE.json   (or --input - to read stdin)";

export interface CommandOutcome {
  exitCode: 0 | 1 | 2;
  stdout: string;
  stderr: string[];
}

const refuse = (...lines: string[]): CommandOutcome => ({ exitCode: 2, stdout: "", stderr: lines });

function inputArgument(args: string[]): { path: string } | { problem: string } {
  let path: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--input") {
      if (i + 1 >= args.length) return { problem: "--input needs a file name, or - for stdin" };
      path = args[++i];
    } else if (arg.startsWith("--input=")) {
      path = arg.slice("--input=".length);
    } else {
      return { problem: `unknown argument ${JSON.stringify(arg)}` };
    }
  }
  return path === undefined || path === "" ? { problem: "--input is required" } : { path };
}

/**
 * Where JSON text first goes wrong, as an offset: JSON.parse does not always say (Node 20 gives
 * no position for an unexpected token). A small recursive-descent scan of the JSON grammar.
 */
export function firstJsonErrorOffset(text: string): number {
  let at = 0;
  const fail = (): never => {
    throw at;
  };
  const space = () => {
    while (at < text.length && " \t\n\r".includes(text[at])) at++;
  };
  const literal = (word: string) => (text.startsWith(word, at) ? (at += word.length) : fail());
  const string = () => {
    at++; // the opening quote
    while (at < text.length && text[at] !== '"') {
      if (text[at] < " ") fail();
      if (text[at] === "\\") {
        at++;
        if (text[at] === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(at + 1, at + 5))) fail();
          at += 4;
        } else if (!'"\\/bfnrt'.includes(text[at] ?? "x")) fail();
      }
      at++;
    }
    if (at >= text.length) fail();
    at++;
  };
  const number = () => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(at));
    if (!match) fail();
    at += (match as RegExpExecArray)[0].length;
  };
  const value = (): void => {
    space();
    const next = text[at];
    if (next === "{") {
      at++;
      space();
      if (text[at] === "}") return void at++;
      for (;;) {
        space();
        if (text[at] !== '"') fail();
        string();
        space();
        if (text[at] !== ":") fail();
        at++;
        value();
        space();
        if (text[at] === ",") at++;
        else if (text[at] === "}") return void at++;
        else fail();
      }
    }
    if (next === "[") {
      at++;
      space();
      if (text[at] === "]") return void at++;
      for (;;) {
        value();
        space();
        if (text[at] === ",") at++;
        else if (text[at] === "]") return void at++;
        else fail();
      }
    }
    if (next === '"') return string();
    if (next === "t") return void literal("true");
    if (next === "f") return void literal("false");
    if (next === "n") return void literal("null");
    return number();
  };
  try {
    value();
    space();
    if (at < text.length) fail();
    return -1;
  } catch (offset) {
    if (typeof offset === "number") return offset;
    throw offset;
  }
}

/** Line and column (from 1) of an offset in a text. */
function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  const column = before.length - before.lastIndexOf("\n");
  return offset >= text.length ? "at the end" : `at line ${line}, column ${column}`;
}

/** The whole command, given its arguments and a way to read stdin; no process exit. */
export function runSelectCommand(args: string[], readStdin: () => string): CommandOutcome {
  const argument = inputArgument(args);
  if ("problem" in argument) return refuse(`select: ${argument.problem}`, USAGE);
  const name = argument.path === "-" ? "stdin" : argument.path;

  let text: string;
  try {
    text = argument.path === "-" ? readStdin() : readFileSync(argument.path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a folder" : (error as Error).message;
    return refuse(`input: cannot read ${JSON.stringify(name)}: ${why}`);
  }

  let raw: unknown;
  try {
    text = text.replace(/^\uFEFF/, ""); // a byte-order mark, as some editors save
    raw = JSON.parse(text);
  } catch (error) {
    const offset = firstJsonErrorOffset(text);
    const where = offset >= 0 ? ` ${lineAndColumn(text, offset)}` : "";
    return refuse(`input: ${name} is not valid JSON${where} (${(error as Error).message.replace(/\s+/g, " ")})`);
  }

  const validation = validateSelectionInput(raw);
  if (!validation.ok) return refuse(...validation.problems.map(describeProblem));
  return { exitCode: 0, stdout: `${JSON.stringify(selectPilots(validation.input), null, 2)}\n`, stderr: [] };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  let outcome: CommandOutcome;
  try {
    outcome = runSelectCommand(process.argv.slice(2), () => readFileSync(0, "utf8"));
  } catch (error) {
    outcome = { exitCode: 1, stdout: "", stderr: [`select: unexpected error: ${(error as Error).stack ?? error}`] };
  }
  if (outcome.stdout) process.stdout.write(outcome.stdout);
  if (outcome.stderr.length > 0) process.stderr.write(`${outcome.stderr.join("\n")}\n`);
  process.exitCode = outcome.exitCode;
}
