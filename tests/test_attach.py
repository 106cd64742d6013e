"""Core II: subject, metric, kind, sign and period attached to each figure.

Each case is a short text written for the construction it tests; expected values are what a
reader takes from it (SCHEMA and corpus/GOLD.md).
"""

from decimal import Decimal as D

import pytest


def _facts(extractor, text):
    return extractor.extract_text(text, doc_id="t")


def _by_text(extractor, text):
    return {f.text: f for f in _facts(extractor, text)}


KIND_AND_SIGN = [
    ("全市地区生产总值同比增长17.1%。", "17.1%", D("17.1"), "%", "growth"),
    ("社会消费品零售总额同比下降2.3%。", "2.3%", D("-2.3"), "%", "growth"),
    ("该公司市值蒸发超过500亿元。", "500亿元", D("-50000000000"), "元", "change"),  # 蒸发 is a fall
    ("增速为-2.7%。", "-2.7%", D("-2.7"), "%", "growth"),
    ("关注度甚至低于平均值22个百分点。", "22个百分点", D("-22"), "百分点", "change"),  # a gap to a base
    ("城市中至少已有11个公布了数据。", "11个", D("11"), "个", "level"),  # 至少 is a qualifier, not 少
    ("气温最高达到零上三十八度。", "零上三十八度", D("38"), "度", "level"),  # 最高 is the highest, no move; 零上 no zero
    ("最低气温零下5℃，最高气温零上8℃。", "零上8℃", D("8"), "℃", "level"),
    ("人均收入比武汉少100万元。", "100万元", D("-1000000"), "元", "change"),
    ("同比提高3.3个百分点。", "3.3个百分点", D("3.3"), "百分点", "change"),
    ("比上月回落0.1个百分点。", "0.1个百分点", D("-0.1"), "百分点", "change"),
    ("10年期国债收益率下行5个基点。", "5个基点", D("-5"), "基点", "change"),
    ("人民币对美元中间价调贬12个基点。", "12个基点", D("-12"), "基点", "change"),
    ("降幅收窄1.2个百分点。", "1.2个百分点", D("1.2"), "百分点", "change"),  # the metric carries the direction
    ("煤炭消费比去年同期减少83.46万吨。", "83.46万吨", D("-834600"), "吨", "change"),
    ("气温比常年同期偏低2℃。", "2℃", D("-2"), "℃", "change"),  # 偏低 against the usual
    ("央行决定下调金融机构存款准备金率0.5个百分点。", "0.5个百分点", D("-0.5"), "百分点", "change"),  # verb, object, amount
    ("对经济增长贡献率达到81.3%。", "81.3%", D("81.3"), "%", "level"),  # 增长 inside a noun moves nothing
    ("线下机构压减比例达到95.6%。", "95.6%", D("95.6"), "%", "level"),
    ("占GDP比重增至4.08%。", "4.08%", D("4.08"), "%", "level"),  # 增至: the new level
    ("利润增长3倍。", "3倍", D("3"), "倍", "growth"),
    ("净利同比下降超30%。", "30%", D("-30"), "%", "growth"),  # 超 is the qualifier, 下降 the verb
    ("净亏损9.14亿元。", "9.14亿元", D("914000000"), "元", "level"),  # a loss word stays in the metric
    ("均低于9.8%的全国增速。", "9.8%", D("9.8"), "%", "growth"),  # 低于 is a bound, not a decrease; 增速 names a rate (d01 gold)
    ("全市规模以上工业增加值实现了8.5%的增长。", "8.5%", D("8.5"), "%", "growth"),  # the rate after the figure
    ("全市出口额出现3.2%的下降。", "3.2%", D("-3.2"), "%", "growth"),
    ("87.8%的学生认为作业量明显减少。", "87.8%", D("87.8"), "%", "level"),  # 减少 is what the students think
    ("净利润同比增长38.31%至48.07%。", "48.07%", D("48.07"), "%", "growth"),  # the top of a range, no 增至
    ("城镇调查失业率下降0.2%至5.0%。", "5.0%", D("5.0"), "%", "level"),  # the level 下降…至 reaches
]


@pytest.mark.parametrize("text, figure, value, unit, kind", KIND_AND_SIGN)
def test_kind_and_sign(extractor, text, figure, value, unit, kind):
    fact = _by_text(extractor, text)[figure]
    assert (fact.value, fact.unit, fact.kind.value) == (value, unit, kind)


def test_list_items_move_like_the_first(extractor):
    facts = _facts(extractor, "国内贷款、自筹资金、个人按揭贷款分别下降24.4%、5.2%、25.1%。")
    assert [(f.value, f.metric) for f in facts] == [
        (D("-24.4"), "国内贷款"), (D("-5.2"), "自筹资金"), (D("-25.1"), "个人按揭贷款")]


