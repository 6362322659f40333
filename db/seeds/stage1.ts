// Demo: the world at stage 1 (issue 5, item 10). Forty of the demo world's authorities have an
// expression of interest: 31 submitted, 7 drafts and 2 withdrawn, over all nine regions
// and all five types of authority, with answers in the invitation's vocabulary that pass
// the section schemas and the 1,000-word outline. Newcastle upon Tyne and Camden
// are left without one: their demo officers try the applicant journey from scratch.
//
// Idempotent: an authority that already has an EOI in the round is left alone, and users are
// matched by email. Everything random (references, names, amounts, which hard copies have
// arrived) comes from one seeded generator, so two runs on empty databases agree.

import type { Knex } from "knex";
import { hashPassword } from "../../app/auth/password.server";
import { recordAudit } from "../../app/data/audit.server";
import { currentRound } from "../../app/data/rounds.server";
import { insertUser, normaliseEmail } from "../../app/data/users.server";
import { addDays, endOfDayLondon, londonDate } from "../../app/domain/calendar";
import { SECTION_IDS, type EoiAnswers, type SectionId } from "../../app/domain/eoi/sections";
import { formatMoney } from "../../app/domain/money";
import type { FocusArea, Theme } from "../../app/domain/programme";
import { EOI_REFERENCE_PREFIX, generateReference, seededRandom } from "../../app/domain/reference";
import { DEMO_PASSWORD, seedDemoWorld } from "./demo";

// ---------------------------------------------------------------------------------------
// Who bids, and what each bid is about

type Sector = "private" | "public" | "third";
type PartnershipKind = "strategic" | "delivery" | "co-located" | "integrated";
type Partner = [name: string, sector: Sector, kind: PartnershipKind];

export interface Stage1Bid {
  /** ONS code of the lead authority in db/seeds/authorities.ts. */
  code: string;
  /** Where the EOI has got to; a draft has this many sections completed, in order. */
  state: "submitted" | "withdrawn" | { draft: number };
  /** How the authority is named in its own text ("Sunderland", "County Durham"). */
  place: string;
  /** The slug of the fictional officer's email when the authority has no demo officer. */
  slug: string;
  /** The service or service area the pilot applies the Toolkit to. */
  service: string;
  /** One thing true of the place that the bid builds on. */
  detail: string;
  trackRecord: "established" | "starting-out";
  themes: Theme[];
  focus: FocusArea | "none";
  partners: Partner[];
}

const JCP: Partner = ["Jobcentre Plus", "public", "co-located"];
const HMRC: Partner = ["HM Revenue and Customs", "public", "integrated"];
const LSC: Partner = ["Learning and Skills Council", "public", "strategic"];

