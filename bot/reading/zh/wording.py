"""The Chinese words for cutting a reply (the rules: bot/reading/wording.py):
what joins or opposes two facts, who else a clause may speak of, what asks
something back, and the traditional characters folded to simplified ones."""

from __future__ import annotations

import re

from bot.reading.wording import Wording

# Traditional characters patients in Hong Kong, Taiwan or on a traditional
# keyboard type, folded to the simplified ones the readers know. Only the
# characters the readers' vocabulary uses: cheap, and enough for their words.
_PAIRS = (
    "農农曆历"
    "沒没個个過过對对為为嗎吗歲岁確确診诊醫医會会學学懷怀種种們们說说這这還还與与檢检驗验療疗"
    "藥药實实經经腎肾臟脏腫肿發发現现時时間间週周後后陰阴陽阳愛爱瘡疮乾干綜综徵征膚肤關关節节"
    "類类風风濕湿紅红統统係系幹干細细臍脐帶带腦脑頭头髮发輸输術术記记應应該该許许請请問问麼么"
    "費费錢钱裡里裏里電电話话號号碼码開开臨临參参試试預预針针認认識识體体從从來来動动輕轻臥卧"
    "牀床幫帮顧顾轉转擴扩徑径婦妇宮宫頸颈鱗鳞狀状導导攝摄護护處处於于無无聽听絕绝結结紮扎擔担"
    "憂忧兒儿媽妈爺爷孫孙親亲鄰邻樣样歡欢謝谢見见辦办離离遠远價价貴贵險险題题願愿憶忆當当誤误"
    "錯错準准環环產产餵喂蘇苏黃黄熱热噴喷霧雾傷伤輪轮減减滅灭區区纖纤維维質质膿脓瘍疡勞劳鬆松"
    "劇剧務务農农戶户門门斷断強强脈脉壓压癱瘫瘓痪顆颗復复腸肠膽胆齒齿齦龈莖茎睪睾異异盤盘締缔"
    "組组織织顯显鏡镜攜携內内貧贫"
)
_TRADITIONAL = str.maketrans(dict(zip(_PAIRS[::2], _PAIRS[1::2], strict=True)))

# Between two facts: punctuation (full-width is folded to ASCII by NFKC, except
# the ideographic full stop; a "." between digits is a date's, "1985.3.15"), and
# the words that join or oppose them. The enumeration comma "、" is no break:
# "艾滋、梅毒都没有" is one fact.
_CLAUSE_BREAK = re.compile(
    r"[;!?\n。…~]+|(?<!\d)\.+|\.+(?!\d)|,|\s+-+\s+|但是|但|不过|可是|然而|只是|而是|除了|以外|另外|"
    r"而且|并且"
)
# A short clause ending in "?": something asked back, not stated.
_ASKED_BACK = re.compile(r"(^|[.,;!。]\s*)[^.,;!?。]{1,40}\?+")
_RELATIVES = (
    r"妈妈|妈|母亲|老妈|爸爸|爸|父亲|老爸|姐姐|姐|妹妹|妹|哥哥|哥|弟弟|弟|儿子|女儿|孩子|小孩|"
    r"老公|丈夫|先生|老婆|妻子|媳妇|爱人|对象|男朋友|女朋友|朋友|同事|同学|邻居|亲戚|家人|家里人|"
    r"奶奶|爷爷|外婆|姥姥|外公|姥爷|阿姨|舅舅|舅妈|叔叔|婶婶|姑姑|姨|表姐|表妹|表哥|表弟|堂姐|"
    r"堂妹|堂哥|堂弟|侄子|侄女|外甥|外甥女|孙子|孙女|婆婆|公公|岳母|岳父|双胞胎|前夫|前妻|老伴|"
    r"伴侣|男友|女友|闺蜜|室友|病友|家属|别人|有人"
)
# Another person as the subject of what follows: "我妈妈有狼疮", "她得过", "我女儿15岁".
WISH = re.compile(r"要是.{0,16}就好了|如果.{0,16}就好了|(但愿|巴不得|做梦都想|希望能|真想)")
"""A wish or a conditional ("要是能做上CAR-T就好了"): no statement of fact."""
_THEIR_FACT = (
    r"(也|都|就|以前|之前|曾经|还|才|今年|现在|目前|一直|也在|正在|在)?"
    r"(有|得|是|做|患|打|用|吃|输|住|治|怀|换|移植|接种|动|参加|确诊|查|说|不|没|未|从|\d|[一二三四五六七八九十]|"
    r"[a-z][\w-]*\s*(阳|阴|\+|-|\()|\w{0,6}?(走的|去世|过世|病逝|死于|死的))"
)
"""What a relative is the subject of; a lab result in Latin letters too ("我姐姐Jo-1阳性")."""
_SOMEONE_ELSE = re.compile(
    rf"(我|我的|我们|我家|俺|俺家)?({_RELATIVES})(?={_THEIR_FACT})|"
    rf"(?<!其)(他|她)(?!汀)(们)?(?={_THEIR_FACT})"
)
_FIRST_PERSON = re.compile(r"我|俺|本人|自己")
_QUESTION_END = re.compile(r"\?$|吗$|(?<!什)么$")
_QUESTION_WORD = re.compile(
    r"为什么|为啥|(?<!没)什么(?!都|也)|(?<!没)啥(?!都|也)|怎么|哪里|哪儿|在哪|多少|多久|多长|"
    r"(?<!不)是不是|(?<!没)有没有|会不会|能不能|可不可以|要不要|谁"
)
_ANY = re.compile(r"(?<![为干])(什么|啥|哪|谁)[^,.;!?]{0,8}?(都|也)")
"""A question word with 都 / 也 after it means "any": "什么移植都没做过", "啥时候都行"."""
_NOT_KNOWING = re.compile(
    r"不知道|不清楚|不记得|不确定|不晓得|记不清|记不得|忘了|搞不清|弄不清|说不清"
)
"""What follows is asked of oneself, not of us: "不知道是不是这个", "不记得是啥"."""


_COUPLES_FACT = re.compile(
    r"(老公|丈夫|先生|爱人|男朋友|男友|对象|老婆|妻子|媳妇|另一半)\w{0,4}(结扎|绝育|避孕|安全套|避孕套)"
)
"""Contraception is the couple's: "我爱人做了结扎" speaks of the patient too."""


_PROXY = re.compile(
    rf"(帮|替|给|代)(我的?)?({_RELATIVES}|他|她)(填|答|回答|问|咨询|报名|登记)|(帮|替|代)(他|她)(填|答|问)"
)
"""Someone answering for the patient: "我替我妈填的"."""

WORDING = Wording(
    folding=_TRADITIONAL,
    replacements=(("冇", "没有"),),  # Cantonese "冇": not have
    clause_break=_CLAUSE_BREAK,
    asked_back=_ASKED_BACK,
    someone_else=_SOMEONE_ELSE,
    couples_fact=_COUPLES_FACT,
    first_person=_FIRST_PERSON,
    proxy=_PROXY,
    question_end=_QUESTION_END,
    question_word=_QUESTION_WORD,
    any_word=_ANY,
    not_knowing=_NOT_KNOWING,
    trailing="。!~ ",
)
