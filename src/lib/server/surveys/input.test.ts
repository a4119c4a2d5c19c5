import { describe, expect, it } from 'vitest';
import type { Question } from '$lib/questions/types';
import { checkSurvey } from './builder-checks';
import { parseBatch, parseNewSurvey, parseQuestionEdit, optionField } from './input';

function form(fields: Record<string, string>): FormData {
	const data = new FormData();
	for (const [name, value] of Object.entries(fields)) data.append(name, value);
	return data;
}

describe('parseNewSurvey', () => {
	const valid = {
		audience: 'parent_carer',
		waveId: 'new',
		newWaveName: 'Spring 2030',
		newWaveStartsOn: '2030-03-01',
		title: 'Your experience',
		intro: 'Tell us',
		opensOn: '2030-03-01',
		closesOn: '2030-04-30',
		resultsOn: '',
		accessMode: 'code'
	};

	it('reads a new survey in a new wave', () => {
		const parsed = parseNewSurvey(form(valid));
		expect(parsed).toEqual({
			ok: true,
			data: expect.objectContaining({
				audience: 'parent_carer',
				resultsOn: null,
				wave: { newWave: { name: 'Spring 2030', startsOn: '2030-03-01' } }
			})
		});
	});

	it('says what to fix, field by field', () => {
		const parsed = parseNewSurvey(
			form({ ...valid, title: ' ', newWaveName: '', closesOn: '2030-02-30', audience: 'x' })
		);
		expect(!parsed.ok && parsed.errors).toEqual({
			title: 'Enter a title',
			closesOn: 'Enter the closing date as a real date, like 2027-03-31',
			audience: 'Choose who the questionnaire is for',
			newWaveName: 'Enter a name for the new wave'
		});
	});

	it('refuses a closing date before the opening date and results before the close', () => {
		const parsed = parseNewSurvey(
			form({ ...valid, closesOn: '2030-02-01', resultsOn: '2030-01-01' })
		);
		expect(!parsed.ok && Object.keys(parsed.errors)).toEqual(['closesOn', 'resultsOn']);
	});
});

describe('parseBatch', () => {
	it('takes 1 to 20,000 codes with a label', () => {
		expect(parseBatch(form({ label: 'North letters', size: '400' }))).toEqual({
			ok: true,
			data: { label: 'North letters', size: 400 }
		});
		for (const size of ['0', '20001', '2.5', '']) {
			const parsed = parseBatch(form({ label: 'North', size }));
			expect(!parsed.ok && parsed.errors.size).toBeTruthy();
		}
		expect(parseBatch(form({ label: '', size: '5' })).ok).toBe(false);
	});
});

describe('parseQuestionEdit', () => {
	const base = {
		key: 'feel-heard',
		prompt: 'I feel heard',
		easyRead: '',
		hint: '',
		dimension: 'lived_experience',
		theme: 'COPR',
		section: '',
		maxLength: '',
		min: '',
		max: '',
		optionRows: '3',
		[optionField(0, 'value')]: 'yes',
		[optionField(0, 'label')]: 'Yes',
		[optionField(0, 'positive')]: 'on',
		[optionField(1, 'value')]: 'no',
		[optionField(1, 'label')]: 'No',
		[optionField(2, 'label')]: ''
	};

	it('reads the fields and the option rows, dropping blank new rows', () => {
		const parsed = parseQuestionEdit(form(base));
		expect(parsed.ok && parsed.data).toMatchObject({
			key: 'feel-heard',
			required: false,
			dimension: 'lived_experience',
			theme: 'COPR',
			easyRead: null,
			settings: {},
			options: [
				{ value: 'yes', label: 'Yes', positive: true, notApplicable: false, remove: false },
				{ value: 'no', label: 'No', positive: false, notApplicable: false, remove: false }
			]
		});
	});

	it('refuses a bad key, an unknown theme, a wordless option and a positive “does not apply”', () => {
		const parsed = parseQuestionEdit(
			form({
				...base,
				key: 'Feel Heard',
				theme: 'NOPE',
				[optionField(1, 'label')]: '',
				[optionField(0, 'notApplicable')]: 'on'
			})
		);
		expect(!parsed.ok && Object.keys(parsed.errors).sort()).toEqual(
			['key', 'option-0-positive', 'option-1-label', 'theme'].sort()
		);
	});
});

