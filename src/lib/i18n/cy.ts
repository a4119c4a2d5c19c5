/** The families' journey in Welsh (Cymraeg). */
import type { Dictionary } from './en';

export const cy: Dictionary = {
	'layout.skip': 'Neidio i’r prif gynnwys',
	'layout.service': 'Holiadur AAAA {area}',
	'layout.serviceGeneric': 'Holiadur AAAA',
	'layout.demoTag': 'Arddangos',
	'layout.demoText': 'Holiadur arddangos yw hwn gyda data ffug. Peidiwch â rhoi manylion go iawn.',
	'layout.privacy': 'Hysbysiad preifatrwydd',
	'layout.accessibility': 'Datganiad hygyrchedd',
	'layout.footer': 'Mae eich atebion yn ddienw. Nid yw’r holiadur hwn yn defnyddio cwcis tracio.',
	'layout.languages': 'Dewiswch iaith',

	'common.back': 'Yn ôl',
	'common.error': 'Gwall:',
	'common.problem': 'Mae problem',
	'common.continue': 'Parhau',
	'common.backToStart': 'Yn ôl i ddechrau’r holiadur',
	'common.backToQuestionnaire': 'Yn ôl i’r holiadur',

	'start.whoTitle': 'Ar gyfer pwy mae hwn',
	'start.whoYoung': 'Pobl ifanc ag anghenion addysgol arbennig neu anabledd (AAAA) yn {area}.',
	'start.helpYoung': 'Gallwch ofyn i rywun eich helpu i ateb.',
	'start.howLongTitle': 'Faint o amser mae’n ei gymryd',
	'start.howLongYoung': 'Tua {n} munud. Mae un cwestiwn ar bob tudalen.',
	'start.anonTitleYoung': 'Fydd neb yn gwybod mai chi ydych chi',
	'start.anonYoung':
		'Dydyn ni ddim yn gofyn eich enw. Dydyn ni ddim yn cadw dim sy’n dweud pwy ydych chi.',
	'start.readYoung':
		'Bydd y bobl sy’n helpu gydag AAAA yn {area} yn darllen atebion pawb gyda’i gilydd. Mae’r atebion yn eu helpu i wella pethau.',
	'start.whoParent':
		'Rhieni a gofalwyr plant a phobl ifanc ag anghenion addysgol arbennig neu anabledd (AAAA) yn {area}.',
	'start.whoParentCoded':
		'Rhieni a gofalwyr plant a phobl ifanc ag anghenion addysgol arbennig neu anabledd (AAAA) yn {area} sydd wedi cael llythyr gyda chod mynediad.',
	'start.howLongParent':
		'Tua {n} munud. Gallwch gadw eich atebion a dod yn ôl yn nes ymlaen gyda dolen a roddwn i chi pan fyddwch yn cadw.',
	'start.anonTitleParent': 'Mae eich atebion yn ddienw',
	'start.anonParent':
		'Dydyn ni ddim yn gofyn am eich enw na’ch manylion cyswllt, a dydyn ni ddim yn cofnodi pwy anfonodd pa atebion.',
	'start.anonCoded':
		'Dim ond unwaith y mae eich cod yn gadael i chi ateb: nid yw wedi’i gysylltu â’ch atebion.',
	'start.useTitle': 'Beth sy’n digwydd i’ch atebion',
	'start.useParent':
		'Mae’r tîm AAAA yn {area} yn darllen yr holl atebion gyda’i gilydd ac yn eu defnyddio i weld a yw’r cymorth yn gwella. Dim ond grwpiau o deuluoedd y mae’r canlyniadau’n eu dangos, byth un teulu.',
	'start.resultsOn': 'Byddwn yn eu cyhoeddi o {date}.',
	'start.read': 'Darllenwch yr {privacy} a’r {accessibility}.',
	'start.privacyLink': 'hysbysiad preifatrwydd',
	'start.accessibilityLink': 'datganiad hygyrchedd',
	'start.sent': 'Mae atebion eisoes wedi’u hanfon o’r ddyfais hon.',
	'start.lost':
		'Doedden ni ddim yn gallu dod o hyd i’ch atebion a gadwyd. Efallai eu bod wedi’u hanfon yn barod, neu fod y ddolen iddyn nhw wedi’i defnyddio o’r blaen. Gallwch ddechrau eto.',
	'start.start': 'Dechrau nawr',
	'start.startAgain': 'Dechrau set newydd o atebion',
	'start.closes': 'Yn cau ar {date}.',

	'page.progressYoung': 'Cwestiwn {n} o {total}',
	'page.progress': 'Tudalen {n} o {total}',
	'page.resumed':
		'Mae eich atebion a gadwyd yn ôl. Ni fydd y ddolen a ddefnyddiwyd gennych yn gweithio eto: os byddwch yn stopio cyn anfon, dewiswch “Cadw a dod yn ôl yn nes ymlaen” i gael un newydd.',
	'page.saveAndReturn': 'Cadw a mynd yn ôl at eich atebion',
	'page.saveForLater': 'Cadw a dod yn ôl yn nes ymlaen',

	'question.readAloud': 'Darllen yn uchel',
	'question.selectAll': 'Dewiswch bob un sy’n berthnasol.',
	'question.or': 'neu',
	'question.maxLength': 'Gallwch roi hyd at {n} nod',
	'question.remaining': 'Mae gennych {n} nod ar ôl',
	'question.remainingOne': 'Mae gennych 1 nod ar ôl',
	'question.tooMany': 'Mae gennych {n} nod yn ormod',
	'question.tooManyOne': 'Mae gennych 1 nod yn ormod',
	'question.signVideo':
		'Gwyliwch y cwestiwn hwn yn Iaith Arwyddion Prydain (yn agor mewn tab newydd)',
	'question.signCaption': 'Beth mae’r fideo’n ei ddweud',

	'error.select': 'Dewiswch ateb i “{prompt}”',
	'error.enter': 'Rhowch ateb i “{prompt}”',
	'error.onlyOne': 'Dewiswch un ateb yn unig i “{prompt}”',
	'error.notShown': 'Dewiswch un o’r atebion a ddangosir ar gyfer “{prompt}”',
	'error.onlyShown': 'Dewiswch atebion a ddangosir yn unig ar gyfer “{prompt}”',
	'error.oneNumber': 'Rhowch un rhif yn unig',
	'error.wholeNumber': 'Rhowch rif cyfan, fel 12, ar gyfer “{prompt}”',
	'error.between': 'Rhowch rif rhwng {min} a {max}',
	'error.oneAnswer': 'Rhowch un ateb yn unig',
	'error.tooLong': 'Rhaid i’ch ateb fod yn {max} nod neu lai (mae ganddo {length})',
	'error.answer': 'Atebwch “{prompt}”',
	'error.stale':
		'Mae’r ffurflen hon wedi dyddio neu wedi’i newid, felly ni chadwyd dim arni. Atebwch y dudalen hon eto.',
	'error.changed':
		'Mae’r dudalen hon wedi newid ers iddi gael ei hagor. Ni chadwyd eich atebion arni; atebwch hi eto.',
	'error.tooManyStarted':
		'Mae gormod o holiaduron wedi’u dechrau o’r cysylltiad hwn yn ddiweddar. Arhoswch {n} munud a rhowch gynnig arall arni',
	'error.tooManyStartedOne':
		'Mae gormod o holiaduron wedi’u dechrau o’r cysylltiad hwn yn ddiweddar. Arhoswch 1 munud a rhowch gynnig arall arni',
	'error.tooManyTries':
		'Rydych wedi rhoi gormod o godau neu ddolenni nad oedd yn gweithio. Arhoswch {n} munud a rhowch gynnig arall arni',
	'error.tooManyTriesOne':
		'Rydych wedi rhoi gormod o godau neu ddolenni nad oedd yn gweithio. Arhoswch 1 munud a rhowch gynnig arall arni',
	'error.justClosed': 'Mae’r holiadur hwn newydd gau, felly nid oedd modd anfon eich atebion.',
	'error.linkGone':
		'Nid yw’r ddolen hon yn gweithio mwyach. Mae dolen i atebion a gadwyd yn gweithio unwaith, a chaiff atebion a gadwyd eu dileu pan gânt eu hanfon neu pan fydd yr holiadur yn cau. Os gwnaethoch gadw eto ar ôl ei defnyddio, defnyddiwch y ddolen fwyaf newydd. Gallwch hefyd ddechrau’r holiadur eto.',
	'error.missing':
		'Ni allwn ddod o hyd i’r holiadur hwn. Gwiriwch fod y ddolen neu’r cyfeiriad yn union fel y cawsoch ef.',
	'error.notReady':
		'Nid yw’r holiadur hwn yn barod eto. Os anfonodd rhywun y ddolen hon atoch, rhowch gynnig arall arni yn nes ymlaen.',
	'error.notYetOpen': 'Mae’r holiadur hwn yn agor ar {date}. Dewch yn ôl bryd hynny.',
	'error.closed': 'Caeodd yr holiadur hwn ar {date}, felly ni all dderbyn atebion nawr.',
	'error.closedResults':
		'Caeodd yr holiadur hwn ar {date}, felly ni all dderbyn atebion nawr. Caiff y canlyniadau eu cyhoeddi o {results}.',

	'errorPage.400': 'Mae problem gyda’r dudalen hon',
	'errorPage.403': 'Nid yw’r holiadur hwn ar agor eto',
	'errorPage.404': 'Heb ddod o hyd i’r dudalen',
	'errorPage.410': 'Mae’r holiadur hwn wedi cau',
	'errorPage.429': 'Gormod o gynigion',
	'errorPage.other': 'Mae’n ddrwg gennym, mae problem gyda’r gwasanaeth hwn',
	'errorPage.typed': 'Os gwnaethoch deipio’r cyfeiriad gwe, gwiriwch ei fod yn gywir.',
	'errorPage.pasted':
		'Os gwnaethoch ludo’r cyfeiriad gwe, gwiriwch eich bod wedi copïo’r cyfeiriad cyfan.',
	'errorPage.later':
		'Rhowch gynnig arall arni yn nes ymlaen. Mae unrhyw atebion a gadwyd gennych wedi’u cadw o hyd.',
	'errorPage.help':
		'Os oes angen help arnoch gyda’r holiadur hwn, cysylltwch â’r tîm a’i anfonodd atoch. Mae eich atebion yn ddienw, felly ni allan nhw chwilio am yr hyn a anfonoch.',

	'check.title': 'Gwirio eich atebion',
	'check.heading': 'Gwiriwch eich atebion cyn eu hanfon',
	'check.notAnswered': 'Heb ei ateb',
	'check.change': 'Newid',
	'check.changeHidden': ' eich ateb i “{prompt}”',
	'check.sendTitleYoung': 'Anfon eich atebion',
	'check.sendTitle': 'Nawr anfonwch eich atebion',
	'check.sendYoung':
		'Pan fyddwch yn pwyso’r botwm, caiff eich atebion eu hanfon. Fydd neb yn gwybod mai eich atebion chi ydyn nhw.',
	'check.sendParent':
		'Drwy anfon eich atebion rydych yn cytuno y gall y tîm AAAA eu defnyddio, gydag atebion teuluoedd eraill, fel y mae’r hysbysiad preifatrwydd yn ei egluro. Does neb yn gallu dweud pa atebion yw’ch rhai chi.',
	'check.send': 'Anfon fy atebion',

	'code.title': 'Rhowch eich cod mynediad',
	'code.hint':
		'Mae ar y llythyr a anfonwyd atoch, er enghraifft K7QM2-XRT9H. Mae priflythrennau neu lythrennau bach yn gweithio.',
	'code.empty': 'Rhowch y cod mynediad o’ch llythyr',
	'code.tooLong': 'Rhowch y cod mynediad yn union fel y mae ar eich llythyr',
	'code.malformed':
		'Rhowch y cod yn union fel y mae ar eich llythyr: 10 llythyren a rhif, fel K7QM2-XRT9H',
	'code.unknown':
		'Dydyn ni ddim yn adnabod y cod hwnnw. Gwiriwch ef yn erbyn eich llythyr a rhowch gynnig arall arni',
	'code.used':
		'Mae’r cod hwn eisoes wedi’i ddefnyddio i anfon atebion, ac mae pob cod yn gweithio unwaith. Os nad chi a’u hanfonodd, cysylltwch â’r tîm a anfonodd y llythyr atoch',
	'code.draftElsewhere':
		'Mae rhywun eisoes wedi dechrau ateb gyda’r cod hwn ac wedi cadw ei atebion, ar y ffôn neu’r cyfrifiadur hwn neu un arall. Ni all neb agor yr atebion hynny gyda’r cod: dim ond y ddyfais neu’r ddolen “dod yn ôl yn nes ymlaen” a’u cadwodd sy’n gallu. I barhau gyda nhw, defnyddiwch y ddolen honno. Neu dilëwch nhw a dechrau eto yma.',
	'code.lost':
		'Doedden ni ddim yn gallu dod o hyd i’ch atebion a gadwyd. Efallai eu bod wedi’u hanfon yn barod, neu wedi’u dileu pan ddechreuodd rhywun eto gyda’r un cod. Gallwch ddechrau eto gyda’r cod o’ch llythyr.',
	'code.elsewhereSee':
		'Ni all neb weld atebion a gadwyd drwy deipio’r cod, dim hyd yn oed ni. Os gwnaethoch eu cadw, agorwch y ddolen a gawsoch pan wnaethoch gadw, ar y ffôn neu’r cyfrifiadur a ddefnyddiwyd gennych.',
	'code.elsewhereRestart':
		'Os na allwch ddod o hyd i’r ddolen honno, gallwch ddechrau eto. Caiff yr atebion a gadwyd eu dileu ac ni fydd neb yn gallu eu hanfon.',
	'code.typeAgain': 'Teipiwch eich cod mynediad eto i ddechrau eto',
	'code.discard': 'Dileu’r atebion a gadwyd a dechrau eto',
	'code.lostTitle': 'Os ydych wedi colli eich cod',
	'code.lostText':
		'Cysylltwch â’r tîm a anfonodd y llythyr atoch a gofynnwch am un newydd. Nid yw cod newydd wedi’i gysylltu â chi na’ch atebion chwaith.',

	'done.sent': 'Mae eich atebion wedi’u hanfon',
	'done.already': 'Mae eich atebion eisoes wedi’u hanfon',
	'done.thanks': 'Diolch',
	'done.thanksYoung': 'Diolch am ddweud wrthym beth rydych chi’n ei feddwl',
	'done.onlyOnce':
		'Dim ond un set o atebion rydyn ni’n ei chadw bob tro, felly ni anfonwyd dim mwy. Does dim angen i chi wneud dim byd arall.',
	'done.nextTitle': 'Beth sy’n digwydd nesaf',
	'done.nextYoung':
		'Bydd y bobl sy’n helpu gydag AAAA yn {area} yn darllen atebion pawb gyda’i gilydd.',
	'done.tellYoung':
		'Byddan nhw’n dweud wrthych beth wnaethon nhw ei ddarganfod a beth fyddan nhw’n ei newid.',
	'done.tellYoungDate':
		'Byddan nhw’n dweud wrthych beth wnaethon nhw ei ddarganfod ar ôl {date} a beth fyddan nhw’n ei newid.',
	'done.nextParent':
		'Bydd y tîm AAAA yn {area} yn darllen eich atebion gydag atebion teuluoedd eraill. Byddan nhw’n eu defnyddio i wirio a yw’r cymorth i blant a phobl ifanc ag AAAA yn gwella, ac i ddangos i arolygwyr beth mae teuluoedd yn ei ddweud.',
	'done.resultsOn': 'Caiff y canlyniadau eu cyhoeddi o {date}.',
	'done.resultsClosed': 'Caiff y canlyniadau eu cyhoeddi pan fydd yr holiadur wedi cau.',
	'done.groups': 'Dim ond grwpiau o deuluoedd y maen nhw’n eu dangos, byth un teulu.',
	'done.helpTitleYoung': 'Os oes angen help arnoch nawr',
	'done.helpTitle': 'Os oes angen help neu gyngor arnoch',
	'done.helpYoung':
		'Dydyn ni ddim yn gwybod pwy ydych chi, felly allwn ni ddim eich ateb na helpu gyda’r hyn a ysgrifennoch.',
	'done.helpParent':
		'Mae eich atebion yn ddienw, felly ni all neb ymateb i chi na dilyn yr hyn a ysgrifennoch.',
	'done.trustedAdult':
		'Siaradwch ag oedolyn rydych chi’n ymddiried ynddo, fel athro, gofalwr neu weithiwr ieuenctid.',
	'done.childline': 'Ffoniwch Childline am ddim ar {phone}, unrhyw bryd, ddydd neu nos.',
	'done.sendiass':
		'Am gyngor diduedd am ddim am AAAA, cysylltwch â’r Gwasanaeth Gwybodaeth, Cyngor a Chymorth AAAA (SENDIASS) ar gyfer {area}.',
	'done.gp':
		'Ar gyfer iechyd plentyn, siaradwch â’ch meddyg teulu, neu ffoniwch GIG 111 os oes angen help arnoch ar frys.',
	'done.emergency': 'Os yw rhywun mewn perygl neu os yw’n argyfwng, ffoniwch {phone}.',

	'saved.title': 'Mae eich atebion wedi’u cadw',
	'saved.useLink':
		'I ddod yn ôl at eich atebion, defnyddiwch y ddolen hon. Copïwch hi neu ysgrifennwch hi nawr: dim ond unwaith y caiff ei dangos, ac mae’n gweithio unwaith. Os byddwch yn stopio eto yn nes ymlaen, cadwch eto i gael dolen newydd.',
	'saved.secret':
		'Gall unrhyw un sydd â’r ddolen weld a newid eich atebion, felly cadwch hi i chi eich hun.',
	'saved.code':
		'Nid yw eich cod mynediad yn agor yr atebion hyn. Os teipiwch y cod ar ffôn neu gyfrifiadur arall, dim ond dechrau eto y gallwch chi yno, ac mae dechrau eto yn dileu’r atebion hyn.',
	'saved.noLink': 'Defnyddiwch y ddolen a ddangoswyd i chi pan wnaethoch gadw, neu dechreuwch eto.',
	'saved.kept':
		'Rydyn ni’n cadw atebion a gadwyd nes bydd yr holiadur yn cau ar {date}. Ni chânt eu hanfon nes i chi ddewis eu hanfon.',

	'privacy.intro':
		'Mae’r hysbysiad hwn yn egluro beth sy’n digwydd i’ch atebion i “{title}”, a gynhelir gan y cyngor a phartneriaid y GIG sy’n cefnogi plant a phobl ifanc ag AAAA yn {area}.',
	'privacy.collectTitle': 'Beth rydyn ni’n ei gasglu',
	'privacy.collectAnswers': 'Eich atebion, a’r dyddiad (nid yr amser) y gwnaethoch eu hanfon.',
	'privacy.collectChannel': 'A ddaeth yr atebion ar-lein neu ar bapur.',
	'privacy.notAsked':
		'Dydyn ni ddim yn gofyn am eich enw, cyfeiriad, e-bost na rhif ffôn. Dydyn ni ddim yn cofnodi eich cyfeiriad rhyngrwyd, eich dyfais na’ch porwr, na’r amser y gwnaethoch ateb.',
	'privacy.codes':
		'Dim ond atal atebion rhag cael eu hanfon ddwywaith y mae codau mynediad: pan fyddwch yn anfon eich atebion caiff y cod ei nodi fel un a ddefnyddiwyd, a does dim byd yn cysylltu’r cod â’ch atebion.',
	'privacy.cookiesTitle': 'Cwcis',
	'privacy.cookies':
		'Rydyn ni’n defnyddio un cwci tra byddwch yn ateb, fel bod yr holiadur yn gwybod pa atebion a gadwyd sy’n eiddo i chi. Mae’n dal eich cod mynediad neu rif ar hap, dim ond i’r holiadur hwn y caiff ei anfon, ac mae’n dod i ben ar ôl ychydig oriau. Does dim cwcis tracio na hysbysebu, a does dim byd yn cael ei lwytho o wefannau eraill.',
	'privacy.useTitle': 'Sut rydyn ni’n defnyddio eich atebion',
	'privacy.use':
		'Mae’r tîm AAAA yn darllen atebion gyda’i gilydd i weld a yw’r cymorth yn gwella ac i ddangos i arolygwyr beth mae teuluoedd yn ei ddweud. Dim ond grwpiau y mae’r canlyniadau’n eu dangos: dim ond pan fydd o leiaf 10 o bobl wedi ateb y dangosir canran, a chaiff niferoedd bach eu cuddio fel na ellir adnabod neb.',
	'privacy.comments':
		'Os ysgrifennwch rywbeth mewn blwch sylwadau, mae swyddog yn ei ddarllen cyn i neb arall ei weld ac yn dileu enwau neu unrhyw beth arall a allai adnabod rhywun. Peidiwch ag ysgrifennu enwau na manylion personol.',
	'privacy.keepTitle': 'Am ba hyd rydyn ni’n eu cadw',
	'privacy.keep':
		'Caiff atebion a gadwyd ond nas anfonwyd eu dileu pan fydd yr holiadur yn cau ar {date}. Caiff atebion a anfonwyd eu cadw er mwyn gallu cymharu canlyniadau dros amser.',
	'privacy.rightsTitle': 'Eich hawliau',
	'privacy.rights':
		'Gan fod eich atebion yn ddienw, ni allwn ddod o hyd i’ch atebion chi ar ôl eu hanfon, felly ni allwn eu dangos, eu newid na’u dileu i chi. Os oes gennych gwestiwn neu gŵyn, cysylltwch â’r tîm a anfonodd yr holiadur hwn atoch, neu Swyddfa’r Comisiynydd Gwybodaeth (ICO).',

	'access.intro':
		'Mae’r datganiad hwn yn ymwneud â’r holiadur “{title}” ar gyfer {area}. Rydyn ni am i gymaint o bobl â phosibl allu ei ateb.',
	'access.howTitle': 'Sut y gallwch ddefnyddio’r holiadur hwn',
	'access.zoom': 'chwyddo hyd at 400% heb i’r testun fynd oddi ar y sgrin',
	'access.phone': 'ei ddefnyddio ar sgrin ffôn fach',
	'access.keyboard': 'ateb gan ddefnyddio bysellfwrdd yn unig, neu feddalwedd adnabod lleferydd',
	'access.reader': 'gwrando arno gyda darllenydd sgrin',
	'access.noScript': 'ei ddefnyddio gyda JavaScript wedi’i ddiffodd',
	'access.save': 'cadw eich atebion a dod yn ôl yn nes ymlaen',
	'access.young':
		'Mae’r cwestiynau’n defnyddio geiriau hawdd eu darllen, un cwestiwn ar bob tudalen. Mae geiriau gyda’r graddfeydd lluniau bob amser. Lle gall eich porwr siarad, mae botwm “Darllen yn uchel” yn darllen pob cwestiwn a’i atebion.',
	'access.levelTitle': 'Pa mor hygyrch ydyw',
	'access.level':
		'Ein nod yw bodloni Canllawiau Hygyrchedd Cynnwys y We (WCAG) fersiwn 2.2 ar lefel AA. Caiff pob tudalen ei gwirio’n awtomatig am broblemau hygyrchedd ar ffonau a chyfrifiaduron bob tro y bydd y gwasanaeth yn newid. Dim ond mewn porwyr sy’n gallu siarad y mae’r botwm darllen yn uchel yn ymddangos.',
	'access.formatsTitle': 'Fformatau eraill a phroblemau',
	'access.formats':
		'Os oes angen yr holiadur arnoch mewn fformat arall, fel papur neu brint bras, neu os dewch o hyd i broblem gyda’r wefan hon, cysylltwch â’r tîm a’i anfonodd atoch.',
	'access.enforcementTitle': 'Y drefn orfodi',
	'access.enforcement':
		'Y Comisiwn Cydraddoldeb a Hawliau Dynol (EHRC) sy’n gyfrifol am orfodi’r rheoliadau hygyrchedd. Os nad ydych yn fodlon â’r ffordd rydyn ni’n ymateb i’ch cwyn, cysylltwch â’r Gwasanaeth Cynghori a Chymorth Cydraddoldeb (EASS).'
};
