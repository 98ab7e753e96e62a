"""Whether a Chinese message really carries the side request the intent
classifier heard, or is an answer it mistook for one.

"我现在在参加一个贝利尤单抗的研究" is no greeting: when the words hold none of
the request's cues and the question's reader can read them, they are an answer.
"""

from __future__ import annotations

import re

from bot.reading.zh.wording import is_question, normalised

CUES: dict[str, str] = {
    "greet": r"^(你好|您好|嗨|哈喽|哈啰|早上好|上午好|下午好|晚上好|早|在吗|在不在|hi|hello)|"
    r"我回来了",
    "thank": r"谢谢|多谢|感谢|谢了|辛苦了|thank",
    "goodbye": r"再见|拜拜|回头见|先这样|下次聊|晚安|bye",
    "ask_why": r"为什么|为啥|干嘛|干什么|做什么用|有什么用|什么原因|原因",
    "ask_what_is_cart": r"什么是|是什么|啥是|是啥|什么意思|啥意思|解释|介绍一下|了解一下",
    "ask_location": r"在哪|哪里|哪儿|地址|位置|医院|太原|白求恩|怎么去|多远|路线|交通",
    "ask_risks": r"风险|副作用|危险|安全(?!套|期)|有害|伤害|后遗症|不良反应",
    "ask_cost": r"费用|多少钱|花钱|收费|免费|价格|贵不贵|报销|医保|自费|补贴|钱",
    "ask_duration": r"多久|多长时间|几周|几个月|几天|住院多少天|要住院|疗程",
    "ask_eligibility_reason": r"为什么不行|为什么不符合|为什么不可以|为什么不能|符合条件|资格|合格",
    "stop": r"停止|停下|不做了|不想做了|不填了|结束(对话|聊天|筛查|问卷|吧)|到此为止|退出|算了|"
    r"别问了|不要问了|stop",
    "start_over": r"重新开始|重来|从头开始|从头再来|再来一遍|重新填",
    "request_human": r"人工|真人|客服|工作人员|医生联系|打电话给我|给我打电话|回电|联系我|"
    r"找人|转人工",
    "correct": r"说错了|填错了|写错了|搞错了|更正|改一下|改成|不对,|其实是|应该是",
    "delete_my_data": r"删除|删掉|清除(我的)?(数据|信息|资料)",
}
"""The words each side request is made of; out_of_scope and nlu_fallback
have none: any readable answer wins over them."""


def carries_side_request(intent: str, text: str) -> bool:
    """True when the message holds the cues of `intent`'s side request, or
    asks something back."""
    plain = normalised(text)
    cue = CUES.get(intent)
    return is_question(plain) or bool(cue and re.search(cue, plain))
