import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CSE_CRITERIA, CSE_ELEMENTS, CSE_SUB_CRITERIA, cseCoverage, cseElementsOf, isCseElementId } from "./cse-elements";

// The seed as the standard was received (a copy of ../shared/seeds/: test/data/seeds/README.md).
const SEED = join(__dirname, "../../../test/data/seeds/001_d75f00f2c409d4c5.txt");
const normalise = (text: string) => text.replace(/\s+/g, " ").trim();

describe("R-63 the Customer Service Excellence standard as data", () => {
  it("R-63 has 5 criteria, 15 sub-criteria and 57 elements", () => {
    expect(CSE_CRITERIA).toHaveLength(5);
    expect(CSE_SUB_CRITERIA).toHaveLength(15);
    expect(CSE_ELEMENTS).toHaveLength(57);
    // The standard's own shape: elements per sub-criterion, in order.
    expect(CSE_SUB_CRITERIA.map((sub) => cseElementsOf(sub.id).length)).toEqual([3, 3, 5, 6, 5, 2, 4, 3, 3, 3, 4, 6, 2, 5, 3]);
  });

  it("ids are unique, numbered in order, and every element's sub-criterion and every sub-criterion's criterion exist", () => {
    expect(new Set(CSE_ELEMENTS.map((e) => e.id)).size).toBe(57);
    expect(new Set(CSE_SUB_CRITERIA.map((s) => s.id)).size).toBe(15);
    expect(CSE_CRITERIA.map((c) => c.number)).toEqual([1, 2, 3, 4, 5]);
    for (const sub of CSE_SUB_CRITERIA) {
      expect(CSE_CRITERIA.some((c) => c.number === sub.criterion)).toBe(true);
      expect(sub.id.startsWith(`${sub.criterion}.`)).toBe(true);
    }
    for (const element of CSE_ELEMENTS) {
      expect(CSE_SUB_CRITERIA.some((s) => s.id === element.subCriterion)).toBe(true);
      expect(element.id).toMatch(new RegExp(`^${element.subCriterion.replace(".", "\\.")}\\.\\d$`));
      expect(element.guidance.length).toBeGreaterThan(0);
    }
    for (const sub of CSE_SUB_CRITERIA) expect(cseElementsOf(sub.id).map((e) => Number(e.id.split(".")[2]))).toEqual(cseElementsOf(sub.id).map((_, i) => i + 1));
    expect(isCseElementId("1.1.1")).toBe(true);
    expect(isCseElementId("5.3.4")).toBe(false);
  });

  it("every title, element and point of guidance is the seed's text, word for word (whitespace aside)", () => {
    const seed = normalise(readFileSync(SEED, "utf8"));
    const missing: string[] = [];
    for (const c of CSE_CRITERIA) if (!seed.includes(`Criterion ${c.number} ${c.title}`)) missing.push(`criterion ${c.number}`);
    for (const s of CSE_SUB_CRITERIA) if (!seed.includes(`${s.id} ${s.title}`)) missing.push(`sub-criterion ${s.id}`);
    for (const e of CSE_ELEMENTS) {
      // The seed's OCR writes criterion 1's numbers with a capital I.
      const seedId = e.id.startsWith("1.") ? `I.${e.id.slice(2)}` : e.id;
      if (!seed.includes(`${seedId} ${normalise(e.text)}`)) missing.push(`element ${e.id}`);
      for (const point of e.guidance) if (!seed.includes(normalise(point))) missing.push(`guidance of ${e.id}: ${point.slice(0, 40)}`);
    }
    expect(missing).toEqual([]);
    // Spot checks that the data is what a reader of the standard expects.
    expect(CSE_ELEMENTS.find((e) => e.id === "1.1.3")!.text).toBe("We make particular efforts to identify hard-to-reach and disadvantaged groups and individuals and have developed our services in response to their specific needs.");
    expect(CSE_ELEMENTS.find((e) => e.id === "4.3.2")!.text).toBe("We have an easy to use complaints procedure, which includes a commitment to deal with problems fully and solve them wherever possible within a reasonable time limit.");
    expect(CSE_ELEMENTS.at(-1)!.text).toBe("Our performance in relation to timeliness and quality of service compares well with that of similar organisations.");
  });
});

describe("R-63 cseCoverage", () => {
  it("counts the elements with evidence per sub-criterion and criterion, not the pieces of evidence", () => {
    const coverage = cseCoverage([{ elementId: "1.1.1" }, { elementId: "1.1.1" }, { elementId: "1.1.2" }, { elementId: "1.3.5" }, { elementId: "4.3.6" }, { elementId: "9.9.9" }]);
    expect(coverage).toMatchObject({ covered: 4, total: 57 });
    const insight = coverage.criteria[0]!;
    expect(insight).toMatchObject({ number: 1, title: "Customer Insight", covered: 3, total: 11 });
    expect(insight.subCriteria.map((s) => `${s.id}: ${s.covered} of ${s.total}`)).toEqual(["1.1: 2 of 3", "1.2: 0 of 3", "1.3: 1 of 5"]);
    expect(coverage.criteria.map((c) => `${c.covered} of ${c.total}`)).toEqual(["3 of 11", "0 of 11", "0 of 12", "1 of 13", "0 of 10"]);
    expect(coverage.byElement["1.1.1"]).toBe(2);
    expect(coverage.byElement["2.1.1"]).toBe(0);
    expect(Object.keys(coverage.byElement)).toHaveLength(57);
  });

  it("no evidence covers nothing; one piece for every element covers all 57", () => {
    expect(cseCoverage([]).covered).toBe(0);
    const all = cseCoverage(CSE_ELEMENTS.map((e) => ({ elementId: e.id })));
    expect(all.covered).toBe(57);
    expect(all.criteria.every((c) => c.covered === c.total)).toBe(true);
  });
});
