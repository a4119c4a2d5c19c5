/**
 * Where a date sits on a trend chart's axis of waves. The chart puts one point per wave, evenly
 * spaced; an action's start or completion is drawn between them in proportion to the dates the
 * waves opened, and said in words for the table under the chart. Dates before the first wave or
 * after the last are drawn at that end.
 */
export interface WaveDates {
	name: string;
	startsOn: string;
	endsOn: string | null;
}

export interface AxisPosition {
	/** 0 at the first wave's point, 1 at the second's, and so on. */
	at: number;
	/** For example "between Wave 1 and Wave 2". */
	where: string;
}

const day = (iso: string) => Date.parse(`${iso.slice(0, 10)}T00:00:00Z`);

export function axisPosition(date: string, waves: readonly WaveDates[]): AxisPosition | null {
	if (waves.length === 0) return null;
	const t = day(date);
	const first = waves[0]!;
	if (t < day(first.startsOn)) return { at: 0, where: `before ${first.name}` };
	for (let i = 0; i < waves.length; i++) {
		const wave = waves[i]!;
		const next = waves[i + 1];
		if (next && t >= day(next.startsOn)) continue;
		const during = wave.endsOn === null || t <= day(wave.endsOn);
		if (!next) return { at: i, where: `${during ? 'during' : 'after'} ${wave.name}` };
		const span = day(next.startsOn) - day(wave.startsOn);
		const at = i + (span > 0 ? (t - day(wave.startsOn)) / span : 0);
		return {
			at: Math.round(at * 1000) / 1000,
			where: during ? `during ${wave.name}` : `between ${wave.name} and ${next.name}`
		};
	}
	return null;
}
