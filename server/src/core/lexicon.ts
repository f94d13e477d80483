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
