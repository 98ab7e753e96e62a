# ruff: noqa: RUF001 - Chinese texts use full-width punctuation, as they should
"""The inbox's texts in English and Simplified Chinese, and the site's clock.

Each coordinator chooses a language (kept on the account); `text(key)` gives
the text in the current request's language. Times are shown in the site's
time zone, Asia/Shanghai, whatever the server's zone.
"""

from __future__ import annotations

from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo

from flask import g

SITE_ZONE = ZoneInfo("Asia/Shanghai")

TEXTS: dict[str, dict[str, str]] = {
    "title": {"en": "Referral inbox", "zh": "转诊收件箱"},
    # what staff must check, by the engine's note (bot/protocol/criteria.py)
    "note.activity_score": {
        "en": "Confirm active disease with the disease's activity score",
        "zh": "用疾病活动度评分确认疾病处于活动期",
    },
    "note.birth_year_only": {
        "en": "Age given only roughly: check the date of birth",
        "zh": "只给出了大致年龄：请核实出生日期",
    },
    "note.classification_criteria": {
        "en": "Check the diagnosis against the classification criteria",
        "zh": "按分类标准核实诊断",
    },
    "note.consent_at_site": {
        "en": "Written informed consent at the site",
        "zh": "在研究中心签署书面知情同意书",
    },
    "note.date_unknown": {"en": "Date not known: ask for it", "zh": "日期不清楚：请询问"},
    "note.diagnosis_date_imprecise": {
        "en": "Diagnosis date imprecise: check the duration",
        "zh": "确诊日期不精确：请核实病程",
    },
    "note.diagnosis_unknown": {
        "en": "Diagnosis not clear: check which disease",
        "zh": "诊断不明确：请核实是哪种疾病",
    },
    "note.excepted_cancer_treated": {
        "en": "An excepted cancer, treated: check the records",
        "zh": "属于例外的癌症，已治疗：请核实病历",
    },
    "note.investigator_judgement": {"en": "Investigator's judgement", "zh": "由研究者判断"},
    "note.lab_and_organ_tests": {
        "en": "Laboratory and organ function tests",
        "zh": "实验室及器官功能检查",
    },
    "note.mrss_score": {
        "en": "Check the modified Rodnan skin score",
        "zh": "核实改良Rodnan皮肤评分",
    },
    "note.no_myositis_antibody": {
        "en": "No myositis antibody reported: check",
        "zh": "未报告肌炎抗体：请核实",
    },
    "note.not_applicable": {"en": "Does not apply", "zh": "不适用"},
    "note.not_of_childbearing_potential": {
        "en": "Not of childbearing potential",
        "zh": "无生育可能",
    },
    "note.patient_unsure": {"en": "The patient was not sure: check", "zh": "患者不确定：请核实"},
    "note.pregnancy_test": {"en": "Pregnancy test at screening", "zh": "筛选时做妊娠试验"},
    "note.reports_inactive_disease": {
        "en": "Patient reports inactive disease: check activity",
        "zh": "患者自述疾病不活动：请核实活动度",
    },
    "note.viral_load": {"en": "Check the viral load", "zh": "核实病毒载量"},
    "login": {"en": "Log in", "zh": "登录"},
    "logout": {"en": "Log out", "zh": "退出"},
    "username": {"en": "Username", "zh": "用户名"},
    "password": {"en": "Password", "zh": "密码"},
    "login_failed": {"en": "Wrong username or password.", "zh": "用户名或密码错误。"},
    "login_throttled": {
        "en": "Too many failed logins. Try again later.",
        "zh": "登录失败次数过多，请稍后再试。",
    },
    "session_ended": {
        "en": "Your session ended. Please log in again.",
        "zh": "会话已结束，请重新登录。",
    },
    "referrals": {"en": "Referrals", "zh": "转诊"},
    "recontact": {"en": "Due for re-contact", "zh": "待再次联系"},
    "accounts": {"en": "Accounts", "zh": "账户"},
    "audit": {"en": "Audit log", "zh": "审计日志"},
    "new_count": {"en": "New referrals", "zh": "新转诊"},
    "number": {"en": "No.", "zh": "编号"},
    "received": {"en": "Received", "zh": "接收时间"},
    "status": {"en": "Status", "zh": "状态"},
    "outcome": {"en": "Outcome", "zh": "筛查结果"},
    "request": {"en": "Request", "zh": "请求"},
    "disease": {"en": "Disease", "zh": "疾病"},
    "language": {"en": "Language", "zh": "语言"},
    "from": {"en": "From", "zh": "从"},
    "to": {"en": "To", "zh": "至"},
    "any": {"en": "Any", "zh": "全部"},
    "filter": {"en": "Filter", "zh": "筛选"},
    "none_found": {"en": "No referrals.", "zh": "没有转诊。"},
    "possible_duplicate": {"en": "Possible duplicate", "zh": "可能重复"},
    "duplicates_of": {"en": "Same phone, e-mail or WeChat as", "zh": "电话、邮箱或微信相同："},
    "contact": {"en": "Contact", "zh": "联系方式"},
    "name": {"en": "Name", "zh": "姓名"},
    "phone": {"en": "Phone", "zh": "电话"},
    "email": {"en": "E-mail", "zh": "邮箱"},
    "wechat": {"en": "WeChat", "zh": "微信"},
    "wechat_is_phone": {"en": "(the phone number)", "zh": "（即电话号码）"},
    "preferred_time": {"en": "Preferred contact time", "zh": "方便联系时间"},
    "criteria": {"en": "Criteria", "zh": "标准"},
    "criterion": {"en": "Criterion", "zh": "标准"},
    "answer": {"en": "Answer", "zh": "回答"},
    "own_words": {"en": "Patient's own words", "zh": "患者原话"},
    "decision": {"en": "Decision", "zh": "判定"},
    "note": {"en": "Note", "zh": "备注"},
    "to_verify": {"en": "Staff must verify", "zh": "需工作人员核实"},
    "flags": {"en": "Flags", "zh": "提示"},
    "no_flags": {"en": "None", "zh": "无"},
    "rescreen_date": {"en": "Re-screen date", "zh": "重新筛查日期"},
    "protocol_version": {"en": "Protocol version", "zh": "方案版本"},
    "history": {"en": "History", "zh": "记录"},
    "move_to": {"en": "Move to", "zh": "转为"},
    "reason": {"en": "Reason", "zh": "原因"},
    "save": {"en": "Save", "zh": "保存"},
    "notes": {"en": "Notes", "zh": "笔记"},
    "add_note": {"en": "Add note", "zh": "添加笔记"},
    "not_allowed": {"en": "That change is not allowed.", "zh": "不允许此更改。"},
    "reason_needed": {"en": "Choose a reason.", "zh": "请选择原因。"},
    "changed": {"en": "Saved.", "zh": "已保存。"},
    "forbidden": {"en": "You may not open this page.", "zh": "您无权访问此页面。"},
    "not_found": {"en": "Not found.", "zh": "未找到。"},
    "role": {"en": "Role", "zh": "角色"},
    "active": {"en": "Active", "zh": "启用"},
    "create_account": {"en": "Create account", "zh": "创建账户"},
    "disable": {"en": "Disable", "zh": "停用"},
    "enable": {"en": "Enable", "zh": "启用"},
    "reset_password": {"en": "Set new password", "zh": "重设密码"},
    "username_taken": {"en": "That username is taken.", "zh": "用户名已被使用。"},
    "invalid_username": {"en": "Invalid username.", "zh": "用户名无效。"},
    "password_too_short": {
        "en": "The password needs at least 12 characters.",
        "zh": "密码至少需要12个字符。",
    },
    "no_such_account": {"en": "No such account.", "zh": "账户不存在。"},
    "unknown_language": {"en": "Unknown language.", "zh": "未知语言。"},
    "when": {"en": "When", "zh": "时间"},
    "who": {"en": "Who", "zh": "操作人"},
    "action": {"en": "Action", "zh": "操作"},
    "detail": {"en": "Detail", "zh": "详情"},
    "referral": {"en": "Referral", "zh": "转诊"},
    "mail_failing": {
        "en": "E-mail notifications keep failing; check the mail settings. Waiting:",
        "zh": "邮件通知多次发送失败，请检查邮件设置。待发送：",
    },
    "chain_intact": {"en": "The audit chain is intact.", "zh": "审计链完整。"},
    "chain_broken": {
        "en": "The audit chain is broken at entries:",
        "zh": "审计链在以下条目处断开：",
    },
    "due_since": {"en": "Due since", "zh": "到期日"},
    "none_due": {"en": "Nobody is due for re-contact.", "zh": "暂无需要再次联系的患者。"},
    # values
    "status.new": {"en": "new", "zh": "新"},
    "status.contacted": {"en": "contacted", "zh": "已联系"},
    "status.visit_scheduled": {"en": "visit scheduled", "zh": "已预约访视"},
    "status.enrolled": {"en": "enrolled", "zh": "已入组"},
    "status.not_enrolled": {"en": "not enrolled", "zh": "未入组"},
    "outcome.pre_qualified": {"en": "pre-qualified", "zh": "初筛合格"},
    "outcome.deferred": {"en": "deferred", "zh": "暂缓"},
    "outcome.incomplete": {"en": "incomplete", "zh": "未完成"},
    "outcome.not_eligible": {"en": "not eligible", "zh": "不符合"},
    "request.screening": {"en": "screening", "zh": "筛查"},
    "request.callback": {"en": "call back", "zh": "回电"},
    "disease.sle": {"en": "lupus (SLE)", "zh": "系统性红斑狼疮"},
    "disease.sjogren": {"en": "Sjögren's syndrome", "zh": "干燥综合征"},
    "disease.systemic_sclerosis": {"en": "systemic sclerosis", "zh": "系统性硬化症"},
    "disease.dermatomyositis": {"en": "dermatomyositis", "zh": "皮肌炎"},
    "disease.anca_vasculitis": {"en": "ANCA vasculitis", "zh": "ANCA相关性血管炎"},
    "disease.other": {"en": "other", "zh": "其他"},
    "disease.unsure": {"en": "not sure", "zh": "不确定"},
    "time.morning": {"en": "morning", "zh": "上午"},
    "time.afternoon": {"en": "afternoon", "zh": "下午"},
    "time.evening": {"en": "evening", "zh": "晚上"},
    "time.any": {"en": "any time", "zh": "任何时间"},
    "reason.not_eligible": {"en": "not eligible at the visit", "zh": "访视时不符合条件"},
    "reason.declined": {"en": "patient declined", "zh": "患者拒绝"},
    "reason.unreachable": {"en": "could not be reached", "zh": "无法联系"},
    "reason.withdrew": {"en": "withdrew consent", "zh": "撤回同意"},
    "reason.duplicate": {"en": "duplicate referral", "zh": "重复转诊"},
    "reason.other": {"en": "other", "zh": "其他"},
    "role.coordinator": {"en": "coordinator", "zh": "协调员"},
    "role.admin": {"en": "admin", "zh": "管理员"},
}


def language() -> str:
    """The current request's language ('en' unless set on `g`)."""
    chosen = getattr(g, "language", "en")
    return chosen if chosen in ("en", "zh") else "en"


def text(key: str) -> str:
    """The text for `key` in the current language; an unknown key is shown as
    itself (a value the texts do not list, e.g. a new disease code)."""
    entry = TEXTS.get(key)
    return entry[language()] if entry else key.rsplit(".", 1)[-1]


def site_time(moment: datetime | None) -> str:
    """`moment` in the site's time zone (naive values are UTC, as stored)."""
    if moment is None:
        return ""
    aware = moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)
    return aware.astimezone(SITE_ZONE).strftime("%Y-%m-%d %H:%M")


def site_date(day: date | None) -> str:
    return "" if day is None else day.isoformat()


def site_today(now: datetime | None = None) -> date:
    """Today in the site's time zone."""
    return (now or datetime.now(timezone.utc)).astimezone(SITE_ZONE).date()
