/** Reading the questionnaire chosen on the representativeness page (a GET form). */
const ID = /^[A-Za-z0-9_-]{1,64}$/;

export function readSurveyChoice(url: URL): string | null {
	const value = url.searchParams.get('survey');
	return value && ID.test(value) ? value : null;
}
