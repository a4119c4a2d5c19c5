import { describe, expect, it } from 'vitest';
import { httpsUrl, signVideoOf } from './sign-video';
import type { Question } from './types';

function question(settings: Question['settings']): Question {
	return {
		id: 'q1',
		key: 'feel-heard',
		kind: 'yes_no',
		position: 0,
		section: null,
		dimension: null,
		theme: null,
		prompt: 'Do you feel heard?',
		easyRead: null,
		hint: null,
		required: false,
		options: [],
		settings
	};
}

describe('a sign-language video link', () => {
	it('takes only a full https:// address, written out as it will be stored', () => {
		expect(httpsUrl('https://www.essex.gov.uk/bsl/a b')).toBe('https://www.essex.gov.uk/bsl/a%20b');
		expect(httpsUrl('https://www.essex.gov.uk')).toBe('https://www.essex.gov.uk/');
		for (const bad of [
			'http://x.example',
			'HTTPS://x.example',
			'https:x.example',
			'https://',
			''
		]) {
			expect(httpsUrl(bad), bad).toBeNull();
		}
	});

	it('is shown only when its stored address is https and it has a caption', () => {
		const good = { url: 'https://www.essex.gov.uk/bsl', caption: 'Do you feel heard?' };
		expect(signVideoOf(question({ signVideo: good }))).toEqual(good);
		expect(signVideoOf(question({}))).toBeNull();
		// A row changed by hand never puts a script address into a family's page.
		expect(
			signVideoOf(question({ signVideo: { ...good, url: 'javascript:alert(1)' } }))
		).toBeNull();
		expect(signVideoOf(question({ signVideo: { ...good, caption: ' ' } }))).toBeNull();
	});
});
