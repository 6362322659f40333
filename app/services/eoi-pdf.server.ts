// R-9 R-32 The expression of interest's hard copy: an A4 PDF. The outline (sections 2 to 9)
// is typeset on pages 1 and 2 for any answers within R-32's limits (1,000 words and 9,000
// characters); the supporting documents (section 10, not counted in the two pages) start on
// page 3. Pure apart from pdfkit: no database, no clock (the submission time is passed in).
//
// How the outline is kept to two pages: it is laid out in trial documents, most readable
// first, until one ends on page 2 (see FIT_GROUPS):
//   1. paragraphs as typed (runs of blank lines collapsed), section 1 at the top of page 1,
//      the outline's type at 10pt, else the largest of 9.5, 9, 8.5 and 8pt (the floor) that fits;
//   2. the same with section 1 moved to page 3 (20 partners with long names take the room);
//   3. the same two again with the outline's line breaks run in ("¶" marks each break) and
//      each answer run on from its question, for outlines that are mostly line breaks:
//      1,000 one-word lines are within the limits but are 1,000 lines, which no legible type
//      size fits on two pages;
//   4. the last resort: 8pt on closer lines, narrower margins on pages 1 and 2.
// That fits any outline within the limits whose letters are no wider on average than
// Helvetica's W (9,000 characters of "WWWWWWWWW " fit; the tests prove the worst cases).
// Only 9,000 characters of the few glyphs wider still ("@", "—", "…") spill, and so may an
// outline over the limits (a draft): the outline then continues on page 3, the supporting
// documents follow it, and page 1 says when the outline is over the limit.

import PDFDocument from "pdfkit";
import { formatDateTimeLondon } from "~/domain/calendar";
import { summariseCosts, type CostLine } from "~/domain/eoi/costs";
import { checkTwoPageLimit } from "~/domain/eoi/schema";
import {
  TWO_PAGE_SECTIONS,
  answerRows,
  hasAnswer,
  hasAnyAnswer,
  isQuestionShown,
  sectionById,
  visibleAnswers,
  type EoiAnswers,
  type Question,
  type SectionAnswers,
} from "~/domain/eoi/sections";
import { formatMoney, parseMoney } from "~/domain/money";
import { PROGRAMME, authorityTypeLabel, isAuthorityType, isCostCategory } from "~/domain/programme";
import { formatCount, formatWordCount } from "~/domain/words";

export interface EoiPdfInput {
  /** R-35 The reference given on submission; null for a draft. */
  reference: string | null;
  authorityName: string;
  region: string;
  /** The authority's type, as a key of AUTHORITY_TYPES ("unitary") or already in words. */
  authorityType: string;
  submittedAt: Date | null;
  answers: EoiAnswers;
}

export interface EoiPdfLayout {
  buffer: Buffer;
  /** R-32 The pages the outline (sections 2 to 9) takes, from page 1: 2 or fewer within the limits. */
  outlinePages: number;
  totalPages: number;
  /** The page the supporting documents (section 10) start on: always 3 when the outline fits. */
  supportingDocumentsPage: number;
  /** The page section 1 (about the bid) is on: 1, or 3 when it was moved to keep the outline on two pages. */
  aboutTheBidPage: number;
  /** The type size of the outline's answers, 10pt down to the 8pt floor. */
  outlineFontSize: number;
  /** Whether the outline's line breaks were run in to keep it on two pages. */
  lineBreaks: "as-typed" | "run-in";
}

/** R-32 The expression of interest as an A4 PDF. */
export async function renderEoiPdf(input: EoiPdfInput): Promise<Buffer> {
  return (await layoutEoiPdf(input)).buffer;
}

/** R-32 The PDF and where things landed in it: the outline's pages, the supporting documents' first page. */
export async function layoutEoiPdf(input: EoiPdfInput): Promise<EoiPdfLayout> {
  const content = contentOf(input);
  const { doc, ...layout } = drawDocument(content, chooseAttempt(content), { trial: false });
  const buffer = await finish(doc);
  return { buffer, ...layout };
}

// ---------------------------------------------------------------------------------------
// Page and type

const A4 = { width: 595.28, height: 841.89 } as const;
const MARGIN = { top: 50, bottom: 62, left: 50, right: 50 } as const;
// The outline's last resort: the footer stays where it is on every page.
const NARROW_MARGIN = { top: 36, bottom: 56, left: 36, right: 36 } as const;
const CONTENT_WIDTH = A4.width - MARGIN.left - MARGIN.right;
const FOOTER_Y = A4.height - 40;

// GOV.UK's colours: text, secondary text, borders.
const COLOUR = { text: "#0b0c0c", secondary: "#505a5f", border: "#b1b4b6" } as const;
const FONT = { regular: "Helvetica", bold: "Helvetica-Bold", italic: "Helvetica-Oblique" } as const;

/** Type sizes of everything other than the outline's text, which the fitting chooses. */
const SIZE = { caption: 9, title: 18, meta: 10, heading: 13, subheading: 10.5, body: 10, table: 9, footer: 8 } as const;

