/**
 * An area's population: the number of children and young people in each group of each margin
 * (primary need, age band, EHC plan or SEN support), typed in by an officer or imported from the
 * DfE's published file. An import is two steps: a preview that stores nothing and hands back a
 * sealed copy of what it read, then a confirmation that stores exactly that copy, all at once.
 * The copy is sealed with the server secret and bound to the officer, the area and an hour, so
 * what is stored as "from the DfE file" is what the file said. Every change is audited.
 */
import { z } from 'zod';
import { recordAction, type Actor } from '../audit';
import { inTransaction, nowIso, type Db } from '../db';
import type { PopulationCount, PopulationMargin, PopulationSource } from '../db/schema';
import { seal, unseal } from '../secret';
import { parseDfeEhcPlans, type DfeImport } from './dfe';
import type { PopulationInput } from './input';
import { MARGINS, isMarginKey, marginOf } from './margins';
import * as repo from './repository';

export interface PopulationGroup {
	value: string;
	label: string;
	count: number | null;
	source: PopulationSource | null;
	sourceDetail: string | null;
	asOf: string | null;
}

export interface PopulationView {
	margins: { key: PopulationMargin; label: string; groups: PopulationGroup[]; total: number }[];
	hasAny: boolean;
}

export async function populationView(db: Db, localAreaId: string): Promise<PopulationView> {
	const rows = await repo.listPopulation(db, localAreaId);
	const margins = MARGINS.map((m) => {
		const groups = m.categories.map((c) => {
			const row = rows.find((r) => r.margin === m.key && r.category === c.value);
			return {
				value: c.value,
				label: c.label,
				count: row?.count ?? null,
				source: row?.source ?? null,
				sourceDetail: row?.sourceDetail ?? null,
				asOf: row?.asOf ?? null
			};
		});
		return {
			key: m.key,
			label: m.label,
			groups,
			total: groups.reduce((s, g) => s + (g.count ?? 0), 0)
		};
	});
	return { margins, hasAny: rows.length > 0 };
}

/** Population counts per margin and category: the targets of the weighting. */
export async function populationTargets(
	db: Db,
	localAreaId: string
): Promise<Map<PopulationMargin, Map<string, number>>> {
	const targets = new Map<PopulationMargin, Map<string, number>>();
	for (const row of await repo.listPopulation(db, localAreaId)) {
		if (!marginOf(row.margin)?.categories.some((c) => c.value === row.category)) continue;
		const map = targets.get(row.margin) ?? new Map<string, number>();
		map.set(row.category, row.count);
		targets.set(row.margin, map);
	}
	return targets;
}

/**
 * The figures as typed in. An empty box removes that group's figure; an unchanged figure keeps
 * its source (an imported figure stays "from the DfE file"); a changed one is the officer's, as
 * of the date they gave.
 */
export async function savePopulation(
	db: Db,
	actor: Actor & { id: string },
	input: PopulationInput,
	now = new Date()
): Promise<{ changed: number }> {
	return inTransaction(db, async (trx) => {
		const existing = await repo.listPopulation(trx, actor.localAreaId);
		const find = (margin: string, category: string) =>
			existing.find((r) => r.margin === margin && r.category === category);
		const removed = input.counts.filter((c) => c.count === null && find(c.margin, c.category));
		const written: Omit<PopulationCount, 'localAreaId'>[] = input.counts
			.filter((c) => c.count !== null && find(c.margin, c.category)?.count !== c.count)
			.map((c) => ({
				margin: c.margin,
				category: c.category,
				count: c.count!,
				source: 'manual',
				sourceDetail: 'Entered by an officer',
				asOf: input.asOf,
				updatedAt: nowIso(now),
				updatedBy: actor.id
			}));
		await repo.deletePopulation(trx, actor.localAreaId, removed);
		await repo.putPopulation(trx, actor.localAreaId, written);
		const changed = removed.length + written.length;
		if (changed > 0) {
			await recordAction(trx, actor, 'population_saved', 'local_area', actor.localAreaId, {
				asOf: input.asOf,
				set: written.map((w) => `${w.margin}/${w.category}=${w.count}`),
				removed: removed.map((r) => `${r.margin}/${r.category}`)
			});
		}
		return { changed };
	});
}

const PREVIEW_LIFETIME_MS = 60 * 60 * 1000;

export type PreviewOutcome =
	{ ok: true; value: DfeImport; token: string } | { ok: false; errors: string[] };

/** Reads the file and says what would be stored; stores nothing. */
export function previewImport(
	actor: Actor & { id: string },
	text: string,
	localAuthority: string,
	now = new Date()
): PreviewOutcome {
	const parsed = parseDfeEhcPlans(text, localAuthority);
	if (!parsed.ok) return parsed;
	const token = seal(
		JSON.stringify({
			areaId: actor.localAreaId,
			userId: actor.id,
			expires: now.getTime() + PREVIEW_LIFETIME_MS,
			value: parsed.value
		}),
		PREVIEW_CONTEXT
	);
	return { ok: true, value: parsed.value, token };
}

/** Sealed for this use only: no other sealed value opens as a population preview. */
const PREVIEW_CONTEXT = 'population-import-preview';

const sealedSchema = z.object({
	areaId: z.string(),
	userId: z.string(),
	expires: z.number(),
	value: z.object({
		la: z.object({ name: z.string(), code: z.string().nullable() }),
		period: z.string(),
		asOf: z.string(),
		total: z.number().int().nonnegative(),
		figures: z.array(
			z.object({
				margin: z.string().refine(isMarginKey),
				category: z.string(),
				count: z.number().int().nonnegative()
			})
		),
		notes: z.array(z.string()),
		detail: z.string()
	})
});

const STALE =
	'This preview can no longer be used (it is over an hour old, or was made for someone else). Import the file again.';

/** Stores what the preview read, replacing the margins the file gave. */
export async function confirmImport(
	db: Db,
	actor: Actor & { id: string },
	token: string,
	now = new Date()
): Promise<{ ok: true; value: DfeImport } | { ok: false; errors: string[] }> {
	let payload: z.infer<typeof sealedSchema>;
	try {
		payload = sealedSchema.parse(JSON.parse(unseal(token, PREVIEW_CONTEXT)));
	} catch {
		return { ok: false, errors: [STALE] };
	}
	if (
		payload.areaId !== actor.localAreaId ||
		payload.userId !== actor.id ||
		payload.expires < now.getTime()
	)
		return { ok: false, errors: [STALE] };
	const value = payload.value as DfeImport;
	await inTransaction(db, async (trx) => {
		// The margins the file gave are replaced whole: a need the file no longer has is gone.
		const margins = new Set(value.figures.map((f) => f.margin));
		const stale = (await repo.listPopulation(trx, actor.localAreaId)).filter(
			(r) => margins.has(r.margin) && !(r.margin === 'ehc-plan' && r.category !== 'yes')
		);
		await repo.deletePopulation(trx, actor.localAreaId, stale);
		await repo.putPopulation(
			trx,
			actor.localAreaId,
			value.figures.map((f) => ({
				...f,
				source: 'dfe',
				sourceDetail: value.detail,
				asOf: value.asOf,
				updatedAt: nowIso(now),
				updatedBy: actor.id
			}))
		);
		await recordAction(trx, actor, 'population_imported', 'local_area', actor.localAreaId, {
			source: value.detail,
			figures: value.figures.length,
			notes: value.notes.length
		});
	});
	return { ok: true, value };
}
