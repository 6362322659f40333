import { describe, expect, it } from "vitest";
import { SECTIONS } from "~/domain/eoi/sections";
import { pageQuestions, sectionPages } from "./pages";

describe("R-31 question pages", () => {
  it("ask every question of every section exactly once", () => {
    for (const section of SECTIONS) {
      const asked = sectionPages(section.id).flatMap((page) => page.fields);
      expect(asked.sort()).toEqual(section.questions.map((q) => q.name).sort());
      sectionPages(section.id).forEach((page, index) => expect(pageQuestions(section.id, index).map((q) => q.name)).toEqual(page.fields));
    }
  });

  it("split the long sections into short pages", () => {
    expect(sectionPages("supporting-documents")).toHaveLength(4);
    expect(sectionPages("leadership")).toEqual([{ title: "Leadership and commitment", fields: ["leadership"] }]);
  });
});
