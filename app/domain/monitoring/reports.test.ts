import { describe, expect, it } from "vitest";
import { reportingTimetable } from "~/domain/application/award";
import { applicationProgramme } from "~/domain/application/programme";
import { isWorkingDay } from "~/domain/calendar";
import { checkAnswers, editRefusal, emptyAnswers, quarterFromSlug, quarterSlug, reportSchedule, reportState, submitRefusal } from "./reports";

const programme2009 = applicationProgramme({ startBy: "2009-09-30", endsOn: "2010-03-31", detailedDueAt: "2009-08-21T22:59:59.999Z" });
const programme2016 = applicationProgramme({ startBy: "2016-09-30", endsOn: "2017-03-31", detailedDueAt: "2016-08-19T22:59:59.999Z" });

describe("R-61 the reporting schedule", () => {
  it("R-61 R-53 one report per quarter of the 2009/10 programme, due on the offer letter's dates (ten working days after the quarter)", () => {
    const schedule = reportSchedule(programme2009, "2009-09-01");
    expect(schedule.map((r) => [r.quarter, r.slug, r.start, r.end, r.due, r.final])).toEqual([
      ["Q3 2009/10", "2009-10-q3", "2009-10-01", "2009-12-31", "2010-01-15", false],
      ["Q4 2009/10", "2009-10-q4", "2010-01-01", "2010-03-31", "2010-04-16", true],
    ]);
    expect(schedule.map((r) => r.due)).toEqual(reportingTimetable(programme2009).map((r) => r.due));
    expect(schedule[0]!.title).toBe("Progress report for Q3 2009/10 (October to December 2009)");
  });

  it("R-61 the reminder is five working days before the due date: over New Year 2010 (Christmas, Boxing Day substitute, New Year's Day) and Easter 2010", () => {
    const [q3, q4] = reportSchedule(programme2009);
    // Due Friday 15 January 2010: back over the weekend of 9–10 January to Friday 8 January.
    expect(q3!.remindOn).toBe("2010-01-08");
    // Due Friday 16 April 2010 (Good Friday 2 April and Easter Monday 5 April pushed it): Friday 9 April.
    expect(q4!.remindOn).toBe("2010-04-09");
  });

  it("R-61 a later year: 2016/17, with Easter Monday and Good Friday 2017 between the reminder and the due date", () => {
    const [q3, q4] = reportSchedule(programme2016);
    // Christmas 2016 falls on a Sunday (substitute Tuesday 27 December), New Year's Day 2017 on a Sunday (substitute Monday 2 January).
    expect(q3).toMatchObject({ quarter: "Q3 2016/17", due: "2017-01-16", remindOn: "2017-01-09" });
    // Due Tuesday 18 April 2017; counting back skips Easter Monday 17, the weekend, Good Friday 14: Friday 7 April.
    expect(q4).toMatchObject({ quarter: "Q4 2016/17", due: "2017-04-18", remindOn: "2017-04-07" });
    for (const r of [q3!, q4!]) expect([isWorkingDay(r.due), isWorkingDay(r.remindOn)]).toEqual([true, true]);
  });

  it("R-61 a pilot that started after a quarter ended does not report on that quarter", () => {
    expect(reportSchedule(programme2009, "2010-01-05").map((r) => r.quarter)).toEqual(["Q4 2009/10"]);
    expect(reportSchedule(programme2009, "2009-12-31").map((r) => r.quarter)).toEqual(["Q3 2009/10", "Q4 2009/10"]);
  });

  it("quarter slugs are URL-safe and read back; anything else is not a quarter", () => {
    expect(quarterSlug("Q3 2009/10")).toBe("2009-10-q3");
    expect(quarterFromSlug("2009-10-q4")).toBe("Q4 2009/10");
    for (const bad of ["2009-11-q3", "2009-10-q5", "Q3 2009/10", "2009-10-Q3", "../x"]) expect(quarterFromSlug(bad)).toBeNull();
  });
});

