import { describe, expect, it } from 'vitest';
import { moodOf } from './faces';

describe('moodOf', () => {
	it('gives the easy-read scale a smile, a flat face, a frown and a shrug', () => {
		const options = [
			{ value: 'yes', label: 'Yes', positive: true },
			{ value: 'sometimes', label: 'Sometimes' },
			{ value: 'no', label: 'No' },
			{ value: 'dont-know', label: 'I don’t know', notApplicable: true }
		];
		expect(options.map((_, i) => moodOf(options, i))).toEqual([
			'happy',
			'neutral',
			'sad',
			'unsure'
		]);
	});
});
