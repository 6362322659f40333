import { describe, expect, test } from "vitest";
import {
  addDays,
  addWorkingDays,
  bankHolidaysEnglandAndWales,
  deadlineFor,
  easterSunday,
  endOfDayLondon,
  financialYearOf,
  formatDateLondon,
  formatDateTimeLondon,
  formatTimeLondon,
  isBankHoliday,
  isIsoDate,
  isOpen,
  isWorkingDay,
  londonDate,
  parseQuarter,
  quarterDates,
  quarterOf,
  quartersBetween,
  startOfDayLondon,
  workingDaysBefore,
} from "~/domain/calendar";

const at = (iso: string) => new Date(iso);

describe("R-8 deadlines are the end of a London day", () => {
  test("R-8 EOIs close at 23:59:59.999 London (BST) on 17 July 2009", () => {
    expect(endOfDayLondon("2009-07-17").toISOString()).toBe("2009-07-17T22:59:59.999Z");
  });

  test("R-8 in winter the end of a London day is 23:59:59.999 UTC (GMT)", () => {
    expect(endOfDayLondon("2010-03-01").toISOString()).toBe("2010-03-01T23:59:59.999Z");
    expect(startOfDayLondon("2010-03-01").toISOString()).toBe("2010-03-01T00:00:00.000Z");
  });

  test("R-8 the clock-change days are handled (29 March and 25 October 2009)", () => {
    expect(startOfDayLondon("2009-03-29").toISOString()).toBe("2009-03-29T00:00:00.000Z");
    expect(endOfDayLondon("2009-03-29").toISOString()).toBe("2009-03-29T22:59:59.999Z");
    expect(startOfDayLondon("2009-10-25").toISOString()).toBe("2009-10-24T23:00:00.000Z");
    expect(endOfDayLondon("2009-10-25").toISOString()).toBe("2009-10-25T23:59:59.999Z");
  });

  test("R-8 a date that is not a real day is refused", () => {
    expect(() => endOfDayLondon("2009-02-30")).toThrow(RangeError);
    expect(() => endOfDayLondon("17/07/2009")).toThrow(RangeError);
    expect(isIsoDate("2008-02-29")).toBe(true);
    expect(isIsoDate("2009-02-29")).toBe(false);
  });

  test("R-8 an instant belongs to the London day it falls on", () => {
    expect(londonDate(at("2009-07-17T23:30:00Z"))).toBe("2009-07-18");
    expect(londonDate(at("2009-12-17T23:30:00Z"))).toBe("2009-12-17");
  });
});

describe("R-35 submission only while the round is open", () => {
  const round = { opensAt: at("2009-06-22T08:00:00Z"), closesAt: endOfDayLondon("2009-07-17") };

  test("R-35 open up to and including the last millisecond of the closing day", () => {
    expect(isOpen(round, at("2009-07-17T22:59:59.999Z"))).toBe(true);
    expect(isOpen(round, at("2009-07-17T23:00:00.000Z"))).toBe(false);
  });

  test("R-35 11:30pm BST on the closing day is in time, though UTC says it is past 10pm", () => {
    expect(isOpen(round, at("2009-07-17T22:30:00Z"))).toBe(true);
  });

  test("R-35 closed before the round opens", () => {
    expect(isOpen(round, at("2009-06-22T07:59:59Z"))).toBe(false);
    expect(isOpen({ closesAt: round.closesAt }, at("2009-01-01T00:00:00Z"))).toBe(true);
  });

  test("R-35 an extended deadline replaces the round's only when it is later", () => {
    const extended = endOfDayLondon("2009-07-24");
    expect(deadlineFor(round.closesAt, extended)).toEqual(extended);
    expect(deadlineFor(round.closesAt, endOfDayLondon("2009-07-10"))).toEqual(round.closesAt);
    expect(deadlineFor(round.closesAt, null)).toEqual(round.closesAt);
    const now = at("2009-07-20T12:00:00Z");
    expect(isOpen({ ...round, closesAt: deadlineFor(round.closesAt, extended) }, now)).toBe(true);
    expect(isOpen(round, now)).toBe(false);
  });
});

