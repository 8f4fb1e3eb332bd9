"""The safety rules on their own (no model): each situation with look-alikes that are not it.

Written from the training split's cross-validation misses (``bench/tune_model.py --errors``)
and from our own variations of them; the held-out split was not read.
"""

from __future__ import annotations

import pytest

from bot.config.understanding import default_taxonomy
from bot.understand import safety
from bot.understand.lexicon import lexicon_for
from bot.understand.normalise import normalise


def urgent(text: str) -> bool:
    norm = normalise(text)
    scan = lexicon_for(default_taxonomy()).scan
    return safety.urgent(norm, scan(norm), scan=scan)


def sensitive(text: str) -> bool:
    return safety.sensitive(normalise(text))


@pytest.mark.parametrize(
    "text",
    [
        # a person in a stuck lift, however said
        "梯停咗，我喺入面出唔到，快啲搵人",
        "电梯门开了但是电梯停在楼层中间 我不敢爬出去",
        "梯子卡在半空了 按警铃没反应",
        "3号楼电梯停在两层中间，我妈按了警铃没人应",
        # gas, wires, burst pipes, fire
        "燃气管道那里有嘶嘶声，味道很冲",
        "樓道裡好濃的瓦斯味，大家先不要開燈",
        "那个……楼道里有煤气味，挺重的",
        "充电桩那有根电线被压破了，铜丝露在外面，地上都是水",
        "楼下水里有电！那边有根线泡在水里",
        "我家插座刚才炸了一下，墙里面还在噼啪响",
        "厨房下面的管子嘣的一声就爆了，水到处都是",
        "2单元一楼水管喷水，水都流进电梯井了",
        "楼上一直往下漏大水，电线那块也在滴",
        "燃起来了！是楼下的杂物间",
        "我们那层走廊全是黑烟，门都不敢开",
        "对面那户的厨房窗户里全是火",
        "走廊的烟雾报警器一直响，而且确实有烟，不是误报",
        # falls, collapse, someone not seen for days
        "中心花园有个阿姨突然倒地了，嘴唇发紫",
        "楼下那个大爷晕倒了 快来人啊",
        "保洁阿姨从梯子上掉下来了，好像伤得不轻",
        "对面楼那个大爷从阳台摔到雨棚上了，人在雨棚上不动",
        "我家孩子手被门夹了，血止不住",
        "我们这层有个独居老人两天没开门了，敲门没人应",
        "大风把树刮倒了，压在路上，底下好像有个人",
        # missing children
        "孩子放学没回家，平时四点半就到了，现在六点了",
        "急寻两个孩子，下午出去骑车到现在没回",
        "车库里找不到我女儿了！一转眼人就没了",
        "孩子跑丢了，穿红色雨靴",
        # violence, dogs, things about to fall
        "有个男人拿着斧头在单元门口乱砍，大家别出门",
        "隔壁单元有人拿菜刀在砍门",
        "对门那个男的在掐他老婆脖子",
        "楼下那只金毛突然发疯咬了个小孩，主人拉不住",
        "楼上窗户玻璃碎了一半挂着，快别在底下走",
        # self-harm under way
        "隔壁小伙子说他割腕了，他家门锁着",
        "我朋友说吃了一整瓶安眠药，他住5栋，我在外地",
        "我邻居发朋友圈说要告别这个世界了，敲门没人应",
        "樓上一直傳來打小孩的聲音，哭得很慘，已經半小時了",
        # second round
        "不是演习！！真的着火了！3号楼有明火",
        "9栋的窗户里有火光",
        "电梯夹人了！！腿被夹住了",
        "充电桩那边有根线皮破了在放电，啪啪的蓝光",
        "2单元的电表箱门坏了，电线裸在外面，小孩够得着",
        "窗户整扇在晃，玻璃快掉下来了，下面是小孩玩的地方",
        "有个老人坐在椅子上好久了，我过去叫他没反应，身上冰凉",
        "我妈失智，刚才自己开门出去了，现在楼里楼外都找不到",
        "地下车库的消防主管爆裂了，水像喷泉一样往外冒",
        "地下室污水涌进来了，水位到小腿了，里面还住着老人",
        "我家门口这股煤气味从早上就有，现在更重了，不知道是不是漏气",
    ],
)
def test_urgent_situations(text: str) -> None:
    assert urgent(text)


