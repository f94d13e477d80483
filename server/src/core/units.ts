/**
 * Units, counter words, scales and qualifier words of figures in reports, as data; and the words
 * around a figure that claims.ts reads for its metric, comparison and modality.
 * The scanner reads a number, then the longest unit in `UNITS` that follows it.
 */

export type ClaimKind = 'amount' | 'count' | 'percent' | 'points' | 'growth' | 'multiple' | 'rank' | 'fraction';
export type Qualifier = 'exact' | 'approx' | 'atLeast' | 'atMost';

export interface UnitInfo {
  /** The unit as the model reports it, scale folded out: 万平方米 → 平方米 with factor 10,000. */
  readonly unit: string;
  readonly kind: ClaimKind;
  readonly factor?: number;
}

const amount = (unit: string, factor?: number): UnitInfo => ({ unit, kind: 'amount', factor });
const count = (unit: string): UnitInfo => ({ unit, kind: 'count' });

/** Every unit and counter word, as written after a number. Longer forms win over their prefixes. */
export const UNITS: Readonly<Record<string, UnitInfo>> = {
  '%': { unit: '%', kind: 'percent' },
  '％': { unit: '%', kind: 'percent' },
  '‰': { unit: '‰', kind: 'percent' },
  个百分点: { unit: '个百分点', kind: 'points' },
  百分点: { unit: '个百分点', kind: 'points' },
  倍: { unit: '倍', kind: 'multiple' },
  元: amount('元'),
  美元: amount('美元'),
  港元: amount('港元'),
  欧元: amount('欧元'),
  平方米: amount('平方米'),
  平米: amount('平方米'),
  平方千米: amount('平方千米'),
  平方公里: amount('平方千米'),
  公里: amount('公里'),
  千米: amount('千米'),
  延长米: amount('延长米'),
  米: amount('米'),
  吨: amount('吨'),
  斤: amount('斤'),
  公斤: amount('公斤'),
  千克: amount('公斤'),
  标准煤: amount('吨标准煤'),
  亩: amount('亩'),
  公顷: amount('公顷'),
  立方米: amount('立方米'),
  千瓦: amount('千瓦'),
  千瓦时: amount('千瓦时'),
  度: amount('千瓦时'),
  天: amount('天'),
  个工作日: amount('个工作日'),
  工作日: amount('个工作日'),
  小时: amount('小时'),
  分钟: amount('分钟'),
  年: amount('年'),
  个月: amount('个月'),
  周岁: amount('岁'),
  岁: amount('岁'),
  标箱: amount('标箱'),
  '微克/立方米': amount('微克/立方米'),
  人次: count('人次'),
  户次: count('户次'),
  人: count('人'),
  名: count('名'),
  位: count('位'),
  户: count('户'),
  个: count('个'),
  项: count('项'),
  件: count('件'),
  家: count('家'),
  家庭: count('户'),
  所: count('所'),
  座: count('座'),
  张: count('张'),
  部: count('部'),
  栋: count('栋'),
  幢: count('幢'),
  场: count('场'),
  场次: count('场次'),
  批次: count('批次'),
  批: count('批'),
  次: count('次'),
  列: count('列'),
  辆: count('辆'),
  台: count('台'),
  套: count('套'),
  条: count('条'),
  处: count('处'),
  例: count('例'),
  间: count('间'),
  床: count('床'),
  张床: count('张'),
  支: count('支'),
  只: count('只'),
  头: count('头'),
  棵: count('棵'),
  株: count('株'),
  片: count('片'),
  块: count('块'),
  宗: count('宗'),
  笔: count('笔'),
  份: count('份'),
  篇: count('篇'),
  本: count('本'),
  册: count('册'),
  种: count('种'),
  类: count('类'),
  轮: count('轮'),
  期: count('期'),
  届: count('届'),
  级: count('级'),
  村: count('村'),
  镇: count('镇'),
  县: count('县'),
  所学校: count('所'),
  项目: count('项'),
  方面: count('个'),
  条线: count('条'),
  班次: count('班次'),
  架次: count('架次'),
  艘: count('艘'),
  盏: count('盏'),
  把: count('把'),
  门: count('门'),
  层: count('层'),
  处所: count('处'),
  单: count('单'),
  对: count('对'),
  款: count('款'),
  发: count('发'),
  群: count('群'),
  航次: count('航次'),
  起: count('起'),
  '微克每立方米': amount('微克/立方米'),
  车次: count('车次'),
  辆次: count('辆次'),
  架: count('架'),
  季度: amount('个季度'),
  个季度: amount('个季度'),
};

/** The longest unit first, so 个百分点 is tried before 个 and 平方千米 before 平方. */
export const UNIT_KEYS: readonly string[] = Object.keys(UNITS).sort((a, b) => b.length - a.length);

/** Scales written between a number and its unit. */
export const SCALES: Readonly<Record<string, number>> = {
  万亿: 1e12,
  千亿: 1e11,
  百亿: 1e10,
  亿: 1e8,
  千万: 1e7,
  百万: 1e6,
  万: 1e4,
  千: 1e3,
};

export const SCALE_KEYS: readonly string[] = Object.keys(SCALES).sort((a, b) => b.length - a.length);

