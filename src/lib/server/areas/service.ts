/**
 * Areas of weakness: an area's inspections and their findings, and the area's own settings.
 * Rules: every read and write is scoped to the actor's local area (another area's id is simply
 * not found, so routes answer 404); a finding that questions or comment themes link to can only be
 * archived, because deleting it would cut the thread from the questions to the inspection;
 * ordering is by explicit position, moved one step at a time. Every change is audited.
 */
import { recordAction, type Actor } from '../audit';
import { inTransaction, nowIso, type Db } from '../db';
import type { Finding, Inspection, LocalArea } from '../db/schema';
import type { FormErrors } from '../forms';
import { newId } from '../ids';
import {
	newAreaSchema,
	type FindingInput,
	type InspectionInput,
	type SettingsInput
} from './input';
import { moveInList, type Direction } from '../ordering';
import * as repo from './repository';
import { themeTitle } from './themes';

export type { Actor };

type Outcome<T = object> = ({ ok: true } & T) | { ok: false; errors: FormErrors };

// Inspections

export async function addInspection(
	db: Db,
	actor: Actor,
	input: InspectionInput,
	now = new Date()
): Promise<Inspection> {
	return inTransaction(db, async (trx) => {
		const existing = await repo.listInspections(trx, actor.localAreaId);
		const inspection: Inspection = {
			id: newId(),
			localAreaId: actor.localAreaId,
			...input,
			position: existing.length,
			archived: 0,
			createdAt: nowIso(now)
		};
		await repo.insertInspection(trx, inspection);
		await recordAction(trx, actor, 'inspection_created', 'inspection', inspection.id, {
			kind: input.kind,
			startsOn: input.startsOn
		});
		return inspection;
	});
}

export async function editInspection(
	db: Db,
	actor: Actor,
	id: string,
	input: InspectionInput
): Promise<Inspection | undefined> {
	return inTransaction(db, async (trx) => {
		const inspection = await repo.getInspection(trx, actor.localAreaId, id);
		if (!inspection) return undefined;
		await repo.updateInspection(trx, actor.localAreaId, id, input);
		await recordAction(
			trx,
			actor,
			'inspection_updated',
			'inspection',
			id,
			changes(inspection, input)
		);
		return { ...inspection, ...input };
	});
}

export async function setInspectionArchived(
	db: Db,
	actor: Actor,
	id: string,
	archived: boolean
): Promise<Inspection | undefined> {
	return inTransaction(db, async (trx) => {
		const inspection = await repo.getInspection(trx, actor.localAreaId, id);
		if (!inspection) return undefined;
		await repo.updateInspection(trx, actor.localAreaId, id, { archived: archived ? 1 : 0 });
		await recordAction(
			trx,
			actor,
			archived ? 'inspection_archived' : 'inspection_unarchived',
			'inspection',
			id
		);
		return { ...inspection, archived: archived ? 1 : 0 };
	});
}

export async function moveInspection(
	db: Db,
	actor: Actor,
	id: string,
	direction: Direction
): Promise<Inspection | undefined> {
	return inTransaction(db, async (trx) => {
		const all = await repo.listInspections(trx, actor.localAreaId);
		const inspection = all.find((i) => i.id === id);
		if (!inspection) return undefined;
		const order = moveInList(
			all.map((i) => i.id),
			id,
			direction
		);
		await repo.setInspectionPositions(trx, actor.localAreaId, order);
		await recordAction(trx, actor, 'inspection_moved', 'inspection', id, { direction });
		return inspection;
	});
}

// Findings

async function codeProblem(db: Db, input: FindingInput, exceptId: string | null) {
	if (await repo.findingCodeTaken(db, input.inspectionId, input.code, exceptId))
		return { code: 'Another finding of this inspection already has that code' };
	return null;
}

