import type { Knex } from "knex";
import { recordAudit } from "~/data/audit.server";
import { insertCseEvidence, listCseEvidence, markCseEvidenceRemoved, type CseEvidence } from "~/data/cse-evidence.server";
import type { User } from "~/data/users.server";
import { cseCoverage, cseElement, type CseCoverage, type CseElement } from "~/domain/monitoring/cse-elements";
import { pilotForManager, pilotForOfficer, PilotNotFoundError, type Pilot } from "~/services/pilots.server";
import { prepareUpload, recordUpload, withStoredFile, type ReceivedFile } from "~/services/uploads.server";

// R-63 The CSE-focus pilot maps its evidence to the 57 elements of the Customer Service
// Excellence standard. Only a pilot whose bid chose the CSE focus area has these pages: for
// any other pilot they are not found (404), for the officer and the manager alike. Officers add
// and remove (softly) their own pilot's evidence; the manager reads the coverage. One transaction
// with its audit row per write. Evidence is a description with a link and/or a file (the
// shared evidence uploads: checked by content, stored outside public/, ADR 0063).

export type CseFieldErrors = Array<[field: string, message: string]>;
export type CseWriteResult = { ok: true } | { ok: false; errors: CseFieldErrors };

export const MAX_EVIDENCE_LENGTH = 2_000;
export const MAX_LINK_LENGTH = 2_000;

function requireCsePilot(pilot: Pilot): Pilot {
  if (pilot.focusArea !== "cse") throw new PilotNotFoundError("not a CSE-focus pilot");
  return pilot;
}

export async function csePilotForOfficer(db: Knex | Knex.Transaction, user: User): Promise<Pilot> {
  return requireCsePilot(await pilotForOfficer(db, user));
}

export async function csePilotForManager(db: Knex | Knex.Transaction, actor: User, awardId: number): Promise<Pilot> {
  return requireCsePilot(await pilotForManager(db, actor, awardId));
}

/** R-63 The pilot's coverage of the standard and all its evidence, for the officer. */
export async function cseCoverageForOfficer(db: Knex, input: { user: User }): Promise<{ pilot: Pilot; coverage: CseCoverage; evidence: CseEvidence[] }> {
  const pilot = await csePilotForOfficer(db, input.user);
  const evidence = await listCseEvidence(db, { awardId: pilot.award.id });
  return { pilot, coverage: cseCoverage(evidence), evidence };
}

/** R-20 R-63 The same, read-only, for the programme manager. */
export async function cseCoverageForManager(db: Knex, input: { actor: User; awardId: number }): Promise<{ pilot: Pilot; coverage: CseCoverage; evidence: CseEvidence[] }> {
  const pilot = await csePilotForManager(db, input.actor, input.awardId);
  const evidence = await listCseEvidence(db, { awardId: pilot.award.id });
  return { pilot, coverage: cseCoverage(evidence), evidence };
}

function elementOr404(elementId: string): CseElement {
  const element = cseElement(elementId);
  if (!element) throw new PilotNotFoundError("no such CSE element");
  return element;
}

/** R-63 One element and the pilot's evidence for it. */
export async function cseElementForOfficer(db: Knex, input: { user: User; elementId: string }): Promise<{ pilot: Pilot; element: CseElement; evidence: CseEvidence[] }> {
  const pilot = await csePilotForOfficer(db, input.user);
  const element = elementOr404(input.elementId);
  return { pilot, element, evidence: await listCseEvidence(db, { awardId: pilot.award.id, elementId: element.id }) };
}

/** A link must be a web address (http or https) — an officer's intranet address is fine. */
export function checkEvidence(form: { evidence: string; link: string }): { ok: true; evidence: string; link: string | null } | { ok: false; errors: CseFieldErrors } {
  const errors: CseFieldErrors = [];
  const evidence = form.evidence.trim();
  const link = form.link.trim();
  if (!evidence) errors.push(["evidence", "Describe the evidence"]);
  else if (evidence.length > MAX_EVIDENCE_LENGTH) errors.push(["evidence", `The description must be ${MAX_EVIDENCE_LENGTH.toLocaleString("en-GB")} characters or fewer`]);
  if (link) {
    let url: URL | null = null;
    try {
      url = new URL(link);
    } catch {
      url = null;
    }
    if (!url || (url.protocol !== "http:" && url.protocol !== "https:")) errors.push(["link", "Enter the link as a web address starting with http:// or https://, like https://www.example.gov.uk/customer-charter"]);
    else if (link.length > MAX_LINK_LENGTH) errors.push(["link", `The link must be ${MAX_LINK_LENGTH.toLocaleString("en-GB")} characters or fewer`]);
  }
  return errors.length ? { ok: false, errors } : { ok: true, evidence, link: link || null };
}

/** R-63 Adds a piece of evidence to an element of the standard: a description, a link and/or a file. */
export async function addCseEvidence(db: Knex, input: { user: User; elementId: string; form: { evidence: string; link: string }; file?: ReceivedFile | null; now: Date }): Promise<CseWriteResult> {
  // Who and what first, so nobody else's file is ever written to disk.
  await csePilotForOfficer(db, input.user);
  elementOr404(input.elementId);
  const check = checkEvidence(input.form);
  const prepared = input.file ? prepareUpload(input.file, "evidence file") : null;
  const errors: CseFieldErrors = [...(check.ok ? [] : check.errors), ...(prepared && !prepared.ok ? [["file", prepared.error] as [string, string]] : [])];
  if (!check.ok || (prepared && !prepared.ok)) return { ok: false, errors };
  const upload = prepared?.ok ? prepared.upload : null;
  return withStoredFile(upload, (storedName) =>
    db.transaction(async (trx) => {
      const pilot = await csePilotForOfficer(trx, input.user);
      const element = elementOr404(input.elementId);
      const uploadId = upload && storedName ? await recordUpload(trx, { awardId: pilot.award.id, upload, storedName, user: input.user, now: input.now }) : null;
      const id = await insertCseEvidence(trx, { awardId: pilot.award.id, elementId: element.id, evidence: check.evidence, link: check.link, uploadId, by: input.user.id, at: input.now });
      await recordAudit(trx, { actorUserId: input.user.id, action: "cse_evidence.added", entityType: "cse_evidence", entityId: id, after: { awardId: pilot.award.id, elementId: element.id, evidence: check.evidence, link: check.link, uploadId, fileName: upload?.originalName ?? null }, at: input.now });
      return { ok: true } as const;
    }),
  );
}

/** R-63 Removes (softly) a piece of the pilot's own evidence for the element. */
export async function removeCseEvidence(db: Knex, input: { user: User; elementId: string; evidenceId: number; now: Date }): Promise<CseWriteResult> {
  return db.transaction(async (trx) => {
    const pilot = await csePilotForOfficer(trx, input.user);
    const element = elementOr404(input.elementId);
    const removed = await markCseEvidenceRemoved(trx, { awardId: pilot.award.id, elementId: element.id, id: input.evidenceId, at: input.now });
    if (!removed) return { ok: false, errors: [["evidence-list", "That evidence has already been removed"]] } as const;
    await recordAudit(trx, { actorUserId: input.user.id, action: "cse_evidence.removed", entityType: "cse_evidence", entityId: input.evidenceId, before: { removedAt: null }, after: { removedAt: input.now.toISOString() }, at: input.now });
    return { ok: true } as const;
  });
}
