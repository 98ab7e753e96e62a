"""Whether a Chinese message really carries the side request the intent
classifier heard, or is an answer it mistook for one.

"我现在在参加一个贝利尤单抗的研究" is no greeting: when the words hold none of
the request's cues and the question's reader can read them, they are an answer.
"""

from __future__ import annotations

from bot.reading.side_requests import SideRequestWords
from bot.reading.zh.wording import WORDING

_CLAUSE = r"(^|[,.!?;~ ])"
"""At the start of a clause: "不弄了" is a stop, "工作不干了" an answer."""
_TREATED = r"用|服|吃|治|打|输|注射|化疗|放疗"
"""What "停止" stops in an answer: "停止用药了" is no request to stop."""

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
    "stop": rf"停止(?!{_TREATED})|^(先|就)?停+(下|一下)?(了)?(吧)?$|停停|"
    rf"不想(再)?(做|填|答|回答|弄|搞|继续|聊)|{_CLAUSE}(我)?(先|就|还是)?不(做|填|答|弄|搞|整|干|玩|聊|继续|问)了|"
    r"结束(对话|聊天|筛查|问卷|吧)|(就)?到此为止|(就)?到这(里|儿)?(吧|为止)|算了|(别|不要)(再)?问|"
    rf"{_CLAUSE}(我)?(也)?不(想)?参加(这个)?(试验|研究|筛查|项目)?了|不想参加这个|改主意|没兴趣|"
    rf"不感兴趣|{_CLAUSE}(我要|我想)?(取消|退出|中止|终止)|(别|不要)(再)?(给我)?发|^够了|"
    r"^(我)?放弃(吧|了)?$|拉倒|stop",
    "start_over": r"重新(开始|来|做|答|回答|问|填|筛查|再)|重来|从头|重头|从新开始|再来一(次|遍)|"
    r"再(从头)?做一(次|遍)|(从|回到)第一(题|个问题)|回到(开头|最开始|最前面)|重置|作废|清掉重",
    "request_human": r"人工|真人|客服|工作人员|医生联系|打电话给我|给我打电话|回电|回(个)?电话|"
    r"联系我|找人|转人|机器|打电话说|电话号码|打过去|投诉|负责人|领导|叫(个)?人来|当面|"
    r"(想|要)\w{0,3}(跟|和|同)\w{0,6}(医生|大夫)(聊|说|谈|通|沟通)|"
    r"想(问问|问|咨询)(一下)?\w{0,4}(医生|大夫)|联系\w{0,10}(医生|大夫|团队)|"
    r"找\w{0,6}(医生|大夫)(问|聊|说|谈)|找\w{0,6}团队|(跟|和)(真)?人(说|聊|谈|对话)",
    "correct": r"说错了|填错了|写错了|搞错了|更正|改一下|改成|不对,|应该是\w*,?不是|"
    r"(?<![没不])(打|点|按|选|弄|记|答|看|理解|听)错|手(滑|抖)|(?<!不)不对(?!劲)|有误|纠正|修改|"
    r"改回|其实|我的意思是|我是说|(说|答|填|选)的(都)?不算|不算数|撤回|(回到|返回)上一|上一题|"
    r"上一?个(问题|回答|答案)|前面(那|的)|刚才|是错的",
    "delete_my_data": r"删|清除(我的|聊天)?(数据|信息|资料|记录)|清掉|注销|忘(掉|了)我说|"
    r"当我没来过|(不要|别|不想让你们|不想)(再)?(保存|留|存|记录)",
}
"""The words each side request is made of; out_of_scope and nlu_fallback
have none: any readable answer wins over them."""

WORDS = SideRequestWords(WORDING, CUES)
