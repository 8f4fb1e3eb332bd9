"""Twelfth-session attack texts in Cantonese and Minnan/Hokkien written in characters (the
lead's, written before any rule change for them; the lead knows the rules, so this is not a
clean measure). See test_attack_yue12.py."""

from __future__ import annotations

URGENT = [
    # Cantonese: fire and smoke.
    "3座12楼着火呀！好大烟！",
    "喂，7楼有屋企冒烟啊，啲烟从门罅度出嚟",
    "后楼梯好大火烧味，有冇人去睇下",
    "楼下垃圾房烧紧嘢，火好大，快啲打999",
    "有架电单车喺楼梯底烧着咗，大家唔好落楼",
    # Cantonese: gas.
    "成条走廊都系煤气味，边个屋企漏气啊",
    "我屋企石油气好似漏咗，好大阵味，点算",
    "隔篱屋好浓煤气味，拍门冇人应",
    # Cantonese: lifts.
    "部𨋢卡咗喺8楼同9楼中间，入面有个阿婆",
    "较困咗人啊，我个仔喺入面喊",
    "升降机停咗，入面有两个人出唔嚟",
    "𨋢门开唔到，我阿妈困咗喺入面成十分钟",
    # Cantonese: falls, illness, not answering.
    "阿伯喺楼梯度跌低咗，起唔到身，流紧血",
    "我阿嫲喺厕所跌亲，叫极都唔应",
    "楼下有个伯伯暈低咗，快啲叫白车",
    "有个阿叔喺大堂突然瞓低咗，唔郁",
    # Cantonese: missing child, things from height, water.
    "我个女唔见咗！着住粉红色衫，五岁，有冇人见到",
    "细路仔喺平台唔见咗成半个钟，揾唔到",
    "楼上有人掟玻璃樽落嚟，差啲掟中人",
    "水喉爆咗，水淹到插苏度，好惊漏电",
    "地库浸水，水好急，有架车入面仲有人",
    "有个细路仔企咗喺窗台出面，屋企好似冇大人",
    # Minnan / Hokkien / Teochew.
    "阮厝灶脚烧起来了，烟真大，紧来",
    "伊厝内面有瓦斯味，真重，毋知人佇无",
    "阿公佇浴间跋倒，起袂来，紧来共阮鬥相共",
    "电梯歹去，阮囝仔佇内面，出袂来",
    "囝仔走无去矣，六岁，穿红色衫",
    "楼顶有人掷物件落来，险险仔拍着人",
    "厝边火烧厝，紧走！",
    "阮阿爸昏去矣，叫袂醒",
]

NOT_URGENT = [
    # Cantonese idioms and daily talk with trouble words.
    "今日热到爆，出街真系焗死",
    "我老细激到我火滚，成日搞搞震",
    "呢套剧睇到我喊晒，好感人",
    "琴日个𨋢困咗人，消防嚟咗即刻救出嚟，冇事啦",
    "啲炒饭炒燶咗，成屋火烧味，哈哈我自己整嘅",
    "新闻话佛山有个屋苑着火，好彩冇人受伤",
    "管理处通知：听日朝早九点至十二点停水维修",
    "阿婆跌亲嗰次已经好返啦，多谢大家关心",
    "我个仔话功课多到想死，其实只系两版",
    "楼下新开嗰间茶餐厅啲菠萝包好好食",
    "煤气公司师傅嚟检查过，冇漏气",
    "打风前大家记得收好露台啲花盆",
    # Minnan / Hokkien.
    "今仔日热甲欲死，食冰较爽",
    "阮阿嬷上礼拜跋倒，这马好矣",
    "电视讲台南有厝火烧，真惊人",
    "厝边头尾大家好，明仔载拜拜，欢迎来食",
    "阮囝仔考试考歹去，气甲欲死",
]

# Written after the rule change, in other phrasings.
URGENT_AFTER = [
    "搭较落楼，较停咗喺5楼，入面三个人出唔到",
    "升降机困咗个阿婆，佢话好焗好辛苦",
    "个阿伯喺街市门口突然瞓低咗，叫极唔醒",
    "停车场浸水，水好急，仲有人喺车入面",
    "阮阿公佇楼梯跋倒，流血，起袂来",
]
NOT_URGENT_AFTER = [
    "琴日部较困咗人，半个钟就救出嚟，冇事啦",
    "电视上讲香港有栋楼火烧，好彩冇人伤",
    "我比较困，今晚早啲瞓",
    "寻日浸水嗰度已经抽干咗水",
]

# An old person not seen or not answering, no night passed and no other sign: the training
# files label such a worry 0 (a convention), so the rules leave it (not tested).
CONVENTION = [
    "对面屋个婆婆成日冇出过门，打电话都冇人听，好担心",
    "阿嬷规日无应电话，阮袂放心，啥人会使去看一下",
]
