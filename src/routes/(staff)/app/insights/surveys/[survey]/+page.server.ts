import { error, fail } from '@sveltejs/kit';
import { requireCapability, requireRole } from '$lib/server/auth/guards';
import { hasRole } from '$lib/server/auth/roles';
import { recordAction } from '$lib/server/audit';
import { getDb } from '$lib/server/db';
import { surveyResults } from '$lib/server/insights/service';
import { nextRefresh, publishSurvey } from '$lib/server/insights/publish/refresh';
import { findAreaSurvey } from '$lib/server/surveys/repository';

export const load = async ({ params }) => {
	const user = requireCapability('readFigures');
	const db = getDb();
	const results = await surveyResults(db, user.localAreaId, params.survey);
	if (!results) error(404, 'Not found');
	return {
		results,
		next: (await nextRefresh(db, params.survey)) ?? null,
		canPublish: hasRole(user.role, 'officer')
	};
};

export const actions = {
	/** Publish now what a refresh would publish; refused unless one is due. */
	publish: async ({ params }) => {
		const user = requireRole('officer');
		const db = getDb();
		if (!(await findAreaSurvey(db, user.localAreaId, params.survey))) error(404, 'Not found');
		const outcome = await publishSurvey(db, params.survey);
		if (outcome.ok) {
			await recordAction(db, user, 'publication.made', 'survey', params.survey);
			return { published: true };
		}
		if (outcome.reason === 'raced') return { published: true };
		return fail(409, {
			error:
				'New figures are not due yet: they are published once enough new responses have been stored, at most once a day.'
		});
	}
};
