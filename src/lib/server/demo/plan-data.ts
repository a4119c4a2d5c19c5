/**
 * The demo's improvement plans: each area's partners (from the documents where they name them),
 * commitments written the way such plans are, per theme of the finding they answer, and a few
 * co-production activities. Synthetic, but shaped by the documents: Lancashire's plan has a
 * third of its commitments not started, as its scrutiny committee heard in 2019, and one at risk
 * (the electronic system for EHC plans).
 */
import type { ParticipationLevel, PartnerKind } from '../db/schema';

export interface DemoPartner {
	name: string;
	kind: PartnerKind;
}

export const DEMO_PARTNERS: Record<string, DemoPartner[]> = {
	lancashire: [
		{ name: 'Lancashire County Council', kind: 'council' },
		{ name: 'Lancashire and South Cumbria ICB', kind: 'icb' },
		{ name: 'Lancashire community health services', kind: 'nhs_provider' },
		{ name: 'Lancashire Parent Carer Forum', kind: 'parent_carer_forum' },
		{ name: 'POWAR', kind: 'youth_group' }
	],
	worcestershire: [
		{ name: 'Worcestershire County Council', kind: 'council' },
		{ name: 'Worcestershire CCGs', kind: 'icb' },
		{ name: 'Worcestershire Health and Care Trust', kind: 'nhs_provider' },
		{ name: 'Families in Partnership', kind: 'parent_carer_forum' },
		{ name: 'Worcestershire young people’s SEND group', kind: 'youth_group' },
		{ name: 'Babcock', kind: 'education' }
	],
	essex: [
		{ name: 'Essex County Council', kind: 'council' },
		{ name: 'North East Essex CCG (lead for the five CCGs)', kind: 'icb' },
		{ name: 'Essex Child and Family Wellbeing Service', kind: 'nhs_provider' },
		{ name: 'Essex Family Forum', kind: 'parent_carer_forum' },
		{ name: 'Essex young people’s SEND group', kind: 'youth_group' }
	]
};

/** Which kind of partner usually owns work on a theme (the council when none is named). */
export const THEME_OWNER: Record<string, PartnerKind> = {
	HLTH: 'nhs_provider',
	NDEV: 'nhs_provider',
	JCOM: 'icb',
	COPR: 'parent_carer_forum',
	PFA: 'youth_group'
};

type Commitment = [title: string, description: string];

