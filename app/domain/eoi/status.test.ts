import { describe, expect, test } from "vitest";
import { endOfDayLondon } from "~/domain/calendar";
import { SECTION_IDS, sectionById, type SectionId } from "~/domain/eoi/sections";
import { canSubmit, sectionStatus, submitTaskStatus, taskList, type EoiProgress } from "~/domain/eoi/status";
import { allMarkedComplete, completeAnswers, words } from "../../../test/factories/eoi-answers";

// A complete expression of interest, every section marked complete.
function makeEoi(overrides: Partial<EoiProgress> = {}): EoiProgress {
  return { answers: completeAnswers(), markedComplete: allMarkedComplete(), ...overrides };
}

const withAnswers = (eoi: EoiProgress, id: SectionId, answers: Record<string, unknown> | undefined): EoiProgress => ({
  ...eoi,
  answers: { ...eoi.answers, [id]: answers },
});

describe("R-31 task list statuses", () => {
  test("R-31 a section with nothing saved is not started", () => {
    const eoi = withAnswers(makeEoi({ markedComplete: {} }), "leadership", undefined);
    expect(sectionStatus("leadership", eoi)).toBe("not started");
    expect(sectionStatus("leadership", withAnswers(eoi, "leadership", { leadership: "   " }))).toBe("not started");
  });

  test("R-31 a section with answers the officer has not marked complete is in progress", () => {
    const eoi = makeEoi({ markedComplete: { leadership: false } });
    expect(sectionStatus("leadership", eoi)).toBe("in progress");
  });

  test("R-31 a section is completed when the officer says so and its answers are valid", () => {
    expect(sectionStatus("leadership", makeEoi())).toBe("completed");
  });

  test("R-31 a section marked complete whose answers no longer validate is in progress", () => {
    const eoi = withAnswers(makeEoi(), "toolkit-use", { themes: ["pledge"], toolkitUse: words(10) });
    expect(sectionStatus("toolkit-use", eoi)).toBe("in progress");
  });

  test("R-31 a section waiting on another cannot start yet", () => {
    const dependent = { ...sectionById("supporting-documents"), dependsOn: ["about-the-bid"] as SectionId[] };
    const eoi = makeEoi({ markedComplete: {} });
    const empty = withAnswers(eoi, "supporting-documents", undefined);
    expect(sectionStatus(dependent, empty)).toBe("cannot start yet");
    expect(sectionStatus(dependent, { ...empty, markedComplete: { "about-the-bid": true } })).toBe("not started");
    // Work already saved is never hidden behind "cannot start yet".
    expect(sectionStatus(dependent, eoi)).toBe("in progress");
  });

  test("R-31 the task list has every section in order", () => {
    const items = taskList(makeEoi({ markedComplete: { "about-the-bid": true } }));
    expect(items.map((item) => [item.number, item.status])).toEqual([
      [1, "completed"],
      [2, "in progress"],
      [3, "in progress"],
      [4, "in progress"],
      [5, "in progress"],
      [6, "in progress"],
      [7, "in progress"],
      [8, "in progress"],
      [9, "in progress"],
      [10, "in progress"],
    ]);
    expect(items[9]).toMatchObject({ id: "supporting-documents", title: "Supporting documents" });
  });
});

describe("R-35 canSubmit", () => {
  const window = { opensAt: new Date("2009-06-22T08:00:00Z"), closesAt: endOfDayLondon("2009-07-17") };
  const inTime = { now: new Date("2009-07-17T21:30:00Z"), window };

  test("R-35 a complete draft can be submitted while the round is open", () => {
    expect(canSubmit(makeEoi(), inTime)).toEqual({ ok: true });
    expect(submitTaskStatus(makeEoi())).toBe("not started");
  });

  test("R-35 not after the deadline, judged in London time", () => {
    expect(canSubmit(makeEoi(), { now: new Date("2009-07-17T23:00:00Z"), window })).toEqual({
      ok: false,
      errors: [{ text: "You can no longer submit – the deadline was 11:59pm on 17 July 2009", href: "#" }],
    });
  });

  test("R-35 not before the round opens", () => {
    expect(canSubmit(makeEoi(), { now: new Date("2009-06-21T12:00:00Z"), window })).toMatchObject({
      ok: false,
      errors: [{ text: "You cannot submit yet – expressions of interest open at 9am on 22 June 2009" }],
    });
  });

  test("R-35 an authority's extended window lets it submit after the round's deadline", () => {
    const extended = { ...window, closesAt: endOfDayLondon("2009-07-24") };
    expect(canSubmit(makeEoi(), { now: new Date("2009-07-20T09:00:00Z"), window: extended })).toEqual({ ok: true });
  });

  test("R-31 every section must be completed, each named with a link", () => {
    const eoi = withAnswers(makeEoi({ markedComplete: { ...makeEoi().markedComplete, impact: false } }), "leadership", {});
    expect(canSubmit(eoi, inTime)).toEqual({
      ok: false,
      errors: [
        { text: "Complete section 3: Leadership and commitment", href: "#leadership" },
        { text: "Complete section 6: Impact on customers’ experience", href: "#impact" },
      ],
    });
    expect(submitTaskStatus(eoi)).toBe("cannot start yet");
  });

  test("R-32 sections each valid but together over 1,000 words cannot be submitted", () => {
    const eoi = withAnswers(makeEoi(), "impact", { impact: words(243) }); // 800 words elsewhere
    expect(taskList(eoi).every((item) => item.status === "completed")).toBe(true);
    expect(canSubmit(eoi, inTime)).toEqual({
      ok: false,
      errors: [{ text: "Sections 2 to 9 must be 1,000 words or fewer – you have 1,043 words", href: "#two-page-total" }],
    });
    expect(submitTaskStatus(eoi)).toBe("cannot start yet");
  });

  test("R-35 a submitted or withdrawn expression of interest cannot be submitted again", () => {
    expect(canSubmit(makeEoi({ state: "submitted" }), inTime)).toEqual({
      ok: false,
      errors: [{ text: "This expression of interest has already been submitted", href: "#" }],
    });
    expect(canSubmit(makeEoi({ state: "withdrawn" }), inTime)).toMatchObject({ ok: false });
    expect(submitTaskStatus(makeEoi({ state: "submitted" }))).toBe("completed");
    expect(submitTaskStatus(makeEoi({ state: "withdrawn" }))).toBe("cannot start yet");
  });
});