export const STAGE1_BIDS: readonly Stage1Bid[] = [
  // North East
  { code: "E08000024", state: "submitted", place: "Sunderland", slug: "sunderland", service: "the customer service network and its five customer service centres", detail: "Our customer service centres took 412,000 visits and calls last year, a third of them repeat contacts about the same request", trackRecord: "established", themes: ["pledge", "frontline"], focus: "none", partners: [["Sunderland Partnership", "public", "strategic"], ["Gentoo Group", "third", "delivery"]] },
  { code: "E06000047", state: "submitted", place: "County Durham", slug: "durham", service: "customer access across the new unitary council, bringing together the contact arrangements of the former county and seven district councils", detail: "Since becoming a unitary council in April 2009 we have inherited 14 customer access points and 11 telephone numbers", trackRecord: "starting-out", themes: ["pledge", "frontline", "partnerships"], focus: "total-place", partners: [["County Durham Primary Care Trust", "public", "strategic"], ["Durham Constabulary", "public", "strategic"], ["Durham Community Action", "third", "delivery"]] },
  { code: "E06000005", state: "submitted", place: "Darlington", slug: "darlington", service: "housing repairs and tenancy services", detail: "Housing repairs generate more complaints than any other council service, and half of them are about missed appointments", trackRecord: "established", themes: ["frontline"], focus: "none", partners: [] },
  { code: "E06000057", state: { draft: 4 }, place: "Northumberland", slug: "northumberland", service: "customer information centres in the market towns of the new unitary council", detail: "The new unitary council serves 310,000 people across 5,000 square kilometres", trackRecord: "starting-out", themes: ["pledge", "partnerships"], focus: "none", partners: [["Northumberland Care Trust", "public", "integrated"]] },
  // North West
  { code: "E08000003", state: "submitted", place: "Manchester", slug: "manchester", service: "revenues and benefits, including council tax and housing benefit enquiries", detail: "Manchester is one of the 13 Total Place pilot areas, mapping every pound of public money spent in the city", trackRecord: "established", themes: ["pledge", "partnerships"], focus: "total-place", partners: [["NHS Manchester", "public", "strategic"], ["Greater Manchester Police", "public", "strategic"], ["Manchester Alliance for Community Care", "third", "delivery"]] },
  { code: "E08000012", state: "submitted", place: "Liverpool", slug: "liverpool", service: "welfare rights and benefits advice in the city's One Stop Shops", detail: "More than 3,000 people in the city were made redundant between January and May 2009", trackRecord: "established", themes: ["frontline", "partnerships"], focus: "redundancy", partners: [JCP, HMRC, LSC, ["Liverpool Citizens Advice Partnership", "third", "delivery"]] },
  { code: "E10000006", state: "submitted", place: "Cumbria", slug: "cumbria", service: "adult social care's first point of contact", detail: "Half of our residents live in settlements of fewer than 3,000 people, and the nearest council office can be an hour's bus ride away", trackRecord: "starting-out", themes: ["frontline", "partnerships"], focus: "none", partners: [["Cumbria Primary Care Trust", "public", "integrated"], ["Age Concern Cumbria", "third", "delivery"]] },
  { code: "E07000028", state: "submitted", place: "Carlisle", slug: "carlisle", service: "waste, recycling and street cleaning enquiries", detail: "Since the 2005 floods our residents have told us plainly when services fall short, and we have learned to listen", trackRecord: "starting-out", themes: ["pledge"], focus: "none", partners: [["Riverside Carlisle", "third", "delivery"]] },
  { code: "E10000017", state: { draft: 9 }, place: "Lancashire", slug: "lancashire", service: "the county's customer service centre for highways and adult social care", detail: "Our customer service centre in Preston answers 1.2 million calls a year for the county council", trackRecord: "established", themes: ["pledge", "frontline"], focus: "none", partners: [["Lancashire Constabulary", "public", "strategic"]] },
  { code: "E07000123", state: "withdrawn", place: "Preston", slug: "preston", service: "planning and building control", detail: "Planning enquiries doubled during the regeneration of the city centre", trackRecord: "starting-out", themes: ["frontline"], focus: "none", partners: [] },
  // Yorkshire and the Humber
  { code: "E08000035", state: "submitted", place: "Leeds", slug: "leeds", service: "the corporate contact centre and the city's One Stop Centres", detail: "Leeds achieved the Customer Service Excellence standard for its contact centre in 2008, one of the first large councils to do so", trackRecord: "established", themes: ["pledge", "frontline", "partnerships"], focus: "cse", partners: [["Leeds Initiative", "public", "strategic"], ["Leeds Federated Housing Association", "third", "co-located"]] },
  { code: "E06000010", state: "submitted", place: "Hull", slug: "hull", service: "housing benefit and council tax support", detail: "Unemployment in the city has risen by 40% in a year as the port and manufacturing have shed jobs", trackRecord: "starting-out", themes: ["frontline", "partnerships"], focus: "redundancy", partners: [JCP, HMRC, LSC, ["Hull College", "public", "delivery"]] },
  { code: "E10000023", state: "submitted", place: "North Yorkshire", slug: "north-yorkshire", service: "the library and customer service points in market towns", detail: "We are the largest county in England, and a third of our residents live more than ten miles from a council office", trackRecord: "established", themes: ["pledge", "partnerships"], focus: "none", partners: [["Harrogate Borough Council", "public", "co-located"], ["Ryedale District Council", "public", "co-located"]] },
  { code: "E07000167", state: { draft: 2 }, place: "Ryedale", slug: "ryedale", service: "customer services at Ryedale House in Malton", detail: "Our 53,000 residents live in five market towns and more than a hundred villages", trackRecord: "starting-out", themes: ["frontline"], focus: "none", partners: [] },
  // East Midlands
  { code: "E06000018", state: "submitted", place: "Nottingham", slug: "nottingham", service: "the customer hub, which handles most council enquiries in one place", detail: "Our customer hub brought nine separate call centres together in 2007", trackRecord: "established", themes: ["pledge", "frontline"], focus: "cse", partners: [["One Nottingham", "public", "strategic"], ["Nottingham City Homes", "public", "integrated"]] },
  { code: "E06000016", state: "submitted", place: "Leicester", slug: "leicester", service: "housing options and homelessness advice", detail: "Leicester and Leicestershire are a Total Place pilot, looking at how public money flows across the city and county", trackRecord: "established", themes: ["partnerships"], focus: "total-place", partners: [["Leicestershire County Council", "public", "strategic"], ["Leicester City Primary Care Trust", "public", "strategic"], ["Action Homeless", "third", "delivery"]] },
  { code: "E10000019", state: "submitted", place: "Lincolnshire", slug: "lincolnshire", service: "school admissions and school transport", detail: "Every September we answer 9,000 calls about school places and transport in six weeks", trackRecord: "starting-out", themes: ["pledge"], focus: "none", partners: [["Lincolnshire Road Car", "private", "delivery"]] },
  { code: "E07000137", state: "submitted", place: "East Lindsey", slug: "east-lindsey", service: "benefits and council tax in the coastal towns", detail: "Seasonal work on the coast means many of our customers move between work and benefits several times a year", trackRecord: "starting-out", themes: ["frontline", "partnerships"], focus: "none", partners: [["Lincolnshire County Council", "public", "co-located"], ["Citizens Advice Lincolnshire", "third", "delivery"]] },
  { code: "E07000153", state: { draft: 10 }, place: "Kettering", slug: "kettering", service: "customer contact for revenues, benefits and environmental services", detail: "Kettering's population has grown by a tenth in ten years and our customer contact has grown faster", trackRecord: "starting-out", themes: ["pledge", "frontline"], focus: "none", partners: [["Kettering Borough Citizens Advice Bureau", "third", "delivery"]] },
  // West Midlands
  { code: "E08000025", state: "submitted", place: "Birmingham", slug: "birmingham", service: "neighbourhood offices and the Birmingham contact centre", detail: "Birmingham is a Total Place pilot and the largest local authority in Europe, with a million residents", trackRecord: "established", themes: ["pledge", "frontline", "partnerships"], focus: "total-place", partners: [["Be Birmingham", "public", "strategic"], ["Birmingham East and North Primary Care Trust", "public", "strategic"], ["Service Birmingham", "private", "delivery"]] },
  { code: "E08000026", state: "submitted", place: "Coventry", slug: "coventry", service: "the city's advice services and the Coventry Direct contact centre", detail: "The closure of two car plants has cost the city 2,400 jobs since autumn 2008", trackRecord: "established", themes: ["frontline", "partnerships"], focus: "redundancy", partners: [JCP, HMRC, LSC, ["Coventry Law Centre", "third", "delivery"]] },
  { code: "E10000028", state: "submitted", place: "Staffordshire", slug: "staffordshire", service: "adult social care information and advice", detail: "One in five calls to adult social care is from someone who has already called about the same need", trackRecord: "established", themes: ["frontline"], focus: "none", partners: [["South Staffordshire Primary Care Trust", "public", "integrated"]] },
  { code: "E07000221", state: "submitted", place: "Stratford-on-Avon", slug: "stratford-on-avon", service: "environmental health and licensing", detail: "Tourism brings five million visitors a year to the district and most of our licensing work with it", trackRecord: "starting-out", themes: ["pledge"], focus: "none", partners: [["Stratford Town Trust", "third", "strategic"]] },
  { code: "E06000051", state: { draft: 1 }, place: "Shropshire", slug: "shropshire", service: "customer service points in the new unitary council", detail: "Shropshire Council replaced the county council and five district councils in April 2009", trackRecord: "starting-out", themes: ["pledge", "partnerships"], focus: "none", partners: [["Shropshire Association of Local Councils", "third", "strategic"]] },
  // East of England
  { code: "E10000020", state: "submitted", place: "Norfolk", slug: "norfolk", service: "the Norfolk customer service centre and its telephone, web and face-to-face channels", detail: "Our customer service centre answers calls for the county council and two district councils", trackRecord: "established", themes: ["pledge", "frontline", "partnerships"], focus: "none", partners: [["Breckland Council", "public", "integrated"], ["South Norfolk Council", "public", "integrated"]] },
  { code: "E06000031", state: "submitted", place: "Peterborough", slug: "peterborough", service: "council tax, benefits and employment support", detail: "Peterborough's distribution and manufacturing employers announced 1,800 redundancies in the first half of 2009", trackRecord: "starting-out", themes: ["frontline", "partnerships"], focus: "redundancy", partners: [JCP, HMRC, LSC] },
  { code: "E07000008", state: "submitted", place: "Cambridge", slug: "cambridge", service: "the customer service centre at Mandela House", detail: "We have held Charter Mark since 2003 and are working towards Customer Service Excellence across every service", trackRecord: "established", themes: ["pledge"], focus: "cse", partners: [["Cambridgeshire County Council", "public", "co-located"]] },
  // London
  { code: "E09000023", state: "submitted", place: "Lewisham", slug: "lewisham", service: "Access Point, the borough's face-to-face customer service centre", detail: "Lewisham is a Total Place pilot, looking at the whole of public spending in the borough", trackRecord: "established", themes: ["pledge", "partnerships"], focus: "total-place", partners: [["NHS Lewisham", "public", "strategic"], ["Lewisham Homes", "public", "integrated"], ["Voluntary Action Lewisham", "third", "delivery"]] },
  { code: "E09000030", state: "submitted", place: "Tower Hamlets", slug: "tower-hamlets", service: "the borough's One Stop Shops and Idea Stores", detail: "Job losses in the City and at Canary Wharf are reaching the borough's residents in cleaning, catering and security work", trackRecord: "established", themes: ["frontline", "partnerships"], focus: "redundancy", partners: [JCP, HMRC, LSC, ["Tower Hamlets Council for Voluntary Service", "third", "delivery"]] },
  { code: "E09000003", state: "submitted", place: "Barnet", slug: "barnet", service: "the contact centre and online services", detail: "Two thirds of our residents now contact us by telephone or online, and they expect the same answer from both", trackRecord: "established", themes: ["pledge", "frontline"], focus: "cse", partners: [["Barnet Homes", "public", "integrated"]] },
  { code: "E09000008", state: { draft: 6 }, place: "Croydon", slug: "croydon", service: "housing needs and temporary accommodation", detail: "Croydon places more households in temporary accommodation than any other outer London borough", trackRecord: "starting-out", themes: ["frontline", "partnerships"], focus: "none", partners: [["Croydon Voluntary Action", "third", "delivery"]] },
  // South East
  { code: "E10000016", state: "submitted", place: "Kent", slug: "kent", service: "Kent Gateways, the customer service centres run with district councils and partners", detail: "Our Gateways bring the county council, district councils, the NHS and voluntary groups under one roof in seven towns", trackRecord: "established", themes: ["pledge", "frontline", "partnerships"], focus: "none", partners: [["Ashford Borough Council", "public", "co-located"], ["Kent Police", "public", "co-located"], ["Citizens Advice in Kent", "third", "co-located"]] },
  { code: "E06000043", state: "submitted", place: "Brighton and Hove", slug: "brighton-and-hove", service: "the customer service centres at Bartholomew House and Hove Town Hall", detail: "The city was assessed against Customer Service Excellence for its revenues service in 2009", trackRecord: "established", themes: ["pledge", "frontline"], focus: "cse", partners: [["Brighton and Hove Strategic Partnership", "public", "strategic"]] },
  { code: "E07000065", state: "submitted", place: "Wealden", slug: "wealden", service: "customer contact for planning, waste and council tax", detail: "Most of Wealden is rural, and a quarter of our residents are over 65", trackRecord: "starting-out", themes: ["frontline"], focus: "none", partners: [["Action in Rural Sussex", "third", "delivery"]] },
  { code: "E06000042", state: "submitted", place: "Milton Keynes", slug: "milton-keynes", service: "the customer service centre at the Civic Offices", detail: "Milton Keynes is growing faster than almost anywhere in England, with 2,000 new homes a year", trackRecord: "starting-out", themes: ["pledge", "partnerships"], focus: "none", partners: [["Milton Keynes Community Foundation", "third", "strategic"], ["Milton Keynes Partnership", "public", "strategic"]] },
  { code: "E07000110", state: "withdrawn", place: "Maidstone", slug: "maidstone", service: "the Gateway in King Street", detail: "Our Gateway opened in 2008 and already handles half of all face-to-face contact", trackRecord: "established", themes: ["partnerships"], focus: "none", partners: [["Kent County Council", "public", "co-located"]] },
  // South West
  { code: "E06000052", state: "submitted", place: "Cornwall", slug: "cornwall", service: "One Stop Shops across Cornwall, brought together under the new unitary council", detail: "Cornwall Council replaced the county council and six district councils in April 2009", trackRecord: "starting-out", themes: ["pledge", "frontline", "partnerships"], focus: "none", partners: [["Cornwall Rural Community Charity", "third", "delivery"], ["Devon and Cornwall Constabulary", "public", "strategic"]] },
  { code: "E06000023", state: "submitted", place: "Bristol", slug: "bristol", service: "the contact centre and the Citizen Service Point", detail: "Our Citizen Service Point in the city centre sees 1,500 people on a busy day", trackRecord: "established", themes: ["pledge", "frontline"], focus: "none", partners: [["Bristol Partnership", "public", "strategic"], ["Knowle West Media Centre", "third", "delivery"]] },
  { code: "E10000008", state: "submitted", place: "Devon", slug: "devon", service: "children's services and adult social care contact", detail: "Devon's customer service centre takes 60,000 calls a year for social care alone", trackRecord: "established", themes: ["frontline", "partnerships"], focus: "none", partners: [["NHS Devon", "public", "integrated"], ["Devon Partnership NHS Trust", "public", "integrated"]] },
  { code: "E06000026", state: { draft: 3 }, place: "Plymouth", slug: "plymouth", service: "the First Stop Shop at the Civic Centre", detail: "Our First Stop Shop serves the whole city from one building", trackRecord: "starting-out", themes: ["pledge"], focus: "none", partners: [] },
];

