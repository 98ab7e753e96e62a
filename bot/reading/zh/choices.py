"""Reading a Chinese reply to a choice question: transplant, diagnosis,
cancer, daily activity. Exclusion first, meaning over words.

The same contract as the English reader (bot/reading/en/choices.py): each
clause is read on its own; a clause that denies what it names ("从来没做过肾移植")
names nothing; a clause about someone else ("我妈妈有狼疮") is left out. The
options named come back as a set: one, several (the one that excludes wins, or
the question is asked again) or none (asked again). A look-alike disease is
`other`; any stem-cell source is `stem_cell` and any solid organ `organ`; a
cancer is `excepted` only when its kind, site and stage are the excepted ones,
and an unspecified kind is `unsure`.
"""

from __future__ import annotations

import re

from bot.protocol.answers import Diagnosis, Ecog
from bot.reading.choices import CancerWords, ChoiceWords, DiagnosisWords, TransplantWords
from bot.reading.wording import NEVER
from bot.reading.zh.wording import WISH, WORDING
from bot.reading.zh.yes_no import HEDGE

_NEGATED = re.compile(r"没有|没|不是|不|无(?!肌病)|(?<!尚)未(?!分化)|从未|排除|否认")
"""Not the "无" of 无肌病性皮肌炎 nor the "未" of 未分化结缔组织病: names, not negations."""
_SAYS_NONE = re.compile(
    r"^(都)?(没有|没|无|不是|否|从来没有|从来没|从没有|从没|从未|一个都没有|都没有|都没|什么都没有|"
    r"什么也没有|没有过|没做过|都没做过|没得过|没有得过|都不是|不是的)(过)?(的)?(呢|啊|呀)?$"
)
# --- transplant ---------------------------------------------------------------

_STEM_CELL = (
    r"干细胞|骨髓移植|移植骨髓|骨髓|造血|外周血|脐带血|脐血|自体移植|异体移植|自体|异体|"
    r"hsct|asct|pbsc|bmt|allo|auto|供者细胞"
)
_STEM_CELL_SOURCE = r"干细胞|骨髓|造血|外周血|脐带血|脐血|hsct|asct|pbsc|bmt"
"""A stem-cell source by name: "自体" alone is also the 自体脂肪 of a fat graft."""
_ORGAN = r"肾|肝|心脏|换心|肺|胰腺|胰岛|小肠|肠|子宫|面部|脸|手臂|手|肢体|胸腺|气管|喉|阴茎|器官"
_CORNEA_OR_HAIR = r"角膜|头发|毛发|植发|植过发|种发|种过发|发际线"
_NO_TRANSPLANT_PROCEDURE = r"骨穿|穿刺|活检|抽骨髓|骨髓检查|检查|化验|捐(献|赠|了|过)|供者|捐给"
"""A procedure on the marrow or an organ that is no transplant."""
_NOT_A_TRANSPLANT = (
    r"植皮|皮肤移植|皮瓣|脂肪|植骨|骨移植|输\w{0,4}血|种植牙|种牙|植牙|牙|假体|置换|起搏器|支架|晶体|白内障|"
    r"等(待|着)|排队|透析|胚胎|试管|人工授精"
)


_NOT_A_NEGATION = re.compile(r"不好意思(?!说|讲|告诉)|对不起|差不多|不久|不少")
"""Words with 不 that deny nothing ("不好意思" = "excuse me")."""


_DENIAL_FILLER = re.compile(
    r"我|自己|本人|都|也|过|了|的|其他|其它|别的|这个|那个|就|还|从来|一直|做|得|\W"
)


# --- diagnosis -----------------------------------------------------------------

