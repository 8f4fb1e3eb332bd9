"""Whether the clause around a danger word means it now, here and for real.

A word of danger is not urgent when its clause imagines it, denies it, puts it in the past,
tells it as hearsay, a dream, a drill or a simile ("万一着火", "没有烟", "昨天那个摔倒的大爷",
"新闻说…", "像火苗"), when what follows makes it a reference to an event ("水管爆的那户"), or
when the message says the danger is over ("虚惊一场") or elsewhere ("视频", "演练").
"""

from __future__ import annotations

import re

from bot.understand.patterns import first_chars, rule

# The danger in the message is over, or was a false alarm.
OVER = rule(
    # Lead, twenty-third session (training files of emergencies to people and their
    # look-alikes): sorry for the alarm, it will clear, a rescue that came, nothing wrong now.
    r"(?:不好意思|抱歉)惊动(?:了)?大家|惊动大家了|(?:他们|师傅)说(?:一会儿?|马上)就散了|后来(?:被)?(?:消防员?|保安|物业)?(?:来)?救(?:出来)?的|"
    r"现在啥事没有|现在什么事都没有|发错群了(?![^。]{0,3}?但)|后来自己(?:开了|出来了|好了)|已经叫停了?|没事体|"
    r"幸(?:亏|好)[^，。]{0,8}?(?:截住|拦住|取出来|接住|拉住|抓住|盖上了)|一把(?:接住|拉住|抓住)|"
    r"虚惊一场|没事了|误会一场|(?<!不是)误报|已经(?:扑)?灭了|扑灭了|救出来了|已经找到|找到了|找着了|找回来了|"
    r"人都出来了|(?<!火苗)(?<!火)(?<!烟)已经出来(?:了|啦)|(?<!是)不是真的|(?<!是)不是着火(?![^，。]{0,2}就是)(?![，,\s]*是)|缓过来了|自己爬起来|自己换好了|搞清楚了|"
    r"(?:还好|幸好|好在)没(?:骨折|受伤|伤着|砸到|砸着|着|烧起来)|没什么事(?!就是)|没啥事(?!就是)|(?<=[，,。])没(?:啥|什么)大事|修好了|修好后|被制止|已经制止|(?:120|救护车)接走了|"
    r"(?<!是)不是(?:打架|打人)|(?<=[，。\s])好好的(?=$|[，。!！])|结果都是|我知道[^。]{0,3}?是|没味了|没人困住|没人被困|没受伤|没伤着|原来是|其实是|我说的是|"
    r"(?<!是)不是(?:漏气|煤气|燃气|天然气|真)(?![，,\s]*是)|别误会|解决了|已(?:经)?解决|已救出|已经救出|暂无危险|已断开|已经断开|(?:小伙子|孩子|老人|人)(?:都|已经|也)?出来了|"
    r"(?:人|都)[^，。]{0,6}?就出来了|(?<![人好])没事(?=$|[，。!！~啦喇哈啊呀哦])|谣言|别紧张|不用紧张|大家放心|别担心|不用担心|放出来了|找回了|"
    r"(?:关了|关上了)(?:总)?阀(?:门)?(?![^，。]{0,4}?(?:还是|还|仍然|依然))|关阀了|扫干净了|处理好了|浇灭|踩灭|弄灭|盖灭|(?<!是)不是(?:咱们|我们)楼|没有着火|没着火|以为真|"
    r"说没问题|好多了|出院了|原来去了|(?:拉|抱|拽)(?:了)?(?:回来|下来|进来)了(?=$|[。!！])|原来(?!是)[^，。]{0,4}?(?:戴着|睡着|在听|在看|出去了|不在家)|原来[^，。]{0,3}?(?:去|在)(?:了)?[^，。]{0,4}?(?:公园|外面|医院|亲戚家|女儿家|儿子家|朋友家|老家|超市|菜场)|自己又好了|自己好了|门自己开了|烧完了|还好[^，。]{0,6}?就出来了|"
    r"(?:^|[，。!！\s])灭了|(?:让|叫)[^，。]{0,4}?(?:灭|关)了|"
    r"一点事(?:都|也)?没有|脱离(?:了)?危险|(?:是我|我)(?:看|听)错了|是电视(?:里|上)?(?:放|播)的|不是有人(?:摔|晕|倒|被困|困)|"
    # Lead, fourteenth session: put out, come round, no longer leaking, tightened, got out alone.
    r"已(?:经)?熄(?:了|灭)|已(?:经)?醒(?:返|了|过来)|已(?:经)?不漏了|已(?:经)?拧紧了|自己出来了|"
    # A spark, then the power off: "冒火花了，噼啪一声就没电了", "把空开拉了".
    r"(?:火花|火星|冒火|打火|噼啪)[^。]{0,12}?(?:就没电了|跳闸了|没电了)"
    r"|(?:火花|火星|冒火|打火|噼啪)[^。]{0,16}?(?<![谁快紧])把[^，。]{0,6}?(?:空开|闸|电闸)(?:拉|关)(?:了|掉)|"
    # Gone to look and found work going on: "我去看了是在修太阳能".
    r"(?:去看了|看过了|问过了|问了一下|看了一下)[^。]{0,4}?是(?:在)?(?:修|装|施工|检修|维修|清洗|拍|工人|师傅)|"
    # Asking after someone, or what followed: "那个被困电梯的小朋友还好吗", "出来后…".
    r"还好吗|怎么样了|已经送走|别乱传|扶起来了|已经扶起|能站起来|站起来了|没大碍|找妈妈的(?:那个)?是我家的|已经送(?:医院|医)|送到医院了|幸好没事|还好没事|幸好没人|刚出来|火(?:已经)?灭了|救回来了|抢救过来了|味(?:道|儿)?(?:已经)?散了|没地方住|已经叫人(?:来)?修|(?:家长|物业|保安)(?:已经)?在(?:批评|处理)|现在(?:在|住)(?:朋友|亲戚|娘家|我妈|父母|同事)家|用脚踩|我踩了|"
    # Lead, twelfth session: put out, repaired, taken to hospital, nobody hurt, a false alarm
    # owned ("已经扑灭", "抢修完成", "送医院了", "没人受伤", "是我误会了", "给大家道个歉").
    r"已(?:经)?扑灭|明火已灭|抢修完成|恢复供(?:水|电)|送医院了|(?:没|无)人受伤|没着起来|没烧起来|我误会了|"
    r"给大家道(?:个)?歉|(?:是|在)[^。，]{0,8}?(?:玩|闹着玩)[^。，]{0,6}?(?:问过了|原来)|"
    r"现在[^，。]{0,4}?(?:不|没)(?:闪|冒|响|漏|烧|着)了|"
    # Lead, thirteenth session: "骨头没事就是擦破点皮", "人没事", "已经接回家了", "…那个就是俺
    # 出来了".
    r"擦破(?:了)?点皮|骨头没事|没大事|换好了|没咬(?:着|到)人|(?<!我)现在出来了|不是[^，。]{0,3}?漏电|"
    r"不是(?:咱|咱们|我们)小区|味是[^，。]{0,10}?(?:检修|维修|施工|放空|在修)|(?<![幸还]好)人没事(?=$|[，。!！\s])|原来(?:是)?(?:躲|藏)在[^，。]{0,8}?(?:睡着了|玩)|师傅[^。]{0,4}?(?:系着|系了|绑着)安全绳(?![^。]{0,10}?(?:不动|没反应|不回应|半空))|(?:那事|那个事|那件事|那个味道?|那股味)(?:儿)?是我(?:家|们家)[^。]{0,30}?(?:不好意思|对不起|抱歉|已经关|已经处理|没事)|不是(?:咱|咱们|我们)这(?:里|边)?的?(?=$|[，。!！\s吧])|接回家了|(?:^|[\s，。])出来了|现在(?:已经)?没(?:有)?了(?=$|[，。!！\s])|说正常|(?<!是不)(?<!不知道)是正常的|出来后|出来以后|出来之后|来接(?:她|他)了|虽然没电|不带电|没通电"
    # Lead, fifteenth session: the sign explained by a harmless source ("冒烟是王嬢嬢在生蜂窝煤
    # 炉子", "燃气味查过了，是楼下饭店排气管的", "火光是有人在拍照"), someone brought home, no
    # bone broken, a film's bang, do not worry in Sichuanese, an all-clear in English.
    r"|(?:烟|味|味道|火光|响)(?:是|係|系)[^。]{0,12}?(?:在(?:生|烧|熬|做|拍|炒|煲|烤)|锅炉|喝多|喝醉|中药|沥青|"
    r"防水|闪光灯|烧纸|炒辣椒|煲燶|煲焦|煲饭|检查|排气管|烧烤|烙饼|烙糊|烟熏|放散|燃气公司|炖肉|糊了)"
    r"|查过了[，,]?(?:是|係)|(?:吃了|喝了)[^，。]{0,6}?就好了|不是(?:晕倒|摔倒|被困)|(?:是灰|是雾|是水汽|是蒸汽)[^，。]{0,3}?不是烟|很快(?:就)?出来了|(?:跟|和)(?:咱|咱们|我们)小区没关系|到救出来|接回去了|送回家了|撤下寻人|不是走丢|没骨折|片子里的|莫担心|莫慌|没得烧起来"
    r"|[Ff]alse alarm|[Jj]ust someone|[Bb]urnt my|[Nn]o smell right now"
    # Lead, twenty-fifth session (a writer's training file of accidents' look-alikes): luckily
    # no fire or nobody below, airing the room put it right, out of hospital.
    r"|(?:幸好|幸亏|还好|好在)(?:没(?:起火|着火|烧起来|伤到人|出事)|人都(?:在家|没事))"
    r"|通风(?:后|以后|之后)?就好了|已经出院"
    # Lead, eighteenth session: come round ("喂了糖水就醒了", "救护车到了，大爷清醒了").
    # Not when it goes on ("刚清醒了一下又晕过去了", "掐人中就醒了，但还是说胸口疼").
    # Gone to look and found food burnt ("我跑过去一看，是他烤馒头片烤焦了").
    r"|一看[，,]?(?:原来)?是[^。，]{0,10}?(?:焦|糊|煳)了|已经好了(?=$|[，。!！~])(?![^。]{0,16}?(?:又|还|但|可是|现在))"
    r"|(?:已经|说是)(?:住院了|稳定了)(?![^。]{0,12}?(?:又|还|但|可是))"
    r"|送回家休息了|(?:跟|和)(?:咱|咱们|我们)小区无关|不是[^，。]{0,4}?爆管|是物业在喷"
    # Lead, twentieth session: the worker has already taken it away ("漏电的灯座电工已经拆了").
    r"|(?:电工|师傅|物业)已经(?:拆了|拆掉|断了电|断电了|换了|换好)"
    # ...found happy, what was learnt later, the smoke let out, family who came for them.
    r"|找到的时候|后来(?:听说|才知道)|(?:开窗|通风)[^，。]{0,4}?散了"
    r"|(?:儿子|女儿|家人|家属|闺女)(?:开车)?来接走了"
    r"|(?:(?<![不没])(?:就|又|已经)醒(?:过来)?了|(?<![不没还])清醒(?:过来)?了)"
    r"(?![^。]{0,12}?(?:又|但|可是|还是|不过|一会))"
)
# The whole message is about somewhere else, a drill, a lesson or a notice.
NOT_HERE_NOW = rule(
    r"(?<!不是)(?:新闻|报道|(?<![打在拍录剪])(?<!拍个)(?<!录个)视频(?!的时候|通话|电话|会|还好|还好好|里还|时还|也不接|不接|没人接)|刷到|抖音|隔壁市|别的小区|其他小区|有个小区|演练|演习|培训|测试|常识|"
    r"温馨提醒|注意安全|请勿轻信|【(?![^】]*紧急)[^】]{0,8}(?:通知|小贴士|贴士|提示|须知|常识|提醒)】|教急救|(?<![放上开逃停退大中小])学了|隔壁小区|入刑|刑事|"
    r"纪录片|宣传|海报|(?:学校|老师|课上)[^。，]{0,3}?教|演示|某地|某小区|某市|处理流程|应急预案|(?<!不是)(?<!没)(?<!没有)(?<!不)开玩笑|哈哈|笑死|栓q|记住[:：，,]|教大家|段子|小妙招|小窍门|冷知识|"
    # Lead, twenty-first session (a training file of advice and figures): a talking bird, children
    # playing at rescue, an official account's tips.
    r"(?:鹦鹉|八哥)[^，。]{0,8}?(?:喊|叫|说|学)[^，。]{0,6}?(?:救命|着火|起火|火灾)|扮(?:消防员|医生|警察)|老鹰捉小鸡|逃生游戏|公众号|乘梯须知|消防大队发|一经查实|"
    r"学过(?:心肺复苏|急救|海姆立克)|"
    # Lead, twenty-third session (a training file of people named beside danger words): a
    # device for the day it happens, a brand asked for, where to learn.
    r"(?:摔倒|跌倒|着火|被困|困住|起火)了?[^，。]{0,3}?(?:一按就(?:行|好)|能喊它|能用上|用得上|能赔|反而拿不到)|求推荐(?:个|一下)?(?:牌子|款|品牌)|哪里能学|"
    # ...a rhyme, a draft of a leaflet, a talk remembered, what puts out which fire ("记住口诀：
    # 提、拔、瞄、压", "水基的能灭电器着火吗？", "油锅着火最好用锅盖").
    r"口诀|初稿|消防队来讲|例子太多|能灭[^，。？?]{0,6}?(?:火)吗|(?:油锅|电器)着火(?:了)?最好用|"
    r"(?:心肺复苏|急救|海姆立克)[^，。]{0,4}?值得学|"
    # Lessons and advice, films, memories, a rehearsal, an apology for a false alarm.
    r"科普|冷知识|讲座|排练|手游|游戏里|关卡|我的世界|做了个梦|梦见|梦里|自救(?:三招|方法|指南|知识)|遇到[^，。]{0,8}?[，,]先|转给[^，。]{0,4}?看看|话剧|大家记住|一定要记住|都记住|正确做法|正确的做法|切记|逃生要|不要急着扶|医生讲|"
    r"不要扒门|背靠轿厢|电影里|这电影|那电影|这部电影|那部电影|那个电影|现实中|千万别学|"
    # Lead, fourteenth session: a tip, a disaster film, the television ("火灾逃生小知识：…",
    # "我在电视上看到有人被困电梯").
    r"小知识|逃生知识|灾难片|电视上看到|电视里看到|"
    r"吓到大家|真不怕出事|不怕出事|要求追责|追责|追究|不是(?:我们|咱们|本)小区|拒不赔偿|能不能索赔|可以索赔|怎么索赔|索赔吗"
    # Ninth session: a joke disowned in brackets, a drama followed, someone who knows first
    # aid asked to teach it. Narrow on purpose: these clear the whole message.
    # Lead, twelfth session: what to do on finding it, a notice ("温馨提醒：发现有人被困电梯，
    # 请拨打轿厢内的救援电话"; not "我发现有人晕倒了，请帮忙打120").
    r"|(?<!我)发现[^，。！了]{0,12}[，,]\s*请(?:立即|及时|马上)?(?:拨打|联系|报警|按)"
    r"|学到了|[(（]不会的|追的剧|刑侦剧|片场|群演|拍戏|过家家|玩具(?:小厨房|电话|水枪)|配合着演|美食博主|(?:这个|那个|这部|那部)剧|电视剧|连续剧|火灾片|灾难片|小技巧|分享(?:个|一个|一下)(?:小)?(?:技巧|方法|经验)|记一下[哈啊]?[：:，,]|建议大家|讲课(?:时|的时候)?(?:说|讲)|(?:转来|转发)的[：:，,]|(?:员|生|大夫|医生|老师|民警)(?:讲|说)的[，,：:]|(?:一般|通常)是(?:啥|什么)原因|弱弱(?:地)?问一句|是不是就一定|(?:拿着|拿个|用)玩具|(?:用|搭)(?:了)?积木|布娃娃|磁力片|密室逃脱|小说里|(?:玩|在玩)[^，。]{0,4}?游戏|的电影|部电影|城门失火|殃及池鱼|脑补|(?:嗰|这|那)(?:套|部)(?:剧|片)|(?:那|这|该|搿|彼|嗰)场戏|拍得(?:好假|蛮真|很真|好真|吓人|吓煞人)|整得跟真的似的|综艺|动画片|直播间|那个直播|副本|安全教育|案例|学急救|别扒门|(?:记得|要|应该|然后|耐心|安心|静静|原地)(?:地)?等(?:待)?救援|(?:会|会做)(?:心肺复苏|急救|海姆立克)[^。]{0,16}?(?:教|学)"
    # Lead, eighteenth session: asking ahead, to learn or to teach the family ("闻到煤气味第一步
    # 应该干嘛？我想给家里老人讲讲", "…第一时间应该打110还是119？就是想了解一下").
    # The message ends with it: a cue within the message may be said in an emergency ("我提前
    # 问过医生怎么扶，现在扶不动，快来人").
    r"|(?:提前(?:学|了解|存|问问?|知道)|(?:就是|只是|随便|先)想?了解一下(?:[，,]?以防万一)?|以防万一|想(?:学|教)一下|想教(?:孩子|娃|老人)|教一下(?:孩子|娃|老人|家里)"
    r"|(?:给|跟|教)(?:家里|我家)?的?(?:老人|孩子|娃|爸妈|父母|老人家)(?:讲讲|讲一下|说说))"
    r"(?=[^，,。！!？?\s]{0,6}[。！!？?~～…\s]*$))"
)
# urgent9: the talk turns to something else ("哈哈哈群里好热闹，我刚回来，哎等下，我家楼上往下
# 滴水", "孩子们放假了，注意安全哈，话说刚才…电线…冒火花"): a laugh, a reminder or an all-clear
# before the turn belongs to what came before it, not to what follows.
TOPIC_SHIFT = rule(
    r"话说|(?<![说答猜做])对了|另外(?![一两几个的家边那])|(?<!要)等(?:一)?下(?![午次面周个回去来])|等等|"
    r"还有(?:个|件)事|顺便说|[哎诶欸唉]不对|先放一边|先不(?:说|聊)了"
)
# A turn of the talk after a story, the news or a joke, to what is happening here ("…这不，刚才
# 一辆倒车的SUV把一个小孩撞倒了", "…说到这个，2单元1楼现在就一股很冲的没气味", "…话音没落，我们
# 这边上面就掉下来一个花盆"): what follows is judged on its own when it names here or now
# (HERE_NOW). Lead, nineteenth session, from a writer's training file of messages that open as
# a story and turn (or do not turn) to an emergency here.
TURN_HERE = rule(
    # (Normalised text: "…" is ".", "——" is "—".)
    r"(?:^|[，,。.！!？?；;\n~\s—])(?:[哎唉诶欸嗐](?=不说了|不聊了|不扯了|说正事|说正经的))?(?:结果|这不|没想到|谁知道|谁知|说到这个|话音(?:没|未|刚)落|说着说着|"
    r"刚写到这|不说了|跑题了|重点是|(?:哎|诶|欸|唉)?不对|直到|可不是|算了不说|是(?:我们|咱们)楼"
    # The talk broken off by what is happening ("…那个新闻还没看完呢 我们楼上又往下扔东西了", "我的
    # 天 对面楼18楼空调外机架上站着个小孩", "听说隔壁小区丢了个孩子，今天我们这也…").
    r"|我的天|天哪|天呐|我去|卧槽|还没看完|还没划过去|(?:今天|现在)(?:我们|咱们)这(?:也|又)|(?<![说答猜做])对了|话说"
    # Back to business after a joke or a show ("…哈哈。不闹了，电梯里有个老太太晕倒了…在1号楼";
    # lead, twenty-first session, from a training file of emergencies told in passing).
    r"|(?:不过|说|讲)?正事|说正经的|不闹了|不开玩笑了|言归正传|回到正题|先不说|不说这个了|还有啊|哦对"
    # (Lead, twenty-second session: "不过先别管他了，…".)
    r"|先(?:别|不)管(?:他|她|它|这个|那个)?了"
    # ...and from a training file of turning talk: "不聊他了，…", "哎等会儿再说，…", "家里出事了，…",
    # "我们这也有事：…", "唉我这边倒霉，…", "你们谁在楼下啊，…".
    r"|不(?:聊|扯|唠|说)(?:他|她|这个|那个)?了|等会儿?再(?:说|聊)|家里出事了|(?:我们|咱们|我)这(?:边|里)?(?:也|又)?(?:有事|出事了|倒霉)"
    r"|你们谁在楼下"
    # ...or the writer looks up from the story and sees it ("刚看完电视剧，抬头一看对面6栋顶楼
    # 窗户往外冒黑烟了"; lead, twenty-fourth session, from the by-file CV's misses).
    r"|(?:我|刚|就)?(?:一抬头|抬头一看|一回头|回头一看|往窗外一看|探头一看|扭头一看|转头一看)"
    # ...or a clause opens on our building at this moment ("新闻里天天讲高空抛物，我们楼上刚又扔
    # 下来一个酒瓶子").
    r"|(?=(?:我们|咱们|咱|俺们)(?:楼|这|小区|单元)[^，。！!？?]{0,6}?(?:刚|又|现在|正在|还在))"
    # ...or a new sentence that comes home ("刚看了个灾难片…。到家楼下发现电梯又出事了").
    r"|(?<=[。.！!？?\n])(?P<home>到家|回到家|回家|一?进(?:了)?(?:单元)?门)"
    # ...or a new sentence that opens on here or now ("…看着都心疼。我这边6号楼电梯出事了", "…宣传单
    # 大家收到了吗？…刚在楼梯上碰到楼上的阿姨，她…摔了一跤"; lead, twenty-third session, from
    # training files of turning talk: 6 more emergencies found on every training file, no false
    # alarm).
    r"|(?<=[。.！!？?\n])\s*(?:[哎唉诶欸],?\s*)?就?(?=咱们|我们这|我们楼|我这边|刚才|刚刚|刚在|现在|这会儿)"
    # (A building named first counts only when no other estate or far place came before: see
    # safety._urgent_turned_here; "新闻说杭州一个老小区着火了。12楼有个老人被困…" is theirs.)
    r"|(?<=[。.！!？?\n])\s*(?:[哎唉诶欸],?\s*)?(?P<building>(?=\d+(?:号楼|栋|幢|单元|楼))))"
)
HERE_NOW = rule(
    r"刚才|刚刚|这会儿|此刻|现在就|(?:我们|咱们|咱|俺们)(?:楼|这|小区|单元|家)|俺家|我家|隔壁|楼上|楼下|对面楼|下楼"
    r"|\d+(?:号楼|栋|幢|单元|楼)|[一二三四五六七八九十]+(?:号楼|单元)|中心花园|[东西南北](?:区|门)|大堂|车库|单元门|楼道"
)
# A drill, a training, the news or a film: the model may not add urgency to such a message
# (the rules judge it sentence by sentence, see NOT_HERE_NOW).
REHEARSED = rule(
    r"演练|演习|培训|测试|新闻|报道|纪录片|电影|电视剧|电视里(?:面)?(?:个|的|那个|演|播)"
)
# Imagined, past, hearsay, dreamt or rehearsed: said in the clause before the word.
IMAGINED = rule(
    r"真有火灾|真发生|前几年|前些年|那几年|小时候|年轻的时候|万一|上星期|上个星期|上礼拜|上个礼拜|昨昏|昨暝|真(?:困|被困|关)住了?(?=只能|就)|别等(?:它|到)|"
    # Lead, seventeenth session (a writer's training file of hard negatives): memories in
    # other words and dialects; a body part that smokes or burns; "easily catches fire".
    r"小辰光|年轻时|老底子|细个|女主(?!人)|男主(?!人)|别一氧化碳|(?:我们|阿拉|俺们)?那个年代|我们那(?:会儿|时候)|"
    r"(?:脸|脑壳|脑袋|眼睛|嘴巴?|耳朵|头上|头顶|浑身|全身|手指|嗓子|喉咙)(?:都|也|直|快)?(?:要|在)?(?:冒火星|冒烟|烧起来|着火|冒火|点出火星)|"
    # Lead, twentieth session: a degree ("内卷到冒烟", "干到冒火"), a race ("卷出火星子").
    r"(?:卷|干|累|忙|气|渴|馋|辣)到(?=冒烟|冒火)|防范|(?:引发|导致|引起)的(?=火灾)|(?:血压|火气|脾气)(?:当场|直接|一下)?(?=着火|冒烟|冒火|烧起来)|(?:卷|点)出(?=火星)|"
    r"(?<![充烧烤煮炒热电])得(?:都)?(?:烧起来|冒烟)|(?:好|容)易(?:火烛|着火|起火)|(?:也|都)(?:能|会)(?=着火|起火|漏电|爆炸)|换成是我|冒过火|(?:摔|掉|跌|砸)下来就(?:会|得|是(?:头破血|骨折|一条命))|"
    # The event is somewhere else ("老家那边…着火了", "公司电梯困人了"), or in a film.
    # Movers at work here are not elsewhere ("搬家公司的两个师傅在里面").
    r"老家|(?<!搬家)公司|(?<![A-Za-z0-9座栋幢号楼层户有篱壁面上下个的])单位|工地|矿上|煤矿|酒店|出差|高架|菜场(?!回来|回家|出来)|捷运|地铁上|地铁里|公交车上|主角|剧里|"
    r"如果|要是|假如|假设|哪天|上趟|后生时节|少年时阵|(?:在老家|小时候)那会儿|昨日|夜儿个|夜来(?!香)|真着起火|地铁站|寝室|厂里|娘家|朋友圈|热搜|记得|真要|真(?:起|着|失)火(?!了)|上回|之前|隐患|是不是|有人问|会不会|以防|防止|(?<!不)小心|怕(?![\s，。!！?？…啊呀]|$)|差点|避免|以前|上次|去年|上个月|上周|前天|"
    r"昨天|昨晚|前几天|前两天|前阵子|那会儿|那次|新闻|报道|(?<!盗)(?<!铁丝)网上|听说|看到.{0,3}说|隔壁小区|外地(?!人|牌|车)|"
    r"梦到|做梦|做了个梦|梦见|梦里|以后遇到|如遇|若遇到|遇到类似|学会说|学人说|学说话|画了|画的|画着|(?:娃|孩子|儿子|女儿|闺女|小孩)问我|演练|的话|应该先|容易|那种(?!是|刺鼻|呛|难闻|臭|怪)|这种|能不能(?!帮|来|过来|快|派|叫|去|救)|担心|知识|科普|这几天|一整晚|好几天|"
    r"一旦|极易|那天|那时候|年轻时|说的那个|游戏|电视里|片里|别以为|以为|有一次|昨儿|"
    # Advice: "注意一氧化碳中毒", "谨防煤气中毒".
    r"(?:注意|谨防|提防|预防)(?:别|不要)?(?:预防|防范)?(?=一氧化碳|煤气中毒|燃气中毒|中毒)"
    # urgent11: what would follow ("一定要开窗，不然会一氧化碳中毒"), a play ("这出戏里面火烧厝"),
    # where a relative far away is ("我妹在外地，她那边小区着火了").
    r"|(?:不然|否则|要不然|要不)(?:的话)?(?:会|就会|容易|很容易|可能)|出戏|戏里|(?:她|他)们?那边"
    # Lead, twelfth session: what the television says ("电视讲台南有厝火烧"); prevention
    # ("防溺水告知书"), why it happens ("电梯为啥会困人"), on the way to work, on
    # social media.
    r"|电视(?:上)?(?:讲|说|报)|防(?:溺水|触电|坠落|走失|脑梗|中风|心梗|跌倒|摔倒|摔跤)|(?:为啥|为什么|为何)会"
    # Lead, twentieth session: a season's prevention ("冬季防一氧化碳中毒").
    r"|(?<!消)防(?=一氧化碳|煤气中毒|燃气中毒|火灾)"
    # Lead, thirteenth session: another province; what this would lead to ("这要着火了").
    r"|外省|外市|别的省|(?:这|那)(?:要|得)(?=着火|起火|烧起来|着起来|出事)|前年|听人说|[一两三四五六七八九十几]年前"
    # Lead, eighteenth session: "真着起来咱们老人跑都跑不动", "我侄子家就是这么烧起来的".
    r"|真(?:着|烧)起来(?!了)|就是这么(?=烧|着|起火|炸)"
    # Lead, nineteenth session: a prediction ("车开这么快，迟早把小孩撞了").
    r"|迟早|早晚(?=会|要|得|把|出)|(?<!要)不然|否则"
    # ...and memories: "有一年粮库着火", "到现在一闻到焦糊味还心慌".
    r"|有一年|有一回|到现在(?:一)?(?:闻到|听到|看到|想起)"
    # ...and other estates, a metro line, a home of someone else's, a station (elsewhere7).
    r"|对面(?:那个)?小区|城[东南西北](?:那个|的)小区|地铁\d+号线|(?:他|她)家那边|火车站"
    r"|(?:都|快)要(?=着火|烧起来|炸|自燃)|没(?:看到|看见|发现)|(?:她|他)们?小区"
    r"|(?:上班路上|下班路上|路上看到|朋友圈|微博)(?![^，。]{0,10}?(?:咱们|我们|咱|我家|俺们))"
)
_HEAD = r"^\W{0,3}"