// The demo officers of these two authorities start their EOI from nothing.
export const LEFT_WITHOUT_AN_EOI = ["E08000021", "E09000007"] as const;

// ---------------------------------------------------------------------------------------
// Fictional people

const FIRST_NAMES = ["Alison", "Ben", "Catherine", "Daniel", "Eleanor", "Farah", "Gareth", "Hannah", "Ian", "Joanne", "Kieran", "Lucy", "Mohammed", "Nadia", "Oliver", "Pauline", "Rajesh", "Sian", "Tariq", "Ursula", "Vikram", "Wendy", "Yusuf", "Zoe", "Andrew", "Bernadette", "Colin", "Deborah", "Emeka", "Fiona", "Graham", "Harpreet"];
const LAST_NAMES = ["Armstrong", "Bailey", "Chaudhry", "Dawson", "Ellis", "Fletcher", "Gill", "Hughes", "Iqbal", "Jenkins", "Kaur", "Lawson", "McBride", "Nolan", "Okonkwo", "Parry", "Quinn", "Rowe", "Sutcliffe", "Thornton", "Underwood", "Varma", "Whitfield", "Young", "Ashworth", "Brennan", "Carver", "Doherty", "Eastwood", "Forsyth", "Greenhalgh", "Holroyd"];
const CONTACT_ROLES = ["Head of Customer Services", "Customer Access Manager", "Assistant Director, Customer Services", "Customer Service Improvement Manager", "Head of Customer Access and Transformation", "Corporate Customer Services Manager"];

