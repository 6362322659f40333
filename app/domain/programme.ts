// The Practitioners' Toolkit pilot programme 2009/10 as data: the facts of the invitation
// (seeds/004) that every stage relies on. Change a fact here and it changes everywhere.

/** A choice as GOV.UK radios and checkboxes show it. */
export interface Choice<Key extends string = string> {
  readonly key: Key;
  readonly label: string;
  readonly hint?: string;
}

const keysOf = <Key extends string>(choices: ReadonlyArray<Choice<Key>>): readonly Key[] =>
  choices.map((choice) => choice.key);

const labelOf =
  <Key extends string>(choices: ReadonlyArray<Choice<Key>>) =>
  (key: Key): string => {
    const choice = choices.find((candidate) => candidate.key === key);
    if (!choice) throw new RangeError(`Unknown choice: ${JSON.stringify(key)}`);
    return choice.label;
  };

const isOneOf =
  <Key extends string>(keys: readonly Key[]) =>
  (value: unknown): value is Key =>
    typeof value === "string" && (keys as readonly string[]).includes(value);

// ---------------------------------------------------------------------------------------
// R-1 The fund

export const PROGRAMME = {
  name: "Practitioners’ Toolkit pilot programme",
  year: "2009/10",
  totalFundPence: 90_000_000, // R-1 £900,000
  numberOfPilots: 9, // R-1 one per Government Office region
  maximumGrantPence: 10_000_000, // R-1 up to £100,000 each
} as const;

// ---------------------------------------------------------------------------------------
// R-2 The nine Government Office regions, in the order the programme lists them

export const REGIONS = [
  "North East",
  "North West",
  "Yorkshire and the Humber",
  "East Midlands",
  "West Midlands",
  "East of England",
  "London",
  "South East",
  "South West",
] as const;
export type Region = (typeof REGIONS)[number];
export const isRegion = isOneOf(REGIONS);

// ---------------------------------------------------------------------------------------
// R-3 R-4 The lead authority

// R-4 "metropolitan, district, county, unitary" in the invitation; London boroughs are the
// London region's own type.
export const AUTHORITY_TYPES = [
  { key: "metropolitan district", label: "Metropolitan district" },
  { key: "shire district", label: "Shire district" },
  { key: "shire county", label: "Shire county" },
  { key: "unitary", label: "Unitary authority" },
  { key: "london borough", label: "London borough" },
] as const satisfies ReadonlyArray<Choice>;
export type AuthorityType = (typeof AUTHORITY_TYPES)[number]["key"];
export const AUTHORITY_TYPE_KEYS = keysOf<AuthorityType>(AUTHORITY_TYPES);
export const isAuthorityType = isOneOf(AUTHORITY_TYPE_KEYS);
export const authorityTypeLabel = labelOf<AuthorityType>(AUTHORITY_TYPES);

// R-4 R-43 "A range of area (rural/urban)": mixed counts as neither in the spread.
export const SETTINGS = [
  { key: "rural", label: "Rural" },
  { key: "urban", label: "Urban" },
  { key: "mixed", label: "Mixed rural and urban" },
] as const satisfies ReadonlyArray<Choice>;
export type Setting = (typeof SETTINGS)[number]["key"];
export const SETTING_KEYS = keysOf<Setting>(SETTINGS);
export const isSetting = isOneOf(SETTING_KEYS);
export const settingLabel = labelOf<Setting>(SETTINGS);

// R-4 R-43 "those who may already have an established track record in customer service and
// wish to develop further, to those who are just starting out on their journey".
export const TRACK_RECORDS = [
  {
    key: "established",
    label: "Established track record",
    hint: "We already have an established track record in customer service and want to develop further",
  },
  {
    key: "starting-out",
    label: "Just starting out",
    hint: "We are just starting out on our journey to improve customer service",
  },
] as const satisfies ReadonlyArray<Choice>;
export type TrackRecord = (typeof TRACK_RECORDS)[number]["key"];
export const TRACK_RECORD_KEYS = keysOf<TrackRecord>(TRACK_RECORDS);
export const isTrackRecord = isOneOf(TRACK_RECORD_KEYS);
export const trackRecordLabel = labelOf<TrackRecord>(TRACK_RECORDS);

