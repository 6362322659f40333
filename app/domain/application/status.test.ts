import { describe, expect, it } from "vitest";
import { allApplicationSectionsComplete, completeApplicationAnswers } from "../../../test/factories/applications";
import { applicationProgramme } from "./programme";
import { applicationSections } from "./sections";
import { applicationTaskList, canSubmitApplication, submitTaskStatus, type ApplicationState } from "./status";

const programme = applicationProgramme({ startBy: "2009-09-30", endsOn: "2010-03-31", detailedDueAt: "2009-08-21T22:59:59.999Z" });
const sections = applicationSections(programme);
const beforeDue = new Date("2009-08-21T22:00:00Z");
const afterDue = new Date("2009-08-21T23:00:00Z"); // midnight in London (BST)
const progress = (state: ApplicationState = "draft") => ({ answers: completeApplicationAnswers(programme), markedComplete: allApplicationSectionsComplete(), state });

describe("R-50 R-51 R-52 the task list and submission", () => {
  it("R-51 seven sections; completed only when marked and valid", () => {
    const tasks = applicationTaskList(programme, sections, progress());
    expect(tasks.map((t) => t.title)).toEqual(["Delivery plan and milestones", "Plans for outputs A to F", "Budget", "Risks", "Partners’ confirmed roles", "Service improvement plan", "Evaluation approach"]);
    expect(tasks.every((t) => t.status === "completed")).toBe(true);
    const broken = { ...progress(), answers: { ...progress().answers, risks: { risks: [] } } };
    expect(applicationTaskList(programme, sections, broken).find((t) => t.id === "risks")!.status).toBe("in progress");
    expect(submitTaskStatus(programme, sections, broken)).toBe("cannot start yet");
  });

  it("R-50 submission closes at the round's due date for detailed applications (server clock)", () => {
    expect(canSubmitApplication(programme, sections, progress(), beforeDue)).toEqual({ ok: true });
    expect(canSubmitApplication(programme, sections, progress(), afterDue)).toEqual({ ok: false, errors: [{ text: "You can no longer submit – detailed applications were due by 11:59pm on 21 August 2009", href: "#" }] });
  });

  it("R-52 a version sent back for changes can be resubmitted after the due date", () => {
    expect(canSubmitApplication(programme, sections, progress("changes-requested"), afterDue)).toEqual({ ok: true });
  });

  it("R-52 a submitted, approved, declined or withdrawn application cannot be submitted", () => {
    for (const state of ["submitted", "approved", "declined", "withdrawn"] as const) expect(canSubmitApplication(programme, sections, progress(state), beforeDue).ok).toBe(false);
  });
});