// ---------------------------------------------------------------------------------------
// Writing the answers

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

interface Voice {
  bid: Stage1Bid;
  authorityName: string;
  region: string;
  council: string;
  /** A partner to name, or the voluntary sector when the bid has none. */
  partner: string;
  partnerNames: string;
}

const sentence = (text: string) => text.trim().replace(/\s+/g, " ");
const join = (...parts: Array<string | false | null | undefined>) => parts.filter(Boolean).map((part) => sentence(part as string)).join(" ");

function councilWord(authorityName: string): string {
  if (/County Council$/.test(authorityName)) return "the county council";
  if (/^London Borough/.test(authorityName)) return "the borough";
  if (/City Council$/.test(authorityName)) return "the city council";
  return "the council";
}

const THEME_SENTENCES: Record<Theme, Array<(v: Voice) => string>> = {
  pledge: [
    () => `We will apply the five characteristics of good service and remedy provision to the service, and publish a service and remedy pledge that says what customers can expect and what we will do when we get it wrong.`,
    () => `Our first task will be a service and remedy pledge for the service, tested against the Toolkit's five characteristics with customers before it is published.`,
    () => `The Toolkit's pledge self-assessment will show us where the service falls short of the five characteristics of good service and remedy provision, starting with how we put things right.`,
  ],
  frontline: [
    () => `We will use the frontline section to give our advisers the authority to resolve problems at the first contact rather than passing them on.`,
    () => `Frontline staff will lead the self-assessment: they hear every day where our processes fail customers, and the Toolkit gives us a structured way to act on what they know.`,
    () => `The importance of the frontline theme matters most to us: our advisers should be able to say yes, or explain why not, without referring customers elsewhere.`,
  ],
  partnerships: [
    (v) => `With ${v.partnerNames} we will use the customer-focused partnerships section to check that our joint arrangements work for customers and not only for the organisations.`,
    (v) => `Customers do not see the boundaries between us and ${v.partner}, so we will use the partnerships section to design one route for them through our shared services.`,
  ],
};

const TOOLKIT_OPENERS: Array<(v: Voice) => string> = [
  (v) => `We will use the whole of the Practitioners' Toolkit in ${v.bid.service}. ${v.bid.detail}.`,
  (v) => `${v.bid.detail}. We want to use the Toolkit in ${v.bid.service} to understand why, and to change it.`,
  (v) => `We propose to use the Toolkit first in ${v.bid.service} and then across ${v.council}. ${v.bid.detail}.`,
  (v) => `${v.bid.detail}. The Practitioners' Toolkit gives us a tested framework to improve ${v.bid.service} from the customer's point of view.`,
];

const LEADERSHIP: Array<(v: Voice) => string> = [
  (v) => `The chief executive will sponsor the pilot personally and chair a monthly customer board with the leader of the council and the cabinet member for customer services. Every director will own one improvement action, reported to the board. Our understanding of local needs comes from the 2008 Place Survey and ward profiles, which show that residents in ${v.bid.place} judge the council above all by how it handles their problems.`,
  () => `Customer service is one of the three priorities in our corporate plan and is led by the chief executive and the corporate management team. The cabinet member for customer services will champion the pilot with members, and each service head will have a customer service objective in their appraisal. Ward members will bring their casework to the pilot, which is often where failures first show.`,
  (v) => `Our chief executive has made the customer experience the test of every change programme, and the deputy chief executive will lead the pilot day to day. Elected members have asked for it: the overview and scrutiny committee's review of complaints in 2008 recommended a pledge to residents of ${v.bid.place}. We will report progress to every meeting of the cabinet.`,
  () => `Leadership will come from the top and from the frontline. The chief executive chairs the programme board; a network of customer champions, one in every team, will carry it into the organisation. We know our local needs from the Place Survey, our customer insight profiles and our complaints data, and we will use all three to choose where to start.`,
];

// A further sentence some bids add to an answer, so that no two outlines read alike.
const LEADERSHIP_MORE: Array<(v: Voice) => string> = [
  () => `Members have agreed to take part in the frontline workshops themselves, so that they hear customers' experiences first hand.`,
  (v) => `The leader of the council has written to every partner on the local strategic partnership asking them to support the pilot in ${v.bid.place}.`,
  () => `We will release staff time for the pilot even during our busiest months, because we believe the pledge will reduce demand in the long run.`,
  () => `Our corporate management team has already spent a day on the Toolkit's self-assessment and agreed that putting things right is our weakest area.`,
];

const IMPACT_MORE: Array<(v: Voice) => string> = [
  () => `We will also ask customers who complained in the last year whether they would now feel confident to complain again.`,
  () => `Frontline staff will record each time they resolve a problem they would previously have referred on, which gives us a simple measure of empowerment.`,
  (v) => `Results will be published on our website and in the residents' magazine, so that customers in ${v.bid.place} can hold us to the pledge.`,
];

const REGIONAL_MORE: Array<(v: Voice) => string> = [
  () => `Our customer service manager has mentored two neighbouring councils through service reviews in the last year and is ready to do more.`,
  () => `We will share not only what worked but what did not, because councils starting out learn most from honest accounts.`,
  (v) => `Several councils in ${v.region} have already asked to join our network if the bid succeeds.`,
];

const WORKING_WITH_CUSTOMERS: Array<(v: Voice) => string> = [
  (v) => `We will recruit a customer panel of around 40 residents who use the service, including people who have complained, and run workshops with them and with frontline staff to draft our pledges. Partners, including ${v.partner}, will test the pledges against what their clients tell them.`,
  () => `We will start with what customers already tell us: complaints, compliments and the comments left at our service points. Three listening events, one in each area committee, will test draft pledges with residents, and frontline staff will run the sessions alongside managers.`,
  (v) => `Mystery shopping and customer journey mapping with residents will show us where the service falls short. We will hold focus groups with groups we hear from least, including young people and disabled residents, and involve ${v.partner} in every session.`,
  () => `Frontline staff will co-design the pledges with customers in short, practical workshops held in our service points rather than in meeting rooms. Our citizens' panel will comment on the drafts, and we will publish what we changed as a result.`,
];

const IMPROVEMENT_PLAN: Array<(v: Voice) => string> = [
  () => `After the self-assessment we will draft an improvement plan with the customer board, with each action owned by a named manager, a date and a measure of success. We expect it to reduce avoidable contact and repeat complaints within a year.`,
  () => `The improvement plan will set out the issues the Toolkit highlights, what we will do about each, who is responsible and by when. Customers on the panel will agree the priorities, and the plan will be reviewed every quarter.`,
  () => `We will turn the findings into a short improvement plan for the service, in the service improvement plan format, and agree it with frontline staff before it goes to cabinet. Its first aim is to put things right for customers faster.`,
];

