/**
 * How answers become columns of the row-level responses file (server/exports/row-file.ts), for
 * the kinds that share a rule. The file codes each response per column and merges codes (or
 * their groups) until every row matches enough others, so a column says what its codes mean.
 */
import { optionLabel } from './options';
import type { Question, RowColumn } from './types';

export const NOT_ANSWERED = 'Not answered';

/** Choose one: the options in order, then "not answered"; agree-type options group together. */
export function oneOptionColumns(question: Question): RowColumn[] {
	const { options } = question;
	const labels = [...options.map((o) => optionLabel(o)), NOT_ANSWERED];
	const positive = options.some((o) => o.positive);
	const groupLabels = positive ? ['Positive (either agree answer)', 'Not positive'] : [];
	const index = new Map(options.map((o, i) => [o.value, i]));
	return [
		{
			header: question.key,
			labels,
			groupOf: [
				...options.map((o) => (!positive || o.notApplicable ? null : o.positive ? 0 : 1)),
				null
			],
			groupLabels,
			valuesNote: [...labels, ...groupLabels].join('; '),
			code: (values) =>
				values.length === 0 ? options.length : (index.get(values[0]!) ?? options.length)
		}
	];
}
