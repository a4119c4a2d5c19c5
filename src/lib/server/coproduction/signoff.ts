/**
 * Questionnaires before they open: partners read a draft as families will, comment on it and sign
 * it off for the organisation their account belongs to, once per questionnaire; officers comment
 * too and see the sign-offs in the builder. Sign-offs appear in the co-production log by
 * themselves (service.ts). Every change is audited.
 */
import { recordAction } from '../audit';
import type { SessionUser } from '../auth/session';
import { can } from '../auth/roles';
import { inTransaction, nowIso, today as todayOf, type Db } from '../db';
import type { FormErrors } from '../forms';
import { newId } from '../ids';
import { findAreaSurvey, listQuestions } from '../surveys/repository';
import * as repo from './repository';

type Outcome<T = object> = ({ ok: true } & T) | { ok: false; errors: FormErrors };
type User = Pick<SessionUser, 'id' | 'localAreaId' | 'role'>;

/** A questionnaire for review: its questions, comments and sign-offs. Null: not this area's. */
export async function draftReview(db: Db, user: User, surveyId: string) {
	const survey = await findAreaSurvey(db, user.localAreaId, surveyId);
	if (!survey) return null;
	const [questions, comments, signoffs, partner] = await Promise.all([
		listQuestions(db, survey.id),
		repo.listSurveyComments(db, user.localAreaId, survey.id),
		repo.listSignoffs(db, user.localAreaId, survey.id),
		repo.partnerOfUser(db, user.localAreaId, user.id)
	]);
	const draft = survey.status === 'draft';
	return {
		survey: {
			id: survey.id,
			title: survey.title,
			intro: survey.intro,
			audience: survey.audience,
			status: survey.status,
			opensOn: survey.opensOn,
			closesOn: survey.closesOn
		},
		questions: questions.map((q) => ({
			id: q.id,
			section: q.section,
			prompt: q.prompt,
			easyRead: q.easyRead,
			hint: q.hint,
			kind: q.kind,
			required: q.required,
			options: q.options.map((o) => o.label)
		})),
		comments,
		signoffs,
		partner: partner ? { id: partner.id, name: partner.name } : null,
		canComment: draft && can(user.role, 'commentOnDrafts'),
		canSignOff:
			draft &&
			can(user.role, 'signOff') &&
			partner !== undefined &&
			!signoffs.some((s) => s.partnerId === partner.id)
	};
}

export async function commentOnDraft(
	db: Db,
	user: User,
	surveyId: string,
	body: string,
	now = new Date()
): Promise<Outcome | undefined> {
	if (!can(user.role, 'commentOnDrafts')) return undefined;
	return inTransaction(db, async (trx) => {
		const survey = await findAreaSurvey(trx, user.localAreaId, surveyId);
		if (!survey) return undefined;
		if (survey.status !== 'draft')
			return { ok: false, errors: { body: 'This questionnaire has opened: comments are closed' } };
		const partner = await repo.partnerOfUser(trx, user.localAreaId, user.id);
		const id = newId();
		await repo.insertSurveyComment(trx, {
			id,
			surveyId,
			userId: user.id,
			partnerId: user.role === 'partner' ? (partner?.id ?? null) : null,
			body,
			createdAt: nowIso(now)
		});
		await recordAction(trx, user, 'survey_commented', 'survey', surveyId, { commentId: id });
		return { ok: true };
	});
}

export async function signOffDraft(
	db: Db,
	user: User,
	surveyId: string,
	note: string,
	now = new Date()
): Promise<Outcome | undefined> {
	if (!can(user.role, 'signOff')) return undefined;
	return inTransaction(db, async (trx) => {
		const survey = await findAreaSurvey(trx, user.localAreaId, surveyId);
		if (!survey) return undefined;
		if (survey.status !== 'draft')
			return {
				ok: false,
				errors: { '': 'This questionnaire has opened: it can no longer be signed off' }
			};
		const partner = await repo.partnerOfUser(trx, user.localAreaId, user.id);
		if (!partner)
			return {
				ok: false,
				errors: {
					'': 'Your account is not linked to a partner organisation. Ask an admin to link it'
				}
			};
		const signed = await repo.listSignoffs(trx, user.localAreaId, surveyId);
		if (signed.some((s) => s.partnerId === partner.id))
			return {
				ok: false,
				errors: { '': `${partner.name} has already signed off this questionnaire` }
			};
		const id = newId();
		await repo.insertSignoff(trx, {
			id,
			surveyId,
			partnerId: partner.id,
			userId: user.id,
			signedOn: todayOf(now),
			note,
			createdAt: nowIso(now)
		});
		await recordAction(trx, user, 'survey_signed_off', 'survey', surveyId, {
			partner: partner.name
		});
		return { ok: true };
	});
}

/** The sign-off list: questionnaires still in draft, each with who has signed it off. */
export async function draftsForSignOff(db: Db, areaId: string) {
	const [drafts, signoffs] = await Promise.all([
		repo.listDrafts(db, areaId),
		repo.listSignoffs(db, areaId)
	]);
	return drafts.map((d) => ({
		...d,
		signedBy: signoffs.filter((s) => s.surveyId === d.id).map((s) => s.partnerName)
	}));
}

/** Sign-offs of one questionnaire, for the builder. */
export async function signoffsOf(db: Db, areaId: string, surveyId: string) {
	return repo.listSignoffs(db, areaId, surveyId);
}
