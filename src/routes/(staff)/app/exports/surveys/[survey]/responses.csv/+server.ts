import { getDb } from '$lib/server/db';
import { serveSurveyFile } from '$lib/server/exports/http';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ params }) =>
	serveSurveyFile(getDb(), 'responses', params.survey);
