import { clientHeaders } from './support/clients';
/**
 * The improvement plan, end to end on the built server: an officer imports a plan from an
 * Excel-saved CSV (a bad file first: every row gets a clear message and nothing is stored), with
 * JavaScript off; updates a status and links an action to a second finding; the finding page
 * marks the actions on its trend's time axis and lists them, the dashboard counts them and the
 * evidence pack shows them with their history.
 */
import { query } from './support/demo';
import {
	clientName,
	createUser,
	expect,
	expectAccessible,
	isoDate,
	signInAs,
	test
} from './support/staff';

const SLUG = 'essex';
const HEADER = 'title,description,finding_codes,partner,lead,start_date,due_date,status';

/** 2026-03-31 → 31/03/2026, as Excel writes dates on a UK computer. */
const uk = (iso: string) => iso.split('-').reverse().join('/');

function actionsTitled(prefix: string) {
	return query<{ id: string; title: string }>(
		`select a.id, a.title from actions a join local_areas l on l.id = a.local_area_id
		 where l.slug = ? and a.title like ? order by a.title`,
		SLUG,
		`${prefix}%`
	);
}

function findingId(code: string) {
	return query<{ id: string }>(
		`select f.id from findings f join local_areas a on a.id = f.local_area_id
		 where a.slug = ? and f.code = ? order by f.created_at limit 1`,
		SLUG,
		code
	)[0]!.id;
}

