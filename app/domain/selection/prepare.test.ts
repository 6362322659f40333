import { describe, expect, it } from "vitest";
import { makeCandidate, makeInput } from "../../../test/selection/make-candidate";
import { prepareSelection } from "./prepare";

// R-43 the tie-break order: the earlier submission (as an instant), then the smaller id.
const ranks = (submittedAt: string[], ids?: string[]) => {
  const selection = prepareSelection(
    makeInput(submittedAt.map((at, index) => makeCandidate({ submittedAt: at, id: ids?.[index] ?? `C${index}` }))),
  );
  return selection.candidates.map((candidate) => candidate.rank);
};

describe("R-43 the tie-break order", () => {
  it("R-43 orders by instant, to the nanosecond, whatever the time zone", () => {
    expect(
      ranks([
        "2009-07-16T10:00:00.000000002Z",
        "2009-07-16T11:00:00+01:00", // 10:00:00Z
        "2009-07-16T10:00:00.000000001Z",
        "2009-07-16T09:59:59.999999999Z",
        "1969-12-31T23:59:59Z",
      ]),
    ).toEqual([4, 2, 3, 1, 0]);
  });

  it("R-43 equal instants go to the smaller id, in string order", () => {
    expect(
      ranks(["2009-07-16T10:00:00Z", "2009-07-16T11:00:00+01:00", "2009-07-16T10:00:00.000Z"], ["b", "B", "a"]),
    ).toEqual([2, 0, 1]);
  });

  it("R-43 the same order for far-off years and many candidates (the order is then found by comparison)", () => {
    const count = 20_000; // 9999 in seconds × 20,000 candidates is beyond exact packing
    const submittedAt = Array.from({ length: count }, (_, index) =>
      index % 2 ? `9999-12-31T23:59:${String(index % 60).padStart(2, "0")}Z` : "0001-01-01T00:00:00Z",
    );
    const rank = ranks(
      submittedAt,
      submittedAt.map((_, index) => `ID${String(index).padStart(5, "0")}`),
    );
    expect(rank[0]).toBe(0);
    expect(rank[2]).toBe(1);
    expect(rank[1]).toBe(count / 2); // the earliest of the 9999 ones: second 1, smallest id
    expect(new Set(rank).size).toBe(count);
  });
});