/** Qualifier words written before a number. */
export const QUALIFIERS_BEFORE: readonly (readonly [string, Qualifier])[] = [
  ['不低于', 'atLeast'],
  ['不少于', 'atLeast'],
  ['不超过', 'atMost'],
  ['超过', 'atLeast'],
  ['突破', 'atLeast'],
  ['达到', 'exact'],
  ['约', 'approx'],
  ['近', 'atMost'],
  ['超', 'atLeast'],
  ['逾', 'atLeast'],
  ['将近', 'atMost'],
  ['接近', 'atMost'],
  ['大约', 'approx'],
];

/** Qualifier words written after a number and its unit. */
export const QUALIFIERS_AFTER: readonly (readonly [string, Qualifier])[] = [
  ['以上', 'atLeast'],
  ['以下', 'atMost'],
  ['以内', 'atMost'],
  ['之内', 'atMost'],
  ['左右', 'approx'],
  ['上下', 'approx'],
];

/** Words before a percentage that make it a change rather than a level. */
export const GROWTH_UP = /(?:增长|增加|提高|提升|上升|上涨|增速|改善|扩大|拉动)(?:了)?$/;
export const GROWTH_DOWN = /(?:下降|降低|减少|缩小|回落|下滑|压减|压降|收窄|缩减)(?:了)?$/;

/**
 * Where a rank is counted: 全国第一, 西北第一, 全球第三大, 同类城市前六. A region or peer group
 * written right before 第N or 前N makes it a rank even without a verb (居, 位列).
 */
export const RANK_SCOPES: readonly string[] = [
  '全国', '全省', '全市', '全区', '全州', '全县', '全盟', '全球', '世界', '亚洲', '国内', '省内', '区内', '市内', '内地',
  '中西部', '西部', '东部', '中部', '东北', '西北', '西南', '华北', '华东', '华南', '华中', '沿海', '沿边', '长江经济带', '黄河流域',
  '各省区', '各省份', '各省区市', '各省市', '同类城市', '副省级城市', '省会城市', '计划单列市', '民族地区', '少数民族地区',
];

/** Verbs that put a 第N or 前N after them as a rank: 居第七, 排名第3位, 进入前六. */
export const RANK_VERBS: readonly string[] = ['居', '列', '排', '位居', '位列', '排名', '排在', '保持', '跃居', '跃升至', '升至', '稳居', '进入', '跻身', '迈入', '名列'];

/**
 * What follows 第N when it numbers an event or a batch rather than ranks a place: 第32届运动会,
 * 第31个世界无烟日, 第二批试点, 第三轮督察. Not figures; a rank scope before 第 (全省第4个) still ranks.
 */
export const ORDINAL_COUNTERS: readonly string[] = ['届', '次', '批', '轮', '期', '个', '条', '款', '章', '节', '代', '产业', '季度', '阶段', '步', '号', '年', '天', '名次'];

/**
 * Words around N年 that make it a span of time, not a figure: 近10年, 过去五年, 10年来, 三年间.
 * A count of years (连续5年, 用3年时间) stays a figure.
 */
export const DURATION_BEFORE: readonly string[] = ['近', '过去', '最近', '这', '前', '今后', '未来', '后', '此后', '之后', '头', '过去的'];
export const DURATION_AFTER: readonly string[] = ['来', '间', '以来', '内', '中', '里', '前', '后', '之内', '之间', '的时间里', '多来'];

/**
 * Nouns that make a small Chinese count the name of a fixed set, not a quantity: 四项基本原则,
 * 和平共处五项原则, 四个现代化, 两个大局, 中央八项规定, 两个积极性, 四个自信. Like a quoted slogan
 * (“六个翻番”), such a name is not a figure.
 */
export const NAMED_SET_NOUNS: readonly string[] = [
  '基本原则', '原则', '基本准则', '现代化', '大局', '规定', '积极性', '自信', '意识', '维护', '确立', '全面', '基本点',
  '超级大国', '历史性课题', '必须', '务必', '坚持', '统筹', '一百年', '百年',
];

// ---------------------------------------------------------------------------------------------
// Words around a figure: what makes it a target, what is not part of its metric, what it is compared with.

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
  '但是', '因此', '所以', '可见', '结果', '接着', '计划规定', '规定', '這', '與', '实际', '名义', '的',
];

/** Time words a metric does not start with: years, months, quarters (2025年, 一九五四年, 1到10月, 上半年). */
export const TIME_WORDS = '(?:在|到|至|截至|截止)?(?:(?:19|20)\\d{2}|[一二三四五六七八九〇○零]{4}|[１２][０-９]{3})年(?:末|底|初|中)?|[0-9０-９一二三四五六七八九十]{1,2}(?:到|至|—|-)[0-9０-９一二三四五六七八九十]{1,2}月(?:份)?|[0-9０-９一二三四五六七八九十]{1,2}月(?:份)?|上半年|下半年|前三季度|一季度';

/** Words that open a comparison before a figure: 比上年, 较2020年, 高于全国, 同比, 相当于1978年的. */
export const COMPARISON_MARKERS: readonly string[] = ['比', '较', '高于', '低于', '快于', '慢于', '好于', '优于', '同比', '相当于', '相当於', '等于', '等於'];

/** Characters after 比 or 较 that make a word, not a comparison: 比重, 比例, 较快, 较大. */
export const NOT_COMPARISON_AFTER = '重例率值较赛大快好高多少低强弱为重';