// The space pdfkit adds between lines, as a share of the type size, on top of Helvetica's own
// line height (1.156 × the size): 10pt type on 13pt, about GOV.UK's body text; the last
// resort sets 8pt on 9pt.
const LINE_GAP_RATIO = 0.144;
const TIGHT_LINE_GAP_RATIO = -0.031;

interface FitAttempt {
  outlineFontSize: number;
  aboutTheBid: "page-1" | "page-3";
  /** "run-in": the outline's line breaks become "¶" and each answer follows its question on the same line. */
  lineBreaks: "as-typed" | "run-in";
  lineGapRatio: number;
  margins: Margins;
}

interface Margins {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

const OUTLINE_FONT_SIZES = [10, 9.5, 9, 8.5, 8] as const;
const FLOOR_FONT_SIZE = 8;

// R-32 Ways of laying the outline out, most readable first, each group largest type first.
// The first group with a way that ends the outline on page 2 is used, at the largest size
// that does.
const FIT_GROUPS: ReadonlyArray<readonly FitAttempt[]> = [
  ...(["as-typed", "run-in"] as const).flatMap((lineBreaks) =>
    (["page-1", "page-3"] as const).map((aboutTheBid) =>
      OUTLINE_FONT_SIZES.map((outlineFontSize) => ({
        outlineFontSize,
        aboutTheBid,
        lineBreaks,
        lineGapRatio: LINE_GAP_RATIO,
        margins: MARGIN,
      })),
    ),
  ),
  // The last resort, for 9,000 characters of the widest letters ("Mmmmmmmmmmmm …"): closer
  // lines and narrower margins on pages 1 and 2.
  [
    {
      outlineFontSize: FLOOR_FONT_SIZE,
      aboutTheBid: "page-3",
      lineBreaks: "run-in",
      lineGapRatio: TIGHT_LINE_GAP_RATIO,
      margins: NARROW_MARGIN,
    },
  ],
];

/**
 * R-32 The most readable way to lay the outline out on two pages, or the last resort when
 * none fits (an outline over the limits). Within a group a smaller type never needs more
 * pages, so each group costs one trial when even its smallest size spills, and a few (a
 * binary search) when it fits.
 */
function chooseAttempt(content: Content): FitAttempt {
  for (const group of FIT_GROUPS) {
    const smallest = group.length - 1;
    if (!outlineFits(content, group[smallest]!)) continue;
    let largestFitting = smallest;
    let tooLarge = -1;
    if (smallest > 0 && outlineFits(content, group[0]!)) largestFitting = 0;
    else tooLarge = 0;
    while (largestFitting - tooLarge > 1) {
      const middle = Math.floor((largestFitting + tooLarge) / 2);
      if (outlineFits(content, group[middle]!)) largestFitting = middle;
      else tooLarge = middle;
    }
    return group[largestFitting]!;
  }
  const lastGroup = FIT_GROUPS[FIT_GROUPS.length - 1]!;
  return lastGroup[lastGroup.length - 1]!;
}

// ---------------------------------------------------------------------------------------
// What the PDF says, worked out once from the answers

interface AnswerBlock {
  label: string;
  /** Paragraphs, each a list of lines; empty when not answered. */
  paragraphs: string[][];
  /** A choice answer ("The service and remedy pledge; Importance of the frontline"): shown after the label. */
  inline?: string;
}

interface OutlineSection {
  heading: string;
  started: boolean;
  blocks: AnswerBlock[];
}

interface Partner {
  name: string;
  sector: string;
  kind: string;
}

interface CostRow {
  description: string;
  category: string;
  fundedBy: string;
  amount: string;
}

interface PastAwardRow {
  award: string;
  year: string;
  outcome: string;
}

interface Content {
  title: string;
  authorityName: string;
  /** "North West · Unitary authority" */
  authoritySummary: string;
  /** "Reference RTP-EOI-… · Submitted 5:30pm on 16 July 2009", or the draft's equivalent. */
  status: string;
  footerLabel: string;
  limitWarning: string | null;
  outlineCount: string;
  aboutTheBid: {
    facts: Array<[string, string]>;
    contact: string | null;
    /** The partners of a partnership bid; "none" when it is not one; null when not answered. */
    partners: Partner[] | "none" | null;
  };
  outline: OutlineSection[];
  supporting: {
    costs: CostRow[];
    costTotals: Array<[string, string]>;
    costNote: string | null;
    valueForMoney: AnswerBlock;
    chiefExecutive: { name: string | null; statement: AnswerBlock };
    notes: AnswerBlock[];
    pastAwards: PastAwardRow[] | null;
  };
}

const NOT_ANSWERED = "Not answered";
export const SUPPORTING_DOCUMENTS_HEADING = "Supporting documents (not counted in the two pages)";

function contentOf(input: EoiPdfInput): Content {
  const { answers } = input;
  const authorityName = clean(input.authorityName) || "Lead authority not named";
  const authorityType = isAuthorityType(input.authorityType)
    ? authorityTypeLabel(input.authorityType)
    : clean(input.authorityType);
  const reference = input.reference ? clean(input.reference) : null;
  const status = [
    reference ? `Reference ${reference}` : "Draft – not submitted",
    input.submittedAt ? `Submitted ${formatDateTimeLondon(input.submittedAt)}` : null,
  ]
    .filter(Boolean)
    .join("  ·  ");

  const check = checkTwoPageLimit(answers);
  return {
    title: `Expression of interest: ${authorityName}`,
    authorityName,
    authoritySummary: [clean(input.region), authorityType].filter(Boolean).join("  ·  "),
    status,
    footerLabel: reference ?? "Draft – not submitted",
    limitWarning: check.withinLimit ? null : `${check.error}. The outline may not fit on two pages.`,
    outlineCount: `Sections 2 to 9: ${formatWordCount(check.totalWords)} of ${formatCount(check.wordLimit)}`,
    aboutTheBid: aboutTheBidOf(answers["about-the-bid"]),
    outline: TWO_PAGE_SECTIONS.map((section) => {
      const saved = answers[section.id];
      const visible = visibleAnswers(section, saved);
      return {
        heading: `${section.number}. ${section.title}`,
        started: hasAnyAnswer(section, saved),
        blocks: section.questions
          .filter((question) => isQuestionShown(question, saved ?? {}))
          .map((question) => answerBlock(question, visible[question.name])),
      };
    }),
    supporting: supportingOf(answers["supporting-documents"]),
  };
}

function aboutTheBidOf(saved: SectionAnswers | undefined): Content["aboutTheBid"] {
  const section = sectionById("about-the-bid");
  const visible = visibleAnswers(section, saved);
  const question = (name: string) => section.questions.find((candidate) => candidate.name === name)!;
  const facts: Array<[string, string]> = [
    ["Region", choiceText(question("region"), visible.region)],
    ["Type of authority", choiceText(question("authorityType"), visible.authorityType)],
    ["Area", choiceText(question("setting"), visible.setting)],
    ["Customer service", choiceText(question("trackRecord"), visible.trackRecord)],
  ];
  const contact = ["contactName", "contactRole", "contactEmail", "contactPhone"]
    .map((name) => textOf(visible[name]))
    .filter(Boolean)
    .join(", ");
  const partnersQuestion = question("partners");
  const partners =
    visible.hasPartners === "yes" && partnersQuestion.kind === "add-another"
      ? answerRows(visible.partners).map((row) => ({
          name: textOf(row.name) || NOT_ANSWERED,
          sector: choiceText(field(partnersQuestion, "sector"), row.sector),
          kind: choiceText(field(partnersQuestion, "kind"), row.kind),
        }))
      : visible.hasPartners === "no"
        ? "none"
        : null;
  return { facts, contact: contact || null, partners };
}

function supportingOf(saved: SectionAnswers | undefined): Content["supporting"] {
  const section = sectionById("supporting-documents");
  const visible = visibleAnswers(section, saved);
  const question = (name: string) => section.questions.find((candidate) => candidate.name === name)!;

  const costsQuestion = question("costs");
  const lines: CostLine[] = [];
  let unreadable = 0;
  const costs = answerRows(visible.costs).map((row) => {
    const amount = parseMoney(textOf(row.amount));
    const otherSource = textOf(row.otherSource) || "Another source";
    if (amount.ok && (row.fundedBy === "clg" || row.fundedBy === "other")) {
      // The category plays no part in the totals shown here; a draft may not have one yet.
      lines.push({
        description: textOf(row.description),
        category: isCostCategory(row.category) ? row.category : "other",
        amountPence: amount.pence,
        fundedBy: row.fundedBy === "clg" ? "clg" : { other: otherSource },
      });
    } else {
      unreadable += 1;
    }
    return {
      description: textOf(row.description) || NOT_ANSWERED,
      category: choiceText(field(costsQuestion, "category"), row.category),
      fundedBy: row.fundedBy === "clg" ? "CLG" : row.fundedBy === "other" ? otherSource : NOT_ANSWERED,
      amount: amount.ok ? formatMoney(amount.pence) : textOf(row.amount) || NOT_ANSWERED,
    };
  });
  const summary = summariseCosts(lines);
  const costTotals: Array<[string, string]> =
    costs.length === 0
      ? []
      : [
          ["Total cost", formatMoney(summary.totalPence)],
          ["Requested from CLG", formatMoney(summary.clgRequestPence)],
          ["Other sources", formatMoney(summary.otherSourcesPence)],
          ...summary.otherSources.map(({ source, pence }): [string, string] => [`    ${clean(source)}`, formatMoney(pence)]),
        ];

  const awardsQuestion = question("pastAwards");
  const pastAwards =
    visible.hasPastAwards === "yes" && awardsQuestion.kind === "add-another"
      ? answerRows(visible.pastAwards).map((row) => ({
          award:
            row.award === "other" && textOf(row.otherAward)
              ? textOf(row.otherAward)
              : choiceText(field(awardsQuestion, "award"), row.award),
          year: textOf(row.year) || "–",
          outcome: textOf(row.outcome) || "–",
        }))
      : visible.hasPastAwards === "no"
        ? []
        : null;

  return {
    costs,
    costTotals,
    costNote:
      unreadable > 0
        ? `${unreadable === 1 ? "1 cost is" : `${unreadable} costs are`} not complete and not in the totals.`
        : null,
    valueForMoney: answerBlock(question("valueForMoney"), visible.valueForMoney),
    chiefExecutive: {
      name: textOf(visible.chiefExecutiveName) || null,
      statement: answerBlock(question("chiefExecutiveStatement"), visible.chiefExecutiveStatement),
    },
    notes: ["learningOutcomesNote", "readiness", "links"].map((name) => answerBlock(question(name), visible[name])),
    pastAwards,
  };
}

function field(question: Question, name: string): Question {
  if (question.kind !== "add-another") throw new RangeError(`${question.name} has no rows`);
  return question.fields.find((candidate) => candidate.name === name)!;
}

/** A radios or checkboxes answer in words: the options' labels (from programme.ts), never the keys. */
function choiceText(question: Question, value: unknown): string {
  if (question.kind !== "radios" && question.kind !== "checkboxes") return textOf(value) || NOT_ANSWERED;
  const options = [...question.options, ...(question.noneOption ? [question.noneOption] : [])];
  const chosen = (Array.isArray(value) ? value : [value]).filter(hasAnswer).map(String);
  if (chosen.length === 0) return NOT_ANSWERED;
  return chosen.map((key) => clean(options.find((option) => option.value === key)?.text ?? key)).join("; ");
}

function answerBlock(question: Question, value: unknown): AnswerBlock {
  const label = clean(question.label);
  if (question.kind === "radios" || question.kind === "checkboxes") {
    return { label, paragraphs: [], inline: choiceText(question, value) };
  }
  return { label, paragraphs: paragraphsOf(typeof value === "string" ? value : textOf(value)) };
}

// ---------------------------------------------------------------------------------------
// Text as typed, made safe for the PDF's built-in fonts

function textOf(value: unknown): string {
  if (typeof value === "string") return clean(value);
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return "";
}

/** One line of text: whitespace runs become one space. */
function clean(text: string): string {
  return toWinAnsi(text).replace(/\s+/g, " ").trim();
}

/**
 * R-32 Paragraphs as typed: runs of blank lines are one paragraph break, a single line break
 * stays a line break, spaces and tabs run together. Each paragraph is a list of lines.
 */
function paragraphsOf(text: string): string[][] {
  return toWinAnsi(text.replace(/\r\n?/g, "\n"))
    .split(/\n[^\S\n]*\n\s*/)
    .map((paragraph) =>
      paragraph
        .split("\n")
        .map((line) => line.replace(/\s+/g, " ").trim())
        .filter((line) => line !== ""),
    )
    .filter((lines) => lines.length > 0);
}

// The built-in PDF fonts (Helvetica) encode text as Windows-1252: Latin-1 plus these.
const WIN_ANSI_EXTRAS = new Set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ");

/**
 * Characters the built-in fonts cannot show become their nearest letter ("ŵ" → "w") or "?",
 * rather than garbage: pdfkit would otherwise write any character beyond them as bytes of
 * other characters.
 */
function toWinAnsi(text: string): string {
  let result = "";
  for (const character of text) {
    const code = character.codePointAt(0)!;
    if (character === "\n" || character === "\t") result += character;
    else if (character === "\u2028" || character === "\u2029") result += "\n";
    // Invisible in the form; pdfkit would print it as a hyphen mid-line.
    else if (character === "\u00ad") continue;
    else if (code < 0x20 || (code >= 0x7f && code < 0xa0)) result += " ";
    else if (code <= 0xff || WIN_ANSI_EXTRAS.has(character)) result += character;
    else {
      const base = character.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
      const baseCode = base.codePointAt(0) ?? 0;
      result += base.length === 1 && baseCode >= 0x20 && baseCode <= 0xff ? base : "?";
    }
  }
  return result;
}

// ---------------------------------------------------------------------------------------
// Drawing

type Doc = PDFKit.PDFDocument;

interface DrawResult {
  doc: Doc;
  outlinePages: number;
  totalPages: number;
  supportingDocumentsPage: number;
  aboutTheBidPage: number;
  outlineFontSize: number;
  lineBreaks: FitAttempt["lineBreaks"];
}

function newDocument(content: Content, attempt: FitAttempt, trial: boolean): Doc {
  return new PDFDocument({
    size: "A4",
    layout: "portrait",
    margins: attempt.margins,
    bufferPages: true,
    // A trial only measures; the real one is compressed like any other PDF.
    compress: !trial,
    info: {
      Title: content.title,
      Author: content.authorityName,
      Subject: `${PROGRAMME.name}: expression of interest`,
      Creator: PROGRAMME.name,
    },
  });
}

/** Whether the outline ends on page 2, laid out this way. A trial stops as soon as it starts page 3. */
function outlineFits(content: Content, attempt: FitAttempt): boolean {
  try {
    drawDocument(content, attempt, { trial: true });
    return true;
  } catch (error) {
    if (error instanceof OutlineOverflow) return false;
    throw error;
  }
}

class OutlineOverflow extends Error {}

/** The page's text area: the outline's last resort has narrower margins than the rest. */
const left = (doc: Doc) => doc.page.margins.left;
const width = (doc: Doc) => doc.page.width - doc.page.margins.left - doc.page.margins.right;

const pageNumber = (doc: Doc) => doc.bufferedPageRange().start + doc.bufferedPageRange().count;
const bottom = (doc: Doc) => doc.page.height - doc.page.margins.bottom;
const lineGap = (size: number) => size * LINE_GAP_RATIO;

/**
 * Lays the whole document out. A trial stops after the outline (only its pages matter for
 * choosing how to fit it).
 */
function drawDocument(content: Content, attempt: FitAttempt, { trial }: { trial: boolean }): DrawResult {
  const doc = newDocument(content, attempt, trial);
  if (trial) {
    doc.on("pageAdded", () => {
      if (pageNumber(doc) > 2) throw new OutlineOverflow();
    });
  }
  doc.fillColor(COLOUR.text);

  drawTitle(doc, content);
  if (attempt.aboutTheBid === "page-1") drawAboutTheBid(doc, content, { compact: true });
  drawOutline(doc, content, attempt);
  const outlinePages = pageNumber(doc);
  const result = {
    doc,
    outlinePages,
    outlineFontSize: attempt.outlineFontSize,
    lineBreaks: attempt.lineBreaks,
    aboutTheBidPage: 1,
    supportingDocumentsPage: 0,
    totalPages: outlinePages,
  };
  if (trial) return result;

  // The supporting documents start on page 3 so that pages 1 and 2 are always the outline,
  // whatever its length: the hard copy's two counted pages are one sheet.
  if (outlinePages === 1) {
    newPage(doc, MARGIN);
    doc
      .font(FONT.italic)
      .fontSize(SIZE.body)
      .fillColor(COLOUR.secondary)
      .text("The outline ends on page 1. The supporting documents start on page 3.", { width: CONTENT_WIDTH })
      .fillColor(COLOUR.text);
  }
  newPage(doc, MARGIN);
  result.supportingDocumentsPage = pageNumber(doc);
  result.aboutTheBidPage = drawSupportingDocuments(doc, content, attempt) ?? 1;

  result.totalPages = pageNumber(doc);
  drawFooters(doc, content);
  return result;
}

function finish(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    doc.end();
  });
}

