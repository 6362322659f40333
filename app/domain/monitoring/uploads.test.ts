import { describe, expect, it } from "vitest";
import * as files from "../../../test/factories/uploads";
import { checkUpload, cleanFileName, extensionOf, MAX_UPLOAD_BYTES, sniffContent, uploadProblemMessage } from "./uploads";

describe("R-60 evidence uploads are judged by their content", () => {
  const accepted: Array<[string, string, () => Buffer | Promise<Buffer>]> = [
    ["report.pdf", "application/pdf", files.pdf],
    ["report.doc", "application/msword", files.doc],
    ["report.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", files.docx],
    ["costs.xls", "application/vnd.ms-excel", files.xls],
    ["costs.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", files.xlsx],
    ["costs-by-hand.XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", files.xlsxByHand],
    ["notes.odt", "application/vnd.oasis.opendocument.text", files.odt],
    ["figures.ods", "application/vnd.oasis.opendocument.spreadsheet", files.ods],
    ["slides.odp", "application/vnd.oasis.opendocument.presentation", files.odp],
    ["attendees.csv", "text/csv", files.csv],
    ["photo.png", "image/png", files.png],
    ["photo.jpg", "image/jpeg", files.jpeg],
    ["photo.jpeg", "image/jpeg", files.jpeg],
  ];
  it.each(accepted)("accepts %s as %s", async (name, contentType, make) => {
    const check = checkUpload({ name, bytes: await make() });
    expect(check.ok && check.type.contentType).toBe(contentType);
  });

  it("refuses a PNG named .pdf, a program renamed .pdf, and a PDF named .docx: the name must agree with the content", () => {
    expect(checkUpload({ name: "report.pdf", bytes: files.png() })).toEqual({ ok: false, problem: "name-mismatch" });
    expect(checkUpload({ name: "report.pdf", bytes: files.exe() })).toEqual({ ok: false, problem: "wrong-type" });
    expect(checkUpload({ name: "report.docx", bytes: files.pdf() })).toEqual({ ok: false, problem: "name-mismatch" });
    expect(checkUpload({ name: "report", bytes: files.pdf() })).toEqual({ ok: false, problem: "name-mismatch" });
    expect(checkUpload({ name: "costs.xlsx", bytes: files.docx() })).toEqual({ ok: false, problem: "name-mismatch" });
    expect(checkUpload({ name: "report.doc", bytes: files.xls() })).toEqual({ ok: false, problem: "name-mismatch" });
  });

  it("refuses an empty file, and a file of 10MB and one byte (10MB exactly is accepted)", () => {
    expect(checkUpload({ name: "report.pdf", bytes: new Uint8Array(0) })).toEqual({ ok: false, problem: "empty" });
    const big = Buffer.alloc(MAX_UPLOAD_BYTES + 1, 0x20);
    files.pdf().copy(big, 0);
    expect(checkUpload({ name: "report.pdf", bytes: big })).toEqual({ ok: false, problem: "too-large" });
    expect(checkUpload({ name: "report.pdf", bytes: big.subarray(0, MAX_UPLOAD_BYTES) }).ok).toBe(true);
    // When only the first bytes were kept, the full size still decides.
    expect(checkUpload({ name: "report.pdf", bytes: files.pdf(), size: MAX_UPLOAD_BYTES + 1 })).toEqual({ ok: false, problem: "too-large" });
  });

  it("CSV is UTF-8 text without NUL bytes, and only when named .csv", () => {
    expect(sniffContent(files.csv(), "data.csv")).toBe("csv");
    expect(sniffContent(files.csv(), "data.txt")).toBeNull();
    expect(sniffContent(Buffer.from("a,b\u0000c\n"), "data.csv")).toBeNull();
    expect(sniffContent(Buffer.from([0x61, 0x2c, 0xff, 0xfe, 0x0a]), "data.csv")).toBeNull(); // not UTF-8
    expect(sniffContent(files.exe(), "data.csv")).toBeNull();
  });

  it("zips and compound files that are not one of ours are refused", () => {
    expect(sniffContent(files.zip([{ name: "readme.txt", content: "hello" }]), "report.docx")).toBeNull();
    expect(sniffContent(files.zip([{ name: "mimetype", content: "application/epub+zip", stored: true }]), "book.odt")).toBeNull();
    expect(sniffContent(files.compoundFile(["PowerPoint Document"]), "slides.doc")).toBeNull();
    expect(sniffContent(Buffer.from("GIF89a"), "photo.png")).toBeNull();
  });

  it("names: extension, and a safe name to show and offer for download", () => {
    expect(extensionOf("C:\\Users\\me\\Report.Final.PDF")).toBe("pdf");
    expect(extensionOf(".bashrc")).toBe("");
    expect(cleanFileName("../../etc/passwd")).toBe("passwd");
    expect(cleanFileName('evil"\r\nname.pdf')).toBe("evilname.pdf");
    expect(cleanFileName(`${"a".repeat(300)}.pdf`)).toHaveLength(194);
  });

  it("messages name the field", () => {
    expect(uploadProblemMessage("too-large", "evidence file")).toBe("The selected evidence file must be smaller than 10MB");
    expect(uploadProblemMessage("empty", "evidence file")).toBe("The selected evidence file is empty");
    expect(uploadProblemMessage("wrong-type", "evidence file")).toBe("The selected evidence file must be a PDF, Word, Excel, OpenDocument, CSV, PNG or JPEG");
  });
});
