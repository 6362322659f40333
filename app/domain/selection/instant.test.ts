import { describe, expect, it } from "vitest";
import { compareInstants, readInstant } from "./instant";

const seconds = (text: string) => {
  const reading = readInstant(text);
  if (!reading.ok) throw new Error(reading.problem);
  return reading.instant;
};

describe("R-43 submission instants", () => {
  it("R-43 reads instants with Z or an offset as the same moment", () => {
    expect(seconds("2009-07-16T10:04:00Z")).toEqual({
      epochSeconds: Date.UTC(2009, 6, 16, 10, 4) / 1000,
      nanoseconds: 0,
    });
    expect(seconds("2009-07-16T11:04:00+01:00")).toEqual(seconds("2009-07-16T10:04:00Z"));
    expect(seconds("2009-07-16T05:34:00-0430")).toEqual(seconds("2009-07-16T10:04:00Z"));
    expect(seconds("2009-07-16T10:04Z")).toEqual(seconds("2009-07-16T10:04:00Z"));
    expect(seconds("2009-07-16T10:04:00.5Z")).toEqual({ ...seconds("2009-07-16T10:04:00Z"), nanoseconds: 500_000_000 });
    expect(seconds("2008-02-29T00:00:00Z").epochSeconds).toBe(Date.UTC(2008, 1, 29) / 1000);
    expect(seconds("1969-12-31T23:59:59Z").epochSeconds).toBe(-1);
  });

  it("R-43 orders instants, down to the fraction of a second", () => {
    expect(compareInstants(seconds("2009-07-16T10:04:00.000000001Z"), seconds("2009-07-16T10:04:00Z"))).toBeGreaterThan(
      0,
    );
    expect(compareInstants(seconds("2009-07-16T10:30:00+01:00"), seconds("2009-07-16T10:00:00Z"))).toBeLessThan(0);
  });

  it("R-45 an instant needs a time zone, a time and a real date", () => {
    expect(readInstant("2009-07-16T10:04:00")).toEqual({ ok: false, problem: "no-zone" });
    for (const text of [
      "2009-07-16",
      "2009-13-01T00:00:00Z",
      "2009-02-29T00:00:00Z",
      "2009-07-16T24:00:00Z",
      "2009-07-16T10:04:00+24:00",
      "yesterday",
    ]) {
      expect(readInstant(text), text).toEqual({ ok: false, problem: "not-an-instant" });
    }
  });
});

describe("R-45 what counts as an instant", () => {
  it("R-45 accepts the RFC 3339 forms and nothing else", () => {
    const accepted = [
      "2009-07-16T10:04:00Z",
      "2009-07-16t10:04:00z",
      "2009-07-16T10:04Z",
      "2009-07-16T10:04:00,5Z",
      "2009-07-16T10:04:00.123456789+01:00",
      "2009-07-16T10:04:00+0100",
      "2009-07-16T10:04:00+01",
      "2009-07-16T10:04:00-00:00",
    ];
    const refused = [
      "2009-07-16T10:04:00.Z",
      "2009-07-16T10:04:00.1234567890Z",
      "2009-07-16T10:04:00+1",
      "2009-07-16T10:04:00+01:0",
      "2009-07-16T10:04:00Z ",
      " 2009-07-16T10:04:00Z",
      "2009-07-16 10:04:00Z",
      "2009-7-16T10:04:00Z",
      "2009-07-16T10:4:00Z",
      "2009-07-16T10:04:00ZZ",
      "+2009-07-16T10:04:00Z",
    ];
    for (const text of accepted) expect(readInstant(text).ok, text).toBe(true);
    for (const text of refused) expect(readInstant(text), text).toEqual({ ok: false, problem: "not-an-instant" });
  });
});