_LOOKALIKES = (
    r"盘状红斑狼疮|盘状狼疮|盘状|皮肤型狼疮|亚急性皮肤型|药物性狼疮|新生儿狼疮|狼疮抗凝物|类狼疮|"
    r"冻疮样狼疮|类风湿|类风关|风湿性关节炎|强直性脊柱炎|强直|银屑病|牛皮癣|痛风|纤维肌痛|"
    r"混合性结缔组织病|混合结缔组织病|未分化结缔组织病|未分化|重叠综合征|多发性肌炎|多肌炎|"
    r"包涵体肌炎|坏死性肌病|硬斑病|硬斑|局限性硬皮病|线状硬皮病|多发性硬化|侧索硬化|渐冻|"
    r"结节性硬化|过敏性紫癜|紫癜|iga血管炎|巨细胞动脉炎|颞动脉炎|大动脉炎|高安|白塞|贝赫切特|川崎|"
    r"结节性多动脉炎|荨麻疹性血管炎|冷球蛋白|克罗恩|结肠炎|重症肌无力|抗磷脂|结节病|白癜风|桥本|"
    r"甲亢|乳糜泻|斯蒂尔|骨关节炎|关节炎|风湿性多肌痛|甲状腺|哮喘|湿疹|脱发|葡萄膜炎|动脉硬化|肝硬化"
)
_NONE_OF_THESE = (
    r"^(都不是|都没有|以上都不是|都不对)$|都不是|其他的病|别的病|其他病|不在(这|列表)|^其他$|^别的$"
)
_FIVE = (
    (r"系统性红斑狼疮|红斑狼疮|狼疮|sle", Diagnosis.SLE),
    (r"干燥综合征|干燥综合症|干燥症|舍格伦|sj[oö]gren|pss", Diagnosis.SJOGREN),
    (r"系统性硬化|硬皮病|ssc|crest", Diagnosis.SYSTEMIC_SCLEROSIS),
    (r"皮肌炎", Diagnosis.DERMATOMYOSITIS),
    (
        r"anca|肉芽肿性多血管炎|肉芽肿性血管炎|韦格纳|gpa|显微镜下多血管炎|显微镜多血管炎|mpa|嗜酸性肉芽肿|"
        r"变应性肉芽肿|churg|egpa|多血管炎",
        Diagnosis.ANCA_VASCULITIS,
    ),
)
_SUSPECTED = r"怀疑|疑似|待排|待查|还没确诊|没确诊|未确诊"


# --- cancer ----------------------------------------------------------------------

_SPREAD = r"转移|扩散|晚期|中期|[二三四234]期|(ii|iii|iv)期|浸润|淋巴结|复发|骨转|全身|癌细胞跑"
_OTHER_CANCERS = (
    r"黑色素瘤|白血病|淋巴瘤|霍奇金|骨髓瘤|肉瘤|胶质瘤|间皮瘤|神经母细胞瘤|"
    r"(肺|结肠|结直肠|大肠|肠|直肠|胃|肝|胰腺|甲状腺|卵巢|子宫内膜|子宫|宫体|肾|膀胱|脑|血液|骨|"
    r"乳腺|乳房|食管|食道|喉|口腔|舌|鼻咽|头颈|睾丸|阴茎|外阴|阴道|肛门|胆囊|胆管|肾上腺|垂体)"
    r"\w{0,4}(癌|瘤|肿瘤)"
)
_EXCEPTED = (
    r"基底细胞|皮肤鳞(状细胞)?癌|皮肤(的)?鳞状细胞癌|皮肤鳞状|宫颈原位癌|子宫颈原位癌|宫颈(的)?原位|"
    r"原位宫颈癌|cin ?(3|iii)|宫颈上皮内瘤变(3|iii)级"
)
_DCIS = r"dcis|导管原位癌"
_NOT_SPREAD = re.compile(r"(没有|没|未|无|不)(发生|出现|看到|发现|见)?(转移|扩散|复发)")
_CANCER_WORD = r"癌|肿瘤|恶性|瘤|ca|化疗|放疗"
_BENIGN = r"良性|不是癌|不是恶性|囊肿|息肉|肌瘤|结节|脂肪瘤|纤维瘤|血管瘤|增生"
_NOT_SURGERY = (
    r"放疗|放射|内分泌|激素治疗|靶向|免疫治疗|"
    r"没(有)?(做)?手术|没(有)?切|保守治疗|观察|化疗|还在|粒子"
)
_RADICAL_SURGERY = r"根治|全切|切除|切掉|切了|摘除|手术|开刀|做掉"
_UNDIAGNOSED = r"结节|肿块|包块|阴影|占位|肿物"
_WATCHED = r"观察|随访|待查|复查|没确诊|未确诊|还不知道|不知道|定期查"
"""A lump still watched is not known to be benign or malignant."""


# --- daily activity (ECOG) ----------------------------------------------------------