export async function addFinding(
	db: Db,
	actor: Actor,
	input: FindingInput,
	now = new Date()
): Promise<Outcome<{ finding: Finding }>> {
	return inTransaction(db, async (trx) => {
		const inspection = await repo.getInspection(trx, actor.localAreaId, input.inspectionId);
		if (!inspection)
			return { ok: false, errors: { inspectionId: 'Choose the inspection this finding is from' } };
		const problem = await codeProblem(trx, input, null);
		if (problem) return { ok: false, errors: problem };
		const siblings = await repo.listFindingsOfInspection(trx, actor.localAreaId, inspection.id);
		const finding: Finding = {
			id: newId(),
			localAreaId: actor.localAreaId,
			...input,
			position: siblings.length,
			archived: 0,
			createdAt: nowIso(now)
		};
		await repo.insertFinding(trx, finding);
		await recordAction(trx, actor, 'finding_created', 'finding', finding.id, {
			code: finding.code,
			title: finding.title,
			theme: finding.theme
		});
		return { ok: true, finding };
	});
}

export async function editFinding(
	db: Db,
	actor: Actor,
	id: string,
	input: FindingInput
): Promise<Outcome<{ finding: Finding }> | undefined> {
	return inTransaction(db, async (trx) => {
		const finding = await repo.getFinding(trx, actor.localAreaId, id);
		if (!finding) return undefined;
		const inspection = await repo.getInspection(trx, actor.localAreaId, input.inspectionId);
		if (!inspection)
			return { ok: false, errors: { inspectionId: 'Choose the inspection this finding is from' } };
		const problem = await codeProblem(trx, input, id);
		if (problem) return { ok: false, errors: problem };
		// Moving to another inspection puts the finding at the end of that inspection's list.
		const position =
			input.inspectionId === finding.inspectionId
				? finding.position
				: (await repo.listFindingsOfInspection(trx, actor.localAreaId, input.inspectionId)).length;
		await repo.updateFinding(trx, actor.localAreaId, id, { ...input, position });
		await recordAction(trx, actor, 'finding_updated', 'finding', id, changes(finding, input));
		return { ok: true, finding: { ...finding, ...input, position } };
	});
}

export async function setFindingArchived(
	db: Db,
	actor: Actor,
	id: string,
	archived: boolean
): Promise<Finding | undefined> {
	return inTransaction(db, async (trx) => {
		const finding = await repo.getFinding(trx, actor.localAreaId, id);
		if (!finding) return undefined;
		await repo.updateFinding(trx, actor.localAreaId, id, { archived: archived ? 1 : 0 });
		await recordAction(
			trx,
			actor,
			archived ? 'finding_archived' : 'finding_unarchived',
			'finding',
			id,
			{
				code: finding.code
			}
		);
		return { ...finding, archived: archived ? 1 : 0 };
	});
}

/** Deletes a finding nothing links to. Linked findings can only be archived. */
export async function removeFinding(
	db: Db,
	actor: Actor,
	id: string
): Promise<Outcome | undefined> {
	return inTransaction(db, async (trx) => {
		const finding = await repo.getFinding(trx, actor.localAreaId, id);
		if (!finding) return undefined;
		if ((await repo.countFindingLinks(trx, id)) > 0)
			return {
				ok: false,
				errors: {
					'': 'Questions or comment themes are linked to this finding, so it cannot be deleted. Archive it instead.'
				}
			};
		await repo.deleteFinding(trx, actor.localAreaId, id);
		await recordAction(trx, actor, 'finding_deleted', 'finding', id, {
			code: finding.code,
			title: finding.title
		});
		return { ok: true };
	});
}

/** Whether a finding may be deleted (nothing links to it). Undefined: not in this area. */
export async function canDeleteFinding(
	db: Db,
	localAreaId: string,
	id: string
): Promise<boolean | undefined> {
	const finding = await repo.getFinding(db, localAreaId, id);
	if (!finding) return undefined;
	return (await repo.countFindingLinks(db, id)) === 0;
}

export async function moveFinding(
	db: Db,
	actor: Actor,
	id: string,
	direction: Direction
): Promise<Finding | undefined> {
	return inTransaction(db, async (trx) => {
		const finding = await repo.getFinding(trx, actor.localAreaId, id);
		if (!finding) return undefined;
		const siblings = await repo.listFindingsOfInspection(
			trx,
			actor.localAreaId,
			finding.inspectionId
		);
		const order = moveInList(
			siblings.map((f) => f.id),
			id,
			direction
		);
		await repo.setFindingPositions(trx, actor.localAreaId, order);
		await recordAction(trx, actor, 'finding_moved', 'finding', id, {
			code: finding.code,
			direction
		});
		return finding;
	});
}

