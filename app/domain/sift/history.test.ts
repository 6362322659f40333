import { describe, expect, it } from "vitest";
import { scoreChanges } from "./history";

describe("R-42 score history", () => {
  it("R-42 names each criterion whose score or justification changed between versions", () => {
    const before = { "toolkit-use": { score: 3, justification: "Good plan." }, impact: { score: null, justification: "" } };
    const after = { "toolkit-use": { score: 4, justification: "Good plan." }, impact: { score: null, justification: "Weak measures." } };
    expect(scoreChanges(before, after, { from: "draft", to: "complete" })).toEqual(["Toolkit use: 3 to 4", "Impact on customers’ experience: justification changed", "Marked complete"]);
  });

  it("R-42 the first save and a save with no change say so", () => {
    expect(scoreChanges(null, {})).toEqual(["First save"]);
    expect(scoreChanges({ impact: { score: 2, justification: "x" } }, { impact: { score: 2, justification: "x" } })).toEqual(["No change"]);
  });
});
