"""Attack texts on the ``sensitive`` flag (sens11), written before reading any sensitivity
rule: see test_attack_sens11.py. Forms earlier attacks did not cover: dialect (Cantonese,
Hakka, Minnan, Wu, Sichuan, north-eastern), Traditional script, voice-input slips, a neighbour
hearing it through the wall, the child writing, an old person about a grown son, a daughter-in-
law or a carer, coercion and threats, someone locked in, someone starved, economic control, a
teenager's hints of self-harm, a farewell said indirectly, English and pinyin. The look-alikes
come in the same forms: jokes and hyperbole, TV dramas and games, the news, a parent scolding
normally, pets, a past case retold as over, advice to others, a child hurt by accident,
moving away, sales."""

from __future__ import annotations

SENSITIVE = [
    # Cantonese
    "隔篱屋个男人又打老婆，成晚听到个女人喊救命",
    "楼上嗰家成日打细路，啲细路喊到好惨",
    "我真系唔想活落去啦，好攰，冇人理我",
    "佢老公一饮醉酒就郁手打佢，成身都系瘀",
    "阿婆话佢个仔唔俾饭佢食，饿咗两日",
    "隔离屋嗰个细路成日俾佢阿妈用衣架打，手臂一条条红印",
    "佢话再报警就斩死我，我而家唔敢返屋企",
    # Hakka
    "𠊎屋下个孻子又打𠊎，𠊎七十几岁了唔知去哪",
    "隔壁个细妹仔分佢爸打到噭到半夜",
    "佢老公又打佢咯，面都肿了",
    "𠊎唔想活了，活等冇意思",
    # Minnan
    "阮翁閣咧拍我，我毋敢轉去厝",
    "隔壁彼个查某人予伊翁拍甲哀哀叫",
    "阿嬤講in後生攏無予伊食飯",
    "我無想欲活矣，逐工攏足艱苦",
    # Wu
    "阿拉隔壁男人又勒打老婆了，哭得来吓人",
    "伊拉屋里厢小囡天天被伊爷打，身浪向青一块紫一块",
    "老太太讲伊儿子勿拨伊饭吃，还要骂伊老不死",
    "我勿想活了，活勒辣有啥意思",
    # Sichuan
    "隔壁那个男的又在打婆娘，打得哇哇叫",
    "楼上那家天天打娃儿，娃儿遭打得哭都哭不出来了",
    "老子真的不想活了，活起没得意思",
    "我妈遭她儿子锁在屋头不准出来，饭都不给吃",
    # north-eastern
    "隔壁那老爷们儿又削他媳妇儿了，嗷嗷叫唤",
    "楼上那娘们儿天天搁家削孩子，孩子嗷嗷哭",
    "我是真不想活了，活着贼没劲",
    "那老太太让她儿媳妇整的，饭都不给吃，还推搡她",
    # Traditional script
    "隔壁老公又在打老婆，女的一直哭喊救命",
    "我爸爸喝醉就打我媽媽，我好怕",
    "我不想活了，想從頂樓跳下去",
    "樓上小孩天天被打，身上都是傷",
    # voice-input slips
    "楼上好像在家包，女的一直哭喊",
    "我老公又动手大我了，脸都肿了",
    "隔壁孩子被打的好残，哭了一晚上",
    "她说她想自刹，我好担心",
    "孩子身上全是清一块紫一块的，问他也不说",
    "我真的不想或了，太累了",
    # a neighbour through the wall
    "隔着墙听见对门男的在吼再跑就打断你的腿，女的一直求饶",
    "半夜听到楼下砰砰的声音，女的喊别打了别打了，连着好几晚了",
    "墙那边小孩哭着喊妈妈我错了别打了，已经哭了半小时",
    "每天晚上都能听到隔壁摔东西和女人的惨叫，不知道该不该管",
    "隔壁那家男的又在骂又在打，砰的一声像是撞墙了，女的在哭",
    # the child writing
    "我爸爸喝了酒就打我和妈妈，我好害怕",
    "我妈把我关在厕所里不给吃饭，我好饿",
    "我不想上学了也不想活了，没人喜欢我",
    "叔叔阿姨，我后妈用烟头烫我",
    "我是6楼的小朋友，爸爸在打妈妈，我该怎么办",
    "我叔叔总让我摸他，还说不许告诉别人",
    # an old person about a son, a daughter-in-law or a carer
    "我儿子把我的退休金卡拿走了，还不给我饭吃",
    "保姆趁我女儿不在就掐我，胳膊都紫了",
    "儿媳妇嫌我老不死，推我，我摔了一跤",
    "护工晚上把我绑在床上，说我乱动",
    "我儿子喝醉了就骂我打我，我七十多了没地方去",
    "我家老头子被保姆扇耳光，监控里看到的",
    # coercion and threats
    "他说我要是敢离婚就杀了我全家",
    "老公拿刀威胁我，说敢报警就弄死我",
    "前夫天天堵在楼下，说不复合就泼我硫酸",
    "他把我手机砸了，不让我跟任何人联系，也不让我出门",
    "他掐着我脖子说下次就没这么简单了",
    # locking in, starving
    "隔壁把老人锁在屋里好几天了，一直听到在拍门喊",
    "他把我反锁在家里，不让我出门，我该找谁",
    "楼下那家把孩子锁在阳台上，大冬天的一直在哭",
    "那家的孩子瘦得皮包骨，经常来我家要吃的，说家里不给饭吃",
    "老人跟我说她儿子两天没给她饭吃了",
    # a teenager's hints of self-harm
    "最近又开始划手臂了，只有疼的时候才觉得自己活着",
    "手腕上的伤被我妈看到了，可我就是控制不住",
    "想从天台上下去，一了百了",
    "活着好累，想睡过去就别再醒了",
    "我把攒的药都放在抽屉里了，等考完试就不用再考了",
    "要是我消失了，应该也没人会在意吧",
    # a farewell said indirectly
    "谢谢大家这几年的照顾，以后见不到了，我的猫麻烦哪位好心人收养",
    "我走了以后，钥匙在门垫下面，请帮我告诉我妈对不起",
    "这是我最后一次在群里说话了，大家保重，不用找我",
    "跟大家说声再见，我已经想好了，不会再麻烦任何人了",
    # economic control
    "我老公把我工资卡收走了，一分钱不给我，买菜都要求他，不给就打",
    "我儿子把我存折拿走了，一分钱都不给我，还不让我出门",
    # English and pinyin
    "my husband hits me, please help, don't post this",
    "the kid upstairs gets beaten every night, I can hear him screaming",
    "I want to kill myself, I can't do this anymore",
    "wo bu xiang huo le, tai lei le",
    "gebi jiabao le, nv de yizhi zai ku",
    "I'm scared to go home, he said he would hurt me if I leave",
    "my son took my pension and locks me in the flat",
    "住我楼上的小孩被他爸 beat 得很惨，每天晚上都 crying",
]

