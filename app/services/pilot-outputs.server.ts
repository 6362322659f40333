import type { Knex } from "knex";
import { recordAudit } from "~/data/audit.server";
import { insertOutputRecord, insertOutputUpdate, listOutputRecords, listOutputUpdates, latestOutputStatuses } from "~/data/outputs.server";
import { listUploads, type Upload } from "~/data/uploads.server";
import type { User } from "~/data/users.server";
import { formatDateLondon, formatDateTimeLondon, londonDate, type IsoDate } from "~/domain/calendar";
import { describeRecord, parseStoredRecord, readRecordForm, RECORD_KINDS, recordFields, recordKindFor, type RecordContext, type RecordData, type RecordFormValues, type RecordKind } from "~/domain/monitoring/output-records";
import { checkOutputUpdate, displayedOutputStatus, dueDateFromPlan, isLateByDate, outputStatusLabel, outputStatusTagClass, type OutputStatus, type OutputUpdateValues } from "~/domain/monitoring/outputs";
import { isOutputKey, OUTPUTS, type OutputKey } from "~/domain/programme";
import { formatFileSize, prepareUpload, recordUpload, withStoredFile, type ReceivedFile } from "./uploads.server";
import { PilotNotFoundError, pilotForManager, pilotForOfficer, type Pilot } from "./pilots.server";

// R-60 Outputs A–F of a pilot: the plan and due date from the approved detailed application,
// the status (latest update; late once the due date has passed, ADR 0050), dated updates with
// evidence (a file or a link), and each output's own records (B–F). Officers reach only their own
// pilot (R-20, through pilotForOfficer); every write is one transaction with its audit row.

export interface OutputSummary {
  key: OutputKey;
  title: string;
  text: string;
  plan: string;
  /** The due date as the detailed application gave it ("31 March 2010"), or "" when none. */
  when: string;
  dueDate: IsoDate | null;
  cost: string;
  /** What the latest update said, or null when there is none. */
  latestStatus: OutputStatus | null;
  /** R-60 The status shown (ADR 0050). */
  status: OutputStatus;
  statusLabel: string;
  tagClass: string;
  /** True when the status is late only because the due date has passed. */
  lateByDate: boolean;
  lastUpdated: string | null;
  updateCount: number;
  recordCount: number;
  recordKind: RecordKind | null;
}

export interface OutputUpdateView {
  id: number;
  status: OutputStatus;
  statusLabel: string;
  tagClass: string;
  summary: string;
  evidenceLink: string | null;
  file: { id: number; name: string; size: string; contentType: string } | null;
  by: string;
  at: string;
}

export interface OutputRecordsView {
  kind: RecordKind;
  title: string;
  noun: string;
  columns: string[];
  rows: Array<{ id: number; cells: string[]; description: string; by: string; at: string }>;
}

export interface OutputDetail {
  output: OutputSummary;
  updates: OutputUpdateView[];
  records: OutputRecordsView | null;
  context: RecordContext;
}

/** R-60 The first day a record may be dated: the day the pilot started (its acceptance, R-53), ADR 0051. */
export function pilotPeriod(pilot: Pilot, now: Date): RecordContext {
  const start = pilot.award.acceptanceDate ?? (pilot.award.acceptedAt ? londonDate(new Date(pilot.award.acceptedAt)) : null) ?? pilot.programme.startBy;
  return { start, end: pilot.programme.endsOn, today: londonDate(now), quarters: pilot.programme.quarters };
}

function summarise(pilot: Pilot, key: OutputKey, latest: { status: OutputStatus; at: string } | undefined, counts: { updates: number; records: number }, today: IsoDate): OutputSummary {
  const output = OUTPUTS.find((o) => o.key === key)!;
  const planned = pilot.letter.outputs.find((o) => o.key === key);
  const dueDate = dueDateFromPlan(planned?.when);
  const input = { latest: latest?.status ?? null, dueDate, today };
  const status = displayedOutputStatus(input);
  return {
    key,
    title: output.title,
    text: output.text,
    plan: planned?.plan ?? "",
    when: dueDate ? formatDateLondon(dueDate) : (planned?.when ?? ""),
    dueDate,
    cost: planned?.cost ?? "",
    latestStatus: latest?.status ?? null,
    status,
    statusLabel: outputStatusLabel(status),
    tagClass: outputStatusTagClass(status),
    lateByDate: isLateByDate(input),
    lastUpdated: latest ? formatDateLondon(new Date(latest.at)) : null,
    updateCount: counts.updates,
    recordCount: counts.records,
    recordKind: recordKindFor(key),
  };
}

