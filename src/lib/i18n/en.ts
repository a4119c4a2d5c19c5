/**
 * Every fixed word of the families' journey, in English: the source for the other languages.
 * Each language module is typed `Dictionary`, so a key missing from one is a compile error.
 * `{name}` marks a placeholder; translations must keep every placeholder of the English.
 */
export const en = {
	'layout.skip': 'Skip to main content',
	'layout.service': '{area} SEND questionnaire',
	'layout.serviceGeneric': 'SEND questionnaire',
	'layout.demoTag': 'Demo',
	'layout.demoText':
		'This is a demonstration questionnaire with made-up data. Do not enter real details.',
	'layout.privacy': 'Privacy notice',
	'layout.accessibility': 'Accessibility statement',
	'layout.footer': 'Your answers are anonymous. This questionnaire does not use tracking cookies.',
	'layout.languages': 'Choose a language',

	'common.back': 'Back',
	'common.error': 'Error:',
	'common.problem': 'There is a problem',
	'common.continue': 'Continue',
	'common.backToStart': 'Back to the start of the questionnaire',
	'common.backToQuestionnaire': 'Back to the questionnaire',

	'start.whoTitle': 'Who this is for',
	'start.whoYoung': 'Young people with special educational needs or a disability (SEND) in {area}.',
	'start.helpYoung': 'You can ask someone to help you answer.',
	'start.howLongTitle': 'How long it takes',
	'start.howLongYoung': 'About {n} minutes. There is one question on each page.',
	'start.anonTitleYoung': 'Nobody will know it is you',
	'start.anonYoung': 'We do not ask your name. We do not keep anything that says who you are.',
	'start.readYoung':
		'The people who help with SEND in {area} will read everyone’s answers together. Answers help them make things better.',
	'start.whoParent':
		'Parents and carers of children and young people with special educational needs or a disability (SEND) in {area}.',
	'start.whoParentCoded':
		'Parents and carers of children and young people with special educational needs or a disability (SEND) in {area} who have been sent a letter with an access code.',
	'start.howLongParent':
		'About {n} minutes. You can save your answers and come back later with a link we give you when you save.',
	'start.anonTitleParent': 'Your answers are anonymous',
	'start.anonParent':
		'We do not ask for your name or contact details, and we do not record who sent which answers.',
	'start.anonCoded': 'Your code only lets you answer once: it is not linked to your answers.',
	'start.useTitle': 'What happens to your answers',
	'start.useParent':
		'The SEND team in {area} reads all the answers together and uses them to see whether support is getting better. Results only show groups of families, never one family.',
	'start.resultsOn': 'We will publish them from {date}.',
	'start.read': 'Read the {privacy} and the {accessibility}.',
	'start.privacyLink': 'privacy notice',
	'start.accessibilityLink': 'accessibility statement',
	'start.sent': 'Answers have already been sent from this device.',
	'start.lost':
		'We could not find your saved answers. They may have been sent already, or the link to them was used before. You can start again.',
	'start.start': 'Start now',
	'start.startAgain': 'Start a new set of answers',
	'start.closes': 'Closes on {date}.',

	'page.progressYoung': 'Question {n} of {total}',
	'page.progress': 'Page {n} of {total}',
	'page.resumed':
		'Your saved answers are back. The link you used will not work again: if you stop before sending, choose “Save and come back later” for a new one.',
	'page.saveAndReturn': 'Save and go back to your answers',
	'page.saveForLater': 'Save and come back later',

	'question.readAloud': 'Read aloud',
	'question.selectAll': 'Select all that apply.',
	'question.or': 'or',
	'question.maxLength': 'You can enter up to {n} characters',
	'question.remaining': 'You have {n} characters remaining',
	'question.remainingOne': 'You have 1 character remaining',
	'question.tooMany': 'You have {n} characters too many',
	'question.tooManyOne': 'You have 1 character too many',
	'question.signVideo': 'Watch this question in British Sign Language (opens in new tab)',
	'question.signCaption': 'What the video says',

	'error.select': 'Select an answer to “{prompt}”',
	'error.enter': 'Enter an answer to “{prompt}”',
	'error.onlyOne': 'Select only one answer to “{prompt}”',
	'error.notShown': 'Select one of the answers shown for “{prompt}”',
	'error.onlyShown': 'Select only answers shown for “{prompt}”',
	'error.oneNumber': 'Enter one number only',
	'error.wholeNumber': 'Enter a whole number, like 12, for “{prompt}”',
	'error.between': 'Enter a number between {min} and {max}',
	'error.oneAnswer': 'Enter one answer only',
	'error.tooLong': 'Your answer must be {max} characters or fewer (it has {length})',
	'error.answer': 'Answer “{prompt}”',
	'error.stale':
		'This form is out of date or was changed, so nothing on it was saved. Please answer this page again.',
	'error.changed':
		'This page has changed since it was opened. Your answers on it were not saved; please answer it again.',
	'error.tooManyStarted':
		'Too many questionnaires have been started from this connection just now. Wait {n} minutes and try again',
	'error.tooManyStartedOne':
		'Too many questionnaires have been started from this connection just now. Wait 1 minute and try again',
	'error.tooManyTries':
		'You have entered too many codes or links that did not work. Wait {n} minutes and try again',
	'error.tooManyTriesOne':
		'You have entered too many codes or links that did not work. Wait 1 minute and try again',
	'error.justClosed': 'This questionnaire has just closed, so your answers could not be sent.',
	'error.linkGone':
		'This link does not work any more. A link to saved answers works once, and saved answers are removed when they are sent or when the questionnaire closes. If you saved again after using it, use the newest link. You can also start the questionnaire again.',
	'error.missing':
		'We cannot find this questionnaire. Check that the link or address is exactly as you were given it.',
	'error.notReady':
		'This questionnaire is not ready yet. If someone sent you this link, please try again later.',
	'error.notYetOpen': 'This questionnaire opens on {date}. Please come back then.',
	'error.closed': 'This questionnaire closed on {date}, so it cannot take answers now.',
	'error.closedResults':
		'This questionnaire closed on {date}, so it cannot take answers now. Results will be published from {results}.',

	'errorPage.400': 'There is a problem with this page',
	'errorPage.403': 'This questionnaire is not open yet',
	'errorPage.404': 'Page not found',
	'errorPage.410': 'This questionnaire has closed',
	'errorPage.429': 'Too many tries',
	'errorPage.other': 'Sorry, there is a problem with this service',
	'errorPage.typed': 'If you typed the web address, check it is correct.',
	'errorPage.pasted': 'If you pasted the web address, check you copied the entire address.',
	'errorPage.later': 'Please try again later. Any answers you saved are still saved.',
	'errorPage.help':
		'If you need help with this questionnaire, contact the team that sent it to you. Your answers are anonymous, so they cannot look up what you sent.',

	'check.title': 'Check your answers',
	'check.heading': 'Check your answers before sending them',
	'check.notAnswered': 'Not answered',
	'check.change': 'Change',
	'check.changeHidden': ' your answer to “{prompt}”',
	'check.sendTitleYoung': 'Send your answers',
	'check.sendTitle': 'Now send your answers',
	'check.sendYoung':
		'When you press the button, your answers are sent. Nobody will know they are yours.',
	'check.sendParent':
		'By sending your answers you agree that the SEND team can use them, together with other families’ answers, as the privacy notice explains. Nobody can tell which answers are yours.',
	'check.send': 'Send my answers',

	'code.title': 'Enter your access code',
	'code.hint':
		'It is on the letter we sent you, for example K7QM2-XRT9H. Capital or small letters both work.',
	'code.empty': 'Enter the access code from your letter',
	'code.tooLong': 'Enter the access code exactly as it is on your letter',
	'code.malformed':
		'Enter the code exactly as it is on your letter: 10 letters and numbers, like K7QM2-XRT9H',
	'code.unknown': 'We do not recognise that code. Check it against your letter and try again',
	'code.used':
		'This code has already been used to send answers, and each code works once. If you did not send them, contact the team who sent you the letter',
	'code.draftElsewhere':
		'Someone has already started answering with this code and saved their answers, on this or another phone or computer. Nobody can open those answers with the code: only the device or the “come back later” link that saved them can. To carry on with them, use that link. Or discard them and start again here.',
	'code.lost':
		'We could not find your saved answers. They may have been sent already, or removed when someone started again with the same code. You can start again with the code from your letter.',
	'code.elsewhereSee':
		'Nobody can see saved answers by typing the code, not even us. If you saved them, open the link you were given when you saved, on the phone or computer you used.',
	'code.elsewhereRestart':
		'If you cannot find that link, you can start again. The saved answers will be deleted and nobody will be able to send them.',
	'code.typeAgain': 'Type your access code again to start again',
	'code.discard': 'Delete the saved answers and start again',
	'code.lostTitle': 'If you have lost your code',
	'code.lostText':
		'Contact the team that sent you the letter and ask for a new one. A new code is not linked to you or to your answers either.',

	'done.sent': 'Your answers have been sent',
	'done.already': 'Your answers have already been sent',
	'done.thanks': 'Thank you',
	'done.thanksYoung': 'Thank you for telling us what you think',
	'done.onlyOnce':
		'We only keep one set of answers each time, so nothing more was sent. You do not need to do anything else.',
	'done.nextTitle': 'What happens next',
	'done.nextYoung':
		'The people who help with SEND in {area} will read everyone’s answers together.',
	'done.tellYoung': 'They will tell you what they found and what they will change.',
	'done.tellYoungDate':
		'They will tell you what they found after {date} and what they will change.',
	'done.nextParent':
		'The SEND team in {area} will read your answers together with other families’ answers. They will use them to check whether support for children and young people with SEND is getting better, and to show inspectors what families say.',
	'done.resultsOn': 'The results will be published from {date}.',
	'done.resultsClosed': 'The results will be published when the questionnaire has closed.',
	'done.groups': 'They only ever show groups of families, never one family.',
	'done.helpTitleYoung': 'If you need help now',
	'done.helpTitle': 'If you need help or advice',
	'done.helpYoung':
		'We do not know who you are, so we cannot answer you or help with what you wrote.',
	'done.helpParent':
		'Your answers are anonymous, so nobody can reply to you or follow up what you wrote.',
	'done.trustedAdult': 'Talk to an adult you trust, like a teacher, carer or youth worker.',
	'done.childline': 'Call Childline free on {phone}, any time, day or night.',
	'done.sendiass':
		'For free, impartial advice about SEND, contact the SEND Information, Advice and Support Service (SENDIASS) for {area}.',
	'done.gp': 'For a child’s health, speak to your GP, or call NHS 111 if you need help urgently.',
	'done.emergency': 'If someone is in danger or it is an emergency, call {phone}.',

	'saved.title': 'Your answers have been saved',
	'saved.useLink':
		'To come back to your answers, use this link. Copy it or write it down now: it is only shown once, and it works once. If you stop again later, save again to get a new link.',
	'saved.secret':
		'Anyone who has the link can see and change your answers, so keep it to yourself.',
	'saved.code':
		'Your access code does not open these answers. If you type the code on another phone or computer, you can only start again there, and starting again deletes these answers.',
	'saved.noLink': 'Use the link you were shown when you saved, or start again.',
	'saved.kept':
		'We keep saved answers until the questionnaire closes on {date}. They are not sent until you choose to send them.',

	'privacy.intro':
		'This notice explains what happens to your answers to “{title}”, run by the council and NHS partners that support children and young people with SEND in {area}.',
	'privacy.collectTitle': 'What we collect',
	'privacy.collectAnswers': 'Your answers, and the date (not the time) you sent them.',
	'privacy.collectChannel': 'Whether answers came in online or on paper.',
	'privacy.notAsked':
		'We do not ask for your name, address, email or phone number. We do not record your internet address, your device or browser, or the time you answered.',
	'privacy.codes':
		'Access codes only stop answers being sent twice: when you send your answers the code is marked as used, and nothing links the code to your answers.',
	'privacy.cookiesTitle': 'Cookies',
	'privacy.cookies':
		'We use one cookie while you answer, so the questionnaire knows which saved answers are yours. It holds your access code or a random number, is only sent to this questionnaire, and expires after a few hours. There are no tracking or advertising cookies, and nothing is loaded from other websites.',
	'privacy.useTitle': 'How we use your answers',
	'privacy.use':
		'The SEND team reads answers together to see whether support is improving and to show inspectors what families say. Results only show groups: a percentage is only shown when at least 10 people answered, and small numbers are hidden so that nobody can be picked out.',
	'privacy.comments':
		'If you write something in a comment box, an officer reads it before anyone else sees it and removes names or anything else that could identify someone. Please do not write names or personal details.',
	'privacy.keepTitle': 'How long we keep them',
	'privacy.keep':
		'Saved answers that are not sent are deleted when the questionnaire closes on {date}. Sent answers are kept so that results can be compared over time.',
	'privacy.rightsTitle': 'Your rights',
	'privacy.rights':
		'Because your answers are anonymous, we cannot find which answers are yours once they are sent, so we cannot show, change or delete them for you. If you have a question or complaint, contact the team that sent you this questionnaire, or the Information Commissioner’s Office (ICO).',

	'access.intro':
		'This statement is about the questionnaire “{title}” for {area}. We want as many people as possible to be able to answer it.',
	'access.howTitle': 'How you can use this questionnaire',
	'access.zoom': 'zoom in up to 400% without the text spilling off the screen',
	'access.phone': 'use it on a small phone screen',
	'access.keyboard': 'answer using just a keyboard, or with speech recognition software',
	'access.reader': 'listen to it with a screen reader',
	'access.noScript': 'use it with JavaScript turned off',
	'access.save': 'save your answers and come back later',
	'access.young':
		'The questions use easy-read words, one question on each page. Picture scales always have words too. Where your browser can speak, a “Read aloud” button reads each question and its answers.',
	'access.levelTitle': 'How accessible it is',
	'access.level':
		'We aim to meet the Web Content Accessibility Guidelines (WCAG) version 2.2 at level AA. Every page is checked automatically for accessibility problems on phones and computers each time the service changes. The read-aloud button only appears in browsers that can speak.',
	'access.formatsTitle': 'Other formats and problems',
	'access.formats':
		'If you need the questionnaire in another format, such as paper or large print, or you find a problem with this website, contact the team that sent it to you.',
	'access.enforcementTitle': 'Enforcement procedure',
	'access.enforcement':
		'The Equality and Human Rights Commission (EHRC) is responsible for enforcing the accessibility regulations. If you are not happy with how we respond to your complaint, contact the Equality Advisory and Support Service (EASS).'
} as const;

export type TextKey = keyof typeof en;
/** A language's words for every key of the English. */
export type Dictionary = Record<TextKey, string>;
