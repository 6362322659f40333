import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { selectPilots, validateSelectionInput } from "~/domain/selection";

// R-45 docs/selection.md's worked example is true: its input file, selected now, gives the
// output file, and the output block in the document is that same output.

const docs = join(import.meta.dirname, "../../docs");
const read = (name: string) => readFileSync(join(docs, name), "utf8");

describe("R-45 the worked example in docs/selection.md", () => {
  it("R-45 the example input selects to the documented output", () => {
    const validation = validateSelectionInput(JSON.parse(read("selection-example.json")));
    if (!validation.ok) throw new Error(validation.problems.map((p) => `${p.path}: ${p.message}`).join("\n"));
    expect(selectPilots(validation.input)).toEqual(JSON.parse(read("selection-example.output.json")));
  });

  it("R-45 the output block in the document is the output file", () => {
    const document = read("selection.md");
    const block = /<!-- selection-example-output -->\s*```json\n([\s\S]*?)```/.exec(document);
    expect(block, "docs/selection.md has the marked output block").not.toBeNull();
    expect(JSON.parse(block![1])).toEqual(JSON.parse(read("selection-example.output.json")));
    expect(document).toContain("(selection-example.json)");
    expect(document).toContain("(selection-example.output.json)");
  });
});