/** R-60 The six outputs of a pilot with their statuses, in order A–F. */
export async function outputsOverview(db: Knex, pilot: Pilot, now: Date): Promise<OutputSummary[]> {
  const latest = (await latestOutputStatuses(db, [pilot.award.id])).get(pilot.award.id);
  const updates = await listOutputUpdates(db, pilot.award.id);
  const records = await listOutputRecords(db, pilot.award.id);
  const today = londonDate(now);
  return OUTPUTS.map((output) =>
    summarise(pilot, output.key, latest?.get(output.key), { updates: updates.filter((u) => u.outputKey === output.key).length, records: records.filter((r) => r.outputKey === output.key).length }, today),
  );
}

/** R-60 One output: its plan, updates (newest first) with evidence, and its records. */
export async function outputDetail(db: Knex, pilot: Pilot, outputKey: string, now: Date): Promise<OutputDetail> {
  if (!isOutputKey(outputKey)) throw new PilotNotFoundError("no such output");
  const updates = await listOutputUpdates(db, pilot.award.id, outputKey);
  const recordRows = await listOutputRecords(db, pilot.award.id, outputKey);
  const uploads = await listUploads(db, pilot.award.id, updates.flatMap((u) => (u.uploadId === null ? [] : [u.uploadId])));
  const uploadById = new Map<number, Upload>(uploads.map((u) => [u.id, u]));
  const latest = updates[0] ? { status: updates[0].status, at: updates[0].createdAt } : undefined;
  const output = summarise(pilot, outputKey, latest, { updates: updates.length, records: recordRows.length }, londonDate(now));
  const kind = recordKindFor(outputKey);
  let records: OutputRecordsView | null = null;
  if (kind) {
    const parsed = recordRows.flatMap((row) => {
      const record = parseStoredRecord(row.kind, row.dataJson);
      return record ? [{ row, record }] : [];
    });
    const sample = parsed[0]?.record;
    records = {
      kind,
      title: RECORD_KINDS[kind].title,
      noun: RECORD_KINDS[kind].noun,
      columns: sample ? recordFields(sample).map((f) => f.label) : [],
      rows: parsed.map(({ row, record }) => ({ id: row.id, cells: recordFields(record).map((f) => f.value), description: describeRecord(record), by: row.createdByName, at: formatDateTimeLondon(new Date(row.createdAt)) })),
    };
  }
  return {
    output,
    updates: updates.map((u) => {
      const upload = u.uploadId === null ? undefined : uploadById.get(u.uploadId);
      return {
        id: u.id,
        status: u.status,
        statusLabel: outputStatusLabel(u.status),
        tagClass: outputStatusTagClass(u.status),
        summary: u.summary,
        evidenceLink: u.evidenceLink,
        file: upload ? { id: upload.id, name: upload.originalName, size: formatFileSize(upload.sizeBytes), contentType: upload.contentType } : null,
        by: u.createdByName,
        at: formatDateTimeLondon(new Date(u.createdAt)),
      };
    }),
    records,
    context: pilotPeriod(pilot, now),
  };
}

/** R-20 The programme manager's read-only view of one pilot's outputs. */
export async function outputsForManager(db: Knex, actor: User, awardId: number, now: Date): Promise<{ pilot: Pilot; outputs: OutputDetail[] }> {
  const pilot = await pilotForManager(db, actor, awardId);
  const outputs: OutputDetail[] = [];
  for (const output of OUTPUTS) outputs.push(await outputDetail(db, pilot, output.key, now));
  return { pilot, outputs };
}

export type OutputWriteResult<T = number> = { ok: true; id: T } | { ok: false; errors: Array<[field: string, message: string]> };

/**
 * R-60 An officer adds an update to an output of their own pilot: status, what happened, and
 * optionally evidence (a file, checked by content, and/or an https link). Nothing is stored
 * unless everything is right; the update, its file's row and the audit row share one
 * transaction, and the file is removed again if that fails. Usable by a seed: pass the
 * officer and `now`.
 */
