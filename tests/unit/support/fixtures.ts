/**
 * Test support: small, explicit data sets built through the same tables the app uses.
 * Every helper takes the database first and returns what it made.
 */
import type { QuestionOption } from '$lib/questions/types';
import { questionType } from '$lib/questions/registry';
import { nowIso, today, type Db } from '$lib/server/db';
import type {
	AccessMode,
	Audience,
	NewQuestionRow,
	SurveyStatus,
	User
} from '$lib/server/db/schema';
import { hashPassword } from '$lib/server/auth/password';
import { newId } from '$lib/server/ids';
import { publishSurvey } from '$lib/server/insights/publish/refresh';
import { listQuestions } from '$lib/server/surveys/repository';

export async function makeArea(db: Db, slug = `area-${newId().slice(0, 6)}`) {
	const id = newId();
	await db
		.insertInto('localAreas')
		.values({
			id,
			slug,
			name: `Area ${slug}`,
			createdAt: nowIso(),
			districts: JSON.stringify(['North', 'South'])
		})
		.execute();
	return { id, slug };
}

export async function makeInspectionWithFindings(
	db: Db,
	areaId: string,
	themes: string[] = ['COPR', 'EHCQ']
) {
	const inspectionId = newId();
	await db
		.insertInto('inspections')
		.values({
			id: inspectionId,
			localAreaId: areaId,
			kind: 'initial',
			framework: null,
			startsOn: '2019-01-01',
			endsOn: null,
			outcome: null,
			position: 0,
			createdAt: nowIso()
		})
		.execute();
	const findings = themes.map((theme, i) => ({
		id: newId(),
		localAreaId: areaId,
		inspectionId,
		kind: 'significant_weakness' as const,
		code: `F${i + 1}`,
		title: `Finding ${i + 1} about ${theme}`,
		detail: null,
		theme,
		position: i,
		createdAt: nowIso()
	}));
	if (findings.length) await db.insertInto('findings').values(findings).execute();
	return { inspectionId, findings };
}

export async function makeWave(db: Db, areaId: string, position = 0) {
	const id = newId();
	await db
		.insertInto('waves')
		.values({
			id,
			localAreaId: areaId,
			name: `Wave ${position + 1}`,
			startsOn: '2026-01-01',
			endsOn: null,
			position
		})
		.execute();
	return id;
}

export interface SurveyOptions {
	audience?: Audience;
	status?: SurveyStatus;
	accessMode?: AccessMode;
	opensOn?: string;
	closesOn?: string;
	waveId?: string;
	questions?: Partial<NewQuestionRow>[];
}

/** A survey with the given questions (defaults: one required scale, one single, one text). */
export async function makeSurvey(db: Db, areaId: string, options: SurveyOptions = {}) {
	const id = newId();
	const waveId = options.waveId ?? (await makeWave(db, areaId));
	await db
		.insertInto('surveys')
		.values({
			id,
			localAreaId: areaId,
			waveId,
			audience: options.audience ?? 'parent_carer',
			title: 'Test survey',
			intro: 'Tell us',
			status: options.status ?? 'open',
			accessMode: options.accessMode ?? 'code',
			opensOn: options.opensOn ?? '2000-01-01',
			closesOn: options.closesOn ?? '2999-12-31',
			resultsOn: null,
			copiedFromId: null,
			createdAt: nowIso()
		})
		.execute();
	const questions = options.questions ?? [
		{
			kind: 'scale',
			key: 'listened-to',
			dimension: 'lived_experience',
			prompt: 'I feel listened to.',
			required: 1
		},
		{
			kind: 'single',
			key: 'district',
			dimension: 'about_you',
			prompt: 'Where do you live?',
			options: JSON.stringify(opts(['North', 'South']))
		},
		{ kind: 'text', key: 'anything-else', prompt: 'Anything else?' }
	];
	for (const [position, q] of questions.entries()) {
		const kind = q.kind ?? 'scale';
		await db
			.insertInto('questions')
			.values({
				id: newId(),
				surveyId: id,
				position,
				section: null,
				key: `q${position}`,
				dimension: null,
				theme: null,
				easyRead: null,
				hint: null,
				required: 0,
				options: JSON.stringify(questionType(kind).defaultOptions()),
				settings: '{}',
				prompt: `Question ${position + 1}`,
				...q,
				kind
			})
			.execute();
	}
	return { id, waveId, questions: await listQuestions(db, id), today: today() };
}

export function opts(labels: string[]): QuestionOption[] {
	return labels.map((label) => ({ value: label.toLowerCase().replace(/\W+/g, '-'), label }));
}

/** A staff user of an area. Hashing is real argon2, so pass a shared hash when making many. */
export async function makeUser(
	db: Db,
	areaId: string,
	options: Partial<Omit<User, 'id' | 'localAreaId' | 'partnerId'>> & {
		password?: string;
		partnerId?: string | null;
	} = {}
) {
	const { password = 'correct horse battery staple', ...rest } = options;
	const user: User = {
		id: newId(),
		localAreaId: areaId,
		email: `user-${newId().slice(0, 8)}@example.test`,
		name: 'Test user',
		role: 'officer',
		passwordHash: rest.passwordHash ?? (await hashPassword(password)),
		canExportRows: 0,
		partnerId: null,
		expiresOn: null,
		disabledAt: null,
		createdAt: nowIso(),
		...rest
	};
	await db.insertInto('users').values(user).execute();
	return { ...user, password };
}

/**
 * Publishes every opened questionnaire of an area, as the app would once enough responses have
 * arrived: closed ones for good. Pages and files read publications, so tests that store
 * responses call this before they look.
 */
export async function publishAll(db: Db, areaId: string, on = today()) {
	const surveys = await db
		.selectFrom('surveys')
		.select(['id', 'status'])
		.where('localAreaId', '=', areaId)
		.where('status', '!=', 'draft')
		.execute();
	for (const survey of surveys) {
		await publishSurvey(db, survey.id, { final: survey.status === 'closed', on });
	}
}
