/**
 * A user of one local area must never reach another area's data by id. This walks every staff
 * route found in the source tree, puts another area's ids in every route param, and asks for the
 * page and posts to every form action: each must answer 404 and leave the other area's rows as
 * they were. Routes added later are walked automatically; a new param name fails the test until
 * it is mapped here.
 */
import {
	createUser,
	demoAdmin,
	expect,
	fingerprint,
	idsOfArea,
	signInAs,
	staffRoutes,
	test
} from './support/staff';

const AREA_A = 'lancashire';
const AREA_B = 'worcestershire';

// Actions here only ever touch the signed-in user's own account (and "sign out everywhere"
// would end the walk's own session); they take no ids.
const SELF_ONLY = new Set(['/app/account']);
// Publishing and withdrawing act on the signed-in user's own area's public page and take no ids;
// other tests publish and withdraw that page and must not be raced.
const OWN_AREA_ONLY = new Set(['/app/public withdraw', '/app/public/preview publish']);

const ID_FIELDS: Record<string, string> = {
	id: 'finding',
	survey: 'survey',
	surveyId: 'survey',
	finding: 'finding',
	findingId: 'finding',
	findings: 'finding',
	inspection: 'inspection',
	inspectionId: 'inspection',
	question: 'question',
	questionId: 'question',
	batch: 'batch',
	batchId: 'batch',
	user: 'user',
	userId: 'user',
	wave: 'wave',
	waveId: 'wave',
	theme: 'theme',
	themeId: 'theme',
	comment: 'comment',
	commentId: 'comment',
	action: 'action',
	actionId: 'action',
	partner: 'partner',
	partnerId: 'partner',
	partnerIds: 'partner',
	activity: 'activity',
	activityId: 'activity'
};

test('an admin of one area gets 404 for every staff route with another area’s ids', async ({
	page,
	baseURL
}) => {
	test.slow(); // many pages in one test: three times the usual time limit
	const theirs = idsOfArea(AREA_B);
	const before = fingerprint(theirs);
	await signInAs(page, demoAdmin(AREA_A));

	const routes = staffRoutes();
	const withParams = routes.filter((r) => r.params.length > 0);
	// The walk must see the routes this part of the app is known to have.
	expect(routes.map((r) => r.pattern)).toEqual(
		expect.arrayContaining([
			'/app/findings/[finding]',
			'/app/inspections/[inspection]',
			'/app/users/[user]',
			'/app/plan/[action]',
			'/app/partners/[partner]',
			'/app/coproduction/[activity]',
			'/app/sign-off/[survey]'
		])
	);

	const form: Record<string, string> = { direction: 'up' };
	for (const [field, param] of Object.entries(ID_FIELDS)) form[field] = theirs[param]!;
	// Asked for as a browser without JavaScript would: an HTML page with the real status.
	const headers = { Origin: baseURL!, Accept: 'text/html' };
	const answers: string[] = [];
	const expected: string[] = [];

	for (const route of routes) {
		if (SELF_ONLY.has(route.pattern)) continue;
		const path = route.pattern.replace(/\[([^\]]+)\]/g, (_, name: string) => {
			const id = theirs[name];
			if (!id) throw new Error(`No id for route param [${name}] in ${route.pattern}: map it here`);
			return id;
		});
		const targets: { method: 'GET' | 'POST'; url: string }[] = [];
		if (route.params.length > 0) {
			if (route.hasPage || route.methods.includes('GET'))
				targets.push({ method: 'GET', url: path });
			if (route.methods.includes('POST')) targets.push({ method: 'POST', url: path });
		}
		for (const action of route.actions) {
			if (OWN_AREA_ONLY.has(`${route.pattern} ${action}`)) continue;
			targets.push({ method: 'POST', url: action === 'default' ? path : `${path}?/${action}` });
		}

		for (const target of targets) {
			const response =
				target.method === 'GET'
					? await page.request.get(target.url, { headers, maxRedirects: 0 })
					: await page.request.post(target.url, { form, headers, maxRedirects: 0 });
			const status = response.status();
			if (route.params.length > 0) {
				answers.push(
					`${target.method} ${route.pattern} ${target.url.split('?')[1] ?? ''} → ${status}`
				);
				expected.push(`${target.method} ${route.pattern} ${target.url.split('?')[1] ?? ''} → 404`);
			} else {
				// Without a param the other area's ids arrive only in the body: refused, never a crash.
				expect(status, `${target.method} ${target.url}`).toBeLessThan(500);
			}
		}
	}

	expect(withParams.length).toBeGreaterThan(0);
	expect(answers).toEqual(expected);
	expect(fingerprint(theirs)).toBe(before);
	// Still signed in: nothing in the walk ended the session early and hid a redirect as a pass.
	await page.goto('/app');
	await expect(page.getByRole('navigation', { name: 'Workspace' })).toBeVisible();
});

test('the same ids work for their own area, so the 404s above are about the area', async ({
	page
}) => {
	const ours = idsOfArea(AREA_B);
	await signInAs(page, demoAdmin(AREA_B));
	for (const path of [
		`/app/findings/${ours.finding}`,
		`/app/inspections/${ours.inspection}`,
		`/app/users/${ours.user}`,
		`/app/plan/${ours.action}`,
		`/app/partners/${ours.partner}`,
		`/app/coproduction/${ours.activity}`,
		`/app/sign-off/${ours.survey}`
	]) {
		const response = await page.request.get(path, { maxRedirects: 0 });
		expect(response.status(), path).toBe(200);
	}
});

test('a partner of one area finds nothing of another area’s, and signs nothing off there', async ({
	page,
	baseURL
}) => {
	const theirs = idsOfArea(AREA_B);
	const before = fingerprint(theirs);
	await signInAs(
		page,
		createUser({
			slug: AREA_A,
			role: 'partner',
			partner: 'Lancashire Parent Carer Forum',
			tag: 'cross'
		})
	);
	for (const path of [
		`/app/insights/findings/${theirs.finding}`,
		`/app/insights/questions/${theirs.question}`,
		`/app/insights/surveys/${theirs.survey}`,
		`/app/plan/${theirs.action}`,
		`/app/sign-off/${theirs.survey}`,
		`/app/surveys/${theirs.survey}/preview`,
		`/app/comments/${theirs.comment}`
	]) {
		expect((await page.request.get(path, { maxRedirects: 0 })).status(), path).toBe(404);
	}
	const headers = { Origin: baseURL!, Accept: 'text/html' };
	for (const action of ['comment', 'signOff']) {
		const response = await page.request.post(`/app/sign-off/${theirs.survey}?/${action}`, {
			form: { body: 'From another area', confirm: 'yes', note: '' },
			headers,
			maxRedirects: 0
		});
		expect(response.status(), action).toBe(404);
	}
	const review = await page.request.post('/app/comments/themes?/review', {
		form: { themeId: theirs.theme!, body: 'From another area' },
		headers,
		maxRedirects: 0
	});
	expect(review.status()).toBe(404);
	expect(fingerprint(theirs)).toBe(before);
});