export async function addOutputUpdate(
  db: Knex,
  input: { user: User; outputKey: string; values: OutputUpdateValues; file?: ReceivedFile | null; now: Date },
): Promise<OutputWriteResult> {
  const pilot = await pilotForOfficer(db, input.user); // R-20 before anything is read or written
  if (!isOutputKey(input.outputKey)) throw new PilotNotFoundError("no such output");
  const outputKey = input.outputKey;
  const prepared = input.file ? prepareUpload(input.file, "evidence file") : null;
  const check = checkOutputUpdate(input.values, { hasFile: Boolean(prepared?.ok) });
  const errors: Array<[string, string]> = check.ok ? [] : [...check.errors];
  if (prepared && !prepared.ok) errors.push(["evidenceFile", prepared.error]);
  if (!check.ok || errors.length) return { ok: false, errors };
  const upload = prepared?.ok ? prepared.upload : null;
  return withStoredFile(upload, (storedName) =>
    db.transaction(async (trx) => {
      const current = await pilotForOfficer(trx, input.user);
      if (current.award.id !== pilot.award.id) throw new PilotNotFoundError("the pilot changed");
      const uploadId = upload && storedName ? await recordUpload(trx, { awardId: pilot.award.id, upload, storedName, user: input.user, now: input.now }) : null;
      const id = await insertOutputUpdate(trx, { awardId: pilot.award.id, outputKey, ...check.update, uploadId, by: input.user.id, at: input.now });
      await recordAudit(trx, {
        actorUserId: input.user.id,
        action: "output.update-added",
        entityType: "output_update",
        entityId: id,
        after: { awardId: pilot.award.id, outputKey, ...check.update, file: upload ? { uploadId, name: upload.originalName, contentType: upload.contentType, sizeBytes: upload.sizeBytes, sha256: upload.sha256 } : null },
        at: input.now,
      });
      return { ok: true, id } as const;
    }),
  );
}

/**
 * R-60 An officer adds an output-specific record (B event, C network member, D cost and
 * staff-time figure, E Toolkit change proposal, F data return) to their own pilot. `values` are
 * the add form's fields (see RECORD_FORM_FIELDS; dates as "<field>-day/-month/-year"). Dates must
 * fall in the pilot's period and not in the future. One transaction with its audit row.
 */
export async function addOutputRecord(db: Knex, input: { user: User; outputKey: string; values: RecordFormValues; now: Date }): Promise<OutputWriteResult> {
  const pilot = await pilotForOfficer(db, input.user);
  const kind = isOutputKey(input.outputKey) ? recordKindFor(input.outputKey) : null;
  if (!kind) throw new PilotNotFoundError("this output keeps no records");
  const read = readRecordForm(kind, input.values, pilotPeriod(pilot, input.now));
  if (!read.ok) return read;
  return db.transaction(async (trx) => {
    const current = await pilotForOfficer(trx, input.user);
    if (current.award.id !== pilot.award.id) throw new PilotNotFoundError("the pilot changed");
    const id = await insertOutputRecord(trx, { awardId: pilot.award.id, outputKey: input.outputKey, kind, data: read.record.data, by: input.user.id, at: input.now });
    await recordAudit(trx, { actorUserId: input.user.id, action: "output.record-added", entityType: "output_record", entityId: id, after: { awardId: pilot.award.id, outputKey: input.outputKey, kind, data: read.record.data }, at: input.now });
    return { ok: true, id } as const;
  });
}

/**
 * R-60 R-64 For the dashboard and exports: every output's shown status for these pilots, by award
 * id then output key, by the same rule as the pilot's own pages.
 */
export async function outputStatusesOf(db: Knex, pilots: Pilot[], now: Date): Promise<Map<number, Record<OutputKey, OutputStatus>>> {
  const latest = await latestOutputStatuses(db, pilots.map((p) => p.award.id));
  const today = londonDate(now);
  return new Map(
    pilots.map((pilot) => [
      pilot.award.id,
      Object.fromEntries(
        OUTPUTS.map((output) => [output.key, displayedOutputStatus({ latest: latest.get(pilot.award.id)?.get(output.key)?.status ?? null, dueDate: dueDateFromPlan(pilot.letter.outputs.find((o) => o.key === output.key)?.when), today })]),
      ) as Record<OutputKey, OutputStatus>,
    ]),
  );
}

export type { RecordData };
