// Demo: the world at stage 4 (issue 8, item 8). On top of stage 3 (db/seeds/stage3.ts), all nine
// detailed applications are approved and their offers accepted (nine pilots, one per region), and
// the programme is part-way through, so the dashboard has something to show:
//   - outputs at a mix of statuses, with updates, evidence links and B–F records;
//     one pilot's output A is past its due date and not complete: late;
//   - the first quarter's reports: most accepted, two waiting for the programme team, one
//     queried, and one never submitted: overdue;
//   - grant claims: approved, waiting for a decision, and one rejected (then claimed again);
//   - a health check visit recorded and its report agreed for one pilot, a visit recorded for
//     another; the CSE-focus pilot's evidence mapped to the CSE elements.
// Everything goes through the stage 3 and stage 4 services, so the audit log, the outbox and the
// pages read as if people did it.
//
// Dates (docs/decisions/0066-stage4-demo-dates.md): stage 3's demo keeps the round's closing date
// yesterday, so its pilots would begin ten weeks from now. Stage 4 seeds the earlier stages as if
// it were about six months ago instead, so that today falls about 120 days into the pilots'
// six-month programme: the first quarter's report is due and past, output A's date has passed,
// the other outputs are still to come. Use it on a fresh database.
//
// Idempotent: the applications are taken as far as "accepted" from wherever they are; the
// monitoring activity is added only while no pilot has any output update, claim or report.

import type { Knex } from "knex";
import { findEoi } from "../../app/data/eois.server";
import { currentRound } from "../../app/data/rounds.server";
import { findUserById, type User } from "../../app/data/users.server";
import { applicationProgramme } from "../../app/domain/application/programme";
import { applicationSections, type ApplicationAnswers, type ApplicationSectionId } from "../../app/domain/application/sections";
import { addDays, londonDate, startOfDayLondon, type IsoDate } from "../../app/domain/calendar";
import { CSE_ELEMENTS } from "../../app/domain/monitoring/cse-elements";
import { HEALTH_CHECK_PROBES } from "../../app/domain/monitoring/health-check-probes";
import type { OutputStatus } from "../../app/domain/monitoring/outputs";
import { emptyAnswers, type ReportAnswers } from "../../app/domain/monitoring/reports";
import { formatMoneyForInput } from "../../app/domain/money";
import { OUTPUTS, REGIONS, type OutputKey } from "../../app/domain/programme";
import { applicantApplicationContext, saveApplicationPage, startApplication, submitApplication } from "../../app/services/application.server";
import { acceptOffer, approveApplication } from "../../app/services/award.server";
import { addCseEvidence } from "../../app/services/cse-evidence.server";
import { agreeHealthCheckReport, recordFindings, recordVisitDetails } from "../../app/services/health-check.server";
import { decideClaimAsManager, makeClaim } from "../../app/services/pilot-claims.server";
import { addOutputRecord, addOutputUpdate } from "../../app/services/pilot-outputs.server";
import { decideReportAsManager, saveReport, scheduleFor, submitReport } from "../../app/services/pilot-reports.server";
import { pilotForOfficer, type Pilot } from "../../app/services/pilots.server";
import { seedStage3, stage3Answers } from "./stage3";

const DAY = 86_400_000;
const BASE_URL = "http://localhost:3000";

/** How far into the programme today falls: past the first quarter's report, before the programme ends. */
export const DAYS_INTO_PROGRAMME = 120;
/** In stage 3's demo the pilots begin 72 days after the day it is seeded (the invitation's spacing). */
const STAGE3_DAYS_BEFORE_START = 72;

