import { describe, expect, it } from 'vitest';
import { BUDGET, formatReport, referencedUrls, type PageWeight } from './page-weight';

describe('page weight', () => {
	it('finds every script, stylesheet, preload and icon a page loads', () => {
		const html = `<link rel="icon" href="../../../favicon.svg"><script src="/respond.js" defer></script>
			<link href="../../../_app/immutable/assets/3.css" rel="stylesheet"><link rel="canonical" href="/x">
			<link rel="modulepreload" href="/_app/a.js">`;
		expect(referencedUrls(html, 'http://localhost:3000/s/abc/p/1')).toEqual([
			'http://localhost:3000/respond.js',
			'http://localhost:3000/favicon.svg',
			'http://localhost:3000/_app/immutable/assets/3.css',
			'http://localhost:3000/_app/a.js'
		]);
	});

	it('reports totals against the budget', () => {
		const size = (raw: number, gzip: number) => ({ raw, gzip });
		const page: PageWeight = {
			name: 'parent carer, question page',
			url: 'http://localhost:3000/s/abc/p/1',
			resources: [],
			totals: {
				html: size(11000, 1800),
				css: size(7500, 2300),
				js: size(16 * 1024 * 3, BUDGET.jsGzip + 1),
				other: size(0, 0),
				all: size(60000, 19500)
			},
			withinBudget: false
		};
		const report = formatReport([page]);
		expect(report).toContain('js       49152 B raw   15361 B gzip (15.0 KiB)');
		expect(report).toContain('OVER BUDGET');
	});
});
