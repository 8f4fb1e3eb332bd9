"""The lead's fifteenth-session attack, written after reading the rules' misses on a second
Cantonese training file (so NOT a clean measure), in phrasings of the lead's own.
"""

URGENT = [
    # Cantonese 好似 is "seems", not a simile; 单位 is a flat, not a workplace.
    "3座好似有嘢着火，啲烟由窗口冒出嚟",
    "对面楼7楼有个单位冒紧黑烟，有冇人识佢哋",
    "B座嗰个单位煤气味好劲，行过都头晕",
    # Cantonese forms of the known emergencies.
    "我阿仔放咗学冇返屋企，电话又打唔通，有冇家长见过佢",
    "地下停车场水浸到膝头，有个伯伯困咗喺车入面",
    "池边有个细路跌咗落水，佢阿嫲唔识游水",
    "楼下花园有个阿婆倒咗喺地，叫佢都唔应",
    "有个醉酒佬喺大堂追住人打，快啲报警",
    # A collapse with a doctor called for; a child gone told as a notice; out since last night.
    "篮球场有个后生仔突然瘫咗，有冇医生喺附近",
    "小区门口有个大叔突然倒下了，有没有医生啊",
    "滑梯那边不见了个男孩，六岁，穿蓝色外套",
    "有冇人见到个细路女，着红色裙，佢妈妈喺度喊住周围揾",
    "6栋王伯伯由琴晚出咗去就冇返过，屋企人揾紧",
    # A corridor full of smoke.
    "15楼走廊全部都系白烟，咩都睇唔到",
]

NOT_URGENT = [
    # The all-clear and the past, in Cantonese.
    "头先火警钟系有人撞亲，唔系真火，唔使落楼",
    "琴晚嗰阵煤气味原来系隔篱煲汤滚泻熄咗火，已经搞掂",
    "部𨋢个显示屏又乱跳楼层，灯又闪",
    "成日有人由楼上掟烟头落嚟，我晾嘅衫都烧咗个窿",
    # A workplace is still elsewhere; a lift dropping floors is not a person falling.
    "我单位昨天着火了，还好没人受伤",
    "股票今日又跌咗几百点，真系顶唔顺",
    # Simile and a collapse onto a sofa.
    "佢发起脾气嚟好似一团火咁",
    "返到屋企成个人突然瘫咗喺梳化度，攰到爆",
]

SENSITIVE = [
    "我真系撑唔落去喇，今晚想由屋企跳落去",
]

# From a south-western training file's misses and false alarms, in the lead's words.
URGENT_SOUTHWEST = [
    "我嗲嗲上午出门去菜市场，到现在还没回来，八十多岁了",
    "有冇人见到个五岁的男仔？喺滑梯度玩着玩着就唔见咗",
]
NOT_URGENT_SOUTHWEST = [
    "车又把消防通道堵死了，真着火了消防车都进不来",
    "背单词背得我脑壳冒烟",
    "垃圾站臭得整个单元都要晕过去了",
    "楼道里飞线充电，哪天起火了谁负责",
    "六楼没电梯，我妈每次爬上来都爬得喘不过气",
]

# From a training file of emergencies told by their signs, in the lead's words.
URGENT_SIGNS = [
    "单元门口有个马蜂窝，刚才蛰了两个小孩，一个脸都肿起来了",
    "小区里跑进来一头野猪，就在幼儿园门口",
    "谁家的狗把我家老人咬了，咬着裤腿不松口",
    "楼下有个人提着一桶汽油，说要点火烧了物业",
    "18楼外墙的马赛克一片一片往下掉，下面就是人行道",
    "自行车棚被雪压塌了，刚才有个人在里面，没看到他出来",
    "走廊那个插座面板烧化了，还在噼啪响",
]
NOT_URGENT_SIGNS = [
    "楼下冒烟是李阿姨在生煤炉子，天天这个点",
    "电梯间的燃气味查过了，是饭店排气管的，已经修好",
    "楼顶的火光是有人在拍照打闪光灯",
    "那个走失的老人已经被民警送回家了",
    "小区那只猴子以前抓伤过人，大家离它远点",
]

