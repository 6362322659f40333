// R-54 Grant awards as 360Giving open data (https://standard.threesixtygiving.org): a JSON
// package ({ grants: [...] } with its metadata) and the same grants as a CSV with the standard's
// summary-table column titles. Ids are the publisher's 360Giving prefix and our award id; funder
// and recipient are identified in the org-id scheme (org-ids.ts). Amounts are in pounds, as the
// standard has them (numbers, no currency symbol); dates are YYYY-MM-DD or full date-times.

import { londonDate, type IsoDate } from "~/domain/calendar";
import { CLG_NAME, CLG_ORG_ID, localAuthorityOrgId } from "./org-ids";

/** R-54 The publisher's 360Giving prefix (issued by 360Giving; this one is the demo's). */
export const GIVING360_PREFIX = "360G-CLG-RTP";

export const OPEN_GOVERNMENT_LICENCE = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/";

export interface AwardForPublication {
  awardId: number;
  amountPence: number;
  clgRequestPence: number;
  awardedAt: string; // ISO UTC
  updatedAt: string; // ISO UTC: the latest change to the award (acceptance, if any)
  authorityName: string;
  /** The authority's ONS (GSS) code, e.g. E08000021. */
  authorityCode: string;
  region: string;
  /** R-51 When the pilot plans to begin (the application's start date), if known. */
  plannedStart: IsoDate | null;
  /** R-8 The programme's last day. */
  plannedEnd: IsoDate;
  roundId: number;
  roundName: string;
}

export interface PublicationContext {
  prefix: string;
  /** The service's public address, e.g. https://toolkit-pilots.example.gov.uk (no trailing slash). */
  baseUrl: string;
  /** When the package is generated. */
  now: Date;
}

/** R-54 The grant's 360Giving identifier: `360G-<prefix>-<award id>`. */
export const grantIdentifier = (prefix: string, awardId: number) => `${prefix}-${awardId}`;

const pounds = (pence: number) => Math.round(pence) / 100;

// ONS entity codes of English local authority areas, and the 360Giving geoCodeType for each.
const GEO_CODE_TYPES: Record<string, string> = { E06: "UA", E07: "NMD", E08: "MD", E09: "LONB", E10: "CTY" };

export interface Grant360 {
  id: string;
  title: string;
  description: string;
  currency: "GBP";
  amountAppliedFor: number;
  amountAwarded: number;
  awardDate: string;
  plannedDates?: Array<{ startDate: string; endDate: string }>;
  recipientOrganization: Array<{ id: string; name: string }>;
  fundingOrganization: Array<{ id: string; name: string }>;
  beneficiaryLocation: Array<{ name: string; countryCode: "GB"; geoCode?: string; geoCodeType?: string }>;
  grantProgramme: Array<{ code: string; title: string }>;
  fromOpenCall: "Yes" | "No";
  dateModified: string;
}

/** R-54 One award as a 360Giving grant. */
export function toGrant360(award: AwardForPublication, context: Pick<PublicationContext, "prefix">): Grant360 {
  const geoCodeType = GEO_CODE_TYPES[award.authorityCode.slice(0, 3)];
  return {
    id: grantIdentifier(context.prefix, award.awardId),
    title: `Practitioners’ Toolkit pilot: ${award.authorityName}`.slice(0, 140),
    description: `A grant to ${award.authorityName} to be the ${award.region} pilot of the Practitioners’ Toolkit for excellent customer service: applying the Toolkit, acting as regional champion, and delivering outputs A to F (a report on using the Toolkit, regional events and workshops, a virtual peer support network, an impact assessment, help to develop the Toolkit, and data for the longer-term evaluation).`,
    currency: "GBP",
    amountAppliedFor: pounds(award.clgRequestPence),
    amountAwarded: pounds(award.amountPence),
    awardDate: londonDate(new Date(award.awardedAt)),
    ...(award.plannedStart ? { plannedDates: [{ startDate: award.plannedStart, endDate: award.plannedEnd }] } : {}),
    recipientOrganization: [{ id: localAuthorityOrgId(award.authorityCode, context.prefix), name: award.authorityName }],
    fundingOrganization: [{ id: CLG_ORG_ID, name: CLG_NAME }],
    beneficiaryLocation: [{ name: `${award.authorityName} area, ${award.region}`, countryCode: "GB", ...(geoCodeType ? { geoCode: award.authorityCode, geoCodeType } : {}) }],
    grantProgramme: [{ code: `RTP-${award.roundId}`, title: award.roundName }],
    fromOpenCall: "Yes",
    dateModified: new Date(award.updatedAt).toISOString(),
  };
}