function drawTitle(doc: Doc, content: Content) {
  const x = left(doc);
  doc
    .font(FONT.regular)
    .fontSize(SIZE.caption)
    .fillColor(COLOUR.secondary)
    .text(`${PROGRAMME.name} ${PROGRAMME.year}`, x, doc.page.margins.top, { width: width(doc) });
  doc.moveDown(0.2);
  doc
    .font(FONT.bold)
    .fontSize(SIZE.title)
    .fillColor(COLOUR.text)
    .text(content.title, { width: width(doc), lineGap: 1 });
  doc.moveDown(0.15);
  doc
    .font(FONT.regular)
    .fontSize(SIZE.meta)
    .text([content.authoritySummary, content.status].filter(Boolean).join("  ·  "), { width: width(doc) });
  if (content.limitWarning) {
    doc.moveDown(0.2).font(FONT.bold).text(content.limitWarning, { width: width(doc) });
  }
  rule(doc, 6);
}

function rule(doc: Doc, space: number, colour: string = COLOUR.border) {
  doc.y += space;
  doc
    .moveTo(left(doc), doc.y)
    .lineTo(left(doc) + width(doc), doc.y)
    .lineWidth(0.75)
    .strokeColor(colour)
    .stroke();
  doc.y += space;
  doc.x = left(doc);
}