/** The area's inspections, each with its findings in order. */
export async function inspectionsWithFindings(db: Db, localAreaId: string) {
	const [inspections, findings, links] = await Promise.all([
		repo.listInspections(db, localAreaId),
		repo.listFindings(db, localAreaId),
		repo.questionCountsByFinding(db, localAreaId)
	]);
	return inspections.map((inspection) => ({
		...inspection,
		findings: findings
			.filter((f) => f.inspectionId === inspection.id)
			.map((f) => ({ ...f, themeTitle: themeTitle(f.theme), questionCount: links.get(f.id) ?? 0 }))
	}));
}

// Area settings

export interface AreaSettings {
	name: string;
	districts: string[];
	flagTerms: string[];
	minBase: number;
	minCount: number;
	isDemo: boolean;
	slug: string;
}

export function settingsOf(area: LocalArea): AreaSettings {
	return {
		name: area.name,
		slug: area.slug,
		isDemo: area.isDemo === 1,
		districts: parseList(area.districts),
		flagTerms: parseList(area.flagTerms),
		minBase: area.minBase,
		minCount: area.minCount
	};
}

function parseList(json: string): string[] {
	const value: unknown = JSON.parse(json);
	return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

export async function getSettings(db: Db, localAreaId: string): Promise<AreaSettings | undefined> {
	const area = await repo.getArea(db, localAreaId);
	return area && settingsOf(area);
}

/** One of the area's own lists: districts (about-you options) or personal-data flag terms. */
export async function areaList(
	db: Db,
	localAreaId: string,
	list: 'districts' | 'flagTerms'
): Promise<string[]> {
	return (await getSettings(db, localAreaId))?.[list] ?? [];
}

export async function updateSettings(
	db: Db,
	actor: Actor,
	input: SettingsInput
): Promise<AreaSettings | undefined> {
	return inTransaction(db, async (trx) => {
		const area = await repo.getArea(trx, actor.localAreaId);
		if (!area) return undefined;
		const before = settingsOf(area);
		await repo.updateArea(trx, actor.localAreaId, {
			name: input.name,
			districts: JSON.stringify(input.districts),
			flagTerms: JSON.stringify(input.flagTerms),
			minBase: input.minBase,
			minCount: input.minCount
		});
		const after = { ...before, ...input };
		await recordAction(
			trx,
			actor,
			'area_settings_updated',
			'local_area',
			area.id,
			changes(before, input)
		);
		return after;
	});
}

/** A new, empty (non-demo) local area; used by `npm run user:create -- --area-name`. */
export async function createArea(
	db: Db,
	input: { slug: string; name: string },
	now = new Date()
): Promise<Outcome<{ area: LocalArea }>> {
	const parsed = newAreaSchema.safeParse(input);
	if (!parsed.success)
		return { ok: false, errors: { '': parsed.error.issues.map((i) => i.message).join('\n') } };
	if (await repo.getAreaBySlug(db, parsed.data.slug))
		return { ok: false, errors: { slug: 'A local area already has that slug' } };
	const id = newId();
	await db
		.insertInto('localAreas')
		.values({ id, slug: parsed.data.slug, name: parsed.data.name, createdAt: nowIso(now) })
		.execute();
	await recordAction(
		db,
		{ id: null, localAreaId: id },
		'area_created',
		'local_area',
		id,
		parsed.data
	);
	return { ok: true, area: (await repo.getArea(db, id))! };
}

/** The fields whose values changed, before → after, for the audit log. */
function changes(before: object, after: object): Record<string, unknown> {
	const result: Record<string, unknown> = {};
	const old = before as Record<string, unknown>;
	for (const [key, value] of Object.entries(after)) {
		if (JSON.stringify(old[key]) !== JSON.stringify(value))
			result[key] = { from: old[key], to: value };
	}
	return result;
}
