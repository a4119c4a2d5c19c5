import { getDb } from '$lib/server/db';
import { serveAreaFile } from '$lib/server/exports/http';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ url }) => serveAreaFile(getDb(), 'representativeness', url);
