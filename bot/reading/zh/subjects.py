"""What each yes / no question is about, in the Chinese words patients use.

A clause that names the subject without denying it is a yes ("2015年得过梅毒");
one that denies it is a no ("HIV阴性", "没做过CAR-T"); a statement that answers
the question without yes or no ("我是男的") is read here too. The windows are the
protocol's, as in English.
"""

from __future__ import annotations

from dateutil.relativedelta import relativedelta

from bot.medicine.terms import Kind, alternation
from bot.protocol.answers import Reply
from bot.protocol.criteria import INFECTION_WINDOW, LIVE_VACCINE_WINDOW, OTHER_TRIAL_WINDOW
from bot.reading.knowledge import only_treatments_that_do_not_decide, subject
from bot.reading.yes_no import Cured, YesNoQuestion

NO, YES = Reply.NO, Reply.YES

_MAN = (
    r"^(我)?(是)?(个)?(男的|男性|男人|男生|男士|男|爷们|大老爷们|先生|爸爸|父亲)$|"
    r"我是(个)?(男的|男性|男人|男生)"
)
_NOT_DENIED = r"(?<!没)(?<!未)(?<!没有)(?<!还没)"
_PARTNER = r"老公|丈夫|先生|爱人|男朋友|男友|对象|另一半|伴侣|男人"
_PARTNER_STERILISED = (rf"({_PARTNER})\w{{0,4}}(结扎|绝育)", YES)
"""Her partner's vasectomy is contraception: she could still become pregnant."""
_NO_PREGNANCY = (
    rf"^(?!.*({_PARTNER})\w{{0,4}}(结扎|绝育)).*{_NOT_DENIED}(绝经|闭经|结扎|绝育)|停经(好几|多|\d+)年|更年期过|子宫(已经)?(全|次全)?(切|摘|拿)|"
    r"切(除|了)(了)?子宫|摘(除|了)子宫|卵巢(已经)?(切|摘)|不孕|怀不上|不能生|生不了|没有月经|"
    r"月经停了|例假停了|年纪大了"
)
"""Cannot become pregnant; "还没绝经" (not yet) is the opposite."""
_STILL_FERTILE = (r"(没|未|没有|还没)(有)?(绝经|闭经|结扎|绝育)", YES)
_COIL = r"(戴|上|放|带)(了|着)?(节育)?环"
"""An intrauterine device in place: "上着环呢"."""
_PILL_BRANDS = (
    r"优思明|优思悦|妈富隆|达英|敏定偶|美欣乐|屈螺酮|炔雌醇|去氧孕烯|左炔诺孕酮|毓婷|曼月乐"
)
"""Contraceptives patients name by brand."""
_FEELING_FINE = (r"^(我)?(身体)?(很好|挺好|好着呢|健康|都正常|一切正常|好好的|没事)$", NO)
"""To a question about an illness of one's own: a no."""
_ANTI_INFECTIVE = (
    r"感染|抗生素|消炎|抗病毒|抗真菌|输液|挂水|吊瓶|点滴|头孢|阿莫西林|青霉素|霉素|沙星|奥司他韦|"
    r"达菲|洛韦|康唑|肺炎"
)
_COLD_REMEDIES = (
    r"连花清瘟|板蓝根|感冒药|感冒灵|感冒冲剂|布洛芬|对乙酰氨基酚|退烧药|止咳|维c|维生素"
)
"""Taken for a cold, they treat no infection."""
_LIVE_VACCINES = subject(
    "live_vaccine",
    (
        r"麻疹|腮腺炎|风疹|麻腮风|水痘|黄热病|鼻喷|喷鼻|口服伤寒|卡介苗|轮状病毒|糖丸|脊灰减毒|"
        r"减毒活疫苗|活疫苗|乙脑减毒|登革热|霍乱|天花|mmr"
    ),
    "zh",
)
_NOT_LIVE_VACCINES = alternation((Kind.INACTIVATED_VACCINE,), "zh") + (
    r"|新冠|流感(针|疫苗)|乙肝疫苗|hpv|九价|四价|二价|宫颈癌疫苗|狂犬|破伤风|肺炎疫苗|"
    r"百白破|灭活"
)
_UNWELL = (r"不太好|不好|不大好|(?<![没无])有问题|有毛病|出了问题|很差|不行|受累|累及", YES)
"""To a question about an illness: "心脏不太好" says there is one."""
_WELL = r"(是)?(好的|好好的|没事|没有?问题|挺好|很好|没毛病)"
_NEVER_TOLD = (
    r"^(医生|大夫)?(从来)?(都)?(没|没有|未)(跟我|和我|对我)?(说|告诉|提|讲)(起)?过(我)?\W*$",
    NO,
)
"""To "has a doctor told you ...?": "没说过" is a plain no (elsewhere it hedges)."""
_MYOSITIS_NAMED = r"jo.?1|mi.?2|mda.?5|tif.?1|nxp.?2|hmgcr|pl.?7|pl.?12|srp|ej|oj|sae|肌炎"
_OTHER_ANTIBODIES = (
    r"抗核|ana|ro.?52|ssa|ssb|ds.?dna|双链|sm抗体|anca|rf|类风湿因子|ccp|scl.?70|着丝点|心磷脂|抗体"
)
"""Antibodies of other diseases: positive, they do not answer the myositis question."""
_DISEASES = (
    r"狼疮|红斑狼疮|sle|干燥综合征|干燥症|硬皮病|系统性硬化|皮肌炎|血管炎|原发病|本病|这个病|"
    r"自身免疫"
)

