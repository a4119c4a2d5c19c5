/**
 * A question's British Sign Language video: a link to the council's own page, never an embed,
 * so a family's browser asks the video's host for nothing unless they follow it. The caption
 * says in words what the video says, for families who cannot play it.
 */
import type { Question, SignVideo } from './types';

export const MAX_SIGN_VIDEO_URL = 500;
export const MAX_SIGN_VIDEO_CAPTION = 2000;

/** The address as stored (normalised), or null unless it is an absolute https:// URL. */
export function httpsUrl(value: string): string | null {
	// `new URL` also reads "https:host" and "HTTPS://host"; only the plain written form is taken.
	if (!value.startsWith('https://')) return null;
	try {
		const url = new URL(value);
		return url.protocol === 'https:' && url.hostname !== '' ? url.href : null;
	} catch {
		return null;
	}
}

/**
 * The video to show with a question, or null. The builder already refused anything but https;
 * the address is checked again here because a link would follow any scheme (javascript:) given.
 */
export function signVideoOf(question: Question): SignVideo | null {
	const video = question.settings.signVideo;
	return video && httpsUrl(video.url) && video.caption.trim() ? video : null;
}