NOT_SENSITIVE = [
    # jokes and hyperbole
    "气死我了，快递又被人拿错了",
    "我想死在床上，今天累得不想动",
    "笑死我了哈哈哈，谁家狗在电梯里唱歌",
    "热死了，电梯里空调又坏了",
    "累死了，电梯停了爬了18楼",
    "饿死了，谁家外卖到了快来拿",
    "考试考砸了，我妈会杀了我的哈哈",
    "这个价格简直是自杀式降价，快抢",
    "跳楼价甩卖，全场五折，就在东门",
    # dialect jokes and ordinary talk
    "笑死我啦，今日个电梯又唔郁",
    "攰到想死，返工返到十点",
    "今晚打边炉，边个一齐",
    "我阿妈又闹我唔做功课，好烦",
    "安逸惨了，今天楼下火锅店开张",
    "整死我了，这水管修了三回还漏",
    "哎呀妈呀，冻死个人了，暖气咋还不热",
    "阿拉今朝去打麻将，夜里厢晚点回来",
    "𠊎今晡日好忙，食饭都冇时间",
    # TV dramas, films, games
    "昨晚那个电视剧里男主打老婆，看得我好气",
    "《不要和陌生人说话》里那个家暴男太吓人了",
    "这把又被对面杀了，不想活了哈哈",
    "王者荣耀被虐惨了，队友全在送",
    "吃鸡被人一枪打死了，气得我",
    "《隐秘的角落》里那个孩子推人下山，太可怕了",
    # the news
    "新闻说外地有个孩子被虐待，太可怜了",
    "看到新闻说外省有人跳楼，唉，大家都要好好的",
    "新闻里那个虐待老人的保姆被抓了，大快人心",
    # a parent scolding normally
    "我家孩子作业又没写完，被我骂了一顿",
    "儿子不听话，罚他今天不准看电视",
    "我家小子皮得很，今天又被他爸说了几句",
    "孩子不能打，要好好讲道理",
    # pets
    "我家猫把自己挠出血了，附近有宠物医院吗",
    "小猫饿坏了，一直在门口叫",
    "楼下那只狗被锁在阳台上叫了一天，吵死了",
    # a past case retold as over
    "以前隔壁老打老婆，后来离婚搬走了，现在清净了",
    "去年那个想不开的小伙子现在好多了，上班了",
    "我小时候也挨过打，那时候都这样，现在不兴了",
    # advice to others
    "如果遇到家暴，记得打110，妇联也能帮忙",
    "社区下周有反家暴讲座，欢迎大家参加",
    "心理援助热线是12356，大家转发一下",
    "家里有老人的注意防诈骗，别让人把存折骗走了",
    # a child or an old person hurt by accident, someone locked out
    "孩子摔了一跤膝盖破了，谁家有碘伏",
    "孩子打针哭得好厉害，打完就好了",
    "我家老人在楼道摔倒了，麻烦物业把灯修一下",
    "切菜把手划了个口子，谁家有创可贴",
    "我把自己锁在门外了，谁有开锁电话",
    "孩子被关在电梯里了，快来人",
    "隔壁小孩哭了一晚上，估计是在长牙",
    # moving away, leaving the group
    "我们家下周搬走了，谢谢大家这几年的照顾，再见啦",
    "退群了，换了新工作，大家保重",
    "我要出国读书了，以后不能常见了，舍不得大家",
    # money at home, threats about services
    "我家工资都是老婆管，我每月就拿点零花钱哈哈",
    "再不修电梯我就去投诉，说到做到",
    "物业再不管楼下烧烤，我们就报警了",
    "减肥饿了三天了，看到烧烤走不动",
    # English and pinyin
    "I'm dying to know who won the raffle",
    "this heat is killing me, when is the aircon fixed",
    "xiao si wo le, dianti you huai le",
    "kill the corridor lights after 11 please, too bright",
    # quarrels and noise
    "楼上两口子半夜吵架，嗓门太大了，吵得我睡不着",
    "隔壁装修砸墙，砰砰砰一上午",
    "周末带孩子去玩了跳楼机，吓死了",
]