const DELIVERING_WITH_PARTNERS: Array<(v: Voice) => string> = [
  (v) => `Improvements will be delivered with ${v.partnerNames}. Where a customer's problem crosses organisations, we will agree who owns it, so the customer tells their story once. Third sector partners will help us reach people who do not come to us.`,
  (v) => `We will deliver the improvements through our existing partnership arrangements, working with ${v.partnerNames}, and with customers as partners too: panel members will check that changes have happened as promised.`,
  (v) => `The local strategic partnership has agreed to adopt the pledge for its shared services. With ${v.partner} we will train frontline staff together, share information about customers with their consent and set common standards for putting things right.`,
];

const IMPACT: Array<(v: Voice) => string> = [
  () => `We will measure avoidable contact (National Indicator 14), repeat complaints and the time taken to put things right, before and after the pilot, and repeat our customer satisfaction survey. Customers' own stories, gathered by the panel, will show what changed for them.`,
  () => `A baseline survey of the service's customers in October 2009 will be repeated in March 2010. We will also track first-contact resolution, complaints upheld and compliments, and publish the results to residents.`,
  () => `We will show impact through three measures agreed with customers: how often problems are resolved at first contact, how quickly we put things right when they are not, and how satisfied customers are with the remedy. Staff surveys will show whether the frontline feels more able to help.`,
];

const REGIONAL_CHAMPION: Array<(v: Voice) => string> = [
  (v) => `As regional champion for ${v.region} we will work through the Regional Improvement and Efficiency Partnership to offer peer support to other councils, share our self-assessment tools and host visits to see the pilot in practice.`,
  (v) => `We already lead the ${v.region} customer service managers' network, which brings together most councils in the region. We will use it to mentor councils starting out, pairing each with one of our managers.`,
  (v) => `We will offer every council in ${v.region} a half-day mentoring visit from our pilot team and make our pledge, workshop plans and measures freely available for others to adapt.`,
];

const DISSEMINATION: Array<(v: Voice) => string> = [
  () => `We will run two regional workshops, one halfway through and one at the end, and set up a virtual peer support network with the other pilots.`,
  () => `Learning will be shared through a regional event in early 2010, short case studies after each stage, and an online peer forum for practitioners.`,
  () => `We will design the dissemination with other councils: a launch event, quarterly webinars and a shared workspace where practitioners can ask questions of our frontline staff.`,
];

const TRACKING: Array<(v: Voice) => string> = [
  () => `A monthly dashboard will track the impact measures, reported to the customer board. Our performance team will collect the data; an independent evaluation at the end of the pilot will look at longer-term outcomes.`,
  () => `We will set baselines in September 2009 and track outcomes monthly, with a fuller review at six months. Longer-term outcomes will be followed through the Place Survey and our complaints data.`,
  () => `The pilot team and our performance and intelligence unit will collect the measures. Immediate outcomes will be reported quarterly; longer-term outcomes will be checked a year after the pilot ends.`,
];

const LEARNING: Array<(v: Voice) => string> = [
  () => `Staff and customers will keep short learning logs after each stage. We will turn them into proposals to improve the Toolkit and share them across the region.`,
  () => `We will hold a review after each stage of the Toolkit to record what worked, what did not and what we would change, and feed this to CLG for the Toolkit's next version.`,
  () => `Our learning will be captured in case studies written with frontline staff, so that other councils hear from practitioners and not only from managers.`,
];

const FOCUS_REASONS: Record<FocusArea, Array<(v: Voice) => string>> = {
  redundancy: [
    (v) => `${v.bid.detail}. We will test a single multi-agency offer for people recently made redundant, with Jobcentre Plus, HM Revenue and Customs and the Learning and Skills Council, so that people give their information once and get benefits, tax and retraining advice in one visit.`,
    (v) => `${v.bid.detail}. With Jobcentre Plus's rapid response service, HMRC and the Learning and Skills Council we will test joint sessions at the workplace when redundancies are announced, and measure how many repeat visits we avoid.`,
  ],
  cse: [
    (v) => `${v.bid.detail}. We will test how the Toolkit and the Customer Service Excellence standard work together, mapping the Toolkit's characteristics to the standard's criteria so that evidence gathered for one supports the other.`,
    (v) => `${v.bid.detail}. We want to show other councils how the Toolkit can prepare a service for Customer Service Excellence, and how the standard can keep the Toolkit's improvements in place.`,
  ],
  "total-place": [
    (v) => `${v.bid.detail}. We will test how the Toolkit's customer focus can shape the service redesign that Total Place proposes, starting with customers who are in touch with several public bodies at once.`,
    (v) => `${v.bid.detail}. The Toolkit will bring the customer's view into our Total Place work, testing whether one pledge across public services in the area is possible.`,
  ],
};

const VALUE_FOR_MONEY: Array<(v: Voice) => string> = [
  (v) => `Most of the CLG grant pays for the project lead and frontline time; ${v.council} meets management and accommodation costs. Workshops use free venues, and the evaluation is shared with partners.`,
  () => `The pilot builds on work we already fund, so the grant pays only for what is new: the project team, customer research and the regional events. Reducing avoidable contact will save more than the pilot costs within two years.`,
  () => `We have kept consultancy to a minimum and will use our own staff wherever we can. Partners contribute staff time and venues, and the tools we develop will be free to every council in the region.`,
];

const CHIEF_EXECUTIVE: Array<(v: Voice) => string> = [
  (v) => `I am personally committed to this pilot. Our residents in ${v.bid.place} deserve services that get things right first time and put things right quickly when they do not. I will chair the customer board, and I expect every director to play their part in embedding customer focus throughout the culture of ${v.council}.`,
  () => `Improving customer service is central to everything this authority does. I will make sure the pilot has the leadership, the people and the time it needs, and that what we learn changes how the whole organisation works, not one service alone.`,
  () => `As chief executive I want customer focus to be part of how every member of staff thinks about their job. The pilot will help us get there, and I am pleased to commit the authority to it and to sharing what we learn with others.`,
];