// R-3 Delivery partners come from the private, public and third sectors.
export const PARTNER_SECTORS = [
  { key: "private", label: "Private sector" },
  { key: "public", label: "Public sector" },
  { key: "third", label: "Third sector (including not for profit)" },
] as const satisfies ReadonlyArray<Choice>;
export type PartnerSector = (typeof PARTNER_SECTORS)[number]["key"];
export const PARTNER_SECTOR_KEYS = keysOf<PartnerSector>(PARTNER_SECTORS);
export const isPartnerSector = isOneOf(PARTNER_SECTOR_KEYS);
export const partnerSectorLabel = labelOf<PartnerSector>(PARTNER_SECTORS);

// ---------------------------------------------------------------------------------------
// R-5 The Toolkit's three themes

export const THEMES = [
  {
    key: "pledge",
    label: "The service and remedy pledge",
    hint: "Working to apply the five identified characteristics of good service and remedy provision to a service, service area, organisation or partnership",
  },
  {
    key: "frontline",
    label: "Importance of the frontline",
    hint: "Better facilitating the frontline to improve the service offered to the customer",
  },
  {
    key: "partnerships",
    label: "Customer-focused partnerships",
    hint: "Making sure partnership arrangements are customer focused and work for the benefit of the customer as well as the provider",
  },
] as const satisfies ReadonlyArray<Choice>;
export type Theme = (typeof THEMES)[number]["key"];
export const THEME_KEYS = keysOf<Theme>(THEMES);
export const isTheme = isOneOf(THEME_KEYS);
export const themeLabel = labelOf<Theme>(THEMES);

// R-5 What the service and remedy pledge applies to.
export const PLEDGE_SCOPES = [
  { key: "service", label: "A service" },
  { key: "service-area", label: "A service area" },
  { key: "organisation", label: "The organisation" },
  { key: "partnership", label: "A partnership" },
] as const satisfies ReadonlyArray<Choice>;
export type PledgeScope = (typeof PLEDGE_SCOPES)[number]["key"];
export const PLEDGE_SCOPE_KEYS = keysOf<PledgeScope>(PLEDGE_SCOPES);
export const isPledgeScope = isOneOf(PLEDGE_SCOPE_KEYS);
export const pledgeScopeLabel = labelOf<PledgeScope>(PLEDGE_SCOPES);

// R-3 R-5 Kinds of partnership arrangement, as the invitation lists them under
// customer-focused partnerships.
export const PARTNERSHIP_KINDS = [
  {
    key: "strategic",
    label: "Strategic partnership",
    hint: "For example, a local strategic partnership (LSP)",
  },
  {
    key: "delivery",
    label: "Delivery or contractual partnership",
    hint: "For example, contracted-out services",
  },
  { key: "co-located", label: "Co-located customer service arrangements" },
  {
    key: "integrated",
    label: "Integrated working arrangements",
    hint: "For example, one customer service contact shared between partners",
  },
] as const satisfies ReadonlyArray<Choice>;
export type PartnershipKind = (typeof PARTNERSHIP_KINDS)[number]["key"];
export const PARTNERSHIP_KIND_KEYS = keysOf<PartnershipKind>(PARTNERSHIP_KINDS);
export const isPartnershipKind = isOneOf(PARTNERSHIP_KIND_KEYS);
export const partnershipKindLabel = labelOf<PartnershipKind>(PARTNERSHIP_KINDS);

// ---------------------------------------------------------------------------------------
// R-6 Focus areas: a bid chooses at most one; three pilots are chosen to focus on them.