def _opening(source: str) -> re.Pattern[str]:
    """:func:`rule` of ``source``, an alternation that must open the message after at most
    three non-word characters (:data:`_HEAD`), with a lookahead on the characters its
    alternatives can start with: most messages fail there at once, before the ~80
    alternatives are tried (the story rules are asked of every message, lead, eighteenth
    session)."""
    assert source.startswith(_HEAD)
    rest = source[len(_HEAD) :]
    chars = first_chars(rest)
    return rule(_HEAD + (f"(?={chars})" if chars else "") + rest)


# A message that opens as a story of the past, a forwarded article or thanks for past help
# ("讲个去年的事，大家当个教训：…", "【转发】冬季用电安全小知识：…", "感谢昨天帮忙的各位邻居！…"): the
# whole of it is told, not happening, unless it turns to now (STORY_TURNS_NOW). Lead,
# fourteenth session, from a training file of long messages (the rules, sentence by sentence,
# took 18 of its 250 chat lines for emergencies).
# Kin, colleagues and friends whose world a story is about (STORY_OPENING); a message naming
# our own estate is not such a story ("我二姨住你们小区…").
_OTHERS = (
    r"(?:弟媳|舅妈|表叔|表哥|表姐|表弟|表妹|堂哥|堂姐|二姨|大姨|小姨|姑姑|舅舅|婶婶|同事|同学|高中同学|"
    r"大学同学|初中同学|朋友|闺蜜|老同学|妹夫|姐夫|嫂子|亲戚|老乡|前同事|娘舅|一个同事|一个朋友)"
)
OUR_ESTATE = rule(
    r"(?:咱们小区|我们小区|你们小区|咱小区|本小区|这个小区|咱们楼|我们楼|咱们单元|我们单元|你们楼|"
    r"我们这栋|咱们这栋|我们这楼|咱这楼)"
    # The writer's own home, reached or called about ("坐高铁回来，刚进小区门就闻到…", "我在超市
    # 上班，我妈打电话说家里漏水…"; the lead's attack on the seventeenth-session story forms).
    r"|(?:打电话|发消息|发微信|视频)说家里|(?<!从)我家|咱家|(?<![家的个边那])小区(?:门|里)|一进门|一开门|(?:刚|一|回)到(?:家|小区|楼下)"
    r"|我(?:一个人|自己)?在家|我们(?:那|这)层|家里(?:老人|孩子|小孩|还有|没人|就|的?监控|的?摄像头|的?燃气报警器|的?烟感)|(?:我|俺)(?:家)?(?:爸|妈|老伴|奶奶|爷爷|孩子)(?:一个人)?在家"
    # Just home or just out of the door; the neighbours upstairs (the lead's attack on the
    # eighteenth-session story forms: "我是护士，刚下夜班回来，楼道里有个老人倒地抽搐", "我在饭店
    # 上班的，楼上邻居吵架动刀了").
    r"|刚(?:下夜班|下班)?回(?:来|家)|刚(?:停好车|进门|进小区|到楼下|下楼|上楼|出门)"
    r"|(?<![他她]家)(?<![他她]们)(?:楼上|楼下|对门|隔壁)(?:的)?(?:邻居|那家|那户)|回来(?:发现|一看|看到|闻到)"
    # A building of ours named by its number ("…刚下班回来发现3号楼楼道着火了"; the lead's attack).
    r"|\d+(?:号楼|栋|幢|单元)|[一二三四五六七八九十]+(?:号楼|单元)|[二三四五六七八九十]+(?:栋|幢)"
    # Lead, nineteenth session: the places of an estate that no workplace has ("我是护士，中心
    # 花园这边有个老大爷摔倒了，头破了在流血"; elsewhere9).
    r"|(?<!不是)(?<!不在)(?:咱们这(?!种|样|么)|我们这(?:儿|里|边))|中心花园|游乐区|健身区|自行车棚|单元门口|(?<![A-Za-z])[A-H]区|[东西南北]区(?![那的]个小区)"
    r"|(?<![院校场站])[东西南北]门|(?:闻到|看到|看见|听到)楼道里|(?:打电话|来电话|打来电话)说(?:孩子|我家|你家|我妈|我爸|老人)"
)
STORY_OPENING = _opening(
    r"^\W{0,3}(?:【转发】|\[转发\]|转发[:：]|转给大家看看[:：]|转给[^:：，。]{0,6}?看(?:看|一下)?[:：]"
    r"|(?:讲个|讲讲|说个|说说|聊聊|说起|想起|回忆|分享(?:一下)?|给大家讲讲?|跟大家讲讲?)[^。！!？?]{0,16}?"
    r"(?:去年|前年|以前|小时候|那次|老话题|往事|经历|故事|教训|当年|惊魂|那年|十几年前|几年前|前几年|年轻的时候)"
    r"|(?:感谢|谢谢|多谢)[^。！!？?]{0,20}?(?:昨天|前天|上次|那天|上周|那晚|昨晚)"
    # Lead, fifteenth session (a training file of long chat): a joke, a tip, a question
    # asked in general, a thing seen elsewhere yesterday, a visit to a friend's estate.
    r"|(?:说个|讲个)笑话|分享(?:个|一个|一下|点)?(?:小)?(?:知识|常识|经验)|科普(?:一下)?[:：，,]"
    r"|有个(?:问题|事)[^。！!？?]{0,4}?想(?:问|请教)"
    r"|(?:昨天|前天|上个月|上周|前几天|去年|那天)[^。！!？?]{0,12}?(?:看到|遇到|碰到|听说)(?:了)?(?:一件|个|一个)事"
    r"|今天去[^。！!？?]{0,8}?(?:家|那)(?:玩|串门)[^。！!？?]{0,6}?(?:她|他)们小区"
    r")"
)
# Lead, sixteenth session (a training file of problems elsewhere): a relative's, a
# colleague's or a friend's world ("我弟媳在一家连锁超市上班，她说…", "我一个同事的父亲住在
# 郊区…"), the writer's workplace or past home ("我在医院急诊上班，今天送来…", "我以前住的那个
# 老小区…"), something read or heard ("网上看到…", "今天在公司听同事说…").
# "我妈说她那边社区…", "今天我哥跟我说，他们单位…", "听我外婆讲，她年轻时候…".
# (Read only when no place of ours is named: OUR_ESTATE.)
STORY_ELSEWHERE = _opening(
    rf"^\W{{0,3}}(?:(?:听)?(?:我|俺|阿拉|我们)(?:家)?(?:的)?(?:一个|有个)?{_OTHERS}"
    r"(?:的)?(?:父亲|母亲|爸|妈|邻居|家)?(?:"
    r"[^。！!？?]{0,6}?(?:在|住在)(?:一家|郊区|农村|乡下|县城|老家|外地|国外|医院|养老院|消防队|超市|公司|"
    r"单位|酒店|学校|工厂|厂里|另一个|别的|城东|城西|城南|城北|隔壁村|村里)"
    r"|(?:是|当|做|在做)(?:开锁|护士|医生|消防|社工|保安|物业|电工|护工|警察|老师)"
    r"|那边(?:小区|社区|村|楼)|(?:讲|说)(?:过)?[，,:：])"
    r"|我在(?:医院|急诊|养老院|消防队|酒店|另一个城市|别的城市|工地|厂里)"
    r"[^。！!？?]{0,8}?(?:上班|工作|做|当|干|上学|租房|住|的时候)"
    r"|我(?:以前|之前|去年|前年)在[^。！!？?]{0,10}?(?:上班|工作|做|当|干|上学|租房|住|的时候)"
    r"|(?:我|以前我)(?:以前|之前)(?:住|在)|(?:以前|之前)我在"
    r"|(?:今天|听)?(?:我|俺)(?:妈|爸|哥|姐|弟|妹|阿妈|阿爸|外婆|奶奶|姥姥|爷爷|外公)(?:跟我)?(?:说|讲)?"
    r"[^。！!？?]{0,4}?(?:她|他)?(?:那边|们单位|们公司|们厂|们村|们那|年轻(?:的)?时候|小时候)"
    r"|这是我在[^。！!？?]{0,10}?(?:看到|刷到)的"
    r"|(?:今天|刚才|昨天)?(?:在公司|在单位)?听[^。！!？?]{0,4}?(?:同事|朋友|同学)(?:说|讲)"
    r"|(?:网上|網上|朋友圈|抖音|快手|新闻里|视频里)(?:看到|刷到|说)"
    r"|我在网上看"
    r"|(?:我|我们|俺|俺们)老家"
    # Lead, seventeenth session (a writer's training file of trouble elsewhere): a relative in
    # a place that is not ours, the writer on a train or a road, in a workplace, away or long
    # ago, something watched, heard or read.
    rf"|(?:我|俺)(?:的)?(?:大姑|姑姑|姑|侄子|侄女|外婆|奶奶|姥姥|爷爷|外公|爸|妈|哥|姐|弟|妹|{_OTHERS})"
    r"(?:的孩子)?(?:(?:说|讲)(?:他|她)们(?:单位|公司|厂里|学校|班上|班里|医院)|[^。！!？?]{0,4}?(?:在|住的|住在)(?:医院|养老院|大学|宿舍|学校|补习班|单位|公司|工厂|厂里|"
    r"车间|老家|村里|外地|国外|[^。！!？?，]{1,4}(?:那个|那)小区|那个公寓)|(?:们|的)?(?:单位|公司|厂里|学校)"
    r"|(?:的)?小区的?电梯|打电话说(?:村里|老家|他们那))"
    r"|(?:刚|今天|昨天|前天|上周|前段时间)?(?:从外地回来|(?:在|坐)(?:高铁|火车|飞机|机场|地铁|出租车|高速|服务区)"
    r"|开车路过(?:高架|高速)|路过[^。，！!？?]{0,4}?路那边)"
    r"|(?:看|刷)(?:微博|直播)|看微博|听广播|播客|(?:我(?:在)?(?:读|看)(?:了)?)?(?:一本|这本|那本)[^。！!？?]{0,10}?书|想当年|小时候(?!的)"
    r"|(?:前年|去年|前段时间)我(?:回|去)"
    r"|(?:前几天|昨天|前天|上周)去(?:我)?(?:大姑|姑姑|小姨|大姨|舅舅|姥姥|外婆|奶奶|朋友|同学|亲戚)家"
    r"|我在(?:超市|车间|单位|病房|公司|工厂)[^。！!？?]{0,4}?(?:打工|上班|守夜|实习|值班|工作)"
    r"|我们(?:单位|车间|公司|厂)|我上班(?:那|的)|刚下夜班|以前在老单位|我以前租房"
    # Lead, eighteenth session (a writer's training file of retired voices): what a grandchild
    # or a child says of their school or work.
    r"|(?:我|俺)?(?:孙子|孙女|外孙女?|儿子|女儿|闺女)(?:说|讲)(?:他|她)们(?:学校|班上|班里|单位|公司)"
    # ...and from a training file of trouble elsewhere (elsewhere6): kin far away, a hometown
    # visited, the writer at work, in a shop, a bank or a hospital, away on a trip, passing "a"
    # place, a workplace of "ours" that is not our estate, someone's job.
    r"|(?:(?:去年|前年|前几年|那年|前两天|前几天|上周|过年)(?:冬天|夏天|暑假)?)?(?:我|俺|咱)?的?"
    rf"(?:儿子|女儿|闺女|女婿|儿媳|孙子|孙女|外孙|二叔|三叔|大伯|叔叔|姐姐|哥哥|妹妹|弟弟|妈|爸|{_OTHERS})"
    r"(?:家|那边)?(?:在|住的|住在)(?:部队|军训|英国|美国|澳洲|日本|加拿大|韩国|国外|外地|北京|上海|广州|深圳|武汉|"
    r"成都|杭州|南京|重庆|西安|乡下|城中村|老家|4S店|[^。，！!？?]{1,4}那个村)"
    r"|(?:(?:前两天|前几天|上周|上个月|过年|今年|去年|前几年|那年)(?:冬天|夏天)?)?(?:我|我们)?(?:回了?趟?|在)?老家"
    r"|老家那边|(?:我|人)?在外(?:地|面)(?:出差|开会|旅游|跑车|办事|吃饭|玩|上学)|(?:我)?在外地"
    r"|(?:今天|昨天|周末|去年暑假|暑假)?带(?:孩子|娃|儿子|女儿|闺女)去(?:游乐场|水上乐园|海边|景区|动物园|商场)"
    r"|(?:去年|前年|暑假)(?:我们家|我们|我)?去(?:海边|景区|旅游|外地|国外)"
    r"|我们(?:医院|店里|店|办公室|学校|村)|我(?:的)?店里|我在(?:商场|店里|饭店|银行)"
    r"|(?:今天|昨天|前天|上周)?(?:去|在)(?:银行|医院|急诊室?|商场)(?:办事|排队|看病|待了)|我住院"
    r"|(?:我)?在(?:高速|服务区|高速服务区|机场|火车站)|出差(?:回来)?的?(?:飞机|高铁|火车)上"
    r"|(?:今天|刚才|昨天)?(?:我)?路过(?:一个|一家|个)"
    r"|(?:我|俺)(?:家)?(?:老公|老婆|媳妇|儿子|女儿|闺女|女婿|儿媳|妹夫|姐夫)(?:是(?:开出租|开车|跑车|消防|医生|护士|警察|司机)"
    r"|在[^。，！!？?]{1,6}?上班)"
    r"|以前(?:在|租房)|我有个好?朋友|(?:我)?朋友(?:开的|在[^。，！!？?]{0,8}?开)"
    # A job that sees emergencies elsewhere ("我是开救护车的，…", "我在ICU上班，…", "开大巴的，…"),
    # a trip, a visit to in-laws, a school's news (elsewhere7, measured before it was read).
    r"|(?:(?:我|我老婆|我老公|我们|俺)(?:是|在|做|开|当)|开|做)[^，。！!？?]{0,6}?(?:司机|教练|老师|医生|护士|ICU|急诊|"
    r"消防员|消防队|救护车|物流|网约车|大巴|出租|药店|饭店|健身房)(?:的|上班|工作|干活)?[，,：:]"
    r"|(?:我|俺)?在[^，。！!？?]{1,6}?(?:出差|旅游|读书|上学|开会)|在[^，。！!？?]{1,4}(?:读书|上学|工作)的"
    r"|(?:上次|上礼拜|上周|上个月|周末)(?:我们)?(?:去|带(?:孩子|娃)去)|(?:刚|今天)?下(?:高铁|飞机|火车)"
    r"|(?:今天|昨天|刚才)?(?:我)?路过(?:派出所|学校|医院|银行|商场|菜市场|工地)"
    r"|(?:昨儿个|昨天|前天)?在我?(?:老丈人|丈母娘|岳父|岳母|公公|婆婆|亲戚|朋友)家"
    r"|(?:今天|昨天|刚才)我们(?:店|医院|学校|单位|公司)|我们(?:小学|中学)|(?:学校|幼儿园)(?:的)?老师说"
    # A workplace and the people met at work (elsewhere8, measured before it was read: a
    # guard, a taxi driver, a kindergarten teacher, a hospital cleaner, a retired policeman,
    # a student, a market vendor; the rules alone took 78 of its 500 chat lines for emergencies).
    r"|(?:今天|昨天|今早|下午|上午|晚上|那年冬天|上学期|这些年)?(?:我们)?(?:园里|班里|医院|派出所|所里)"
    r"(?:里|的|有个|今天)"
    r"|(?:今天|昨天|下午|刚才)?(?:有个|一个)(?:乘客|顾客|老顾客|病人|病人家属|会员|客人)"
    r"|(?:跑车|开出租|当保安|做保洁|值夜班|守夜|收摊|出警|拉客人|在医院(?:做保洁|扫地|看多了|看到过))"
    r"|(?:我)?(?:年轻(?:的)?时候|以前当|以前我们|我退休|干了一辈子)"
    r"|(?:那会儿|那年(?:冬天|夏天)?|那时候)(?:我们|我)|室友说(?:他|她)|做梦|梦到|梦见"
    # Lead, nineteenth session (elsewhere9, measured before it was read: night-shift workers,
    # drivers, nurses, teachers, shop owners, students): a place of work or of passing that is
    # not our estate, where the message opens; a job on the road; a class taught.
    r"|(?:今天|今晚|昨天|昨晚|刚才|下午|上午)?(?:在)?(?:医院|急诊|病房|学校|教室|商场|写字楼|车间|高铁站|地铁站|隧道|高速)"
    r"(?:里|门口|上|今天|今晚|收了|来了|有个|一个)"
    r"|(?:跑|开)(?:了)?(?:一天)?(?:的)?(?:滴滴|网约车|出租|车)(?:的)?(?:路上|的时候|拉了|遇到|看到)|跑了一天车"
    r"|(?:昨天|今天)?开(?:网约车|出租|滴滴)[，,]|送(?:快递|外卖)的(?:时候|路上)|(?:今天)?出车|(?:下)?(?:夜)?班(?:回来)?的路上|我(?:刚)?下班路过|开车(?:经过|在)"
    r"|教了[^，。]{0,4}?书|我教的|我值班的|我们护士站|(?:在)?医院陪(?:床|护)|我(?:在)?医院门口"
    r"|(?:在国外|在外地)的(?:女儿|儿子|闺女|孩子|妹妹|姐姐|哥哥|弟弟)|(?:儿子|女儿|孩子)从学校回来说"
    r"|同学说(?:他|她)们|大学群里|我的(?:理发店|店)|我现在在厂里|刚在车上听"
    r")"
)
STORY_TURNS_NOW = rule(
    r"刚才|刚刚|正在|快来|救命|赶紧(?:来|过来|叫|打|报)(?!了)|马上(?:来|过来)|现在(?:又|正|家里|楼里|楼道)"
    r"|(?:现在|还)在(?:冒|烧|响|漏|困|晃|掉)"
    # Lead, eighteenth session (a writer's training file of trouble elsewhere): a call to the
    # group or for help is about here ("刚下夜班回来，楼道里全是烟…大家快出来！", "刚从外地回来，
    # 西门口那边有个老太太倒在地上了…快叫救护车").
    r"|大家(?:快|赶紧|帮忙|(?:别|不要)(?:靠近|过去|从|走|进|下来|上来|坐))|快(?:报警|叫|打|出来|跑|下楼)|有没有(?:邻居|人)能|赶紧看看"
    r"|求(?:求)?(?:大家|谁)|帮忙(?:去)?(?:看看|敲|找)|谁(?:在家|在附近|能(?!想到|想象|料到)|去|上去|下去)"
    # ...and a call to someone to help now ("谁帮忙打120拿个毯子", "谁来帮我扶一下"; lead,
    # nineteenth session).
    r"|谁(?:帮忙|帮我|来帮|来搭)|帮(?:忙|我)(?:打|叫)(?:120|119|110|救护车|保安|物业)"
)
# A sentence that opens in the past: "昨晚停车场两个车主为了车位打起来了" (read for violence,
# whose clause alone can lose the time said at the start of its sentence).
PAST_SENTENCE = rule(r"^\W*(?:昨晚|昨天|前天|前几天|上周|上次|那天|之前|以前|去年|上个月)")
# A habit complained of, in the clause before an urgent word: "经常故障困人", "经常爆管停水".
HABIT_BEFORE = rule(r"经常|常常|总是|老是|动不动|每次|每到|每年|一插[^，。]{0,4}?就")
# Right after the word: "电梯困人的话", "关人这种事".
HYPOTHETICAL_AFTER = rule(
    # "着火怎么办" asks what to do should it happen; "家里燃气泄漏 怎么办", after a break, pleads.
    r"^[^\s，,。!！]{0,3}(?:怎么办|该怎么|咋整|咋办)"
    r"|^.{0,3}(?:的话|这种|之类|应该|隐患|风险|根本|的感觉|怎么(?:出|跑|逃)|高发|那么危险)"
    # Urgent8: never happened, or no way out should it ("一次火警都没有过", "着火往上跑都没地方").
    r"|^[^，。]{0,5}?都没(?:有)?(?:过|地|路)"
    # Lead, twelfth session: what to do should it happen, the word bare ("发现有人被困电梯，
    # 请拨打救援电话", "油锅着火千万别泼水"; not "3楼着火了，请拨打119").
    # Whether to help a fallen stranger up, the old debate ("老人摔倒了要不要扶？").
    r"|^了?[？?]?(?:要不要|该不该|敢不敢)扶"
    # What a device does should it happen ("智能手环…摔倒了还能自动报警").
    r"|^了?(?:还|也)?(?:能|可以|会)自动"
    r"|^.{0,2}也不怕|^[，,]?(?:请(?:及时)?拨打|请及时|要及时|应(?:该)?(?:及时|立即)|第一时间)"
    # Once, in the past ("被困过一次").
    r"|^过(?![来去])|^.{0,2}(?:没法|无法)求救|^.{0,2}都没人|^.{0,2}(?:个|一个)?小(?:口|缝|洞)|^.{0,2}(?:就能|就会|都能|一点就)(?:着|烧|炸|引)|^.{0,2}[两三四五六七八九十几多好]+次|^.{0,3}(?:跑都跑不|跑不出|逃不出|逃都逃不|怎么跑|往哪跑|往哪逃|往哪儿(?:跑|逃))|^[^，。]{0,6}?跑都没地方"
    # Lead, fifteenth session: a blocked fire lane complained of ("真的着火了消防车都进不来").
    r"|^.{0,2}(?:消防车|救护车)(?:都|也)(?:进|开)|^.{0,2}是(?:违法|犯罪)|^(?:是)?(?:违法|犯法)"
    r"|^[^，。]{0,4}?就(?:麻烦|完了|惨了|糟了)"
    # Lead, twentieth session (a training file of retired voices): what one would do first
    # should it happen ("我老伴说着火了他第一个要拿存折").
    r"|^[^，。]{0,4}?第一(?:个|件事)(?:就)?(?:要|是|得)"
)
# Right after the bare word, what to do should it happen ("油锅着火千万别泼水", "燃气泄漏千万不要
# 开灯"), when no place of ours is named before it ("楼道里着火千万别坐电梯", "3楼着火了千万别坐
# 电梯" stay alerts; lead, thirteenth session).
ADVICE_AFTER = rule(
    r"^[^，。,！!？?\s了啦]{0,2}(?:千万|一定|切记)(?:别|不要|不能|要)"
    # What to do first, the word bare ("油锅起火直接盖锅盖", "电器着火先拉闸断电", "着火了别贪财";
    # lead, twenty-first session, from a training file of advice).
    r"|^(?:直接|先)(?:盖|拉闸|断电|关(?:掉)?(?:阀|总闸|电闸|燃气))|^了?[，,]?别(?:贪财|泼水|用水浇)"
    # Lead, twenty-second session (a training file of staff notices and replies): what not to
    # do then ("闻到煤气味不能打电话"), what should be done to those who do it ("高空抛物的就该
    # 报警").
    r"|^[^，。]{0,2}?不能(?:打电话|开灯|点火|用明火|开关|按开关)"
    # ...and bare ("身上着火了别跑", "被困了别拍门"; see PLACE_LATER).
    r"|^了?[，,！!]*(?:(?:别|不要)(?:跑|慌|急着|自己|拍门|踹门|硬扛|上来就|信|按|开灯|用水|泼水)|就地打滚)"
    r"|^是真的会|^会要命|^[^，。]{0,6}?有没有用|^的?(?:就|都)?(?:该|应该)(?:报警|罚|抓|判|曝光)"
    r"|^了?直接(?:出门|下楼|走楼梯)|^是用"
)
PLACE_BEFORE = rule(
    r"楼|单元|栋|号|走廊|过道|电梯|车库|地下室|车棚|阳台|厨房|卫生间|屋里|家里|门口|隔壁|对面"
)
# A place of ours named later in the message: an alert says what not to do too ("燃气漏了！别开
# 灯，5栋2单元都闻到了"), so advice after the word is advice only when no place follows either
# (lead, twenty-second session, the lead's own attack on a rule of that session).
PLACE_LATER = rule(
    r"\d+(?:号楼|号|栋|幢|座|单元|楼|层|室)|[东西南北]门|[一二三四五六七八九十]+(?:号楼|栋|单元)"
    r"|楼道|楼梯间|电梯里|地下车库|车库|我家|我们家|我们楼|咱们楼"
)
# Right after the word, a reference to an event rather than a report of it: "水管爆的那户",
# "困人的那部电梯", "着火的时候", "爆管的事" (unless someone is still in danger).
REFERENCE_AFTER = rule(
    r"^(?:了|的)?(?:那户|那个(?!位置)|那次|那天|那会儿|那部|那家(?!的(?:门|窗|锁|防盗|阳台))|的那|的事|事故|的时候|时候|时(?=[，,请要应可])|之后|以后|的说法|的处理"
    r"|后(?![面边头]))"
)
STILL_DANGER = rule(r"还有人|快来|救命|赶紧|正在|还在烧|还在冒")
# A simile right before the word ("你的爱就像火苗") or right after it ("冒火似的").
SIMILE_BEFORE = rule(
    r"(?:就像|如同|仿佛|好似|像一团|像一把|跟|(?<!好)像在|(?<!好)像是在|一团|一把|(?<!好)比"
    r"|像一(?:场|团|把|片|座)[^，。]{0,6}"
    # Lead, twentieth session: a metaphor ("我的工资条就是一场火灾", "我就是个漏电的插座").
    r"|(?:就是|简直(?:就)?是)(?:一(?:场|座|个|只|根|团)|个))$"
)
SIMILE_AFTER = rule(r"^.{0,2}(?:似的|一样|一般)|^还(?:可怕|吓人|厉害|恐怖)")
# Figurative trouble: "被工作压得喘不过气来"; stairs climbed until breathless ("爬八楼爬得喘不过气");
# a stench to faint from ("臭得整栋楼都要晕过去").
FIGURATIVE_BEFORE = rule(
    r"(?:(?:压|累|忙|逼|气|笑|辣|热|看|急|搬|走|跑|饿|闷|哭|吃|爬|香)得.{0,4}|喉咙.{0,3}|被[^，。]{0,8}?气|哭到.{0,2}|心里.{0,3}|脑子.{0,2}|肚子.{0,2}|内心.{0,3}|整个人.{0,3}|嘴巴.{0,2}|嘴里.{0,2}|胃里.{0,2}|钱包.{0,2}|"
    r"(?:臭|熏)得.{0,8}|一看[^，。]{0,8}?就|嗓子(?:眼)?(?:都|要|快)?|脑瓜子?.{0,3}|缺德(?:带)?|心(?:在|都在|都)?|快累|累得快|得快|感觉(?:我|自己)(?:也)?(?:要|快)?|脚底板?要?|(?:工作|感情|生活|人生|思路|学习|婚姻|事业|作业|项目|工资条|钱包|股票|股市|基金|论文|PPT|KPI|kpi|绩效|业绩|地球)(?:也)?被?|亏(?:到|得).{0,2}|火气.{0,6}|(?:气|急|热|累|堵|笑)到.{0,2})$"
)
BREAK = rule(r"[,，。!！?？;；…\s]")