_NOT = r"(?<![不没])(?<!无法)(?<!不能)"
_ECOG: tuple[tuple[str, Ecog], ...] = (
    (
        r"卧床不起|整天(都)?(躺|在床上|卧床)|全天(都)?卧床|一直(都)?躺着|瘫痪|(生活)?不能自理|"
        r"完全不能动|下不了床|起不了床|下不来床|需要(别)?人(照顾|喂饭|帮忙穿衣)|吃饭穿衣都要人|"
        r"大小便都要人|一整天都在床上|离不开床|完全卧床|瘫在床|翻身(都|也)?要人|吃喝拉撒\w{0,3}要人|"
        r"(要|需要)人伺候",
        Ecog.BEDBOUND,
    ),
    (
        r"大部分时间(都)?(卧床|躺|在床上|坐着|在椅子上|休息)|一大半时间(躺|卧床|在床上)|"
        r"一半以上(的)?时间(卧床|躺|在床上)|多数时间(躺|卧床|在床上)|大多数时(间|候)(躺|卧床|在床上)|"
        r"超过一半(的)?时间(躺|卧床|在床上)|生活部分自理|只能照顾自己一部分|白天(大部分|多半)(时间)?(躺|卧床)|"
        r"(大部分|多半)时间(要)?躺着|大半(天|时间)(都)?(躺|卧床|在床上)|"
        r"基本(上)?(都)?(在|躺在|坐)(床上|轮椅)|基本(上)?(都)?坐轮椅|(上厕所|洗澡|穿衣)(都|也)?(要|需要)\w{0,4}人(扶|帮)",
        Ecog.MOSTLY_RESTING,
    ),
    (
        r"(不能|没法|没办法|无法|干不了|做不了)(去)?(工作|上班|干活)|干不了活|上不了班|不能正常(上班|工作)|"
        r"病休|病假|辞职|停工|不工作了|没在工作了|(能|可以)自理,?但|(能|可以)照顾自己,?但|"
        r"连轻(活|体力)(都|也)(干|做)不了|轻(活|体力活)(都|也)(干|做)不了|家务(都|也)做不了|做不了家务|"
        r"班(也|都)?上不了|(啥|什么)(活)?(都|也)(干|做)不了",
        Ecog.NO_WORK,
    ),
    (
        r"只能(做|干)(点|些)?轻|轻活|轻体力|轻松的工作|轻的家务|(重活|体力活)(干|做)不了|"
        r"(不能|没法|无法|干不了|做不了)(干|做)?(重活|体力活|剧烈运动)|剧烈运动不行|不能剧烈|"
        r"容易累|容易疲劳|坐办公室|办公室工作|文职|兼职|半天班|(能|可以)做家务|家务\w{0,3}(能|可以)(干|做)|"
        r"(搬|提|扛)(重|重的)?(东西)?\w{0,2}不(行|了|动)",
        Ecog.LIGHT_WORK,
    ),
    (
        _NOT + r"(正常活动|活动正常|完全正常|一切正常|正常上班|正常工作|全职)|(和|跟)以前一样|"
        r"(和|跟)正常人一样|没有(任何)?限制|不受(任何)?限制|不受限|没(有)?(任何)?影响|(能|可以)(干|做)重活|"
        r"(什么|啥)(活)?都能(干|做)|能做所有|(经常|每天)(运动|健身|跑步)|能跑能跳|"
        r"(和|跟)(生病|得病|发病|没病|没得病)(以|之)?(前|的时候)\w{0,2}一样|(地里|农)的?活\w{0,2}(都)?能(干|做)",
        Ecog.FULLY_ACTIVE,
    ),
)


_ORDINAL = re.compile(r"^(我)?(选)?第(?P<n>[一二三四五12345])(个|项|条|句|种)?(吧|的)?$")
"""The ECOG question's buttons are in the order of the grades: "第二个" is grade 1.
A digit alone ("1") is not read: the grade or the first button?"""


_DENIED_BEFORE = re.compile(r"(不是|并非|不至于|没到|没有到|还不到|也不是)(说)?\W*$")
"""A day described only to deny it: "还没到大部分时间卧床的程度"."""


_RECEIVED_ORGAN = re.compile(
    r"给我(捐|换|移植)|捐给(了)?我|(把|将)(她|他)的(一个)?(肾|肝)(捐|给)(给)?(了)?我|"
    r"(尸体|遗体|脑死亡|亲属|亲体|活体)(供|捐)(肾|肝|器官)|我(的)?(肾|肝)是(\w{1,4})(捐|给)的"
)
_PENDING_TEST = re.compile(
    r"(下周|下个月|明天|过几天|准备|打算|要去|要做|约了|预约|等着?)\w{0,4}(穿刺|活检|病理|复查|检查|手术|切)|"
    r"等(待)?\w{0,2}(结果|病理)|(结果|病理)还没(出|有)|还不知道(是)?(良性|恶性)"
)

