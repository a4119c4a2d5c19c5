/**
 * The weighting method in words, written once: the representativeness page, the metadata file
 * and anything else that states the method read it from here.
 */
import { RAKE_DEFAULTS, USABLE_ERROR } from '../insights/weighting';

const [LOW, HIGH] = RAKE_DEFAULTS.bounds!;

export const METHOD: readonly { title: string; text: string }[] = [
	{
		title: 'Raking',
		text: 'Each questionnaire’s answers are weighted to the area’s population by raking (iterative proportional fitting): weights start at 1 and are scaled, one margin after another (main area of need, age band, EHC plan or SEN support), until every group’s weighted share of respondents matches its share of the population. Only the margins are matched, not their combinations.'
	},
	{
		title: 'Missing answers',
		text: 'A family who did not answer one of these questions, or answered “Not sure”, is left out of that margin’s adjustment and keeps the weight the other margins give it. A population group with no respondents cannot be weighted up: it is left out, and the others’ shares are scaled to fill it.'
	},
	{
		title: 'Bounds',
		text: `Weights are kept between ${LOW} and ${HIGH} times the average weight, so a few families never speak for a whole group alone. Weighted figures are shown only when the weights meet the population’s shares to within ${(USABLE_ERROR * 100).toFixed(1)} percentage points; otherwise the page says why.`
	},
	{
		title: 'Design effect and intervals',
		text: 'Unequal weights make figures less precise. The design effect is Kish’s 1 + CV² of the weights, and the effective sample size is the number of answers divided by it. A weighted share’s 95% Wilson interval, and every “better” or “worse” between waves, use the effective sample size.'
	},
	{
		title: 'Small numbers',
		text: 'Suppression is decided on the unweighted counts, as everywhere: a weighted figure is shown only where its unweighted figure is shown, and not even then when, together with the published figures, it would let someone work out a hidden count.'
	}
];

export const METHOD_SUMMARY = METHOD.map((m) => `${m.title}: ${m.text}`).join(' ');
