# Patients read these lines: Chinese punctuation (full-width) is right here.
# ruff: noqa: RUF001
"""The Chinese words of the summary the patient checks before anything is
passed on (the rules: bot/reading/summary.py)."""

from __future__ import annotations

from bot.protocol.answers import ONGOING
from bot.reading.summary import SummaryWords
from bot.reading.zh.dates import WRITTEN

LABELS = {
    "birth": "出生日期",
    "car_t": "以前接受过CAR-T细胞治疗",
    "transplant": "移植",
    "diagnosis": "确诊的疾病",
    "dm_antibody": "查到过肌炎特异性抗体",
    "ssc_lung": "系统性硬化症累及肺部",
    "hiv_or_syphilis": "曾被告知有艾滋病（HIV）或梅毒",
    "can_become_pregnant": "有可能怀孕",
    "pregnant": "现在怀孕",
    "contraception": "愿意采取避孕措施",
    "ecog": "平时的活动情况",
    "cancer": "癌症",
    "cancer_treated": "这个癌症已经彻底治疗",
    "dm_diagnosed": "皮肌炎确诊时间",
    "infection": "现在或最近一周在治疗感染",
    "infection_treatment_end": "这个治疗结束的时间",
    "live_vaccine": "最近4周内接种过活疫苗",
    "live_vaccine_date": "接种日期",
    "other_trial": "最近3个月内参加过其他临床试验",
    "other_trial_end": "您在那个试验中结束的时间",
    "disease_active": "病情仍然活动",
    "hepatitis_or_cmv": "曾被告知有乙肝、丙肝或巨细胞病毒（CMV）感染",
    "serious_illness": "其他严重的心、肝、肺、血液或内分泌疾病",
}
VALUES = {
    "yes": "是",
    "no": "否",
    "unsure": "不确定",
    ONGOING: "还没有结束",
    "none": "没有",
    "stem_cell": "干细胞或骨髓移植",
    "organ": "器官移植",
    "cornea_or_hair": "只有角膜或头发移植",
    "sle": "系统性红斑狼疮（SLE）",
    "sjogren": "干燥综合征",
    "systemic_sclerosis": "系统性硬化症（硬皮病）",
    "dermatomyositis": "皮肌炎",
    "anca_vasculitis": "ANCA相关性血管炎",
    "other": "不是这五种疾病之一",
    "excepted": "只有研究允许的那几种",
}
ECOG = {
    "0": "完全能正常活动，和生病前一样",
    "1": "不能干重活，但能做轻活",
    "2": "能起床活动和照顾自己，但不能工作",
    "3": "一天中一半以上的时间躺在床上或坐在椅子上",
    "4": "整天卧床或坐在椅子上",
}
WECHAT = "微信"
CANCER = {"other": "其他类型"}

WORDS = SummaryWords(
    labels=LABELS,
    values=VALUES,
    ecog=ECOG,
    cancer=CANCER,
    wechat=WECHAT,
    line="- {label}：{value}",
    between="{earliest}至{latest}之间",
    dates=WRITTEN,
)