const LEARNING_NOTE: Array<(v: Voice) => string> = [
  (v) => `We will identify learning outcomes at the start of the pilot, agreeing with CLG and our customer board what we want to find out: whether a pledge changes behaviour at the frontline, what it costs to put things right sooner, and what customers value most. As regional champion for ${v.region} we will share this learning through the regional improvement partnership, a practitioners' workshop in each sub-region and a virtual network of customer service managers. We will plan and deliver this ourselves, with a named officer responsible for the regional role.`,
  () => `Learning will be captured as we go rather than at the end. After each stage, the pilot team, frontline staff and customer panel members will record what worked and what did not. We will turn this into short practical guides for other councils and present them at regional events. Our regional champion role will be led by the head of customer services, who already chairs the regional customer service network.`,
  () => `We will agree learning questions with the other pilots and with CLG, so that our findings can be compared. Our performance team will gather evidence against them and our communications team will turn it into case studies. We will mentor at least three councils in the region through their own use of the Toolkit, and share our materials openly.`,
];

const READINESS: Array<(v: Voice) => string> = [
  () => `We are ready to begin in September 2009. The project lead has been identified and can start immediately; the customer board is already in place; and frontline staff have been briefed. The main risk is staff time during the council tax and benefits peak, which we will manage by scheduling workshops outside peak weeks and funding backfill. A second risk, delay in recruiting the customer panel, is reduced by using our existing citizens' panel as a starting point.`,
  () => `Resources are in place: a project manager seconded from our transformation team, analyst support from the performance team and a budget for customer research. The risks are competing priorities during local government reorganisation and the loss of key staff; the programme board will review both monthly, and deputies are named for every role.`,
  () => `We can begin by the end of September 2009. The chief executive has approved the pilot, the project team is drawn from existing staff, and our partners have confirmed their involvement. We have identified risks to the timetable, including procurement of the evaluation and the availability of partners' staff, and have a mitigation for each in our project plan.`,
];

const LINKS: Array<(v: Voice) => string> = [
  () => `We are not a Total Place pilot, but we are working with neighbouring councils on shared customer access. We intend to apply for Customer Service Excellence for our contact centre in 2010, and will use the Toolkit to prepare. The pilot links with our Tell Us Once work and our efficiency programme.`,
  () => `The pilot will link with our Customer Service Excellence work, which we began in 2008, and with the local area agreement's target on avoidable contact. We also receive funding through the Working Neighbourhoods Fund, and the pilot will support that programme's neighbourhood services.`,
  () => `Our transformation programme is redesigning customer access across the authority, and the pilot will give it a customer standard to work to. We hold Customer Service Excellence for two services and will extend it as the pilot progresses. We are part of the regional Total Place learning network.`,
];

// ---------------------------------------------------------------------------------------
// Costs

interface CostIdea {
  description: string;
  category: "staff" | "events-and-workshops" | "consultancy-and-research" | "travel" | "materials-and-publicity" | "evaluation" | "other";
  weight: number;
}

const CLG_COSTS: readonly CostIdea[] = [
  { description: "Pilot project lead (0.8 full-time equivalent, 12 months)", category: "staff", weight: 5 },
  { description: "Backfill for frontline staff attending Toolkit workshops", category: "staff", weight: 3 },
  { description: "Customer insight research and mystery shopping", category: "consultancy-and-research", weight: 2 },
  { description: "Two regional events and workshops", category: "events-and-workshops", weight: 2 },
  { description: "Independent evaluation", category: "evaluation", weight: 2 },
  { description: "Virtual peer support network set-up and hosting", category: "other", weight: 1 },
  { description: "Pledge materials in accessible formats and community languages", category: "materials-and-publicity", weight: 1 },
  { description: "Travel to regional and national learning events", category: "travel", weight: 1 },
];

const roundTo = (pence: number, step: number) => Math.round(pence / step) * step;

function costLines(random: Random, voice: Voice): Array<Record<string, string>> {
  const clgRequest = roundTo(4_000_000 + random() * 6_000_000, 50_000); // R-33 £40,000 to £100,000, in £500s
  const count = 2 + Math.floor(random() * 4); // 2 to 5 lines funded by CLG
  const chosen = [CLG_COSTS[0]!, ...[...CLG_COSTS.slice(1)].sort(() => random() - 0.5).slice(0, count - 1)];
  const totalWeight = chosen.reduce((sum, idea) => sum + idea.weight, 0);
  let left = clgRequest;
  const lines = chosen.map((idea, index) => {
    const pence = index === chosen.length - 1 ? left : roundTo((clgRequest * idea.weight) / totalWeight, 25_000);
    left -= pence;
    return { description: idea.description, category: idea.category, amount: formatMoney(pence), fundedBy: "clg" };
  });
  // About half of the bids also name other sources.
  const others: Array<Record<string, string>> = [];
  if (random() < 0.55) {
    others.push({ description: "Management and accommodation costs met by the lead authority", category: "staff", amount: formatMoney(roundTo(500_000 + random() * 2_000_000, 50_000)), fundedBy: "other", otherSource: voice.authorityName });
  }
  if (random() < 0.3) {
    others.push({ description: "Contribution to the regional events", category: "events-and-workshops", amount: formatMoney(roundTo(200_000 + random() * 600_000, 50_000)), fundedBy: "other", otherSource: `${voice.region} Improvement and Efficiency Partnership` });
  }
  if (random() < 0.25 && voice.bid.partners.length) {
    others.push({ description: "Partner staff time on joint training", category: "staff", amount: formatMoney(roundTo(200_000 + random() * 800_000, 50_000)), fundedBy: "other", otherSource: voice.bid.partners[0]![0] });
  }
  return [...lines, ...others];
}

function pastAwards(random: Random, trackRecord: Stage1Bid["trackRecord"]): { hasPastAwards: "yes" | "no"; pastAwards?: Array<Record<string, string>> } {
  const established = [
    { award: "customer-service-excellence", year: "2009", outcome: "Achieved, with two compliance plus" },
    { award: "charter-mark", year: "2006", outcome: "Achieved and renewed each year until 2008" },
    { award: "investors-in-people", year: "2007", outcome: "Achieved; reassessed in 2009" },
    { award: "equality-standard", year: "2008", outcome: "Level 3" },
    { award: "idea-peer-review", year: "2007", outcome: "Completed; customer focus named as a strength" },
    { award: "customer-first", year: "2005", outcome: "Achieved" },
  ];
  if (trackRecord === "established") {
    const chosen = [...established].sort(() => random() - 0.5).slice(0, 1 + Math.floor(random() * 3));
    return { hasPastAwards: "yes", pastAwards: chosen };
  }
  if (random() < 0.5) return { hasPastAwards: "no" };
  return { hasPastAwards: "yes", pastAwards: [{ award: "investors-in-people", year: "2008", outcome: "Achieved" }] };
}

// ---------------------------------------------------------------------------------------
// One bid's answers