METRICS = [
    ("2020年渝北区地区生产总值实现2009.52亿元。", "2009.52亿元", "地区生产总值"),
    ("R&D(研究与试验发展)支出达到75.46亿元。", "75.46亿元", "R&D支出"),
    ("累计为225家科技型企业提供贷款。", "225家", "科技型企业"),  # a count measures the noun after it
    ("每年整合不低于3亿元财政资金。", "3亿元", "财政资金"),  # a lead that ends in a verb: the noun after
    ("万人有效发明专利拥有量达到23.56件。", "23.56件", "万人有效发明专利拥有量"),
    ("全国生产粗钢8294万吨。", "8294万吨", "粗钢产量"),
    ("价格为7.54万元/吨。", "7.54万元/吨", "价格（每吨）"),
    ("上证指数收报3639.78点。", "3639.78点", "上证指数"),
    ("上证指数收盘报3050.12点，下跌0.35%。", "0.35%", "上证指数"),  # an index that closes is measured
    ("上证指数下跌0.35%；深证成指报9876.54点。", "9876.54点", "深证成指"),
    ("该公司营收5.6亿美元。", "5.6亿美元", "营收"),  # 该公司 is the subject's stand-in
    ("营收5.6亿美元，折合人民币36亿元。", "36亿元", "营收"),  # a conversion restates the figure
    ("出口额约为上年的1.5倍。", "1.5倍", "出口额"),
    ("M2增速比上月末高0.4个百分点。", "0.4个百分点", "M2增速"),  # a time as the base is no metric word
    ("居民人均消费支出比上年增长9.2%，扣除价格因素，实际增长9.0%。", "9.0%", "居民人均消费支出（实际）"),
    ("全市实际使用外资100亿元。", "100亿元", "实际使用外资"),  # 实际 inside a term stays
    ("6月份，规模以上工业增加值同比实际增长4.4%。", "4.4%", "规模以上工业增加值（实际）"),
    ("41个工业大类行业中有26个行业利润总额同比增长。", "26个", "利润总额同比增长的行业"),
    ("江苏省GDP总量达12.82万亿元，连续多年位居全国第二。", "第二", "GDP总量"),  # 连续多年 says when
    ("研发投入强度达到3.2%。", "3.2%", "研发投入强度"),  # 投入 before 强度 is part of a noun
    ("新增国家高新技术企业126家，总数达到862家。", "862家", "国家高新技术企业总数"),
    ("建成5G基站2100个。", "2100个", "5G基站"),
    ("英伟达第三财季营收为181.2亿美元。", "181.2亿美元", "营收"),  # a fiscal quarter is a time
    ("央行决定下调金融机构存款准备金率0.5个百分点。", "0.5个百分点", "金融机构存款准备金率"),
    ("3名嫌疑人已被警方控制，另有2人在逃。", "2人", "在逃人数"),  # 另 alone is no metric
    ("深圳市常住人口1779.01万人，比上年末增加12.93万人。", "12.93万人", "常住人口"),  # 上年末 whole
    ("上海证券交易所共有上市公司2263家。", "2263家", "上市公司"),  # 公司 here is no anaphor
    ("今年以来，杭州共新增市场主体27.72万户。", "27.72万户", "新增市场主体"),  # a flow named as a noun (GOLD.md)
    ("全省粮食总产量连续9年稳定在600亿斤以上。", "600亿斤以上", "粮食总产量"),  # 稳定在 reports a level
    ("年末生猪存栏43422万头，下降4.1%。", "43422万头", "生猪存栏"),  # 年末 says when, not what
    ("该项目预计2025年建成投产，年产值可达100亿元。", "100亿元", "年产值"),  # so does 可达
    ("前三季度，广东地区生产总值96161.58亿元。", "96161.58亿元", "地区生产总值"),
    ("农村居民人均可支配收入增长7.6%，快于城镇居民2.4个百分点。", "2.4个百分点", "农村居民人均可支配收入增速（比城镇居民）"),
    ("前三季度国内生产总值823131亿元。", "823131亿元", "国内生产总值"),  # 国内 is part of the noun
    ("第二产业增加值316906亿元。", "316906亿元", "第二产业增加值"),  # 增加值 is a word, 增加 no verb here
    ("全国居民人均可支配收入29398元。", "29398元", "居民人均可支配收入"),  # 可支配 stays: no level verb
    ("城镇新增就业1022万人。", "1022万人", "城镇新增就业"),
    # A share names its part and its whole (SCHEMA); the part may be the figure before.
    ("机电产品出口2.02万亿元，占出口总值的58.3%。", "58.3%", "机电产品出口占出口总值"),
    ("其中1.16亿元为投资收益，占比超6成。", "6成", "投资收益占比"),
    ("民营企业进出口所占比重提升1.1个百分点至48.2%。", "48.2%", "进出口所占比重"),  # the new level of the rate
    ("江北区人均收入高于全市平均水平3200元。", "3200元", "人均收入（比全市平均水平）"),  # the base in the metric
    ("从1亿剂到2亿剂用25天。", "25天", "从1亿剂到2亿剂用时"),  # milestones name the interval
    ("一般公共预算收入直接飙升至290亿元。", "290亿元", "一般公共预算收入"),  # 飙升至, not 飙 + 升至
    ("北京财政收入增长6.6%，位居第二位。", "第二位", "财政收入增速"),  # ranked by the growth
    ("宁波一季度GDP为3516.4亿元，在全部城市排名第12位。", "第12位", "GDP"),  # 全部城市 is the set
    ("每百元资产实现的营业收入为93.1元。", "93.1元", "每百元资产实现的营业收入"),  # 实现的: no cut
    ("全区已培育科技型企业2905家。", "2905家", "科技型企业"),  # 已 is an adverb
    ("全市常住人口总增量96.39万人。", "96.39万人", "常住人口总增量"),  # 总 starts a noun
    ("央行以利率招标方式开展了1000亿元逆回购操作。", "1000亿元", "逆回购"),  # the noun after 开展
    ("央行开展了5777亿元7天期逆回购操作。", "5777亿元", "7天期逆回购"),  # a tenor opens the noun
    ("报考人数与录用计划数之比约为61:1。", "61:1", "报考人数与录用计划数之比"),  # 之比 is a noun
    ("2、周四在岸人民币收报7.1611。", "7.1611", "在岸人民币"),  # no list number, no weekday
    ("国内商品期货夜盘收盘普遍上涨，纯碱涨2.85%，燃油涨1.73%，苯乙烯涨1.47%，原油涨1.12%。", "1.47%",
     "苯乙烯"),  # an item of a list of things that moved, however the dictionary tags it
    ("按企业统计2021年的纯电动汽车（EV）销量，在前20家企业中，12家为中国企业。排在首位的美国特斯拉由中国市场拉动。",
     "首位", "纯电动汽车销量"),  # what the article ranks by; not the count before
    ("在一季度财政收入排名前10的榜单中，东部地区城市占据8席。中部地区城市，仅武汉入围，排名第10位。", "第10位",
     "财政收入"),  # 在 + a metric + 排名: the metric ranked, not a set ranked in
    ("宁波GDP在全部城市排名第12位。", "第12位", "GDP"),
    ("全国城市首季财力PK\n普通地级市财力10强：\n苏州逆天，榆林成黑马\n值得一提的是，嘉兴市以250亿元位居第5位。", "第5位",
     "地级市财力"),  # a rank under a ranking's heading ranks what the heading names
    ("虽然北京工业占比较低，今年前三季度仅为13.8%。", "13.8%", "工业占比"),  # a clause naming the topic
    ("第4位的比亚迪由于主力轿车受到欢迎，销售了上年2.4倍的32万辆。", "32万辆", "销量"),  # 销售 alone
    ("北京紧随其后，以6.6%位居第二位。", "6.6%", ""),  # an idiom names no topic
    ("上海以10.9%的财政收入增速排名第一位。", "10.9%", "财政收入"),  # the rate named after the figure
    ("上海以10.9%的财政收入增速排名第一位。", "第一位", "财政收入增速"),
    ("87.8%的学生认为作业量明显减少。", "87.8%", "认为作业量明显减少的比例"),  # a share of a group
    ("其中，22.7%的00后倾向工作地“生活氛围好、环境宜居”。", "22.7%",
     "倾向工作地“生活氛围好、环境宜居”的比例"),  # a birth cohort is a group too
    ("截至该季度末，阿里巴巴以58亿美元的总价回购普通股。", "58亿美元", "总价"),  # 以N的X: X names N
    ("超过六成的受访者表示愿意购买新能源汽车。", "六成", "愿意购买新能源汽车的比例"),
    ("上汽出资50.1%的五菱公司开发该车。", "50.1%", "上汽出资"),  # a figure inside a noun phrase
    ("银联网络全年共处理交易2304亿笔。", "2304亿笔", "交易"),  # the handling verb is no metric word
    ("支付机构共处理互联网支付业务1439.57亿笔、金额57.37万亿元。", "57.37万亿元", "互联网支付业务金额"),
    ("城市生活垃圾无害化处理能力达到89.77万吨。", "89.77万吨", "城市生活垃圾无害化处理能力"),
    ("农村居民每百户拥有家用汽车45.6辆。", "45.6辆", "农村居民每百户拥有家用汽车"),  # a verb after a base
    ("公司实现每股收益1.25元。", "1.25元", "每股收益"),  # (but a base after the verb is the metric's)
    ("前三季度我国对东盟进出口4.7万亿元。", "4.7万亿元", "对东盟进出口"),  # a trading partner, as 与欧盟进出口
    ("消费对经济增长的贡献率为83.2%。", "83.2%", "消费对经济增长的贡献率"),  # 消费 here is a noun, not a verb
    ("一季度该省GDP同比下降6.8%，降幅比全国低0.2个百分点。", "0.2个百分点", "GDP降幅（比全国）"),  # whose 降幅
    ("两市成交额连续第5个交易日突破1万亿元。", "1万亿元", "成交额"),  # a run of trading days says when
]


@pytest.mark.parametrize("text, figure, metric", METRICS)
def test_metric(extractor, text, figure, metric):
    assert _by_text(extractor, text)[figure].metric == metric


def test_respectively_hands_parties_their_figures(extractor):
    facts = _facts(extractor, "前三季度北京、浙江和山西地区生产总值分别增长10.7%、10.6%和10.5%。")
    assert [(f.subject, f.metric, f.value) for f in facts] == [
        ("北京", "地区生产总值", D("10.7")), ("浙江", "地区生产总值", D("10.6")), ("山西", "地区生产总值", D("10.5"))]


def test_a_name_before_a_rank_verb_is_what_is_ranked(extractor):
    facts = _by_text(extractor, "中国接种总量超过10亿剂次，位居第一。美国排在第二位；印度排在第三。")
    assert [(facts[t].subject, facts[t].metric) for t in ("第一", "第二位", "第三")] == [
        ("全国", "接种总量"), ("美国", "接种总量"), ("印度", "接种总量")]
    scope = _by_text(extractor, "江北区科技竞争力连续四年位居全市第一。")["第一"]
    assert (scope.subject, scope.metric) == ("江北区", "科技竞争力")  # 全市 is where the ranking is


def test_a_sentence_without_a_metric_continues_the_paragraph(extractor):
    facts = _by_text(extractor, "上海市财政收入以2518.2亿元排名第一位。北京市以1689.7亿元排名第二位。")
    assert [(facts[t].subject, facts[t].metric) for t in ("1689.7亿元", "第二位")] == [
        ("北京市", "财政收入"), ("北京市", "财政收入")]


