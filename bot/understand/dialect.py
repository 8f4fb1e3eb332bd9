"""Dialect words read as their Mandarin equivalents by the urgency rules.

Residents of a riverside estate write as they speak: central Chinese "冇得人应", "么得反应",
Sichuan "娃儿遭关在电梯头了", "莫得出来", Cantonese "佢喺入面", "仲有人", "晕咗". The safety
patterns are written in Mandarin; rather than spell every dialect form into every pattern,
:func:`plain` rewrites these words for the rules alone (the model and the resident see the
text as written; sensitivity keeps its own dialect forms).

Every replacement has the length of what it replaces, so that positions in the text (the
lexicon's hits) stay where they were. A slip of voice input that reads as another word in
the same breath ("被捆在电梯里" for 困) is read here too: only the rules read it, and only
where the trapped sense is the one that makes sense (捆在, 被捆, 捆住).
"""

from __future__ import annotations

import re

from bot.understand.patterns import Gate, rule

# Word -> Mandarin word of the same length. Ambiguous ones are guarded by what surrounds them
# (see _PATTERN): "么得" not in "怎么得了", "入面" not in "进入面试".
_WORDS = {
    # "not, no one": 冇 (central, Cantonese), 冇得/么得/莫得 (central, Sichuan)
    "冇得": "没有",
    "么得": "没有",
    "莫得": "没有",
    "冇": "没",
    # Cantonese: at, inside, still, a perfective, he/she, of
    "喺": "在",
    "入面": "里面",
    # Shanghainese: 里厢 (inside)
    "里厢": "里面",
    "仲有": "还有",
    "仲喺": "还在",
    "仲在": "还在",
    "咗": "了",
    "佢": "他",
    # Cantonese: caught fire ("电单车着咗火")
    "着咗火": "着火了",
    # Cantonese: a whole week ("成个礼拜冇见过佢", lead, seventeenth session)
    "成个礼拜": "整个礼拜",
    "啲": "的",
    "嘅": "的",
    # Lead, twenty-first session (a training file of emergencies told in passing, in dialect):
    # Cantonese fell (跌低), a little child (细蚊仔); Wu "at" after a posture or
    # a trap (立辣, 骑辣, 坐辣, 困辣, 卡辣, 关辣); Minnan stand at (徛咧), trapped, stuck, stopped
    # or sitting at (困咧, 卡咧, 停咧, 坐咧), gas (瓦丝); north-eastern ceiling
    # (棚顶); voice slips of smoke (冒眼), the hood (油眼机), the window (窗胡).
    "跌低": "摔倒",
    "细蚊仔": "小孩子",
    "立辣": "站在",
    "骑辣": "骑在",
    "坐辣": "坐在",
    "困辣": "困在",
    "卡辣": "卡在",
    "关辣": "关在",
    "徛咧": "站在",
    "困咧": "困在",
    "卡咧": "卡在",
    "停咧": "停在",
    "坐咧": "坐在",
    "瓦丝": "燃气",
    "棚顶": "房顶",
    "冒眼": "冒烟",
    "油眼机": "油烟机",
    "窗胡": "窗户",
    # Cantonese stand at (企喺), a railing (栏河); Minnan stand at (徛伫); Wu fallen or climbed
    # at (跌辣, 爬辣), cannot stand up (立勿起来); voice slips of the balcony, the railing, a fall,
    # the gas stove, the window and throwing (洋台, 拦干, 拦杆, 衰倒, 燃起灶, 窗护, 仍东西).
    "企喺": "站在",
    "栏河": "栏杆",
    "徛伫": "站在",
    "跌辣": "跌在",
    "爬辣": "爬在",
    "立勿起来": "站不起来",
    "洋台": "阳台",
    "拦干": "栏杆",
    "拦杆": "栏杆",
    "衰倒": "摔倒",
    "燃起灶": "燃气灶",
    "窗护": "窗户",
    "仍东西": "扔东西",
    # Cannot get up (起唔返身, 徛袂起来), fainted (厥过去), fell down (跋落).
    "起唔返身": "站不起来",
    "徛袂起来": "站不起来",
    "厥过去": "晕过去",
    "跋落": "摔下",
    # Sichuan and Chongqing: 屋头 (at home), 在车头 (in the car), 遭 + verb (passive)
    "屋头": "屋里",
    "车头": "车里",
    # central Chinese: 伢 (a child)
    "伢": "娃",
    # voice slips of 困 (trapped)
    "捆": "困",
    # urgent11, Cantonese: not (唔, before a word), fainted, now, not yet, a child, a shower,
    # tripped, bleeding, water pipe, cannot move or get out, holding, down here, a bottle;
    # to look for (搵), home (屋企), son, younger brother, come back, bottled gas
    "唔": "不",
    "晕低": "晕倒",
    "而家": "现在",
    "仲未": "还没",
    "细路仔": "小孩子",
    "细路": "小孩",
    "冲凉": "洗澡",
    "仆亲": "摔倒",
    "仆倒": "摔倒",
    "流紧血": "在流血",
    "水喉": "水管",
    "郁唔到": "动不了",
    "郁不到": "动不了",
    "起唔到": "起不来",
    "出唔到": "出不来",
    "唔郁": "不动",
    "揸住": "拿着",
    "落嚟": "下来",
    "嚟": "来",
    "樽": "瓶",
    "老豆": "老爸",
    "想呕": "想吐",
    "唔好": "不要",
    "唔识郁": "不会动",
    "跌亲": "摔倒",
    "搵": "找",
    "屋企": "家里",
    "阿仔": "儿子",
    "细佬": "弟弟",
    "返嚟": "回来",
    "石油气": "液化气",
    "插苏": "插座",
    "冷气机": "空调机",
    "企住": "站着",
    "依家": "现在",
    "白泡": "白沫",
    # Hakka: I, a perfective, gone (忒), on the ground, at home, a child, to look for
    "𠊎": "我",
    "哩": "了",
    "晕忒": "晕倒",
    "跌忒": "跌倒",
    "见忒": "见了",
    "断忒": "断了",
    "昏忒": "昏倒",
    "倒忒": "倒了",
    "漏忒": "漏了",
    "地泥下": "地面上",
    "屋下": "屋里",
    "细人仔": "小孩子",
    "寻": "找",
    # Minnan and Teochew: fell, at, cannot, fainted, he/she, no answer, a child, our, gone,
    # very, on the ground, things, shut in, inside, dizzy, fell down, in the house, gas (瓦斯)
    "跋倒": "摔倒",
    "跋一倒": "摔一跤",
    "跋落去": "摔下去",
    "厝内": "屋里",
    "瓦斯": "燃气",
    "卡牢": "卡住",
    "囝": "娃",
    "提刀": "拿刀",
    "拍人": "打人",
    "伫": "在",
    "袂": "不",
    "昏去": "昏倒",
    "晕去": "晕倒",
    "伊": "他",
    "无应": "没应",
    "囡仔": "小孩",
    "孥囝": "小孩",
    "阮": "我",
    "无去": "丢了",
    "见去": "见了",
    "足": "很",
    "土跤": "地上",
    "物件": "东西",
    "落来": "下来",
    "关牢": "关住",
    "内底": "里面",
    "头壳眩": "头很晕",
    "眩眩": "晕晕",
    # Wu: not, none, fell, a child, very ... of, cannot stand, beside, inside (里向)
    "勿": "不",
    "呒没": "没有",
    "呒": "没",
    "跌跤": "摔倒",
    "小囡": "小孩",
    "老大额": "很大的",
    "老重额": "很重的",
    "立勿牢": "站不住",
    "边浪": "旁边",
    "里向": "里面",
    "掼": "扔",
    "火着": "着火",
    # Sichuan and the north-east: fell (遭摔, 卡了一跤), the head, silent
    "遭摔": "摔倒",
    "脑壳": "脑袋",
    "卡了一跤": "摔了一跤",
    "不吱声": "不出声",
    "幺儿": "儿子",
    # Lead, twelfth session. Cantonese: a lift (升降机; 较, a common way of typing 𨋢, only as a
    # lift: "部较", "较困咗人"), yesterday (琴日, 寻日), collapsed (突然瞓低), flooding (浸水),
    # nobody answering the phone (冇人听); Minnan: all day (规日), not answering the phone
    # (无应电话, 无接电话).
    "升降机": "升降梯",
    "较": "梯",
    "琴日": "昨天",
    "寻日": "昨天",
    "突然瞓低": "突然倒下",
    "浸水": "进水",
    "冇人听": "没人接",
    "规日": "整天",
    "无应电话": "没接电话",
    "无接电话": "没接电话",
    # Lead, thirteenth session (from the misses of a Minnan, Teochew and Hakka training file,
    # read after it was measured clean). Minnan: 咧 + a verb (going on now), 予 (passive),
    # 拍 (hit) going on, 跋 (fall) in 跋倒, 无 + an answer or a sign of life (no answer, did not
    # open the door, not seen, not back), 转来 (come back), 犹 (still), 这马 (now), 工 (days,
    # after a numeral), 规 (the whole), 拢 (all), 毋 (do not), 紧 + a verb (quickly), 欲
    # (about to), 落去 (down), 遐 (there), 下底 (below), 楼跤 (downstairs), 窗仔 (a window),
    # 对 + a high place (from), 囝仔 and 孙仔 (a child, a grandson), 风台 (a typhoon), 乌烟 (black
    # smoke), 甲 (so … that) after a verb, 入来 (in), 出烟 (smoke coming out), 欲割手 (about to cut
    # one's wrist), 联络袂着 (cannot reach), 彼欉 (that tree), 电火 (a light); Hakka 归屋下 (come
    # home); Cantonese 睇 (look).
    "咧拍": "在打",
    "咧行": "在走",
    "咧": "在",
    "予": "被",
    "无反应": "没反应",
    "无人应": "没人应",
    "无开门": "没开门",
    "无出门": "没出门",
    "无接": "没接",
    "无看见": "不见了",
    "无看着": "没看到",
    "无转来": "没回来",
    "未转来": "没回来",
    "转来": "回来",
    "犹在": "还在",
    "犹伫": "还在",
    "犹有": "还有",
    "犹未": "还没",
    "犹原": "还是",
    "这马": "现在",
    "工": "天",
    "规": "整",
    "拢": "都",
    "毋通": "不要",
    "毋": "不",
    "紧": "快",
    "欲": "要",
    "落去": "下去",
    "遐": "那",
    "下底": "下面",
    "楼跤": "楼下",
    "楼梯跤": "楼梯下",
    "窗仔框": "窗户框",
    "窗仔": "窗户",
    "顶面": "上面",
    "对窗仔": "从窗户",
    "对阳台": "从阳台",
    "对楼顶": "从楼顶",
    "对天顶": "从楼上",
    "对顶楼": "从顶楼",
    "对下底": "往下面",
    "囝仔": "孩子",
    "孙仔": "孙子",
    "风台": "台风",
    "乌烟": "黑烟",
    "甲": "得",
    "入来": "进来",
    "入到": "进到",
    "出烟": "冒烟",
    "欲割手": "要割腕",
    "联络袂着": "联系不上",
    "联络不着": "联系不上",
    "彼欉": "那棵",
    "电火": "电灯",
    "归屋下": "回家了",
    "睇": "看",
    "水内": "水里",
    # Lead, thirteenth session (an elderly estate's training file): voice slips and northern
    # words read by the rules: 水馆 (水管), 没气没关 (煤气没关), 阿尔兹海默, 出溜到地上 (slid to
    # the floor).
    "水馆": "水管",
    # Cantonese: 喇 (a perfective), stopped or stuck at (停咗喺, 卡咗喺), not back (未返); Wu:
    # bitten and held (咬牢), cannot hold (勿牢); Hubei and Hunan: fell (跶了一跤, 跘哒一跤).
    "喇": "了",
    # Voice slips (a training file of voice input): 报了 for 爆了 of a pipe, 就互车, 甩倒, 跑物.
    "水管报了": "水管爆了",
    "就互车": "救护车",
    "甩倒": "摔倒",
    "高空跑物": "高空抛物",
    # Northern 搁 (at): "我跟我对象搁里头呢".
    "搁里头": "在里头",
    "搁里面": "在里面",
    "停咗喺": "停在了",
    "卡咗喺": "卡在了",
    "未返": "没回",
    "咬牢": "咬住",
    "勿牢": "不住",
    "跶了一跤": "摔了一跤",
    "跘哒一跤": "摔了一跤",
    # A young man (Cantonese 后生仔), a little girl (Wu 囡囡), a child (northern 孩儿).
    "后生仔": "小伙子",
    "囡囡": "小孩",
    "孩儿": "孩子",
    "没气没关": "煤气没关",
    "阿尔兹海默": "阿尔茨海默",
    "出溜到地上": "瘫倒在地上",
    "膝头": "膝盖",
    "火烟": "黑烟",
    "无代志": "没事了",
    "管仔": "管子",
    "爆去": "爆了",
    "边仔": "边上",
    # Lead, fourteenth session (a south-coast training file): lying on the floor.
    "瞓咗喺地下": "躺倒在地上",
    "瞓喺地下": "躺在地上",
    # Lead, fifteenth session (a second Cantonese training file, read after it was measured
    # clean): seems (好似, not a simile in Cantonese), is (系, after an adverb or before a
    # question), that (嗰/𠮶), by (俾, the passive, before what did it), not back (冇返), last
    # night (寻晚, 琴晚), to look for (揾), cannot walk or get in (行唔到, 入唔到), fell into the
    # water, lying on the floor, collapsed (瘫咗), fell (跌咗, of a person), to shout (嗌),
    # drowning (遇溺), burnt (燶), burst pipe (爆喉), to spurt (标), trapped in (困咗喺), all the
    # time (成日), the police (俾差人), sorted out (搞掂), flooded (浸咗, 入晒水), a fire hose,
    # quickly (快啲), chasing (追住), knocking (拍门), from (由), a girl or a boy (女仔, 男仔).
    "好似": "好像",
    "系": "是",
    "系咪": "是否",
    "嗰": "那",
    "𠮶": "那",
    "俾": "被",
    "俾差人": "被警察",
    "冇返": "没回",
    "返": "回",
    "寻晚": "昨晚",
    "琴晚": "昨晚",
    "揾": "找",
    "行唔到": "走不了",
    "入唔到": "进不去",
    "跌咗落水": "掉进水里",
    "倒咗喺地": "倒在地上",
    "瘫咗": "瘫倒",
    "跌咗": "摔倒",
    "嗌": "喊",
    "遇溺": "溺水",
    "燶": "焦",
    "㶶": "焦",
    "爆喉": "爆管",
    "标": "喷",
    "困咗喺": "困在了",
    "成日": "经常",
    "搞掂": "搞定",
    "浸咗": "淹了",
    "入晒水": "全进水",
    "消防喉": "消防管",
    "快啲": "快点",
    # Hakka and Minnan "stand at" (企在), a Cantonese pipe (条喉) (lead, twenty-second session).
    "企在": "站在",
    "条喉": "水管",
    # A near miss, not "差的" (lead, twenty-second session: "今日差啲咬到我个仔").
    "差啲": "差点",
    "追住": "追着",
    "拍门": "敲门",
    "由": "从",
    "女仔": "女孩",
    "男仔": "男孩",
    # Hunan: grandfather (嗲嗲).
    "嗲嗲": "爷爷",
}
# What must come before or after a word for it to have the sense above: "么得" not in
# "怎么得了", "入面" not in "进入面试", "车头" (in the car) only after 在 ("还在车头", not
# "车头灯"), 捆 only as trapped ("被捆", "捆在", "捆住"; not "捆绑", "一捆").
_GUARDED = {
    "么得": r"(?<![怎什这那多要])么得",
    "入面": r"(?<![进加输收投])入面",
    "车头": r"(?<=在)车头",
    "捆": r"(?:(?<=被)捆|捆(?=在|住))",
    # urgent11: 唔 before a word (not the interjection "唔，好吧"); 哩 not in
    # 哔哩哔哩; 寻 only as looking for someone (not 寻死, 寻常); 伊 not in names (伊朗, 伊利,
    # 木乃伊); 阮 (we, my) before kin or home only (not the surname); 足 (very) before an
    # adjective of a smell or a size (not 足够, 足球); 勿 not in 请勿, 切勿 (advice);
    # 屋下 (Hakka: at home) before something happening there; 而家 (now) not in 然而家里,
    # 从而家长; 晕低 (fainted) not in 头晕低烧; 老豆 (dad) not in 老豆腐. (打交, a fight, and 掟,
    # to throw, are read by the patterns as written.)
    "唔": r"唔(?=[\u4e00-\u9fff])",
    "哩": r"(?<!哔)哩(?!哩|哔)",
    "寻": r"寻(?=[到不勿唔冇没着遍一])",
    "伊": r"(?<!木乃)伊(?![朗拉犁利斯甸春万始人索丽莎蚊妹宁])",
    "阮": r"阮(?=[囡囝兜厝家老阿某])",
    # urgent11, second round: 拍人 (Minnan: hitting) only as news of now, not a photographer's
    # "拍人像"; 掼 (Wu: throw) not the card game 掼蛋; 火着 (Wu: on fire) not a stove lit
    # ("打了半天火，终于火着了").
    "拍人": r"拍人(?=啦|矣|喔|了|呀|啊)",
    "掼": r"掼(?!蛋)",
    "火着": r"(?<![炉灶打于])火着(?=了|啦|咧)",
    "足": r"足(?=[大臭浓重呛])",
    "勿": r"(?<![请切务万])勿",
    "屋下": r"屋下(?=[着火有烟])",
    "而家": r"(?<![然从因进反继故])而家",
    "晕低": r"晕低(?![烧热血压])",
    "老豆": r"老豆(?![腐角浆芽])",
    "较": r"(?:(?<=[部搭])较|(?<![比相计])较(?=困|门|卡咗|卡住|停咗|坏咗))",
    # Lead, thirteenth session: each only where the Minnan sense is the one that makes sense.
    # 咧 before a verb of danger (not 咧嘴, 好咧); 予 not in 给予, 授予, 予以; 无接 not 无接触;
    # 转来 not 转来转去; 工 (days) after a numeral, before no, all or still (not 三工区, 加工);
    # 规 (whole) before a room or a measure (not 规定, 常规); 拢 (all) not 靠拢, 拉拢; 毋 not 毋庸;
    # 紧 (quickly) before come, call, run (not 赶紧来, 要紧, 抓紧); 欲 (about to) before falling,
    # cutting, jumping or dying (not 食欲, 欲望); 遐 not 遐想, 遐迩; 对 (from) only before a
    # window, a balcony or the top (对窗仔, 对阳台); 甲 after a verb of burning, crying, spraying or blowing (not
    # 指甲, 甲方); 入到/入来 after water (not 收入到账).
    "咧": r"咧(?=[烧摇拍行飞闪冒漏滴喷哭叫打吼喊倒掉滚欲])",
    "冒眼": r"(?<![感])冒眼(?![镜睛])",
    "水内": r"水内(?!底)",
    "喇": r"喇(?![叭嘛])",
    "予": r"(?<![给授赋准免施寄付交])予(?!以)",
    "无接": r"无接(?![触缝口])",
    "转来": r"(?<![转走飞])转来(?!转)",
    "工": r"(?<=[一两二三四五六七八九十几])工(?=[无没冇都拢了矣])",
    "规": r"规(?=[个厝厅片条间礼暝冥工])",
    "拢": r"(?<![靠拉合聚收围笼])拢",
    "毋": r"毋(?![庸宁须])",
    "紧": r"(?<![赶抓要加吃收拉绷握捏系绑很太好冒烧打撬爬喊喷摇漏滴响冲追砸抢叫哭攞揸拍流])紧(?=[来叫闪行驶走报落去跑])",
    "欲": r"欲(?=[倒割跳死落去断跋])",
    "遐": r"遐(?![想迩思龄])",
    "甲": r"(?<=[烧哭喷吹碎滴淹摇惊痛流爬])甲(?![醛鱼板虫方乙])",
    "乌烟": r"乌烟(?!瘴)",
    "电火": r"电火(?!花)",
    "入到": r"(?:(?<=水)|(?<=已经))入到",
    "入来": r"(?<=[水灌冲涌流])入来",
    # Lead, fifteenth session: 好似 not before 的 (an adjective); 系 as "is" only after an
    # adverb or before a question or a negation (not 联系不上, 关系, 系统, 系鞋带); 俾 before what
    # did it (not 俾斯麦); 返 after a negation (not 返工, 返程); 跌咗 not of a price, a lift
    # dropping floors or a phone dropped; 标 before 到 or 紧 (not 标准, 目标).
    "好似": r"好似(?![的地])",
    "系": r"(?:(?<=[都真原来唔不就又仲只即])系|(?<![联关体派维世干])系(?=[咪唔不]))",
    "俾": r"俾(?=[水人车火狗差])",
    "返": r"(?<=[冇没未])返",
    "跌咗": r"(?<![价票市盘梯])跌咗(?![几一两二三四五六七八九十层部个只把支])",
    "标": r"标(?=到|紧)",
    "由": r"由(?=屋企|家里|窗|阳台|天台|楼顶|昨|寻|琴|今|早|朝)",
}
# 遭 before a verb of harm is the passive 被 ("遭水冲走", "遭埋倒了"), not 遭殃 or 遭罪.
_PASSIVE = "遭(?=关|困|锁|埋|压|砸|冲|水|撞|电|卡|夹|捆)"