export const FOCUS_AREAS = [
  {
    key: "redundancy",
    label: "Support to those made redundant",
    hint: "Multi-agency support to better deliver services and remedy for people recently made redundant, working with partners including HM Revenue and Customs, Jobcentre Plus and the Learning and Skills Council to reduce repeat visits and duplicated information",
  },
  {
    key: "cse",
    label: "Customer Service Excellence",
    hint: "The links between the Practitioners’ Toolkit and the Government’s Customer Service Excellence standard, and how the two work together for their shared aims",
  },
  {
    key: "total-place",
    label: "Total Place",
    hint: "The links between the Practitioners’ Toolkit and the Total Place pilots, which drive service transformation through leadership and remove barriers to joint working",
  },
] as const satisfies ReadonlyArray<Choice>;
export type FocusArea = (typeof FOCUS_AREAS)[number]["key"];
export const FOCUS_AREA_KEYS = keysOf<FocusArea>(FOCUS_AREAS);
export const isFocusArea = isOneOf(FOCUS_AREA_KEYS);
export const focusAreaLabel = labelOf<FocusArea>(FOCUS_AREAS);

// ---------------------------------------------------------------------------------------
// R-7 The outputs every pilot commits to deliver

export const OUTPUTS = [
  { key: "A", title: "Report on using the Toolkit", text: "To write a report on their experience of using the Toolkit." },
  {
    key: "B",
    title: "Regional events and workshops",
    text: "To arrange, plan, design and deliver regional events and workshops to disseminate their learning.",
  },
  {
    key: "C",
    title: "Virtual peer support network",
    text: "To join and establish a ‘virtual’ peer support network of local authorities who share ideas and work together to overcome challenges; spread good practice and provide learning dissemination beyond the life of the pilot programme. This will initially be made up of pilot areas.",
  },
  {
    key: "D",
    title: "Impact assessment",
    text: "To contribute to and be involved in the development of an impact assessment of the use of the Toolkit detailing both the cost and resource impact.",
  },
  {
    key: "E",
    title: "Developing the Toolkit",
    text: "To assist in the further development of the Practitioners’ Toolkit using the findings from their pilot programme, to support other local authorities hoping to improve their customer services. (We will work with successful applicants to determine the process for this.)",
  },
  {
    key: "F",
    title: "Data for longer-term evaluation",
    text: "To contribute data and qualitative input to any longer term research and evaluation programme to assess the long term difference made by the pilot programme.",
  },
] as const;
export type OutputKey = (typeof OUTPUTS)[number]["key"];
export const OUTPUT_KEYS: readonly OutputKey[] = OUTPUTS.map((output) => output.key);
export const isOutputKey = isOneOf(OUTPUT_KEYS);

// ---------------------------------------------------------------------------------------
// R-8 The default timetable for a round (London calendar days; deadlines are the end of the
// day, see calendar.endOfDayLondon)

export interface Timetable {
  /** Expressions of interest close at the end of this day. */
  eoiClosingDate: string;
  /** Requests for a detailed application are sent by this day. */
  detailedApplicationRequestsBy: string;
  /** Detailed applications are due by the end of this day. */
  detailedApplicationsDue: string;
  /** Pilots must be able to begin by this day (the end of September 2009). */
  pilotsStartBy: string;
  /** The programme ends on this day. */
  programmeEnds: string;
}

export const DEFAULT_TIMETABLE: Readonly<Timetable> = Object.freeze({
  eoiClosingDate: "2009-07-17",
  detailedApplicationRequestsBy: "2009-08-03",
  detailedApplicationsDue: "2009-08-21",
  pilotsStartBy: "2009-09-30",
  programmeEnds: "2010-03-31",
});

// ---------------------------------------------------------------------------------------
// R-31 Customer service awards and reviews an authority may have undertaken