/** Commitments per theme, as plans word them. Areas take them in order, one finding at a time. */
export const COMMITMENTS: Record<string, Commitment[]> = {
	COPR: [
		[
			'Set up a SEND partnership board with parents and young people as members',
			'Parents and young people sit on the board with officers and health leaders, and co-chair it.'
		],
		[
			'Send a questionnaire to every family with an EHC plan',
			'Ask families about their experience in detail, twice a year, and publish what they said.'
		],
		[
			'Agree a shared definition of co-production with families and partners',
			'Write it with the parent carer forum and the youth group; train staff in using it.'
		],
		[
			'Co-produce the SEND strategy with the parent carer forum',
			'Draft, test and sign off the strategy in workshops with families.'
		],
		[
			'Train frontline staff in working with families as equal partners',
			'A half-day course for SEND officers, health staff and school SENCOs.'
		],
		[
			'Report back to families on what changed after each questionnaire',
			'A “you said, we did” page and newsletter after every wave.'
		]
	],
	EHCT: [
		[
			'Complete EHC needs assessments within 20 weeks',
			'Add staff to the assessment team and track every assessment weekly.'
		],
		[
			'Agree deadlines for health and social care advice',
			'Advice for assessments is returned within six weeks, checked every month.'
		],
		[
			'Tell families where their assessment has got to',
			'A named contact for each family and an update at each stage.'
		]
	],
	LEAD: [
		[
			'Write a self-evaluation of the local area with partners',
			'An honest picture of strengths and weaknesses, updated every six months.'
		],
		[
			'Report progress to the Health and Wellbeing Board every two months',
			'A RAG-rated update of every commitment in the plan.'
		],
		[
			'Agree one SEND data set across education, health and care',
			'Shared measures so that leaders see the same figures.'
		],
		[
			'Rewrite the SEND strategy action plan with measurable outcomes',
			'Each action has an owner, a start date, a due date and a measure.'
		]
	],
	HLTH: [
		[
			'Appoint a designated clinical officer',
			'A DCO to make sure health needs are met in assessments and plans.'
		],
		[
			'Publish waiting times for therapies every month',
			'Waits by service and district on the local offer.'
		],
		[
			'Offer drop-in sessions for speech and language therapy across the area',
			'Sessions in the north, south and east, without a referral.'
		]
	],
	INFO: [
		[
			'Refresh the local offer website with families',
			'Rewrite its pages with parents and young people and test them together.'
		],
		[
			'Publicise the local offer in schools, GP surgeries and libraries',
			'Posters, leaflets and a short film made with young people.'
		],
		[
			'Answer every local offer enquiry within five working days',
			'A shared inbox with a weekly check of what is waiting.'
		]
	],
	NDEV: [
		[
			'Implement the neuro-development pathway across the area',
			'One pathway for autism and ADHD assessment, the same in every district.'
		],
		[
			'Offer support to families while they wait for an autism assessment',
			'Workshops and a named contact from referral onwards.'
		],
		[
			'Cut the wait for an autism diagnosis to under a year',
			'Extra assessment clinics and a single waiting list.'
		]
	],
	EXCL: [
		[
			'Meet school leaders to reduce exclusions of pupils with SEND',
			'Agree with head teachers what support comes before any exclusion.'
		],
		[
			'Review every part-time timetable each half term',
			'No pupil stays on a part-time timetable without a plan to return.'
		],
		[
			'Publish exclusion figures for pupils with SEND each term',
			'Reported to the partnership board and to schools.'
		]
	],
	EHCQ: [
		[
			'Implement an electronic system for EHC plans',
			'One system where families and professionals see the same plan.'
		],
		[
			'Audit the quality of EHC plans every month with health and care',
			'A multi-agency panel checks a sample of new plans against a standard.'
		],
		[
			'Train case officers to write outcomes that families recognise',
			'Plans written with the child and family, in plain words.'
		],
		[
			'Include health and social care advice in every new plan',
			'Plans are not finalised until all advice is in.'
		]
	],
	PFA: [
		[
			'Start preparing for adulthood planning from Year 9',
			'Every annual review from Year 9 covers work, living, friends and health.'
		],
		[
			'Agree a transition protocol between children’s and adult services',
			'A joint plan for every young person from 16.'
		],
		['Offer supported internships in every district', 'With local employers and colleges.']
	],
	OUTC: [
		[
			'Track the progress of pupils with SEND in every school',
			'Termly data shared with schools and the partnership board.'
		],
		[
			'Support schools where pupils with SEND make the least progress',
			'Visits and training from the inclusion service.'
		],
		[
			'Set up systems to track outcomes post-16 and for young people who are NEET',
			'Shared data with colleges and the youth service.'
		],
		['Improve attendance of pupils with EHC plans', 'Early help when attendance falls below 90%.']
	],
	SAFE: [
		[
			'Track every child housed in the area by another borough',
			'A register shared with the placing boroughs, checked monthly.'
		],
		[
			'Check every child taken off roll',
			'A visit within ten school days for every child removed from a school roll.'
		],
		[
			'Review long-term part-time timetables with safeguarding leads',
			'Each one agreed with the family and reviewed every six weeks.'
		]
	],
	JCOM: [
		[
			'Agree joint commissioning arrangements between the council and health',
			'A joint commissioning board with a shared budget for SEND.'
		],
		[
			'Map the gaps in services across the 0 to 25 age range',
			'A needs assessment shared by all partners.'
		],
		[
			'Commission the same therapy services in every part of the area',
			'One specification so waits no longer depend on where a family lives.'
		],
		['Reduce waiting times for community paediatrics', 'Extra clinics and a single referral route.']
	],
	SENS: [
		[
			'Publish what every mainstream school should offer children with SEND',
			'An “ordinarily available” guide written with SENCOs and parents.'
		],
		['Train SENCOs across the area', 'Termly network meetings and training.'],
		[
			'Review SEN support in schools with the most exclusions',
			'Visits by the inclusion team, with action plans.'
		]
	],
	SUFF: [
		[
			'Plan the specialist places the area needs for the next five years',
			'A sufficiency plan agreed with schools and families.'
		],
		[
			'Open resourced provision in mainstream schools',
			'New units attached to primary and secondary schools.'
		],
		[
			'Reduce the number of children placed out of the area',
			'Local places first, reviewed at panel.'
		]
	],
	IDNT: [
		[
			'Review how moderate learning difficulties are identified',
			'Check a sample of pupils identified with MLD with educational psychologists.'
		],
		[
			'Train schools to identify speech, language and communication needs',
			'A screening tool and training for early years and primary staff.'
		],
		[
			'Screen for social, emotional and mental health needs early',
			'Mental health support teams in schools.'
		],
		[
			'Agree one set of criteria for identifying needs across the county',
			'Written with schools and health, the same in every quadrant.'
		]
	]
};

