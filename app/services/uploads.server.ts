import { createHash, randomUUID } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { UploadHandler } from "@remix-run/node";
import type { Knex } from "knex";
import { findUpload, insertUpload, type Upload } from "~/data/uploads.server";
import type { User } from "~/data/users.server";
import { checkUpload, cleanFileName, MAX_UPLOAD_BYTES, uploadProblemMessage } from "~/domain/monitoring/uploads";
import { PilotForbiddenError, PilotNotFoundError, pilotForOfficer } from "./pilots.server";

// Evidence files (R-60, issue 8 item 2), for any stage 4 form with a file: read with the size
// capped, judged by content (domain/monitoring/uploads.ts), stored outside public/ under
// UPLOAD_DIR with a random name, served only to the pilot's own officers and the programme
// manager, always as an attachment. See ADR 0052 and 0053.

/** Where the files live: UPLOAD_DIR, by default data/uploads (never under public/). */
export function uploadDir(): string {
  return resolve(process.env.UPLOAD_DIR ?? "data/uploads");
}

/** A text field may be at most this long in a multipart form (the longest answer is 10,000 characters). */
const MAX_TEXT_PART_BYTES = 256 * 1024;

/**
 * For `readForm(request, { uploadHandler: evidenceUploadHandler })`: keeps at most 10MB and one
 * byte of each file (enough to know it is too large) and reads past the rest without keeping it,
 * so memory stays bounded whatever the request says its length is; an empty file input (no file
 * chosen) is no value at all. Put the file input last in its form: browsers send fields in page
 * order, so every answer has been read before the file.
 */
export const evidenceUploadHandler: UploadHandler = async ({ name, filename, contentType, data }) => {
  if (typeof filename !== "string") {
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of data) {
      size += chunk.byteLength;
      if (size > MAX_TEXT_PART_BYTES) throw new Response("The form is too large.", { status: 413 });
      chunks.push(chunk);
    }
    return new TextDecoder().decode(Buffer.concat(chunks));
  }
  const chunks: Uint8Array[] = [];
  let kept = 0;
  let size = 0;
  for await (const chunk of data) {
    size += chunk.byteLength;
    if (kept <= MAX_UPLOAD_BYTES) {
      const room = MAX_UPLOAD_BYTES + 1 - kept;
      const part = chunk.byteLength > room ? chunk.subarray(0, room) : chunk;
      chunks.push(part);
      kept += part.byteLength;
    }
  }
  if (!filename && size === 0) return undefined; // the input was left empty
  void name;
  return new File([Buffer.concat(chunks)], filename || "file", { type: contentType });
};

export interface ReceivedFile {
  name: string;
  bytes: Uint8Array;
}

/** The file a form carried in `field`, or null when none was chosen. */
export async function fileFromForm(form: FormData, field: string): Promise<ReceivedFile | null> {
  const value = form.get(field);
  if (!value || typeof value === "string") return null;
  if (!value.name && value.size === 0) return null;
  return { name: value.name, bytes: new Uint8Array(await value.arrayBuffer()) };
}

export interface PreparedUpload {
  originalName: string;
  contentType: string;
  bytes: Uint8Array;
  sizeBytes: number;
  sha256: string;
}

/** Checks a received file; the error is the GOV.UK message naming the field (`what`: "evidence file"). */
export function prepareUpload(file: ReceivedFile, what: string): { ok: true; upload: PreparedUpload } | { ok: false; error: string } {
  const check = checkUpload(file);
  if (!check.ok) return { ok: false, error: uploadProblemMessage(check.problem, what) };
  return {
    ok: true,
    upload: { originalName: cleanFileName(file.name), contentType: check.type.contentType, bytes: file.bytes, sizeBytes: file.bytes.length, sha256: createHash("sha256").update(file.bytes).digest("hex") },
  };
}

/**
 * Writes a checked file under UPLOAD_DIR with a random name, then runs `write` (the caller's
 * transaction, which records the upload with `recordUpload`). If `write` fails the file is
 * removed again, so a refused or failed write leaves neither a row nor a file.
 */
export async function withStoredFile<T>(upload: PreparedUpload | null, write: (storedName: string | null) => Promise<T>): Promise<T> {
  if (!upload) return write(null);
  const dir = uploadDir();
  await mkdir(dir, { recursive: true });
  const storedName = randomUUID().replaceAll("-", "");
  const path = join(dir, storedName);
  const partial = `${path}.partial`;
  await writeFile(partial, upload.bytes, { flag: "wx" });
  await rename(partial, path);
  try {
    return await write(storedName);
  } catch (error) {
    await rm(path, { force: true });
    throw error;
  }
}

/** Records a stored file's row (inside the caller's transaction); returns its id. */
export async function recordUpload(trx: Knex | Knex.Transaction, input: { awardId: number; upload: PreparedUpload; storedName: string; user: User; now: Date }): Promise<number> {
  return insertUpload(trx, {
    awardId: input.awardId,
    originalName: input.upload.originalName,
    storedName: input.storedName,
    contentType: input.upload.contentType,
    sizeBytes: input.upload.sizeBytes,
    sha256: input.upload.sha256,
    uploadedBy: input.user.id,
    uploadedAt: input.now.toISOString(),
  });
}

/** R-20 A file of the officer's own pilot; any other (another pilot's, none) is not found. */
export async function uploadForOfficer(db: Knex, user: User, uploadId: number): Promise<Upload> {
  const pilot = await pilotForOfficer(db, user);
  const upload = await findUpload(db, uploadId);
  if (!upload || upload.awardId !== pilot.award.id) throw new PilotNotFoundError("no such file");
  return upload;
}

/** R-20 Any pilot's file, for the programme manager only. */
export async function uploadForManager(db: Knex, actor: User, uploadId: number): Promise<Upload> {
  if (actor.role !== "programme_manager") throw new PilotForbiddenError("programme manager only");
  const upload = await findUpload(db, uploadId);
  if (!upload) throw new PilotNotFoundError("no such file");
  return upload;
}

/**
 * The file as a download: always an attachment (never shown inline, so an HTML or SVG payload
 * can never run in our origin), with the type detected on upload and nosniff.
 */
export async function uploadResponse(upload: Upload): Promise<Response> {
  let bytes: Buffer;
  try {
    bytes = await readFile(join(uploadDir(), upload.storedName));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") throw new Response("Not found", { status: 404 });
    throw error;
  }
  const ascii = upload.originalName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return new Response(new Uint8Array(bytes), {
    status: 200,
    headers: {
      "Content-Type": upload.contentType,
      "Content-Length": String(bytes.length),
      "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(upload.originalName)}`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
}

/** "2.4 MB", "180 KB", "12 bytes": a file's size as GOV.UK writes it. */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? "byte" : "bytes"}`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toLocaleString("en-GB", { maximumFractionDigits: 1 })} MB`;
}
