// Demo: the world at stage 3 (issue 7, item 6). On top of stage 2 (db/seeds/stage2.ts), the
// programme manager runs the selection and confirms the shortlist through stage 2's own services,
// so nine authorities are invited (one per region) and the others have outcome letters. Then the
// nine detailed applications are at every step of stage 3, all through the stage 3 services (so
// the audit log, versions and outbox read as if people did it):
//   - 3 approved, with grant awards: 2 offers accepted (pilots started), 1 offer waiting;
//   - 2 submitted, waiting for the manager's review;
//   - 1 sent back: changes requested;
//   - 2 in progress (some sections done), 1 not started.
//
// Idempotent: nothing is added once the round has any detailed application. Answers are built
// from each authority's own expression of interest, so every pilot reads differently.

import type { Knex } from "knex";
import { invitedEoiForAuthority, listInvitations } from "../../app/data/applications.server";
import { findEoi } from "../../app/data/eois.server";
import { currentRound } from "../../app/data/rounds.server";
import { findShortlist } from "../../app/data/sift.server";
import { findUserById, type User } from "../../app/data/users.server";
import { isoToTypedDate } from "../../app/domain/application/form";
import { applicationProgramme, quarterField, type ApplicationProgramme } from "../../app/domain/application/programme";
import { applicationSections, outputField, type ApplicationAnswers, type ApplicationSectionId } from "../../app/domain/application/sections";
import { addDays, londonDate } from "../../app/domain/calendar";
import type { EoiAnswers } from "../../app/domain/eoi/sections";
import { formatMoneyForInput, parseMoney } from "../../app/domain/money";
import { OUTPUTS } from "../../app/domain/programme";
import { applicantApplicationContext, saveApplicationPage, startApplication, submitApplication } from "../../app/services/application.server";
import { decideWithoutAward } from "../../app/services/application-review.server";
import { acceptOffer, approveApplication } from "../../app/services/award.server";
import { confirmShortlist, saveSelection } from "../../app/services/sift-selection.server";
import { seedStage2 } from "./stage2";

const MINUTE = 60_000;

export type Stage3State = "accepted" | "offered" | "submitted" | "changes-requested" | "in progress" | "not started";

/** What each of the nine picks (in region order) is left at. */
export const STAGE3_PLAN: readonly Stage3State[] = ["accepted", "submitted", "in progress", "offered", "changes-requested", "accepted", "submitted", "in progress", "not started"];

export interface Stage3Result {
  created: boolean;
  invited: number;
  byState: Partial<Record<Stage3State, string[]>>;
  /** An officer's email for each invited authority, to sign in with (password: the demo password). */
  officers: Array<{ authority: string; region: string; email: string; state: Stage3State }>;
}

const text = (value: unknown) => (typeof value === "string" ? value.trim() : "");

