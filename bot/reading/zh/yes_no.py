"""The Chinese words for reading a yes / no / not sure (好像, 可能, 应该没有,
大概, 说不准 hedge); the rule is one for every language
(bot/reading/yes_no.py)."""

from __future__ import annotations

import re

from bot.reading.knowledge import known_facts
from bot.reading.yes_no import YesNoWords
from bot.reading.zh.dates import PARSER
from bot.reading.zh.numerals import arabic
from bot.reading.zh.wording import WISH, WORDING

HEDGE = re.compile(
    r"不(太|大|是很|是太|很)(清楚|确定|记得)|"
    r"好像|(?<!不)可能|应该|大概|大约|说不准|说不好|不好说|说不清|不确定|不太确定|不敢确定|不清楚|不太清楚|"
    r"不知道|不晓得|不记得|不太记得|不大记得|记得不太清|记不清|记不得|记不太清|想不起|忘了|忘记|也许|或许|估计|似乎|貌似|差不多|"
    r"不一定|我觉得|我感觉|感觉|我想|我猜|没查过|没有查过|没检查过|没有检查过|没测过|没有测过|"
    r"没化验过|没有化验过|没做过检查|没有做过检查|没查|没去查|不太懂|搞不清|弄不清|不懂|不明白|"
    r"看情况|再说|考虑|商量|再想想|想一想|还没决定|没决定|没想好|尽量|试试|试一下|争取|看看吧|问一下医生|问问医生|"
    r"得问|要问|需要问|需要查|要查一下|等结果|等报告|在等|还没出结果|结果还没出|时好时坏|时有时无|"
    r"有时候|有时|偶尔|假阳性|没说|没告诉|没提|没讲|不好意思说|不想说|不方便说|(有|是|没有|没|不是|对|过|会|愿意)吧\W*$|"
    r"\bmaybe\b|\bidk\b"
)
# Words that carry no fact of their own; whatever else a clause says must be
# the question's subject, or the clause is not read.
_FILLER = re.compile(
    "|".join(
        sorted(
            """
            我的 我 本人 自己 是的 是 的 了 过 啊 呀 吧 呢 嘛 哦 噢 喔 嗯 恩 额 呃 哈 呵 嘞 呗
            咯 啦 哟 这个 那个 这种 那种 这些 那些 这样 这 那 它 都 也 还 就 只 一直 从来
            从 来 曾经 一次 次
            有 没 没有 无 不 未 否 对 好 行 可以 当然 肯定 确实 绝对 完全 根本 一点 任何 什么
            东西 情况 方面 问题 事 回事 谢谢 谢 麻烦 医生 大夫 说 讲 告诉 诊断 确诊 检查
            查 化验 结果 报告 阴性 阳性 做 得 打 用 吃 接受 参加 治疗 真的 真 的确 其实 目前 现在
            暂时 最近 近期 已经 一 个 种 项 该 题 ok okay yes no 没错 要 会 能 愿意 同意 嗯嗯
            身体 一切 正常 以前 之前 过去 前 后 年 月 日 号 天 周 星期 礼拜 上 去年 今年 前年 昨天
            前天 今天 半 多 左右 时候 那年 期间 这里 之类 这类 类似 相关 哎 唉 诶 亲 老师 非常
            又 在 正在 中 着 点 一点点 请 给 被 我们 别 停 停了 滴
            此 经历 病史 史 均 全 全部
            很 挺 比较 特别
            刚 刚刚 完
            """.split(),
            key=len,
            reverse=True,
        )
    )
)
_NEGATION = re.compile(r"没有|没|不|无|未|否|别")
_YES_WORD = re.compile(
    r"是|对|嗯|恩|有|好|可以|行|没错|当然|确实|愿意|同意|会|能|阳性|要|ok|okay|yes|过|参加|接受|在|"
    r"(做|得|打|用|吃|确诊)(了|的)"
)
_IDIOMS = (
    (re.compile(r"^(没问题|没事|没关系|不错|不客气|不用谢|何乐而不为)$"), "好"),
    (re.compile(r"没错"), "对"),
    (
        re.compile(
            r"从来没有|从来没|从没有|从没|从未|一次也没有|一次都没有|根本没有|完全没有|绝对没有|肯定没有|当然没有"
        ),
        "没有",
    ),
    (re.compile(r"当然不|肯定不|绝对不|根本不|完全不"), "不"),
    (re.compile(r"(全|都|均)阴(性)?|阴性|(?<![不没])正常"), "无"),  # "查过都正常": nothing found
    (re.compile(r"不可能"), "不会"),
    (re.compile(r"木有"), "没有"),
    (re.compile(r"^否认|否认.*史$"), "没有"),  # the record's "否认移植史"
)
_STATES = re.compile(
    r"有|做|得|打|用|吃|接受|参加|确诊|诊断|查出|检查出|发现|阳性|阴性|没|不|无|未|在|接种|注射|"
    r"输|回输|感染|怀|患|治|过|服"
)
_NOT_NOW = r"现在没|已经没|现在无|已经无|不再|现在不|已经不"
_PAST = re.compile(rf"以前|之前|过去|曾经|早就|早年|小时候|年轻时|{_NOT_NOW}|已经好了|治好了|痊愈")
_LONG_AGO = re.compile(
    r"小时候|童年|年轻(的)?时(候)?|上学(的)?时(候)?|多年前|好多年|很多年|很久以前|几年前"
)
"""A time long before any of the windows (4 weeks at most 3 months)."""
_VAGUE_TIME = re.compile(
    r"[一二两三四五六七八九十几]+个?多?(天|日|周|星期|礼拜|月|年)(以前|之前|前)|"
    r"前几天|前段时间|前阵子|不久前|最近|近期|近来|刚刚|刚"
)
"""A time said that cannot be placed against a window."""
_DOUBLE_NEGATION = re.compile(r"(不|没)(是|有|会|能)?(不|没|无)")
_NOT_RECEIVED = re.compile(
    r"(?<!查出)(?<!检)(检查|评估|咨询|报名|推荐|了解|考虑|听说|介绍|打听|排队|等待|预约)(?!出)"
)
"""Tested for, told of or waiting for the subject is not having had it."""
_COPULA = re.compile(r"(这|那)(个|种|些|次)?(就|也)?是")
"""The "是" of "这个就是" (it is this one) is no yes."""
_NO_FACT = re.compile(
    r"(查|检查|化验|测|验|抽血|问|听说)过|(还)?(没|没有|未)(做|查|拍|照)(过)?\w{0,3}(ct|胸片|肺功能|检查)"
)
"""Having been tested or asked says nothing of the result."""
_TIME = re.compile(
    r"\d{2,4}年(\d{1,2}月(\d{1,2}[日号])?)?|(去年|今年|前年)(\d{1,2}月(\d{1,2}[日号])?)?|"
    r"\d+个?半?多?个?(天|日|周|星期|礼拜|月|年)半?多?(以前|之前|前)|半个?(月|年)(以前|之前|前)|"
    r"(一两|两三|二三|三四|四五|五六|六七|七八|八九)个?(天|日|周|星期|礼拜|月|年)(以前|之前|前)|"
    r"上上个?(周|星期|礼拜|月)|上个?(周|星期|礼拜|月)|(这|本)个?(周|星期|礼拜|月)|大前天|前天|昨天|今天|\d{1,2}月(\d{1,2}[日号])?"
)
_ACKNOWLEDGE = re.compile(r"嗯+|恩+|哦+|噢+|额+|呃+|好的|好|ok|okay|行")
"""Said before an answer, not as one ("嗯, 没有"); alone it is a yes."""
_NEVER_TOLD = re.compile(
    r"(医生|大夫)?(从来)?(都)?(没|没有|未)(跟我|和我|对我)?(说|告诉|提|讲)(起)?过(我)?"
)
"""The whole reply "没说过": a no to a question about what a doctor said (its
statements say so), else a hedge ("nobody said whether I can become pregnant")."""
_PREDICATE = r"(没有|没|无|不是|是|有|阴性|阳性|没得过|得过|没做过|做过)(的|过|了)?"


