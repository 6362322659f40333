import Ajv04 from "ajv-draft-04";
import addFormats from "ajv-formats";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { GIVING360_CSV_COLUMNS } from "~/domain/application/giving360";
import { acceptOffer, approveApplication } from "~/services/award.server";
import { giving360CsvText, giving360Json } from "~/services/giving360.server";
import { compile } from "../data/360giving/json-schema-lite";
import { confirmShortlistFor, makeApplication, makeRound, makeShortlistedBid } from "../factories/applications";
import { makeStaff } from "../factories/eois";
import { createTestDb } from "../setup/db";

// R-54 The awards as 360Giving data, validated against the official 360Giving JSON schemas
// (test/data/360giving/, copied from ThreeSixtyGiving/standard with its licence).

const SCHEMAS = join(__dirname, "../data/360giving");
const packageSchema = JSON.parse(readFileSync(join(SCHEMAS, "360-giving-package-schema.json"), "utf8"));
const grantSchema = JSON.parse(readFileSync(join(SCHEMAS, "360-giving-schema.json"), "utf8"));
const GRANT_SCHEMA_URL = "https://raw.githubusercontent.com/ThreeSixtyGiving/standard/master/schema/360-giving-schema.json";
const lite = compile(packageSchema, { [GRANT_SCHEMA_URL]: grantSchema });

// The full validator: ajv 8 for draft-04 with ajv-formats – the schema's dates are `oneOf` a
// date-time *format* or a YYYY-MM-DD pattern, so without format checking a plain date matches
// both and fails. The small checker `json-schema-lite` runs as well, as a second opinion.
const ajv = new Ajv04({ allErrors: true, strict: false, validateFormats: true });
addFormats(ajv);
ajv.addSchema(grantSchema, GRANT_SCHEMA_URL);

const BASE = "https://toolkit-pilots.example.gov.uk";
const now = new Date("2009-09-30T12:00:00Z");

async function publishedWorld() {
  const db = await createTestDb();
  const round = await makeRound(db);
  const manager = await makeStaff(db, "programme_manager");
  const newcastle = await makeShortlistedBid(db, { roundId: round.id, region: "North East", name: "Newcastle upon Tyne City Council", code: "E08000021" });
  const camden = await makeShortlistedBid(db, { roundId: round.id, region: "London", name: "London Borough of Camden", code: "E09000007" });
  const other = await makeShortlistedBid(db, { roundId: round.id, region: "South West", name: "Cornwall Council", code: "E06000052" });
  await confirmShortlistFor(db, { roundId: round.id, bids: [newcastle, camden, other], managerId: manager.id });
  const a = await makeApplication(db, { round, bid: newcastle, status: "submitted" });
  const b = await makeApplication(db, { round, bid: camden, status: "submitted" });
  await makeApplication(db, { round, bid: other, status: "submitted" }); // not approved: not published
  await approveApplication(db, { actor: manager, applicationId: a.id, baseUrl: BASE, now: new Date("2009-09-07T09:00:00Z") });
  await approveApplication(db, { actor: manager, applicationId: b.id, amountPence: 5_512_345, baseUrl: BASE, now: new Date("2009-09-08T09:00:00Z") });
  await acceptOffer(db, { user: newcastle.officers[0]!, form: { officerName: "Chris Lee", officerRole: "Chief Executive", day: "9", month: "9", year: "2009", declaration: true }, baseUrl: BASE, now: new Date("2009-09-09T09:00:00Z") });
  return db;
}

describe("R-54 awards published as 360Giving data", () => {
  it("R-54 the JSON package validates against the official 360Giving package and grant schemas", async () => {
    const db = await publishedWorld();
    const data = await giving360Json(db, { baseUrl: BASE, now });
    expect(lite.validate(data)).toEqual([]);
    expect(data.grants).toHaveLength(2);
    expect(ajv.validate(packageSchema, data), JSON.stringify(ajv.errors)).toBe(true);
  });

  it("R-54 ids are 360G-<prefix>-<award id>; CLG is GB-GOR-D4 and each authority GB-LAE-<register code>", async () => {
    const db = await publishedWorld();
    const awards = await db("grant_awards").orderBy("id").select("id");
    const { grants } = await giving360Json(db, { baseUrl: BASE, now });
    expect(grants.map((g) => g.id)).toEqual(awards.map((a) => `360G-CLG-RTP-${a.id}`));
    expect(grants.map((g) => [g.recipientOrganization[0]!.id, g.fundingOrganization[0]!.id])).toEqual([
      ["GB-LAE-NET", "GB-GOR-D4"],
      ["GB-LAE-CMD", "GB-GOR-D4"],
    ]);
    expect(grants.map((g) => [g.amountAwarded, g.amountAppliedFor, g.awardDate])).toEqual([
      [60000, 60000, "2009-09-07"],
      [55123.45, 60000, "2009-09-08"],
    ]);
    expect(grants[0]!.plannedDates).toEqual([{ startDate: "2009-09-21", endDate: "2010-03-31" }]);
  });

  it("R-54 the checker is not vacuous: broken grants fail the schema", async () => {
    const db = await publishedWorld();
    const data = await giving360Json(db, { baseUrl: BASE, now });
    const broken = (change: (grant: Record<string, unknown>) => void) => {
      const copy = JSON.parse(JSON.stringify(data));
      change(copy.grants[0]);
      return lite.validate(copy).map((e) => `${e.path} ${e.message}`);
    };
    expect(broken((g) => delete g.recipientOrganization)).toEqual(['/grants/0 should have required property "recipientOrganization"']);
    expect(broken((g) => (g.amountAwarded = "£60,000"))).toEqual(["/grants/0/amountAwarded should be number, is string"]);
    expect(broken((g) => (g.awardDate = "7/9/2009"))).toEqual(["/grants/0/awardDate should match exactly one of 2 schemas, matches 0"]);
    expect(broken((g) => (g.currency = "GBX"))).toEqual(['/grants/0/currency should be one of the allowed values, is "GBX"']);
    expect(broken((g) => (g.fundingOrganization = [{ id: "GB-GOR-D4" }]))).toEqual(['/grants/0/fundingOrganization/0 should have required property "name"']);
    expect(lite.validate({ grants: [] })).toEqual([{ path: "/grants", message: "should have at least 1 items" }]);
  });

  it("R-54 the CSV has the 360Giving summary-table columns, one grant a row", async () => {
    const db = await publishedWorld();
    const csv = await giving360CsvText(db, { baseUrl: BASE, now });
    const lines = csv.trimEnd().split("\r\n");
    expect(lines).toHaveLength(3);
    expect(lines[0]!.split(",")).toEqual(GIVING360_CSV_COLUMNS.map(([title]) => title));
    expect(lines[2]).toMatch(/^360G-CLG-RTP-\d+,Practitioners’ Toolkit pilot: London Borough of Camden,"A grant to London Borough of Camden .*",GBP,60000,55123.45,2009-09-08,2009-09-21,2010-03-31,GB-LAE-CMD,London Borough of Camden,"London Borough of Camden area, London",GB,E09000007,LONB,GB-GOR-D4,Department for Communities and Local Government,RTP-\d+,Practitioners' Toolkit pilot programme 2009\/10,Yes,/);
  });

  it("R-54 with no awards yet, the package has no grants (and says so rather than failing)", async () => {
    const db = await createTestDb();
    expect((await giving360Json(db, { baseUrl: BASE, now })).grants).toEqual([]);
  });
});
