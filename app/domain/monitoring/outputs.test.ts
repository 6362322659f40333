import { describe, expect, it } from "vitest";
import { checkOutputUpdate, displayedOutputStatus, dueDateFromPlan, isLateByDate, OUTPUT_STATUSES, outputStatus } from "./outputs";

describe("R-60 the status an output is shown with", () => {
  it("is the latest update's status, or not started when there is none", () => {
    expect(displayedOutputStatus({ latest: null, dueDate: "2010-03-31", today: "2009-11-16" })).toBe("not-started");
    expect(displayedOutputStatus({ latest: "at-risk", dueDate: "2010-03-31", today: "2009-11-16" })).toBe("at-risk");
    expect(displayedOutputStatus({ latest: "on-track", dueDate: null, today: "2011-01-01" })).toBe("on-track");
  });

  it("R-60 is late once the due date (a London day) has passed and the output is not complete, whatever the last update said", () => {
    for (const latest of [null, "not-started", "on-track", "at-risk", "late"] as const) {
      expect(displayedOutputStatus({ latest, dueDate: "2009-11-30", today: "2009-11-30" })).toBe(latest === null ? "not-started" : latest);
      expect(displayedOutputStatus({ latest, dueDate: "2009-11-30", today: "2009-12-01" })).toBe("late");
    }
    expect(displayedOutputStatus({ latest: "complete", dueDate: "2009-11-30", today: "2010-06-01" })).toBe("complete");
    expect(isLateByDate({ latest: "on-track", dueDate: "2009-11-30", today: "2009-12-01" })).toBe(true);
    expect(isLateByDate({ latest: "late", dueDate: "2009-11-30", today: "2009-12-01" })).toBe(false);
    expect(outputStatus).toBe(displayedOutputStatus);
  });

  it("every status has a label and a GOV.UK tag colour", () => {
    expect(OUTPUT_STATUSES.map((s) => [s.key, s.label, s.tagClass])).toEqual([
      ["not-started", "Not started", "govuk-tag--grey"],
      ["on-track", "On track", "govuk-tag--blue"],
      ["at-risk", "At risk", "govuk-tag--yellow"],
      ["late", "Late", "govuk-tag--red"],
      ["complete", "Complete", "govuk-tag--green"],
    ]);
  });
});

describe("R-60 an output's due date from the detailed application", () => {
  it("reads the date the officer typed, as the offer letter shows it", () => {
    expect(dueDateFromPlan("31 March 2010")).toBe("2010-03-31");
    expect(dueDateFromPlan("1 December 2009")).toBe("2009-12-01");
    expect(dueDateFromPlan(" 5  Jan 2010 ")).toBe("2010-01-05");
    expect(dueDateFromPlan("31/3/2010")).toBe("2010-03-31");
    expect(dueDateFromPlan("2010-03-31")).toBe("2010-03-31");
  });
  it("is none when the text is not a real date", () => {
    for (const text of ["", "31/2/2010", "31 February 2010", "end of March", "32/1/2010", "1/1/10", "31 Smarch 2010"]) expect(dueDateFromPlan(text), text).toBeNull();
    expect(dueDateFromPlan(undefined)).toBeNull();
  });
});

describe("R-60 an update's answers", () => {
  const values = { status: "on-track", summary: "Held the first steering group.", evidenceLink: "" };
  it("needs a status and what happened", () => {
    expect(checkOutputUpdate({ status: "", summary: " ", evidenceLink: "" }, { hasFile: false })).toEqual({ ok: false, errors: [["status", "Select the output's status"], ["summary", "Enter what happened"]] });
    expect(checkOutputUpdate(values, { hasFile: false })).toEqual({ ok: true, update: { status: "on-track", summary: "Held the first steering group.", evidenceLink: null } });
  });
  it("limits what happened to 300 words", () => {
    const result = checkOutputUpdate({ ...values, summary: "word ".repeat(301) }, { hasFile: false });
    expect(result).toEqual({ ok: false, errors: [["summary", "What happened must be 300 words or fewer"]] });
  });
  it("a link must be a full https address", () => {
    for (const link of ["www.example.gov.uk", "http://www.example.gov.uk/report", "javascript:alert(1)", "https://localhost/x", "https://user:pw@example.gov.uk/"]) {
      const result = checkOutputUpdate({ ...values, evidenceLink: link }, { hasFile: false });
      expect(result.ok, link).toBe(false);
    }
    expect(checkOutputUpdate({ ...values, evidenceLink: "https://www.leeds.gov.uk/toolkit-pilot" }, { hasFile: false }).ok).toBe(true);
  });
  it("R-60 an update that marks the output complete needs evidence: a file or a link", () => {
    const complete = { ...values, status: "complete" };
    expect(checkOutputUpdate(complete, { hasFile: false })).toEqual({ ok: false, errors: [["evidenceLink", "An output marked complete needs evidence: enter a link to it or choose a file"]] });
    expect(checkOutputUpdate(complete, { hasFile: true }).ok).toBe(true);
    expect(checkOutputUpdate({ ...complete, evidenceLink: "https://www.example.gov.uk/report.pdf" }, { hasFile: false }).ok).toBe(true);
  });
});
