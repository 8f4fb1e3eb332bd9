"""The lead's thirteenth-session attack: Minnan, Teochew and Hakka emergencies and
Mandarin floods, falls and things coming down, written after reading the misses of a
southern training file (so NOT a clean measure), in phrasings of the lead's own.
"""

from tests.understand.attack_cues12_texts import STILL_FALSE, STILL_MISSED

URGENT = [
    # Minnan: going on now (咧), passive (予), no answer (无人应), days (工), not back (无转来)
    "7楼有一台机车咧烧，火足大，恁紧落来！",
    "阮隔壁阿婆两工无开门，敲门无人应，电话嘛无接，惊伊跋倒",
    "阮阿公透早出去到这马犹未转来，伊有老人痴呆，有人看着无",
    "阮孙仔佇中心花园耍，一下仔就无看见，四岁，穿红衫",
    "有人对阳台擲酒矸落来，拄好落佇囝仔身边",
    "楼梯跤有一个阿婆倒佇遐，叫伊无反应",
    "风台吹甲招牌咧摇，已经有铁片落落来，下底的人紧闪",
    "水已经入到房间矣，阿公猶佇床顶，谁会来帮忙抱伊出来",
    "隔壁在出烟，门锁着，里面冇人应，紧来人啊",
    "对门的阿伯规礼拜拢无看着，敲门无人应，门缝有臭味",
    "厨房锅仔烧甲乌烟直冒，烟感器一直叫",
    # Hakka: not home (冇归屋下)
    "涯个细人仔放学到今冇归屋下，电话打唔通",
    # Mandarin: floods rising with people at risk, a fall, a laugh beside a plea,
    # things still coming down, the unseen neighbour since yesterday
    "河水涨上来了，已经淹到小区路上，一楼的老人要赶紧上楼，水还在涨",
    "水一直从单元门往里灌进来，已经淹到一楼门槛，我奶奶行动不方便，快来人帮忙背她上楼",
    "我爸在卫生间滑倒了叫不起来，我在外地，谁能先去看看",
    "我被困电梯里了哈哈哈 挺好玩的 不过能不能帮我叫下物业",
    "大风把楼顶的水箱吹翻了，砖块一直掉下来，楼下的人千万别过去",
    "楼下王阿姨从昨天起就没回应，屋里灯一直亮着，我有点怕",
    "楼顶有人一直往下面扔花盆，刚才一个碎在车边",
    "3栋门口那棵树快要断下来了，下面的人快躲开",
    # Last session's leftovers: a drill over with no break after it, a laugh beside a plea
    "演练完回家发现8楼走廊全是烟",
    "消防演习刚完我下楼就看见车棚冒黑烟了",
    "笑死 我被关电梯里了 有没有人帮我喊下保安",
    # Advice words after an alert that names our place stay an alert
    "楼道里着火千万别坐电梯快跑",
    "走廊着火千万别开门",
    "3楼着火了千万别坐电梯",
    # A denial that corrects to another danger
    "刚才说错了 不是着火，是楼上那个男的在打老婆，一直在喊救命",
]

NOT_URGENT = [
    # The guards: Mandarin words that look like the Minnan ones
    "赶紧来领快递啊，今天最后一天",
    "规定说电动车不能进楼道，大家配合一下",
    "钱已经转来了，谢谢大家的捐款",
    "物业把乱七八糟的群搞得乌烟瘴气",
    "下午三工区停水，请提前储水",
    "给予表扬的名单已经公布",
    "大家靠拢一点拍合照",
    "这个瓜真的摇摇欲坠了哈哈",
    "切菜的时候割手了，贴个创可贴就好",
    "我眼泪一直掉下来，这电视剧太好哭了",
    "楼下的树一直落叶下来，扫都扫不完",
    "今天插座冒电火花了，物业来换好了，现在没事",
    # Over, or out of reach (Minnan)
    "拄才彼个烟是楼跤咧烧金纸啦，无代志",
    "配电箱门掉了线露着，不过很高，小孩够不着，找人装一下",
    "暗时有人佇停车场撬车门，监视器拍着了，大家注意",
    # Water with nobody at risk, prices going up
    "水费还在涨，真的受不了",
    "车库进水了，已经没过脚踝，车都开出去了",
    "昨天一楼进水了，今天水退了，大家放心",
    # Advice right after the word, with no break: "油锅着火千万别泼水"
    "提醒大家：油锅着火千万别泼水",
    "记住啊，燃气泄漏千万不要开灯",
    "哈哈哈 电梯困人的时候一定要按警铃 视频里说的",
    # The model may not add urgency to a denial, a screen or a call saying one has arrived
    "那股煤气味是楼下炖肉糊锅了，不是漏气",
    "我儿子关在房间里打游戏，叫他吃饭都不出来",
    "我妈在电梯里跟我讲她已经到楼下了",
]

URGENT += STILL_MISSED
NOT_URGENT += STILL_FALSE
