// R-63 R-11 The checklist of the customer service health check visit: the IDeA Corporate Peer
// Review Benchmark's "Probes and evidence – customer focus" (element 2.1 of its theme 2, Customer
// focus & community engagement), from seeds/002_24d50867fb4a0ddb.txt. The benchmark considers
// customer focus under three headings (j. responsive services, k. efficient and effective
// services, l. accessible services); its probes table groups the 18 probes under them. The
// seed's OCR garbles the table's rotated row labels, so the grouping was read from where those
// labels fall (7 responsive, 4 accessible, 7 efficient and effective, in the table's order). The
// probes keep the seed's wording exactly (the unit test reads the seed and fails on any
// difference); ids are stable because findings are stored against them.

export interface HealthCheckProbeGroup {
  key: "responsive" | "accessible" | "efficient";
  /** The benchmark's heading. */
  title: string;
  /** The benchmark's one-line description of the heading. */
  description: string;
}

export interface HealthCheckProbe {
  /** Stable: "responsive-1" … (findings are stored against it). */
  id: string;
  group: HealthCheckProbeGroup["key"];
  /** The probe, in the benchmark's words. */
  text: string;
}

export const HEALTH_CHECK_PROBE_GROUPS: readonly HealthCheckProbeGroup[] = [
  { key: "responsive", title: "Responsive services", description: "quickly understanding what users want and need, creating opportunities to extend choice" },
  { key: "accessible", title: "Accessible services", description: "services can be accessed in ways and times that are convenient for all users" },
  { key: "efficient", title: "Efficient and effective services", description: "delivering services in a cost-effective manner to meet these needs" },
];

// prettier-ignore
export const HEALTH_CHECK_PROBES: readonly HealthCheckProbe[] = [
  { id: "responsive-1", group: "responsive", text: "How does the council, both corporately and through individual services, consult and engage users to keep informed about what they want and need?" },
  { id: "responsive-2", group: "responsive", text: "Has the council conducted user testing on individual access channels?" },
  { id: "responsive-3", group: "responsive", text: "Does the council have a consultation strategy on who/how often they consult their customers?" },
  { id: "responsive-4", group: "responsive", text: "What evidence is there that such user consultation/involvement actually leads to changes to services, tailored to user needs?" },
  { id: "responsive-5", group: "responsive", text: "Is there a complaints/compliments system and is it used to improve services?" },
  { id: "responsive-6", group: "responsive", text: "How does the council ensure appropriate customer training for different staff groups (e.g. front line staff)?" },
  { id: "responsive-7", group: "responsive", text: "Is there a Senior Officer/Lead Member with responsibility for customer services?" },
  { id: "accessible-1", group: "accessible", text: "Does the council understand its users' needs, especially those with non-standard needs (e.g. language, physical, timing, location etc.)?" },
  { id: "accessible-2", group: "accessible", text: "Does the Council make efforts to deliver its services in an equal, consistent and sensitive way to all members of its community?" },
  { id: "accessible-3", group: "accessible", text: "Does the council use a range of delivery channels (face-to-face, phone, letter, electronic) and times to maximise access for users?" },
  { id: "accessible-4", group: "accessible", text: "Has the council carried out equality impact assessments and what has the council done to improve services based on those assessments?" },
  { id: "efficient-1", group: "efficient", text: "Is there evidence that customers feel that they are getting value for money from the council, and does the council effectively communicate its efficient use of resources?" },
  { id: "efficient-2", group: "efficient", text: "Are there well-publicised service standards?" },
  { id: "efficient-3", group: "efficient", text: "Is compliance against these standards regularly monitored?" },
  { id: "efficient-4", group: "efficient", text: "Can the council demonstrate that it knows its customers and their preferred means of contact?" },
  { id: "efficient-5", group: "efficient", text: "Are the council redesigning access to services around its customer base?" },
  { id: "efficient-6", group: "efficient", text: "How is information on customers used/shared across the council to resolve queries and deliver services more effectively to customers" },
  { id: "efficient-7", group: "efficient", text: "Does the council know how cost-effective its services are in relation to appropriate comparators?" },
];

const PROBE_BY_ID = new Map(HEALTH_CHECK_PROBES.map((probe) => [probe.id, probe]));

export const healthCheckProbe = (id: string): HealthCheckProbe | undefined => PROBE_BY_ID.get(id);
export const probesOf = (group: HealthCheckProbeGroup["key"]): HealthCheckProbe[] => HEALTH_CHECK_PROBES.filter((probe) => probe.group === group);