/** The area's own first actions, where the documents name them, with the themes they answer. */
export const FIRST_ACTIONS: Record<
	string,
	{ title: string; description: string; themes: string[] }[]
> = {
	essex: [
		{
			title: 'Develop a countywide SEND Outcomes Framework',
			description: 'One framework of outcomes that drives all further work, drafted with families.',
			themes: ['JCOM', 'IDNT', 'EHCQ']
		}
	]
};

/** How many commitments each area of weakness gets in the demo. */
export const PER_FINDING: Record<string, number> = { lancashire: 3, worcestershire: 2, essex: 4 };

export interface DemoActivity {
	/** Days after the baseline wave opened (negative: before). */
	day: number;
	title: string;
	whatChanged: string;
	level: ParticipationLevel;
	partners: PartnerKind[];
}

export const DEMO_ACTIVITIES: DemoActivity[] = [
	{
		day: -40,
		title: 'Co-design workshop on the questionnaire with the parent carer forum',
		whatChanged:
			'Questions on waiting for an assessment and on being listened to were added; the wording of six questions was changed.',
		level: 'co_producing',
		partners: ['parent_carer_forum', 'council']
	},
	{
		day: -30,
		title: 'Young people rewrote the easy-read questionnaire',
		whatChanged: 'The face scale and the easy-read wording of every question are theirs.',
		level: 'co_producing',
		partners: ['youth_group']
	},
	{
		day: -20,
		title: 'Consultation on the improvement plan',
		whatChanged: 'Start dates were added to every commitment, as families and councillors asked.',
		level: 'consulting',
		partners: ['parent_carer_forum', 'council', 'icb']
	},
	{
		day: 70,
		title: 'Results of the baseline questionnaire shared at a forum meeting',
		whatChanged: 'Families were told what the area heard and which actions follow from it.',
		level: 'informing',
		partners: ['parent_carer_forum', 'council']
	},
	{
		day: 120,
		title: 'Parent carer forum co-chairs the SEND partnership board',
		whatChanged: 'The forum sets half of each meeting’s agenda and reviews the plan’s RAG ratings.',
		level: 'engaging',
		partners: ['parent_carer_forum', 'council', 'icb', 'nhs_provider']
	},
	{
		day: 250,
		title: 'Review of the second wave’s results with families',
		whatChanged: 'Families chose the three areas to accelerate; two actions were brought forward.',
		level: 'engaging',
		partners: ['parent_carer_forum', 'youth_group']
	}
];
