import type { Params } from "@remix-run/react";
import { formatDateLondon, formatDateTimeLondon } from "~/domain/calendar";
import { agreedVisitMessage, findingRatingLabel, sectorsRepresented } from "~/domain/monitoring/health-check";
import { HEALTH_CHECK_PROBE_GROUPS, HEALTH_CHECK_PROBES, probesOf } from "~/domain/monitoring/health-check-probes";
import { partnerSectorLabel } from "~/domain/programme";
import type { HealthCheckContext } from "~/services/health-check.server";

// R-63 What the health check pages show of a pilot's visit: plain, serialisable text.

/** The pilot's award id from the URL; anything but digits is not found. */
export function awardIdParam(params: Params): number {
  if (!/^\d+$/.test(params.awardId ?? "")) throw new Response("Not found", { status: 404 });
  return Number(params.awardId);
}

const SECTOR_SHORT: Record<string, string> = { private: "private", public: "public", third: "third" };
const listText = (items: string[]) => (items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`);

export type VisitView = NonNullable<ReturnType<typeof visitView>["visit"]>;

export function visitView({ pilot, visit, window }: HealthCheckContext) {
  return {
    awardId: pilot.award.id,
    authorityName: pilot.award.authorityName,
    region: pilot.award.region,
    grantId: pilot.letter.grantId,
    namedOfficer: pilot.award.acceptingOfficerName ?? "",
    namedOfficerRole: pilot.award.acceptingOfficerRole ?? "",
    window: { from: formatDateLondon(window.from), to: formatDateLondon(window.to), example: window.from.split("-").reverse().map(Number).join(" ") },
    visit: visit
      ? (() => {
          const sectors = sectorsRepresented(visit.team);
          const findings = new Map(visit.findings.map((f) => [f.probeId, f]));
          return {
            visitDate: formatDateLondon(visit.visitDate),
            visitDateIso: visit.visitDate,
            status: visit.status,
            version: visit.version,
            team: visit.team.map((m) => ({ name: m.name, organisation: m.organisation, sector: m.sector, sectorLabel: partnerSectorLabel(m.sector) })),
            sectors: {
              allThree: sectors.allThree,
              text: sectors.allThree
                ? "All three: private, public and third sector"
                : `${listText(sectors.represented.map((s) => SECTOR_SHORT[s]!)) || "None"} sector only – not yet ${listText(sectors.missing.map((s) => SECTOR_SHORT[s]!))} sector`,
            },
            findingsCount: visit.findings.filter((f) => f.finding.trim()).length,
            groups: HEALTH_CHECK_PROBE_GROUPS.map((group) => ({
              key: group.key,
              title: group.title,
              description: group.description,
              probes: probesOf(group.key).map((probe) => {
                const found = findings.get(probe.id);
                return { id: probe.id, number: HEALTH_CHECK_PROBES.indexOf(probe) + 1, text: probe.text, finding: found?.finding ?? "", rating: found?.rating ?? "", ratingLabel: found?.rating ? findingRatingLabel(found.rating) : "" };
              }),
            })),
            summary: visit.summary,
            agreedWith: visit.agreedWith,
            agreedAt: visit.agreedAt ? formatDateTimeLondon(new Date(visit.agreedAt)) : null,
            agreedMessage: visit.status === "agreed" ? agreedVisitMessage(visit) : null,
          };
        })()
      : null,
  };
}
