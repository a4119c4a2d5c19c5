import type { Db } from '../db';
import { hashCode, normaliseCode } from '../responses/codes';
import { demoBatchSeed, demoCode } from './codes';
import { DEMO_BATCH_SIZE, demoAdmin } from './seed';
import { demoPartner } from './plan';

export interface DemoAreaSummary {
	name: string;
	slug: string;
	email: string;
	password: string;
	partner: { email: string; password: string };
	/** Whether the area's public "You said, we did" page is published. */
	publicPage: boolean;
	surveys: { id: string; title: string; audience: string; accessMode: string }[];
	unusedCodes: string[];
}

/** What `npm start` prints: per demo area, its sign-in, open questionnaires and unused codes. */
export async function describeDemo(db: Db): Promise<DemoAreaSummary[]> {
	const areas = await db
		.selectFrom('localAreas')
		.select(['id', 'name', 'slug'])
		.where('isDemo', '=', 1)
		.orderBy('name')
		.execute();
	const result: DemoAreaSummary[] = [];
	for (const area of areas) {
		const surveys = await db
			.selectFrom('surveys')
			.select(['id', 'title', 'audience', 'accessMode'])
			.where('localAreaId', '=', area.id)
			.where('status', '=', 'open')
			.orderBy('audience')
			.execute();
		const coded = surveys.find((s) => s.accessMode === 'code');
		const unusedCodes = coded ? await unusedDemoCodes(db, area.slug, coded.id) : [];
		const page = await db
			.selectFrom('publicPages')
			.select('content')
			.where('localAreaId', '=', area.id)
			.executeTakeFirst();
		result.push({
			...area,
			...demoAdmin(area.slug),
			partner: demoPartner(area.slug),
			publicPage: Boolean(page?.content),
			surveys,
			unusedCodes
		});
	}
	return result;
}

/** The demo's open questionnaires are in its third wave. */
const OPEN_WAVE = 2;
/** Codes looked up at once: the demo spent its codes from the first on. */
const LOOKUP = 100;

/** The first three codes of the open wave's first batch that nobody has used or started with. */
async function unusedDemoCodes(db: Db, slug: string, surveyId: string): Promise<string[]> {
	const seed = demoBatchSeed(slug, OPEN_WAVE, 0);
	const found: string[] = [];
	for (let from = 0; found.length < 3 && from < DEMO_BATCH_SIZE; from += LOOKUP) {
		const size = Math.min(LOOKUP, DEMO_BATCH_SIZE - from);
		const codes = Array.from({ length: size }, (_, i) => demoCode(seed, from + i));
		const byHash = new Map(codes.map((code) => [hashCode(normaliseCode(code)), code]));
		const unused = await db
			.selectFrom('accessCodes')
			.select('codeHash')
			.where('surveyId', '=', surveyId)
			.where('codeHash', 'in', [...byHash.keys()])
			.where('used', '=', 0)
			.where('draftId', 'is', null)
			.execute();
		const free = new Set(unused.map((r) => r.codeHash));
		for (const [hash, code] of byHash) if (free.has(hash) && found.length < 3) found.push(code);
	}
	return found;
}
