import { error } from '@sveltejs/kit';
import { getDb, today } from '$lib/server/db';
import { csvFilename, csvResponse } from '$lib/server/exports/csv';
import { reminderList } from '$lib/server/responses/reminders';
import { officerBatch } from '$lib/server/surveys/builder-access';
import type { RequestHandler } from './$types';

const COLUMNS = [{ key: 'letter', header: 'letter' }] as const;

/** The letter numbers of the batch whose codes were unused at the latest publication. */
export const GET: RequestHandler = async ({ params }) => {
	const { user, batch } = await officerBatch(params.survey, params.batch);
	const list = await reminderList(getDb(), user, batch);
	if (!list.ok) {
		error(
			409,
			'There is no reminder list yet: it is made with the questionnaire’s figures, which have not been published.'
		);
	}
	return csvResponse(
		csvFilename(['reminders', batch.label, `as-of-${list.publishedOn}`], today()),
		COLUMNS,
		list.letters.map((letter) => ({ letter }))
	);
};
