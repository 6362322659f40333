import { inflateSync } from "node:zlib";

// Reads a PDF made by pdfkit without poppler: its page tree, each page's MediaBox and the text
// shown on it (pdfkit writes text as hex strings in WinAnsi encoding).

const WINDOWS_1252_EXTRAS: Record<number, string> = Object.fromEntries(
  [..."€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ"].map((character, index) => [0x80 + index, character]),
);

const decodeWindows1252 = (bytes: Buffer) =>
  [...bytes].map((byte) => WINDOWS_1252_EXTRAS[byte] ?? String.fromCharCode(byte)).join("");

function pdfObject(pdf: string, id: string): string {
  const start = pdf.indexOf(`\n${id} 0 obj\n`);
  if (start < 0) throw new Error(`No object ${id}`);
  return pdf.slice(start, pdf.indexOf("\nendobj", start));
}

export function pdfPages(buffer: Buffer): Array<{ mediaBox: string; text: string }> {
  const pdf = buffer.toString("latin1");
  const catalog = /\/Type \/Catalog\s*\/Pages (\d+) 0 R/.exec(pdf);
  const kids = /\/Kids \[([^\]]*)\]/.exec(pdfObject(pdf, catalog![1]!))![1]!;
  return [...kids.matchAll(/(\d+) 0 R/g)].map(([, pageId]) => {
    const page = pdfObject(pdf, pageId!);
    const contentsId = /\/Contents (\d+) 0 R/.exec(page)![1]!;
    const contents = pdfObject(pdf, contentsId);
    const streamStart = contents.indexOf("stream\n") + "stream\n".length;
    const raw = Buffer.from(contents.slice(streamStart, contents.lastIndexOf("\nendstream")), "latin1");
    const stream = (contents.includes("/FlateDecode") ? inflateSync(raw) : raw).toString("latin1");
    const lines = [...stream.matchAll(/BT([\s\S]*?)ET/g)].map(([, textObject]) =>
      [...textObject!.matchAll(/<([0-9a-f]*)>/gi)]
        .map(([, hex]) => decodeWindows1252(Buffer.from(hex!, "hex")))
        .join(""),
    );
    return { mediaBox: /\/MediaBox \[([^\]]*)\]/.exec(page)![1]!, text: lines.join("\n") };
  });
}

/** The page (from 1) a text is first on; 0 when on none. */
export function pageOf(pages: ReadonlyArray<{ text: string }>, text: string): number {
  return pages.findIndex((page) => page.text.includes(text)) + 1;
}

