/**
 * The comments file: reviewed free text by theme and finding, one row per comment and theme it
 * was tagged with (one row with no theme when it has none). Only reviewed comments, whose bodies
 * have had personal details replaced by [redacted], and only for questions that have enough
 * answers in their wave for comments to be shown at all (the same rule as the comment pages).
 * No response ids or dates, so a comment cannot be joined back to a family's other answers.
 */
import { promptFor } from '$lib/questions/options';
import type { Db } from '../db';
import { answersPerQuestion, listThemes, tagsOf } from '../comments/repository';
import { listFindings } from '../insights/repository';
import { listQuestions } from '../surveys/repository';
import { columnsOf, timePeriod, type ExportArea } from './context';
import type { CsvRow } from './csv';
import { listExportSurveys, reviewedCommentPage } from './repository';

export const COMMENT_COLUMNS = columnsOf([
	'time_period',
	'wave',
	'la_name',
	'survey',
	'audience',
	'question_key',
	'question_text',
	'theme',
	'finding_codes',
	'comment',
	'redacted'
]);

const COMMENT_PAGE = 1000;

export async function* commentRows(
	db: Db,
	area: ExportArea,
	waveId: string | null
): AsyncGenerator<CsvRow> {
	const { findings } = await listFindings(db, area.id);
	const themes = new Map(
		(await listThemes(db, area.id)).map((t) => [
			t.id,
			{
				name: t.name,
				findingCodes: findings.filter((f) => t.findingIds.includes(f.id)).map((f) => f.code)
			}
		])
	);
	for (const survey of await listExportSurveys(db, area.id, waveId)) {
		const young = survey.audience === 'young_person';
		const questions = new Map((await listQuestions(db, survey.id)).map((q) => [q.id, q]));
		// The comment pages' rule: a question's comments only once it has enough answers.
		const counts = await answersPerQuestion(db, area.id, [...questions.keys()]);
		const fixed = {
			time_period: timePeriod(survey),
			wave: survey.waveName,
			la_name: area.name,
			survey: survey.title,
			audience: survey.audience
		};
		let after: string | null = null;
		for (;;) {
			const page = await reviewedCommentPage(db, survey.id, after, COMMENT_PAGE);
			if (page.length === 0) break;
			const tags = await tagsOf(
				db,
				page.map((c) => c.id)
			);
			for (const comment of page) {
				const question = questions.get(comment.questionId);
				if (!question || (counts.get(question.id) ?? 0) < area.rules.minBase) continue;
				const base = {
					...fixed,
					question_key: question.key,
					question_text: promptFor(question, young),
					comment: comment.body,
					redacted: comment.redacted ? 'yes' : 'no'
				};
				const tagged = (tags.get(comment.id) ?? [])
					.map((id) => themes.get(id))
					.filter((t) => t !== undefined)
					.sort((a, b) => a.name.localeCompare(b.name));
				if (tagged.length === 0) yield { ...base, theme: '', finding_codes: '' };
				for (const theme of tagged) {
					yield { ...base, theme: theme.name, finding_codes: theme.findingCodes.join('; ') };
				}
			}
			if (page.length < COMMENT_PAGE) break;
			after = page.at(-1)!.id;
		}
	}
}