// R-60 What each pilot (in region order) has said of outputs B–F by now (null: no update yet).
// Output A is due before today: complete for all but the pilot at LATE_OUTPUT_PILOT.
const OUTPUT_PLAN: ReadonlyArray<Record<Exclude<OutputKey, "A">, OutputStatus | null>> = [
  { B: "complete", C: "complete", D: "on-track", E: "on-track", F: "on-track" },
  { B: "complete", C: "on-track", D: "on-track", E: null, F: null },
  { B: "on-track", C: "on-track", D: "at-risk", E: null, F: "on-track" },
  { B: "at-risk", C: "on-track", D: null, E: null, F: null },
  { B: "on-track", C: null, D: null, E: null, F: null },
  { B: "complete", C: "on-track", D: "on-track", E: "on-track", F: "on-track" },
  { B: "on-track", C: "at-risk", D: "on-track", E: null, F: null },
  { B: "on-track", C: "on-track", D: null, E: "on-track", F: null },
  { B: "complete", C: "complete", D: "on-track", E: "on-track", F: "on-track" },
];
export const LATE_OUTPUT_PILOT = 6;

// R-61 The first quarter's report, by pilot: accepted, submitted (waiting), queried, or only a draft (overdue).
export type FirstReportPlan = "accepted" | "submitted" | "queried" | "overdue";
export const REPORT_PLAN: readonly FirstReportPlan[] = ["accepted", "accepted", "submitted", "accepted", "overdue", "queried", "accepted", "accepted", "submitted"];

// R-62 Claims, by pilot: each a share of the award and what the programme manager decided.
type ClaimPlan = Array<{ share: number; decision: "approve" | "reject" | null; period: "first-quarter" | "since" }>;
const CLAIM_PLAN: readonly ClaimPlan[] = [
  [{ share: 0.3, decision: "approve", period: "first-quarter" }, { share: 0.15, decision: null, period: "since" }],
  [{ share: 0.25, decision: "approve", period: "first-quarter" }],
  [{ share: 0.2, decision: "approve", period: "first-quarter" }],
  [{ share: 0.35, decision: "reject", period: "first-quarter" }, { share: 0.22, decision: "approve", period: "first-quarter" }],
  [{ share: 0.2, decision: null, period: "first-quarter" }],
  [{ share: 0.3, decision: "approve", period: "first-quarter" }, { share: 0.2, decision: "approve", period: "since" }],
  [{ share: 0.25, decision: "approve", period: "first-quarter" }],
  [{ share: 0.2, decision: null, period: "first-quarter" }],
  [{ share: 0.3, decision: "approve", period: "first-quarter" }],
];

/** The pilot (by index) whose health check report is agreed, and the one with a visit only recorded. */
export const HEALTH_CHECK_AGREED = 0;
export const HEALTH_CHECK_RECORDED = 2;

export interface Stage4Result {
  created: boolean;
  pilots: number;
  /** An officer of each pilot, to sign in with (password: the demo password), and what their pilot shows. */
  officers: Array<{ authority: string; region: string; email: string; shows: string[] }>;
}

const text = (value: unknown) => (typeof value === "string" ? value.trim() : "");
const typed = (date: IsoDate) => ({ day: String(Number(date.slice(8))), month: String(Number(date.slice(5, 7))), year: date.slice(0, 4) });

/** Saves a section page by page, then marks it complete (as stage 3's seed does). */
async function typeSection(db: Knex, user: User, sectionId: ApplicationSectionId, answers: ApplicationAnswers, at: Date): Promise<void> {
  const { sections } = await applicantApplicationContext(db, user);
  const section = sections.find((s) => s.id === sectionId)!;
  const wanted = answers[sectionId] ?? {};
  for (const [pageIndex, page] of section.pages.entries()) {
    const application = (await applicantApplicationContext(db, user)).application!;
    const pageAnswers = Object.fromEntries(page.fields.filter((f) => f in wanted).map((f) => [f, wanted[f]]));
    await saveApplicationPage(db, { user, sectionId, pageIndex, answers: pageAnswers, baseVersion: application.sectionVersions[sectionId] ?? 0, now: at });
  }
  const application = (await applicantApplicationContext(db, user)).application!;
  await saveApplicationPage(db, { user, sectionId, pageIndex: -1, answers: {}, baseVersion: application.sectionVersions[sectionId] ?? 0, markedComplete: true, now: at });
}