# From a training file of long chat, in the lead's words: stories, tips and general questions
# are not happening now; the emergency at the end of a chatty message is.
NOT_URGENT_STORIES = [
    "说个笑话，我爸昨天闻到煤气味，全家找了半天，原来是他自己刚剥的大蒜",
    "分享个知识：电动车起火多半是改装电池，充电别过夜，大家注意",
    "有个问题一直想问，如果出差一个月，水管爆了楼下被淹，保险管不管？",
    "昨天在商场看到一件事，一个小孩被困在电梯里，保安十分钟就救出来了",
    "今天去我姐家玩，她们小区有人高空扔酒瓶，差点砸到人，后来查到了",
    "今天真是堵到心梗，环路一个小时挪了五公里",
]
URGENT_AT_THE_END = [
    "下午跟几个邻居聊孩子考上大学的事，聊着聊着听到3号楼电梯里有人拍门，说困了快二十分钟了",
    "车库那个充电桩在冒火花，噼里啪啦的，谁赶紧把电闸拉了",
]

# From by-file CV misses and two more training files, in the lead's words.
URGENT_MORE = [
    "我在深圳上班，我妈住4栋，从昨天到现在电话都没接，谁能帮我去敲下门",
    "楼下那个独居的爷爷两天没开门了，门口的报纸都没拿",
    "爷爷烧煤取暖，早上起来吐了两回，说头晕",
    "对面楼有个人坐在阳台栏杆上好久了，好像喝醉了",
    "小区门口的电线被大风刮断了，垂在路边，还在噼啪冒火花",
]
NOT_URGENT_MORE = [
    "高空抛物是违法行为，请大家看管好阳台物品",
    "看小品笑到漏气",
    "刚才那股焦味是楼下烧烤摊的，已经问过了",
    "【冬季用电小贴士】电热毯不要折叠，发现冒烟立即断电",
    "上周那场火跟我们小区没关系，是外面饭馆的",
]

# By-file CV misses of the training split, in the lead's words: a reassurance that opens the
# message, a parent's unanswered messages, the estate's staff hurt, a child locked in a car.
URGENT_CV = [
    "应该没啥事哈，不过5楼的刘奶奶今天一直没开门，平时早上都下楼的",
    "没事没事大家别慌…就是我爷爷在厕所摔了一下起不来了，3栋401",
    "我在国外，我爸妈两天没回我消息了，住6号楼，能不能请邻居去看看",
    "车库顶上掉下来一块水泥，保洁被砸了",
    "搬家的师傅被楼梯上滑下来的冰箱压住了",
    "停车场那辆白车里锁了个小孩，一直在哭",
]

# From a training file of northern voices phrased the hard way, in the lead's words.
URGENT_NORTH = [
    "刮大风烟囱倒烟 屋里呛人 俺娃脸都白了说头疼",
    "敲俺娘的门没人开 电话在屋里响",
    "快下楼 2单元楼梯间着了",
    "俺家老人灶上的火灭了 气还在跑 俺不在家",
    "楼上的空调外机斜挂着直晃 底下就是小区门口",
    "俩人抡着铁锹在停车场干仗呢",
    "俺们楼道里有条蛇 盘在二楼拐角",
    "老汉坐在长椅上一动不动好久了 身上都是雪",
]
NOT_URGENT_NORTH = [
    "夜儿个那个插座冒火花 电工来换了 现在好了",
    "那个晕倒的大姐是低血糖 吃了块糖就好了",
    "楼顶不是起火 是装修切割 是灰不是烟",
    "被这周的报表困住了，出不来了，救命",
    "这肉炖得香得俺都快晕过去了",
    "那股煤气味是燃气公司放散 提前通知过",
]