_SERIOUS = (
    r"肝硬化|肝衰|肝功能衰竭|心衰|心力衰竭|心功能不全|心梗|心肌梗死|冠心病|心肌病|心脏病|尿毒症|肾衰|"
    r"肾功能衰竭|肾功能不全|慢阻肺|copd|肺心病|呼吸衰竭|再生障碍|再障|白血病|骨髓增生异常|血液病|"
    r"糖尿病|甲亢|甲减|甲状腺功能|肾上腺皮质功能"
)
"""A serious heart, liver, lung, blood or hormone disease by its name: "肝硬化好几年了"."""

SUBJECTS: dict[str, YesNoQuestion] = {
    "car_t": YesNoQuestion(
        subject(
            "car_t",
            r"car.?t|cart|嵌合抗原受体|(?<!干)细胞治疗|(?<!干)细胞疗法|免疫细胞|t细胞|回输",
            "zh",
        ),
        ever=True,
        statements=(
            (
                rf"^(?!.*(car|cart|细胞|回输|{alternation((Kind.CAR_T,), 'zh')}))"
                r"(我)?(一直|平时)?(就|只)(是)?(吃|用|打)",
                NO,
            ),  # only drugs
        ),
    ),
    "dm_antibody": YesNoQuestion(
        subject(
            "dm_antibody",
            r"jo.?1|mi.?2|mda.?5|tif.?1\w*|nxp.?2|hmgcr|pl.?7|pl.?12|(?<![a-z])(srp|ej|oj|ks|sae)(?![a-z])|"
            r"肌炎(特异性)?抗体谱|肌炎(特异性)?抗体|肌炎谱|肌炎的抗体|(?<![a-z\d])抗体(?=都|全|均|(是)?阴|没|无)",
            "zh",
        ),
        ever=True,
        any_of=True,
        statements=(
            (
                rf"^(?!.*({_MYOSITIS_NAMED})).*({_OTHER_ANTIBODIES})\W*(抗体)?\W*(阳性|\+)",
                Reply.UNSURE,
            ),
        ),
    ),
    "ssc_lung": YesNoQuestion(
        subject(
            "ssc_lung",
            r"ild|间质性肺炎|间质性肺病|肺间质|间质性肺|肺纤维化|纤维化|间质性|肺部|肺",
            "zh",
        ),
        ever=True,
        statements=(
            _NEVER_TOLD,
            (r"肺动脉高压|肺高压", Reply.UNSURE),  # the lungs' vessels, not ILD
            (rf"^(我的)?肺(部)?{_WELL}$", NO),
            _UNWELL,
        ),
    ),
    "hiv_or_syphilis": YesNoQuestion(
        subject(
            "hiv_or_syphilis",
            r"hiv|艾滋|爱滋|梅毒|性病|aids|tppa|rpr|trust|tp抗体|梅毒抗体",
            "zh",
        ),
        ever=True,
        statements=(_FEELING_FINE,),
        cured=Cured(
            subject=r"梅毒|性病",
            treated=r"治好|治愈|治过|治疗过|青霉素|苄星|打(过)?针|转阴",
            positive=r"(还是|仍然|一直|现在)(是)?阳性|血清固定|rpr|tppa|trust|滴度",
            others=r"hiv|艾滋|爱滋|aids",
        ),
    ),
    "can_become_pregnant": YesNoQuestion(
        r"怀孕|怀上|生育|生孩子|要孩子",
        statements=(
            _STILL_FERTILE,
            _PARTNER_STERILISED,
            (r"月经(还)?(有|正常|规律|来)|还有月经|还来月经", YES),
            (_MAN, NO),
            (_NO_PREGNANCY, NO),
            (r"^(我)?(已经|今年)?(5[5-9]|[6-9]\d)(多)?(岁)?(了)?$", NO),  # past the menopause
            (rf"在吃避孕药|在避孕|{_COIL}|用避孕套|用安全套|{_PILL_BRANDS}", YES),
            (r"我怀孕了|正在怀孕|在备孕|想要(个)?孩子|准备要孩子|打算要孩子", YES),
        ),
    ),
    "pregnant": YesNoQuestion(
        r"怀孕|怀过孕|怀过|怀了|有喜|有了(宝宝|孩子)|身孕",
        now=True,
        window=relativedelta(months=10),  # "2020年怀过孕": not now
        statements=(
            (_MAN, NO),
            (_NO_PREGNANCY, NO),
            (r"刚生(完|了)|刚生过|生完孩子|坐月子|哺乳期|在喂奶|母乳喂养|产后", NO),
            (r"^(我)?(还)?没怀(上|孕)?$", NO),
            (r"怀孕过|怀过孕|^(但是)?(现在|目前)(没有|没|不是)(了)?$", NO),  # once, not now
            (
                r"怀孕\d+(个)?(周|月)|怀孕(已经)?(有)?[一二三四五六七八九十两\d]+(个)?(周|月)|预产期|怀了双胞胎",
                YES,
            ),
        ),
    ),
    "contraception": YesNoQuestion(
        r"避孕|避孕套|安全套|戴套|避孕药|上环|节育环|皮下埋植|措施|愿意|可以|配合",
        statements=(
            (r"^(?!.*(不|拒绝)).*(没(有)?问题|没事)", YES),  # "would you use it?": fine by me
            (r"^(我)?(并)?(没有|没)不愿意", YES),  # not unwilling
            (rf"(已经|一直)?在(吃避孕药|避孕)|{_COIL}|(吃|用)\w{{0,3}}({_PILL_BRANDS})", YES),
            (
                r"宗教|信仰|拒绝|反对|(?<!没有)(?<!没)不愿意|不想避孕|不会避孕|不接受|(准备|想|打算)要(孩子|小孩)",
                NO,
            ),
        ),
    ),
    "cancer_treated": YesNoQuestion(
        r"切除|手术|开刀|切掉|切了|锥切|拿掉|治好|治愈|根治|治疗(过|了|完)|好了|痊愈|复查(都)?正常",
        statements=(
            (r"已经好了|治好了|痊愈|治愈|复查(都|一直)?(正常|没问题|没事|没复发)", YES),
            (
                r"^(就|只|只是)(做|是)(了|过)?(个|一个)?(活检|穿刺|检查)",
                NO,
            ),  # diagnosed, not treated
            (
                r"(?<![没未])(?<!没有)(复发|转移|扩散)|还在(化疗|放疗|治疗)|没(有)?治疗|还没(有)?治|观察|"
                r"没(有)?做手术|没(有)?切",
                NO,
            ),
            (r"(完全|全部)切(除|掉|干净)|切干净了|切缘阴性|根治术", YES),
        ),
    ),
    "infection": YesNoQuestion(
        subject(
            "infection",
            r"感染|抗生素|消炎药|抗病毒|抗真菌|输液|挂水|吊瓶|点滴|头孢|阿莫西林|青霉素|阿奇霉素|"
            r"左氧氟沙星|奥司他韦|达菲|阿昔洛韦|伐昔洛韦|更昔洛韦|氟康唑|肺炎|尿路感染|发烧|发热",
            "zh",
        ),
        window=INFECTION_WINDOW,
        statements=(
            (r"预防", Reply.UNSURE),
            (r"药膏|软膏|外用|涂抹|抹|眼药水|滴眼|滴耳|擦的|擦了", NO),
            (r"^(没|没有|未|不)(吃|用|服|打|输)(过)?(任何)?(药|针)", NO),  # no medicine at all
            (rf"^(?!.*({_ANTI_INFECTIVE})).*({_COLD_REMEDIES})", NO),
            (only_treatments_that_do_not_decide("infection", "zh"), NO),
            _FEELING_FINE,
        ),
    ),
    "live_vaccine": YesNoQuestion(
        rf"({_LIVE_VACCINES})((的)?\w{{0,4}}?(疫苗|苗))?",  # "鼻喷的流感疫苗": the vaccine named
        window=LIVE_VACCINE_WINDOW,
        statements=(
            (rf"^(?!.*({_LIVE_VACCINES})).*({_NOT_LIVE_VACCINES})", NO),
            (r"^(最近)?(都)?没(有)?(打|接种)(过)?(任何)?疫苗", NO),
        ),
    ),
    "other_trial": YesNoQuestion(
        r"(结束|完成|退出|出组)(了)?\w{0,3}(试验|研究|项目)|试验|临床研究|研究|项目|受试者|入组|新药",
        window=OTHER_TRIAL_WINDOW,
    ),
    "disease_active": YesNoQuestion(
        r"活动|活跃|发作|复发|加重|严重|反复|控制不住|不稳定|症状|疼|痛|皮疹|红斑|乏力|累|病情|"
        r"(还在|又|老|总)?犯病|(还在|又|老|总)犯|还在吃激素|" + _DISEASES,
        statements=(
            (r"好多了|好转|好些了|好一些|好一点|改善|还行|还可以|一般", Reply.UNSURE),
            (
                r"(病情|身体|情况)(一直|还是|很|挺)?(不好|不太好|很差|差)|"
                r"控制(得)?不(太)?(好|住)|没(有)?控制住|还在活动|活动期|一直(在)?(发作|加重|反复)|越来越(重|严重)|"
                r"激素(一直)?(减|撤|停)不(下来|下去|了|掉)|激素\w{0,3}(减|撤|停)\w{0,3}(就)?(复发|反复|加重|犯)|"
                r"(尿蛋白|蛋白尿|指标|血沉|crp)\w{0,3}(一直|还是|总是)?(下不来|降不下来|降不下去|居高不下|不正常|异常|偏高)",
                YES,
            ),
            (r"^(?!.*(不|没|未)).*(缓解|控制(得)?(很好|挺好|住了|稳定|得好|得不错)|稳定|平稳)", NO),
        ),
    ),
    "hepatitis_or_cmv": YesNoQuestion(
        subject(
            "hepatitis_or_cmv",
            r"乙肝|丙肝|肝炎|hbv|hcv|cmv|巨细胞病毒|大三阳|小三阳|乙型肝炎|丙型肝炎|携带者|携带",
            "zh",
        ),
        ever=True,
        statements=(
            (r"^(只|就|只是|就是)?(有)?(过)?(甲肝|自身免疫性肝炎|脂肪肝|酒精肝|药物性肝炎)", NO),
            (r"打过.*疫苗|接种过.*疫苗|^(乙肝)?表面抗体阳性$", NO),
        ),
    ),
    "serious_illness": YesNoQuestion(
        subject(
            "serious_illness",
            r"心脏|心衰|心梗|冠心病|心肌|肝|肝硬化|肺|慢阻肺|肾|尿毒症|血液病|贫血|甲状腺|甲亢|甲减|"
            r"糖尿病|内分泌|激素|衰竭|大病|疾病|其他的?病|别的病|其他",
            "zh",
        ),
        statements=(
            _NEVER_TOLD,
            (rf"^(?!.*(没|不|无|未|否认|排除)).*({_SERIOUS})", YES),
            (rf"^(我的)?(心脏|肝|肺|肾|血液|甲状腺){_WELL}$", NO),
            _UNWELL,
            (rf"^(就|只|就是|只是|只有|除了)(我的)?({_DISEASES})", NO),
            _FEELING_FINE,
        ),
    ),
}
"""By slot; every yes / no question of the pre-screen has one (the same keys as English)."""
