/**
 * The ladder of participation the co-production log uses: Think Local Act Personal's "Ladder of
 * co-production" (after Arnstein's ladder of citizen participation). TLAP's ladder has seven
 * rungs; the log uses the four that describe working with families (below them are coercion and
 * educating; co-design is recorded as co-producing here).
 */
import type { ParticipationLevel } from '$lib/server/db/schema';

export const LADDER_SOURCE = {
	name: 'Think Local Act Personal’s ladder of co-production',
	url: 'https://www.thinklocalactpersonal.org.uk/Latest/Co-production-The-ladder-of-co-production/'
};

export const LEVELS: readonly { value: ParticipationLevel; label: string; meaning: string }[] = [
	{
		value: 'informing',
		label: 'Informing',
		meaning: 'Telling families what has been decided and what is happening.'
	},
	{
		value: 'consulting',
		label: 'Consulting',
		meaning: 'Asking for views; the decision stays with the organisations.'
	},
	{
		value: 'engaging',
		label: 'Engaging',
		meaning: 'Families have a say and shape the work, though the organisations still decide.'
	},
	{
		value: 'co_producing',
		label: 'Co-producing',
		meaning: 'An equal partnership: families and organisations design and decide together.'
	}
];

export const LEVEL_VALUES = LEVELS.map((l) => l.value) as [
	ParticipationLevel,
	...ParticipationLevel[]
];

export function levelLabel(level: string): string {
	return LEVELS.find((l) => l.value === level)?.label ?? level;
}