/** R-51 A complete detailed application built from the authority's expression of interest. */
export function stage3Answers(programme: ApplicationProgramme, authorityName: string, eoi: EoiAnswers): ApplicationAnswers {
  const about = eoi["about-the-bid"] ?? {};
  const support = eoi["supporting-documents"] ?? {};
  const place = authorityName.replace(/^(London Borough of|City of) /, "").replace(/ (City|County|Borough|District|Metropolitan Borough)? ?Council$/, "");
  const date = (days: number) => isoToTypedDate(addDays(programme.startBy, days));
  const clampToEnd = (days: number) => isoToTypedDate(addDays(programme.endsOn, -days));
  // The EOI's cost lines, split over the quarters (the first quarter a little lighter: the pilot is starting up).
  const costs = Array.isArray(support.costs) ? (support.costs as Array<Record<string, unknown>>) : [];
  const lines = costs.map((cost) => {
    const parsed = parseMoney(text(cost.amount));
    const pence = parsed.ok ? parsed.pence : 0;
    const n = programme.quarters.length;
    const first = n > 1 ? Math.round((pence * 0.4) / 100) * 100 : pence;
    const rest = n > 1 ? Math.floor((pence - first) / (n - 1) / 100) * 100 : 0;
    const amounts = programme.quarters.map((_, i) => (i === 0 ? first : i === n - 1 ? pence - first - rest * (n - 2) : rest));
    return {
      description: text(cost.description),
      category: text(cost.category),
      fundedBy: text(cost.fundedBy),
      ...(cost.fundedBy === "other" ? { otherSource: text(cost.otherSource) } : {}),
      total: `£${formatMoneyForInput(pence)}`,
      ...Object.fromEntries(programme.quarters.map((q, i) => [quarterField(q), `£${formatMoneyForInput(amounts[i]!)}`])),
    };
  });
  const partners = Array.isArray(about.partners) ? (about.partners as Array<Record<string, unknown>>) : [];
  const contact = text(about.contactName) || "The project lead";
  const role = text(about.contactRole) || "Head of Customer Services";
  return {
    "delivery-plan": {
      startDate: date(-10),
      deliverySummary: `${authorityName} will run the pilot through a project board chaired by the chief executive, with ${contact} (${role}) as project lead and a project officer. The pilot has three stages: assess our services against the Toolkit with customers and frontline staff; put the improvements into practice with our partners; and share what we learn across the region.`,
      milestones: [
        { description: "Project officer in post and project board agreed", date: date(-25) },
        { description: "Toolkit self-assessment completed with frontline staff and a customer panel", date: date(40) },
        { description: "Service and remedy pledge published", date: date(75) },
        { description: "First regional workshop held", date: date(95) },
        { description: "Impact assessment and final report to CLG", date: clampToEnd(5) },
      ],
    },
    outputs: Object.fromEntries(
      OUTPUTS.flatMap((output, index) => [
        [outputField(output.key, "What"), `${place}: ${output.title} – led by the project officer, agreed with the project board and shared with the other pilots through the peer support network.`],
        [outputField(output.key, "When"), clampToEnd(10 + 12 * (5 - index))],
        [outputField(output.key, "Cost"), `£${formatMoneyForInput([8_000_00, 12_000_00, 3_000_00, 10_000_00, 0, 4_000_00][index]!)}`],
      ]),
    ),
    budget: { lines, valueForMoney: text(support.valueForMoney) || "Staff time is matched by the council and partners; events use council venues at no cost." },
    risks: {
      risks: [
        { risk: "The project officer post is not filled by the start date", likelihood: "low", impact: "high", mitigation: "Second an experienced officer from the contact centre until the post is filled.", owner: role },
        { risk: "Frontline staff cannot be released for the self-assessment", likelihood: "medium", impact: "medium", mitigation: "Run short sessions at the start of shifts and back-fill with agency staff.", owner: "Head of Human Resources" },
        { risk: "Partners' budgets are cut during the year", likelihood: "medium", impact: "medium", mitigation: "Partners' contributions are agreed in writing; the board reviews them each quarter.", owner: "Chief Executive" },
      ],
    },
    partners: partners.length
      ? { hasPartners: "yes", partners: partners.map((p) => ({ name: text(p.name), role: `Works with ${place} on the pilot's improvements and its regional events, and shares data for the evaluation.`, confirmed: "yes", confirmedBy: `Chief Executive of ${text(p.name)}` })) }
      : { hasPartners: "no" },
    "improvement-plan": {
      approach: `What the Toolkit shows will be turned into key actions agreed with ${place}'s customer panel and frontline staff, each with an owner, a date and a measure, and reviewed by the project board every month.`,
      theme: "Organisational effectiveness – focus on residents and customers",
      developmentPriority: "Get it right first time, and put it right quickly when it goes wrong",
      actions: [
        { action: "Publish a service and remedy pledge for the services in the pilot", byWhen: date(75), outcomes: "Pledge published and promoted; complaints about delays down by a fifth by March", responsible: role },
        { action: "Train frontline staff to resolve enquiries at the first point of contact", byWhen: date(120), outcomes: "Three in four enquiries resolved at first contact (baseline: one in two)", responsible: "Customer Services Manager" },
        { action: "Share one customer contact between the council and its partners", byWhen: clampToEnd(20), outcomes: "Fewer repeat visits; partners report fewer duplicated referrals", responsible: "Head of Partnerships" },
      ],
    },
    evaluation: {
      approach: "An independent evaluation by the regional improvement and efficiency partnership, with a customer survey before and after the pilot; data and findings go to CLG's longer-term evaluation (output F).",
      measures: "Repeat contacts, first-contact resolution, complaints and customer satisfaction, each with a baseline taken in the month before the pilot begins.",
    },
  };
}

/** Saves a section page by page, as officers would, then marks it complete. */
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

/**
 * Puts the demo world at stage 3 (stage 2 first, and the base world). The shortlist is confirmed
 * only if stage 2 has not been taken further by hand; then the nine applications follow the plan.
 */
