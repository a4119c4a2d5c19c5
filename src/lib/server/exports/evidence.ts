/**
 * The evidence pack: a printable report for inspectors, per local area or per inspection. For
 * each area of weakness, its finding text, the lived-experience and co-production figures per
 * wave with intervals and the verdict at each wave, up to five reviewed comments, and method
 * notes: who was asked, response rates and the suppression rules. Every figure is the finding
 * page's own (insights' `findingInsights`), and the comments are the finding page's too.
 * Beside the figures, the actions of the improvement plan that address each finding with their
 * status history; and "How this was co-produced", from the co-production log and sign-offs.
 */
import { themeTitle } from '../areas/themes';
import { commentsForFinding } from '../comments/service';
import { today, type Db } from '../db';
import type { Audience, AccessMode } from '../db/schema';
import { latestChange } from '../insights/findings';
import {
	AUDIENCE_LABELS,
	findingInsights,
	loadAreaView,
	surveyResultsOf,
	type DimensionSummary
} from '../insights/service';
import type { ChangeFigure, PublicCount, PublicRate, Rules } from '../insights/suppression';
import { coproductionRecord, type LogEntry } from '../coproduction/service';
import {
	actionHistories,
	findingPlan,
	type FindingAction,
	type HistoryEntry,
	type TimelineMarker
} from '../plan/view';
import { loadExportArea } from './context';
import { listExportSurveys } from './repository';

/** At most this many comments per finding: a flavour of what families said, not a catalogue. */
export const COMMENTS_PER_FINDING = 5;
const PACK_DIMENSIONS = ['lived_experience', 'co_production'] as const;

export interface PackFinding {
	id: string;
	code: string;
	title: string;
	detail: string | null;
	kind: string;
	theme: string;
	inspection: { kind: string; startsOn: string | null };
	dimensions: (DimensionSummary & {
		byAudience: Record<Audience, DimensionSummary>;
		/** The change into each wave from the one before, with its verdict. */
		changes: { waveName: string; change: ChangeFigure }[];
	})[];
	comments: { id: string; waveName: string; body: string }[];
	commentThemes: string[];
	/** The plan's actions for this finding, numbered as on its trend, with their history. */
	actions: (FindingAction & { history: HistoryEntry[] })[];
	markers: TimelineMarker[];
}

export interface PackSurvey {
	id: string;
	title: string;
	audience: Audience;
	audienceLabel: string;
	waveName: string;
	startsOn: string;
	endsOn: string | null;
	accessMode: AccessMode;
	responses: PublicCount;
	rate: PublicRate | null;
}

export interface EvidencePack {
	area: { name: string; isDemo: boolean };
	inspection: { id: string; kind: string; startsOn: string | null; outcome: string | null } | null;
	inspections: { id: string; kind: string; startsOn: string | null }[];
	generatedOn: string;
	rules: Rules;
	waves: string[];
	findings: PackFinding[];
	surveys: PackSurvey[];
	coproduction: {
		log: LogEntry[];
		signoffs: {
			id: string;
			surveyTitle: string;
			partnerName: string;
			signedOn: string;
			note: string;
		}[];
	};
}

/** The pack for the whole area, or for one inspection (null when it is not this area's). */
export async function evidencePack(
	db: Db,
	areaId: string,
	inspectionId: string | null = null
): Promise<EvidencePack | null> {
	const area = await loadExportArea(db, areaId);
	if (!area) return null;
	const view = await loadAreaView(db, area.id);
	const { inspections, findings } = view.listed;
	const inspection = inspectionId ? inspections.find((i) => i.id === inspectionId) : null;
	if (inspectionId && !inspection) return null;

	const weaknesses = findings.filter(
		(f) => f.kind !== 'strength' && (!inspection || f.inspectionId === inspection.id)
	);
	// In report order: inspection first, then the finding's place in it.
	const inspectionOrder = new Map(inspections.map((i, n) => [i.id, n]));
	weaknesses.sort(
		(a, b) =>
			inspectionOrder.get(a.inspectionId)! - inspectionOrder.get(b.inspectionId)! ||
			a.position - b.position
	);

	let waves: string[] = [];
	const packed: PackFinding[] = [];
	const histories = await actionHistories(db, area.id);
	for (const f of weaknesses) {
		const insights = await findingInsights(db, area.id, f.id, {}, view);
		if (!insights) continue;
		waves = insights.waves.map((w) => w.name);
		const comments = await commentsForFinding(db, area.id, f.id, COMMENTS_PER_FINDING);
		const plan = await findingPlan(
			db,
			area.id,
			f.id,
			insights.waves.map((w) => w.id)
		);
		packed.push({
			id: f.id,
			code: f.code,
			title: f.title,
			detail: f.detail,
			kind: f.kind,
			theme: themeTitle(f.theme),
			inspection: {
				kind: insights.finding.inspectionKind,
				startsOn: insights.finding.inspectionStartsOn
			},
			dimensions: insights.dimensions
				.filter((d) => (PACK_DIMENSIONS as readonly string[]).includes(d.dimension))
				.map((d) => ({
					...d,
					changes: d.points.map((p, i) => ({
						waveName: p.waveName,
						change: latestChange(d.points.slice(0, i + 1), insights.rules)
					}))
				})),
			comments: comments.waves
				.flatMap((w) => w.comments.map((c) => ({ id: c.id, waveName: w.waveName, body: c.body })))
				.slice(0, COMMENTS_PER_FINDING),
			commentThemes: comments.themes.map((t) => t.name),
			actions: plan.actions.map((a) => ({ ...a, history: histories[a.id] ?? [] })),
			markers: plan.markers
		});
	}

	const surveys: PackSurvey[] = [];
	for (const s of await listExportSurveys(db, area.id)) {
		const results = surveyResultsOf(view.area, s.id);
		surveys.push({
			id: s.id,
			title: s.title,
			audience: s.audience,
			audienceLabel: AUDIENCE_LABELS[s.audience],
			waveName: s.waveName,
			startsOn: s.waveStartsOn,
			endsOn: s.waveEndsOn,
			accessMode: s.accessMode,
			responses: results?.responses ?? 0,
			rate: results?.rates?.total ?? null
		});
	}

	return {
		area: { name: area.name, isDemo: area.isDemo },
		inspection: inspection
			? {
					id: inspection.id,
					kind: inspection.kind,
					startsOn: inspection.startsOn,
					outcome: inspection.outcome
				}
			: null,
		inspections: inspections.map((i) => ({ id: i.id, kind: i.kind, startsOn: i.startsOn })),
		generatedOn: today(),
		rules: area.rules,
		waves,
		findings: packed,
		surveys,
		coproduction: await coproductionRecord(db, area.id)
	};
}
