"""The Chinese words for a correction (the rules: bot/reading/corrections.py):
the words that name each question, and those that say the new answer."""

from __future__ import annotations

import re

from bot.reading.corrections import CorrectionWords
from bot.reading.zh.wording import WORDING
from bot.reading.zh.yes_no import HEDGE

# Words that tie a correction to one question, whatever was asked last.
TOPICS: tuple[tuple[str, str], ...] = (
    ("birth", r"出生|生日|年龄|岁|周岁|\d{4}年"),
    ("car_t", r"car.?t"),
    ("transplant", r"移植|骨髓|干细胞"),
    ("diagnosis", r"狼疮|sle|干燥|硬皮病|硬化|皮肌炎|血管炎|anca|确诊|诊断"),
    ("hiv_or_syphilis", r"hiv|艾滋|爱滋|梅毒"),
    # "我怀孕了" after "不可能怀孕" is about this question too.
    ("can_become_pregnant", r"能怀孕|可能怀孕|会怀孕|绝经|怀孕"),
    ("pregnant", r"怀孕"),
    ("contraception", r"避孕"),
    ("ecog", r"工作|上班|干活|卧床|躺|活动"),
    ("cancer", r"癌|肿瘤|淋巴瘤|白血病"),
    ("infection", r"感染|抗生素|消炎药|抗病毒|输液"),
    ("live_vaccine", r"疫苗|接种"),
    ("other_trial", r"试验|研究"),
    ("hepatitis_or_cmv", r"乙肝|丙肝|肝炎|cmv|巨细胞"),
    ("serious_illness", r"心脏|肝病|肺病|肾病|内分泌|甲状腺|糖尿病"),
)


# What comes after these is the new answer: "说错了, 应该是有".
_NEW_ANSWER = re.compile(
    r"说错了|搞错了|填错了|点错了|按错了|选错了|应该是|其实是|我是说|我的意思是|改成|答案是"
)
_NO = re.compile(r"没有|没|不是|不|无|否|阴性")
_YES = re.compile(r"是|有|对|做过|得过|打过|阳性|怀孕了|怀孕")

WORDS = CorrectionWords(
    wording=WORDING,
    topics=TOPICS,
    new_answer=_NEW_ANSWER,
    unsure=re.compile(rf"{HEDGE.pattern}|不确定|不清楚"),
    no=_NO,
    yes=_YES,
    opening=re.compile(r"^[\W]*(不对|不是这样)[\W]*"),  # "不对, 我有" opens the correction
)