interface Pick {
  authorityId: number;
  name: string;
  region: string;
  officer: User;
}

/** Takes one invited authority's application from wherever stage 3 left it to an accepted offer. */
async function throughToAcceptance(db: Knex, pick: Pick, manager: User, tick: (minutes?: number) => Date): Promise<void> {
  const round = (await currentRound(db))!;
  const programme = applicationProgramme(round);
  let context = await applicantApplicationContext(db, pick.officer);
  if (!context.application) await startApplication(db, { user: pick.officer, now: tick() });
  context = await applicantApplicationContext(db, pick.officer);
  const application = context.application!;
  if (application.status === "draft" || application.status === "changes-requested") {
    // A draft is finished section by section; a sent-back application is resubmitted as version 2.
    if (application.status === "draft") {
      const eoi = await findEoi(db, Number((await db("applications").where({ id: application.id }).first("eoi_id")).eoi_id));
      const answers = stage3Answers(programme, pick.name, eoi?.answers ?? {});
      for (const section of applicationSections(programme)) {
        if (application.markedComplete?.[section.id]) continue;
        await typeSection(db, pick.officer, section.id, answers, tick(12));
      }
    }
    const submitted = await submitApplication(db, { user: pick.officer, now: tick(), baseUrl: BASE_URL });
    if (!submitted.ok) throw new Error(`Demo application for ${pick.name} could not be submitted: ${submitted.errors.map((e) => e.text).join("; ")}`);
  }
  const status = String((await db("applications").where({ id: application.id }).first("status")).status);
  if (status === "submitted") await approveApplication(db, { actor: manager, applicationId: application.id, comments: "A clear plan with confirmed partners and realistic dates.", baseUrl: BASE_URL, now: tick(30) });
  const award = await db("grant_awards").where({ application_id: application.id }).first("status");
  if (award && award.status !== "accepted") {
    const acceptedAt = tick(24 * 60);
    const eoi = await findEoi(db, Number((await db("applications").where({ id: application.id }).first("eoi_id")).eoi_id));
    const day = typed(londonDate(acceptedAt));
    const accepted = await acceptOffer(db, {
      user: pick.officer,
      form: { officerName: text(eoi?.answers["supporting-documents"]?.chiefExecutiveName) || pick.officer.name, officerRole: "Chief Executive", ...day, declaration: true },
      baseUrl: BASE_URL,
      now: acceptedAt,
    });
    if (!accepted.ok) throw new Error(`Demo acceptance for ${pick.name} failed: ${accepted.errors.map((e) => e[1]).join("; ")}`);
  }
}

function reportAnswers(pilot: Pilot, spendPence: number, plan: FirstReportPlan): ReportAnswers {
  const answers = emptyAnswers();
  const place = pilot.award.authorityName.replace(/ (City|County|Borough|District|Metropolitan Borough)? ?Council$/, "");
  const progress: Record<OutputKey, string> = {
    A: `${place} has drafted its report on using the Toolkit: the self-assessment with frontline staff and the customer panel is written up, with what worked and what did not.`,
    B: "The first regional workshop has been planned with the regional improvement and efficiency partnership; venues are booked and invitations have gone to every council in the region.",
    C: "We have joined the pilots' online network and invited the region's customer service leads; the first discussion thread is on first-contact resolution.",
    D: "Baseline costs and staff time for the contact centre have been recorded; the impact assessment method is agreed with our finance team.",
    E: "We have started a log of changes the Toolkit needs, from what staff found hard to use in the self-assessment.",
    F: "The baseline data return has been sent to the evaluators.",
  };
  for (const output of OUTPUTS) answers.progress[output.key] = progress[output.key];
  answers.spend = `£${formatMoneyForInput(spendPence)}`;
  answers.risks = plan === "overdue" ? "The project officer left in October; the post is being advertised." : "No new risks this quarter; partners' contributions are confirmed in writing.";
  answers.issues = plan === "queried" ? "Spend is below plan because the second workshop moved into the next quarter." : "None to raise.";
  return answers;
}

