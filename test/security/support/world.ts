import { CLOCK_NOW, DATABASE_FILE, WORK_DIR } from "./env";
import { createHash, randomBytes } from "node:crypto";
import { copyFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { enqueueEmail } from "../../../emails/outbox.server";
import { hashPassword } from "~/auth/password.server";
import { serviceCookies } from "~/auth/cookies.server";
import type { Role } from "~/auth/roles";
import { getDb } from "~/data/db.server";
import { findRound, insertRound } from "~/data/rounds.server";
import { applicationProgramme } from "~/domain/application/programme";
import { outputField } from "~/domain/application/sections";
import { insertSession } from "~/data/sessions.server";
import { findUserById, insertUser, type User } from "~/data/users.server";
import { endOfDayLondon } from "~/domain/calendar";
import { applicantContext, saveSectionPage, startEoi, submitEoi } from "~/services/eoi.server";
import { holdForm } from "~/services/held-forms.server";
import { completeApplicationAnswers, makeApplication } from "../../factories/applications";
import { allMarkedComplete, completeAnswers, words } from "../../factories/eoi-answers";
import { makeAcceptedAward } from "../../factories/pilots";
import { makeAuthority } from "../../factories/users";

export const now = () => new Date(CLOCK_NOW);

/** Text only the owning authority's officers, assigned assessors and the programme manager may see. */
export const MARKER = "OwnersOnlyMarker7QX";
export const PASSWORD = "correct horse battery staple";

/** The six people of the authorisation matrix, in the order of its columns. */
export const PERSONAS = ["signedOut", "owner", "otherAuthority", "assessorAssigned", "assessorUnassigned", "manager"] as const;
export type Persona = (typeof PERSONAS)[number];
export const PERSONA_LABEL: Record<Persona, string> = {
  signedOut: "signed out",
  owner: "applicant of the owning authority",
  otherAuthority: "applicant of another authority",
  assessorAssigned: "assessor assigned",
  assessorUnassigned: "assessor not assigned",
  manager: "programme manager",
};

/** Stage 4's rows run with the clock here: the pilots are mid-programme (Q3 2009/10). */
export const PILOT_CLOCK_NOW = "2009-11-16T10:00:00.000Z";

export interface World {
  roundId: number;
  /** The owning authority's accepted grant award (its pilot), once makeOwnersPilot has run. */
  awardId: number;
  /** Param values for stage 4's routes, from the setupPilot of each file in ../expected/. */
  pilotParams: Record<string, string>;
  ownerAuthority: { id: number; name: string };
  otherAuthority: { id: number; name: string };
  users: Record<Exclude<Persona, "signedOut">, User> & { ownerColleague: User };
  eoiId: number;
  /** A stale save of the owner's officer, kept for them to choose. */
  conflictSaveId: number;
  /** A form the owner's officer POSTed after their session expired. */
  heldFormToken: string;
  /** A saved run of the selection, for the routes that show or confirm one. */
  selectionId: number;
  heldFormPath: string;
  /** A set-password link for a new officer of the owning authority. */
  passwordToken: string;
  /** An email to the owner's officer, with its .eml file. */
  emailId: number;
  /** Whether "assessor assigned" really holds an assignment (the sift tables exist). */
  assignment: { made: true } | { made: false; why: string };
  /** Session cookies ("__session=…") by persona. */
  sessionCookie: Record<Exclude<Persona, "signedOut">, string>;
  /** A CSRF token of this visitor and the cookie that carries it. */
  csrf: { token: string; cookie: string };
}

export const cookiePair = (setCookie: string) => setCookie.split(";")[0]!;
const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export async function csrfPair(): Promise<{ token: string; cookie: string }> {
  const token = randomBytes(32).toString("base64url");
  return { token, cookie: cookiePair(await serviceCookies().csrf.serialize(token)) };
}

/**
 * The world every security test starts from, built once per file through the app's own
 * services: a round that is open (the clock is CLOCK_NOW), the owning authority with a draft
 * EOI (an answer carrying MARKER, a kept conflict, a held form), another authority with no EOI,
 * and one user of each persona. Passwords are hashed once and shared, and only when asked for
 * (the matrix signs in by inserting sessions).
 */
export async function buildWorld(options: { passwords?: boolean } = {}): Promise<World> {
  const db = getDb();
  await db.migrate.latest();
  const at = now();
  const roundId = await insertRound(
    db,
    {
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
    },
    at,
  );
  const ownerAuthority = await makeAuthority(db, { name: "Owning Metropolitan Borough Council", region: "North East", type: "metropolitan district" });
  const otherAuthority = await makeAuthority(db, { name: "Other City Council", region: "Yorkshire and the Humber", type: "unitary" });
  const passwordHash = options.passwords ? await hashPassword(PASSWORD) : null;
  const person = async (email: string, name: string, role: Role, authorityId: number | null) =>
    (await findUserById(db, await insertUser(db, { email, name, role, authorityId, passwordHash, at })))!;
  const users = {
    owner: await person("officer@owning.example.gov.uk", "Olive Owner", "applicant", ownerAuthority.id),
    ownerColleague: await person("colleague@owning.example.gov.uk", "Colin Colleague", "applicant", ownerAuthority.id),
    otherAuthority: await person("officer@other.example.gov.uk", "Oscar Other", "applicant", otherAuthority.id),
    assessorAssigned: await person("assigned@clg.example.gov.uk", "Asha Assigned", "assessor", null),
    assessorUnassigned: await person("unassigned@clg.example.gov.uk", "Uma Unassigned", "assessor", null),
    manager: await person("manager@clg.example.gov.uk", "Priya Manager", "programme_manager", null),
  };

  // The owner's draft: answers that carry the marker, and a conflict kept for the officer.
  const eoi = await startEoi(db, { user: users.owner, now: at });
  await saveSectionPage(db, { user: users.owner, sectionId: "toolkit-use", pageIndex: 0, answers: { themes: ["frontline"], toolkitUse: `${MARKER} ${words(50)}` }, baseVersion: 0, now: at });
  await saveSectionPage(db, { user: users.owner, sectionId: "about-the-bid", pageIndex: 2, answers: { contactName: `${MARKER} contact` }, baseVersion: 0, now: at });
  await saveSectionPage(db, { user: users.ownerColleague, sectionId: "leadership", pageIndex: 0, answers: { leadership: "The colleague's words" }, baseVersion: 0, now: at });
  const stale = await saveSectionPage(db, { user: users.owner, sectionId: "leadership", pageIndex: 0, answers: { leadership: `${MARKER} the owner's words` }, baseVersion: 0, now: at });
  if (stale.kind !== "conflict") throw new Error("world: expected a conflict");

  const heldFormPath = "/applicant/eoi/impact/1";
  const held = new FormData();
  held.set("sectionVersion", "0");
  held.set("impact", `${MARKER} typed before the session expired`);
  const heldFormToken = await holdForm(db, { userId: users.owner.id, path: heldFormPath, form: held, now: at });

  const invitee = await person("invitee@owning.example.gov.uk", "Ivy Invitee", "applicant", ownerAuthority.id);
  const passwordToken = randomBytes(32).toString("base64url");
  await db("password_tokens").insert({ id: hashToken(passwordToken), user_id: invitee.id, expires_at: new Date(at.getTime() + 7 * 86_400_000).toISOString(), created_at: at.toISOString() });

  const emailId = await enqueueEmail(db, { subject: `About your bid ${MARKER}`, text: `${MARKER} text`, html: `<p>${MARKER} text</p>`, to: users.owner.email, template: "security-test", now: at });
  const emlPath = join(WORK_DIR, `email-${emailId}.eml`);
  writeFileSync(emlPath, `To: ${users.owner.email}\r\nSubject: About your bid\r\n\r\n${MARKER} text\r\n`);
  await db("email_outbox").where({ id: emailId }).update({ eml_path: emlPath });

  let assignment: World["assignment"];
  if (await db.schema.hasTable("sift_assignments")) {
    await db("sift_assignments").insert({ eoi_id: eoi.id, assessor_id: users.assessorAssigned.id, method: "manual", assigned_by: users.manager.id, assigned_at: at.toISOString() });
    assignment = { made: true };
  } else {
    assignment = { made: false, why: "the sift tables (migration 20261123_10_sift) do not exist yet, so no assessor can be assigned: 'assessor assigned' is expected to equal 'assessor not assigned'" };
    console.warn(`authorisation matrix: ${assignment.why}`);
  }

  const { saveSelection } = await import("~/services/sift-selection.server");
  const selectionId = await saveSelection(db, { actor: users.manager, roundId, locks: {}, now: at });

  const sessionCookie = {} as World["sessionCookie"];
  for (const persona of PERSONAS) {
    if (persona === "signedOut") continue;
    sessionCookie[persona] = cookiePair(await serviceCookies().session.serialize(await insertSession(db, users[persona].id, at, 12)));
  }

  return {
    roundId,
    awardId: 0,
    pilotParams: {},
    ownerAuthority: { id: ownerAuthority.id, name: ownerAuthority.name },
    otherAuthority: { id: otherAuthority.id, name: otherAuthority.name },
    users,
    eoiId: eoi.id,
    conflictSaveId: stale.saveId,
    heldFormToken,
    selectionId,
    heldFormPath,
    passwordToken,
    emailId,
    assignment,
    sessionCookie,
    csrf: await csrfPair(),
  };
}

/** Completes every section of the owner's EOI and submits it through the service. Returns the reference. */
export async function submitOwnersEoi(world: World): Promise<string> {
  const db = getDb();
  const answers = completeAnswers({ "toolkit-use": { themes: ["frontline"], toolkitUse: `${MARKER} ${words(99)}` } });
  const { eoi } = await applicantContext(db, world.users.owner);
  await db("eois")
    .where({ id: eoi!.id })
    .update({ answers_json: JSON.stringify({ ...answers, "about-the-bid": { ...answers["about-the-bid"], contactName: `${MARKER} contact` } }), completed_json: JSON.stringify(allMarkedComplete()) });
  const result = await submitEoi(db, { user: world.users.owner, now: now() });
  if (!result.ok) throw new Error(`world: the owner's EOI did not submit: ${JSON.stringify(result.errors)}`);
  return result.reference;
}

/**
 * Stage 4: the owning authority's bid is invited, its detailed application approved (its output
 * plans carry MARKER) and the grant accepted by its officer, so the authority runs a pilot.
 * Inserted as stage 3 records them (test/factories/applications.ts).
 */
export async function makeOwnersPilot(world: World): Promise<void> {
  const db = getDb();
  const round = (await findRound(db, world.roundId))!;
  await db("eois").where({ id: world.eoiId }).update({ status: "invited" });
  const authority = (await db("authorities").where({ id: world.ownerAuthority.id }).first())!;
  const bid = { authority: { ...authority, id: Number(authority.id) }, eoi: { id: world.eoiId, reference: "" }, officers: [world.users.owner] };
  const programme = applicationProgramme(round);
  const plain = completeApplicationAnswers(programme);
  const answers = { ...plain, outputs: { ...plain.outputs, [outputField("A", "What")]: `${MARKER} our report on using the Toolkit.` } };
  const application = await makeApplication(db, { round, bid, status: "approved", answers, at: new Date("2009-08-20T10:00:00Z") });
  world.awardId = await makeAcceptedAward(db, { roundId: round.id, applicationId: application.id, authority: { id: bid.authority.id, region: String(authority.region) }, amountPence: 6_000_000, clgRequestPence: application.clgRequestPence, managerId: world.users.manager.id, officer: world.users.owner });
  // The same people, signed in on the pilot world's day (their sessions would have expired by then).
  await db("sessions").update({ expires_at: new Date(new Date(PILOT_CLOCK_NOW).getTime() + 12 * 3_600_000).toISOString() });
}

/** A consistent copy of the database as it is now. */
export async function snapshot(name: string): Promise<string> {
  const file = join(WORK_DIR, `${name}.snapshot.sqlite`);
  rmSync(file, { force: true });
  await getDb().raw("VACUUM INTO ?", [file]);
  return file;
}

/** Puts the database back exactly as it was at the snapshot: the next getDb() opens the copy. */
export async function restore(snapshotFile: string): Promise<void> {
  await globalThis.__serviceDb?.destroy();
  globalThis.__serviceDb = undefined;
  for (const suffix of ["", "-wal", "-shm"]) rmSync(DATABASE_FILE + suffix, { force: true });
  copyFileSync(snapshotFile, DATABASE_FILE);
}

/** Every table's rows, to prove a refused request changed nothing. */
export async function tableContents(): Promise<Record<string, string>> {
  const db = getDb();
  const tables = (await db("sqlite_master").where({ type: "table" }).whereNot("name", "like", "sqlite_%").whereNot("name", "like", "knex_%").orderBy("name").pluck("name")) as string[];
  const contents: Record<string, string> = {};
  for (const table of tables) contents[table] = JSON.stringify(await db(table).select("*").orderByRaw("rowid"));
  return contents;
}

export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((table) => before[table] !== after[table]).sort();
}
