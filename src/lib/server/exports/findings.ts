/**
 * The findings summary: one row per finding × wave × dimension (both audiences together, then
 * each on its own), with the positive share pooled over the linked questions, its interval and
 * n, and the change since the previous wave with its verdict. The figures are those of the
 * finding's page (insights' `findingInsights`); the change at each wave is insights'
 * `latestChange` over the waves up to it.
 */
import { findingKindLabel, inspectionKindLabel } from '$lib/components/staff/labels';
import type { Db } from '../db';
import type { Audience } from '../db/schema';
import { latestChange, type TrendPoint } from '../insights/findings';
import { findingInsights, loadAreaView } from '../insights/service';
import type { ChangeFigure, Rules, ShareFigure } from '../insights/suppression';
import { listWaves } from '../surveys/repository';
import { columnsOf, timePeriod, type ExportArea } from './context';
import type { CsvRow } from './csv';
import { percent } from './results';

export const FINDING_COLUMNS = columnsOf([
	'time_period',
	'wave',
	'la_name',
	'inspection',
	'finding_code',
	'finding_title',
	'finding_kind',
	'theme_code',
	'dimension',
	'audience',
	'questions',
	'n',
	'positive_pct',
	'ci_lower',
	'ci_upper',
	'change_pct_points',
	'change_lower',
	'change_upper',
	'verdict',
	'marker'
]);

export async function* findingRows(
	db: Db,
	area: ExportArea,
	waveId: string | null
): AsyncGenerator<CsvRow> {
	const waves = new Map((await listWaves(db, area.id)).map((w) => [w.id, w]));
	const view = await loadAreaView(db, area.id);
	for (const { id } of view.listed.findings) {
		const insights = await findingInsights(db, area.id, id, {}, view);
		if (!insights) continue;
		const { finding } = insights;
		const about = {
			la_name: area.name,
			inspection: `${inspectionKindLabel(finding.inspectionKind)}${finding.inspectionStartsOn ? ` ${finding.inspectionStartsOn}` : ''}`,
			finding_code: finding.code,
			finding_title: finding.title,
			finding_kind: findingKindLabel(finding.kind),
			theme_code: finding.theme
		};
		for (const dimension of insights.dimensions) {
			const series: [Audience | 'all', TrendPoint[]][] = [
				['all', dimension.points],
				['parent_carer', dimension.byAudience.parent_carer.points],
				['young_person', dimension.byAudience.young_person.points]
			];
			for (const [audience, points] of series) {
				// An audience that was never asked these questions has no row at all.
				if (points.every((p) => p.pooled.of === 0)) continue;
				for (const [i, point] of points.entries()) {
					const wave = waves.get(point.waveId);
					if (!wave || (waveId && point.waveId !== waveId)) continue;
					yield {
						time_period: timePeriod({ waveStartsOn: wave.startsOn, waveEndsOn: wave.endsOn }),
						wave: wave.name,
						...about,
						dimension: dimension.dimension,
						audience,
						questions: point.pooled.questions,
						...shareCells(point.pooled.share),
						...changeCells(changeAt(points, i, insights.rules)),
						marker: markerOf(point.pooled.share)
					};
				}
			}
		}
	}
}

/** The change from the wave before to this one: insights' own reading of the last two points. */
function changeAt(points: readonly TrendPoint[], i: number, rules: Rules): ChangeFigure {
	return latestChange(points.slice(0, i + 1), rules);
}

function shareCells(share: ShareFigure) {
	if (typeof share === 'object') {
		return {
			n: share.n,
			positive_pct: percent(share.share),
			ci_lower: percent(share.lower),
			ci_upper: percent(share.upper)
		};
	}
	return { n: share, positive_pct: share, ci_lower: share, ci_upper: share };
}

function changeCells(change: ChangeFigure) {
	if (typeof change === 'object') {
		return {
			change_pct_points: percent(change.difference),
			change_lower: percent(change.lower),
			change_upper: percent(change.upper),
			verdict: change.verdict
		};
	}
	return { change_pct_points: change, change_lower: change, change_upper: change, verdict: change };
}

function markerOf(share: ShareFigure): string {
	return typeof share === 'object' ? (share.unreliable ? '[u]' : '') : share;
}
