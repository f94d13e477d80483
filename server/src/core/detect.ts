/**
 * Tells a government work report from other text by its shape, so the editor can switch a plain
 * `.txt` file to the report language. Reads only the first part of a long file.
 */

const SAMPLE = 200_000;

export interface Detection {
  readonly isReport: boolean;
  /** The signals found, for the reason shown to the user and for tests. */
  readonly signals: readonly string[];
}

const SIGNALS: readonly { name: string; re: RegExp; weight: number; min?: number }[] = [
  { name: 'title', re: /工作报告/, weight: 2 },
  { name: 'salutation', re: /^[ \t\u3000]*各位(?:代表|委员)[：:，,！!]/m, weight: 2 },
  { name: 'speech-line', re: /在.{2,40}(?:人民代表大会|代表大会|会议)第?.{0,6}(?:次)?会议上/, weight: 2 },
  { name: 'chapters', re: /^[ \t\u3000]*[一二三四五六七八九十]+、/gm, weight: 1, min: 2 },
  { name: 'sections', re: /^[ \t\u3000]*[（(][一二三四五六七八九十]+[）)]/gm, weight: 1, min: 2 },
  { name: 'glossary', re: /^[ \t\u3000]*(?:附件?\s*\d*\s*)?名\s*词\s*(?:解\s*释|注\s*释)/m, weight: 1 },
  { name: 'report-words', re: /(?:同比|增长|预期目标|十四五|十五五|十三五|高质量发展|民生|营商环境|深化改革|乡村振兴|城市更新|基层治理|社会保障|公共服务|持续推进|扎实推进)/g, weight: 1, min: 4 },
  { name: 'topic-leads', re: /^[ \t\u3000]*[\u4e00-\u9fff“”]{4,16}。/gm, weight: 1, min: 3 },
];

export function detectReport(text: string): Detection {
  const sample = text.length > SAMPLE ? text.slice(0, SAMPLE) : text;
  if (hanShare(sample) < 0.3) return { isReport: false, signals: [] };
  const signals: string[] = [];
  let score = 0;
  for (const s of SIGNALS) {
    const count = s.min ? (sample.match(s.re) ?? []).length : s.re.test(sample) ? 1 : 0;
    if (count >= (s.min ?? 1)) {
      signals.push(s.name);
      score += s.weight;
    }
  }
  // Numbered sections and report vocabulary together are enough for a fragment without a title.
  return { isReport: score >= 3, signals };
}

/** The share of Chinese characters among the visible characters. */
function hanShare(s: string): number {
  let han = 0;
  let visible = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c <= 32 || c === 0x3000) continue;
    visible++;
    if (c >= 0x4e00 && c <= 0x9fff) han++;
  }
  return visible === 0 ? 0 : han / visible;
}