def test_an_industry_in_a_paragraph_about_a_place_joins_the_metric(extractor):
    text = "2021年，成都全市规模以上工业增加值比上年增长11.4%。分行业看，五大先进制造业增长11.2%，其中电子信息产业增长20.4%。"
    facts = _by_text(extractor, text)
    assert [(facts[t].subject, facts[t].metric) for t in ("11.2%", "20.4%")] == [
        ("成都", "五大先进制造业"), ("成都", "电子信息产业")]
    national = _by_text(extractor, "全国规模以上工业企业利润增长5%。其中，采矿业实现利润总额9920.7亿元。")
    assert (national["9920.7亿元"].subject, national["9920.7亿元"].metric) == ("采矿业", "利润总额")


def test_partners_after_a_preposition_join_the_metric(extractor):
    facts = _facts(extractor, "前2个月我国与欧盟、东盟和美国分别进出口8746.4亿元、8704.7亿元和7859.2亿元。")
    assert [(f.subject, f.metric, f.value) for f in facts] == [
        ("全国", "与欧盟进出口", D("874640000000")), ("全国", "与东盟进出口", D("870470000000")),
        ("全国", "与美国进出口", D("785920000000"))]


def test_growth_takes_the_metric_of_the_level_before_it(extractor):
    facts = _by_text(extractor, "阿里巴巴实现营收2432.36亿元，同比增长4%。")
    assert facts["4%"].metric == "营收" and facts["4%"].subject == "阿里巴巴"


def test_a_growth_rate_is_not_the_growth_of_a_share_before_it(extractor):
    facts = _by_text(extractor, "前三季度海南第三产业增加值同比增长17.4%，对经济增长贡献率达到81.3%，两年平均增长9.3%。")
    assert facts["9.3%"].metric == "第三产业增加值（两年平均）"


def test_two_year_average_is_marked_in_the_metric(extractor):
    facts = _by_text(extractor, "全市规模以上工业综合能源消费量187.41万吨标准煤，同比下降13.2%，两年平均下降11.3%。")
    assert facts["11.3%"].metric == "规模以上工业综合能源消费量（两年平均）"
    assert facts["11.3%"].value == D("-11.3")


SUBJECTS = [
    ("重庆市天实精工科技有限公司营业收入达16亿元。", "16亿元", "重庆市天实精工科技有限公司"),
    ("洞见信息公司(下称洞见公司)成立。洞见公司营收增长30%。", "30%", "洞见信息公司"),  # alias
    ("西安市统计局发布数据。全市规模以上工业煤炭消费340.95万吨。", "340.95万吨", "西安市"),  # 全市 named
    ("渝北区科技型企业2905家。国家高新技术企业增至690家。", "690家", "渝北区"),  # carried
    ("国家统计局数据显示，全国粮食总产量13657亿斤。", "13657亿斤", "全国"),  # a source is not the subject
    ("携程旅行数据显示，清明节总预订量同比增长300%。", "300%", "携程旅行"),  # a company's own data
    ("其中，采矿业实现利润总额9920.7亿元。", "9920.7亿元", "采矿业"),  # an industry group
    ("青岛市常住人口增长15.1万人。\n根据重庆2021年统计公报，全市农民工总量756.3万人。", "756.3万人", "重庆"),  # 全市 of the source
    ("央行今日开展了5000亿元逆回购操作，操作利率1.70%。", "1.70%", "央行"),  # an abbreviation is a name
    ("全国城市首季财力PK：上海拔头筹。", "拔头筹", "上海"),  # a rank word says who (not 上|海拔|头筹)
    ("苏州在全国排名第5。", "第5", "苏州"),  # 在全国 is where the ranking is
    ("50家重点企业销售收入为120亿元。1-7月，50家重点企业累计销售收入为800亿元。", "800亿元", "50家重点企业"),
    ("江北区人均收入高于全市平均水平3200元。", "3200元", "江北区"),  # 全市 is the base here
    ("外交部：中方已向国际提供疫苗超3.5亿剂。", "3.5亿剂", "全国"),
    ("全球合计疫苗接种量已接近25亿剂次。", "25亿剂次", "全球"),
    ("丰田提出计划，将纯电动汽车全球销量增加至350万辆。", "350万辆", "丰田"),  # 全球 inside a noun
    ("相比90后，00后对二三线城市的偏好比例提升8个百分点。", "8个百分点", "00后"),  # a birth cohort
    ("00后占比约71%，比90后和85后高5到7个百分点。", "7个百分点", "00后"),  # 90后, 85后 are the base
    ("今年的高校毕业生达1076万人。", "1076万人", "全国"),  # nothing named: a national figure
    ("央行11月10日公布的数据显示，新增人民币贷款8262亿元。", "8262亿元", "全国"),  # 央行 only reports it
    ("国家外汇局：7月银行代客涉外收入环比增长9%。", "9%", "全国"),  # an official body's headline colon
    ("云南、贵州、江西、四川等地区出口增速均在20%以上。", "20%以上", "云南、贵州、江西、四川"),  # said of a list
    ("康希诺（688185）、复星医药（600196）两只龙头股股价涨幅超100%。", "100%", "康希诺、复星医药"),
    ("全国预计发送旅客1.45亿人次。其中，民航预计运输旅客432.8万人次。铁路方面，预计发送旅客1425万人次。", "1425万人次", "铁路"),
    ("全国生产总值增长5%；第二产业增加值增长4.6%。", "4.6%", "全国"),  # a sector of the economy is no group
    ("在珠峰脚下，海拔4000多米的西藏定日县扎西宗乡，快递包裹最快5天就可抵达。", "4000多米",
     "西藏定日县扎西宗乡"),  # a figure before 的 and a name describes it; 扎西|宗乡 is one place
    ("87.8%的学生认为作业量明显减少。", "87.8%", "学生"),  # the group a share is of
    ("调查显示，超过七成的受访企业表示营收将保持增长。", "七成", "受访企业"),  # a participle joins the group
    ("广大中小学生精神面貌积极向上，八成以上学生学业质量达到中等以上水平。", "八成以上", "学生"),  # without 的
    ("其它两个城市分别是宁波（6.3%）和苏州（5.1%）。", "5.1%", "苏州"),  # each name its own figure
    ("2021年，我国银行机构共处理网上支付业务1000亿笔。", "1000亿笔", "银行机构"),  # who handled it
    ("网联清算平台处理业务6827.60亿笔。", "6827.60亿笔", "网联清算平台"),
    ("全国预计发送旅客1.45亿人次。", "1.45亿人次", "全国"),  # 预计 is no agent
    ("人民币跨境支付系统（CIPS）是主渠道。2021年，CIPS全年处理业务334.16万笔。", "334.16万笔",
     "人民币跨境支付系统"),  # an acronym stands for the full name written before it
    ("全国居民消费价格（CPI）同比上涨0.8%。", "0.8%", "全国"),  # an acronym of a measure names no one
    ("大额实时支付系统、小额批量支付系统处理业务金额分别比上年增长9.27%、10.67%。", "10.67%",
     "小额批量支付系统"),  # a list of agents, each its own figure
    ("银行机构处理的网上支付业务金额是支付机构的41.03倍。", "41.03倍", "银行机构"),  # X处理的Y
    ("网联清算平台高效承接网络零售支付清算，全年处理业务6827.60亿笔。", "6827.60亿笔",
     "网联清算平台"),  # a verb inside a name
    ("中共中央宣传部就教育改革举行发布会。校外培训价格平均下降4成以上。", "4成以上",
     "全国"),  # a body holding a briefing gives the figures; they are not its own
    ("教育部基础教育司司长吕玉刚介绍，线下机构压减比例达到95.6%。", "95.6%", "全国"),  # a person's body
    ("按企业统计2021年的纯电动汽车销量。排在首位的美国特斯拉由中国市场拉动。", "首位",
     "美国特斯拉"),  # the name a rank's 的 leads to, with no suffix that says it is a company
    ("第4位的比亚迪由于主力轿车受到欢迎，销售了上年2.4倍的32万辆。", "32万辆", "比亚迪"),
    ("排名\n在中国，正在迅速追赶特斯拉的是第2位的上海汽车。59万辆的销量是上年的2.4倍。", "59万辆",
     "上海汽车"),  # the name a rank describes is no object of the verb before, and is carried
    ("其中，淘天集团收入1133.73亿元；AIDC收入292.93亿元，同比增长32%。菜鸟收入同比增长16%至268.11亿元。",
     "292.93亿元", "AIDC"),  # a Latin name opening its clause
    ("其中，淘天集团收入1133.73亿元；AIDC收入292.93亿元，同比增长32%。菜鸟收入同比增长16%至268.11亿元。",
     "268.11亿元", "菜鸟"),  # a clause shaped like one a name opened
    ("GDP增长5.2%。", "5.2%", "全国"),  # a measure's acronym is no name
    ("河南荥阳新田地种植专业合作社今年玉米种植面积达10万亩。", "10万亩", "河南荥阳新田地种植专业合作社"),
    ("此外，银联网络两天的交易金额为5858亿元。", "5858亿元", "银联"),  # jieba tags 银联 as a place
    ("根据协定，海鲜、水果和蔬菜等生鲜货物通关时间压缩至6小时以内。", "6小时以内", "全国"),  # 海鲜 is none
    ("相比之下，包括武汉、成都、西安等城市增量均达到或超过了10万人。", "10万人",
     "武汉、成都、西安"),  # the list after 包括 is the subject, not an object
    ("汽车制造业下降3.4%，农副食品加工业下降7.2%。", "7.2%", "农副食品加工业"),  # 农 is tagged zg
    ("全国至少已有11个城市公布了数据。这11个城市2021年的常住人口总体增量减少至96.39万人。", "96.39万人",
     "11个城市"),  # a set referred back to by its count
    ("京津冀及周边地区城市平均优良天数比例为63.5%；长三角地区41个城市平均优良天数比例为85.2%，PM2.5浓度为35微克/立方米。",
     "35微克/立方米", "长三角地区41个城市"),  # a counted set of places, named in full, carried
    ("全年共有43家支付机构开展了跨境支付业务，共处理跨境支付业务71.91亿笔。", "71.91亿笔",
     "支付机构"),  # the bodies counted after 有 do what follows
    ("渝北区新建新型研发机构32家，均居全市第一。国家级科技创新基地增至10个。", "10个",
     "渝北区"),  # 全市 after 居 is where the ranking is; it is not carried
    ("周四在岸人民币对美元16:30收盘报7.1611，较上一交易日跌127个基点。", "7.1611",
     "在岸人民币"),  # the currency quoted against another
    ("8月，外资净增持境内债券200亿美元。", "200亿美元", "外资"),
    ("中国接种总量占全球总量的比例超过40%。", "40%", "全国"),  # the whole after 占 is no subject
    ("31个省（自治区、直辖市）累计报告接种新冠病毒疫苗101048.9万剂次。", "101048.9万剂次",
     "全国"),  # 自治区 alone is a kind of place, not one
    ("中通国际在越南已开通的一级网点超过120个，服务覆盖率高达95%。", "95%",
     "中通国际"),  # a place after 在 is where it acted; 国际 ends a company's name
    ("鄂州花湖机场由顺丰集团、湖北省共同出资建设，总投资320.63亿元。", "320.63亿元",
     "鄂州花湖机场"),  # names after 由 are who paid, not whose total it is
    ("前三季度GDP增速排名第三的北京，同期工业增加值增速位居全国第一，达到38.7%。", "38.7%",
     "北京"),  # a name heading its clause's noun phrase
    ("国内商品期货夜盘收盘普遍上涨，纯碱涨2.85%，燃油涨1.73%，苯乙烯涨1.47%，原油涨1.12%。", "1.12%",
     "国内商品期货夜盘"),  # the market that closed; the things that moved are metrics, not subjects
    ("“双减”实施一年来成效明显。“双减”以来，课后服务实现了全覆盖。\n据调查，参加课后服务学生占比达到90%。", "90%",
     "全国"),  # a policy in quotes is not what the article is about
]