/** Section 1. Compact at the top of page 1: facts in two columns, partners as a small table. */
function drawAboutTheBid(doc: Doc, content: Content, { compact }: { compact: boolean }) {
  const { facts, contact, partners } = content.aboutTheBid;
  const size = compact ? SIZE.table : SIZE.body;
  sectionHeading(doc, "1. About the bid", compact ? SIZE.subheading : SIZE.heading);
  if (!compact) {
    doc
      .font(FONT.regular)
      .fontSize(SIZE.table)
      .fillColor(COLOUR.secondary)
      .text("Section 1 of the outline, moved here so that sections 2 to 9 fit on pages 1 and 2.", { width: width(doc) });
    doc.fillColor(COLOUR.text).moveDown(0.4);
  }

  const columnWidth = width(doc) / 2;
  const labelWidth = 92;
  const pairs: Array<[string, string]> = [...facts];
  for (let index = 0; index < pairs.length; index += 2) {
    const top = doc.y;
    let lowest = top;
    pairs.slice(index, index + 2).forEach(([label, value], column) => {
      const x = left(doc) + column * columnWidth;
      lowest = Math.max(lowest, labelledValue(doc, label, value, x, top, labelWidth, columnWidth - labelWidth - 8, size));
    });
    doc.y = lowest + 2;
  }
  doc.y = labelledValue(
    doc,
    "Named contact",
    contact ?? NOT_ANSWERED,
    left(doc),
    doc.y,
    labelWidth,
    width(doc) - labelWidth,
    size,
  ) + 2;

  if (partners === null || partners === "none") {
    const value = partners === "none" ? "Not a partnership bid" : NOT_ANSWERED;
    doc.y = labelledValue(doc, "Partners", value, left(doc), doc.y, labelWidth, width(doc) - labelWidth, size) + 2;
  } else {
    doc.y += 2;
    table(doc, {
      size,
      columns: [
        { header: "Partner", width: width(doc) * 0.46 },
        { header: "Sector", width: width(doc) * 0.24 },
        { header: "Kind of partnership", width: width(doc) * 0.3 },
      ],
      rows: partners.length ? partners.map((partner) => [partner.name, partner.sector, partner.kind]) : [[NOT_ANSWERED, "", ""]],
    });
  }
  doc.x = left(doc);
}

