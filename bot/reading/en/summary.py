"""The English words of the summary the patient checks before anything is
passed on (the rules: bot/reading/summary.py)."""

from __future__ import annotations

from bot.protocol.answers import ONGOING
from bot.reading.en.dates import WRITTEN
from bot.reading.summary import SummaryWords

LABELS = {
    "birth": "Date of birth",
    "car_t": "CAR-T cell therapy before",
    "transplant": "Transplant",
    "diagnosis": "Diagnosed with",
    "dm_antibody": "Myositis-specific antibody found",
    "ssc_lung": "Systemic sclerosis affecting the lungs",
    "hiv_or_syphilis": "Ever told you have HIV or syphilis",
    "can_become_pregnant": "Could become pregnant",
    "pregnant": "Pregnant now",
    "contraception": "Willing to use contraception",
    "ecog": "Usual day",
    "cancer": "Cancer",
    "cancer_treated": "That cancer fully treated",
    "dm_diagnosed": "Dermatomyositis diagnosed",
    "infection": "Treated for an infection now or in the last week",
    "infection_treatment_end": "That treatment ended",
    "live_vaccine": "Live vaccine in the last 4 weeks",
    "live_vaccine_date": "Vaccine date",
    "other_trial": "Another clinical trial in the last 3 months",
    "other_trial_end": "Your part in it ended",
    "disease_active": "Condition still active",
    "hepatitis_or_cmv": "Ever told you have hepatitis B, C or CMV",
    "serious_illness": "Another serious heart, liver, lung, blood or hormone disease",
}
VALUES = {
    "yes": "yes",
    "no": "no",
    "unsure": "not sure",
    ONGOING: "not yet",
    "none": "none",
    "stem_cell": "stem-cell or bone-marrow transplant",
    "organ": "organ transplant",
    "cornea_or_hair": "only a cornea or hair transplant",
    "sle": "lupus (SLE)",
    "sjogren": "Sjögren's syndrome",
    "systemic_sclerosis": "systemic sclerosis",
    "dermatomyositis": "dermatomyositis",
    "anca_vasculitis": "ANCA vasculitis",
    "other": "none of the five conditions",
    "excepted": "only a kind the study allows",
}
ECOG = {
    "0": "fully active, as before the illness",
    "1": "no heavy work, but light work",
    "2": "up and about, but cannot work",
    "3": "more than half the day in bed or a chair",
    "4": "in bed or a chair all day",
}
WECHAT = "WeChat"
CANCER = {"other": "another kind"}

WORDS = SummaryWords(
    labels=LABELS,
    values=VALUES,
    ecog=ECOG,
    cancer=CANCER,
    wechat=WECHAT,
    line="- {label}: {value}",
    between="between {earliest} and {latest}",
    dates=WRITTEN,
)