# "我用脚踩灭了 但他还要接着煮": the danger goes on after the all-clear.
BUT_AFTER = rule(
    r"^.{0,8}?(?:(?<!味道)(?<!味)还在|还要|又开始|接着|继续|越来越)|^[^。]{0,8}?(?:出不来|出不去|门打不开|开不了门)"
    # "我老公说没事，我觉得不太对": someone says it is nothing, the speaker doubts it.
    r"|^[^。]{0,4}?(?:我觉得|我看|我感觉)(?:还是)?(?:不太对|不对|不放心|不像)"
    # Urgent8: "我婆婆说没事，我心里不踏实"; "把总闸关了，还有烟".
    r"|^[^。]{0,3}?(?:我)?心里(?:还是)?(?:不踏|不放|发毛)|^.{0,3}?(?:还有|还在冒|还冒)烟|^.{0,4}?气(?:还|一直)(?:开着|在冒|在漏|在放|没关)"
)
# Lead, fifteenth session: a reassurance that opens the message, the trouble after it ("可能没
# 啥事哈，不过4楼那个老奶奶两天没开门了", "没事没事别担心哈…就是我婆婆摔了一下起不来了"); not
# the all-clear of an event told first ("…现在没事了，但是这事得有人管", "火灭了，就是烟味还很大").
_REASSURANCE = rule(r"没事|没啥事|没什么事|没啥大事|没什么大事|担心|紧张|放心")
REASSURED_FIRST = rule(r"[哈啊呀吧哦啦嘛]?[，,。…\s~～]*(?:不过|就是|只是)")