function labelledValue(
  doc: Doc,
  label: string,
  value: string,
  x: number,
  y: number,
  labelWidth: number,
  valueWidth: number,
  size: number,
): number {
  doc.font(FONT.bold).fontSize(size).fillColor(COLOUR.text);
  doc.text(label, x, y, { width: labelWidth - 6 });
  const labelBottom = doc.y;
  doc.font(FONT.regular).fillColor(value === NOT_ANSWERED ? COLOUR.secondary : COLOUR.text);
  doc.text(value, x + labelWidth, y, { width: valueWidth });
  const valueBottom = doc.y;
  doc.fillColor(COLOUR.text);
  return Math.max(labelBottom, valueBottom);
}

function sectionHeading(doc: Doc, text: string, size: number) {
  // Keep a heading with the first lines after it.
  keepTogether(doc, size * 1.2 + 3 * size * 1.3);
  doc.x = left(doc);
  doc.font(FONT.bold).fontSize(size).fillColor(COLOUR.text).text(text, { width: width(doc) });
  doc.y += size * 0.25;
}

function keepTogether(doc: Doc, height: number) {
  if (doc.y + height > bottom(doc) && doc.y > doc.page.margins.top + 1) newPage(doc);
}

/** A new A4 page, with the margins of the page before unless told otherwise. */
function newPage(doc: Doc, margins: Margins = { ...doc.page.margins }) {
  doc.addPage({ size: "A4", layout: "portrait", margins });
}

