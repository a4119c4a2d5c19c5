/**
 * Every migration, in order. Listed by hand (rather than read from the folder) so the same list
 * is bundled into the server build, run by `npm run migrate` and by the tests.
 * To add one: create `YYYY-MM-DDTHHMM_what.ts` beside this file and add it below.
 */
import type { Migration } from 'kysely';
import * as initial from './2026-11-22T1200_initial';
import * as responsesInIdOrder from './2026-11-22T1800_responses-in-id-order';
import * as answersWithoutQuestionIndex from './2026-11-22T1830_answers-without-question-index';
import * as instanceAndUserGrants from './2026-12-01T1200_instance-and-user-grants';
import * as anonymousStorage from './2026-12-01T1300_anonymous-storage';
import * as areaSignIn from './2026-12-01T1330_area-sign-in';
import * as populationCounts from './2026-12-01T1400_population-counts';
import * as publications from './2026-12-01T1500_publications';
import * as planAndCoproduction from './2026-12-01T1600_plan-and-coproduction';
import * as letterNumbers from './2026-12-02T0100_letter-numbers';
import * as surveyTranslations from './2026-12-02T0100_survey-translations';
import * as responseLanguage from './2026-12-02T1200_response-language';
import * as dropAnswerCounts from './2026-12-02T1800_drop-answer-counts';

export const migrations: Record<string, Migration> = {
	'2026-11-22T1200_initial': initial,
	'2026-11-22T1800_responses-in-id-order': responsesInIdOrder,
	'2026-11-22T1830_answers-without-question-index': answersWithoutQuestionIndex,
	'2026-12-01T1200_instance-and-user-grants': instanceAndUserGrants,
	'2026-12-01T1300_anonymous-storage': anonymousStorage,
	'2026-12-01T1330_area-sign-in': areaSignIn,
	'2026-12-01T1400_population-counts': populationCounts,
	'2026-12-01T1500_publications': publications,
	'2026-12-01T1600_plan-and-coproduction': planAndCoproduction,
	'2026-12-02T0100_letter-numbers': letterNumbers,
	'2026-12-02T0100_survey-translations': surveyTranslations,
	'2026-12-02T1200_response-language': responseLanguage,
	'2026-12-02T1800_drop-answer-counts': dropAnswerCounts
};
