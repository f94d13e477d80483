/** Chinese and circled numerals as the report writes them in numbering. */

const DIGITS: Record<string, number> = {
  〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** Characters that may appear in a Chinese numeral used for numbering (一 … 九十九). */
export const CHINESE_NUMERAL_CHARS = '〇零一二两三四五六七八九十百';

/**
 * Parses a Chinese numeral as used in numbering and counts (一, 十, 十二, 二十三, 一百零五).
 * Returns undefined for anything that is not a well-formed numeral.
 */
export function parseChineseNumeral(s: string): number | undefined {
  if (s.length === 0) return undefined;
  let total = 0;
  let digit: number | undefined;
  // Units must fall from left to right (百 before 十), each at most once.
  let lastUnit = Infinity;
  for (const ch of s) {
    if (ch in DIGITS) {
      if (digit !== undefined && digit !== 0) return undefined;
      digit = DIGITS[ch];
    } else if (ch === '十' || ch === '百') {
      const unit = ch === '十' ? 10 : 100;
      if (unit >= lastUnit) return undefined;
      if (digit === undefined && unit === 100) return undefined;
      total += (digit ?? 1) * unit;
      digit = undefined;
      lastUnit = unit;
    } else {
      return undefined;
    }
  }
  // A run of digits without units (一二) is not a numeral.
  if (lastUnit === Infinity && s.length > 1) return undefined;
  if (digit !== undefined) total += digit;
  return total;
}

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

export function circledValue(ch: string): number | undefined {
  const i = CIRCLED.indexOf(ch);
  return i < 0 ? undefined : i + 1;
}

export const CIRCLED_CHARS = CIRCLED;

/** Folds full-width digits and letters to ASCII so `１８．１８` reads like `18.18`. */
export function foldWidth(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else out += s[i];
  }
  return out;
}