/** R-32 Sections 2 to 9, at the attempt's type size. */
function drawOutline(doc: Doc, content: Content, attempt: FitAttempt) {
  const size = attempt.outlineFontSize;
  const gap = size * attempt.lineGapRatio;
  const tight = attempt.margins === NARROW_MARGIN;
  const lineHeight = doc.font(FONT.regular).fontSize(size).currentLineHeight(true) + gap;
  // The title's rule already separates the outline when section 1 is not between them.
  if (attempt.aboutTheBid === "page-1") {
    doc.y += 4;
    rule(doc, 5);
  }
  doc.font(FONT.bold).fontSize(SIZE.subheading).text("The outline", left(doc), doc.y, { continued: true, width: width(doc) });
  doc.font(FONT.regular).fillColor(COLOUR.secondary).text(
    `  ·  ${content.outlineCount}${attempt.aboutTheBid === "page-3" ? "  ·  About the bid: page 3" : ""}`,
    { width: width(doc) },
  );
  doc.fillColor(COLOUR.text);
  doc.y += lineHeight * 0.35;

  for (const section of content.outline) {
    keepTogether(doc, lineHeight * 3);
    doc.x = left(doc);
    doc.font(FONT.bold).fontSize(size + (tight ? 0.5 : 1)).text(section.heading, { width: width(doc), lineGap: gap });
    doc.y += gap * 0.5;
    if (!section.started) {
      notAnswered(doc, size, gap, "Not started");
    } else {
      for (const block of section.blocks) drawAnswer(doc, block, size, gap, attempt.lineBreaks);
    }
    doc.y += lineHeight * (tight ? 0.25 : 0.45);
  }
}

function notAnswered(doc: Doc, size: number, gap: number, text = NOT_ANSWERED) {
  doc.font(FONT.italic).fontSize(size).fillColor(COLOUR.secondary).text(text, left(doc), doc.y, {
    width: width(doc),
    lineGap: gap,
  });
  doc.fillColor(COLOUR.text);
}

