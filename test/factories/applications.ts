import type { Knex } from "knex";
import { findUserById, type User } from "~/data/users.server";
import { insertRound, type Round } from "~/data/rounds.server";
import { readBudget, summariseBudget } from "~/domain/application/budget";
import { isoToTypedDate } from "~/domain/application/form";
import { applicationProgramme, quarterField, type ApplicationProgramme } from "~/domain/application/programme";
import { APPLICATION_SECTION_IDS, outputField, type ApplicationAnswers, type ApplicationSectionId } from "~/domain/application/sections";
import type { ApplicationState } from "~/domain/application/status";
import { addDays, endOfDayLondon } from "~/domain/calendar";
import { formatMoneyForInput } from "~/domain/money";
import { OUTPUTS } from "~/domain/programme";
import { eoiAnswers, makeStaff, makeSubmittedEoi, type AnswerOptions } from "./eois";
import { makeAuthority, makeUser } from "./users";

// Stage 3 test data with valid defaults. Stage 2's records of the shortlist are inserted directly,
// exactly as app/services/sift-selection.server.ts's confirmShortlist writes them (a saved
// selection whose result names the picks by EOI reference and whose candidates map each reference
// to its EOI id; a sift_shortlists row naming that selection; the EOI's status "invited").

export const ROUND_2009 = {
  name: "Practitioners' Toolkit pilot programme 2009/10",
  totalFundPence: 90_000_000,
  pilotCount: 9,
  maxAwardPence: 10_000_000,
  eoiOpensAt: "2009-06-15T00:00:00.000Z",
  eoiClosesAt: endOfDayLondon("2009-07-17").toISOString(),
  requestsBy: "2009-08-03",
  detailedDueAt: endOfDayLondon("2009-08-21").toISOString(),
  startBy: "2009-09-30",
  endsOn: "2010-03-31",
} satisfies Omit<Round, "id">;

/** A round (the 2009 timetable unless overridden), as the current round. */
export async function makeRound(db: Knex, overrides: Partial<Omit<Round, "id">> = {}): Promise<Round> {
  const round = { ...ROUND_2009, ...overrides };
  const id = await insertRound(db, round, new Date("2009-06-01T09:00:00Z"));
  return { id, ...round };
}

/** The answers of a complete, valid detailed application for a round, with overrides by section. */
export function completeApplicationAnswers(programme: ApplicationProgramme, overrides: Partial<Record<ApplicationSectionId, Record<string, unknown>>> = {}, options: { clgPence?: number; otherPence?: number } = {}): ApplicationAnswers {
  const clg = options.clgPence ?? 6_000_000;
  const other = options.otherPence ?? 1_000_000;
  const split = (pence: number) => {
    const n = programme.quarters.length;
    const each = Math.floor(pence / n);
    return programme.quarters.map((_, i) => (i === n - 1 ? pence - each * (n - 1) : each));
  };
  const quarters = (pence: number) => Object.fromEntries(programme.quarters.map((q, i) => [quarterField(q), `£${formatMoneyForInput(split(pence)[i]!)}`]));
  const start = addDays(programme.startBy, -9);
  const date = (iso: string) => isoToTypedDate(iso);
  return {
    "delivery-plan": {
      startDate: date(start),
      deliverySummary: "A project board chaired by the chief executive; a project officer; three stages: assess, improve, share.",
      milestones: [
        { description: "Project officer in post", date: date(addDays(programme.startBy, -20)) },
        { description: "Toolkit self-assessment completed with frontline staff", date: date(addDays(programme.startBy, 45)) },
      ],
    },
    outputs: Object.fromEntries(
      OUTPUTS.flatMap((output, index) => [
        [outputField(output.key, "What"), `Our plan for output ${output.key}: ${output.title.toLowerCase()}.`],
        [outputField(output.key, "When"), date(addDays(programme.endsOn, -10 * (index + 1)))],
        [outputField(output.key, "Cost"), index === 4 ? "£0" : "£5,000"],
      ]),
    ),
    budget: {
      lines: [
        { description: "Project officer (0.5 FTE)", category: "staff", fundedBy: "clg", total: `£${formatMoneyForInput(clg)}`, ...quarters(clg) },
        ...(other > 0 ? [{ description: "Regional workshops", category: "events-and-workshops", fundedBy: "other", otherSource: "The council", total: `£${formatMoneyForInput(other)}`, ...quarters(other) }] : []),
      ],
      valueForMoney: "Staff time is matched by the council; workshops use council venues at no cost.",
    },
    risks: { risks: [{ risk: "The project officer post is not filled", likelihood: "low", impact: "high", mitigation: "Second an officer from the contact centre.", owner: "Head of Customer Services" }] },
    partners: { hasPartners: "yes", partners: [{ name: "Citizens Advice", role: "Co-delivers advice sessions at the contact centre.", confirmed: "yes", confirmedBy: "Jo Bloggs, Chief Executive" }] },
    "improvement-plan": {
      approach: "Issues the Toolkit highlights become key actions agreed with the customer board.",
      theme: "Focus on residents and customers",
      developmentPriority: "Get it right first time at the contact centre",
      actions: [{ action: "Publish a service and remedy pledge", byWhen: date(addDays(programme.startBy, 60)), outcomes: "Pledge published; complaints about delays down by a fifth", responsible: "Head of Customer Services" }],
    },
    evaluation: { approach: "An independent evaluation by the regional improvement partnership.", measures: "Repeat contacts and satisfaction, with a baseline in September." },
    ...overrides,
  };
}