@pytest.mark.parametrize("text, figure, subject", SUBJECTS)
def test_subject(extractor, text, figure, subject):
    assert _by_text(extractor, text)[figure].subject == subject


def test_ratio_parts_go_to_their_parties(extractor):
    facts = [f for f in _facts(extractor, "2017年，市科技局与区政府按4:6出资比例设立基金。") if f.kind.value == "ratio"]
    assert [(f.subject, f.value, f.metric) for f in facts] == [("市科技局", D("4"), "出资比例"),
                                                              ("区政府", D("6"), "出资比例")]


PERIODS = [
    ("2021年1-8月，全国社会消费品零售总额增长18.1%。", "18.1%", "2021-01/2021-08"),
    ("2022年上半年，营收增长5%。", "5%", "2022-H1"),
    ("2021年前三季度，GDP增长9.8%。", "9.8%", "2021-01/2021-09"),
    ("2021年三季度，GDP增长4.9%。", "4.9%", "2021-Q3"),
    ("2021年粮食增产。今年粮食产量增长2%。", "2%", "2021"),  # 今年 resolves from the article's year
    ("1-4月，全市能耗下降13.2%。", "13.2%", ""),  # no year pinned anywhere
    ("2021年1—11月，利润比2019年1—11月增长41.3%。", "41.3%", "2021-01/2021-11"),  # a base is not a period
    ("2024年前7月，融资总量为2678.47亿元。", "2678.47亿元", "2024-01/2024-07"),
    ("2010年至2020年，常住人口增长300万人。", "300万人", "2010/2020"),
    ("2021年，销量是上年的2.4倍。", "2.4倍", "2021"),  # 上年的 is the base of the multiple
    ("2021年，比亚迪销售了上年2.4倍的32万辆。", "32万辆", "2021"),  # so is 上年 right before one
    # a month before the figure in its paragraph dates it better than a reason given after it
    ("2021年10月信贷数据公布。\n10月份社融增量为1.59万亿元。政府债券新增6167亿元，主要由于今年专项债加快发行。",
     "6167亿元", "2021-10"),
    ("财经早餐2024年8月16日\n\n钢材产量11436万吨。", "11436万吨", "2024-08"),  # a dated lead gives its month
    ("2022上半年营收下降。\n\n上半年净利增长8.62%。", "8.62%", "2022-H1"),  # the year the article states
    ("2021年的清明假期，全国国内旅游出游1.02亿人次。", "1.02亿人次", "2021-04"),  # 清明 is in April
    ("阿里巴巴2025财年第一财季实现营收2432.36亿元。", "2432.36亿元", ""),  # fiscal: empty (SCHEMA)
    # a year in a later sentence of the paragraph dates that sentence, not the figure before it
    ("2021年电动汽车销量排行出炉。\n特斯拉销量增至93万辆。2019年上海超级工厂投产。", "93万辆", "2021"),
    # months in Chinese numerals
    ("2024年前两个月，社会消费品零售总额81307亿元。", "81307亿元", "2024-01/2024-02"),
    ("2023年一二月份，全国房地产开发投资下降5.7%。", "5.7%", "2023-01/2023-02"),
    ("2023年一至十一月，投资下降9.4%。", "9.4%", "2023-01/2023-11"),
    ("2023年十二月，CPI同比下降0.3%。", "0.3%", "2023-12"),
    ("2023年，全市统一月度结算电量增长5%。", "5%", "2023"),  # 一月 inside 统一月度 is no month
    ("2023年，此前三个月销量增长5%。", "5%", "2023"),  # 此前 is no 前三个月
    ("2023年，《歌手》第二季播放量达30亿次。", "30亿次", "2023"),  # a season without its year is no quarter
]


@pytest.mark.parametrize("text, figure, period", PERIODS)
def test_period(extractor, text, figure, period):
    assert _by_text(extractor, text)[figure].period == period


def test_from_a_to_b_is_two_facts(extractor):
    facts = _facts(extractor, "3年来，该公司营业收入也从1300万元增加到16亿元。")
    assert [(f.value, f.kind.value) for f in facts] == [(D("13000000"), "level"), (D("1600000000"), "level")]
    assert all("营业收入" in f.metric for f in facts)


def test_a_bare_percentage_continues_a_series_of_growth_rates(extractor):
    facts = _by_text(extractor, "上海以10.9%的财政收入增速排名第一位。\n北京紧随其后，以6.6%位居第二位。")
    assert (facts["6.6%"].metric, facts["6.6%"].kind.value) == ("财政收入", "growth")
    assert facts["第二位"].metric == "财政收入增速"


