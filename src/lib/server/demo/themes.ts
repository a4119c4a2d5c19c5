/**
 * How the demo's synthetic families answer: per theme, the chance of a positive answer at the
 * baseline wave and how it moves each wave. Some areas of weakness improve, some do not and
 * one gets worse, so the dashboard has something honest to show.
 */
export interface Trend {
	base: number;
	perWave: number;
}

const DEFAULT: Trend = { base: 0.4, perWave: 0.02 };

const TRENDS: Record<string, Record<string, Trend>> = {
	lancashire: {
		COPR: { base: 0.28, perWave: 0.11 },
		EHCQ: { base: 0.3, perWave: 0.12 },
		EHCT: { base: 0.32, perWave: 0.05 },
		INFO: { base: 0.33, perWave: 0.1 },
		NDEV: { base: 0.25, perWave: 0 },
		EXCL: { base: 0.4, perWave: 0 },
		HLTH: { base: 0.45, perWave: -0.07 },
		PFA: { base: 0.35, perWave: 0.03 },
		LEAD: { base: 0.3, perWave: 0.06 }
	},
	worcestershire: {
		COPR: { base: 0.22, perWave: 0.13 },
		EHCQ: { base: 0.3, perWave: 0.02 },
		SENS: { base: 0.42, perWave: 0.08 },
		INFO: { base: 0.3, perWave: 0.09 },
		JCOM: { base: 0.18, perWave: 0.01 },
		EXCL: { base: 0.38, perWave: -0.06 },
		LEAD: { base: 0.28, perWave: 0.04 }
	},
	essex: {
		EHCQ: { base: 0.34, perWave: 0.1 },
		JCOM: { base: 0.2, perWave: 0.0 },
		OUTC: { base: 0.45, perWave: 0.03 }
	}
};

export function trendFor(area: string, theme: string | null): Trend {
	return (theme && TRENDS[area]?.[theme]) || DEFAULT;
}

/** Free-text answers, each with the comment theme an officer would tag it with. */
export const COMMENT_POOL: { body: string; theme: string }[] = [
	{
		body: 'Shorter waits for the autism assessment. We have waited over a year.',
		theme: 'Waiting times'
	},
	{
		body: 'Someone who answers the phone and calls back when they say they will.',
		theme: 'Communication'
	},
	{ body: 'A plan that is actually followed by school, not just written.', theme: 'EHC plans' },
	{
		body: 'Being listened to at the annual review instead of being told what will happen.',
		theme: 'Being heard'
	},
	{
		body: 'More places in special schools near us so my son Jack does not travel two hours a day.',
		theme: 'School places'
	},
	{ body: 'Speech therapy that happens every week like the plan says.', theme: 'Therapies' },
	{ body: 'Information on the local offer that is up to date.', theme: 'Communication' },
	{ body: 'Teachers who understand sensory needs.', theme: 'School support' },
	{
		body: 'Stop sending my daughter Amy home early. Email me on amy.parent@example.com if you want to talk.',
		theme: 'Exclusions'
	},
	{ body: 'The parent carer forum has made a real difference this year.', theme: 'Being heard' },
	{
		body: 'Help planning for college. Nobody has talked to us about what happens at 16.',
		theme: 'Preparing for adulthood'
	},
	{ body: 'Short breaks in the holidays. We are exhausted.', theme: 'Short breaks' },
	{
		body: 'Our caseworker changed four times. Please call 07700 900123, we need a named person.',
		theme: 'Communication'
	},
	{ body: 'The new EHC plan is much clearer than the last one.', theme: 'EHC plans' },
	{ body: 'Mental health support without a six month wait.', theme: 'Waiting times' },
	{ body: 'Nothing, things have got a lot better since last year.', theme: 'Being heard' },
	{
		body: 'A school that wants him. We live near PR1 2HE and there is nothing suitable.',
		theme: 'School places'
	},
	{
		body: 'Being told honestly when something is not possible instead of silence.',
		theme: 'Communication'
	}
];

export const YOUNG_COMMENT_POOL: { body: string; theme: string }[] = [
	{ body: 'More clubs I can go to with my friends.', theme: 'Short breaks' },
	{ body: 'Teachers who listen to me.', theme: 'Being heard' },
	{ body: 'Help with getting a job.', theme: 'Preparing for adulthood' },
	{ body: 'Not having to wait so long to see someone.', theme: 'Waiting times' },
	{ body: 'A quiet room at school.', theme: 'School support' },
	{ body: 'Easy read letters.', theme: 'Communication' }
];
