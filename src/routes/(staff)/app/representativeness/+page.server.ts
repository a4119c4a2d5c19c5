import { error } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guards';
import { hasRole } from '$lib/server/auth/roles';
import { getDb } from '$lib/server/db';
import { readSurveyChoice } from '$lib/server/representativeness/input';
import { METHOD } from '$lib/server/representativeness/method';
import { representativenessPage } from '$lib/server/representativeness/service';

export const load = async ({ url }) => {
	const user = requireRole('viewer');
	const page = await representativenessPage(getDb(), user.localAreaId, readSurveyChoice(url));
	if (!page) error(404, 'Not found');
	const current = page.current;
	return {
		page: {
			rules: page.rules,
			choices: page.choices,
			audienceLabel: page.audienceLabel,
			previousWave: page.previousWave,
			population: page.population,
			responses: page.responses,
			rows: page.rows,
			current: current && {
				survey: current.survey,
				usable: current.weighting.usable,
				reason: current.weighting.reason,
				margins: current.weighting.margins,
				profile: current.weighting.profile,
				bounds: current.weighting.bounds,
				rake: current.weighting.rake && {
					converged: current.weighting.rake.converged,
					iterations: current.weighting.rake.iterations,
					maxError: current.weighting.rake.maxError,
					trimmed: current.weighting.rake.trimmed,
					summary: current.weighting.rake.summary
				}
			}
		},
		method: METHOD,
		mayEditPopulation: hasRole(user.role, 'officer')
	};
};
