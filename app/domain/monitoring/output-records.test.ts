import { describe, expect, it } from "vitest";
import { describeRecord, parseStoredRecord, readAuthoritiesReached, readRecordForm, recordFields, recordKindFor, RECORD_KINDS, type RecordContext } from "./output-records";

const context: RecordContext = { start: "2009-09-01", end: "2010-03-31", today: "2009-11-16", quarters: ["Q3 2009/10", "Q4 2009/10"] };
const date = (prefix: string, iso: string) => {
  const [year, month, day] = iso.split("-");
  return { [`${prefix}-day`]: String(Number(day)), [`${prefix}-month`]: String(Number(month)), [`${prefix}-year`]: year! };
};

describe("R-60 output-specific records", () => {
  it("each output B–F keeps one kind of record; A keeps none", () => {
    expect(["A", "B", "C", "D", "E", "F"].map(recordKindFor)).toEqual([null, "event", "network-member", "impact-figure", "change-proposal", "data-return"]);
  });

  it("B an event: date, place, attendees (a whole number of 0 or more), authorities reached as a number", () => {
    const result = readRecordForm("event", { ...date("date", "2009-11-12"), place: "Leeds Civic Hall", attendees: "40", authoritiesReached: "6" }, context);
    expect(result).toEqual({ ok: true, record: { kind: "event", data: { date: "2009-11-12", place: "Leeds Civic Hall", attendees: 40, authoritiesReached: 6, authorityNames: [] } } });
    if (result.ok) expect(describeRecord(result.record)).toBe("Event on 12 November 2009 at Leeds Civic Hall: 40 attendees, 6 authorities reached");
  });

  it("B authorities reached may be a list of names, one a line or separated by commas (the count is how many)", () => {
    expect(readAuthoritiesReached("Bradford\nWakefield; Calderdale, Kirklees\nBradford")).toEqual({ ok: true, count: 4, names: ["Bradford", "Wakefield", "Calderdale", "Kirklees"] });
    expect(readAuthoritiesReached("1,200")).toEqual({ ok: true, count: 1200, names: [] });
    expect(readAuthoritiesReached("-3").ok).toBe(false);
    expect(readAuthoritiesReached("2.5").ok).toBe(false);
    expect(readAuthoritiesReached("").ok).toBe(false);
  });

  it("B bad answers: missing place, attendees not a whole number, a date in the future or before the pilot", () => {
    const result = readRecordForm("event", { ...date("date", "2009-11-17"), place: "", attendees: "-1", authoritiesReached: "" }, context);
    expect(result).toEqual({
      ok: false,
      errors: [
        ["date-day", "The date of the event must be today or in the past"],
        ["place", "Enter where the event was held"],
        ["attendees", "The number of people who attended must be a whole number, like 25"],
        ["authoritiesReached", "Enter the number of authorities reached, or list them"],
      ],
    });
    const before = readRecordForm("event", { ...date("date", "2009-08-31"), place: "York", attendees: "0", authoritiesReached: "0" }, context);
    expect(before).toEqual({ ok: false, errors: [["date-day", "The date of the event must be on or after 1 September 2009, when the pilot started"]] });
    const after = readRecordForm("event", { ...date("date", "2010-04-01"), place: "York", attendees: "0", authoritiesReached: "0" }, { ...context, today: "2010-06-01" });
    expect(after).toEqual({ ok: false, errors: [["date-day", "The date of the event must be on or before 31 March 2010, when the programme ends"]] });
    expect(readRecordForm("event", { "date-day": "31", "date-month": "2", "date-year": "2009", place: "York", attendees: "1", authoritiesReached: "1" }, context)).toEqual({ ok: false, errors: [["date-day", "The date of the event must be a real date"]] });
  });

  it("C a network member: name, organisation, role, date joined", () => {
    const result = readRecordForm("network-member", { name: "Sam Patel", organisation: "Bradford Council", role: "Customer services manager", ...date("joinedOn", "2009-10-05") }, context);
    expect(result.ok && result.record.data).toEqual({ name: "Sam Patel", organisation: "Bradford Council", role: "Customer services manager", joinedOn: "2009-10-05" });
    if (result.ok) expect(recordFields(result.record).map((f) => f.value)).toEqual(["Sam Patel", "Bradford Council", "Customer services manager", "5 October 2009"]);
    const missing = readRecordForm("network-member", { name: "", organisation: "", role: "", "joinedOn-day": "", "joinedOn-month": "", "joinedOn-year": "" }, context);
    expect(missing.ok ? [] : missing.errors.map(([field]) => field)).toEqual(["name", "organisation", "role", "joinedOn-day"]);
  });

  it("D a cost and staff-time figure: cost in pence by parseMoney (R-33), staff hours", () => {
    const result = readRecordForm("impact-figure", { description: "Front-office redesign workshops", cost: "£1,250.50", staffHours: "37.5" }, context);
    expect(result.ok && result.record.data).toEqual({ description: "Front-office redesign workshops", costPence: 125050, staffHours: 37.5 });
    if (result.ok) expect(describeRecord(result.record)).toBe("Front-office redesign workshops: £1,250.50 and 37.5 hours of staff time");
    const bad = readRecordForm("impact-figure", { description: "x", cost: "12,34", staffHours: "a day" }, context);
    expect(bad).toEqual({ ok: false, errors: [["cost", "Commas in the cost must separate thousands, like 12,345"], ["staffHours", "Staff time must be a number of hours, like 37.5"]] });
    expect(readRecordForm("impact-figure", { description: "x", cost: "-5", staffHours: "0" }, context).ok).toBe(false);
  });

  it("E a Toolkit change proposal: theme, section (optional), proposal, rationale", () => {
    const result = readRecordForm("change-proposal", { theme: "frontline", section: "", proposal: "Add a frontline staff survey template.", rationale: "Every pilot wrote its own." }, context);
    expect(result.ok && result.record.data).toEqual({ theme: "frontline", section: "", proposal: "Add a frontline staff survey template.", rationale: "Every pilot wrote its own." });
    const bad = readRecordForm("change-proposal", { theme: "colour", section: "", proposal: "", rationale: "" }, context);
    expect(bad.ok ? [] : bad.errors.map(([field]) => field)).toEqual(["theme", "proposal", "rationale"]);
  });

  it("F a data return: a quarter of the programme, what was returned, date sent", () => {
    const result = readRecordForm("data-return", { period: "Q3 2009/10", description: "Contact volumes by channel.", ...date("sentOn", "2009-11-02") }, context);
    expect(result.ok && describeRecord(result.record)).toBe("Data return for Q3 2009/10, sent 2 November 2009: Contact volumes by channel.");
    const bad = readRecordForm("data-return", { period: "Q1 2011/12", description: "x", ...date("sentOn", "2009-11-02") }, context);
    expect(bad).toEqual({ ok: false, errors: [["period", "Select a quarter of the programme"]] });
  });

  it("stored data reads back through each kind's schema; a row that does not match is null", () => {
    for (const kind of Object.keys(RECORD_KINDS)) expect(parseStoredRecord(kind, "{}")).toBeNull();
    expect(parseStoredRecord("event", JSON.stringify({ date: "2009-11-12", place: "York", attendees: 3, authoritiesReached: 1 }))).toEqual({ kind: "event", data: { date: "2009-11-12", place: "York", attendees: 3, authoritiesReached: 1, authorityNames: [] } });
    expect(parseStoredRecord("event", "not json")).toBeNull();
    expect(parseStoredRecord("other", "{}")).toBeNull();
    expect(RECORD_KINDS["impact-figure"].schema.safeParse({ description: "x", costPence: 1.5, staffHours: 1 }).success).toBe(false);
  });
});
