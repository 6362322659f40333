import { crc32, deflateRawSync } from "node:zlib";

// Small but well-formed files of every accepted upload type (and some that are not), built
// byte by byte as the formats define them, for the upload checks' tests.

/** A zip archive; entries are deflated unless `stored` (ODF's "mimetype" must be stored, and first). */
export function zip(entries: Array<{ name: string; content: string | Uint8Array; stored?: boolean }>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const data = typeof entry.content === "string" ? Buffer.from(entry.content, "utf8") : Buffer.from(entry.content);
    const packed = entry.stored ? data : deflateRawSync(data);
    const name = Buffer.from(entry.name, "utf8");
    const crc = crc32(data);
    const method = entry.stored ? 0 : 8;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, packed);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`;

export const docx = () =>
  zip([
    { name: "[Content_Types].xml", content: CONTENT_TYPES },
    { name: "_rels/.rels", content: "<Relationships/>" },
    { name: "word/document.xml", content: "<w:document><w:body><w:p><w:r><w:t>Pilot report</w:t></w:r></w:p></w:body></w:document>" },
  ]);

export const xlsxByHand = () =>
  zip([
    { name: "[Content_Types].xml", content: CONTENT_TYPES },
    { name: "_rels/.rels", content: "<Relationships/>" },
    { name: "xl/workbook.xml", content: "<workbook/>" },
    { name: "xl/worksheets/sheet1.xml", content: "<worksheet/>" },
  ]);

/** A real workbook, as exceljs writes it. */
export async function xlsx(): Promise<Buffer> {
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("Costs").addRow(["Item", "Cost"]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const odf = (mimetype: string) =>
  zip([
    { name: "mimetype", content: mimetype, stored: true },
    { name: "META-INF/manifest.xml", content: "<manifest:manifest/>" },
    { name: "content.xml", content: "<office:document-content/>" },
  ]);
export const odt = () => odf("application/vnd.oasis.opendocument.text");
export const ods = () => odf("application/vnd.oasis.opendocument.spreadsheet");
export const odp = () => odf("application/vnd.oasis.opendocument.presentation");

/** A Compound File (OLE2) with a root entry and the given streams ("WordDocument" for .doc, "Workbook" for .xls). */
export function compoundFile(streams: string[]): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x3e, 0x18); // minor version
  header.writeUInt16LE(3, 0x1a); // major version 3: 512-byte sectors
  header.writeUInt16LE(0xfffe, 0x1c); // little-endian
  header.writeUInt16LE(9, 0x1e); // sector shift
  header.writeUInt16LE(6, 0x20); // mini sector shift
  header.writeUInt32LE(1, 0x2c); // one FAT sector
  header.writeUInt32LE(1, 0x30); // directory starts at sector 1
  const fat = Buffer.alloc(512, 0xff);
  fat.writeUInt32LE(0xfffffffd, 0); // sector 0 is the FAT
  fat.writeUInt32LE(0xfffffffe, 4); // sector 1 (directory) ends its chain
  const directory = Buffer.alloc(512);
  ["Root Entry", ...streams].slice(0, 4).forEach((name, index) => {
    const entry = Buffer.alloc(128);
    entry.write(`${name}\u0000`, 0, "utf16le");
    entry.writeUInt16LE((name.length + 1) * 2, 0x40);
    entry[0x42] = index === 0 ? 5 : 2;
    entry.copy(directory, index * 128);
  });
  return Buffer.concat([header, fat, directory, Buffer.alloc(512)]);
}
export const doc = () => compoundFile(["WordDocument", "1Table"]);
export const xls = () => compoundFile(["Workbook"]);

/** A 1×1 PNG. */
export const png = () => Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mP8/x8AAwMCAO+ip1sAAAAASUVORK5CYII=", "base64");
/** The start of a JPEG (SOI, a JFIF APP0 segment) and its end marker. */
export const jpeg = () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from("JFIF\u0000\u0001\u0001\u0000\u0000\u0001\u0000\u0001\u0000\u0000", "latin1"), Buffer.from([0xff, 0xd9])]);
/** A small PDF. */
export const pdf = () => Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n", "latin1");
export const csv = () => Buffer.from("\uFEFFevent,date,attendees\nLeeds workshop,2009-11-12,40\n", "utf8");
/** A Windows program (MZ header, PE signature): never accepted, whatever it is called. */
export const exe = () => {
  const bytes = Buffer.alloc(256);
  bytes.write("MZ", 0, "latin1");
  bytes.writeUInt32LE(0x80, 0x3c);
  bytes.write("PE\u0000\u0000", 0x80, "latin1");
  return bytes;
};