_KNOWN_FACTS = re.compile(
    known_facts(
        r"系统性红斑狼疮|红斑狼疮|狼疮肾炎|狼疮|干燥综合征|干燥症|硬皮病|系统性硬化症?|皮肌炎|肌炎|血管炎|"
        r"感冒|咳嗽|嗓子疼|流鼻涕|头疼|你好|您好|周岁|岁|月经|小时候|童年|年轻的时候|年轻时"
        r"|哥哥|姐姐|弟弟|妹妹|妈妈|爸爸|母亲|父亲|老公|丈夫|老婆|妻子|儿子|女儿|孩子|家人|亲戚|朋友"
        r"|备孕|要孩子|要小孩|早就|早|结束|治好|好了|痊愈|胳膊|手臂|肌肉针|打针|针",
        "zh",
    )
)
"""Facts that do not decide beyond their own question: the patient's disease,
a cold, a greeting, an age, the treatments that do not exclude (bot/medicine/)."""

WORDS = YesNoWords(
    wish=WISH,
    wording=WORDING,
    numerals=arabic,
    positive="阳性",
    negative="阴性",
    hedge=HEDGE,
    known_facts=_KNOWN_FACTS,
    known=_FILLER,
    negation=_NEGATION,
    double_negation=_DOUBLE_NEGATION,
    repeated_no=re.compile(r"(没有|没|不是|不|无)(\W*\1)+\W*"),
    yes_word=_YES_WORD,
    states=_STATES,
    idioms=_IDIOMS,
    acknowledgement=_ACKNOWLEDGE,
    past=_PAST,
    not_now=re.compile(_NOT_NOW),
    no_fact=_NO_FACT,
    not_received=_NOT_RECEIVED,
    copula=_COPULA,
    when=_TIME,
    parse_past_date=PARSER.past,
    in_year="{year}年{phrase}",
    unspaced_times=True,
    long_ago=_LONG_AGO,
    vague_time=_VAGUE_TIME,
    never_told=_NEVER_TOLD,
    subject_then_answer=re.compile(_PREDICATE),
    clause_questions=True,
)
"""Simplified Chinese (bot/reading/yes_no.py reads with them)."""
