import type { Knex } from "knex";
import type { EoiAnswers } from "~/domain/eoi/sections";
import { CRITERION_KEYS } from "~/domain/sift/criteria";
import { readScoreForm, type ScoreForm } from "~/domain/sift/forms";
import { REFERENCE_ALPHABET } from "~/domain/reference";
import type { Role } from "~/auth/roles";
import { findUserById, insertUser, type User } from "~/data/users.server";
import { makeAuthority } from "./users";

// Submitted expressions of interest for stage 2 tests, inserted directly (the EOI journey is
// someone else's). The answers follow app/domain/eoi/sections.ts and pass its schemas.

let counter = 0;

/**
 * A signed-in-able person for stage 2 tests without a password (hashing one takes a third of a
 * second; these tests never sign in with it).
 */
export async function makeStaff(db: Knex, role: Role, name?: string, authorityId: number | null = null): Promise<User> {
  counter += 1;
  const id = await insertUser(db, { email: `${role}.${counter}@example.gov.uk`, name: name ?? `Test ${role} ${counter}`, role, authorityId, passwordHash: null, at: new Date("2009-06-20T09:00:00Z") });
  return (await findUserById(db, id))!;
}

function reference(n: number): string {
  let code = "";
  let rest = n + 7_000;
  for (let i = 0; i < 6; i += 1) {
    code = REFERENCE_ALPHABET[rest % REFERENCE_ALPHABET.length] + code;
    rest = Math.floor(rest / REFERENCE_ALPHABET.length);
  }
  return `RTP-EOI-${code}`;
}

export interface AnswerOptions {
  themes?: Array<"pledge" | "frontline" | "partnerships">;
  setting?: "rural" | "urban" | "mixed";
  trackRecord?: "established" | "starting-out";
  focusArea?: "redundancy" | "cse" | "total-place" | "none";
  /** CLG request as typed, e.g. "£85,000". */
  clgRequest?: string;
  name?: string;
}

/** A complete, valid set of answers: short but realistic. */
export function eoiAnswers(options: AnswerOptions = {}): EoiAnswers {
  const themes = options.themes ?? ["pledge", "frontline"];
  const name = options.name ?? "the council";
  const focusArea = options.focusArea ?? "none";
  return {
    "about-the-bid": {
      setting: options.setting ?? "urban",
      trackRecord: options.trackRecord ?? "established",
      hasPartners: "yes",
      partners: [{ name: "Citizens Advice", sector: "third", kind: "delivery" }],
      contactName: "Sam Example",
      contactRole: "Head of Customer Services",
      contactEmail: "sam.example@example.gov.uk",
      contactPhone: "01632 960 001",
    },
    "toolkit-use": {
      themes,
      ...(themes.includes("pledge") ? { pledgeScope: "service-area" } : {}),
      ...(themes.includes("partnerships") ? { partnershipKinds: ["strategic"] } : {}),
      toolkitUse: `We will use the whole Toolkit in ${name}'s revenues and benefits service, starting with the pledge self-assessment.`,
    },
    leadership: { leadership: "The chief executive chairs a customer board that meets monthly; every director owns a service pledge." },
    "customers-and-improvement-plan": {
      workingWithCustomers: "Customer panels in each area and frontline staff workshops will shape the pledges.",
      improvementPlan: "An improvement plan agreed with the customer board by December, reviewed quarterly.",
    },
    "delivering-with-partners": { deliveringWithPartners: "Citizens Advice and Jobcentre Plus will co-deliver advice sessions at our contact centre." },
    impact: { impact: "Repeat contacts and complaint volumes, with a before-and-after customer survey." },
    "regional-champion": {
      regionalChampion: "We will host a regional practitioner network through the regional improvement partnership.",
      dissemination: "Two regional workshops and an online peer forum.",
    },
    "evaluation-and-learning": {
      trackingOutcomes: "Monthly dashboard of customer measures; an independent evaluation at the end.",
      learningOutcomes: "Learning logs after each workshop feed into proposals to improve the Toolkit.",
    },
    "focus-area": focusArea === "none" ? { focusArea: "none" } : { focusArea, focusAreaReason: "We already work closely with partners on this." },
    "supporting-documents": {
      costs: [
        { description: "Project officer", category: "staff", amount: options.clgRequest ?? "£60,000", fundedBy: "clg" },
        { description: "Regional workshops", category: "events-and-workshops", amount: "£10,000", fundedBy: "other", otherSource: "The council" },
      ],
      valueForMoney: "Staff time is matched by the council; workshops use free council venues.",
      chiefExecutiveName: "Alex Chief",
      chiefExecutiveStatement: "I am personally committed to putting customers at the heart of everything we do.",
      learningOutcomesNote: "We will share learning through the regional network.",
      readiness: "The project officer is already in post and can begin in September.",
      links: "We are part of a Total Place pilot area.",
      hasPastAwards: "no",
    },
  };
}