def test_changes_after_respectively_go_to_the_figures_before_it(extractor):
    facts = _by_text(extractor, "支付机构共处理互联网支付业务1439.57亿笔、金额57.37万亿元，较上年分别增长50.06%和5.19%。")
    assert (facts["50.06%"].metric, facts["5.19%"].metric) == ("互联网支付业务", "互联网支付业务金额")


def test_respectively_pairs_items_with_figures_of_different_units(extractor):
    # one count and one sum: each item its own figure, without who acted and the verb
    facts = _by_text(extractor, "银行共处理交易笔数和金额分别为2304亿笔和236.60万亿元，分别比上年增长38.31%和15.06%。")
    assert [(facts[t].subject, facts[t].metric) for t in ("2304亿笔", "236.60万亿元")] == [
        ("银行", "交易笔数"), ("银行", "金额")]
    assert (facts["38.31%"].metric, facts["15.06%"].metric) == ("交易笔数", "金额")


def test_a_kind_of_body_opening_a_clause_is_its_subject(extractor):
    facts = _by_text(extractor, "全国经济稳步增长。支付机构跨境外汇支付收入较上年增加250亿元，跨境人民币收入增加1200亿元。")
    assert [(facts[t].subject, facts[t].metric) for t in ("250亿元", "1200亿元")] == [
        ("支付机构", "跨境外汇支付收入"), ("支付机构", "跨境人民币收入")]


def test_a_sum_with_no_metric_is_of_what_the_article_measures_most(extractor):
    # (the paragraphs before name no sum: only the article says what the 202亿元 is)
    facts = _by_text(extractor, "苏州一般公共预算收入735.9亿元。\n无锡一般公共预算收入328.5亿元。\n"
                                "南通一般公共预算收入209.8亿元。\n浙江有2个城市步入10强。\n"
                                "另外广东、山东各有一个城市入围，东莞市以202亿元排名第7位。")
    assert (facts["202亿元"].subject, facts["202亿元"].metric) == ("东莞市", "一般公共预算收入")


def test_ranks_follow_the_ranking_the_sentence_looks_at(extractor):
    facts = _by_text(extractor, "从各国疫苗接种量来看，中国接种总量超过10亿剂次，位居第一，占全球总量的比例超40%。"
                                "美国排在第二位，总接种量超过3亿剂；印度排在第三，总接种量为2.5亿剂。"
                                "排在第四到第十位的分别是巴西、英国、德国、法国、意大利、墨西哥和土耳其。")
    assert [facts[t].metric for t in ("第一", "第二位", "第三")] == ["各国疫苗接种量"] * 3
    assert [facts[t].subject for t in ("第二位", "第三")] == ["美国", "印度"]
    assert facts["第四"].subject == facts["第十位"].subject == "巴西、英国、德国、法国、意大利、墨西哥、土耳其"


def test_part_of_a_kind_opening_a_clause_is_the_subject(extractor):
    facts = _by_text(extractor, "全国经济稳步增长。许多大城市在这10年间常住人口增长超过300万人，每年平均增量超过30万人。"
                                "部分品牌餐饮商家交易额同比增长一倍。")
    assert [facts[t].subject for t in ("300万人", "30万人", "一倍")] == ["许多大城市", "许多大城市", "部分品牌餐饮商家"]
    assert (facts["300万人"].metric, facts["30万人"].metric) == ("常住人口", "增量（每年平均）")


def test_a_sector_of_the_economy_is_the_subject_of_its_loans(extractor):
    fact = _by_text(extractor, "分析师表示，居民户中长期贷款较去年同期多增162亿元。")["162亿元"]
    assert (fact.subject, fact.metric) == ("居民户", "中长期贷款")


def test_a_name_in_apposition_and_a_name_described_by_a_share(extractor):
    facts = _by_text(extractor, "纯电动汽车专业公司特斯拉的股价涨至9倍，蔚来汽车涨至3.5倍，纯电动汽车占比为43％的比亚迪涨至4.6倍。")
    assert [(facts[t].subject, facts[t].metric) for t in ("9倍", "3.5倍", "43％", "4.6倍")] == [
        ("特斯拉", "股价"), ("蔚来汽车", "股价"), ("比亚迪", "纯电动汽车占比"), ("比亚迪", "股价")]


def test_we_in_a_quote_is_the_organisation_it_is_attributed_to(extractor):
    facts = _by_text(extractor, "“我们在曼谷转运中心临时增加了2000名员工。”极兔国际泰国品牌经理刘谦丽介绍。")
    assert (facts["2000名"].subject, facts["2000名"].metric) == ("极兔国际", "员工")


def test_a_company_opening_the_sentence_with_verb_like_words(extractor):
    facts = _by_text(extractor, "全国汽车销量下滑。\n世纪联合控股虽然净利实现同比增长8.62%，但上半年净亏损0.072亿元。")
    assert [(facts[t].subject, facts[t].metric) for t in ("8.62%", "0.072亿元")] == [
        ("世纪联合控股", "净利"), ("世纪联合控股", "净亏损")]


def test_a_share_of_one_kind_in_another_names_no_company(extractor):
    # 占 relates two things; 新能源汽车销量占汽车 is no company (汽车 ends company names elsewhere)
    facts = _by_text(extractor, "新能源汽车销量占汽车总销量的比重达到31.6%，比上年提高5.9个百分点。")
    assert [facts[t].subject for t in ("31.6%", "5.9个百分点")] == ["全国", "全国"]
    assert facts["31.6%"].metric == "新能源汽车销量占汽车总销量的比重"


def test_closing_moves_and_days_are_no_metric_words(extractor):
    # 收涨/收跌 are the close's moves; 今日, 今天 name no period and are no part of what is measured
    facts = _by_text(extractor, "今日沪指收涨0.5%，报3050.12点。周五，深成指收跌1.2%。今天北京最高气温35℃。")
    assert [(facts[t].metric, str(facts[t].value)) for t in ("0.5%", "3050.12点", "1.2%", "35℃")] == [
        ("沪指", "0.5"), ("沪指", "3050.12"), ("深成指", "-1.2"), ("最高气温", "35")]


def test_a_signed_percentage_after_a_period_comparison_is_a_growth(extractor):
    # SCHEMA: 同比-2.3% is -2.3, a growth, with no verb
    facts = _by_text(extractor, "营业收入100亿元（同比+5%），净利润10亿元，同比约-3.2%。")
    assert [(facts[t].metric, facts[t].kind.value, str(facts[t].value)) for t in ("+5%", "-3.2%")] == [
        ("营业收入", "growth", "5"), ("净利润", "growth", "-3.2")]


def test_a_move_of_a_bare_rate_word_is_of_the_growth_before_it(extractor):
    # 增速 alone is the rate of the growth just said; listed moves take listed growths in order
    facts = _by_text(extractor, "杭州市地区生产总值同比增长5.8%，增速比上半年提高0.2个百分点。"
                                "商品房销售面积、销售额同比分别下降39.0%、46.6%，降幅较3月分别扩大21.3、20.4个百分点。")
    assert [facts[t].metric for t in ("0.2个百分点", "21.3", "20.4个百分点")] == [
        "地区生产总值增速", "商品房销售面积降幅", "销售额降幅"]


def test_company_report_measures_read_whole(extractor):
    # the accounting names are one metric (not a group 归属于上市公司); 公司 alone is the company
    # already named, not a kind before a name in apposition; 研发投入 is a noun
    facts = _by_text(extractor, "宁德时代发布年报。归属于上市公司股东的净利润441.21亿元，同比增长43.58%。"
                                "公司锂离子电池销量为390GWh，研发投入183.56亿元。")
    assert [(facts[t].subject, facts[t].metric) for t in ("441.21亿元", "390GWh", "183.56亿元")] == [
        ("宁德时代", "归属于上市公司股东的净利润"), ("宁德时代", "锂离子电池销量"), ("宁德时代", "研发投入")]