# Compiled with a first-character lookahead (patterns.rule): the engine skips at once the
# positions where no word starts (urgent11: four times faster on the messages that pass _MARKS).
_PATTERN = rule(
    "|".join(
        [_PASSIVE]
        + [_GUARDED.get(word, re.escape(word)) for word in sorted(_WORDS, key=len, reverse=True)]
    )
)
# Characters of which one must be in the text for any word above to be there: a cheap test
# that spares the substitution on most messages. Each word is marked by its least common
# character in everyday Mandarin (厢 of 里厢, not 里; 喉 of 水喉, not 水), so that the test
# passes on few messages (urgent11: a quarter of the training lines); a test checks that
# every word holds one.
_MARKS = frozenset(
    "遭冇么莫入厢仲喺咗佢啲嘅头伢捆唔低而呕紧喉郁凉仆细嚟樽豆𠊎哩忒泥屋寻跋伫袂昏晕伊无囡孥阮见"
    "足跤件落牢内眩勿呒额浪壳吱揸仔亲搵企佬石厝斯向苏冷依泡囝提拍掼幺火"
    "升较琴寻瞓浸听规碌"
    "咧予转犹马工拢毋紧欲遐底窗阳顶台乌甲烟割络欉归睇膝边爆馆兹溜关囡孩喇喺返牢跶跘搁报互甩跑"
    "似系咪嗰𠮶俾揾嗌溺燶㶶标日掂晒追由嗲拜"
    "辣眼胡棚瓦徛企河洋拦衰仍护灶厥"
)


