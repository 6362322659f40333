// R-63 The Customer Service Excellence standard as data: its 5 criteria, 15 sub-criteria and 57
// elements, each element's text and the standard's guidance on the evidence for it, exactly as
// they stand in the appendix of seeds/001_d75f00f2c409d4c5.txt (extracted once by hand-checked
// script; the unit test reads the seed and fails on any text that is not in it). The seed's OCR
// writes criterion 1 as "I" ("I.1.1"); the ids here use the digit ("1.1.1").
// The CSE-focus pilot maps its evidence to these elements; cseCoverage counts what is covered.

export interface CseCriterion {
  number: number;
  title: string;
}

export interface CseSubCriterion {
  /** "1.2" */
  id: string;
  criterion: number;
  title: string;
}

export interface CseElement {
  /** "1.2.3": criterion, sub-criterion, element. */
  id: string;
  /** "1.2" */
  subCriterion: string;
  /** The element, in the standard's words ("We have …"). */
  text: string;
  /** The standard's guidance on what evidence shows the element, one point a line. */
  guidance: readonly string[];
}

export const CSE_CRITERIA: readonly CseCriterion[] = [
  { number: 1, title: "Customer Insight" },
  { number: 2, title: "The Culture of the Organisation" },
  { number: 3, title: "Information and Access" },
  { number: 4, title: "Delivery" },
  { number: 5, title: "Timeliness and Quality of Service" },
];

export const CSE_SUB_CRITERIA: readonly CseSubCriterion[] = [
  { id: "1.1", criterion: 1, title: "Customer Identification" },
  { id: "1.2", criterion: 1, title: "Engagement and Consultation" },
  { id: "1.3", criterion: 1, title: "Customer Satisfaction" },
  { id: "2.1", criterion: 2, title: "Leadership, Policy and Culture" },
  { id: "2.2", criterion: 2, title: "Staff Professionalism and Attitude" },
  { id: "3.1", criterion: 3, title: "Range of Information" },
  { id: "3.2", criterion: 3, title: "Quality of Information" },
  { id: "3.3", criterion: 3, title: "Access" },
  { id: "3.4", criterion: 3, title: "Co-operative working with other providers, partners and communities" },
  { id: "4.1", criterion: 4, title: "Delivery standards" },
  { id: "4.2", criterion: 4, title: "Achieved Delivery and Outcomes" },
  { id: "4.3", criterion: 4, title: "Deal effectively with problems" },
  { id: "5.1", criterion: 5, title: "Standards for Timeliness and Quality" },
  { id: "5.2", criterion: 5, title: "Timely Outcomes" },
  { id: "5.3", criterion: 5, title: "Achieved Timely Delivery" },
];