test('an officer imports a plan, updates it, and it shows beside the figures', async ({
	page,
	browser,
	baseURL
}, testInfo) => {
	test.slow(); // many pages in one test: three times the usual time limit
	const officer = createUser({ slug: SLUG, role: 'officer', tag: 'plan' });
	const tag = `E2E ${Math.random().toString(36).slice(2, 8)}`;

	// Without JavaScript: the import is a plain multipart form.
	const nojs = await browser.newContext({
		javaScriptEnabled: false,
		baseURL,
		extraHTTPHeaders: clientHeaders(`${clientName(testInfo)}:nojs`)
	});
	const form = await nojs.newPage();
	await signInAs(form, officer);
	await form.goto('/app/plan/import');
	await expect(form.getByRole('heading', { level: 1 })).toHaveText('Import a plan from CSV');
	await expect(form.getByRole('table', { name: 'Columns of a plan file' })).toContainText(
		'finding_codes'
	);
	const template = await form.request.get('/app/plan/template.csv');
	expect(template.headers()['content-disposition']).toMatch(
		/attachment; filename="heard_plan-template_/
	);
	expect((await template.text()).replace(/^\uFEFF/, '').split('\r\n')[0]).toBe(HEADER);

	// Too large: a clear message, before anything is read.
	await form.getByLabel('CSV file').setInputFiles({
		name: 'huge.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from(`${HEADER}\r\n${'x'.repeat(210 * 1024)}`)
	});
	await form.getByRole('button', { name: 'Check the file' }).click();
	await expect(form.getByRole('alert')).toContainText(
		'The largest file that can be imported is 200 KB'
	);

	const bad = [
		HEADER,
		`,No title,E3,Essex County Council,Lead,2026-01-01,2026-06-01,`,
		`${tag} unknown,Desc,E9,Essex County Council,Lead,2026-01-01,2026-06-01,`,
		`${tag} backwards,Desc,E3,Essex County Council,Lead,01/06/2026,01/01/2026,`,
		`${tag} fine,Desc,E3,Essex County Council,Lead,2026-01-01,2026-06-01,on track`
	].join('\r\n');
	await form.getByLabel('CSV file').setInputFiles({
		name: 'bad-plan.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from(`\uFEFF${bad}`, 'utf8')
	});
	await form.getByRole('button', { name: 'Check the file' }).click();
	await expect(
		form.getByRole('heading', { level: 2, name: '3 of 4 rows cannot be imported' })
	).toBeVisible();
	await expect(form.locator('tr[data-line="2"]')).toContainText('Enter a title');
	await expect(form.locator('tr[data-line="3"]')).toContainText('Unknown finding code “E9”');
	await expect(form.locator('tr[data-line="4"]')).toContainText(
		'The due date is before the start date'
	);
	await expect(form.locator('tr[data-line="5"]')).toContainText('Will be imported');
	await expect(form.getByRole('button', { name: /^Import/ })).toHaveCount(0);
	expect(actionsTitled(tag)).toEqual([]);

	// Excel's "CSV (Comma delimited)": Windows-1252 (an en dash is byte 0x96), CRLF, UK dates.
	const good = [
		HEADER,
		`${tag} outcomes framework \u2013 phase 1,"Draft it with families, then consult",E1; E3,essex county council,Head of SEND,${uk(isoDate(-30))},${uk(isoDate(200))},on track`,
		`${tag} plan audits,Audit a sample of EHC plans each month,E3,Essex Family Forum,Quality lead,${uk(isoDate(-10))},${uk(isoDate(100))},not started`
	].join('\r\n');
	await form.getByLabel('CSV file').setInputFiles({
		name: 'plan.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from(good.replace('\u2013', '\x96'), 'latin1')
	});
	await form.getByRole('button', { name: 'Check the file' }).click();
	await expect(
		form.getByRole('heading', { level: 2, name: 'Ready to import 2 actions' })
	).toBeVisible();
	await expect(form.getByText('plan.csv, read as Windows-1252.')).toBeVisible();
	expect(actionsTitled(tag)).toEqual([]);
	await form.getByRole('button', { name: 'Import 2 actions' }).click();
	await expect(form).toHaveURL(/\/app\/plan\?imported=2$/);
	await expect(form.getByRole('status')).toHaveText('2 actions imported.');
	const imported = actionsTitled(tag);
	expect(imported.map((a) => a.title)).toEqual([
		`${tag} outcomes framework – phase 1`,
		`${tag} plan audits`
	]);

	// Not started although its start date has passed: it is in the list behind the count.
	await form.goto('/app/plan?show=not-started');
	const audits = form.locator(`tr[data-action="${imported[1]!.id}"]`);
	await expect(audits).toContainText('Not started');
	await expect(audits).toContainText('Should have started');

	// A status update and a second finding, still without JavaScript.
	await form.goto(`/app/plan/${imported[0]!.id}`);
	await form.getByLabel('Status', { exact: true }).selectOption('done');
	await form.getByLabel('Note').fill(`${tag}: agreed by the improvement board`);
	await form.getByRole('button', { name: 'Add update' }).click();
	await expect(form.getByRole('status')).toHaveText('Status updated.');
	const history = form.getByRole('region', { name: 'History' });
	await expect(history).toContainText(`${tag}: agreed by the improvement board`);
	await expect(history.locator('[data-status="done"]')).toHaveCount(1);
	await expect(history.locator('[data-status="on_track"]')).toHaveCount(1);
	await form.getByText('Change the action’s details').click();
	await form.getByRole('checkbox', { name: /^E2 / }).check();
	await form.getByRole('button', { name: 'Save action' }).click();
	await expect(form.getByRole('status')).toHaveText('Action saved.');
	await expect(form.getByRole('link', { name: /^E2 / })).toBeVisible();
	await nojs.close();

	// The finding page, with JavaScript: the actions on the chart's axis and in the table.
	await signInAs(page, officer);
	await page.goto(`/app/insights/findings/${findingId('E3')}`);
	const section = page.locator('section[aria-labelledby="actions-heading"]');
	const row = (id: string) => section.locator(`tr[data-action="${id}"]`);
	await expect(row(imported[0]!.id)).toContainText('Done');
	await expect(row(imported[0]!.id)).toContainText(/done \d+ \w+ \d{4}, (during|after|between) /);
	await expect(row(imported[1]!.id)).toContainText('Should have started');
	const number = Number(await row(imported[0]!.id).locator('th').textContent());
	const canvas = page.locator('canvas[data-chart="trend"][data-markers]').first();
	await expect(canvas).toBeAttached();
	const markers = JSON.parse((await canvas.getAttribute('data-markers'))!) as {
		at: number;
		kind: string;
		label: string;
	}[];
	const mine = markers.filter((m) => m.label === String(number));
	expect(mine.map((m) => m.kind).sort()).toEqual(['done', 'start']);
	const waves = query<{ n: number }>(
		`select count(*) as n from waves w join local_areas a on a.id = w.local_area_id where a.slug = ?`,
		SLUG
	)[0]!.n;
	for (const m of mine) {
		expect(m.at).toBeGreaterThanOrEqual(0);
		expect(m.at).toBeLessThanOrEqual(waves - 1);
	}
	await expectAccessible(page);

	// The dashboard: per finding and for the whole area, each count a link to its list.
	await page.goto('/app');
	const summary = page.locator('.plan-summary');
	await expect(summary.getByRole('link', { name: /not started/ })).toHaveAttribute(
		'href',
		'/app/plan?show=not-started'
	);
	const card = page.locator('.finding-card', { has: page.getByRole('heading', { name: /^E3 / }) });
	await expect(card.getByRole('link', { name: 'Actions for E3' })).toBeVisible();
	await expect(card.locator('.card-plan')).toContainText(
		/\d+ not started, \d+ overdue, \d+ done of \d+/
	);
	await card.getByRole('link', { name: 'Actions for E3' }).click();
	await expect(page.locator(`tr[data-action="${imported[0]!.id}"]`)).toBeVisible();

	// The evidence pack: the actions with their status history beside the figures.
	await page.goto('/app/evidence');
	const pack = page.locator('.pack-finding', {
		has: page.getByRole('heading', { level: 2, name: /E3/ })
	});
	const actions = pack.getByRole('list', { name: 'E3: actions of the improvement plan' });
	const item = actions.locator('li', { hasText: `${tag} outcomes framework – phase 1` });
	const inPack = await item.getAttribute('value');
	const table = pack.getByRole('table', { name: `E3 action ${inPack}: status history` });
	await expect(table).toContainText(`${tag}: agreed by the improvement board`);
	await expect(table).toContainText('Imported from a plan');
});