describe("dates and times are shown GOV.UK style in London time", () => {
  test("R-8 the closing date reads 17 July 2009", () => {
    expect(formatDateLondon(endOfDayLondon("2009-07-17"))).toBe("17 July 2009");
    expect(formatDateLondon("2009-08-03")).toBe("3 August 2009");
    expect(formatDateLondon("2009-07-17", { weekday: true })).toBe("Friday 17 July 2009");
  });

  test("R-35 the deadline reads 11:59pm on 17 July 2009", () => {
    expect(formatDateTimeLondon(endOfDayLondon("2009-07-17"))).toBe("11:59pm on 17 July 2009");
  });

  test.each([
    ["2009-07-17T16:30:00Z", "5:30pm"],
    ["2009-07-17T08:00:00Z", "9am"],
    ["2009-12-17T09:05:00Z", "9:05am"],
    ["2009-07-17T11:00:00Z", "midday"],
    ["2009-07-17T11:45:00Z", "12:45pm"],
    ["2009-12-16T00:20:00Z", "12:20am"],
    ["2009-12-17T00:00:30Z", "midnight"],
  ])("%s in London is %s", (instant, text) => {
    expect(formatTimeLondon(at(instant))).toBe(text);
  });

  test("midnight says which day it starts, so it cannot be read as the end of that day", () => {
    expect(formatDateTimeLondon(at("2009-07-17T23:00:00Z"))).toBe("midnight at the start of 18 July 2009");
  });

  test("an instant late on a summer evening shows the London date, not the UTC one", () => {
    expect(formatDateTimeLondon(at("2009-07-17T23:15:00Z"))).toBe("12:15am on 18 July 2009");
  });
});

describe("R-61 bank holidays in England and Wales", () => {
  test.each([
    [2008, "2008-03-23"],
    [2009, "2009-04-12"],
    [2010, "2010-04-04"],
    [2011, "2011-04-24"],
    [2019, "2019-04-21"],
    [2024, "2024-03-31"],
    [2038, "2038-04-25"],
    [2285, "2285-03-22"],
  ])("Easter Sunday %i is %s", (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });

  // Published dates (GOV.UK bank holidays and the London Stock Exchange calendar).
  const published: Record<number, string[]> = {
    2009: ["01-01", "04-10", "04-13", "05-04", "05-25", "08-31", "12-25", "12-28"],
    2010: ["01-01", "04-02", "04-05", "05-03", "05-31", "08-30", "12-27", "12-28"],
    2011: ["01-03", "04-22", "04-25", "04-29", "05-02", "05-30", "08-29", "12-26", "12-27"],
    2012: ["01-02", "04-06", "04-09", "05-07", "06-04", "06-05", "08-27", "12-25", "12-26"],
    2015: ["01-01", "04-03", "04-06", "05-04", "05-25", "08-31", "12-25", "12-28"],
    2016: ["01-01", "03-25", "03-28", "05-02", "05-30", "08-29", "12-26", "12-27"],
    2017: ["01-02", "04-14", "04-17", "05-01", "05-29", "08-28", "12-25", "12-26"],
    2018: ["01-01", "03-30", "04-02", "05-07", "05-28", "08-27", "12-25", "12-26"],
    2019: ["01-01", "04-19", "04-22", "05-06", "05-27", "08-26", "12-25", "12-26"],
    2020: ["01-01", "04-10", "04-13", "05-08", "05-25", "08-31", "12-25", "12-28"],
    2021: ["01-01", "04-02", "04-05", "05-03", "05-31", "08-30", "12-27", "12-28"],
    2022: ["01-03", "04-15", "04-18", "05-02", "06-02", "06-03", "08-29", "09-19", "12-26", "12-27"],
    2023: ["01-02", "04-07", "04-10", "05-01", "05-08", "05-29", "08-28", "12-25", "12-26"],
    2024: ["01-01", "03-29", "04-01", "05-06", "05-27", "08-26", "12-25", "12-26"],
    2025: ["01-01", "04-18", "04-21", "05-05", "05-26", "08-25", "12-25", "12-26"],
    2026: ["01-01", "04-03", "04-06", "05-04", "05-25", "08-31", "12-25", "12-28"],
    2027: ["01-01", "03-26", "03-29", "05-03", "05-31", "08-30", "12-27", "12-28"],
  };

  test.each(Object.entries(published))("R-61 the bank holidays of %s match the published list", (year, days) => {
    expect(bankHolidaysEnglandAndWales(Number(year)).map((holiday) => holiday.date)).toEqual(
      days.map((day) => `${year}-${day}`),
    );
  });

  test("R-61 substitute days are named as substitutes", () => {
    expect(bankHolidaysEnglandAndWales(2010).slice(-2)).toEqual([
      { date: "2010-12-27", title: "Christmas Day (substitute day)" },
      { date: "2010-12-28", title: "Boxing Day (substitute day)" },
    ]);
    expect(bankHolidaysEnglandAndWales(2011)[0]).toEqual({
      date: "2011-01-03",
      title: "New Year’s Day (substitute day)",
    });
  });

  test("R-61 working days skip weekends and bank holidays", () => {
    expect(isWorkingDay("2009-07-17")).toBe(true); // Friday
    expect(isWorkingDay("2009-07-18")).toBe(false); // Saturday
    expect(isWorkingDay("2009-08-31")).toBe(false); // Summer bank holiday
    expect(isBankHoliday("2009-12-28")).toBe(true);
    expect(isBankHoliday("2009-12-26")).toBe(false); // a Saturday: its substitute is the 28th
  });
});