function drawAnswer(doc: Doc, block: AnswerBlock, size: number, gap: number, lineBreaks: FitAttempt["lineBreaks"]) {
  doc.x = left(doc);
  if (block.inline !== undefined) {
    doc.font(FONT.bold).fontSize(size).text(`${block.label} `, left(doc), doc.y, {
      width: width(doc),
      lineGap: gap,
      continued: true,
    });
    doc
      .font(FONT.regular)
      .fillColor(block.inline === NOT_ANSWERED ? COLOUR.secondary : COLOUR.text)
      .text(block.inline, { width: width(doc), lineGap: gap });
    doc.fillColor(COLOUR.text);
    doc.y += gap * 0.5;
    return;
  }
  if (lineBreaks === "run-in") {
    // The answer follows its question on the same line, its line breaks marked "¶".
    const answered = block.paragraphs.length > 0;
    doc.font(FONT.bold).fontSize(size).text(`${block.label} `, left(doc), doc.y, {
      width: width(doc),
      lineGap: gap,
      continued: true,
    });
    doc
      .font(answered ? FONT.regular : FONT.italic)
      .fillColor(answered ? COLOUR.text : COLOUR.secondary)
      .text(answered ? block.paragraphs.map((lines) => lines.join(" ¶ ")).join(" ¶ ") : NOT_ANSWERED, {
        width: width(doc),
        lineGap: gap,
      });
    doc.fillColor(COLOUR.text);
    doc.y += gap * 0.8;
    return;
  }
  doc.font(FONT.bold).fontSize(size).text(block.label, left(doc), doc.y, { width: width(doc), lineGap: gap });
  doc.y += gap * 0.3;
  if (block.paragraphs.length === 0) {
    notAnswered(doc, size, gap);
  } else {
    block.paragraphs.forEach((lines, index) => {
      if (index > 0) doc.y += (size + gap) * 0.4;
      paragraph(doc, lines.join("\n"), size, gap);
    });
  }
  doc.y += gap * 0.8;
}

function paragraph(doc: Doc, text: string, size: number, gap: number) {
  doc.font(FONT.regular).fontSize(size).fillColor(COLOUR.text).text(text, left(doc), doc.y, {
    width: width(doc),
    lineGap: gap,
  });
}

// ---------------------------------------------------------------------------------------
// Section 10: supporting documents, from page 3

function drawSupportingDocuments(doc: Doc, content: Content, attempt: FitAttempt): number | null {
  const supporting = content.supporting;
  const size = SIZE.body;
  const gap = lineGap(size);
  doc.x = left(doc);
  doc.font(FONT.bold).fontSize(SIZE.heading + 2).text(SUPPORTING_DOCUMENTS_HEADING, { width: width(doc) });
  rule(doc, 6);

  let aboutTheBidPage: number | null = null;
  if (attempt.aboutTheBid === "page-3") {
    aboutTheBidPage = pageNumber(doc);
    drawAboutTheBid(doc, content, { compact: false });
    doc.moveDown(1);
  }

  sectionHeading(doc, "Breakdown of estimated costs", SIZE.heading);
  if (supporting.costs.length === 0) {
    notAnswered(doc, size, gap);
  } else {
    table(doc, {
      size: SIZE.table,
      columns: [
        { header: "Description", width: width(doc) * 0.38 },
        { header: "Category", width: width(doc) * 0.2 },
        { header: "Funded by", width: width(doc) * 0.24 },
        { header: "Amount", width: width(doc) * 0.18, align: "right" },
      ],
      rows: supporting.costs.map((cost) => [cost.description, cost.category, cost.fundedBy, cost.amount]),
      totals: supporting.costTotals,
    });
    if (supporting.costNote) notAnswered(doc, SIZE.table, lineGap(SIZE.table), supporting.costNote);
  }
  doc.moveDown(0.8);

  writtenAnswer(doc, supporting.valueForMoney);

  sectionHeading(doc, "Chief executive’s line statement", SIZE.heading);
  doc.y = labelledValue(doc, "Chief executive", supporting.chiefExecutive.name ?? NOT_ANSWERED, left(doc), doc.y, 100, width(doc) - 100, size) + gap;
  answerText(doc, supporting.chiefExecutive.statement, size, gap);
  doc.moveDown(0.8);

  for (const note of supporting.notes) writtenAnswer(doc, note);

  sectionHeading(doc, "Customer service awards and reviews", SIZE.heading);
  if (supporting.pastAwards === null) notAnswered(doc, size, gap);
  else if (supporting.pastAwards.length === 0) paragraph(doc, "None", size, gap);
  else
    table(doc, {
      size: SIZE.table,
      columns: [
        { header: "Award or review", width: width(doc) * 0.5 },
        { header: "Year", width: width(doc) * 0.12 },
        { header: "Outcome", width: width(doc) * 0.38 },
      ],
      rows: supporting.pastAwards.map((award) => [award.award, award.year, award.outcome]),
    });
  return aboutTheBidPage;
}

function writtenAnswer(doc: Doc, block: AnswerBlock) {
  sectionHeading(doc, block.label, SIZE.subheading + 0.5);
  answerText(doc, block, SIZE.body, lineGap(SIZE.body));
  doc.moveDown(0.8);
}

function answerText(doc: Doc, block: AnswerBlock, size: number, gap: number) {
  if (block.paragraphs.length === 0) return notAnswered(doc, size, gap);
  block.paragraphs.forEach((lines, index) => {
    if (index > 0) doc.y += (size + gap) * 0.5;
    paragraph(doc, lines.join("\n"), size, gap);
  });
}

