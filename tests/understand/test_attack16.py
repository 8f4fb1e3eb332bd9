"""Sixteenth-session families, in the lead's own phrasings (not the training files' lines):
someone living alone whose routine broke (bot.understand.routine), emergencies told by their
signs (bot.understand.signs), a home broken into now, and a long message that turns to now
after a story or a drill (safety._urgent_from_now_on). Each urgent text has a look-alike that
is not: the same signs explained, over, a vehicle rather than a home, advice."""

from __future__ import annotations

import pytest

from bot.config.understanding import default_taxonomy
from bot.understand import understand
from tests.understand.rules_only import rules_urgent

URGENT = [
    # A routine broken, with a worry or a door unanswered (FORMAT.md convention).
    "三楼的刘奶奶平时天天七点去买早点，今天到现在都没出来，敲门也没动静",
    "隔壁老周每天傍晚都在院里拉二胡，这两天一点声音都没有，他一个人住的",
    "对门的孙阿姨已经三天没开过门了，门把手上挂的菜都蔫了，要不要报警",
    "楼上那个老爷子两天没见了，平时天天坐门口，有人有他女儿电话吗",
    "对门的老姐妹门口的牛奶从周二到现在都没拿，她一个人住，血压还高",
    "那家的灯好几天没关了，白天晚上都亮着，报纸也没拿",
    "我外婆每天早上都给我发语音，今天没发，我打过去也没人接，谁能帮我去看看她",
    "我舅舅一个人住在7号楼，有糖尿病，打了一上午电话都没人接",
    "楼下独居的钱伯今早没出来遛鸟，电话也没人接",
    "楼上的猫叫了一整夜，平时不这样，主人是个一个人住的老太太",
    "顶楼那户门口一股臭味，住的是个独居老头，也好几天没见到他了",
    "我听到楼上咚的一声，然后有人在哼哼，现在又没动静了",
    "隔壁卫生间里扑通一声，之后一直没人应",
    "邻居在卫生间待了一个多小时还没出来，叫了也不应",
    # Someone alone with one sign of being down or two of silence; a span of silence.
    "我姥姥独居，两天联系不上了，我人在外地",
    "楼下王伯一个人住，我刚才听见他在屋里喊疼，敲门也不开",
    "隔壁那个老太太一个人住，屋里电视一直开着，敲门没人应",
    "社区志愿者报告：8号楼独居老人连续三天未领取送餐，电话无人接听",
    "我爷爷一个人住，他家的灯亮了一整夜，门口的奶也没拿",
    "昨晚我听见楼上哐的一声，今天敲门一直没人开",
    "楼下老赵头的报纸从周三堆到今天了，谁有他儿子电话",
    "我妈一个人在老小区住，两天没回我消息了，她有心脏病",
    # Signs of emergencies.
    "3号楼电梯停在9楼不动了，我听见里面有人在拍门",
    "车库顶上的水哗哗往下流，越来越大，下面就是配电箱",
    "楼上卫生间的水像瀑布一样往下灌，已经流进我家客厅了",
    "窗外吹进来好多黑灰，一股烧东西的味道，呛得很",
    "小区北面一阵黑烟往上冒，不知道哪里着了",
    "草坪上躺着一个人，喊了两声没反应",
    "我妈刚才电话里说头晕得厉害看不清东西，我在外地赶不回去",
    "我朋友刚给我发了一条‘救救我’，之后就联系不上了，她住12栋",
    "有个老大爷在南门坐了一下午，问他住哪也说不清",
    "我家老人出门买菜平时半小时就回来了，现在两个小时了，他记性不好",
    "请大家帮忙找一下我儿子，六岁，穿蓝色外套",
    "有个陌生男的正在撬3楼的门，我在对面楼看着",
    "有个人顺着防盗网往上爬，已经爬到二楼了，要往人家里翻",
    "楼下两个人吵起来了，一个掏出一把刀在那比划，旁边都是小孩",
    "爸爸洗澡的时候说头晕想吐，现在站都站不稳",
    "7号楼有个人坐在窗台上，脚都伸到外面了",
    "我家老三刚在楼下玩，一眨眼就不见了，才三岁",
    "我妈还困在电梯里，已经二十分钟了",
    "二单元楼顶有一缕黑烟，谁上去看看",
    "楼下好像有人一直在喊“来人啊”，声音很弱",
    "我爸说一开热水器就有点晕",
    # A story opening with a place of ours named by its number is no story (the lead's attack).
    "我在医院上班，刚下班回来发现3号楼楼道着火了",
    "网上看到说电梯困人要拍门，我现在就被困在2号楼电梯里了",
    # A long message that turns to now after a drill or a story.
    "我们小区每年都搞消防演练，物业还发过灭火器，大家都挺有经验的，我也拍过视频。"
    "刚才我下楼看到5号楼一楼的窗户里冒出黑烟，还有火苗",
]