export const PAST_AWARDS = [
  { key: "customer-service-excellence", label: "Customer Service Excellence" },
  { key: "charter-mark", label: "Charter Mark" },
  { key: "investors-in-people", label: "Investors in People" },
  { key: "equality-standard", label: "Equality Standard for Local Government" },
  { key: "idea-peer-review", label: "IDeA peer review" },
  { key: "customer-first", label: "Customer First" },
  { key: "other", label: "Another award or review" },
] as const satisfies ReadonlyArray<Choice>;
export type PastAward = (typeof PAST_AWARDS)[number]["key"];
export const PAST_AWARD_KEYS = keysOf<PastAward>(PAST_AWARDS);
export const isPastAward = isOneOf(PAST_AWARD_KEYS);
export const pastAwardLabel = labelOf<PastAward>(PAST_AWARDS);

// R-31 The years a past award or review may be from: up to the programme year.
export const PAST_AWARD_YEARS = { earliest: 1990, latest: 2009 } as const;

// ---------------------------------------------------------------------------------------
// R-33 R-51 Categories of cost, for the EOI's cost breakdown and the detailed budget

export const COST_CATEGORIES = [
  { key: "staff", label: "Staff" },
  { key: "events-and-workshops", label: "Events and workshops" },
  { key: "consultancy-and-research", label: "Consultancy and research" },
  { key: "travel", label: "Travel" },
  { key: "materials-and-publicity", label: "Materials and publicity" },
  { key: "evaluation", label: "Evaluation" },
  { key: "other", label: "Other" },
] as const satisfies ReadonlyArray<Choice>;
export type CostCategory = (typeof COST_CATEGORIES)[number]["key"];
export const COST_CATEGORY_KEYS = keysOf<CostCategory>(COST_CATEGORIES);
export const isCostCategory = isOneOf(COST_CATEGORY_KEYS);
export const costCategoryLabel = labelOf<CostCategory>(COST_CATEGORIES);

// ---------------------------------------------------------------------------------------
// R-41 Assessment criteria for the sift, their default weights (percent) and the scale

export const ASSESSMENT_CRITERIA = [
  { number: 1, key: "toolkit-use", title: "Toolkit use", defaultWeight: 20 },
  { number: 2, key: "leadership", title: "Leadership and commitment", defaultWeight: 15 },
  {
    number: 3,
    key: "customers-and-improvement-plan",
    title: "Customers, stakeholders and the improvement plan",
    defaultWeight: 15,
  },
  { number: 4, key: "partners", title: "Working with partners", defaultWeight: 10 },
  { number: 5, key: "impact", title: "Impact on customers’ experience", defaultWeight: 10 },
  { number: 6, key: "regional-champion", title: "Regional champion and mentor", defaultWeight: 15 },
  { number: 7, key: "evaluation-and-learning", title: "Evaluation and learning", defaultWeight: 5 },
  {
    number: 8,
    key: "value-for-money-and-readiness",
    title: "Value for money and readiness",
    defaultWeight: 10,
  },
] as const;
export type CriterionKey = (typeof ASSESSMENT_CRITERIA)[number]["key"];
export const CRITERION_KEYS: readonly CriterionKey[] = ASSESSMENT_CRITERIA.map((criterion) => criterion.key);
export const isCriterionKey = isOneOf(CRITERION_KEYS);

export const DEFAULT_CRITERION_WEIGHTS: Readonly<Record<CriterionKey, number>> = Object.freeze(
  Object.fromEntries(ASSESSMENT_CRITERIA.map((criterion) => [criterion.key, criterion.defaultWeight])) as Record<
    CriterionKey,
    number
  >,
);

// R-41 The 0–4 scale.
export const SCORE_SCALE = [
  { score: 0, label: "No evidence" },
  { score: 1, label: "Weak" },
  { score: 2, label: "Adequate" },
  { score: 3, label: "Good" },
  { score: 4, label: "Strong" },
] as const;
export type Score = (typeof SCORE_SCALE)[number]["score"];
export const MAXIMUM_SCORE = 4;
export const isScore = (value: unknown): value is Score =>
  typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= MAXIMUM_SCORE;
export const scoreLabel = (score: Score): string => SCORE_SCALE[score].label;
