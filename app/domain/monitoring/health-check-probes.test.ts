import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { HEALTH_CHECK_PROBE_GROUPS, HEALTH_CHECK_PROBES, probesOf } from "./health-check-probes";

const SEED = join(__dirname, "../../../test/data/seeds/002_24d50867fb4a0ddb.txt"); // a copy of ../shared/seeds/ (test/data/seeds/README.md)
const normalise = (text: string) => text.replace(/\s+/g, " ").trim();

describe("R-63 R-11 the health check checklist: the peer review benchmark's customer-focus probes", () => {
  it("R-63 has the 18 probes of 'Probes and evidence – customer focus' in three groups, with unique ids", () => {
    expect(HEALTH_CHECK_PROBES).toHaveLength(18);
    expect(new Set(HEALTH_CHECK_PROBES.map((p) => p.id)).size).toBe(18);
    expect(HEALTH_CHECK_PROBE_GROUPS.map((g) => g.key)).toEqual(["responsive", "accessible", "efficient"]);
    expect(HEALTH_CHECK_PROBE_GROUPS.map((g) => probesOf(g.key).length)).toEqual([7, 4, 7]);
    for (const probe of HEALTH_CHECK_PROBES) expect(probe.id).toMatch(new RegExp(`^${probe.group}-\\d+$`));
  });

  it("every probe is the seed's wording, in the seed's order, within the customer focus probes table", () => {
    const seed = normalise(readFileSync(SEED, "utf8"));
    const table = seed.slice(seed.indexOf("Probes and evidence – customer focus"), seed.indexOf("2.2 Communication and community empowerment"));
    expect(table.length).toBeGreaterThan(100);
    let from = 0;
    for (const probe of HEALTH_CHECK_PROBES) {
      const at = table.indexOf(normalise(probe.text), from);
      expect(at, probe.id).toBeGreaterThanOrEqual(0);
      from = at + 1;
    }
    for (const group of HEALTH_CHECK_PROBE_GROUPS) expect(seed.replaceAll("**", "").toLowerCase()).toContain(`${group.title} ${group.description}`.toLowerCase());
  });
});