NOT_URGENT = [
    # The same signs explained, over, or asked as a favour.
    "三楼的刘奶奶平时天天七点去买早点，今天没去，我问了，她去女儿家了",
    "隔壁老周这两天没声音，原来是回老家过节了",
    "对门阿姨好几天没见，刚在菜市场碰到她了，说是去外地看孙子",
    "楼上的猫叫了一整夜，主人说是发情了，不好意思",
    "刚才楼上咚的一声，原来是孩子从床上跳下来，没事",
    "有没有人每天早上帮我看看我妈有没有下楼买菜？我在外地上班",
    "我外婆说她今天手机没电了，所以没回我消息",
    "电梯里面有个纸箱，谁家的快递，放了一上午了",
    "社区给独居老人装了门磁，24小时不开门就会自动通知家属",
    "以后遇到独居老人联系不上的情况，可以直接打社区值班电话",
    "我一个人在家发烧起不来，谁能帮我买点退烧药",
    "物业说上门维修要预约，电话打了三天都没人接，老人家暖气还是不热",
    "我爸两天没回我消息，原来是手机丢了",
    "王奶奶一个人住，好几天没下楼，刚才我在菜市场碰到她了，挺好的",
    "我家猫坐在窗台上晒太阳",
    "阳台有点油烟，是楼下饭店的",
    "窗户那边冒烟是隔壁在烧烤，没事",
    "一眨眼就周末了，谁约羽毛球",
    # The lead's attack on the families of silence: a pet or a worker unseen.
    "我奶奶家的猫三天没出门了",
    "这两天没见着快递员，老人家的快递都堆着",
    "網上看到台灣那邊有一棟大樓半夜火災，好多住戶被困在頂樓",
    # Theft of a car or a bike is not urgent (FORMAT.md convention), nor a past break-in.
    "有人在撬车棚里的电动车，保安快去看看",
    "楼下有个人在撬车窗，已经撬了好几辆",
    "有人撬锁没撬开，大家出门记得反锁",
    "7栋前天进贼了，门锁被撬，大家注意",
    # Advice, a past shower, a drill.
    "洗澡的时候热水器要开窗通风，不然容易头晕",
    "我有次洗澡晕倒过，后来查出来是低血糖",
    "我们小区每年都搞消防演练，物业还发过灭火器。刚才又发通知说下周还要演练",
]


@pytest.mark.parametrize("text", URGENT)
def test_urgent_by_the_rules(text: str) -> None:
    assert rules_urgent(text)


@pytest.mark.parametrize("text", NOT_URGENT)
def test_look_alikes_are_not_urgent_by_the_rules(text: str) -> None:
    assert not rules_urgent(text)


def test_the_convention_of_someone_alone_unseen_for_days() -> None:
    # Once a look-alike in tests/understand/attack12_texts.py; urgent by the convention added
    # to FORMAT.md in the sixteenth session.
    assert rules_urgent("对门王大爷一个人过，这两天没见他出门，谁有他家里人电话")


@pytest.mark.parametrize(
    "text",
    [
        "我妈一个人在家，电话打不通，估计又在打麻将",
        "我爸一个人住，这两天没回我消息，他说手机坏了",
    ],
)
def test_the_model_adds_no_urgency_to_a_silence_explained(text: str) -> None:
    # The lead's attack: the model, which learnt many silences of people living alone, called
    # these urgent; a reason for the silence now vetoes it (safety.model_may_add).
    assert not rules_urgent(text)
    assert not understand(text, default_taxonomy()).urgent