_GATE = Gate([_PATTERN])


# Cantonese V紧 (going on now) is Mandarin 在V, of the same length: "冒紧烟" is "在冒烟",
# "打紧个小孩" is "在打个小孩" (lead, twelfth session; the verbs of danger only).
_PROGRESSIVE = rule(r"(冒|烧|打|撬|爬|喊|喷|摇|漏|滴|响|冲|追|砸|抢|叫|哭|攞|揸|拍|流|涨|浸)紧")
# Cantonese 晕咗 / 晕了 said of a person (fainted), and 碌 (rolled) down the stairs.
_FAINTED = rule(r"(?<=[婆伯公叔姨嫲爷妈爸女仔佬])(?:晕咗|晕了)(?![车船])")


def plain(text: str) -> str:
    """``text`` with dialect words replaced by Mandarin words of the same length."""
    if _MARKS.isdisjoint(text):
        return text
    # Half the messages hold a mark, few a whole word: the gate of every word's characters
    # spares the substitution on the rest (lead, twenty-first session).
    if _GATE.admits(text):
        text = _PATTERN.sub(_replace, text)
    if "紧" in text:
        text = _PROGRESSIVE.sub(lambda m: "在" + m.group(1), text)
    if "晕" in text:
        text = _FAINTED.sub("晕倒", text)
    return text.replace("碌了下来", "滚下来了").replace("碌咗落嚟", "滚下来了")


def _replace(match: re.Match[str]) -> str:
    word = match.group(0)
    return "被" if word == "遭" else _WORDS[word]
