/**
 * The words and shapes the structure parser recognizes, kept as data so they can be read,
 * reviewed and extended without touching the parser's logic.
 */

/** Whole lines a website puts around or into a report. Matched against the trimmed line. */
export const LEFTOVER_LINES: readonly RegExp[] = [
  /^导航菜单$/,
  /^(下载|打印|全屏|收藏|关闭|关闭窗口|打印本页|返回顶部|分享|分享：|分享:|分享到[:：]?|分享到微信|分享到微博|\||>|×|【打印】|【关闭】|【收藏】)$/,
  /^(您的位置|当前位置)[:：]/,
  /^首页$/,
  /^来源[:：].{0,30}$/,
  /^(时间|发布时间|日期)[:：].{0,30}$/,
  /^(责任编辑|编辑|校对|审核)[:：].{0,20}$/,
  /^本文(仅代表作者观点|地址).*$/,
  /^(上一篇|下一篇)[:：]?.*$/,
  /^留言与评论.*$/,
  /^扫一扫.*$/,
  /^相关(报道|文档|附件|链接|阅读|新闻)[:：>》]*.*$/,
  /^[0-9a-f]{32}[:：]?$/,
  /^》》.*《《$/,
  /^【(字号|字体)[:：]?.*$/,
  /^(浏览次数|阅读次数|点击数)[:：].*$/,
];

/** Lines that begin the page footer: everything after them is page furniture, not report. */
export const TAIL_MARKERS: readonly RegExp[] = [
  /^(责任编辑|相关报道|相关文档|相关附件|相关链接|相关阅读|上一篇|下一篇|打印本页|关闭窗口|扫一扫|留言与评论|本文地址)/,
  /^》》.*《《$/,
];

/** The font-size widget `【字号：` … `】` spreads over several lines; its buttons are leftovers too. */
export const WIDGET_OPEN = /^【(字号|字体)[:：]?$/;
export const WIDGET_CLOSE = /^】$/;

/** A news photo caption: 某某作政府工作报告。…记者 … 摄. */
export const PHOTO_CAPTION = /(记者|摄影|图片来源)|\s摄$/;

/** Keys of the publication metadata block that government websites print above a report. */
export const METADATA_KEYS: readonly string[] = [
  '索引号', '文件编号', '发文字号', '文号', '成文日期', '发布机构', '发文机关', '发布日期', '有效性', '公开方式',
  '公开范围', '主题分类', '主题词', '信息名称', '生成日期', '公开时限', '时效', '所属机构', '信息分类',
];

/** Titles of the officials who deliver a report; a short line naming one is the speaker line. */
export const SPEAKER_TITLES = '(?:代理?)?(?:省长|市长|区长|县长|州长|盟长|旗长|镇长|乡长|主席|书记)';

export const SPEAKER_LINE = new RegExp(`^.{0,24}${SPEAKER_TITLES}[\\s\\u3000]*[\\u4e00-\\u9fff·]{2,5}$`);

/** ——2021年1月25日在中山区第十八届人民代表大会第五次会议上 (the dash may be missing). */
export const SPEECH_LINE = /^(?:[—─-]{1,2}\s*)?.{0,30}在.{2,80}(?:会议|大会|会)上$/;

export const SALUTATION = /^各位(?:代表|委员)[：:，,！!]?$/;

/** A report title: ends in 政府工作报告, possibly with the place and a date in brackets. */
export const TITLE_LINE = /工作报告(?:[(（].{0,20}[)）])?$/;

export const DATE_LINE = /^\d{4}[-年/.]\d{1,2}[-月/.]\d{1,2}日?(?:\s*\d{1,2}[:时]\d{1,2}(?:[:分]\d{0,2}秒?)?)?$/;

/** A glossary heading: 名词解释, 名 词 解 释, 附：名词解释, 附件2 名词解释, 《…》有关内容名词注释, 注释. */
export const GLOSSARY_HEADING = /^(?:附件?\s*\d*\s*[：:、.]?\s*)?(?:《[^》]{1,30}》)?(?:有关内容)?(?:名\s*词\s*(?:解\s*释|注\s*释|说\s*明)|注\s*释|术语解释)$/;

/** An appendix heading: 附件, 附件1, 附件2：…, 附：…, 附录. */
export const APPENDIX_HEADING = /^(?:附件\s*[0-9一二三四五六七八九十]*|附录\s*[0-9一二三四五六七八九十]*|附)(?:\s*[：:、.]\s*.{0,40}|\s+.{1,40})?$/;

/** Sentences that introduce a list rather than head a section (…以下工作。 …如下：). */
export const LEAD_IN = /(以下|如下|下列)[^，。]{0,12}[。：:]?$|[：:]$/;

/** Part titles name a period or a programme of work; used only to break ties at the end of a report. */
export const PART_TITLE_WORDS = /(回顾|目标|任务|安排|工作|展望|思路|建设|成就|考虑|部署)/;

