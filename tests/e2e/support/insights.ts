/**
 * Expected insight figures, computed in the test from the e2e database with the same pure,
 * unit-tested functions the server uses (summarise → suppress → pool). Closed waves only: other
 * tests add responses to the open wave while these run.
 */
import { findingTrend, type PoolQuestion } from '../../../src/lib/server/insights/findings';
import { summariseQuestion } from '../../../src/lib/server/insights/summarise';
import {
	rulesFor,
	suppress,
	type PublicQuestion,
	type Rules,
	type ShareFigure
} from '../../../src/lib/server/insights/suppression';
import { intervalText, pct } from '../../../src/lib/components/insights/format';
import type { Dimension, QuestionKind } from '../../../src/lib/server/db/schema';
import type { QuestionOption } from '../../../src/lib/questions/types';
import { query } from './demo';

export interface WaveRow {
	id: string;
	name: string;
	position: number;
}

export function areaOf(slug: string): { id: string; rules: Rules } {
	const row = query<{ id: string; min_base: number; min_count: number }>(
		'select id, min_base, min_count from local_areas where slug = ?',
		slug
	)[0]!;
	return { id: row.id, rules: rulesFor({ minBase: row.min_base, minCount: row.min_count }) };
}

/** The demo's closed waves (positions 0 and 1), oldest first. */
export function closedWaves(slug: string): WaveRow[] {
	return query<WaveRow>(
		`select w.id, w.name, w.position from waves w join local_areas a on a.id = w.local_area_id
		 where a.slug = ? and w.position < 2 order by w.position`,
		slug
	);
}

/** A seeded finding of the first inspection, by code (other tests add findings with the same codes). */
export function seededFinding(slug: string, code: string): string {
	return query<{ id: string }>(
		`select f.id from findings f join local_areas a on a.id = f.local_area_id
		 where a.slug = ? and f.code = ?
		   and exists (select 1 from question_findings qf where qf.finding_id = f.id)
		 order by f.created_at, f.id limit 1`,
		slug,
		code
	)[0]!.id;
}

interface QuestionRow {
	id: string;
	kind: QuestionKind;
	options: string;
	dimension: Dimension | null;
	wave_id: string;
	audience: 'parent_carer' | 'young_person';
	key: string;
}

/** Every counted question of the area's closed waves, suppressed as the server does it. */
export function publishedQuestions(slug: string): (QuestionRow & { figures: PublicQuestion })[] {
	const { rules } = areaOf(slug);
	const questions = query<QuestionRow>(
		`select q.id, q.kind, q.options, q.dimension, s.wave_id, s.audience, q.key
		 from questions q join surveys s on s.id = q.survey_id join waves w on w.id = s.wave_id
		 join local_areas a on a.id = s.local_area_id
		 where a.slug = ? and s.status = 'closed' and q.kind not in ('text', 'number')`,
		slug
	);
	return questions.map((q) => {
		const counts = new Map(
			query<{ value: string; n: number }>(
				'select value, count(*) as n from answers where question_id = ? group by value',
				q.id
			).map((r) => [r.value, r.n])
		);
		const options = JSON.parse(q.options) as QuestionOption[];
		const figures = suppress(
			{ kind: 'question', figures: summariseQuestion({ id: q.id, kind: q.kind, options }, counts) },
			rules
		);
		return { ...q, figures };
	});
}

/** A finding's expected share per closed wave for a dimension (and audience). */
export function expectedTrend(
	slug: string,
	findingId: string,
	dimension: Dimension,
	audience?: 'parent_carer' | 'young_person'
): { wave: WaveRow; share: ShareFigure }[] {
	const { rules } = areaOf(slug);
	const waves = closedWaves(slug);
	const pool: PoolQuestion[] = publishedQuestions(slug).map((q) => ({
		id: q.id,
		waveId: q.wave_id,
		audience: q.audience,
		dimension: q.dimension,
		findingIds: query<{ finding_id: string }>(
			'select finding_id from question_findings where question_id = ?',
			q.id
		).map((r) => r.finding_id),
		share: q.figures.share
	}));
	return findingTrend(
		pool,
		waves.map((w) => w.id),
		findingId,
		dimension,
		rules,
		audience
	).map((p, i) => ({ wave: waves[i]!, share: p.pooled.share }));
}

/** How a published share reads on the page: "58% … (52% to 63%, n = 301)". */
export function shareTexts(share: ShareFigure): string[] {
	if (typeof share !== 'object') return [share];
	return [
		pct(share.share),
		`(${intervalText(share.lower, share.upper)}, n = ${share.n.toLocaleString('en-GB')})`
	];
}