describe("R-61 working-day arithmetic for reminders", () => {
  test("R-61 a reminder five working days before a Friday is the Friday before", () => {
    expect(workingDaysBefore("2010-01-15", 5)).toBe("2010-01-08");
  });

  test("R-61 the five working days before 5 January 2010 skip Christmas and New Year", () => {
    // Counting back: 4 Jan, 31 Dec, 30 Dec, 29 Dec, (28, 27, 26, 25 Dec not working), 24 Dec.
    expect(workingDaysBefore("2010-01-05", 5)).toBe("2009-12-24");
  });

  test("R-61 adding working days jumps Easter", () => {
    expect(addWorkingDays("2010-04-01", 1)).toBe("2010-04-06");
    expect(addWorkingDays("2010-04-01", 0)).toBe("2010-04-01");
    expect(addWorkingDays("2010-04-06", -1)).toBe("2010-04-01");
  });

  test("R-61 counting from a weekend starts at the next working day", () => {
    expect(addWorkingDays("2009-07-18", 1)).toBe("2009-07-20");
    expect(workingDaysBefore("2009-07-19", 1)).toBe("2009-07-17");
  });

  test("R-61 working days are whole days", () => {
    expect(() => addWorkingDays("2009-07-17", 1.5)).toThrow(RangeError);
  });

  test("calendar days add across months and years", () => {
    expect(addDays("2009-12-31", 1)).toBe("2010-01-01");
    expect(addDays("2010-03-01", -1)).toBe("2010-02-28");
  });
});

describe("R-51 R-61 financial-year quarters", () => {
  test.each([
    ["2009-04-01", "Q1 2009/10"],
    ["2009-06-30", "Q1 2009/10"],
    ["2009-07-01", "Q2 2009/10"],
    ["2009-09-30", "Q2 2009/10"],
    ["2009-10-01", "Q3 2009/10"],
    ["2009-12-31", "Q3 2009/10"],
    ["2010-01-01", "Q4 2009/10"],
    ["2010-03-31", "Q4 2009/10"],
    ["2010-04-01", "Q1 2010/11"],
    ["1999-05-01", "Q1 1999/00"],
  ])("%s is in %s", (date, quarter) => {
    expect(quarterOf(date)).toBe(quarter);
  });

  test("R-51 a pilot from October 2009 to March 2010 spans Q3 and Q4 2009/10", () => {
    expect(quartersBetween("2009-10-01", "2010-03-31")).toEqual(["Q3 2009/10", "Q4 2009/10"]);
  });

  test("R-51 quarters run across financial years, and none come before the start", () => {
    expect(quartersBetween("2009-09-15", "2010-04-02")).toEqual([
      "Q2 2009/10",
      "Q3 2009/10",
      "Q4 2009/10",
      "Q1 2010/11",
    ]);
    expect(quartersBetween("2010-01-10", "2010-02-10")).toEqual(["Q4 2009/10"]);
    expect(quartersBetween("2010-04-01", "2009-04-01")).toEqual([]);
  });

  test("R-61 a quarter's first and last days", () => {
    expect(quarterDates("Q3 2009/10")).toEqual({ start: "2009-10-01", end: "2009-12-31" });
    expect(quarterDates("Q4 2009/10")).toEqual({ start: "2010-01-01", end: "2010-03-31" });
    expect(quarterDates("Q1 2009/10")).toEqual({ start: "2009-04-01", end: "2009-06-30" });
  });

  test("quarter labels are read strictly", () => {
    expect(parseQuarter("Q3 2009/10")).toEqual({ quarter: 3, financialYearStart: 2009 });
    expect(parseQuarter("Q3 2009/11")).toBeNull();
    expect(parseQuarter("Q5 2009/10")).toBeNull();
    expect(() => quarterDates("2009 Q3")).toThrow(RangeError);
    expect(financialYearOf("2010-02-01")).toBe("2009/10");
  });
});
