/**
 * Units, counter words, scales and qualifier words of figures in reports, as data.
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

/**
 * Verbs of change, by direction: the one list the claims and the checks build their patterns from
 * (增长5%, 由86.9%提高到91.1%, 比上年减少4000亿元). Before this list the core and three checks kept
 * eight patterns that disagreed: 压缩 and 缩短 (由45天压缩至20天，压缩55.6%) were declines to
 * change-arithmetic but not to the claims, 上涨 and 回落 changes to the claims but not levels to
 * out-of-range. A verb that names a level reached (增至, 降至) or a rate (增速) is not one of these.
 */
export const CHANGE_UP: readonly string[] = ['增长', '增加', '提高', '提升', '上升', '上涨', '扩大', '改善', '拉动'];
export const CHANGE_DOWN: readonly string[] = ['下降', '降低', '减少', '缩小', '回落', '下滑', '压减', '压降', '收窄', '缩减', '压缩', '缩短'];
/** Any verb of change, as a regular-expression alternation: `(?:${CHANGE_VERB})`. */
export const CHANGE_VERB = [...CHANGE_UP, ...CHANGE_DOWN].join('|');
const DOWN = CHANGE_DOWN.join('|');

/** Words before a percentage that make it a change rather than a level, by direction. */
export const GROWTH_UP = new RegExp(`(?:${CHANGE_UP.join('|')}|增速)(?:了)?$`);
export const GROWTH_DOWN = new RegExp(`(?:${DOWN})(?:了)?$`);
/** A verb of decline at the end of a text. */
export const ENDS_IN_DECLINE = new RegExp(`(?:${DOWN})$`);

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
