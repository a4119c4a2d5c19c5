/**
 * Publications in the database: one row each, their figures in parts, their files in chunks.
 * A publication never changes once made, so its parsed parts can be kept in memory by id: every
 * instance reads the same thing, and a new publication simply has a new id.
 */
import { inTransaction, type Db } from '../../db';
import type { Publication } from '../../db/schema';
import { Memo } from '../../memo';
import { seal, unseal } from '../../secret';
import type { Rules } from '../suppression';
import type { SurveyBasis, SurveyFigures } from './build';

export type PublicationRow = Publication;

export interface NewPublication {
	id: string;
	localAreaId: string;
	surveyId: string;
	sequence: number;
	madeOn: string;
	responses: number;
	final: boolean;
	rules: Rules;
	figures: SurveyFigures;
	basis: SurveyBasis;
	files: { file: string; chunks: string[] }[];
}

const basisContext = (id: string) => `publication-basis:${id}`;

/** Parts a page reads separately: breakdowns are only read when asked for. */
function partsOf(figures: SurveyFigures): [string, unknown][] {
	const { breakdowns, ...rest } = figures;
	return [
		['figures', rest],
		...Object.entries(breakdowns).map(([key, part]): [string, unknown] => [
			`breakdown:${key}`,
			part
		])
	];
}

export async function savePublication(db: Db, p: NewPublication): Promise<void> {
	await inTransaction(db, async (trx) => {
		await trx
			.insertInto('publications')
			.values({
				id: p.id,
				localAreaId: p.localAreaId,
				surveyId: p.surveyId,
				sequence: p.sequence,
				madeOn: p.madeOn,
				responses: p.responses,
				final: p.final ? 1 : 0,
				rules: JSON.stringify(p.rules),
				basis: seal(JSON.stringify(p.basis), basisContext(p.id))
			})
			.execute();
		for (const [part, content] of partsOf(p.figures)) {
			await trx
				.insertInto('publicationParts')
				.values({ publicationId: p.id, part, content: JSON.stringify(content) })
				.execute();
		}
		for (const { file, chunks } of p.files) {
			for (const [chunk, content] of chunks.entries()) {
				await trx
					.insertInto('publicationFiles')
					.values({ publicationId: p.id, file, chunk, content })
					.execute();
			}
		}
	});
}

/** A publication without its sealed basis: what pages need of it. */
export type PublicationHead = Omit<PublicationRow, 'basis'>;

// Everything but the basis, which only the next publication opens and which holds a table per
// breakdown: pages and downloads never need to read it.
const HEAD = [
	'p.id',
	'p.localAreaId',
	'p.surveyId',
	'p.sequence',
	'p.madeOn',
	'p.responses',
	'p.final',
	'p.rules'
] as const;

/** The latest publication of a questionnaire, if it has one. */
export async function latestPublication(
	db: Db,
	surveyId: string
): Promise<PublicationHead | undefined> {
	return db
		.selectFrom('publications as p')
		.select(HEAD)
		.where('p.surveyId', '=', surveyId)
		.orderBy('p.sequence', 'desc')
		.limit(1)
		.executeTakeFirst();
}

/** The latest publication of each questionnaire of an area. */
export async function latestPublications(db: Db, areaId: string): Promise<PublicationHead[]> {
	return db
		.selectFrom('publications as p')
		.select(HEAD)
		.where('p.localAreaId', '=', areaId)
		.where((eb) =>
			eb(
				'p.sequence',
				'=',
				eb
					.selectFrom('publications as q')
					.select((e) => e.fn.max('q.sequence').as('latest'))
					.whereRef('q.surveyId', '=', 'p.surveyId')
			)
		)
		.execute();
}

/** What a publication kept for the next one to be protected against it. */
export async function openBasis(db: Db, publicationId: string): Promise<SurveyBasis> {
	const row = await db
		.selectFrom('publications')
		.select('basis')
		.where('id', '=', publicationId)
		.executeTakeFirstOrThrow();
	return JSON.parse(unseal(row.basis, basisContext(publicationId))) as SurveyBasis;
}

// Parsed parts by publication id and part name: publications never change, so an entry is never
// stale. (A part that does not exist is kept as null.)
const parts = new Memo<{ value: unknown }>(500);

export async function readPart<T>(db: Db, publicationId: string, part: string): Promise<T | null> {
	const key = `${publicationId}\u0000${part}`;
	const kept = parts.get(key);
	if (kept) return kept.value as T | null;
	const row = await db
		.selectFrom('publicationParts')
		.select('content')
		.where('publicationId', '=', publicationId)
		.where('part', '=', part)
		.executeTakeFirst();
	return parts.set(key, { value: row ? (JSON.parse(row.content) as T) : null }).value as T | null;
}

/** A file of a publication, chunk by chunk (a straight stream from the database). */
export async function* readFile(
	db: Db,
	publicationId: string,
	file: string
): AsyncGenerator<string> {
	for (let chunk = 0; ; chunk++) {
		const row = await db
			.selectFrom('publicationFiles')
			.select('content')
			.where('publicationId', '=', publicationId)
			.where('file', '=', file)
			.where('chunk', '=', chunk)
			.executeTakeFirst();
		if (!row) return;
		yield row.content;
	}
}

/** What the questionnaire lists show of each publication: its day, responses and rates. */
export interface PublishedSummary {
	madeOn: string;
	final: boolean;
	responses: SurveyFigures['responses'];
	rates: SurveyFigures['rates'];
}

async function summaryOf(db: Db, row: PublicationHead): Promise<PublishedSummary | undefined> {
	const figures = await readPart<Omit<SurveyFigures, 'breakdowns'>>(db, row.id, 'figures');
	if (!figures) return undefined;
	return {
		madeOn: row.madeOn,
		final: row.final === 1,
		responses: figures.responses,
		rates: figures.rates
	};
}

/** The latest publication's summary of every questionnaire of the area that has one. */
export async function publishedSummaries(
	db: Db,
	areaId: string
): Promise<Map<string, PublishedSummary>> {
	const summaries = new Map<string, PublishedSummary>();
	for (const row of await latestPublications(db, areaId)) {
		const summary = await summaryOf(db, row);
		if (summary) summaries.set(row.surveyId, summary);
	}
	return summaries;
}

/** One questionnaire's latest publication summary, if it has one. */
export async function publishedSummary(
	db: Db,
	surveyId: string
): Promise<PublishedSummary | undefined> {
	const row = await latestPublication(db, surveyId);
	return row && summaryOf(db, row);
}