async function ensureRound(db: Knex): Promise<number> {
  const round = await db("rounds").orderBy([{ column: "eoi_opens_at", order: "desc" }, { column: "id", order: "desc" }]).first("id");
  if (round) return Number(round.id);
  const [row] = await db("rounds")
    .insert({
      name: "Practitioners' Toolkit pilot programme 2009/10",
      total_fund_pence: 90_000_000,
      pilot_count: 9,
      max_award_pence: 10_000_000,
      eoi_opens_at: "2009-06-15T00:00:00.000Z",
      eoi_closes_at: "2009-07-17T22:59:59.999Z",
      requests_by: "2009-08-03",
      detailed_due_at: "2009-08-21T22:59:59.999Z",
      start_by: "2009-09-30",
      ends_on: "2010-03-31",
      created_at: "2009-06-01T09:00:00.000Z",
      updated_at: "2009-06-01T09:00:00.000Z",
    })
    .returning("id");
  return Number(typeof row === "object" ? row.id : row);
}

export interface SubmittedEoi {
  id: number;
  reference: string;
  roundId: number;
  authorityId: number;
  authorityName: string;
}

/** A submitted EOI of a lead authority (a new one unless given), inserted directly. */
export async function makeSubmittedEoi(
  db: Knex,
  options: {
    authority?: { id: number; name?: string } | Partial<{ name: string; region: string; type: string; setting: string }>;
    answers?: EoiAnswers;
    submittedAt?: string;
    roundId?: number;
  } = {},
): Promise<SubmittedEoi> {
  counter += 1;
  const roundId = options.roundId ?? (await ensureRound(db));
  const authority =
    options.authority && "id" in options.authority && typeof options.authority.id === "number"
      ? await db("authorities").where({ id: options.authority.id }).first("id", "name")
      : await makeAuthority(db, options.authority as Partial<{ name: string; region: string; type: string; setting: string }>);
  const officer = (await db("users").where({ authority_id: authority.id, role: "applicant" }).first("id")) ?? (await makeStaff(db, "applicant", undefined, Number(authority.id)));
  const submittedAt = options.submittedAt ?? new Date(Date.UTC(2009, 6, 10, 9, 0, 0) + counter * 60_000).toISOString();
  let ref = reference(counter);
  while (await db("eois").where({ reference: ref }).first("id")) ref = reference((counter += 1));
  const [row] = await db("eois")
    .insert({
      round_id: roundId,
      authority_id: authority.id,
      status: "submitted",
      reference: ref,
      answers_json: JSON.stringify(options.answers ?? eoiAnswers({ name: String(authority.name) })),
      completed_json: "{}",
      section_versions_json: "{}",
      version: 1,
      created_by: officer.id,
      created_at: submittedAt,
      updated_at: submittedAt,
      submitted_by: officer.id,
      submitted_at: submittedAt,
    })
    .returning("id");
  return { id: Number(typeof row === "object" ? row.id : row), reference: ref, roundId, authorityId: Number(authority.id), authorityName: String(authority.name) };
}

/** The scoring form as an assessor posts it. */
export function scoreForm(scores: Partial<Record<string, number | "">>, options: { intent?: "draft" | "complete"; basedOnVersion?: number; justification?: string } = {}): ScoreForm {
  const form = new FormData();
  form.set("intent", options.intent ?? "complete");
  form.set("basedOnVersion", String(options.basedOnVersion ?? 0));
  for (const key of CRITERION_KEYS) {
    const score = scores[key];
    form.set(`score-${key}`, score === undefined ? "" : String(score));
    form.set(`justification-${key}`, score === undefined || score === "" ? "" : (options.justification ?? `Evidence for ${key}.`));
  }
  const parsed = readScoreForm(form);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.value;
}

export const allScores = (score: number) => Object.fromEntries(CRITERION_KEYS.map((key) => [key, score]));

