import { getDb } from '$lib/server/db';
import { serveZip } from '$lib/server/exports/http';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ url }) => serveZip(getDb(), url);