/**
 * Words that make a figure a target when they govern it (力争增长6%, 目标是…, 计划投资…). In a
 * review section a figure is a result unless one of them stands in its own clause before it; in
 * a plan section every figure is a target anyway.
 */
export const PLAN_WORDS: readonly string[] = ['预期目标', '力争', '确保', '计划', '拟', '目标是', '目标为', '将达到', '要达到', '争取'];

/** Words that plan only the figure they govern in their own clause (布局200个 beside 建成50个), too common in a sentence to make it a plan. */
export const CLAUSE_PLAN_WORDS: readonly string[] = ['布局', '规划建设', '拟建'];

/** Words in the same clause that make a plan word report what was done: 超额完成计划, 实现了目标. */
export const DONE_WORDS: readonly string[] = ['完成', '实现了', '超额', '超过', '达到了', '提前', '已'];

/** Verbs, adverbs and particles that end the words before a figure but are not part of its metric. */
export const METRIC_TRAILING_WORDS: readonly string[] = [
  '均居', '稳居', '跃居', '位居', '位列', '居', '排名', '排在', '进入', '跻身', '成为', '分别', '同比', '年均', '平均每年', '每年平均', '每年', '平均',
  '累计', '全年', '共计', '合计', '总计', '总共', '共', '达到', '达', '完成', '实现', '增长', '增加', '提高', '提升', '上升', '下降', '降低', '减少',
  '递增', '增产', '减产', '扩大', '缩小', '为', '是', '约', '超过', '突破', '超', '逾', '控制在', '保持在', '稳定在', '维持在', '在', '到', '至', '有',
  '的', '了', '近', '不低于', '不少于', '不超过', '将近', '接近', '大约', '预计', '预计可以', '可以', '能够', '力争', '确保', '要', '将',
  '会', '比', '以上', '以下', '也', '又', '只', '仅', '还', '已', '已经', '而', '再', '拟定为', '拟定', '定为', '实际', '名义', '计划', '年末', '年底', '年初', '五年', '三年', '两年', '十年',
  '压减', '压降', '缩减', '压缩', '下调', '上调', '调高', '调低', '降至', '升至', '增至', '降到', '到人均', '为人均', '或略', '略',
  // One character that also ends nouns: 人均, 成都, 合并, 原则 keep theirs.
  '(?<![人平年])均', '(?<![首成京])都', '(?<![合兼])并', '(?<![原规法准细守])则',
  // The traditional forms older reports were printed in.
  '將', '預計', '為', '達', '達到', '增長', '減少', '還', '已經', '佔', '並',
];

/** Words that start the words before a figure but are not part of its metric. */
export const METRIC_LEADING_WORDS: readonly string[] = [
  '同期', '年内', '年末', '年底', '确保', '力争', '争取', '保证', '要求', '把', '要', '将', '使', '让', '保持', '其中', '全区', '全市', '全省', '全县',
  '全州', '全旗', '全国', '我区', '我市', '我省', '今年', '去年', '上年', '本年', '全年', '当年', '过去一年', '一年来', '五年来', '这五年', '此外',
  '另外', '同时', '并且', '并', '和', '与', '及', '以及', '其', '主要', '就是', '实现', '推动', '完成', '累计', '共', '新建', '而', '但', '又', '还',
  '例如', '比如', '如', '象', '像', '这', '截至', '截止', '预计', '平均每年', '每年', '五年内', '五年合计', '五年累计',
  '但是', '因此', '所以', '可见', '结果', '接着', '计划规定', '规定', '這', '與', '实际', '名义', '的', '就', '再', '如果', '只', '把',
];

/** Time words a metric does not start with: years, months, quarters (2025年, 一九五四年, 1到10月, 上半年). */
export const TIME_WORDS = '(?:在|到|至|截至|截止)?(?:(?:19|20)\\d{2}|[一二三四五六七八九〇○零]{4}|[１２][０-９]{3})年(?:末|底|初|中)?|[0-9０-９一二三四五六七八九十]{1,2}(?:到|至|—|-)[0-9０-９一二三四五六七八九十]{1,2}月(?:份)?|[0-9０-９一二三四五六七八九十]{1,2}月(?:份)?|上半年|下半年|前三季度|一季度';

/** Words that open a comparison before a figure: 比上年, 较2020年, 高于全国, 同比, 相当于1978年的. */
export const COMPARISON_MARKERS: readonly string[] = ['比', '较', '高于', '低于', '快于', '慢于', '好于', '优于', '同比', '相当于', '相当於', '等于', '等於'];

/** Characters after 比 or 较 that make a word, not a comparison: 比重, 比例, 较快, 较大. */
export const NOT_COMPARISON_AFTER = '重例率值较赛大快好高多少低强弱为重';