def test_a_basis_of_comparison_is_no_metric(extractor):
    # 按可比口径, 按不变价格计算 say how a growth is measured, not what grows
    facts = _by_text(extractor, "国内旅游出游8.26亿人次，按可比口径同比增长71.3%。")
    assert facts["71.3%"].metric == "国内旅游出游"


def test_a_price_adjustment_is_no_metric(extractor):
    # 扣除价格因素(后) says the growth is real, not what grows: the growth is the same metric's
    facts = _by_text(extractor, "全国居民人均可支配收入39218元，比上年名义增长6.3%，扣除价格因素实际增长6.1%。"
                                "社会消费品零售总额471495亿元，增长7.2%，扣除价格因素后实际增长6.9%。")
    assert [facts[t].metric for t in ("6.1%", "6.9%")] == ["居民人均可支配收入（实际）", "社会消费品零售总额（实际）"]


def test_an_insurance_scheme_or_its_fund_is_no_organisation(extractor):
    # 养老保险 and 医疗保险基金 end like an insurer or a fund manager, but they are schemes: who
    # is counted is the nation's; a proper name before one makes a company (泰康养老保险)
    facts = _by_text(extractor, "全国参加基本养老保险人数为106643万人。全年基本医疗保险基金总收入33501亿元。"
                                "泰康养老保险实现保费收入200亿元。")
    assert [(facts[t].subject, facts[t].metric) for t in ("106643万人", "33501亿元", "200亿元")] == [
        ("全国", "参加基本养老保险人数"), ("全国", "基本医疗保险基金总收入"), ("泰康养老保险", "保费收入")]


def test_a_name_before_a_copula_is_what_is_ranked_and_da_makes_a_rank_of_size(extractor):
    # 是/成为 before a rank: the name before is ranked, the place after is the scope; 第三大
    # is the third largest, and the noun after 大 is what is ranked
    facts = _by_text(extractor, "深圳是全国第三大城市。欧盟成为我国的第一大贸易伙伴。")
    assert [(facts[t].subject, facts[t].metric, str(facts[t].value)) for t in ("第三", "第一")] == [
        ("深圳", "城市", "3"), ("欧盟", "贸易伙伴", "1")]


def test_a_name_before_its_measure_and_a_rank_verb_is_ranked(extractor):
    # the scope of a ranking stands right before it (位列全球); a name before the measure and
    # the rank verb is who is ranked; a top list is a bound (SCHEMA: 入围前十 → 10, <=)
    facts = _by_text(extractor, "比亚迪销量位列全球前三。宁德时代装机量位居全球第一。")
    assert [(facts[t].subject, facts[t].metric, str(facts[t].value), facts[t].quantity.qualifier.value)
            for t in ("前三", "第一")] == [("比亚迪", "销量", "3", "<="), ("宁德时代", "装机量", "1", "=")]


def test_a_kind_of_body_the_dictionary_tags_as_an_organisation_is_no_name(extractor):
    # jieba tags 普通高校 nt; the graduates are the province's
    facts = _by_text(extractor, "今年全省普通高校毕业生50万人。")
    assert (facts["50万人"].subject, facts["50万人"].metric) == ("全省", "普通高校毕业生")


def test_hong_kong_and_taiwan_usage(extractor):
    # 實質 is 实际 (a real growth); 第三季 without 度 is a quarter
    facts = _by_text(extractor, "2023年本地生產總值實質增長3.2%。台積電2023年第三季營收5467億元新台幣。")
    assert (facts["3.2%"].metric, facts["3.2%"].period) == ("本地生产总值（实质）", "2023")
    assert (facts["5467億元新台幣"].subject, facts["5467億元新台幣"].metric, facts["5467億元新台幣"].period) == (
        "台积电", "营收", "2023-Q3")


def test_an_official_source_reports_on_its_own_place(extractor):
    facts = _by_text(extractor, "据广东省统计局数据，前三季度地区生产总值增长4.5%。")
    assert facts["4.5%"].subject == "广东省"
    for text in ("据上海证券报报道，今年汽车销量增长20%。", "据浙江大学研究院测算，消费增长4%。",
                 "据上海证券交易所统计，成交额增长5%。"):  # a newspaper, an institute, an exchange
        assert [f.subject for f in _facts(extractor, text)] == ["全国"], text


def test_employment_report_phrasing(extractor):
    # 新增 before a noun names the new amount; 控制在 reports the same measure's limit;
    # 惠及 (a place in jieba's dictionary) is nobody
    facts = _by_text(extractor, "上半年，全市新增城镇就业12.3万人。城镇登记失业率为2.1%，控制在3%以内。"
                                "全市共发放就业补贴资金8.6亿元，惠及企业2.1万家次。")
    assert [(facts[t].subject, facts[t].metric) for t in ("12.3万人", "3%以内", "2.1万家次")] == [
        ("全市", "新增城镇就业"), ("全市", "城镇登记失业率"), ("全市", "惠及企业")]


def test_a_city_named_without_its_level_is_the_city_of_all_its_figures(extractor):
    # 成都 in the title is the 市 of 全市; 增长面 (the share of industries that grew) is a noun
    facts = _by_text(extractor, "2024年一季度成都经济运行情况\n全市规模以上工业增加值同比增长8.1%。"
                                "35个工业行业大类中有24个行业增加值实现增长，增长面为68.6%。")
    assert (facts["8.1%"].subject, facts["68.6%"].metric, facts["68.6%"].kind.value) == ("成都市", "增长面", "level")
    # a city named in passing in the body is not the article's (the title names 杭州, not 成都)
    facts = _by_text(extractor, "杭州经济运行情况\n全市GDP增长5%。成都增长6%，成都社零增长3%。")
    assert facts["5%"].subject == "杭州市"


def test_a_multiple_of_a_named_base_is_a_level_against_it(extractor):
    # GOLD.md: 是…的3倍 is a level; the base goes into the metric and is nobody's subject;
    # a time as the base (是上年的2.4倍) leaves the metric bare
    facts = _by_text(extractor, "全市人均GDP达到12.5万元，相当于全国平均水平的1.4倍。出口额是进口额的2.3倍。"
                                "比亚迪销量59万辆，是上年的2.4倍。")
    assert [(facts[t].subject, facts[t].metric, facts[t].kind.value) for t in ("1.4倍", "2.3倍", "2.4倍")] == [
        ("全市", "人均GDP（比全国平均水平）", "level"), ("全市", "出口额（比进口额）", "level"),
        ("比亚迪", "销量", "level")]


def test_a_per_unit_base_before_a_verb_stays_in_the_metric(extractor):
    facts = _by_text(extractor, "每千人口拥有医疗卫生机构床位6.9张。")  # SCHEMA: per-capita prefixes
    assert facts["6.9张"].metric == "每千人口拥有医疗卫生机构床位"


def test_a_verb_inside_a_relative_clause_moves_nothing(extractor):
    # …价格环比下降的城市有56个: 下降 describes the cities counted; 56 is a count, not -56
    facts = _by_text(extractor, "新建商品住宅销售价格环比下降的城市有56个，比上月增加4个。")
    assert (str(facts["56个"].value), facts["56个"].kind.value, facts["56个"].metric) == (
        "56", "level", "商品住宅销售价格下降的城市")


def test_numerals_listed_with_their_noun_written_once(extractor):
    # 第一、二、三产业 is 第一产业, 第二产业, 第三产业; 一、二线城市 likewise; 依次 is 分别
    facts = _by_text(extractor, "第一、二、三产业增加值占地区生产总值的比重分别为7.1%、38.3%和54.6%。"
                                "一、二线城市新房价格依次下降0.4%和0.3%。")
    assert [facts[t].metric for t in ("7.1%", "38.3%", "54.6%", "0.4%", "0.3%")] == [
        "第一产业增加值占地区生产总值的比重", "第二产业增加值占地区生产总值的比重",
        "第三产业增加值占地区生产总值的比重", "一线城市新房价格", "二线城市新房价格"]


def test_a_kind_before_a_name_in_apposition_is_no_part_of_it(extractor):
    facts = _by_text(extractor, "另一家车企长城汽车同期营收1173亿元。头部券商中信证券净利润增长5%。")
    assert [(facts[t].subject, facts[t].metric) for t in ("1173亿元", "5%")] == [
        ("长城汽车", "营收"), ("中信证券", "净利润")]


