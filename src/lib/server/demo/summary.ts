import type { Db } from '../db';
import { findCode } from '../responses/batches';
import { hashCode, normaliseCode } from '../responses/codes';
import { demoBatchSeed, demoCode } from './codes';
import { demoAdmin } from './seed';
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
	const waves = 3;
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
		const unusedCodes: string[] = [];
		for (let i = 0; coded && unusedCodes.length < 3 && i < 1000; i++) {
			const code = demoCode(demoBatchSeed(area.slug, waves - 1, 0), i);
			const found = await findCode(db, coded.id, hashCode(normaliseCode(code)));
			if (found && !found.used && !found.draftId) unusedCodes.push(code);
		}
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