export async function seedStage3(db: Knex, now: Date): Promise<Stage3Result> {
  await seedStage2(db, new Date(now.getTime() - 2 * 24 * 60 * MINUTE));
  const round = (await currentRound(db))!;
  const result: Stage3Result = { created: false, invited: 0, byState: {}, officers: [] };
  if (await db("applications").where({ round_id: round.id }).first("id")) return { ...result, invited: (await listInvitations(db, round.id)).length };
  const manager = await findUserById(db, Number((await db("users").where({ role: "programme_manager" }).orderBy("id").first("id")).id));
  if (!manager) return result;
  let clock = now.getTime() - 36 * 60 * MINUTE;
  const tick = (minutes = 7) => new Date((clock += minutes * MINUTE));
  const baseUrl = "http://localhost:3000";

  // R-43 R-44 The selection and the shortlist, through stage 2's services.
  if (!(await findShortlist(db, round.id))) {
    const selectionId = await saveSelection(db, { actor: manager, roundId: round.id, locks: {}, now: tick() });
    await confirmShortlist(db, { actor: manager, selectionId, baseUrl, now: tick() });
  }
  const invitations = await listInvitations(db, round.id);
  const authorities = await db("authorities").whereIn("id", invitations.map((i) => i.authorityId)).select("id", "name", "region");
  const REGION_ORDER = ["North East", "North West", "Yorkshire and the Humber", "East Midlands", "West Midlands", "East of England", "London", "South East", "South West"];
  const picks = invitations
    .map((invitation) => ({ invitation, authority: authorities.find((a) => Number(a.id) === invitation.authorityId)! }))
    .sort((a, b) => REGION_ORDER.indexOf(a.authority.region) - REGION_ORDER.indexOf(b.authority.region) || a.invitation.eoiId - b.invitation.eoiId);
  const programme = applicationProgramme(round);
  const sections = applicationSections(programme);

  for (const [index, pick] of picks.entries()) {
    const state = STAGE3_PLAN[index] ?? "not started";
    const officerRow = await db("users").where({ authority_id: pick.authority.id, role: "applicant" }).orderBy("id").first("id", "email");
    if (!officerRow) continue;
    const officer = (await findUserById(db, Number(officerRow.id)))!;
    result.officers.push({ authority: String(pick.authority.name), region: String(pick.authority.region), email: officer.email, state });
    (result.byState[state] ??= []).push(String(pick.authority.name));
    if (!(await invitedEoiForAuthority(db, round.id, Number(pick.authority.id)))) continue;
    if (state === "not started") continue;

    const application = await startApplication(db, { user: officer, now: tick() });
    const eoi = await findEoi(db, pick.invitation.eoiId);
    const answers = stage3Answers(programme, String(pick.authority.name), eoi?.answers ?? {});
    const upTo = state === "in progress" ? 3 + (index % 2) : sections.length;
    for (const section of sections.slice(0, upTo)) await typeSection(db, officer, section.id, answers, tick(12));
    if (state === "in progress") {
      // One more section started but not finished: the milestones are still to come.
      const next = sections[upTo]!;
      const current = (await applicantApplicationContext(db, officer)).application!;
      await saveApplicationPage(db, { user: officer, sectionId: next.id, pageIndex: 0, answers: Object.fromEntries(next.pages[0]!.fields.map((f) => [f, answers[next.id]?.[f]])), baseVersion: current.sectionVersions[next.id] ?? 0, now: tick() });
      continue;
    }
    const submitted = await submitApplication(db, { user: officer, now: tick(), baseUrl });
    if (!submitted.ok) throw new Error(`Demo application for ${pick.authority.name} could not be submitted: ${submitted.errors.map((e) => e.text).join("; ")}`);
    if (state === "submitted") continue;
    if (state === "changes-requested") {
      await decideWithoutAward(db, {
        actor: manager,
        applicationId: application.id,
        decision: "request-changes",
        comments: "Please split the project officer's costs between the quarters as the post will be filled, and add a milestone for the second regional workshop.",
        baseUrl,
        now: tick(),
      });
      continue;
    }
    await approveApplication(db, { actor: manager, applicationId: application.id, comments: "A clear plan with confirmed partners.", baseUrl, now: tick() });
    if (state === "accepted") {
      const acceptedAt = tick(60);
      const [day, month, year] = [londonDate(acceptedAt).slice(8), londonDate(acceptedAt).slice(5, 7), londonDate(acceptedAt).slice(0, 4)];
      const accepted = await acceptOffer(db, {
        user: officer,
        form: { officerName: text(eoi?.answers["supporting-documents"]?.chiefExecutiveName) || officer.name, officerRole: "Chief Executive", day: String(Number(day)), month: String(Number(month)), year, declaration: true },
        baseUrl,
        now: acceptedAt,
      });
      if (!accepted.ok) throw new Error(`Demo acceptance for ${pick.authority.name} failed: ${accepted.errors.map((e) => e[1]).join("; ")}`);
    }
  }
  return { ...result, created: true, invited: picks.length };
}