def test_a_move_in_a_trading_session_is_of_the_share_price(extractor):
    facts = _by_text(extractor, "港股汽车零售板块走低，盘中中升控股一度跌超5%，美东汽车跌超3%。")
    assert [(facts[t].subject, facts[t].metric, facts[t].value) for t in ("5%", "3%")] == [
        ("中升控股", "股价", D("-5")), ("美东汽车", "股价", D("-3"))]


def test_a_rank_is_by_the_count_before_it_unless_another_name_comes_between(extractor):
    assert _by_text(extractor, "渝北区新型研发机构达到46家，居全市第一。")["第一"].metric == "新型研发机构"
    facts = _by_text(extractor, "一季度城市财政收入出炉。\n普通地级市财力10强\n另外广东、山东各有一个城市入围，东莞市以202亿元排名第7位。")
    assert facts["第7位"].subject == "东莞市" and "metric=metric.ranking_heading" in facts["第7位"].explain


def test_the_topic_before_a_count_of_people_and_what_they_did(extractor):
    facts = _by_text(extractor, "全国经济稳步增长。2021年国家公务员考试共有157.6万人通过资格审查，"
                                "通过资格审查人数与录用计划数之比约为61:1。")
    assert (facts["157.6万人"].subject, facts["157.6万人"].metric) == ("2021年国家公务员考试", "通过资格审查人数")
    assert facts["61:1"].subject == "2021年国家公务员考试"


def test_bodies_counted_after_there_are_and_their_business(extractor):
    facts = _by_text(extractor, "全国经济稳步增长。\n全年共有43家支付机构开展了跨境支付业务，共处理跨境支付业务71.91亿笔、9723.63亿元。")
    assert (facts["43家"].subject, facts["43家"].metric) == ("支付机构", "开展了跨境支付业务的支付机构")
    assert [(facts[t].subject, facts[t].metric) for t in ("71.91亿笔", "9723.63亿元")] == [
        ("支付机构", "跨境支付业务"), ("支付机构", "跨境支付业务金额")]


def test_a_set_referred_back_to_by_its_size_is_the_list_before(extractor):
    facts = _by_text(extractor, "GDP增速排名前五位分别是西藏、贵州、甘肃、云南和宁夏，这五省份今年GDP增速均低于9.8%的全国增速。")
    assert facts["前五位"].subject == facts["9.8%"].subject == "西藏、贵州、甘肃、云南、宁夏"
    assert facts["9.8%"].metric == "GDP增速"


def test_a_model_introduced_in_quotes_is_a_name_after(extractor):
    facts = _by_text(extractor, "通用汽车销售小型车“雪佛兰Bolt EV”，但实际销量约为4.3万辆。"
                                "最受欢迎的是低价纯电动汽车“宏光MINI EV”。宏光MINI EV的2021年销量是42万辆。")
    assert facts["4.3万辆"].subject == "通用汽车"  # in its quotes the model is what was sold
    assert (facts["42万辆"].subject, facts["42万辆"].metric) == ("宏光MINI EV", "销量")


def test_a_place_after_zai_is_where_the_subject_acted_unless_the_figure_is_its_own(extractor):
    facts = _by_text(extractor, "特斯拉由于小型车“Model 3”受到欢迎，销量增至93万辆，在全球逾450万辆的纯电动汽车总销量中占了约2成。")
    assert [facts[t].subject for t in ("93万辆", "450万辆", "2成")] == ["特斯拉", "全球", "特斯拉"]
    fact = _by_text(extractor, "华为在上海投资5亿元建设研发中心。")["5亿元"]  # a verb between: the place is where
    assert (fact.subject, fact.metric) == ("华为", "投资")


def test_a_part_given_with_qizhong_does_not_name_the_next_paragraphs_sums(extractor):
    facts = _by_text(extractor, "无锡市一季度完成一般公共预算收入328.52亿元，其中税收282.44亿元。\n"
                                "江苏另外两个城市，分别是排名第6位的南通市（209.8亿元）和排名第10位的常州市（195.3亿元）。")
    assert [facts[t].metric for t in ("209.8亿元", "195.3亿元")] == ["一般公共预算收入"] * 2


def test_a_growth_named_only_by_a_rate_word_is_of_the_articles_measure(extractor):
    facts = _by_text(extractor, "苏州一般公共预算收入735.9亿元。\n无锡一般公共预算收入328.5亿元。\n"
                                "南通一般公共预算收入209.8亿元。\n从增速看，榆林增速为120.5%，排名第1位。")
    assert (facts["120.5%"].subject, facts["120.5%"].metric, facts["120.5%"].kind.value) == (
        "榆林", "一般公共预算收入", "growth")


def test_the_nation_after_a_noun_qualifies_it_and_is_no_subject(extractor):
    facts = _by_text(extractor, "除此，银联网络服务我国自主品牌银行卡产品体系，全年共处理交易笔数和金额分别是2304亿笔、236.60万亿元。")
    assert [(facts[t].subject, facts[t].metric) for t in ("2304亿笔", "236.60万亿元")] == [
        ("银联", "交易笔数"), ("银联", "金额")]


def test_a_company_name_that_starts_like_a_comparison(extractor):
    facts = _by_text(extractor, "比亚迪10月销量达30.2万辆，同比增长38.4%。")
    assert [(facts[t].subject, facts[t].metric) for t in ("30.2万辆", "38.4%")] == [("比亚迪", "销量")] * 2
    assert _by_text(extractor, "前三季度，广东地区生产总值增长4.5%。")["4.5%"].subject == "广东"


def test_two_measures_in_one_word_before_respectively(extractor):
    facts = _by_text(extractor, "1-11月，新能源汽车产销分别完成842.7万辆和830.4万辆，同比分别增长33.5%和36.7%。")
    assert [facts[t].metric for t in ("842.7万辆", "830.4万辆", "33.5%", "36.7%")] == [
        "新能源汽车产量", "新能源汽车销量", "新能源汽车产量", "新能源汽车销量"]


def test_two_kinds_in_one_word_before_respectively(extractor):
    facts = _by_text(extractor, "城乡居民人均可支配收入分别达到52680元、28760元，分别增长5.2%和6.8%。")
    assert [facts[t].metric for t in ("52680元", "28760元", "5.2%", "6.8%")] == [
        "城镇居民人均可支配收入", "农村居民人均可支配收入", "城镇居民人均可支配收入", "农村居民人均可支配收入"]


def test_the_whole_a_share_is_taken_of_is_no_subject(extractor):
    facts = _by_text(extractor, "该市一季度外贸进出口额达到1200亿元，占全省的三分之一。")
    assert facts["三分之一"].subject == facts["1200亿元"].subject


def test_companies_known_by_a_short_name(extractor):
    facts = _by_text(extractor, "美团第三季度营收764.7亿元，同比增长22%。宁德时代公告称，公司预计净利润为425亿元。")
    assert [(facts[t].subject, facts[t].metric) for t in ("764.7亿元", "22%", "425亿元")] == [
        ("美团", "营收"), ("美团", "营收"), ("宁德时代", "净利润")]


def test_a_name_after_jiang_or_ba_is_an_object(extractor):
    facts = _by_text(extractor, "海尔将顺丰敦豪供应链接入了订单系统，最多一天可发货两三万箱。")
    assert facts["两三万箱"].subject == "海尔"


def test_a_list_counted_again_is_no_metric_word(extractor):
    facts = _by_text(extractor, "成都、重庆两地的GDP分别为2.2万亿元和3.0万亿元。")
    assert [(facts[t].subject, facts[t].metric) for t in ("2.2万亿元", "3.0万亿元")] == [("成都", "GDP"), ("重庆", "GDP")]


def test_a_bound_after_a_count_within_a_scope_defines_the_group(extractor):
    facts = _by_text(extractor, "上述城市中共有5个城市财政收入增速超过5%。")
    assert [(f.text, f.metric) for f in facts.values()] == [("5个", "财政收入增速超过5%的城市")]


