/**
 * The public page's figures, and the only place the public page reads insights. Today they come
 * from the dashboard's own computation (so every share is suppressed exactly as on the staff
 * pages); when figures come from stored publications, only this module changes.
 *
 * A figure leaves here already rounded to a whole percentage, with its base and the `[u]` flag,
 * and without the counts and intervals the staff pages show: the public page needs no more.
 */
import type { Db } from '../db';
import { latestChange, type ChartedDimension } from '../insights/findings';
import { dashboard, type DimensionSummary } from '../insights/service';
import type { Marker } from '../insights/suppression';
import type { Verdict } from '../insights/stats';

export type PublicShareFigure = { percent: number; n: number; unreliable: boolean } | Marker;
export type PublicChangeFigure = { verdict: Verdict; points: number } | '[x]' | '[z]';

export interface PublicDimension {
	dimension: ChartedDimension;
	label: string;
	latest: { waveName: string; share: PublicShareFigure };
	baseline: { waveName: string; share: PublicShareFigure } | null;
	/** From the baseline (the first wave) to the latest wave with answers. */
	change: PublicChangeFigure;
}

export interface PublicFindingFigures {
	id: string;
	code: string;
	title: string;
	theme: string;
	dimensions: PublicDimension[];
}

export interface PublicFigures {
	rules: { minBase: number; minCount: number };
	baselineWave: string | null;
	latestWave: string | null;
	findings: PublicFindingFigures[];
}

function shareOf(s: DimensionSummary['points'][number]['pooled']['share']): PublicShareFigure {
	return typeof s === 'object'
		? { percent: Math.round(s.share * 100), n: s.n, unreliable: s.unreliable }
		: s;
}

function dimensionOf(d: DimensionSummary, rules: PublicFigures['rules']): PublicDimension | null {
	const asked = d.points.filter((p) => p.pooled.of > 0);
	const latest = asked.at(-1);
	if (!latest) return null;
	const first = d.points[0]!;
	const change = first === latest ? '[z]' : latestChange([first, latest], rules);
	return {
		dimension: d.dimension,
		label: d.label,
		latest: { waveName: latest.waveName, share: shareOf(latest.pooled.share) },
		baseline:
			first === latest ? null : { waveName: first.waveName, share: shareOf(first.pooled.share) },
		change:
			typeof change === 'object'
				? { verdict: change.verdict, points: Math.round(change.difference * 100) }
				: change
	};
}

/** Every area of weakness with what families said about it, latest wave and since the baseline. */
export async function publicFigures(db: Db, areaId: string): Promise<PublicFigures> {
	const board = await dashboard(db, areaId);
	const findings = board.inspections.flatMap((g) =>
		g.weaknesses.map((card) => ({
			id: card.id,
			code: card.code,
			title: card.title,
			theme: card.theme,
			// Every dimension families were asked about (a dimension with no question is left out).
			dimensions: card.dimensions.flatMap((d) => dimensionOf(d, board.rules) ?? [])
		}))
	);
	return {
		rules: board.rules,
		baselineWave: board.waves[0]?.name ?? null,
		latestWave: board.latestWave?.name ?? null,
		findings
	};
}