interface Column {
  header: string;
  width: number;
  align?: "left" | "right";
}

/** A GOV.UK-style table: bold header, a rule under each row; the header repeats on a new page. */
function table(
  doc: Doc,
  { size, columns, rows, totals = [] }: { size: number; columns: Column[]; rows: string[][]; totals?: Array<[string, string]> },
) {
  const padding = 3.5;
  const gap = size * 0.15;
  const heightOf = (cells: string[], font: string) => {
    doc.font(font).fontSize(size);
    return (
      Math.max(...cells.map((cell, index) => doc.heightOfString(cell || " ", { width: columns[index]!.width - 8, lineGap: gap }))) +
      padding * 2
    );
  };
  const drawRow = (cells: string[], font: string, borderColour: string) => {
    const height = heightOf(cells, font);
    const top = doc.y;
    let x = left(doc);
    cells.forEach((cell, index) => {
      const column = columns[index]!;
      doc
        .font(font)
        .fontSize(size)
        .fillColor(cell === NOT_ANSWERED ? COLOUR.secondary : COLOUR.text)
        .text(cell, x + (column.align === "right" ? 8 : 0), top + padding, {
          width: column.width - 8,
          align: column.align ?? "left",
          lineGap: gap,
        });
      x += column.width;
    });
    doc.fillColor(COLOUR.text);
    doc.y = top + height;
    doc
      .moveTo(left(doc), doc.y)
      .lineTo(left(doc) + width(doc), doc.y)
      .lineWidth(0.5)
      .strokeColor(borderColour)
      .stroke();
  };
  const header = columns.map((column) => column.header);
  const drawHeader = () => drawRow(header, FONT.bold, COLOUR.text);

  keepTogether(doc, heightOf(header, FONT.bold) + heightOf(rows[0] ?? header, FONT.regular));
  drawHeader();
  for (const row of rows) {
    if (doc.y + heightOf(row, FONT.regular) > bottom(doc)) {
      newPage(doc);
      drawHeader();
    }
    drawRow(row, FONT.regular, COLOUR.border);
  }

  if (totals.length === 0) {
    doc.x = left(doc);
    return;
  }
  // Totals line up under the amounts, labelled to their left.
  const amountColumn = columns[columns.length - 1]!;
  const labelWidth = width(doc) - amountColumn.width;
  keepTogether(doc, totals.length * (size * 1.2 + padding * 2));
  for (const [label, amount] of totals) {
    const isSource = label.startsWith(" ");
    const font = isSource ? FONT.regular : FONT.bold;
    const top = doc.y;
    doc
      .font(font)
      .fontSize(size)
      .fillColor(isSource ? COLOUR.secondary : COLOUR.text)
      .text(label.trim(), left(doc) + (isSource ? 12 : 0), top + padding, {
        width: labelWidth - 8 - (isSource ? 12 : 0),
        align: "right",
      });
    const labelBottom = doc.y;
    doc.text(amount, left(doc) + labelWidth + 8, top + padding, { width: amountColumn.width - 8, align: "right" });
    doc.fillColor(COLOUR.text);
    doc.y = Math.max(labelBottom, doc.y) + padding;
  }
  doc.x = left(doc);
}

// ---------------------------------------------------------------------------------------
// Footers: "Page N of M" and the reference, on every page

/** The text shortened with "…" to fit one line of this width, in the current font. */
function oneLine(doc: Doc, text: string, lineWidth: number): string {
  if (doc.widthOfString(text) <= lineWidth) return text;
  let shortened = text;
  while (shortened.length > 0 && doc.widthOfString(`${shortened}…`) > lineWidth) shortened = shortened.slice(0, -1);
  return `${shortened.trimEnd()}…`;
}

function drawFooters(doc: Doc, content: Content) {
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index += 1) {
    doc.switchToPage(index);
    // Writing inside the bottom margin would otherwise start a new page.
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .moveTo(MARGIN.left, FOOTER_Y - 8)
      .lineTo(MARGIN.left + CONTENT_WIDTH, FOOTER_Y - 8)
      .lineWidth(0.5)
      .strokeColor(COLOUR.border)
      .stroke();
    doc.font(FONT.regular).fontSize(SIZE.footer).fillColor(COLOUR.secondary);
    const label = oneLine(doc, `${content.footerLabel}  ·  ${content.authorityName}`, CONTENT_WIDTH * 0.72);
    doc.text(label, MARGIN.left, FOOTER_Y, { width: CONTENT_WIDTH * 0.75, lineBreak: false });
    doc.text(`Page ${index + 1} of ${range.count}`, MARGIN.left + CONTENT_WIDTH * 0.75, FOOTER_Y, {
      width: CONTENT_WIDTH * 0.25,
      align: "right",
      lineBreak: false,
    });
    doc.page.margins.bottom = margin;
  }
  doc.fillColor(COLOUR.text);
}