describe('parseQuestionEdit, a British Sign Language video', () => {
	const base = {
		key: 'feel-heard',
		prompt: 'I feel heard',
		dimension: '',
		theme: '',
		optionRows: '0'
	};
	const url = 'https://www.essex.gov.uk/bsl/feel-heard';
	const caption = 'Do you feel heard by the people who plan your child’s support?';
	const HTTPS =
		'Enter the video link as a full web address starting with https://, like https://www.example.gov.uk/bsl/question-1';

	function signVideo(signVideoUrl: string, signVideoCaption: string) {
		return parseQuestionEdit(form({ ...base, signVideoUrl, signVideoCaption }));
	}

	it('keeps a link and its caption in the settings, trimmed; neither is fine too', () => {
		const parsed = signVideo(`  ${url} `, ` ${caption}\n`);
		expect(parsed.ok && parsed.data.settings).toEqual({ signVideo: { url, caption } });
		const none = signVideo('', '  ');
		expect(none.ok && none.data.settings).toEqual({});
	});

	it('refuses an address that is not a full https:// one', () => {
		for (const bad of [
			'http://www.essex.gov.uk/bsl',
			'javascript:alert(1)',
			'/bsl/feel-heard',
			'www.essex.gov.uk/bsl',
			'https:www.essex.gov.uk',
			'https://'
		]) {
			const parsed = signVideo(bad, caption);
			expect(!parsed.ok && parsed.errors, bad).toEqual({ signVideoUrl: HTTPS });
			expect(!parsed.ok && parsed.values.signVideoUrl).toBe(bad);
		}
	});

	it('refuses an over-long link or caption', () => {
		const long = `https://www.essex.gov.uk/${'a'.repeat(476)}`;
		expect(signVideo(long.slice(0, 500), caption).ok).toBe(true);
		expect(long).toHaveLength(501);
		expect(signVideo(long, caption)).toMatchObject({
			ok: false,
			errors: { signVideoUrl: 'The video link must be 500 characters or fewer' }
		});
		expect(signVideo(url, 'a'.repeat(2000)).ok).toBe(true);
		expect(signVideo(url, 'a'.repeat(2001))).toMatchObject({
			ok: false,
			errors: { signVideoCaption: 'What the video says must be 2,000 characters or fewer' }
		});
	});

	it('refuses a link without a caption and a caption without a link', () => {
		expect(signVideo(url, ' ')).toMatchObject({
			ok: false,
			errors: {
				signVideoCaption: 'Enter what the video says, for families who cannot play it'
			}
		});
		expect(signVideo('', caption)).toMatchObject({
			ok: false,
			errors: { signVideoUrl: 'Enter the video link, or delete what the video says' }
		});
	});

	it('shows its messages with the other fields’ at once', () => {
		const parsed = parseQuestionEdit(
			form({ ...base, key: '', signVideoUrl: 'http://x.example', signVideoCaption: '' })
		);
		expect(!parsed.ok && parsed.errors).toEqual({
			key: 'Enter a key',
			signVideoUrl: HTTPS,
			signVideoCaption: 'Enter what the video says, for families who cannot play it'
		});
	});
});

describe('checkSurvey', () => {
	it('reports two questions with the same key', () => {
		const question = (id: string): Question => ({
			id,
			key: 'same',
			kind: 'yes_no',
			position: 0,
			section: null,
			dimension: null,
			theme: null,
			prompt: 'Did it help?',
			easyRead: null,
			hint: null,
			required: true,
			options: [
				{ value: 'yes', label: 'Yes', positive: true },
				{ value: 'no', label: 'No' }
			],
			settings: {}
		});
		const dates = { opensOn: '2030-01-01', closesOn: '2030-02-01', resultsOn: null };
		expect(checkSurvey(dates, [question('a'), question('b')], [], '2030-01-01')).toEqual([
			{ questionId: 'b', message: 'Two questions have the key “same”. Each key must be different.' }
		]);
	});
});