/**
 * Puts the demo world at stage 4: stage 3 (and the stages before it) as if seeded
 * STAGE3_DAYS_BEFORE_START + DAYS_INTO_PROGRAMME days ago, the nine applications through to
 * accepted offers, then the pilots' first months.
 */
export async function seedStage4(db: Knex, now: Date): Promise<Stage4Result> {
  const today = londonDate(now);
  const existing = await currentRound(db);
  if (existing && (await db("applications").where({ round_id: existing.id }).first("id")) && existing.startBy > addDays(today, -30)) {
    throw new Error(
      `This database is at stage 3 with pilots beginning on ${existing.startBy}: stage 4 needs the programme under way. Seed stage 4 on an empty database (rm -rf data && DEMO_STAGE=4 npm start).`,
    );
  }
  const stage3Now = new Date(now.getTime() - (STAGE3_DAYS_BEFORE_START + DAYS_INTO_PROGRAMME) * DAY);
  await seedStage3(db, stage3Now);
  const round = (await currentRound(db))!;
  const manager = (await findUserById(db, Number((await db("users").where({ role: "programme_manager" }).orderBy("id").first("id")).id)))!;

  // R-52 R-53 Every invited authority through to an accepted offer: nine pilots.
  const invited: Array<{ authority_id: number; name: string; region: string }> = await db("eois")
    .join("authorities", "authorities.id", "eois.authority_id")
    .where({ "eois.round_id": round.id, "eois.status": "invited" })
    .select("eois.authority_id", "authorities.name", "authorities.region")
    .orderBy("eois.id");
  const picks: Pick[] = [];
  for (const row of invited.sort((a, b) => REGIONS.indexOf(a.region as never) - REGIONS.indexOf(b.region as never))) {
    const officerRow = await db("users").where({ authority_id: row.authority_id, role: "applicant" }).orderBy("id").first("id");
    if (officerRow) picks.push({ authorityId: Number(row.authority_id), name: String(row.name), region: String(row.region), officer: (await findUserById(db, Number(officerRow.id)))! });
  }
  let clock = Math.max(stage3Now.getTime() + 60 * 60_000, ...(await db("applications").where({ round_id: round.id }).select("updated_at")).map((r) => new Date(String(r.updated_at)).getTime() + 60_000));
  const tick = (minutes = 7) => new Date(Math.min((clock += minutes * 60_000), now.getTime() - 60_000));
  for (const pick of picks) await throughToAcceptance(db, pick, manager, tick);

  const pilots: Pilot[] = [];
  for (const pick of picks) pilots.push(await pilotForOfficer(db, pick.officer));
  const officers = picks.map((pick, index) => ({ authority: pick.name, region: pick.region, email: pick.officer.email, shows: shows(index, pilots[index]!) }));
  const awardIds = pilots.map((p) => p.award.id);
  const started =
    (await db("output_updates").whereIn("award_id", awardIds).first("id")) || (await db("grant_claims").whereIn("award_id", awardIds).first("id")) || (await db("quarterly_reports").whereIn("award_id", awardIds).first("id"));
  if (started) return { created: false, pilots: pilots.length, officers };

  // The clock of the programme: instants on London days, never after now.
  const on = (day: IsoDate, hour = 10) => new Date(Math.min(startOfDayLondon(day).getTime() + hour * 3_600_000, now.getTime() - 60_000));
  const before = (a: IsoDate, b: IsoDate) => (a < b ? a : b);

  for (const [index, pick] of picks.entries()) {
    const pilot = pilots[index]!;
    const officer = pick.officer;
    const start = pilot.programme.startBy;
    const slug = pick.name.toLowerCase().replace(/^(london borough of|city of) /, "").split(" ")[0]!.replace(/[^a-z]/g, "");
    const link = (what: string) => `https://www.${slug}.example.gov.uk/toolkit-pilot/${what}`;
    const must = async (what: string, result: Promise<{ ok: boolean; errors?: unknown }>) => {
      const outcome = await result;
      if (!outcome.ok) throw new Error(`Demo ${what} for ${pick.name} failed: ${JSON.stringify(outcome.errors)}`);
      return outcome;
    };

    // R-60 Outputs: work starts on every planned output ten days in; some are finished since.
    const plan: Record<OutputKey, OutputStatus | null> = { A: index === LATE_OUTPUT_PILOT ? "at-risk" : "complete", ...OUTPUT_PLAN[index]! };
    for (const output of OUTPUTS) {
      const status = plan[output.key];
      if (!status) continue;
      await must("output update", addOutputUpdate(db, { user: officer, outputKey: output.key, values: { status: "on-track", summary: `Work on output ${output.key} has begun: the project officer leads it and the project board has agreed the plan.`, evidenceLink: "" }, now: on(addDays(start, 10 + OUTPUTS.indexOf(output))) }));
      if (status === "on-track") continue;
      const when = before(addDays(today, -3 - OUTPUTS.indexOf(output)), addDays(start, 60 + 8 * OUTPUTS.indexOf(output)));
      const summary =
        status === "complete"
          ? `Output ${output.key} is delivered: ${output.title.toLowerCase()}. The evidence is published on the council's website.`
          : index === LATE_OUTPUT_PILOT && output.key === "A"
            ? "The report on using the Toolkit is held up: the project officer left and the draft needs the board's comments. We expect to send it a month late."
            : `Output ${output.key} may slip: staff were needed for winter pressures in the contact centre. We are agreeing a new date with our partners.`;
      await must("output update", addOutputUpdate(db, { user: officer, outputKey: output.key, values: { status, summary, evidenceLink: status === "complete" ? link(`output-${output.key.toLowerCase()}`) : "" }, now: on(when, 14) }));
    }

    // R-60 Output-specific records (B–F), where the pilot has started on that output.
    const recordOn = (days: number) => before(addDays(today, -2), addDays(start, days));
    const record = (outputKey: OutputKey, values: Record<string, string>, day: IsoDate) => must(`output ${outputKey} record`, addOutputRecord(db, { user: officer, outputKey, values, now: on(day, 16) }));
    if (plan.B) {
      const first = recordOn(45);
      await record("B", { ...prefixed("date", first), place: `${pick.name.replace(/ Council$/, "")} civic centre`, attendees: String(28 + index * 3), authoritiesReached: String(5 + (index % 4)) }, first);
      if (plan.B === "complete") {
        const second = recordOn(80);
        await record("B", { ...prefixed("date", second), place: `${pick.region} regional improvement and efficiency partnership offices`, attendees: String(40 + index), authoritiesReached: String(9 + (index % 3)) }, second);
      }
    }
    if (plan.C) {
      await record("C", { name: "Sam Okoro", organisation: pick.name, role: "Customer services manager", ...prefixed("joinedOn", recordOn(20)) }, recordOn(20));
      await record("C", { name: "Jo Clarke", organisation: `${pick.region} Improvement Partnership`, role: "Programme adviser", ...prefixed("joinedOn", recordOn(35)) }, recordOn(35));
    }
    if (plan.D) await record("D", { description: "Contact centre: cost of a repeat call (baseline)", cost: `£${formatMoneyForInput(450_00 + index * 25_00)}`, staffHours: String(37.5 + index) }, recordOn(30));
    if (plan.E) await record("E", { theme: index % 2 ? "pledge" : "whole", section: index % 2 ? "Service and remedy pledge: template" : "", proposal: "Add a worked example of a remedy pledge for a two-tier area, agreed with the county.", rationale: "Staff found the template hard to apply where the county and district share customers." }, recordOn(50));
    if (plan.F) {
      const first = scheduleFor(pilot)[0];
      await record("F", { period: first?.quarter ?? "", description: "Baseline customer satisfaction and first-contact resolution figures for the evaluation.", ...prefixed("sentOn", recordOn(40)) }, recordOn(40));
    }

    // R-61 The first quarter's report (the one already due): written, submitted, decided.
    const schedule = scheduleFor(pilot).filter((report) => report.due < today);
    const first = schedule[0];
    if (first) {
      const reportPlan = REPORT_PLAN[index]!;
      const spendPence = Math.round((pilot.award.amountPence * 0.2) / 100_00) * 100_00;
      await must("report draft", saveReport(db, { user: officer, slug: first.slug, answers: reportAnswers(pilot, spendPence, reportPlan), version: 0, now: on(addDays(first.end, reportPlan === "overdue" ? -10 : -5)) }));
      if (reportPlan !== "overdue") {
        const version = Number((await db("quarterly_reports").where({ award_id: pilot.award.id, quarter: first.quarter }).first("version")).version);
        await must("report submission", submitReport(db, { user: officer, slug: first.slug, version, now: on(before(addDays(first.end, 4 + (index % 3)), addDays(today, -2)), 11), baseUrl: BASE_URL }));
        if (reportPlan === "accepted" || reportPlan === "queried") {
          const row = await db("quarterly_reports").where({ award_id: pilot.award.id, quarter: first.quarter }).first("id", "version");
          await must(
            "report decision",
            decideReportAsManager(db, {
              actor: manager,
              reportId: Number(row.id),
              version: Number(row.version),
              decision: reportPlan === "accepted" ? "accept" : "query",
              comments:
                reportPlan === "accepted"
                  ? "Thank you: a clear account of the quarter."
                  : "Spend is well below the budget for the quarter. Please say which budget lines moved into the next quarter and why, and whether the second workshop is still planned.",
              now: on(before(addDays(first.end, 11 + (index % 3)), addDays(today, -1)), 15),
              baseUrl: BASE_URL,
            }),
          );
        }
      }
    }

    // R-62 Claims against the award, and the programme manager's decisions.
    const pilotStart = pilot.award.acceptanceDate ?? start;
    const firstEnd = first ? first.end : addDays(today, -14);
    for (const [n, claim] of CLAIM_PLAN[index]!.entries()) {
      const periodStart = claim.period === "first-quarter" ? (pilotStart > start ? pilotStart : start) : addDays(firstEnd, 1);
      const periodEnd = claim.period === "first-quarter" ? firstEnd : addDays(today, -7);
      const amountPence = Math.round((pilot.award.amountPence * claim.share) / 100_00) * 100_00;
      const madeOn = claim.period === "first-quarter" ? before(addDays(firstEnd, 5 + n * 6), addDays(today, -3)) : addDays(today, -5);
      const made = await must(
        "claim",
        makeClaim(db, {
          user: officer,
          form: {
            amount: formatMoneyForInput(amountPence),
            startDay: typed(periodStart).day,
            startMonth: typed(periodStart).month,
            startYear: typed(periodStart).year,
            endDay: typed(periodEnd).day,
            endMonth: typed(periodEnd).month,
            endYear: typed(periodEnd).year,
            evidence: claim.decision === "reject" ? "Project officer salary and on-costs; partners' staff time at the workshop; venue hire." : "Project officer salary and on-costs for the period, and venue hire for the first workshop, as in the approved budget.",
          },
          now: on(madeOn, 9),
        }),
      );
      if (!claim.decision) continue;
      const claimId = Number((made as unknown as { claimId: number }).claimId);
      await must(
        "claim decision",
        decideClaimAsManager(db, {
          actor: manager,
          claimId,
          decision: claim.decision,
          reason: claim.decision === "reject" ? "The claim includes partners' staff time, which the approved budget shows as funded by the partners, not by CLG. Please claim again without it." : "",
          now: on(before(addDays(madeOn, 3), addDays(today, -1)), 12),
          baseUrl: BASE_URL,
        }),
      );
    }

    // R-63 R-11 The health check visit: one agreed, one recorded.
    if (index === HEALTH_CHECK_AGREED || index === HEALTH_CHECK_RECORDED) {
      const visitDate = index === HEALTH_CHECK_AGREED ? addDays(start, 45) : before(addDays(today, -4), addDays(start, 100));
      const team = [
        { name: "Ann Marsh", organisation: "Northgate Customer Services Ltd", sector: "private" },
        { name: "Raj Gill", organisation: "Improvement and Development Agency", sector: "public" },
        { name: "Beth Owen", organisation: "Citizens Advice", sector: "third" },
      ];
      await must("health check visit", recordVisitDetails(db, { actor: manager, awardId: pilot.award.id, form: { ...typed(visitDate), team, version: "0" }, now: on(addDays(visitDate, -14)) }));
      if (index === HEALTH_CHECK_AGREED) {
        const visitVersion = async () => String((await db("health_check_visits").where({ award_id: pilot.award.id }).first("version")).version);
        const findings = Object.fromEntries(
          HEALTH_CHECK_PROBES.slice(0, 6).map((probe, p) => [
            probe.id,
            { finding: p % 3 === 2 ? "Little evidence yet: the customer panel has met once." : "Good practice seen: staff could show how customers' views changed the service this year.", rating: p % 3 === 2 ? "area-to-develop" : "strength" },
          ]),
        );
        await must("health check findings", recordFindings(db, { actor: manager, awardId: pilot.award.id, form: { findings, summary: "A council that listens to its customers and acts on what they say; the next step is to bring partners into the same approach.", version: await visitVersion() }, now: on(addDays(visitDate, 3)) }));
        await must("health check agreement", agreeHealthCheckReport(db, { actor: manager, awardId: pilot.award.id, form: { agreedWith: officer.name, version: await visitVersion() }, now: on(addDays(visitDate, 10)), baseUrl: BASE_URL }));
      }
    }

    // R-63 The CSE-focus pilot maps its evidence to the elements of the standard.
    if (pilot.focusArea === "cse") {
      const elements = CSE_ELEMENTS.filter((_, e) => e % 3 === 0).slice(0, 16);
      for (const [e, element] of elements.entries()) {
        await must("CSE evidence", addCseEvidence(db, { user: officer, elementId: element.id, form: { evidence: `Evidence for ${element.id}: the customer insight report and the minutes of the customer panel where it was discussed.`, link: e % 2 ? link(`cse-${element.id.replaceAll(".", "-")}`) : "" }, now: on(before(addDays(start, 30 + e * 4), addDays(today, -1)), 13) }));
      }
    }
  }
  return { created: true, pilots: pilots.length, officers };
}

function prefixed(field: string, date: IsoDate): Record<string, string> {
  const { day, month, year } = typed(date);
  return { [`${field}-day`]: day, [`${field}-month`]: month, [`${field}-year`]: year };
}

/** What a pilot shows in the demo, for the seed's output and the README. */
function shows(index: number, pilot: Pilot): string[] {
  const notes: string[] = [];
  if (index === LATE_OUTPUT_PILOT) notes.push("output A late");
  const report = REPORT_PLAN[index];
  notes.push(report === "overdue" ? "first report overdue" : report === "queried" ? "first report queried" : report === "submitted" ? "first report waiting for review" : "first report accepted");
  const claims = CLAIM_PLAN[index]!;
  if (claims.some((c) => c.decision === "reject")) notes.push("a claim rejected");
  if (claims.some((c) => c.decision === null)) notes.push("a claim waiting");
  if (index === HEALTH_CHECK_AGREED) notes.push("health check agreed");
  if (index === HEALTH_CHECK_RECORDED) notes.push("health check visit recorded");
  if (pilot.focusArea === "cse") notes.push("CSE evidence");
  return notes;
}