// prettier-ignore
export const CSE_ELEMENTS: readonly CseElement[] = [
  {
    id: "1.1.1", subCriterion: "1.1",
    text: "We have an in-depth understanding of the characteristics of our current and potential customer groups based on recent and reliable information.",
    guidance: [
      "A profile of the organisation's main customer groups and their characteristics.",
      "Details of how these groups were segmented and classified.",
      "Details on the frequency and reliability of the research to identify customer groups.",
    ],
  },
  {
    id: "1.1.2", subCriterion: "1.1",
    text: "We have developed customer insight about our customer groups to better understand their needs and preferences.",
    guidance: [
      "Methods and approaches used for developing understanding, such as focus groups, one-to-one interviews, surveys, observation, customer journey mapping and other ways of collecting information about customers.",
      "Details of how you improved your services as a result of the understanding you gained into your customers' needs.",
    ],
  },
  {
    id: "1.1.3", subCriterion: "1.1",
    text: "We make particular efforts to identify hard-to-reach and disadvantaged groups and individuals and have developed our services in response to their specific needs.",
    guidance: [
      "Methods used to consult and involve hard-to-reach and disadvantaged groups and individuals, particularly people who have a number of different needs and customers whose views you rarely hear.",
      "Examples of how you identified needs that you were not meeting and the changes you made to avoid excluding or under-representing certain people.",
    ],
  },
  {
    id: "1.2.1", subCriterion: "1.2",
    text: "We have a strategy for engaging and involving customers using a range of methods appropriate to the needs of identified customer groups.",
    guidance: [
      "Policies, strategies and leadership for engaging, consulting and involving customer groups.",
      "Evidence of how you use a wide range of tools, including feedback from customers and staff (letters, e-mails, comments, complaints, forums, focus groups and so on) as well as research.",
    ],
  },
  {
    id: "1.2.2", subCriterion: "1.2",
    text: "We have made the consultation of customers integral to continually improving our service and we advise customers of the results and action taken.",
    guidance: [
      "Findings and analysis of engagement activity, consultation exercises and other methods for capturing feedback.",
      "Details of actual improvements, with evidence of how these are directly linked to the ways you consulted and involved customers.",
      "Examples of how you involved customers in designing and providing services (for example, through allowing them to take part).",
      "Information on how you tell customers about the changes you make as a result of their involvement.",
      "Current service improvement and development plans showing that your policies, projects and activities are shaped by how you consult and involve customers.",
    ],
  },
  {
    id: "1.2.3", subCriterion: "1.2",
    text: "We regularly review our strategies and opportunities for consulting and engaging with customers to ensure that the methods used are effective and provide reliable and representative results.",
    guidance: [
      "Outcome of reviews on the effectiveness of engagement and involvement, showing levels of participation, assessment of how representative the results are, and quality of information collected.",
      "How mechanisms, processes and approaches are adapted to respond to emerging issues, service priorities, demographic changes etc.",
      "Examples of innovation, learning from best practice or benchmarking, suggestions of staff etc.",
    ],
  },
  {
    id: "1.3.1", subCriterion: "1.3",
    text: "We use reliable and accurate methods to measure customer satisfaction on a regular basis.",
    guidance: [
      "Methods used would in most cases include survey work and other forms of feedback and qualitative information.",
      "Information on survey methodology, for example sample sizes, potential biases, margins of error and any advice taken on design.",
      "Reasons for the decisions you made on how to measure customers' satisfaction.",
      "Details on how often you collected information",
    ],
  },
  {
    id: "1.3.2", subCriterion: "1.3",
    text: "We analyse and publicise satisfaction levels for the full range of customers for all main areas of our service and we have improved services as a result.",
    guidance: [
      "Assessment and analysis of satisfaction within all groups (identified).",
      "If you provide a range of different services, you should assess how satisfied customers are with all of them.",
      "Evidence of any differences in levels of satisfaction between groups, or any unexpected outcomes.",
      "Published information about the action you plan to take or have taken as a result of measuring customers' satisfaction with your service.",
      "Examples of other methods you used.",
    ],
  },
  {
    id: "1.3.3", subCriterion: "1.3",
    text: "We include in our measurement of satisfaction specific questions relating to key areas including those on delivery, timeliness, information, access, and the quality of customer service, as well as specific questions which are informed by customer insight.",
    guidance: [
      "Satisfaction surveys and other ways of gathering feedback that include these specific questions.",
      "Evidence of investigation into customers' priorities and local key drivers of satisfaction.",
    ],
  },
  {
    id: "1.3.4", subCriterion: "1.3",
    text: "We set challenging and stretching targets for customer satisfaction and our levels are improving.",
    guidance: [
      "Satisfaction levels of all customer groups for all the main areas of your service, and the targets you want to achieve.",
      "Evidence of how levels of satisfaction have improved over time.",
    ],
  },
  {
    id: "1.3.5", subCriterion: "1.3",
    text: "We have made positive changes to services as a result of analysing customer experience, including improved customer journeys.",
    guidance: [
      "Examples of how you analyse customers' experience.",
      "Specific information on how you map customers' journeys and the steps you have taken to improve these (for example, through limiting the amount of unnecessary contact they have with people in your organisation).",
      "Any evidence of savings or reinvestment (or both) as a result of making your systems and processes more efficient.",
    ],
  },
  {
    id: "2.1.1", subCriterion: "2.1",
    text: "There is corporate commitment to putting the customer at the heart of service delivery and leaders in our organisation actively support this and advocate for customers.",
    guidance: [
      "Corporate vision and values statements.",
      "Examples of how your organisation's leaders have shown that they recognise the importance of customer focus and actively promote activities that allow your organisation to gain an understanding of its customers.",
    ],
  },
  {
    id: "2.1.2", subCriterion: "2.1",
    text: "We use customer insight to inform policy and strategy and to prioritise service improvement activity.",
    guidance: [
      "Customers' and staff's views on how your knowledge of customer groups informs your policies.",
      "Examples of how customer insight drives your policies, and how this influences the way in which you design your services.",
    ],
  },
  {
    id: "2.1.3", subCriterion: "2.1",
    text: "We have policies and procedures that support the right of all customers to expect excellent levels of service.",
    guidance: [
      "Customer care, equal opportunities, disability and other policies and procedures relating to fair treatment.",
      "Information you provide to customers on what they are entitled to.",
    ],
  },
  {
    id: "2.1.4", subCriterion: "2.1",
    text: "We ensure that all customers and customer groups are treated fairly and this is confirmed by feedback and the measurement of customer experience.",
    guidance: [
      "Evidence from mystery shoppers (where this is relevant and appropriate).",
      "Customers' and staff's testimony and other feedback.",
    ],
  },
  {
    id: "2.1.5", subCriterion: "2.1",
    text: "We protect customers' privacy both in face-to-face discussions and in the transfer and storage of customer information.",
    guidance: [
      "Procedures for making sure you protect customers' privacy, including having secure computer systems and making checks on customers' identity.",
      "Policies on data protection and staff guidance on this.",
    ],
  },
  {
    id: "2.1.6", subCriterion: "2.1",
    text: "We empower and encourage all employees to actively promote and participate in the customer-focused culture of our organisation.",
    guidance: [
      "Examples of customer and staff testimony about their involvement and empowerment.",
      "Staff policies and procedures manuals.",
      "Examples of your approaches to promote customer focus throughout the organisation.",
    ],
  },
  {
    id: "2.2.1", subCriterion: "2.2",
    text: "We can demonstrate our commitment to developing and delivering customer - focused services through our recruitment, training and development policies for staff.",
    guidance: [
      "Job specifications and recruitment procedures.",
      "Details of the training you have provided to all your employees, and the opportunities for them to develop further.",
    ],
  },
  {
    id: "2.2.2", subCriterion: "2.2",
    text: "Our staff are polite and friendly to customers and have an understanding of customer needs.",
    guidance: [
      "Customer service policies and staff guidance.",
      "Evidence from mystery shoppers (where relevant) and internal monitoring.",
      "Customers' views and other feedback, including comments on the service provided by individual members of staff.",
    ],
  },
  {
    id: "2.2.3", subCriterion: "2.2",
    text: "We prioritise customer focus at all levels of our organisation and evaluate individual and team commitment through the performance management system.",
    guidance: [
      "Examples of how customer feedback is linked to your assessment of staff.",
      "Include staff recognition and reward schemes, if relevant and appropriate.",
    ],
  },
  {
    id: "2.2.4", subCriterion: "2.2",
    text: "We can demonstrate how customer-facing staffs' insights and experiences are incorporated into internal processes, policy development and service planning.",
    guidance: [
      "Ways in which staff give their views and details on how you use their feedback.",
      "Details of improvements that you have made as a result of staff feedback.",
      "Examples of how you have improved the processes for passing on customers' information throughout your organisation.",
    ],
  },
  {
    id: "2.2.5", subCriterion: "2.2",
    text: "We value the contribution our staff make to delivering customer focused services, and leaders, managers and staff demonstrate these behaviours.",
    guidance: [
      "Examples of how your organisation values the role of customer service staff, by recognising and rewarding the contributions of individual members of staff and teams.",
      "Evidence that providing customer-focused services is a priority at all levels of the organisation, from the front line (members of staff who deal with the public) to senior managers and all levels in between.",
    ],
  },
  {
    id: "3.1.1", subCriterion: "3.1",
    text: "We make information about the full range of services we provide available to our customers and potential customers, including how and when people can contact us, how our services are run and who is in charge.",
    guidance: [
      "Examples of contact and service information, for the range of communication methods used.",
    ],
  },
  {
    id: "3.1.2", subCriterion: "3.1",
    text: "Where there is a charge for services, we tell our customers how much they will have to pay.",
    guidance: [
      "Published information about any charges for services.",
      "Details of how and when customers can make payments.",
    ],
  },
  {
    id: "3.2.1", subCriterion: "3.2",
    text: "We provide our customers with the information they need in ways that meet their needs and preferences, using a variety of appropriate channels.",
    guidance: [
      "Guidance to staff about clear communication, including testing information with customers.",
      "Customers' views on the communication methods you use.",
    ],
  },
  {
    id: "3.2.2", subCriterion: "3.2",
    text: "We take reasonable steps to make sure our customers have received and understood the information we provide.",
    guidance: [
      "Details of how you check that individual customers have received and understood the information.",
      "Examples of the changes you make to your communication methods to meet customers' needs.",
    ],
  },
  {
    id: "3.2.3", subCriterion: "3.2",
    text: "We have improved the range, content and quality of verbal, published and web based information we provide to ensure it is relevant and meets the needs of customers.",
    guidance: [
      "Examples of changes to the way you provide information after receiving feedback.",
      "Schedule for when you review the information you provide.",
    ],
  },
  {
    id: "3.2.4", subCriterion: "3.2",
    text: "We can demonstrate that information we provide to our customers is accurate and complete, and that when this is not the case we advise customers when they will receive the information they requested.",
    guidance: [
      "Customers' views and feedback on the accuracy of the information.",
      "Details of the service standards for responding to customers' enquiries.",
      "Complaints and comments from customers.",
      "Examples of when you provided the wrong information and how this was rectified.",
    ],
  },
  {
    id: "3.3.1", subCriterion: "3.3",
    text: "We make our services easily accessible to all customers through provision of a range of alternative channels.",
    guidance: [
      "Details of the range of options available for contacting the organisation.",
      "Different ways of communicating and specific arrangements and sample materials.",
      "Details of how you have reviewed services to make life easier for people.",
      "Outcomes of reviews and the improvements you planned and made as a result.",
    ],
  },
  {
    id: "3.3.2", subCriterion: "3.3",
    text: "We evaluate how customers interact with the organisation through access channels and we use this information to identify possible service improvements and offer better choices.",
    guidance: [
      "Data and analysis relating to channel usage and action taken to improve services as a result.",
      "Details of how you use information to improve the choice of services.",
    ],
  },
  {
    id: "3.3.3", subCriterion: "3.3",
    text: "We ensure that where customers can visit our premises in person facilities are as clean and comfortable as possible.",
    guidance: [
      "Information on how you have reviewed the physical environment of your premises, arrangements for maintaining quality and details of any recent improvements you have made.",
    ],
  },
  {
    id: "3.4.1", subCriterion: "3.4",
    text: "We have made arrangements with other providers and partners to offer and supply co-ordinated services, and these arrangements have demonstrable benefits for our customers.",
    guidance: [
      "Formal and informal partnerships and plans for improving access and services.",
      "Information on the success of joint working arrangements, including improvements you have made to services as a result.",
      "Customer feedback on the services provided through partnerships, including the quality and range of services and how these are tailored to the individual customer's needs.",
    ],
  },
  {
    id: "3.4.2", subCriterion: "3.4",
    text: "We have developed co-ordinated working arrangements with our partners that ensure customers have clear lines of accountability for quality of service.",
    guidance: [
      "Information on how you monitor and assess services you provide in partnership with other organisations.",
      "Evidence of any service level agreements, particularly handover arrangements and other measures that make sure that the customer receives a 'seamless' service.",
      "Details of how customers can complain about the services you provide in partnership with other organisations.",
      "Details of how you publicise joint working arrangements, including clear information for customers on who is responsible.",
      "Examples of how you help customers to access services, where appropriate.",
    ],
  },
  {
    id: "3.4.3", subCriterion: "3.4",
    text: "We interact within wider communities and we can demonstrate the ways in which we support those communities.",
    guidance: [
      "Information on how your organisation works with and contributes to the wider community, beyond the direct service it provides to customers.",
    ],
  },
  {
    id: "4.1.1", subCriterion: "4.1",
    text: "We have challenging standards for our main services, which take account of our responsibility for delivering national and statutory standards and targets.",
    guidance: [
      "Details of all standards, performance indicators and targets set for main services.",
      "Include national, statutory and local standards and targets.",
    ],
  },
  {
    id: "4.1.2", subCriterion: "4.1",
    text: "We monitor and meet our standards, key departmental and performance targets, and we tell our customers about our performance.",
    guidance: [
      "Details of how often you monitor your performance and the methods you use.",
      "Current performance against all standards, key departmental standards, statutory inspections and audits and internal performance targets for the last full year.",
    ],
  },
  {
    id: "4.1.3", subCriterion: "4.1",
    text: "We consult and involve customers, citizens, partners and staff on the setting, reviewing and raising of our local standards.",
    guidance: [
      "Methods you use to consult and involve customers and others about local standards and targets.",
      "Outcomes of your consultation on standards and targets.",
      "Information showing past and present standards and targets that you can use to compare your performance with previous years.",
    ],
  },
  {
    id: "4.2.1", subCriterion: "4.2",
    text: "We agree with our customers at the outset what they can expect from the service we provide.",
    guidance: [
      "Show that you use the promises and aims to make appropriate commitments to each customer.",
    ],
  },
  {
    id: "4.2.2", subCriterion: "4.2",
    text: "We can demonstrate that we deliver the service we promised to individual customers and that outcomes are positive for the majority of our customers.",
    guidance: [
      "Customers' views and feedback on their experience of the service.",
      "Include responses to specific survey questions and information and figures for positive outcomes.",
    ],
  },
  {
    id: "4.2.3", subCriterion: "4.2",
    text: "We can demonstrate that we benchmark our performance against that of similar or complementary organisations and have used that information to improve our service.",
    guidance: [
      "Information from benchmarking exercises (where this information is available).",
      "Exercises can include comparing functions as well as whole services.",
      "Evidence of peer reviews, discussion groups, taking part in forums or other methods for comparing your performance with other organisations.",
    ],
  },
  {
    id: "4.2.4", subCriterion: "4.2",
    text: "We have developed and learned from best practice identified within and outside our organisation, and we publish our examples externally where appropriate.",
    guidance: [
      "Show how you share and apply best practice within your organisation and how you apply best-practice examples from outside the organisation.",
      "Examples of best practice you have published recently.",
    ],
  },
  {
    id: "4.3.1", subCriterion: "4.3",
    text: "We identify any dips in performance against our standards and explain these to customers, together with action we are taking to put things right and prevent further recurrence.",
    guidance: [
      "Outcomes of monitoring processes.",
      "Details of any action you have taken.",
      "Examples of how you explain dips in performance to customers.",
      "Examples of effective procedures you have put in place to keep customers informed during exceptional circumstances such as emergencies.",
    ],
  },
  {
    id: "4.3.2", subCriterion: "4.3",
    text: "We have an easy to use complaints procedure, which includes a commitment to deal with problems fully and solve them wherever possible within a reasonable time limit.",
    guidance: [
      "Customer complaints procedure as provided for use by customers.",
    ],
  },
  {
    id: "4.3.3", subCriterion: "4.3",
    text: "We give staff training and guidance to handle complaints and to investigate them objectively, and we can demonstrate that we empower staff to put things right.",
    guidance: [
      "Complaints policy.",
      "Guidance and training you give staff in how to respond to and deal with complaints.",
      "Assessment of how effective your complaints-handling training is.",
      "Examples of where staff have been given the authority to resolve complaints.",
    ],
  },
  {
    id: "4.3.4", subCriterion: "4.3",
    text: "We learn from any mistakes we make by identifying patterns in formal and informal complaints and comments from customers and use this information to improve services and publicise action taken.",
    guidance: [
      "Records of formal and informal complaints and comments relating to problems.",
      "Information you regularly publish showing trends in complaints, both formal and informal, and the action you have taken as a result.",
    ],
  },
  {
    id: "4.3.5", subCriterion: "4.3",
    text: "We regularly review and improve our complaints procedure, taking account of the views of customers, complainants and staff.",
    guidance: [
      "Customer and staff feedback on the effectiveness of the complaints procedure.",
      "Process for reviewing your complaints procedure and the improvements you have made.",
    ],
  },
  {
    id: "4.3.6", subCriterion: "4.3",
    text: "We ensure that the outcome of the complaint process for customers (whose complaint is upheld) is satisfactory for them.",
    guidance: [
      "Feedback from customers on the outcome of complaints processes.",
      "Details of procedures for staff and feedback processes.",
    ],
  },
  {
    id: "5.1.1", subCriterion: "5.1",
    text: "We set appropriate and measurable standards for the timeliness of response for all forms of customer contact including phone calls, letters, e-communications and personal callers.",
    guidance: [
      "Details of standards and targets set for timeliness of response to customer contact for all access channels.",
    ],
  },
  {
    id: "5.1.2", subCriterion: "5.1",
    text: "We set comprehensive standards for all aspects of the quality of customer service to be expected in all dealings with our organisation.",
    guidance: [
      "Full customer service standards – including the quality of your response to phone calls, letters, e-communications and personal callers – for all stages of the customer journey.",
    ],
  },
  {
    id: "5.2.1", subCriterion: "5.2",
    text: "We advise our customers and potential customers about our promises on timeliness and quality of customer service.",
    guidance: [
      "Published information and all methods for advising customers and potential customers of standards for timeliness and quality of customer service.",
    ],
  },
  {
    id: "5.2.2", subCriterion: "5.2",
    text: "We identify individual customer needs at the first point of contact with us and ensure that an appropriate person who can address the reason for contact deals with the customer.",
    guidance: [
      "Examples of the processes you use when you first have contact with the customer – for example, interview techniques, mapping customer journeys, reviewing information you already hold about the customer.",
      "Show an understanding of how customers are using the different methods to contact you, and the problems you face in providing a successful service.",
    ],
  },
  {
    id: "5.2.3", subCriterion: "5.2",
    text: "We promptly share customer information with colleagues and partners within our organisation whenever appropriate and can demonstrate how this has reduced unnecessary contact for customers.",
    guidance: [
      "Processes you have in place to make sure that complete information is transferred promptly and to all relevant people within and outside the organisation.",
      "Examples of how you have shared information promptly and in a useful and appropriate way, while keeping to the regulations on data protection and confidentiality.",
      "Examples of where you have shared information about customer groups (for example, with service managers, front-line staff and partners) to provide more efficient services.",
    ],
  },
  {
    id: "5.2.4", subCriterion: "5.2",
    text: "Where service is not completed at the first point of contact we discuss with the customer the next steps and indicate the likely overall time to achieve outcomes.",
    guidance: [
      "Customers' views that show how the service has been tailored to consider their individual circumstances.",
      "Details of how you have communicated the likely timescales with customers.",
    ],
  },
  {
    id: "5.2.5", subCriterion: "5.2",
    text: "We respond to initial enquiries promptly, and if there is a delay we advise the customer and take action to rectify the problem.",
    guidance: [
      "Information on wait times for initial responses to telephone, e-mail, text and personal callers.",
      "Information on your procedures to tell customers about any problems.",
    ],
  },
  {
    id: "5.3.1", subCriterion: "5.3",
    text: "We monitor our performance against standards for timeliness and quality of customer service and we take action if problems are identified.",
    guidance: [
      "Methods used for monitoring performance in relation to standards for timeliness and quality of customer service.",
      "Steps taken to address timeliness of delivery where this does not meet customer expectations.",
    ],
  },
  {
    id: "5.3.2", subCriterion: "5.3",
    text: "We are meeting our current standards for timeliness and quality of customer service and we publicise our performance against these standards.",
    guidance: [
      "Current actual performance against all standards and targets for timeliness and quality of service and evidence of publication.",
      "Customer feedback on achievement of service delivery within agreed timescales.",
      "Examples of 'mystery shopper' evidence where relevant.",
    ],
  },
  {
    id: "5.3.3", subCriterion: "5.3",
    text: "Our performance in relation to timeliness and quality of service compares well with that of similar organisations.",
    guidance: [
      "Comparative performance data relating to timeliness and quality of customer service obtained from benchmarking exercises.",
    ],
  },
];