function partnerNames(partners: readonly Partner[]): string {
  const names = partners.map(([name]) => name);
  if (names.length === 0) return "voluntary and community groups";
  if (names.length === 1) return names[0]!;
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

/** R-31 Complete answers for every section, in the bid's own words. */
export function stage1Answers(bid: Stage1Bid, authority: { name: string; region: string; type: string; setting: string }, random: Random, contact: { name: string; role: string; email: string; phone: string }, chiefExecutive: string): EoiAnswers {
  const voice: Voice = { bid, authorityName: authority.name, region: authority.region, council: councilWord(authority.name), partner: bid.partners[0]?.[0] ?? "voluntary and community groups", partnerNames: partnerNames(bid.partners) };
  const say = (pool: Array<(v: Voice) => string>) => sentence(pick(random, pool)(voice));
  const themeText = bid.themes.map((theme) => say(THEME_SENTENCES[theme])).join(" ");
  const hasPartners = bid.partners.length > 0;
  return {
    "about-the-bid": {
      region: authority.region,
      authorityType: authority.type,
      setting: authority.setting,
      trackRecord: bid.trackRecord,
      hasPartners: hasPartners ? "yes" : "no",
      ...(hasPartners ? { partners: bid.partners.map(([name, sector, kind]) => ({ name, sector, kind })) } : {}),
      contactName: contact.name,
      contactRole: contact.role,
      contactEmail: contact.email,
      contactPhone: contact.phone,
    },
    "toolkit-use": {
      themes: bid.themes,
      ...(bid.themes.includes("pledge") ? { pledgeScope: pick(random, ["service", "service-area", "organisation", "partnership"] as const) } : {}),
      ...(bid.themes.includes("partnerships") ? { partnershipKinds: [...new Set(bid.partners.map(([, , kind]) => kind).concat("strategic"))] } : {}),
      toolkitUse: join(say(TOOLKIT_OPENERS), themeText),
    },
    leadership: { leadership: join(say(LEADERSHIP), random() < 0.6 && say(LEADERSHIP_MORE)) },
    "customers-and-improvement-plan": { workingWithCustomers: say(WORKING_WITH_CUSTOMERS), improvementPlan: say(IMPROVEMENT_PLAN) },
    "delivering-with-partners": { deliveringWithPartners: say(DELIVERING_WITH_PARTNERS) },
    impact: { impact: join(say(IMPACT), random() < 0.6 && say(IMPACT_MORE)) },
    "regional-champion": { regionalChampion: join(say(REGIONAL_CHAMPION), random() < 0.6 && say(REGIONAL_MORE)), dissemination: say(DISSEMINATION) },
    "evaluation-and-learning": { trackingOutcomes: say(TRACKING), learningOutcomes: say(LEARNING) },
    "focus-area": bid.focus === "none" ? { focusArea: "none" } : { focusArea: bid.focus, focusAreaReason: say(FOCUS_REASONS[bid.focus]) },
    "supporting-documents": {
      costs: costLines(random, voice),
      valueForMoney: say(VALUE_FOR_MONEY),
      chiefExecutiveName: chiefExecutive,
      chiefExecutiveStatement: say(CHIEF_EXECUTIVE),
      learningOutcomesNote: say(LEARNING_NOTE),
      readiness: say(READINESS),
      links: say(LINKS),
      ...pastAwards(random, bid.trackRecord),
    },
  };
}

/** A draft: the first `completed` sections answered and marked complete, the next one begun. */
function draftAnswers(answers: EoiAnswers, completed: number): { answers: EoiAnswers; markedComplete: Partial<Record<SectionId, boolean>> } {
  const kept: Partial<Record<SectionId, Record<string, unknown>>> = {};
  const markedComplete: Partial<Record<SectionId, boolean>> = {};
  SECTION_IDS.forEach((id, index) => {
    if (index < completed) {
      kept[id] = { ...answers[id] };
      markedComplete[id] = true;
    } else if (index === completed) {
      // Begun but not finished: the first question only.
      const first = Object.entries(answers[id] ?? {})[0];
      if (first) kept[id] = { [first[0]]: first[1] };
      markedComplete[id] = false;
    }
  });
  return { answers: kept, markedComplete };
}

// ---------------------------------------------------------------------------------------
// Putting the world at stage 1

const WITHDRAWAL_REASONS: Record<string, string> = {
  E07000123: "The council's cabinet has decided to concentrate on its own customer access review this year and cannot release the staff the pilot needs.",
  E07000110: "Kent County Council has bid for the South East with our Gateway as a partner, so we are withdrawing our own bid to support theirs.",
};

export interface Stage1Result {
  created: number;
  submitted: number;
  drafts: number;
  withdrawn: number;
}

const toIso = (ms: number) => new Date(Math.round(ms)).toISOString();

/**
 * Puts the demo world at stage 1 (seeding the base demo world first if needed). EOIs are
 * started, submitted and withdrawn between the round's opening and `now` (or its close, if
 * that is earlier); hard copies arrive after submission; one draft has an extended deadline.
 */
export async function seedStage1(db: Knex, now: Date): Promise<Stage1Result> {
  await seedDemoWorld(db, now);
  const round = await currentRound(db);
  if (!round) throw new Error("The demo world has no round");
  const random = seededRandom(20090717);
  const opensAt = new Date(round.eoiOpensAt).getTime();
  const closesAt = new Date(round.eoiClosesAt).getTime();
  const endsAt = now.getTime() > opensAt ? Math.min(now.getTime(), closesAt) : closesAt;
  const span = Math.max(endsAt - opensAt, 60_000);
  const manager = await db("users").where({ role: "programme_manager" }).orderBy("id").first("id");
  let passwordHash: string | null = null;
  const result: Stage1Result = { created: 0, submitted: 0, drafts: 0, withdrawn: 0 };
  const takenReferences = new Set((await db("eois").whereNotNull("reference").select("reference")).map((row) => String(row.reference)));
  // The order the bids were submitted in: the list's, shuffled by the generator.
  const submitting = STAGE1_BIDS.filter((bid) => bid.state === "submitted" || bid.state === "withdrawn")
    .map((bid) => ({ bid, key: random() }))
    .sort((a, b) => a.key - b.key)
    .map(({ bid }) => bid);

  // Everything random is drawn for every bid, whether or not it is created, so that the
  // world is the same however many of the bids a database already had.
  const plans = STAGE1_BIDS.map((bid, index) => {
    const contact = `${pick(random, FIRST_NAMES)} ${pick(random, LAST_NAMES)}`;
    const officer = `${pick(random, FIRST_NAMES)} ${pick(random, LAST_NAMES)}`;
    const chiefExecutive = `${pick(random, FIRST_NAMES)} ${pick(random, LAST_NAMES)}`;
    const role = pick(random, CONTACT_ROLES);
    const order = submitting.indexOf(bid);
    // Submissions spread evenly over the later two thirds of the window; starts come before them.
    const slot = order === -1 ? random() : (order + 1) / (submitting.length + 1);
    const submittedAt = opensAt + span * (0.3 + 0.65 * slot);
    const startedAt = opensAt + (submittedAt - opensAt) * (0.1 + 0.5 * random());
    const hardCopy = random() < 0.45;
    const hardCopyAt = submittedAt + (endsAt - submittedAt) * random();
    const withdrawnAt = submittedAt + (endsAt - submittedAt) * (0.5 + 0.4 * random());
    const phone = `01632 960 ${String(100 + index * 17).padStart(3, "0")}`;
    return { bid, contact, officer, chiefExecutive, role, submittedAt, startedAt, hardCopy, hardCopyAt, withdrawnAt, phone, seed: Math.floor(random() * 2 ** 31) };
  });

  await db.transaction(async (trx) => {
    for (const plan of plans) {
      const { bid } = plan;
      const authority = await trx("authorities").where({ code: bid.code }).first("id", "name", "region", "type", "setting");
      if (!authority) continue;
      if (await trx("eois").where({ round_id: round.id, authority_id: authority.id }).first("id")) continue;

      // The officer: the authority's demo officer, or a fictional one.
      let officer = await trx("users").where({ authority_id: authority.id, role: "applicant" }).orderBy("id").first("id", "email");
      if (!officer) {
        const email = normaliseEmail(`officer@${bid.slug}.example.gov.uk`);
        const existing = await trx("users").where({ email }).first("id", "email");
        if (existing) officer = existing;
        else {
          passwordHash ??= await hashPassword(DEMO_PASSWORD);
          const id = await insertUser(trx, { email, name: plan.officer, role: "applicant", authorityId: Number(authority.id), passwordHash, at: new Date(plan.startedAt) });
          officer = { id, email };
        }
      }
      const officerId = Number(officer.id);

      const [first, last] = plan.contact.split(" ");
      const contact = { name: plan.contact, role: plan.role, email: `${first!.toLowerCase()}.${last!.toLowerCase()}@${bid.slug}.example.gov.uk`, phone: plan.phone };
      const full = stage1Answers(bid, authority, seededRandom(plan.seed), contact, plan.chiefExecutive);
      const isDraft = typeof bid.state === "object";
      const { answers, markedComplete } = isDraft
        ? draftAnswers(full, (bid.state as { draft: number }).draft)
        : { answers: full, markedComplete: Object.fromEntries(SECTION_IDS.map((id) => [id, true])) as Partial<Record<SectionId, boolean>> };
      const saved = SECTION_IDS.filter((id) => answers[id]);
      const startedAt = toIso(plan.startedAt);
      const lastSaveAt = isDraft ? toIso(plan.startedAt + (endsAt - plan.startedAt) * 0.5) : toIso(plan.submittedAt - 60_000);

      let reference: string | null = null;
      if (!isDraft) {
        do reference = generateReference(EOI_REFERENCE_PREFIX, random);
        while (takenReferences.has(reference));
        takenReferences.add(reference);
      }
      const withdrawn = bid.state === "withdrawn";
      const [row] = await trx("eois")
        .insert({
          round_id: round.id,
          authority_id: authority.id,
          status: isDraft ? "draft" : withdrawn ? "withdrawn" : "submitted",
          reference,
          answers_json: JSON.stringify(answers),
          completed_json: JSON.stringify(markedComplete),
          section_versions_json: JSON.stringify(Object.fromEntries(saved.map((id) => [id, 1]))),
          version: saved.length + Object.keys(markedComplete).length,
          created_by: officerId,
          created_at: startedAt,
          updated_at: isDraft ? lastSaveAt : toIso(withdrawn ? plan.withdrawnAt : plan.submittedAt),
          submitted_by: isDraft ? null : officerId,
          submitted_at: isDraft ? null : toIso(plan.submittedAt),
          withdrawn_at: withdrawn ? toIso(plan.withdrawnAt) : null,
          withdrawn_reason: withdrawn ? WITHDRAWAL_REASONS[bid.code] ?? "The authority asked to withdraw." : null,
          hard_copy_received_at: !isDraft && plan.hardCopy ? londonDate(new Date(plan.hardCopyAt)) : null,
        })
        .returning("id");
      const eoiId = Number(typeof row === "object" ? row.id : row);

      // R-30 R-34 Each section's first save, so the officers' concurrency checks have a base.
      for (const sectionId of saved) {
        await trx("eoi_section_saves").insert({ eoi_id: eoiId, section_id: sectionId, section_version: 1, outcome: "saved", answers_json: JSON.stringify(answers[sectionId]), saved_by: officerId, saved_at: lastSaveAt });
      }

      // R-21 The EOI's milestones in the audit log, as the journey would have written them.
      await recordAudit(trx, { actorUserId: officerId, action: "eoi.started", entityType: "eoi", entityId: eoiId, after: { authorityId: Number(authority.id), roundId: round.id }, at: new Date(startedAt) });
      if (!isDraft) {
        await recordAudit(trx, { actorUserId: officerId, action: "eoi.submitted", entityType: "eoi", entityId: eoiId, before: { status: "draft" }, after: { status: "submitted", reference }, at: new Date(plan.submittedAt) });
        if (plan.hardCopy) {
          await recordAudit(trx, { actorUserId: manager ? Number(manager.id) : null, action: "eoi.hard-copy-received", entityType: "eoi", entityId: eoiId, before: { hardCopyReceivedAt: null }, after: { hardCopyReceivedAt: londonDate(new Date(plan.hardCopyAt)) }, at: new Date(plan.hardCopyAt) });
        }
      }
      if (withdrawn) {
        await recordAudit(trx, { actorUserId: officerId, action: "eoi.withdrawn", entityType: "eoi", entityId: eoiId, before: { status: "submitted" }, after: { status: "withdrawn", reason: WITHDRAWAL_REASONS[bid.code] }, at: new Date(plan.withdrawnAt) });
      }
      // R-35 Lancashire asked for a week more: its deadline is extended.
      if (bid.code === "E10000017") {
        const extendedTo = endOfDayLondon(addDays(londonDate(new Date(closesAt)), 7)).toISOString();
        await trx("eois").where({ id: eoiId }).update({ deadline_extended_to: extendedTo });
        await recordAudit(trx, { actorUserId: manager ? Number(manager.id) : null, action: "eoi.deadline-extended", entityType: "eoi", entityId: eoiId, before: { deadlineExtendedTo: null }, after: { deadlineExtendedTo: extendedTo }, at: new Date(lastSaveAt) });
      }

      result.created += 1;
      if (isDraft) result.drafts += 1;
      else if (withdrawn) result.withdrawn += 1;
      else result.submitted += 1;
    }
  });
  return result;
}