# "三楼是不是有点燃气的味道？": asking whether what one smells, sees or hears is what it seems
# is sensing it. Dropped from the clause of a perceived danger (a smell, a person heard
# inside), never of a supposed one ("万一", "如果" stay).
ASKED = rule(r"是不是|会不会")


# A class, a talk or a test that someone went to, is back from or left, not what the message is
# about: "孩子上完培训班没回来", "我刚从安全培训回来，一进楼道就闻到煤气味", "刚开完消防讲座，回来
# 发现3楼冒黑烟", "测试一下群里有人吗？急！有人被困电梯了". NOT_HERE_NOW's 培训, 讲座 and 测试 do not
# clear such a message ("今天社区安全培训，讲了着火了怎么逃生" still is one).
ATTENDED = rule(
    # Someone not back from it, or back and finding the danger, or the talk over.
    # (not what it taught: "培训讲了孩子找不到了要马上报警").
    r"(?:培训|讲座)(?:(?!讲|教|说|学)[^。！？]){0,12}?(?:没回|还没到|没到家|不见了|找不到)"
    r"|(?:培训|讲座)[^。！？]{0,3}?回来[，, ]?(?:就|一看|发现|看到|闻到|一进)|(?:培训|讲座)刚?散场"
    r"|测试一下(?:群|有人|有没有人)"
    # Lead, twelfth session: a drill that has ended is the time of what follows ("消防演练刚
    # 结束，1单元楼道又冒烟了", "演练完回家发现8楼走廊全是烟"), a video call the moment something
    # was seen ("刚跟我爸视频，他突然说不出话", "我妈刚才视频时突然倒下去了"), a role who is
    # speaking ("我是做消防宣传的，现在路过9栋，闻到很重的燃气味").
    r"|(?:演练|演习)(?:刚|已经)?(?:结束|完)(?:了)?(?:以后|之后|后)?[，, ]?(?=[^。]{0,12}?(?:又|真|发现|就|回家))"
    r"|(?:跟|和|与|同)[^，。！？]{0,4}?视频|视频(?:时|的时候)"
    r"|我是(?:社区)?(?:做)?[^，。！？]{0,4}?(?:宣传|培训)(?:员|的|志愿者|老师)"
)
# A reminder or a greeting that goes with an alert as often as with a notice ("3楼着火了，大家
# 注意安全", "温馨提醒：东门有个老人晕倒了"): such a cue clears only its own clause; the rest of
# the message is judged without it (safety.urgent), where advice stays advice ("温馨提醒：天干
# 物燥，用火用电注意安全").
REMINDER = rule(r"温馨提醒|注意安全")
# A nervous laugh beside a plea for someone to be called ("我被关电梯里了哈哈哈，…有人能帮我叫下
# 物业吗"): the laugh is read as nothing; the rest of the message is judged without it (lead,
# thirteenth session; a laugh with no such plea still clears the message).
LAUGH = rule(r"哈哈|笑死")
PLEA = rule(
    r"帮(?:我|忙)(?:叫|打|喊|报|找)(?:一?下)?(?:物业|保安|消防|警察|人|电梯|维保|110|119|120)"
    r"|(?:快|赶紧)(?:叫|打)(?:物业|保安|消防|警察|110|119|120)"
)
_CLAUSE_BREAK = rule(r"[,，。!！?？;；:：、\s]")


