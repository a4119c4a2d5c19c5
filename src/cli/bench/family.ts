/**
 * A family answering a questionnaire over plain HTTP, as a browser without JavaScript would:
 * enter the code (or start from the open link), answer every page with its first choices, and
 * send. Light enough to run many at once against one or several servers.
 */

export type Outcome =
	/** The confirmation page: the response was acknowledged. */
	| 'sent'
	/** "Sent already": this browser's answers were sent before, nothing more is stored. */
	| 'already'
	/** Refused (the code was used, or entered elsewhere), or the server failed. */
	| 'refused';

export interface Family {
	/** The base URL of the server this family speaks to. */
	server: string;
	/** The address the family's requests come from (ADDRESS_HEADER=x-forwarded-for). */
	address: string;
	surveyId: string;
	/** An access code, for code questionnaires. */
	code?: string;
	/** The answer to every free-text question. */
	text: string;
	/** Told of each request the family sends. */
	onRequest?: () => void;
}

const decode = (s: string) =>
	s
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&amp;/g, '&');

/** The fields a browser would post from the page's form: hidden ones, first choices, the text. */
export function pageFields(html: string, text: string): URLSearchParams {
	const form = /<form method="POST"[^>]*>([\s\S]*?)<\/form>/.exec(html)?.[1] ?? '';
	const fields = new URLSearchParams();
	const chosen = new Set<string>();
	for (const [tag] of form.matchAll(/<input\b[^>]*>/g)) {
		const attr = (name: string) => decode(new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1] ?? '');
		const type = attr('type') || 'text';
		const name = attr('name');
		if (!name) continue;
		if (type === 'hidden') fields.append(name, attr('value'));
		else if (type === 'radio' || type === 'checkbox') {
			if (!chosen.has(name)) fields.append(name, attr('value'));
			chosen.add(name);
		} else if (type === 'text' || type === 'number') fields.append(name, '3');
	}
	for (const [, name] of form.matchAll(/<textarea\b[^>]*\bname="([^"]*)"/g)) {
		fields.append(decode(name!), text);
	}
	return fields;
}

export async function answerAsFamily(family: Family): Promise<Outcome> {
	const cookies = new Map<string, string>();
	const base = `/s/${family.surveyId}`;
	async function request(path: string, body?: URLSearchParams) {
		family.onRequest?.();
		const response = await fetch(new URL(path, family.server), {
			method: body ? 'POST' : 'GET',
			redirect: 'manual',
			headers: {
				accept: 'text/html',
				origin: new URL(family.server).origin,
				'x-forwarded-for': family.address,
				cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; '),
				...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {})
			},
			body
		});
		for (const line of response.headers.getSetCookie()) {
			const [pair] = line.split(';');
			const at = pair!.indexOf('=');
			cookies.set(pair!.slice(0, at), pair!.slice(at + 1));
		}
		const location = response.headers.get('location');
		return {
			status: response.status,
			location: location
				? new URL(location, family.server).pathname + new URL(location, family.server).search
				: null,
			html: await response.text()
		};
	}

	let step = family.code
		? await request(`${base}/code`, new URLSearchParams({ code: family.code }))
		: await request(`${base}?/start`, new URLSearchParams());
	for (let pages = 0; pages < 100; pages++) {
		if (step.status !== 303 || !step.location) return 'refused';
		const path = step.location;
		if (path === `${base}/done`) return 'sent';
		if (path.startsWith(`${base}/done?already`)) return 'already';
		if (path === `${base}/check`) {
			step = await request(path, new URLSearchParams({ survey: family.surveyId }));
			continue;
		}
		if (!/\/p\/\d+$/.test(path)) return 'refused';
		const page = await request(path);
		if (page.status !== 200) return 'refused';
		const fields = pageFields(page.html, family.text);
		fields.set('intent', 'next');
		step = await request(path, fields);
	}
	return 'refused';
}
