import { describe, expect, test } from "vitest";
import {
  EOI_REFERENCE_PREFIX,
  REFERENCE_ALPHABET,
  generateReference,
  isReference,
  normaliseReference,
  seededRandom,
} from "~/domain/reference";

describe("R-35 references", () => {
  test("R-35 the alphabet is the 25 unambiguous characters", () => {
    expect(REFERENCE_ALPHABET).toBe("234679CDFGHJKLMNPQRTVWXYZ");
    expect(new Set(REFERENCE_ALPHABET).size).toBe(25);
    for (const ambiguous of "0O1I5S8BAEU") expect(REFERENCE_ALPHABET).not.toContain(ambiguous);
  });

  test("R-35 a reference is RTP-EOI- and 6 characters from the alphabet", () => {
    const random = seededRandom(2009);
    for (let i = 0; i < 500; i += 1) {
      const reference = generateReference(EOI_REFERENCE_PREFIX, random);
      expect(reference).toMatch(/^RTP-EOI-[234679CDFGHJKLMNPQRTVWXYZ]{6}$/);
      expect(isReference(reference)).toBe(true);
    }
  });

  test("R-35 the same seed gives the same references; different seeds differ", () => {
    const first = [1, 2, 3].map(() => generateReference("RTP-EOI-", seededRandom(42)));
    expect(new Set(first).size).toBe(1);
    expect(generateReference("RTP-EOI-", seededRandom(42))).not.toBe(
      generateReference("RTP-EOI-", seededRandom(43)),
    );
  });

  test("R-35 every character of the alphabet can appear, at both ends of random()", () => {
    expect(generateReference("X-", () => 0)).toBe("X-222222");
    expect(generateReference("X-", () => 0.999_999_999)).toBe("X-ZZZZZZ");
    const random = seededRandom(1);
    const seen = new Set<string>();
    for (let i = 0; i < 400; i += 1) {
      for (const character of generateReference("", random)) seen.add(character);
    }
    expect(seen.size).toBe(25);
  });

  test("R-35 a broken random source is refused rather than making a bad reference", () => {
    expect(() => generateReference("RTP-EOI-", () => 1)).toThrow(RangeError);
    expect(() => generateReference("RTP-EOI-", () => -0.1)).toThrow(RangeError);
    expect(() => generateReference("RTP-EOI-", () => Number.NaN)).toThrow(RangeError);
  });

  test.each([
    ["RTP-EOI-7KQ3MX", true],
    ["RTP-EOI-7KQ3M", false],
    ["RTP-EOI-7KQ3MXX", false],
    ["RTP-EOI-7KQ3M0", false],
    ["RTP-EOI-7KQ3MO", false],
    ["rtp-eoi-7kq3mx", false],
    ["RTP-APP-7KQ3MX", false],
    [" RTP-EOI-7KQ3MX", false],
  ])("R-35 isReference(%j) is %s", (value, expected) => {
    expect(isReference(value)).toBe(expected);
  });

  test("R-35 a prefix's own punctuation is matched literally", () => {
    expect(isReference("RTP.APP.7KQ3MX", "RTP.APP.")).toBe(true);
    expect(isReference("RTPxAPPx7KQ3MX", "RTP.APP.")).toBe(false);
  });

  test.each([
    ["rtp-eoi-7kq3mx", "RTP-EOI-7KQ3MX"],
    ["  RTP EOI 7KQ 3MX ", "RTP-EOI-7KQ3MX"],
    ["RTPEOI7KQ3MX", "RTP-EOI-7KQ3MX"],
    ["RTP-EOI-7KQ3M0", null],
    ["7KQ3MX", null],
  ])("R-35 a typed reference %j is read as %j", (input, expected) => {
    expect(normaliseReference(input)).toBe(expected);
  });
});