def test_the_review_cases_of_the_new_rules(extractor):
    # counted bodies are the subject only of a count that counts those that did something
    assert _by_text(extractor, "本次招聘会共有300家企业参会。")["300家"].subject == "全国"
    # a name the dictionary tags nr is no subject by itself (布伦特 of 布伦特原油期货)
    assert _by_text(extractor, "布伦特原油期货上涨2.1%。")["2.1%"].metric == "布伦特原油期货"
    # 我们 in a quote is the speaker's organisation, and no metric word
    fact = _by_text(extractor, "“我们销量增长了30万辆。”比亚迪销售部经理张三介绍。")["30万辆"]
    assert (fact.subject, fact.metric) == ("比亚迪", "销量")
    # a paired word before a measure noun is one measure (产销率), and 日产 is daily output
    assert _by_text(extractor, "两家公司产销率分别为95%和96%。")["95%"].metric == "产销率"
    assert _by_text(extractor, "全市日产垃圾1.2万吨。")["1.2万吨"].subject == "全市"


def test_an_industry_after_qizhong(extractor):
    # a national bulletin: the industry is the subject; about a province: part of the metric (GOLD.md)
    fact = _by_text(extractor, "全国规模以上工业企业实现利润总额8059.6亿元，其中采矿业实现利润总额9920.7亿元。")["9920.7亿元"]
    assert (fact.subject, fact.metric) == ("采矿业", "利润总额")
    facts = _by_text(extractor, "全省规模以上工业企业实现利润总额2500亿元，其中制造业实现利润1800亿元，占比72%。")
    assert [(facts[t].subject, facts[t].metric) for t in ("1800亿元", "72%")] == [
        ("全省", "制造业利润"), ("全省", "制造业利润占比")]


def test_a_percentage_after_a_ranked_rate_is_that_growth(extractor):
    fact = _by_text(extractor, "北京同期工业增加值增速位居全国第一，达到38.7%。")["38.7%"]
    assert (fact.metric, fact.kind.value, fact.value) == ("工业增加值", "growth", D("38.7"))


def test_each_respectively_hands_out_the_figures_up_to_the_next(extractor):
    facts = _by_text(extractor, "限额以上单位金银珠宝、文化办公用品零售额同比分别增长7.4%、20.4%，家具、建材分别增长6.7%和13.5%。")
    assert [facts[t].metric for t in ("6.7%", "13.5%")] == ["家具", "建材"]


def test_a_breakdown_by_sector_makes_each_sector_a_subject(extractor):
    facts = _by_text(extractor, "分部门看，住户贷款增加4647亿元，其中，中长期贷款增加4221亿元；"
                                "企（事）业单位贷款增加3101亿元，其中，票据融资增加1160亿元。")
    assert [(facts[t].subject, facts[t].metric) for t in ("4647亿元", "4221亿元", "3101亿元", "1160亿元")] == [
        ("住户", "贷款"), ("住户", "中长期贷款"), ("企（事）业单位", "贷款"), ("企（事）业单位", "票据融资")]


def test_product_models_are_subjects_and_each_tier_its_own(extractor):
    facts = _facts(extractor, "华为Mate 60系列首次官宣降价。Mate 60 Pro优惠800元，售价5699元起；Mate 60 Pro+优惠800元，售价8199元起。")
    assert [(f.subject, f.metric) for f in facts if f.text == "800元"] == [("Mate 60 Pro", "优惠"), ("Mate 60 Pro+", "优惠")]


def test_a_level_and_its_rate_are_two_facts(extractor):
    facts = _facts(extractor, "北京市财政收入以1689.7亿元排名第二位。\n北京财政收入增速为6.6%，位居第二位。")
    assert sorted(f.metric for f in facts if f.text == "第二位") == ["财政收入", "财政收入增速"]


def test_repeated_mentions_merge_and_different_facts_do_not(extractor):
    text = ("2020年渝北区地区生产总值突破2000亿元\n\n渝北区研发机构32家，新建新型研发机构32家。\n\n"
            "数读·渝北创新\n\n●研发机构32家。")
    facts = _facts(extractor, text)
    thirty_two = [f for f in facts if f.value == 32]
    assert len(thirty_two) == 2  # two different facts with the same value
    assert sorted(f.mentions for f in thirty_two) == [1, 2]  # the 数读 box repeats one of them


def test_one_period_written_two_ways_is_one_fact(extractor):
    text = "2022年一季度，苏州在普通地级市中排名第一。\n2022年1-3月，苏州位居全国普通地级市榜首。"
    assert [(f.text, f.mentions) for f in _facts(extractor, text)] == [("第一", 2)]


def test_a_headline_in_short_forms_and_the_body_are_one_fact_named_by_the_body(extractor):
    text = "1-2月中国外贸增长13.3%平稳开局\n海关数据显示，2022年1-2月，我国进出口总值6.2万亿元，同比增长13.3%。"
    assert [(f.text, f.metric, f.mentions) for f in _facts(extractor, text) if f.text == "13.3%"] == [
        ("13.3%", "进出口总值", 2)]
    text = "2020年单位GDP碳排放约降1.0%\n2020年我国单位国内生产总值二氧化碳排放比2019年下降约1.0%。"
    assert [(f.metric, f.mentions) for f in _facts(extractor, text)] == [("单位国内生产总值二氧化碳排放", 2)]


def test_a_sentence_repeated_word_for_word_is_a_second_mention(extractor):
    text = "2022年我国出口3.47万亿元。\n海关数据显示：\n2022年我国出口3.47万亿元。"
    assert [(f.text, f.mentions) for f in _facts(extractor, text)] == [("3.47万亿元", 2)]


def test_the_year_of_a_report_in_the_lead_carries_down(extractor):
    text = ("生态环境状况公报：去年碳排放约降1.0%\n原标题：生态环境状况公报：去年碳排放约降1.0%\n"
            "目前，部分河口水质仍待改善。\n《2020中国生态环境状况公报》26日对外公布。\n\n细颗粒物浓度为33微克/立方米。")
    assert _by_text(extractor, text)["33微克/立方米"].period == "2020"


def test_a_yearless_time_in_the_title_carries_down_in_the_articles_year(extractor):
    text = "1-2月外贸增长13.3%\n海关总署数据显示，2022年1-2月进出口总值6.2万亿元。\n\n机电产品出口2.02万亿元。"
    assert _by_text(extractor, text)["2.02万亿元"].period == "2022-01/2022-02"


def test_a_counted_group_names_the_subject_not_a_figure(extractor):
    facts = _facts(extractor, "50家重点企业销售收入为120亿元。1-7月，50家重点企业累计销售收入为800亿元。")
    assert [(f.subject, f.metric, f.text) for f in facts] == [
        ("50家重点企业", "销售收入", "120亿元"), ("50家重点企业", "销售收入", "800亿元")]


def test_a_reporters_sample_is_the_subject_of_the_counts_taken_from_it(extractor):
    text = "界面新闻梳理了12家汽车经销商上市公司半年报，7家公司营收和净利双降。\n\n在8家净利下滑的经销商中，5家降幅超过40%。"
    facts = _by_text(extractor, text)
    assert "12家" not in facts  # the sample is a label (GOLD.md)
    assert [(facts[t].subject, facts[t].metric) for t in ("7家", "8家")] == [
        ("12家汽车经销商上市公司", "营收和净利双降的公司"), ("12家汽车经销商上市公司", "净利下滑的经销商")]


def test_a_threshold_after_a_places_count_is_not_a_fact(extractor):
    facts = _by_text(extractor, "结果显示，全国共有3个城市一般公共预算收入突破1千亿元。")
    assert "3个" in facts and "1千亿元" not in facts


def test_a_counted_set_of_places_is_no_figure(extractor):
    facts = _by_text(extractor, "全国337个地级及以上城市平均优良天数比例为87.0%。")
    assert "337个" not in facts and facts["87.0%"].subject.startswith("全国")


def test_threshold_after_a_count_is_not_a_fact(extractor):
    facts = _facts(extractor, "8家净利下滑的经销商中，5家公司净利同比下降40%以上。")
    assert [f.text for f in facts] == ["8家", "5家"]


def test_explain_names_the_rules(extractor):
    [fact] = _facts(extractor, "全市地区生产总值同比下降2.3%。")
    rules = dict(item.split("=", 1) for item in fact.explain)
    assert rules["value"] == "quantity.amount+下降"
    assert rules["kind"] == "kind.verb:下降" and rules["metric"] == "metric.lead"
