"""Twelfth-session attack texts (the lead's, written before the rule change; the lead knows
the rules, so this is not a clean measure): a reminder, a laugh, an introduction, a video
call or a drill that has ended stands beside a real emergency here and now, and look-alikes
where the same cues make the message a notice, advice, a joke or something seen elsewhere.
See test_attack_cues12.py."""

from __future__ import annotations

URGENT = [
    # A reminder after (or before) the report: "大家注意安全" is how alerts end.
    "3楼着火了，大家注意安全，快下楼",
    "5栋楼道冒黑烟了！大家注意安全！",
    "2单元有煤气味，很重，大家注意安全别开灯",
    "注意安全！7号楼1单元起火了，烟很大",
    "我们这层电线在冒火花，大家注意安全，谁叫下电工",
    "楼上往下扔玻璃瓶，刚砸在我脚边，大家注意安全绕着走",
    "地库进水了，水已经到膝盖，车里好像还有人，大家注意安全",
    "温馨提醒：东门有个老人晕倒了，谁在附近去看看",
    "温馨提醒一下，6栋电梯困了人，物业电话打不通",
    "提醒大家，11楼有户人家阳台在冒烟，人好像不在家",
    "大家记住别坐2号梯，刚才卡在8楼了，里面还有个阿姨没出来",
    "各位邻居注意安全，楼下垃圾房烧起来了，火很大",
    # An introduction or a role.
    "我是宣传员小李，2单元电梯困了3个人，已经打了119",
    "我是社区做消防宣传的，现在路过9栋，闻到很重的燃气味，谁家的",
    "我是做安全培训的志愿者，刚进小区就看到3号楼顶在冒烟",
    # A laugh that belongs to the chat before, then the emergency.
    "哈哈哈刚才还在聊天 楼下冒黑烟了 快看看",
    "笑死我了这个视频，哎不对，我家厨房好大煤气味",
    # A video call or a drill as the time of the event, not the event.
    "刚跟我爸视频，他突然说不出话，手也抬不起来，他住4栋302，谁能去看一下",
    "和奶奶视频的时候她从椅子上摔下去了，一直没爬起来，她在6号楼201",
    "消防演练刚结束，1单元楼道又冒烟了，这次不是演练！",
    "演习结束以后车库真的着火了，大家快出来",
]

NOT_URGENT = [
    # Reminders and notices: danger words as advice.
    "温馨提醒：天干物燥，用火用电注意安全",
    "温馨提醒：冬季取暖谨防一氧化碳中毒，燃气热水器要通风",
    "注意安全，电动车不要推进电梯，不要在楼道充电",
    "大家注意安全，最近雨多，地下车库可能积水，车别停太低",
    "温馨提醒：发现有人被困电梯，请拨打轿厢内的救援电话",
    "大家记住，闻到煤气味不要开灯不要打电话",
    "节日期间注意安全，燃放烟花请到指定地点",
    # Laughs and jokes.
    "哈哈哈我老公做饭差点把厨房点了，还好我在",
    "笑死，我儿子说电梯是个会困人的大盒子",
    "哈哈哈 这天热得我快着火了",
    # Someone introducing a talk, a drill or a lesson.
    "我是社区消防宣传员，下周六在广场教大家用灭火器",
    "今天消防演练，9点警报会响，楼道会放烟雾，大家不要惊慌",
    "演练结束了，感谢大家配合，下次演练在春节前",
    # A video call or the news: somewhere else, or fine.
    "刚跟我妈视频，她说她们小区昨晚着火了，还好她没事",
    "和老家视频，说那边发大水了，我们这边还好",
    "刷到个视频，有个小区电梯困了人两个小时，太吓人了",
]

# Written after the rule change, in other phrasings.
URGENT_AFTER = [
    "12栋2单元着火了 烟很大 大家注意安全 赶紧下楼",
    "地下车库有辆电动车烧起来了，注意安全，别过去",
    "温馨提醒：4号楼楼顶有人站在边上，已经报警了，谁认识他",
    "注意安全啊 楼上正在往下扔花盆 刚砸碎一个",
    "我是小区消防宣传员王姐，3栋1楼那户门缝在冒烟，敲门没人应",
    "和我妈视频的时候她说头很晕，煤气热水器一直开着，她住8栋601，快去个人",
    "演练已经结束了，6楼现在真的有烟冒出来，大家快下来",
]
NOT_URGENT_AFTER = [
    "温馨提醒：雷雨天气注意安全，不要在树下躲雨",
    "大家注意安全，年底小偷多，出门记得锁门",
    "温馨提醒：如发现燃气泄漏，请立即拨打燃气公司电话",
    "我是社区宣传员，明天上午在物业门口讲防火知识，欢迎参加",
    "跟我姐视频，她那边台风把树刮倒了，好吓人",
    "演练结束，请各位业主有序回家，谢谢配合",
]

# Still wrong after the change (named in test_attack_cues12.py's docstring): the drill is read
# as the frame of a sentence with no break after it; advice on an event word with no clause of
# its own. Both right since the thirteenth session (clauses.without_attended,
# clauses.ADVICE_AFTER), tested in test_attack13.py.
STILL_MISSED = ["演练完回家发现8楼走廊全是烟，有人在喊"]
STILL_FALSE = ["提醒大家：油锅着火千万别泼水，要盖锅盖"]
