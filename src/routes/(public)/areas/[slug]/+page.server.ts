import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { publishedPage } from '$lib/server/public/service';

// Anyone may read it; it is only ever the snapshot an officer published (see public/service.ts).
export const load = async ({ params }) => {
	const content = await publishedPage(getDb(), params.slug);
	if (!content) error(404, 'Not found');
	return { content };
};
