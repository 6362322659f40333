import { describe, expect, it } from "vitest";
import { giving360Csv, giving360Package, grantIdentifier, toGrant360, type AwardForPublication } from "./giving360";
import { CLG_ORG_ID, localAuthorityOrgId } from "./org-ids";

const award: AwardForPublication = {
  awardId: 7,
  amountPence: 9_500_050,
  clgRequestPence: 9_800_000,
  awardedAt: "2009-09-07T23:30:00.000Z",
  updatedAt: "2009-09-10T09:00:00.000Z",
  authorityName: "Newcastle upon Tyne City Council",
  authorityCode: "E08000021",
  region: "North East",
  plannedStart: "2009-09-21",
  plannedEnd: "2010-03-31",
  roundId: 1,
  roundName: "Practitioners' Toolkit pilot programme 2009/10",
};

describe("R-54 360Giving data", () => {
  it("R-54 ids are 360G-<prefix>-<award id>; funder and recipient are org-ids", () => {
    expect(grantIdentifier("360G-CLG-RTP", 7)).toBe("360G-CLG-RTP-7");
    expect(CLG_ORG_ID).toBe("GB-GOR-D4");
    expect(localAuthorityOrgId("E08000021", "360G-X")).toBe("GB-LAE-NET");
    expect(localAuthorityOrgId("E09000007", "360G-X")).toBe("GB-LAE-CMD");
    expect(localAuthorityOrgId("E0T000001", "360G-X")).toBe("360G-X-LA-E0T000001");
  });

  it("R-54 a grant: amounts in pounds, the award date as a London day, the authority's area", () => {
    expect(toGrant360(award, { prefix: "360G-CLG-RTP" })).toMatchObject({
      id: "360G-CLG-RTP-7",
      currency: "GBP",
      amountAwarded: 95000.5,
      amountAppliedFor: 98000,
      awardDate: "2009-09-08",
      plannedDates: [{ startDate: "2009-09-21", endDate: "2010-03-31" }],
      recipientOrganization: [{ id: "GB-LAE-NET", name: "Newcastle upon Tyne City Council" }],
      fundingOrganization: [{ id: "GB-GOR-D4" }],
      beneficiaryLocation: [{ countryCode: "GB", geoCode: "E08000021", geoCodeType: "MD" }],
    });
  });

  it("R-54 the CSV has the standard's column titles and quotes what needs quoting", () => {
    const grants = giving360Package([award], { prefix: "360G-CLG-RTP", baseUrl: "https://example.gov.uk", now: new Date("2009-09-11T00:00:00Z") }).grants;
    const [header, row] = giving360Csv(grants).split("\r\n");
    expect(header).toBe(
      "Identifier,Title,Description,Currency,Amount Applied For,Amount Awarded,Award Date,Planned Dates:Start Date,Planned Dates:End Date,Recipient Org:Identifier,Recipient Org:Name,Beneficiary Location:Name,Beneficiary Location:Country Code,Beneficiary Location:Geographic Code,Beneficiary Location:Geographic Code Type,Funding Org:Identifier,Funding Org:Name,Grant Programme:Code,Grant Programme:Title,From an open call?,Last modified",
    );
    expect(row).toMatch(/^360G-CLG-RTP-7,Practitioners’ Toolkit pilot: Newcastle upon Tyne City Council,"A grant to .*",GBP,98000,95000.5,2009-09-08,2009-09-21,2010-03-31,GB-LAE-NET,/);
  });
});
