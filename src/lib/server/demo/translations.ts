/**
 * Welsh and Urdu for one demo area's open questionnaires (parent carers and young people), so
 * the demo shows a family choosing their language. Keyed by the English, because the same
 * words ("Agree", "Yes") recur across questions; a string with no entry here is left
 * untranslated, which the offering check then reports (the seed test insists on none).
 */
import type { Translation } from '$lib/i18n';

/** The demo area whose open questionnaires are translated. */
export const TRANSLATED_DEMO_AREA = 'essex';

type Words = Record<Translation, string>;

const TITLES: Record<string, (area: string) => Words> = {
	parent: (area) => ({
		cy: `Profiad eich teulu o gymorth AAAA yn ${area}`,
		ur: `${area} میں SEND مدد کے بارے میں آپ کے خاندان کا تجربہ`
	}),
	young: (area) => ({
		cy: `Dywedwch wrthym am eich help: pobl ifanc ${area}`,
		ur: `ہمیں اپنی مدد کے بارے میں بتائیں: ${area} کے نوجوان`
	})
};

const WORDS: Record<string, Words> = {
	'We want to hear what it is like for your family to get support for your child’s special educational needs or disability. What you tell us shows whether the changes we have made are making a difference.':
		{
			cy: 'Rydyn ni eisiau clywed sut brofiad yw hi i’ch teulu gael cymorth ar gyfer anghenion addysgol arbennig neu anabledd eich plentyn. Mae’r hyn rydych yn ei ddweud wrthym yn dangos a yw’r newidiadau a wnaethom yn gwneud gwahaniaeth.',
			ur: 'ہم جاننا چاہتے ہیں کہ آپ کے خاندان کے لیے آپ کے بچے کی خصوصی تعلیمی ضروریات یا معذوری کے لیے مدد حاصل کرنا کیسا ہے۔ آپ جو بتاتے ہیں اس سے پتہ چلتا ہے کہ ہماری کی گئی تبدیلیاں فرق ڈال رہی ہیں یا نہیں۔'
		},
	'Your child’s EHC plan': { cy: 'Cynllun EHC eich plentyn', ur: 'آپ کے بچے کا EHC پلان' },
	"I was involved as an equal partner when my child's EHC plan was written or last changed.": {
		cy: 'Roeddwn yn rhan o’r gwaith fel partner cyfartal pan gafodd cynllun EHC fy mhlentyn ei ysgrifennu neu ei newid ddiwethaf.',
		ur: 'جب میرے بچے کا EHC پلان لکھا گیا یا آخری بار بدلا گیا تو مجھے برابر کے شراکت دار کے طور پر شامل کیا گیا۔'
	},
	'Strongly agree': { cy: 'Cytuno’n gryf', ur: 'پوری طرح متفق' },
	Agree: { cy: 'Cytuno', ur: 'متفق' },
	'Neither agree nor disagree': {
		cy: 'Ddim yn cytuno nac yn anghytuno',
		ur: 'نہ متفق نہ غیر متفق'
	},
	Disagree: { cy: 'Anghytuno', ur: 'غیر متفق' },
	'Strongly disagree': { cy: 'Anghytuno’n gryf', ur: 'بالکل غیر متفق' },
	"Does not apply / don't know": {
		cy: 'Ddim yn berthnasol / ddim yn gwybod',
		ur: 'لاگو نہیں / معلوم نہیں'
	},
	'Were you involved as an equal partner when your child’s EHC plan was written or last changed? Choose one answer, from “Strongly agree” to “Strongly disagree”. If there is no plan yet, choose “Does not apply / don’t know”.':
		{
			cy: 'Oeddech chi’n rhan o’r gwaith fel partner cyfartal pan gafodd cynllun EHC eich plentyn ei ysgrifennu neu ei newid ddiwethaf? Dewiswch un ateb, o “Cytuno’n gryf” i “Anghytuno’n gryf”. Os nad oes cynllun eto, dewiswch “Ddim yn berthnasol / ddim yn gwybod”.',
			ur: 'جب آپ کے بچے کا EHC پلان لکھا گیا یا آخری بار بدلا گیا تو کیا آپ کو برابر کے شراکت دار کے طور پر شامل کیا گیا؟ ایک جواب منتخب کریں، “پوری طرح متفق” سے “بالکل غیر متفق” تک۔ اگر ابھی کوئی پلان نہیں ہے تو “لاگو نہیں / معلوم نہیں” منتخب کریں۔'
		},
	"My child's own views, wishes and feelings are clearly written in their plan.": {
		cy: 'Mae barn, dymuniadau a theimladau fy mhlentyn ei hun wedi’u hysgrifennu’n glir yn ei gynllun.',
		ur: 'میرے بچے کی اپنی رائے، خواہشات اور احساسات اس کے پلان میں واضح طور پر لکھے گئے ہیں۔'
	},
	"The plan describes my child's needs accurately.": {
		cy: 'Mae’r cynllun yn disgrifio anghenion fy mhlentyn yn gywir.',
		ur: 'پلان میرے بچے کی ضروریات کو درست طور پر بیان کرتا ہے۔'
	},
	'The plan says clearly what support my child gets, who gives it and how often.': {
		cy: 'Mae’r cynllun yn dweud yn glir pa gymorth mae fy mhlentyn yn ei gael, pwy sy’n ei roi a pha mor aml.',
		ur: 'پلان واضح طور پر بتاتا ہے کہ میرے بچے کو کیا مدد ملتی ہے، کون دیتا ہے اور کتنی بار۔'
	},
	'Information and being heard': {
		cy: 'Gwybodaeth a chael eich clywed',
		ur: 'معلومات اور سنا جانا'
	},
	'Parent carers have real influence on how SEND services in our area are planned and paid for.': {
		cy: 'Mae gan rieni sy’n ofalwyr ddylanwad go iawn ar sut mae gwasanaethau AAAA yn ein hardal yn cael eu cynllunio a’u hariannu.',
		ur: 'والدین اور نگہداشت کرنے والوں کا ہمارے علاقے میں SEND خدمات کی منصوبہ بندی اور ان پر خرچ کے فیصلوں پر حقیقی اثر ہے۔'
	},
	Overall: { cy: 'Ar y cyfan', ur: 'مجموعی طور پر' },
	'Overall, how would you rate your experience of SEND support in our area in the last 12 months?':
		{
			cy: 'Ar y cyfan, sut fyddech chi’n graddio eich profiad o gymorth AAAA yn ein hardal yn ystod y 12 mis diwethaf?',
			ur: 'مجموعی طور پر، پچھلے 12 مہینوں میں ہمارے علاقے میں SEND مدد کے اپنے تجربے کو آپ کیسا کہیں گے؟'
		},
	'Very good': { cy: 'Da iawn', ur: 'بہت اچھا' },
	Good: { cy: 'Da', ur: 'اچھا' },
	'Neither good nor poor': { cy: 'Ddim yn dda nac yn wael', ur: 'نہ اچھا نہ برا' },
	Poor: { cy: 'Gwael', ur: 'برا' },
	'Very poor': { cy: 'Gwael iawn', ur: 'بہت برا' },
	"Don't know": { cy: 'Ddim yn gwybod', ur: 'معلوم نہیں' },
	'About you and your child': {
		cy: 'Amdanoch chi a’ch plentyn',
		ur: 'آپ اور آپ کے بچے کے بارے میں'
	},
	'How old is the child or young person?': {
		cy: 'Beth yw oed y plentyn neu’r person ifanc?',
		ur: 'بچے یا نوجوان کی عمر کیا ہے؟'
	},
	'0 to 4': { cy: '0 i 4', ur: '0 سے 4' },
	'5 to 10': { cy: '5 i 10', ur: '5 سے 10' },
	'11 to 15': { cy: '11 i 15', ur: '11 سے 15' },
	'16 to 19': { cy: '16 i 19', ur: '16 سے 19' },
	'20 to 25': { cy: '20 i 25', ur: '20 سے 25' },
	'Where does the child or young person spend most of the school or college week?': {
		cy: 'Ble mae’r plentyn neu’r person ifanc yn treulio’r rhan fwyaf o’r wythnos ysgol neu goleg?',
		ur: 'بچہ یا نوجوان اسکول یا کالج کے ہفتے کا زیادہ تر وقت کہاں گزارتا ہے؟'
	},
	'Early years setting': { cy: 'Lleoliad blynyddoedd cynnar', ur: 'ابتدائی عمر کا ادارہ' },
	'Mainstream school': { cy: 'Ysgol prif ffrwd', ur: 'عام اسکول' },
	'Specialist unit in a mainstream school': {
		cy: 'Uned arbenigol mewn ysgol prif ffrwd',
		ur: 'عام اسکول میں خصوصی یونٹ'
	},
	'Special school': { cy: 'Ysgol arbennig', ur: 'خصوصی اسکول' },
	'College or training': { cy: 'Coleg neu hyfforddiant', ur: 'کالج یا تربیت' },
	'Not in education, employment or training': {
		cy: 'Ddim mewn addysg, cyflogaeth na hyfforddiant',
		ur: 'تعلیم، ملازمت یا تربیت میں نہیں'
	},
	Other: { cy: 'Arall', ur: 'دیگر' },
	'What is the main area of need in the EHC plan?': {
		cy: 'Beth yw prif faes yr angen yn y cynllun EHC?',
		ur: 'EHC پلان میں ضرورت کا بنیادی شعبہ کیا ہے؟'
	},
	'Communication and interaction': { cy: 'Cyfathrebu a rhyngweithio', ur: 'رابطہ اور میل جول' },
	'Cognition and learning': { cy: 'Gwybyddiaeth a dysgu', ur: 'سمجھ بوجھ اور سیکھنا' },
	'Social, emotional and mental health': {
		cy: 'Iechyd cymdeithasol, emosiynol a meddyliol',
		ur: 'سماجی، جذباتی اور ذہنی صحت'
	},
	'Sensory and/or physical': { cy: 'Synhwyraidd a/neu gorfforol', ur: 'حسی اور/یا جسمانی' },
	'Not sure': { cy: 'Ddim yn siŵr', ur: 'یقین نہیں' },
	'Which part of the area do you live in?': {
		cy: 'Ym mha ran o’r ardal ydych chi’n byw?',
		ur: 'آپ علاقے کے کس حصے میں رہتے ہیں؟'
	},
	North: { cy: 'Gogledd', ur: 'شمال' },
	Mid: { cy: 'Canol', ur: 'وسط' },
	South: { cy: 'De', ur: 'جنوب' },
	West: { cy: 'Gorllewin', ur: 'مغرب' },
	'Does your child have an EHC plan?': {
		cy: 'Oes gan eich plentyn gynllun EHC?',
		ur: 'کیا آپ کے بچے کا EHC پلان ہے؟'
	},
	Yes: { cy: 'Ie', ur: 'ہاں' },
	'No, SEN support': { cy: 'Nac oes, cymorth AAA', ur: 'نہیں، SEN مدد' },
	'Anything else': { cy: 'Unrhyw beth arall', ur: 'کچھ اور' },
	'What one thing would make the biggest difference for your child or family?': {
		cy: 'Pa un peth fyddai’n gwneud y gwahaniaeth mwyaf i’ch plentyn neu’ch teulu?',
		ur: 'کون سی ایک چیز آپ کے بچے یا خاندان کے لیے سب سے بڑا فرق ڈالے گی؟'
	},
	'We want to know what you think about the help you get. There are no right or wrong answers.': {
		cy: 'Rydyn ni eisiau gwybod beth rydych chi’n ei feddwl am yr help rydych chi’n ei gael. Does dim atebion cywir nac anghywir.',
		ur: 'ہم جاننا چاہتے ہیں کہ آپ کو ملنے والی مدد کے بارے میں آپ کیا سوچتے ہیں۔ کوئی جواب صحیح یا غلط نہیں ہے۔'
	},
	'I helped make my plan.': {
		cy: 'Fe wnes i helpu i wneud fy nghynllun.',
		ur: 'میں نے اپنا پلان بنانے میں مدد کی۔'
	},
	Sometimes: { cy: 'Weithiau', ur: 'کبھی کبھی' },
	No: { cy: 'Na', ur: 'نہیں' },
	"I don't know": { cy: 'Dw i ddim yn gwybod', ur: 'مجھے نہیں معلوم' },
	'My plan says what I think and want.': {
		cy: 'Mae fy nghynllun yn dweud beth dw i’n ei feddwl a’i eisiau.',
		ur: 'میرا پلان بتاتا ہے کہ میں کیا سوچتا ہوں اور کیا چاہتا ہوں۔'
	},
	'My plan is right about me.': {
		cy: 'Mae fy nghynllun yn gywir amdana i.',
		ur: 'میرا پلان میرے بارے میں درست ہے۔'
	},
	'My plan says what help I get.': {
		cy: 'Mae fy nghynllun yn dweud pa help dw i’n ei gael.',
		ur: 'میرا پلان بتاتا ہے کہ مجھے کیا مدد ملتی ہے۔'
	},
	'Young people like me help decide how services work.': {
		cy: 'Mae pobl ifanc fel fi yn helpu i benderfynu sut mae gwasanaethau’n gweithio.',
		ur: 'مجھ جیسے نوجوان یہ طے کرنے میں مدد کرتے ہیں کہ خدمات کیسے کام کریں۔'
	},
	'Overall, how is the help you get?': {
		cy: 'Ar y cyfan, sut mae’r help rydych chi’n ei gael?',
		ur: 'مجموعی طور پر، آپ کو ملنے والی مدد کیسی ہے؟'
	},
	'How old are you?': { cy: 'Faint yw eich oed chi?', ur: 'آپ کی عمر کیا ہے؟' },
	'Who filled this in?': { cy: 'Pwy wnaeth lenwi hwn?', ur: 'یہ کس نے بھرا؟' },
	'On my own': { cy: 'Ar fy mhen fy hun', ur: 'خود اکیلے' },
	'With help': { cy: 'Gyda help', ur: 'مدد کے ساتھ' },
	'Someone answered for me': {
		cy: 'Atebodd rhywun ar fy rhan',
		ur: 'کسی اور نے میری طرف سے جواب دیا'
	},
	'What one thing would make things better for you?': {
		cy: 'Pa un peth fyddai’n gwneud pethau’n well i chi?',
		ur: 'کون سی ایک چیز آپ کے لیے حالات بہتر بنائے گی؟'
	}
};

/**
 * The demo's words for a string of a questionnaire in a language, or undefined when there are
 * none. Titles carry the area's name, so they are matched by their shape.
 */
export function demoTranslation(
	english: string,
	language: Translation,
	areaName: string
): string | undefined {
	if (english === `Your family’s experience of SEND support in ${areaName}`)
		return TITLES.parent!(areaName)[language];
	if (english === `Tell us about your help: ${areaName} young people`)
		return TITLES.young!(areaName)[language];
	return WORDS[english]?.[language];
}