describe("R-61 where a report stands", () => {
  const q3 = reportSchedule(programme2009)[0]!;
  const state = (today: string, status: Parameters<typeof reportState>[0]["status"] = null) => reportState({ due: q3.due, status, today, quarter: q3.quarter }).key;

  it("R-61 by the calendar: not started, in progress, ready to submit, due soon from the reminder's day, overdue after the due date (London)", () => {
    expect(state("2009-09-30")).toBe("future");
    expect(state("2009-11-16")).toBe("in-progress");
    expect(state("2010-01-04")).toBe("open");
    expect(state("2010-01-07")).toBe("open");
    expect(state("2010-01-08")).toBe("due-soon");
    expect(state("2010-01-15")).toBe("due-soon"); // due by the end of that day
    expect(state("2010-01-16")).toBe("overdue");
    expect(state("2010-01-16", "draft")).toBe("overdue");
  });

  it("R-61 by its status: submitted, queried and accepted are never overdue", () => {
    expect(state("2010-02-01", "submitted")).toBe("submitted");
    expect(state("2010-02-01", "queried")).toBe("queried");
    expect(state("2010-02-01", "accepted")).toBe("accepted");
    const overdue = reportState({ due: q3.due, status: null, today: "2010-02-01" });
    expect(overdue).toEqual({ key: "overdue", label: "Overdue", tagClass: "govuk-tag govuk-tag--red", overdue: true });
  });

  it("R-61 a due date just after New Year: the reminder's day goes back over New Year's Day, the weekend, Christmas and Boxing Day", () => {
    // Due Monday 4 January 2010: 31, 30, 29 December, then (28 Boxing Day substitute, the weekend, 25 Christmas) 24 and 23 December.
    expect(reportState({ due: "2010-01-04", status: null, today: "2009-12-22" }).key).toBe("in-progress");
    expect(reportState({ due: "2010-01-04", status: null, today: "2009-12-23" }).key).toBe("due-soon");
  });
});

describe("R-61 what may be done with a report", () => {
  const [q3, q4] = reportSchedule(programme2009);

  it("R-61 R-73 a report for a quarter that has not started is refused (future quarter)", () => {
    expect(editRefusal(q4!, null, "2009-11-16")).toBe("You cannot start the report for Q4 2009/10 yet: the quarter begins on 1 January 2010");
    expect(editRefusal(q3!, null, "2009-11-16")).toBeNull();
  });

  it("R-61 the current quarter's report may be drafted but is submitted only once the quarter has ended", () => {
    expect(submitRefusal(q3!, "draft", "2009-12-31")).toMatch(/^You can submit the report for Q3 2009\/10 from 1 January 2010/);
    expect(submitRefusal(q3!, "draft", "2010-01-01")).toBeNull();
    expect(submitRefusal(q3!, "queried", "2010-02-01")).toBeNull();
    expect(submitRefusal(q3!, "submitted", "2010-02-01")).toMatch(/has been submitted/);
    expect(editRefusal(q3!, "accepted", "2010-02-01")).toMatch(/accepted and cannot be changed/);
  });

  it("R-61 R-73 a draft may be partly written; a submission needs progress on A–F, the spend, risks and issues", () => {
    const answers = { ...emptyAnswers(), spend: "£1,2,3" };
    expect(checkAnswers(answers, "draft").errors).toEqual([["spend", "Commas in the spend this quarter must separate thousands, like 12,345"]]);
    expect(checkAnswers(emptyAnswers(), "draft")).toEqual({ ok: true, spendPence: null, errors: [] });
    const fields = checkAnswers(emptyAnswers(), "submit").errors.map(([field]) => field);
    expect(fields).toEqual(["progressA", "progressB", "progressC", "progressD", "progressE", "progressF", "spend", "risks", "issues"]);
    const full = { progress: { A: "a", B: "b", C: "c", D: "d", E: "e", F: "f" }, spend: "£12,345.50", risks: "None", issues: "None" };
    expect(checkAnswers(full, "submit")).toEqual({ ok: true, spendPence: 1_234_550, errors: [] });
  });
});
