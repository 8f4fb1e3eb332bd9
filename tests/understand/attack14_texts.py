"""The lead's fourteenth-session attack, written after reading the by-file CV misses of the
training split (so NOT a clean measure), in phrasings of the lead's own.
"""

URGENT = [
    # Fumes by their quieter signs, beside a heater or a stove.
    "我爸洗澡半天了，喊他说话含含糊糊的，热水器是燃气的",
    "屋里烧着炭盆，两个孩子都迷迷糊糊叫不太醒",
    "我对象一直说发困头胀，我们家热水器是直排的",
    "刚洗完澡出来眼前发黑，坐下还是不行，热水器是燃气的那种",
    # A stroke's first signs; chest discomfort with a pale face.
    "我奶奶吃着饭说话突然含糊了，嘴也有点歪",
    "电梯口有个大哥脸色很白，说心口难受，喘不太上来",
    # A missed step, holding a hip.
    "我婆婆下楼梯踩空了，现在站不起来，5栋3单元",
    "花园里有位大爷好像摔了，一直捂着腰起不来",
    # Missing: twins, gone in a moment.
    "双胞胎的老二找不着了，三岁，穿黄色雨衣",
    "我女儿刚才在滑梯那边玩，我接个电话一回头就不见了",
    # In a lift for minutes, stuffy.
    "3号楼电梯里我家老人待了快二十分钟了，说里面很闷",
    # Out on the window grille.
    "对面6楼有个小孩坐在防盗网上，大人好像不在家",
    "阳台外面有个小朋友爬出来了，就蹲在外面",
    # Coming off piece by piece over people; a range hood alight.
    "5号楼外墙的瓷砖一片片掉下来，下面还有人在走",
    "2单元有烟！好像是哪家油烟机着了",
    # From a south-coast training file's misses (Cantonese), in the lead's words.
    "3座部lift困咗两个人，喺入面十几分钟",
    "个垃圾桶烧起身喇，火越嚟越大",
    "有冇人见过我阿嫲？八十岁，朝早出去到而家未返",
    "对面楼有户窗口喷火，好大烟",
    "隔篱座有块招牌成块甩咗落嚟，下面仲有人行紧",
    "公园门口有个伯伯瞓咗喺地下，叫佢唔醒",
    "5楼电梯门开着但轿厢不在，黑洞洞的，小孩差点走进去",
]

NOT_URGENT = [
    # Past falls and ordinary complaints about the same things.
    "上周我妈下楼踩空摔断了手腕，楼道灯到现在还没修",
    "我爸上次在楼梯上摸黑踩空，膝盖磕破了，幸好没骨折",
    "电梯太闷了，夏天能不能装个风扇",
    "防盗网上的花盆记得绑一下，风大",
    "修热水器的事真让人头疼，约了三次都没来",
    "孩子在家玩游戏玩得迷迷糊糊的，饭都不吃",
    "双胞胎今天满月，请大家吃喜糖",
    "梧桐树叶一片片掉下来，扫都扫不完",
    "谁家油烟机的烟这么大，呛死了",
    # From a chatter file's false alarms (rules alone), in the lead's words.
    "太热了，我家那条狗趴地上一动不动，光吐舌头",
    "我家两个孩子为了抢一个平板又打起来了，头大",
    "电梯里一股烟味，准是哪个老烟枪又在里面抽了",
    "冬天用炭火锅的注意别一氧化碳中毒，记得开窗",
    "老板话个deadline火烧眼眉，今晚又要通宵",
    "年尾大减价，真系火烧价",
    "晕低嗰个伯伯已经醒返，冇事",
    "阀门关了，已经不漏了，谢谢大家",
    # Kin's homes elsewhere (the model's elsewhere tag).
    "我大姨那栋楼电梯坏了一个月了，还是咱们这边物业靠谱",
]
