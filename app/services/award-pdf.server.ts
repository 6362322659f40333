// R-53 The grant offer letter as an A4 PDF (pdfkit, built-in Helvetica): the amount, the
// conditions of grant, the outputs A to F with the pilot's own plan for each, the reporting
// timetable and, once accepted, the named officer's acceptance. Pure apart from pdfkit.

import PDFDocument from "pdfkit";
import type { ReportDue } from "~/domain/application/award";
import { formatDateLondon } from "~/domain/calendar";
import { formatMoney } from "~/domain/money";

export interface OfferLetter {
  grantId: string;
  roundName: string;
  authorityName: string;
  region: string;
  eoiReference: string;
  versionNumber: number;
  amountPence: number;
  clgRequestPence: number;
  totalCostPence: number;
  awardedAt: Date;
  startBy: string;
  endsOn: string;
  conditions: string[];
  timetable: ReportDue[];
  outputs: Array<{ key: string; title: string; text: string; plan: string; when: string; cost: string }>;
  acceptance: { officerName: string; officerRole: string; date: string } | null;
}

type Doc = InstanceType<typeof PDFDocument>;

const MARGIN = 56; // 2cm
const BLACK = "#0b0c0c";
const GREY = "#505a5f";

function finish(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    doc.end();
  });
}

/** R-53 The offer letter, A4. */
export async function renderOfferLetterPdf(letter: OfferLetter): Promise<Buffer> {
  const doc = new PDFDocument({ size: "A4", bufferPages: true, margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN }, info: { Title: `Grant offer ${letter.grantId}`, Author: "Communities and Local Government" } });
  const width = doc.page.width - 2 * MARGIN;
  const heading = (text: string) => {
    if (doc.y > doc.page.height - MARGIN - 80) doc.addPage();
    doc.moveDown(0.8).font("Helvetica-Bold").fontSize(13).fillColor(BLACK).text(text, MARGIN, doc.y, { width });
    doc.moveDown(0.3);
  };
  const para = (text: string, options: { size?: number; colour?: string; bold?: boolean } = {}) => {
    doc.font(options.bold ? "Helvetica-Bold" : "Helvetica").fontSize(options.size ?? 10.5).fillColor(options.colour ?? BLACK).text(text, MARGIN, doc.y, { width, lineGap: 2 });
    doc.moveDown(0.4);
  };
  const keyValue = (rows: Array<[string, string]>) => {
    for (const [key, value] of rows) {
      const y = doc.y;
      doc.font("Helvetica-Bold").fontSize(10.5).fillColor(BLACK).text(key, MARGIN, y, { width: 170 });
      const afterKey = doc.y;
      doc.font("Helvetica").text(value, MARGIN + 180, y, { width: width - 180 });
      doc.y = Math.max(afterKey, doc.y) + 4;
    }
  };

  doc.font("Helvetica-Bold").fontSize(10).fillColor(GREY).text("Communities and Local Government", MARGIN, MARGIN, { width });
  doc.font("Helvetica").fontSize(10).text(letter.roundName, { width });
  doc.moveDown(1);
  doc.font("Helvetica-Bold").fontSize(20).fillColor(BLACK).text("Grant offer letter", { width });
  doc.moveDown(0.2);
  para(`${letter.authorityName} – ${letter.region} pilot`, { size: 13 });
  keyValue([
    ["Grant reference", letter.grantId],
    ["Bid reference", `${letter.eoiReference}, detailed application version ${letter.versionNumber}`],
    ["Date of offer", formatDateLondon(letter.awardedAt)],
    ["Grant offered", formatMoney(letter.amountPence)],
    ["Requested from CLG", formatMoney(letter.clgRequestPence)],
    ["Total cost of the pilot", formatMoney(letter.totalCostPence)],
    ["Pilot begins by", formatDateLondon(letter.startBy)],
    ["Programme ends", formatDateLondon(letter.endsOn)],
  ]);
  doc.moveDown(0.5);
  para(
    `Communities and Local Government (CLG) offers ${letter.authorityName}, as lead authority, a grant of ${formatMoney(letter.amountPence)} to be the Practitioners’ Toolkit pilot for ${letter.region}, on the conditions below.`,
  );

  heading("Conditions of grant");
  letter.conditions.forEach((condition, index) => para(`${index + 1}. ${condition}`));

  heading("Outputs A to F");
  para("The pilot will deliver the six outputs every pilot commits to, as planned in the approved detailed application:", { colour: GREY });
  for (const output of letter.outputs) {
    if (doc.y > doc.page.height - MARGIN - 90) doc.addPage();
    para(`${output.key}. ${output.title}`, { bold: true });
    para(output.text, { size: 9.5, colour: GREY });
    keyValue([
      ["Plan", output.plan || "–"],
      ["Delivered by", output.when || "–"],
      ["Cost", output.cost || "–"],
    ]);
    doc.moveDown(0.3);
  }

  heading("Reporting timetable");
  for (const report of letter.timetable) keyValue([[formatDateLondon(report.due), report.title]]);

  heading("Acceptance");
  if (letter.acceptance) {
    para(`Accepted for ${letter.authorityName} by ${letter.acceptance.officerName}, ${letter.acceptance.officerRole}, on ${formatDateLondon(letter.acceptance.date)}.`);
  } else {
    para("An officer authorised by the lead authority accepts this offer in the service, giving their name and job title and confirming the declaration. Acceptance starts the pilot; CLG will then offer your free customer service health check visit.");
  }

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    doc.page.margins.bottom = 0; // the footer sits in the margin: no automatic new page
    doc.font("Helvetica").fontSize(8.5).fillColor(GREY).text(`${letter.grantId} – page ${i + 1} of ${range.count}`, MARGIN, doc.page.height - MARGIN + 20, { width, align: "right", lineBreak: false });
  }
  return finish(doc);
}