/** R-54 The 360Giving JSON package of a set of awards (in award order). */
export function giving360Package(awards: readonly AwardForPublication[], context: PublicationContext) {
  return {
    grants: awards.map((award) => toGrant360(award, context)),
    title: "Practitioners’ Toolkit pilot programme: grant awards",
    description: "Grants awarded by Communities and Local Government to the lead local authorities of the Practitioners’ Toolkit pilots, one in each English region.",
    identifier: `${context.prefix}-awards`,
    modified: context.now.toISOString(),
    publisher: { name: CLG_NAME, identifier: CLG_ORG_ID, website: context.baseUrl },
    license: OPEN_GOVERNMENT_LICENCE,
    accessURL: `${context.baseUrl}/data/360giving.json`,
    downloadURL: `${context.baseUrl}/data/360giving.json`,
  };
}

/** R-54 The CSV's columns: the 360Giving summary table's titles, and how each is read from a grant. */
export const GIVING360_CSV_COLUMNS: ReadonlyArray<[title: string, value: (grant: Grant360) => string | number]> = [
  ["Identifier", (g) => g.id],
  ["Title", (g) => g.title],
  ["Description", (g) => g.description],
  ["Currency", (g) => g.currency],
  ["Amount Applied For", (g) => g.amountAppliedFor],
  ["Amount Awarded", (g) => g.amountAwarded],
  ["Award Date", (g) => g.awardDate],
  ["Planned Dates:Start Date", (g) => g.plannedDates?.[0]?.startDate ?? ""],
  ["Planned Dates:End Date", (g) => g.plannedDates?.[0]?.endDate ?? ""],
  ["Recipient Org:Identifier", (g) => g.recipientOrganization[0]!.id],
  ["Recipient Org:Name", (g) => g.recipientOrganization[0]!.name],
  ["Beneficiary Location:Name", (g) => g.beneficiaryLocation[0]!.name],
  ["Beneficiary Location:Country Code", (g) => g.beneficiaryLocation[0]!.countryCode],
  ["Beneficiary Location:Geographic Code", (g) => g.beneficiaryLocation[0]!.geoCode ?? ""],
  ["Beneficiary Location:Geographic Code Type", (g) => g.beneficiaryLocation[0]!.geoCodeType ?? ""],
  ["Funding Org:Identifier", (g) => g.fundingOrganization[0]!.id],
  ["Funding Org:Name", (g) => g.fundingOrganization[0]!.name],
  ["Grant Programme:Code", (g) => g.grantProgramme[0]!.code],
  ["Grant Programme:Title", (g) => g.grantProgramme[0]!.title],
  ["From an open call?", (g) => g.fromOpenCall],
  ["Last modified", (g) => g.dateModified],
];

/** A CSV field: quoted when it holds a comma, quote or line break; a leading formula character is neutralised. */
function csvField(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text) && typeof value === "string") text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** R-54 The grants as a 360Giving CSV (UTF-8, CRLF line ends, one grant a row). */
export function giving360Csv(grants: readonly Grant360[]): string {
  const lines = [GIVING360_CSV_COLUMNS.map(([title]) => csvField(title)).join(",")];
  for (const grant of grants) lines.push(GIVING360_CSV_COLUMNS.map(([, value]) => csvField(value(grant))).join(","));
  return `${lines.join("\r\n")}\r\n`;
}