def clause_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause of ``text`` holding ``text[start:end]``: from the break before it to the
    break after it."""
    before = [m.end() for m in _CLAUSE_BREAK.finditer(text, 0, start)]
    after = _CLAUSE_BREAK.search(text, end)
    return (before[-1] if before else 0, after.start() if after else len(text))


def without_attended(text: str) -> str:
    """``text`` with the words of what frames it (:data:`ATTENDED`: a drill that has ended, a
    video call, a talk someone is back from, the speaker's role) blanked out, of the same
    length: the rest, the event included, is then judged on its own ("演练完回家发现8楼走廊全是烟",
    "去上钢琴培训，到现在没回来"; lead, thirteenth session)."""
    if ATTENDED.search(text) is None:
        return text
    return ATTENDED.sub(lambda m: _FRAME_WORDS.sub(_blank, m.group(0)), text)


_FRAME_WORDS = rule(r"演练|演习|培训|讲座|测试|视频|宣传")


def _blank(match: re.Match[str]) -> str:
    return "，" * len(match.group(0))


def story(text: str) -> bool:
    """The message opens as a story of the past or of somewhere else (:data:`STORY_OPENING`,
    :data:`STORY_ELSEWHERE` without a place of ours) and does not turn to now.

    The model's tags and the urgency rules both ask this of the same text: the last text's
    answer is kept (by identity, as ``patterns.chars_of`` keeps its characters)."""
    global _last_story
    last_text, told = _last_story
    if last_text is not text:
        told = (
            STORY_OPENING.match(text) is not None
            or (STORY_ELSEWHERE.match(text) is not None and OUR_ESTATE.search(text) is None)
        ) and STORY_TURNS_NOW.search(text) is None
        _last_story = (text, told)
    return told


_last_story: tuple[str, bool] = ("", False)


# Lead, twentieth session (two training files of trouble elsewhere told in the present tense,
# relayed or watched: the rules alone took 57 and 131 of their chat lines for emergencies).
# A place that belongs to someone else, where the message puts what happens: "她们楼里有煤气
# 味", "我妈那栋楼电梯里困着人呢", "他家楼下的井盖被偷了", "隔壁那个小区好像着火了".
THEIRS = rule(
    r"(?:他|她)们(?:那边|那个小区|那栋|那楼|的小区|小区|楼里|楼下|楼上|单位|公司|学校|宿舍|村里|那儿|那里|厂里)"
    r"|(?:他|她)(?:家)?(?:那边|那栋|那个小区)|(?:他|她)家(?:楼下|楼上|小区)"
    r"|(?:妈|爸|姨|舅|姑|婆婆|公公|岳母|丈母娘|姥姥|外婆|奶奶|爷爷|姐|哥|弟|妹|朋友|同事|同学|室友|发小|闺蜜"
    r"|亲戚|老乡|嫂子|姐夫|妹夫|女儿|儿子|闺女|姑父|叔叔|婶婶)(?:家)?"
    r"(?:那边|那栋楼|那个小区|那楼|那院|那屋|住的(?:那个)?小区|的小区|那个公寓|村里|宿舍)"
    r"|隔壁那个小区|邻区|城中村"
    # Lead, twenty-first session, from a training file of trouble elsewhere: a relative's home
    # or shop named alone ("我妈家水管爆了", "我嫂子的美容院隔壁着火"), a child's school, the
    # estate across the road.
    r"|(?:我|俺)(?:妈|爸|婆婆|公公|岳母|丈母娘|姥姥|外婆|奶奶|爷爷|姐|哥|弟|妹|女儿|儿子|闺女|舅舅|姨|姑|嫂子)"
    r"(?:家(?!人|里人|长|属)|的(?:店|美容院|饭馆|公司|厂|单位))"
    r"|(?:孩子|女儿|儿子|闺女|孙子|孙女|外孙女?)(?:的)?(?:学校|幼儿园|班上|班里|宿舍)|学校组织"
    # Lead, twenty-fifth session (by-file CV, chat filed as reports): a relative's workplace
    # ("老公单位停车场晚上被人划了一排车"), a hospital ward visited.
    r"|(?:老公|老婆|媳妇|我爸|我妈|女儿|儿子|闺女)(?:的)?(?:单位|公司|厂里)|病房"
    r"|(?:对面|对过|旁边|附近)(?:那个|的)?小区"
    r"|(?:阿拉|我|俺|伊|他|她)(?:阿姐|阿哥|姆妈|阿妹|阿弟|阿爸)(?:屋里|屋企|屋头|家)"
)
# ...or that opens at the writer's workplace or a public place, or with a broadcast: "在公司
# 加班，楼下有人在吵架…", "儿科急诊这会儿人挤人…", "正在看的直播里…".
SETTING_ELSEWHERE = rule(
    r"^\W{0,3}[^，。]{0,6}?(?:在|喺)(?:公司|单位|医院|县医院|学校|宿舍|寝室|工地|火车站|高铁站|写字楼|园区"
    r"|饭店|输液大厅|病房|急诊|外面吃饭|开会|加班|上班)"
    r"|^\W{0,3}[^，。]{0,6}?(?:公司这层|上班的(?:楼|地方)|写字楼|我们公司|我们园区|儿科|住院部|直播|广播里"
    r"|电视台|群里(?:在转|有人)|刷[^，。]{0,4}?群|看[^，。]{0,4}?直播)"
)
# ...or names a place far from here: another city or country, a township, a workplace, a
# road trip, a forwarded message ("我老公喺东莞打工，佢话厂房着咗火", "朋友在悉尼，那边山火烧得天都
# 是红的"; a third training file of trouble elsewhere). Not where the writer or kin is
# away at work or study (then what happens is here: "俺儿子在外地打工，孙子…还没回"), nor an
# accent ("说话带河南口音").
_DISTANT_NAMES = (
    r"北京|上海|天津|重庆|广州|深圳|东莞|佛山|成都|沈阳|大连|哈尔滨|长春|伊春|大庆|鞍山|济南|青岛|郑州|洛阳"
    r"|太原|合肥|南京|杭州|义乌|武汉|长沙|衡阳|南昌|西安|兰州|昆明|贵阳|南宁|广西|百色|湖南|湖北|浙江|江苏"
    r"|河南|河北|山东|山西|东北|呼和浩特|香港|九龙|澳门|台湾|美国|加州|澳洲|悉尼|日本|国外"
    # Lead, twenty-fifth session (by-file CV, chat filed as reports): more cities and provinces.
    r"|苏州|无锡|宁波|厦门|福州|石家庄|乌鲁木齐|温州|珠海|三亚|海口|烟台|威海|徐州|扬州|绍兴|泉州|桂林"
    r"|唐山|保定|齐齐哈尔|牡丹江|锦州|丹东|安徽|福建|江西|贵州|云南|陕西|甘肃|青海|宁夏|新疆|西藏|内蒙古"
    r"|辽宁|黑龙江|海南|广东|韩国|英国|加拿大|新加坡"
)
DISTANT = rule(
    rf"{_DISTANT_NAMES}|镇上|邻村|厂房|工位|会议室|写字楼|办公楼|服务区|国道|列车|群里在传|群在转|群里转|推送"
    # Places no estate holds (lead, twenty-first session).
    r"|开发区|工业区|老城区|大学城|郊区|县城|乡下|环线|高速上|地铁站|公交站|商场|少年宫|科技馆"
    r"|景区|机场|酒店|军训|(?:隔壁|对面|旁边)的?厂|城(?:东|西|南|北)那"
    # ...seen from here across a river or a road (a training file of trouble seen from windows).
    r"|烂尾楼|(?:隔壁|对面|旁边)的?楼盘|(?:河|江)(?:对面|对岸|那边|那头|面上)|大桥那|马路对面"
    r"|大马路上|隔壁(?:镇|村)|物流园|工业园|老街那"
)
_AWAY_THERE = rule(
    rf"口音|(?:在|从|喺)(?:{_DISTANT_NAMES})[^，。]{{0,4}}?(?:打工|上班|工作|读书|上学|赶|回不来|返"
    # ...or calls from there ("我个仔喺加拿大打视像畀我…我转头先见到成条走廊都系烟"), or the
    # place is the accent ("讲苏州闲话"; lead, twenty-fifth session).
    r"|打视像|打视频|视频|打电话|打嚟|打过来)"
    rf"|(?:{_DISTANT_NAMES})(?:话|闲话|白话|方言)"
)
# What puts it back here: our buildings, floors, home, the estate's places, just back.
HERE_MARK = rule(
    r"我们这|咱们这|我们家|(?<!从)我家|俺家|咱家|我楼下|我楼上|我们楼|咱楼|楼上那|楼下那|对门|走到楼下"
    r"|\d+(?:楼|层|号楼|栋|单元|座)|(?<!写字)楼顶(?:上|的)|刚从[^，。]{1,8}?回来|我们小区|咱们小区|本小区|我们单元"
    r"|地下车库|车棚|(?<![们的家])楼道|地下室|天台|大门口|大堂"
    # The estate's own places (lead, twenty-third session: "看到群里有人在卖二手电视…停车场那边有辆
    # 电动三轮车烧起来了").
    r"|(?<!服务区)停车场那边|中心花园|(?<![家的个边那])小区(?:门口|里)|单元门口|楼梯间|楼梯口|电梯间|健身区|游乐区"
    # A room number, not a number called ("我打了120"); next door to here, not to a place
    # named elsewhere ("我嫂子的美容院隔壁着火"; lead, twenty-first session).
    r"|(?<![\d.])(?!(?:11[09]|12[02])(?!\d))\d{3,4}(?![\d.年元块米万号度岁])|\d+-\d+"
    r"|(?<![院店厂司馆])隔壁(?!小区|那个小区|村|市|县|城|省|桌|区|床|病床|病房|工位)"
)
# A call on the group to act.
GROUP_PLEA = rule(
    r"谁在附近|谁离得近|快来人|大家快|求大家|求求|帮忙去|哪位邻居|谁(?:能|有空|在家)|麻烦(?:大家|邻居)"
    # ...or to look out for someone ("有冇街坊见到", "边个见到"; lead, twenty-first session).
    r"|(?:有没有?|有冇)(?:人|邻居|街坊)(?:见到|看到|看见|见过)|谁(?:看见|看到|见到|见过|会)|边个见到"
    r"|大家帮忙|快来|有没有懂"
    # ...or one's own child lost, wherever ("个仔喺商场唔见咗，佢着黄色衫").
    r"|(?:(?:我|俺|阮)(?:的)?(?:儿子|女儿|孩子|囡|孙子|孙女|外孙)|个仔|个女)[^，。]{0,8}?"
    r"(?:不见|唔见|走丢|丢了|找不到|走失|走散)"
)


# One scan for both (asked of every message, for the model's tag): most messages hold neither.
_THEIRS_OR_DISTANT = rule(f"{THEIRS.pattern}|{DISTANT.pattern}")


def told_elsewhere(text: str) -> bool:
    """What happens is put in someone else's place (:data:`THEIRS`), the message opens
    somewhere else (:data:`SETTING_ELSEWHERE`) or names a place far away (:data:`DISTANT`),
    and nothing brings it here (:data:`OUR_ESTATE`,
    :data:`HERE_MARK`, :data:`GROUP_PLEA`): told, however present its tense ("正在", "这会儿"),
    not happening here."""
    return (
        (
            SETTING_ELSEWHERE.match(text) is not None
            or (
                _THEIRS_OR_DISTANT.search(text) is not None
                and (
                    THEIRS.search(text) is not None
                    or (DISTANT.search(text) is not None and _AWAY_THERE.search(text) is None)
                )
            )
        )
        and OUR_ESTATE.search(text) is None
        and HERE_MARK.search(text) is None
        and GROUP_PLEA.search(text) is None
    )


def not_here_now(text: str) -> re.Match[str] | None:
    """The first cue of :data:`NOT_HERE_NOW` in ``text`` that is not inside a class, a talk or
    a test someone attended (:data:`ATTENDED`)."""
    attended = [m.span() for m in ATTENDED.finditer(text)] if ATTENDED.search(text) else []
    for m in NOT_HERE_NOW.finditer(text):
        # A cue denied just before it ("不是在拍抖音！！10号楼有个小孩爬到窗外…"; lead,
        # twentieth session).
        if "不是" in text[max(0, m.start() - 5) : m.start()]:
            continue
        if not any(a <= m.start() < b for a, b in attended):
            return m
    return None


def called_off(text: str) -> bool:
    """The message says the danger is over, and does not go on to say it is back; an all-clear
    of an earlier time ("…被困在里面…。上次坏是上周，说修好了") says nothing of now."""
    return any(
        not BUT_AFTER.match(text[m.end() : m.end() + 8])
        and not (
            m.start() <= 10
            and _REASSURANCE.search(m.group(0))
            and REASSURED_FIRST.match(text, m.end())
        )
        and not _earlier_sentence(text, m.start())
        and not _said_but_hurt(text, m)
        for m in OVER.finditer(text)
    )


# Lead, twenty-fifth session (a writer's training file of hedged reports): the hurt person says
# it is nothing, and the writer goes on to what says otherwise ("摔了一跤，说没事，可是腿动不
# 了", "醒了说没事，可是站不稳", "她说没事要走，但我看她胳膊…肿得厉害").
_SAID_BEFORE = rule(r"(?:说|讲|称|还说)[^，。]{0,2}$")
_BUT_HURT = rule(
    r"[^。]{0,8}?(?:可是|但是|但|不过|可(?![能以]))[^。]{0,14}?"
    r"(?:动不了|站不稳|站不起来|起不来|流血|肿得|又倒了|不对劲|在吐|吐了|发抖|喘不上|晕)"
)


def _said_but_hurt(text: str, m: re.Match[str]) -> bool:
    """An all-clear said by the person hurt, then a sign of harm (:data:`_BUT_HURT`)."""
    return (
        _REASSURANCE.search(m.group(0)) is not None
        and _SAID_BEFORE.search(text, max(0, m.start() - 5), m.start()) is not None
        and _BUT_HURT.match(text, m.end()) is not None
    )


# A later sentence that opens in an earlier time (lead, twenty-third session, from a training
# file of turning talk).
_EARLIER_TIME = rule(
    r"\W*[^，。！!？?]{0,4}?(?:上次|上回|上一次|上周|上个月|上礼拜|上星期|去年|前年|那次|那回)"
)


def _earlier_sentence(text: str, start: int) -> bool:
    """``start`` is in a sentence after the first that opens in an earlier time."""
    cut = sentence_end_before(text, start)
    return cut > 0 and _EARLIER_TIME.match(text, cut + 1) is not None


def sentence_end_before(text: str, start: int) -> int:
    """Where the last sentence before ``start`` ends (its stop), or -1 in the first sentence."""
    return max(text.rfind(c, 0, start) for c in "。!！?？;；\n")


# After a family's match, "的话" makes it a supposition; "怎么办" after a concrete event
# ("孩子把洗衣液喝了 怎么办") is a plea, unlike after a bare word ("着火怎么办").
FAMILY_HYPOTHETICAL_AFTER = rule(r"^.{0,3}(?:的话|这种|之类|隐患|风险)|^要(?:赶紧|马上|立即|及时)")


# A sentence that opens in a time gone by ("前几年楼下饭馆着火那次，浓烟一直冒到十几楼", "那年
# 春节有人在楼下放烟花，把二楼的雨棚点着了"), and nothing in it comes back to now (lead,
# twentieth session, from a training file of hard negatives: the clause alone lost the time).
PAST_OPENING = rule(
    r"^\W*(?:[^，。！!？?]{0,6}?(?:那年|那次|那回|前几年|前些年|前年|去年|上个月|上周|上礼拜|几年前|年前|小时候)"
    r"|(?:我)?刚搬来那)"
)
_BACK_TO_NOW = rule(
    r"现在|刚才|刚刚|正在|还在|今天|今晚|今早|今儿|这会儿|快来|救命|赶紧|又|之后|以后|至今"
    r"|[一二三四五六七八九十两几半\d]+(?:个)?(?:小时|分钟|钟头)(?:前|了)"
)


_PAST_WORD = rule(
    r"那年|那次|那回|前几年|前些年|前年|去年|上个月|上周|上礼拜|几年前|年前|小时候|刚搬来那"
)
_last_past: tuple[str, bool] = ("", False)


def told_past(text: str, start: int) -> bool:
    """The sentence holding ``start`` opens in a time gone by (:data:`PAST_OPENING`) and
    says nothing of now (:data:`_BACK_TO_NOW`). Asked for every urgent word and family
    match: whether the text holds a word of the past at all is kept for the last text (by
    identity, as :func:`story` keeps its answer)."""
    global _last_past
    last_text, any_past = _last_past
    if last_text is not text:
        any_past = _PAST_WORD.search(text) is not None
        _last_past = (text, any_past)
    if not any_past:
        return False
    cut = sentence_end_before(text, start) + 1
    if PAST_OPENING.match(text, cut) is None:
        return False
    stop = min(
        (i for i in (text.find(c, start) for c in "。!！?？;；\n") if i >= 0), default=len(text)
    )
    return _BACK_TO_NOW.search(text, cut, stop) is None


def family_real(text: str, start: int, end: int, said: str) -> bool:
    """The clause before a family's match (and what it ``said``) is not imagined, past,
    figurative or a simile, and what follows does not make it a supposition; nor is its
    sentence told of a time gone by (:func:`told_past`)."""
    clause = clause_before(text, start)
    after = text[end : end + 6]
    return not (
        told_past(text, start)
        or IMAGINED.search(clause + said)
        or FAMILY_HYPOTHETICAL_AFTER.match(after)
        or SIMILE_BEFORE.search(clause)
        or SIMILE_AFTER.match(after)
        or FIGURATIVE_BEFORE.search(clause)
    )


def clause_before(text: str, start: int) -> str:
    before = text[max(0, start - 16) : start]
    breaks = [m.end() for m in BREAK.finditer(before)]
    return before[breaks[-1] :] if breaks else before


def real(text: str, match: re.Match[str]) -> bool:
    return real_at(text, match.start(), match.group(0))


# A time in the past, then now, in one clause: the thing named then is what is in danger now
# ("两年前装的燃气管现在漏气了", "前年换的电线今天冒烟了"; the lead's attack, eighteenth session).
_PAST_THEN = rule(
    r"去年|前年|以前|之前|上次|上回|上个月|上周|前天|昨天|昨晚|前几天|前两天|[一两三四五六七八九十几]年前"
    # ...and a prediction that has come true ("我早说过迟早出事，…现在好了，门夹住一个老太太";
    # lead, nineteenth session).
    r"|迟早|早晚"
)
_NOW_AFTER = rule(r"现在|今天|刚才|刚刚|这会儿|此刻")


def _imagined(clause: str) -> bool:
    """:data:`IMAGINED` in ``clause``, unless its last cue is a past time that the clause
    brings to now (:data:`_PAST_THEN`, :data:`_NOW_AFTER`)."""
    found = IMAGINED.search(clause)
    if found is None:
        return False
    last = found
    for match in IMAGINED.finditer(clause, found.end()):
        last = match
    return not (
        _PAST_THEN.fullmatch(last.group(0)) and _NOW_AFTER.search(clause, last.end()) is not None
    )


def real_at(
    text: str, start: int, word: str, *, references: bool = True, asked: bool = False
) -> bool:
    """Not imagined, past, hearsay, figurative or a simile: the clause before ``start``
    (and the word itself) says nothing of the kind; with ``references``, nor does what
    follows make it a reference to an event ("水管爆的那户"); with ``asked``, a question
    about what is perceived ("是不是…味道") does not make it imagined."""
    clause = clause_before(text, start)
    if asked:
        clause, word = ASKED.sub("", clause), ASKED.sub("", word)
    after = text[start + len(word) : start + len(word) + 6]
    return not (
        told_past(text, start)
        or _imagined(clause + word)
        or HYPOTHETICAL_AFTER.match(after)
        or (
            ADVICE_AFTER.match(after)
            and not PLACE_BEFORE.search(clause + word)
            and not PLACE_LATER.search(text, start + len(word))
        )
        or (references and REFERENCE_AFTER.match(after) and not STILL_DANGER.search(after))
        or SIMILE_BEFORE.search(clause)
        or SIMILE_AFTER.match(after)
        or FIGURATIVE_BEFORE.search(clause)
    )
