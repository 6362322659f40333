// R-63 R-11 The customer service health check visit's report as an A4 PDF (pdfkit, built-in
// Helvetica, GOV.UK-like type): the pilot, authority, grant and date of the visit; the team with
// their sectors; the findings grouped as the peer review benchmark groups its customer-focus
// probes; the summary; and the agreement with the pilot's named officer (or "Draft" before it).
// Pure apart from pdfkit, like award-pdf.server.ts.

import PDFDocument from "pdfkit";
import { formatDateLondon } from "~/domain/calendar";
import { findingRatingLabel, type FindingRating } from "~/domain/monitoring/health-check";
import { HEALTH_CHECK_PROBE_GROUPS, probesOf } from "~/domain/monitoring/health-check-probes";
import { partnerSectorLabel, type PartnerSector } from "~/domain/programme";

export interface HealthCheckReport {
  authorityName: string;
  region: string;
  grantId: string;
  roundName: string;
  visitDate: string;
  team: Array<{ name: string; organisation: string; sector: PartnerSector }>;
  /** By probe id. */
  findings: Record<string, { finding: string; rating: FindingRating | null }>;
  summary: string;
  agreement: { agreedWith: string; agreedAt: string } | null;
}

type Doc = InstanceType<typeof PDFDocument>;

const MARGIN = 56; // 2cm
const BLACK = "#0b0c0c";
const GREY = "#505a5f";
const RULE = "#b1b4b6";

function finish(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    doc.end();
  });
}

/** R-63 The visit's report, A4. */
export async function renderHealthCheckPdf(report: HealthCheckReport): Promise<Buffer> {
  const title = "Customer service health check visit";
  const doc = new PDFDocument({ size: "A4", bufferPages: true, margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN }, info: { Title: `${title}: ${report.authorityName}`, Author: "Communities and Local Government" } });
  const width = doc.page.width - 2 * MARGIN;
  const bottom = () => doc.page.height - MARGIN;
  const room = (needed: number) => {
    if (doc.y > bottom() - needed) doc.addPage();
  };
  const heading = (text: string, size = 15) => {
    room(90);
    doc.moveDown(0.8).font("Helvetica-Bold").fontSize(size).fillColor(BLACK).text(text, MARGIN, doc.y, { width });
    doc.moveDown(0.3);
  };
  const para = (text: string, options: { size?: number; colour?: string; bold?: boolean; indent?: number } = {}) => {
    const indent = options.indent ?? 0;
    doc.font(options.bold ? "Helvetica-Bold" : "Helvetica").fontSize(options.size ?? 10.5).fillColor(options.colour ?? BLACK).text(text, MARGIN + indent, doc.y, { width: width - indent, lineGap: 2 });
    doc.moveDown(0.4);
  };
  const keyValue = (rows: Array<[string, string]>) => {
    for (const [key, value] of rows) {
      room(30);
      const y = doc.y;
      doc.font("Helvetica-Bold").fontSize(10.5).fillColor(BLACK).text(key, MARGIN, y, { width: 150 });
      const afterKey = doc.y;
      doc.font("Helvetica").text(value, MARGIN + 160, y, { width: width - 160 });
      doc.y = Math.max(afterKey, doc.y) + 4;
    }
  };
  const rule = () => {
    doc.moveTo(MARGIN, doc.y).lineTo(MARGIN + width, doc.y).lineWidth(0.5).strokeColor(RULE).stroke();
    doc.moveDown(0.5);
  };

  doc.font("Helvetica-Bold").fontSize(10).fillColor(GREY).text("Communities and Local Government", MARGIN, MARGIN, { width });
  doc.font("Helvetica").fontSize(10).text(report.roundName, { width });
  doc.moveDown(1);
  doc.font("Helvetica-Bold").fontSize(20).fillColor(BLACK).text(title, { width });
  doc.moveDown(0.2);
  para(`${report.authorityName} – ${report.region} pilot`, { size: 13 });
  if (!report.agreement) para("DRAFT – this report has not yet been agreed with the pilot", { bold: true, colour: "#d4351c" });
  keyValue([
    ["Pilot", `${report.region}: ${report.authorityName}`],
    ["Grant reference", report.grantId],
    ["Date of the visit", formatDateLondon(report.visitDate)],
    ["Report", report.agreement ? `Agreed with ${report.agreement.agreedWith} on ${formatDateLondon(new Date(report.agreement.agreedAt))}` : "Draft, not yet agreed"],
  ]);

  heading("The visiting team");
  para("A free customer service health check, offered to every pilot by a team drawn from private, public and third sector organisations.", { colour: GREY, size: 10 });
  for (const member of report.team) keyValue([[member.name, `${member.organisation} (${partnerSectorLabel(member.sector)})`]]);

  heading("Findings");
  para("The team's findings on each of the peer review benchmark's customer focus probes.", { colour: GREY, size: 10 });
  for (const group of HEALTH_CHECK_PROBE_GROUPS) {
    heading(group.title, 13);
    para(`The benchmark: ${group.description}.`, { colour: GREY, size: 9.5 });
    for (const probe of probesOf(group.key)) {
      const found = report.findings[probe.id];
      room(70);
      para(probe.text, { bold: true, size: 10.5 });
      if (found?.rating) para(`Rating: ${findingRatingLabel(found.rating)}`, { size: 10, colour: GREY });
      para(found?.finding || "No finding recorded.", { colour: found?.finding ? BLACK : GREY });
      rule();
    }
  }

  heading("Summary");
  para(report.summary || "No summary written yet.", { colour: report.summary ? BLACK : GREY });

  heading("Agreement");
  if (report.agreement) {
    para(`This report was agreed with ${report.agreement.agreedWith}, for ${report.authorityName}, on ${formatDateLondon(new Date(report.agreement.agreedAt))}.`);
  } else {
    para("The CLG programme team agrees the report with the pilot's named officer after the visit. Until then it is a draft and may change.");
  }

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    doc.page.margins.bottom = 0; // the footer sits in the margin: no automatic new page
    doc.font("Helvetica").fontSize(8.5).fillColor(GREY).text(`${report.grantId} – health check visit, ${formatDateLondon(report.visitDate)} – page ${i + 1} of ${range.count}`, MARGIN, doc.page.height - MARGIN + 20, { width, align: "right", lineBreak: false });
  }
  return finish(doc);
}
