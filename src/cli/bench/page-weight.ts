/**
 * Page weight of the families' question pages against the budget: a question page may ship at
 * most 15 KiB of gzipped JavaScript and 50 KiB gzipped in all. Fetches a parent-carer page and a
 * young-person page from a running server, plus everything they reference, and prints the HTML,
 * CSS and JavaScript bytes raw and gzipped.
 *
 *   tsx src/cli/bench/page-weight.ts [server URL]   (or HEARD_URL; default http://localhost:3000)
 *
 * The demo's open questionnaires and an unused access code are looked up in the server's
 * database (DATABASE_URL, as for `npm start`). Entering the code does not use it up.
 */
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { createDb, type Db } from '../../lib/server/db';
import { describeDemo } from '../../lib/server/demo/summary';

export const BUDGET = { jsGzip: 15 * 1024, totalGzip: 50 * 1024 };

export type ResourceKind = 'html' | 'css' | 'js' | 'other';

export interface Resource {
	url: string;
	kind: ResourceKind;
	raw: number;
	gzip: number;
}

export interface PageWeight {
	name: string;
	url: string;
	resources: Resource[];
	totals: Record<ResourceKind | 'all', { raw: number; gzip: number }>;
	withinBudget: boolean;
}

async function fetchBytes(url: string, cookie?: string): Promise<{ body: Buffer; type: string }> {
	const response = await fetch(url, { headers: cookie ? { cookie } : {}, redirect: 'manual' });
	if (!response.ok) throw new Error(`${url} answered ${response.status}`);
	return {
		body: Buffer.from(await response.arrayBuffer()),
		type: response.headers.get('content-type') ?? ''
	};
}

function kindOf(url: string, type: string): ResourceKind {
	if (type.includes('html')) return 'html';
	if (type.includes('css') || url.endsWith('.css')) return 'css';
	if (type.includes('javascript') || /\.m?js$/.test(url)) return 'js';
	return 'other';
}

/** Every script, stylesheet, preload and icon a page refers to. */
export function referencedUrls(html: string, base: string): string[] {
	const urls = new Set<string>();
	for (const match of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) urls.add(match[1]!);
	for (const match of html.matchAll(/<link\b[^>]*>/g)) {
		const tag = match[0];
		const rel = /\brel="([^"]+)"/.exec(tag)?.[1] ?? '';
		const href = /\bhref="([^"]+)"/.exec(tag)?.[1];
		if (href && /stylesheet|modulepreload|preload|icon/.test(rel)) urls.add(href);
	}
	return [...urls].map((u) => new URL(u, base).href);
}

function measure(url: string, body: Buffer, type: string): Resource {
	return { url, kind: kindOf(url, type), raw: body.length, gzip: gzipSync(body).length };
}

/** One page and everything it loads, with totals per kind. */
export async function measurePage(name: string, url: string, cookie?: string): Promise<PageWeight> {
	const page = await fetchBytes(url, cookie);
	const resources = [measure(url, page.body, page.type)];
	for (const asset of referencedUrls(page.body.toString('utf8'), url)) {
		const fetched = await fetchBytes(asset);
		resources.push(measure(asset, fetched.body, fetched.type));
	}
	const zero = () => ({ raw: 0, gzip: 0 });
	const totals = { html: zero(), css: zero(), js: zero(), other: zero(), all: zero() };
	for (const r of resources) {
		for (const bucket of [totals[r.kind], totals.all]) {
			bucket.raw += r.raw;
			bucket.gzip += r.gzip;
		}
	}
	return {
		name,
		url,
		resources,
		totals,
		withinBudget: totals.js.gzip <= BUDGET.jsGzip && totals.all.gzip <= BUDGET.totalGzip
	};
}

/** Enters a code the way a family would and returns the cookie that carries it. */
export async function codeCookie(base: string, surveyId: string, code: string): Promise<string> {
	const response = await fetch(new URL(`/s/${surveyId}/code`, base), {
		method: 'POST',
		headers: {
			origin: new URL(base).origin,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: new URLSearchParams({ code }),
		redirect: 'manual'
	});
	const cookie = response.headers.getSetCookie()[0]?.split(';', 1)[0];
	if (response.status !== 303 || !cookie) {
		throw new Error(`The code ${code} was not accepted (${response.status})`);
	}
	return cookie;
}

/** The first question page of a demo parent-carer and young-person questionnaire. */
export async function measureQuestionPages(base: string, db: Db): Promise<PageWeight[]> {
	const area = (await describeDemo(db)).find(
		(a) => a.unusedCodes.length > 0 && a.surveys.some((s) => s.audience === 'young_person')
	);
	if (!area)
		throw new Error('No demo questionnaires in the database: start the server with the demo');
	const parent = area.surveys.find((s) => s.audience === 'parent_carer')!;
	const young = area.surveys.find((s) => s.audience === 'young_person')!;
	const cookie = await codeCookie(base, parent.id, area.unusedCodes[0]!);
	return [
		await measurePage(
			'parent carer, question page',
			new URL(`/s/${parent.id}/p/1`, base).href,
			cookie
		),
		await measurePage('young person, question page', new URL(`/s/${young.id}/p/1`, base).href)
	];
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

export function formatReport(pages: PageWeight[]): string {
	const lines: string[] = [];
	for (const page of pages) {
		lines.push(`${page.name}: ${page.url}`);
		for (const kind of ['html', 'css', 'js', 'other', 'all'] as const) {
			const t = page.totals[kind];
			lines.push(
				`  ${(kind === 'all' ? 'total' : kind).padEnd(6)} ${String(t.raw).padStart(7)} B raw  ${String(t.gzip).padStart(6)} B gzip (${kib(t.gzip)})`
			);
		}
		lines.push(
			`  budget: JS ${kib(page.totals.js.gzip)} of ${kib(BUDGET.jsGzip)}, total ${kib(page.totals.all.gzip)} of ${kib(BUDGET.totalGzip)} gzipped: ${page.withinBudget ? 'within budget' : 'OVER BUDGET'}`
		);
	}
	return lines.join('\n');
}

/** Measures, prints, and returns an exit code: 0 when every page is within budget. */
export async function main(argv: string[] = process.argv.slice(2)): Promise<number> {
	const base = argv[0] ?? process.env.HEARD_URL ?? 'http://localhost:3000';
	const db = createDb();
	try {
		const pages = await measureQuestionPages(base, db);
		console.log(formatReport(pages));
		return pages.every((p) => p.withinBudget) ? 0 : 1;
	} finally {
		await db.destroy();
	}
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	process.exit(await main());
}