WORDS = ChoiceWords(
    language="zh",
    wording=WORDING,
    hedge=HEDGE,
    denial=_NEGATED,
    received_organ=_RECEIVED_ORGAN,
    pending_test=_PENDING_TEST,
    wish=WISH,
    now=re.compile(r"现在|目前|最近|这段时间|如今|眼下|这阵子"),
    then=re.compile(
        r"以前|之前|去年|前年|那时|当时|发病(时|的时候)|犯病(时|的时候)|最严重的时候|\d+年前|刚得病"
    ),
    refinements={
        Diagnosis.SLE: (r"系统性|sle", r"盘状|皮肤型|药物性|新生儿|冻疮样"),
        Diagnosis.SYSTEMIC_SCLEROSIS: (r"系统性|ssc", r"局限性|硬斑|线状"),
    },
    not_systemic=r"(不是|并非|不)(系统性)",
    restricted=re.compile(r"不过是|只是|只有|仅仅|仅是|就是"),
    says_none=_SAYS_NONE,
    transplant=TransplantWords(
        stem_cell=_STEM_CELL,
        stem_cell_source=_STEM_CELL_SOURCE,
        organ=_ORGAN,
        cornea_or_hair=_CORNEA_OR_HAIR,
        no_procedure=_NO_TRANSPLANT_PROCEDURE,
        not_a_transplant=_NOT_A_TRANSPLANT,
        transplant_word=r"移植",
        filler=_DENIAL_FILLER,
        each_denied=re.compile(r"都(没|不|未)"),
        not_a_negation=_NOT_A_NEGATION,
    ),
    cancer=CancerWords(
        excepted=_EXCEPTED,
        radical_only=rf"前列腺|{_DCIS}",
        other_cancers=_OTHER_CANCERS,
        cancers_by_name=NEVER.pattern,  # 癌 / 瘤 are in every name: other_cancers
        cancer_word=_CANCER_WORD,
        named_with=r"",
        own_site=r"皮肤",
        kind_unsaid=r"鳞|皮肤癌|宫颈|原位",
        benign=_BENIGN,
        malignant=r"恶性",
        spread=_SPREAD,
        denies_a_cancer=_NEGATED,
        said_none=rf"{_CANCER_WORD}|^\W*\w{{1,3}}\W*$",
        surgery=_RADICAL_SURGERY,
        no_surgery=r"没(有)?(做)?(手术|切)|未(做)?手术",
        not_surgery=_NOT_SURGERY,
        chemo=r"化疗",
        no_chemo=NEVER.pattern,
        radiation=r"放疗|放射治疗",
        no_radiation=NEVER.pattern,
        cervix=r"宫颈",
        benign_said=r"良性",
        in_situ=r"原位",
        in_situ_elsewhere=r"肺|结肠|直肠|肠|胃|肝|胰腺|甲状腺|卵巢|子宫内膜|宫体|肾|膀胱|食管|食道|喉|口腔|舌|"
        r"睾丸|阴茎|外阴|阴道|肛门|胆囊|胆管",  # not 宫颈 (the cervix) nor 乳腺 (the ducts)
        not_spread=_NOT_SPREAD,
        not_malignant=r"不是恶性",
        breast_in_situ=r"(乳腺|乳房)(的)?原位癌",
        site_alone=r"\W*(乳腺|乳房)\W*",
        undiagnosed=_UNDIAGNOSED,
        watched=_WATCHED,
    ),
    diagnosis=DiagnosisWords(
        five=_FIVE,
        lookalikes=_LOOKALIKES,
        none_of_these=_NONE_OF_THESE,
        suspected=_SUSPECTED,
        unclear=r"硬化|肌炎|血管炎|结缔组织|自身免疫|风湿|免疫病",
        secondary=r"继发(性|的)?",
        not_a_kind=r"anca阴性",  # ANCA-negative: which kind?
    ),
    ecog=_ECOG,
    denied_before=_DENIED_BEFORE,
    ecog_ordinal=_ORDINAL,
    ordinals={
        **{n: place for place, n in enumerate("一二三四五", 1)},
        **{str(n): n for n in range(1, 6)},
    },
)
"""The Chinese lexicon of bot/reading/choices.py."""