const ELEMENT_BY_ID = new Map(CSE_ELEMENTS.map((element) => [element.id, element]));

/** The element with this id ("1.2.3"), or undefined. */
export function cseElement(id: string): CseElement | undefined {
  return ELEMENT_BY_ID.get(id);
}

export const isCseElementId = (id: string): boolean => ELEMENT_BY_ID.has(id);

export const cseSubCriteriaOf = (criterion: number): CseSubCriterion[] => CSE_SUB_CRITERIA.filter((sub) => sub.criterion === criterion);
export const cseElementsOf = (subCriterion: string): CseElement[] => CSE_ELEMENTS.filter((element) => element.subCriterion === subCriterion);

export interface CoverageCount {
  /** Elements with at least one piece of evidence. */
  covered: number;
  /** Elements in all. */
  total: number;
}

export interface CseCoverage extends CoverageCount {
  criteria: Array<CoverageCount & { number: number; title: string; subCriteria: Array<CoverageCount & { id: string; title: string }> }>;
  /** Pieces of evidence per element id (every element listed, 0 when none). */
  byElement: Record<string, number>;
}

/**
 * R-63 How much of the standard a pilot's evidence covers: per criterion and sub-criterion, the
 * elements with at least one piece of evidence ("11 of 13"), and the count per element. Pass only
 * the evidence still in place (removed items do not count); ids not in the standard are ignored.
 */
export function cseCoverage(evidence: ReadonlyArray<{ elementId: string }>): CseCoverage {
  const byElement: Record<string, number> = Object.fromEntries(CSE_ELEMENTS.map((element) => [element.id, 0]));
  for (const item of evidence) if (item.elementId in byElement) byElement[item.elementId]! += 1;
  const count = (elements: readonly CseElement[]): CoverageCount => ({ covered: elements.filter((element) => byElement[element.id]! > 0).length, total: elements.length });
  const criteria = CSE_CRITERIA.map((criterion) => {
    const subCriteria = cseSubCriteriaOf(criterion.number).map((sub) => ({ id: sub.id, title: sub.title, ...count(cseElementsOf(sub.id)) }));
    return {
      number: criterion.number,
      title: criterion.title,
      covered: subCriteria.reduce((sum, sub) => sum + sub.covered, 0),
      total: subCriteria.reduce((sum, sub) => sum + sub.total, 0),
      subCriteria,
    };
  });
  return { ...count(CSE_ELEMENTS), criteria, byElement };
}