@pytest.mark.parametrize(
    "text",
    [
        # alarms and gas as things, drains that smell
        "家里燃气报警器哪个牌子好？",
        "有个闲置的燃气报警器，全新没拆，送给需要的邻居",
        "厨房下水道反味，一股臭鸡蛋味儿，是不是总管堵了",
        # not what it seemed, over, or elsewhere
        "冒烟了冒烟了——我说的是我家电饭锅，盖子没盖好",
        "煤气味是隔壁煮东西糊了，不是漏气，大家放心",
        "电梯门关的时候夹了我家孩子一下，没受伤",
        "刚才电梯里关着的小伙子出来了，维保十分钟就到了",
        "刷到隔壁市一个工厂着火的视频，烟老大了",
        "下午的火警铃是消防演练，不是真着火，大家别慌",
        "遇到电梯困人别扒门，按警铃等救援，这是常识",
        "假如电梯突然停了，记得按警铃，不要扒门",
        "上回楼下失火那事，保险赔了没",
        # figurative
        "这把火锅辣得我冒烟了",
        "这天气，热得我心里都冒火了",
        "热死了热死了，空调救命",
        "楼下的火锅店一开火整个屋子都是火锅味",
        # habits and past throwing, falling plaster
        "对面楼有人往下扔垃圾袋，现在天天臭",
        "前两天有人从楼上扔了个瓶子下来，没砸到人",
        "楼道墙皮一块一块往下掉，白灰落一地",
        # a lift with people in it is not a trapped lift
        "有人在电梯里让狗撒尿，一进去满是尿骚味",
        "电梯里的广告屏声音太大，能关小点吗",
        "哪家小朋友的水壶忘在电梯里了，快来认领",
        "电梯超载报警一直响，里面就两个人",
        # a dog bite told afterwards
        "狗咬了我家孩子那家人到现在也不露面",
        "谁在楼上往下倒烟灰缸？我家窗台全是烟灰",
        # second round
        "电梯里的广告屏太吵了，老人在里面都捂耳朵",
        "家里老人走失过一次，想请邻居们帮忙认一下脸",
        "楼道插座一插东西就冒火星，请维修（目前已断开，暂无危险）",
        "上个月电梯停在半层，老太太在里面被困了四十分钟（当时已救出）",
        "防火门被拆了，真起火烟会直接灌进楼梯间",
    ],
)
def test_look_alikes_are_not_urgent(text: str) -> None:
    assert not urgent(text)


@pytest.mark.parametrize(
    "text",
    [
        "楼道里有个男的在踹一个小女孩，孩子一直在躲",
        "隔壁孩子老被他后妈打，我亲眼看到过几次",
        "大家能不能过来一下，3单元有个女的被她男人拽着头发往楼道里拖",
        "隔壁一直有女人哭喊，砰砰的撞墙声",
        "楼上夫妻隔三岔五就打架，女的经常鼻青脸肿",
        "我家那位又动手了，我带着孩子跑出来了",
        "邻居阿姨跟我说她被儿子打了，不让她报警",
        "我同学在家经常被爸爸用皮带抽",
        "隔壁的小孩经常大冬天被关在门外，穿着单衣",
        "楼里那家又把孩子关在门外，光着脚哭了一晚上",
        "那孩子总是一个人在楼下捡吃的，家里好像没人管",
        "我最近每天晚上都在想怎么结束这一切",
        "我不想再醒过来了，攒了很多药",
        "我手臂上的伤是我自己划的，我控制不住",
        "对面阳台上有个人坐在栏杆外面，好像想跳",
        "刚才有个女孩在阳台外面站着，一只脚跨出去了",
        "他喝醉了在外面砸门，说要弄死我",
        "楼下一户人家，孩子身上经常有淤青，晚上常听到打骂声",
        "隔壁502男主人长期殴打妻子，女方不敢报警",
    ],
)
def test_sensitive_situations(text: str) -> None:
    assert sensitive(text)


@pytest.mark.parametrize(
    "text",
    [
        "小区的公共厕所又脏又臭，是不是没人管了",
        "停车位被占了，打电话给物业也没人管",
        "大狗夜里被关在阳台上，一直嚎",
        "我女儿被关电梯了，她才六岁，门不开",
        "邻居说我虐待他家猫，在楼道里吼",
        "两个孩子在楼下打架玩，家长笑着看",
    ],
)
def test_look_alikes_are_not_sensitive(text: str) -> None:
    assert not sensitive(text)
