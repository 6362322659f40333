// Evidence files (R-60, issue 8 item 2): what may be uploaded, judged by the bytes, not the name.
// PDF, Word (.doc, .docx), Excel (.xls, .xlsx), OpenDocument (.odt, .ods, .odp), CSV, PNG and
// JPEG, up to 10MB. The file's extension must agree with what its content is. Pure: no I/O.
// Hand-written rather than a library (ADR 0052): eight formats, each recognised by a few bytes
// or a zip's entry names, and CSV (which no sniffing library recognises) is ours to define anyway.

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024; // "10MB", as GOV.UK writes it

export const UPLOAD_TYPES = [
  { key: "pdf", label: "PDF", extensions: ["pdf"], contentType: "application/pdf" },
  { key: "doc", label: "Word", extensions: ["doc"], contentType: "application/msword" },
  { key: "docx", label: "Word", extensions: ["docx"], contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
  { key: "xls", label: "Excel", extensions: ["xls"], contentType: "application/vnd.ms-excel" },
  { key: "xlsx", label: "Excel", extensions: ["xlsx"], contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
  { key: "odt", label: "OpenDocument text", extensions: ["odt"], contentType: "application/vnd.oasis.opendocument.text" },
  { key: "ods", label: "OpenDocument spreadsheet", extensions: ["ods"], contentType: "application/vnd.oasis.opendocument.spreadsheet" },
  { key: "odp", label: "OpenDocument presentation", extensions: ["odp"], contentType: "application/vnd.oasis.opendocument.presentation" },
  { key: "csv", label: "CSV", extensions: ["csv"], contentType: "text/csv" },
  { key: "png", label: "PNG", extensions: ["png"], contentType: "image/png" },
  { key: "jpeg", label: "JPEG", extensions: ["jpg", "jpeg"], contentType: "image/jpeg" },
] as const;

export type UploadType = (typeof UPLOAD_TYPES)[number];
export type UploadTypeKey = UploadType["key"];
export const uploadTypeByKey = (key: UploadTypeKey): UploadType => UPLOAD_TYPES.find((type) => type.key === key)!;
/** The content types we ever serve (a stored row's type is one of these). */
export const SERVED_CONTENT_TYPES: readonly string[] = UPLOAD_TYPES.map((type) => type.contentType);
/** For the file input's `accept` (a hint to the browser only; the server judges the bytes). */
export const UPLOAD_ACCEPT = UPLOAD_TYPES.flatMap((type) => type.extensions.map((extension) => `.${extension}`)).join(",");
/** "PDF, Word, Excel, OpenDocument, CSV, PNG or JPEG" — for hints and messages. */
export const UPLOAD_TYPES_TEXT = "PDF, Word, Excel, OpenDocument, CSV, PNG or JPEG";

export type UploadProblem = "missing" | "empty" | "too-large" | "wrong-type" | "name-mismatch";
export type UploadCheck = { ok: true; type: UploadType; extension: string } | { ok: false; problem: UploadProblem };

/**
 * Judges an upload: empty, too large, a type we do not accept (by content), or a name whose
 * extension does not agree with the content (a PNG called report.pdf, a program renamed .pdf).
 * `size` is the file's full size when only the first bytes were kept (see uploads.server.ts).
 */
export function checkUpload(file: { name: string; bytes: Uint8Array; size?: number }): UploadCheck {
  const size = file.size ?? file.bytes.length;
  if (size === 0) return { ok: false, problem: "empty" };
  if (size > MAX_UPLOAD_BYTES) return { ok: false, problem: "too-large" };
  const detected = sniffContent(file.bytes, file.name);
  if (!detected) return { ok: false, problem: "wrong-type" };
  const extension = extensionOf(file.name);
  const type = uploadTypeByKey(detected);
  if (!(type.extensions as readonly string[]).includes(extension)) return { ok: false, problem: "name-mismatch" };
  return { ok: true, type, extension };
}

/** The GOV.UK message for a problem with the file chosen in a field; `what` names the field ("evidence file"). */
export function uploadProblemMessage(problem: UploadProblem, what = "file"): string {
  switch (problem) {
    case "missing":
      return `Select the ${what}`;
    case "empty":
      return `The selected ${what} is empty`;
    case "too-large":
      return `The selected ${what} must be smaller than 10MB`;
    case "wrong-type":
      return `The selected ${what} must be a ${UPLOAD_TYPES_TEXT}`;
    case "name-mismatch":
      return `The selected ${what}'s name does not match what it contains: its name must end in the right extension (for example .pdf for a PDF)`;
  }
}

/** The lower-case extension of a file name, without the dot ("" when none). */
export function extensionOf(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? "";
  const dot = base.lastIndexOf(".");
  return dot <= 0 ? "" : base.slice(dot + 1).toLowerCase();
}

/** A file name safe to show and to offer in Content-Disposition: no path, no control characters, at most 200 characters. */
export function cleanFileName(name: string): string {
  const base = (name.split(/[/\\]/).pop() ?? "").replace(/[\u0000-\u001f\u007f"]/g, "").trim();
  if (!base) return "evidence";
  if (base.length <= 200) return base;
  const extension = extensionOf(base);
  return `${base.slice(0, 190)}${extension ? `.${extension}` : ""}`;
}

// ---------------------------------------------------------------------------------------
// Content sniffing

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) => bytes.length >= offset + signature.length && signature.every((byte, i) => bytes[offset + i] === byte);

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]; // Compound File Binary (.doc, .xls)
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];

/** What the bytes are, among the accepted types; null for anything else. `name` decides only CSV (text has no signature). */
export function sniffContent(bytes: Uint8Array, name: string): UploadTypeKey | null {
  if (startsWith(bytes, PDF)) return "pdf";
  if (startsWith(bytes, PNG)) return "png";
  if (startsWith(bytes, JPEG)) return "jpeg";
  if (startsWith(bytes, OLE2)) return sniffCompoundFile(bytes);
  if (startsWith(bytes, ZIP) || startsWith(bytes, ZIP_EMPTY)) return sniffZip(bytes);
  if (extensionOf(name) === "csv" && isCsvText(bytes)) return "csv";
  return null;
}

/**
 * A Compound File (OLE2) is a .doc when it holds a "WordDocument" stream, a .xls when it holds a
 * "Workbook" (Excel 97+) or "Book" (Excel 5) stream. The directory entries' names are UTF-16LE
 * at the start of each 128-byte entry; we look for them entry by entry.
 */
function sniffCompoundFile(bytes: Uint8Array): UploadTypeKey | null {
  const names = compoundFileEntryNames(bytes);
  if (names.has("WordDocument")) return "doc";
  if (names.has("Workbook") || names.has("Book")) return "xls";
  return null;
}

function compoundFileEntryNames(bytes: Uint8Array): Set<string> {
  const names = new Set<string>();
  if (bytes.length < 512) return names;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const sectorShift = view.getUint16(0x1e, true);
  if (sectorShift !== 9 && sectorShift !== 12) return names;
  const sectorSize = 1 << sectorShift;
  // Directory sectors can be anywhere; scan every sector-aligned 128-byte slot for an entry
  // whose name length and type make sense (a cheap, bounded walk: the file is at most 10MB).
  for (let offset = sectorSize; offset + 128 <= bytes.length; offset += 128) {
    const nameBytes = view.getUint16(offset + 0x40, true);
    const type = bytes[offset + 0x42];
    if (nameBytes < 4 || nameBytes > 64 || nameBytes % 2 !== 0 || (type !== 1 && type !== 2 && type !== 5)) continue;
    let name = "";
    for (let i = 0; i < nameBytes - 2; i += 2) name += String.fromCharCode(view.getUint16(offset + i, true));
    if (view.getUint16(offset + nameBytes - 2, true) !== 0) continue;
    names.add(name);
  }
  return names;
}

/**
 * A zip is OOXML when it has "[Content_Types].xml" and a "word/" (.docx) or "xl/" (.xlsx) part;
 * OpenDocument when its "mimetype" entry (first, stored uncompressed) names an ODF type.
 */
function sniffZip(bytes: Uint8Array): UploadTypeKey | null {
  const odf = openDocumentMimetype(bytes);
  if (odf === "application/vnd.oasis.opendocument.text") return "odt";
  if (odf === "application/vnd.oasis.opendocument.spreadsheet") return "ods";
  if (odf === "application/vnd.oasis.opendocument.presentation") return "odp";
  if (odf) return null;
  const names = zipEntryNames(bytes);
  if (!names.includes("[Content_Types].xml")) return null;
  const word = names.some((name) => name.startsWith("word/"));
  const excel = names.some((name) => name.startsWith("xl/"));
  if (word && !excel) return "docx";
  if (excel && !word) return "xlsx";
  return null;
}

const decoder = new TextDecoder("utf-8", { fatal: false });

/** The content of an ODF package's first entry when it is "mimetype", stored (not compressed). */
function openDocumentMimetype(bytes: Uint8Array): string | null {
  if (!startsWith(bytes, ZIP) || bytes.length < 30) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const method = view.getUint16(8, true);
  const compressedSize = view.getUint32(18, true);
  const nameLength = view.getUint16(26, true);
  const extraLength = view.getUint16(28, true);
  const name = decoder.decode(bytes.subarray(30, 30 + nameLength));
  if (name !== "mimetype" || method !== 0 || compressedSize > 200) return null;
  const start = 30 + nameLength + extraLength;
  if (start + compressedSize > bytes.length) return null;
  return decoder.decode(bytes.subarray(start, start + compressedSize)).trim();
}

/** The names in a zip's central directory (found from the end-of-central-directory record). */
export function zipEntryNames(bytes: Uint8Array): string[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end record is 22 bytes plus a comment of up to 65,535 bytes, at the very end.
  let end = -1;
  for (let offset = bytes.length - 22; offset >= Math.max(0, bytes.length - 22 - 0xffff); offset -= 1) {
    if (view.getUint32(offset, true) === 0x06054b50) {
      end = offset;
      break;
    }
  }
  if (end < 0) return [];
  const entries = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  const names: string[] = [];
  for (let i = 0; i < entries && offset + 46 <= bytes.length; i += 1) {
    if (view.getUint32(offset, true) !== 0x02014b50) break;
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    names.push(decoder.decode(bytes.subarray(offset + 46, offset + 46 + nameLength)));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

/** CSV: valid UTF-8 (a BOM allowed) with no NUL bytes and no other control characters but tab, CR and LF. */
export function isCsvText(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  return !/[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text);
}
