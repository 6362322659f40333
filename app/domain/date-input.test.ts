import { describe, expect, it } from "vitest";
import { parseDateInput } from "./date-input";

describe("GOV.UK date input", () => {
  it("reads a real date", () => {
    expect(parseDateInput({ day: "17", month: "7", year: "2009" }, "the closing date")).toEqual({ ok: true, date: "2009-07-17" });
  });
  it("names what is missing or wrong", () => {
    expect(parseDateInput({}, "the closing date")).toEqual({ ok: false, error: "Enter the closing date" });
    expect(parseDateInput({ day: "17", year: "2009" }, "the closing date")).toEqual({ ok: false, error: "The closing date must include a month" });
    expect(parseDateInput({ day: "31", month: "2", year: "2009" }, "the closing date")).toEqual({ ok: false, error: "The closing date must be a real date" });
    expect(parseDateInput({ day: "1", month: "2", year: "09" }, "the closing date")).toEqual({ ok: false, error: "Year must include 4 numbers" });
  });
});