export const allApplicationSectionsComplete = () => Object.fromEntries(APPLICATION_SECTION_IDS.map((id) => [id, true]));

export interface InvitedAuthority {
  authority: { id: number; name: string; code: string; region: string; type: string; setting: string };
  eoi: { id: number; reference: string };
  officers: User[];
}

/**
 * An authority with a submitted EOI in the round and its officers (with the given password, so
 * browser tests can sign in). Not yet invited: pass several to `confirmShortlistFor`.
 */
export async function makeShortlistedBid(
  db: Knex,
  input: { roundId: number; region?: string; name?: string; type?: string; code?: string; officers?: number; password?: string; emails?: string[]; clgRequest?: string; focusArea?: AnswerOptions["focusArea"] },
): Promise<InvitedAuthority> {
  const authority = await makeAuthority(db, { region: input.region ?? "North East", type: input.type ?? "unitary", ...(input.name ? { name: input.name } : {}), ...(input.code ? { code: input.code } : {}) });
  const officers: User[] = [];
  for (let i = 0; i < (input.officers ?? 1); i += 1) {
    const email = input.emails?.[i];
    const id = input.password
      ? (await makeUser(db, { authorityId: authority.id, password: input.password, ...(email ? { email } : {}), name: `Officer ${i + 1} of ${authority.name}` })).id
      : (await makeStaff(db, "applicant", `Officer ${i + 1} of ${authority.name}`, authority.id)).id;
    officers.push((await findUserById(db, id))!);
  }
  const eoi = await makeSubmittedEoi(db, { authority: { id: authority.id }, roundId: input.roundId, answers: eoiAnswers({ name: authority.name, clgRequest: input.clgRequest, focusArea: input.focusArea }) });
  return { authority, eoi: { id: eoi.id, reference: eoi.reference }, officers };
}

/** R-44 The shortlist as stage 2 records it when confirmed: these bids invited, in one round. */
export async function confirmShortlistFor(db: Knex, input: { roundId: number; bids: InvitedAuthority[]; managerId?: number; at?: Date }): Promise<{ selectionId: number }> {
  const at = (input.at ?? new Date("2009-07-31T10:00:00Z")).toISOString();
  const managerId = input.managerId ?? (await makeStaff(db, "programme_manager")).id;
  const selected = input.bids.map((bid) => ({ region: bid.authority.region, id: bid.eoi.reference, score: 70, requestPence: 6_000_000 }));
  const candidates = Object.fromEntries(input.bids.map((bid) => [bid.eoi.reference, { eoiId: bid.eoi.id, authorityName: bid.authority.name, region: bid.authority.region, finalHundredths: 7000 }]));
  const [row] = await db("sift_selections")
    .insert({
      round_id: input.roundId,
      input_json: JSON.stringify({ budgetPence: 90_000_000, candidates: [] }),
      result_json: JSON.stringify({ selected, totalScore: 70 * selected.length, totalRequestPence: 6_000_000 * selected.length, met: [], unmet: [], regions: [], reserves: [] }),
      candidates_json: JSON.stringify(candidates),
      saved_by: managerId,
      saved_at: at,
    })
    .returning("id");
  const selectionId = Number(typeof row === "object" ? row.id : row);
  await db("sift_shortlists").insert({ round_id: input.roundId, selection_id: selectionId, confirmed_by: managerId, confirmed_at: at });
  await db("eois").whereIn("id", input.bids.map((b) => b.eoi.id)).update({ status: "invited" });
  return { selectionId };
}

/**
 * A detailed application inserted directly, in any state: a submitted one (or one further on)
 * has its versions; answers default to a complete valid set.
 */
export async function makeApplication(
  db: Knex,
  input: { round: Round; bid: InvitedAuthority; status?: ApplicationState; answers?: ApplicationAnswers; versions?: number; at?: Date },
): Promise<{ id: number; clgRequestPence: number }> {
  const programme = applicationProgramme(input.round);
  const answers = input.answers ?? completeApplicationAnswers(programme);
  const status = input.status ?? "draft";
  const versions = input.versions ?? (status === "draft" ? 0 : 1);
  const at = (input.at ?? new Date("2009-08-20T10:00:00Z")).toISOString();
  const officer = input.bid.officers[0]!;
  const [row] = await db("applications")
    .insert({
      round_id: input.round.id,
      authority_id: input.bid.authority.id,
      eoi_id: input.bid.eoi.id,
      status,
      answers_json: JSON.stringify(answers),
      completed_json: JSON.stringify(allApplicationSectionsComplete()),
      section_versions_json: JSON.stringify(Object.fromEntries(APPLICATION_SECTION_IDS.map((id) => [id, 1]))),
      version: 1,
      submission_count: versions,
      created_by: officer.id,
      created_at: at,
      updated_at: at,
      submitted_by: versions ? officer.id : null,
      submitted_at: versions ? at : null,
    })
    .returning("id");
  const id = Number(typeof row === "object" ? row.id : row);
  const budget = summariseBudget(readBudget(answers.budget?.lines, programme).lines, programme);
  for (let number = 1; number <= versions; number += 1) {
    await db("application_versions").insert({ application_id: id, number, answers_json: JSON.stringify(answers), clg_request_pence: budget.clgPence, total_cost_pence: budget.totalPence, submitted_by: officer.id, submitted_at: at });
  }
  return { id, clgRequestPence: budget.clgPence };
}
