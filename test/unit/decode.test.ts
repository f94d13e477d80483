import * as assert from 'node:assert/strict';
import { decodeReport } from '../../server/src/io/decode';

const REPORT = '一、2025年工作回顾\n地区生产总值增长5.2%。\n';

/** GB18030 bytes for REPORT, written out so the test does not depend on an encoder. */
function gb18030(text: string): Uint8Array {
  const table: Record<string, number[]> = {
    一: [0xd2, 0xbb], '、': [0xa1, 0xa2], 年: [0xc4, 0xea], 工: [0xb9, 0xa4], 作: [0xd7, 0xf7], 回: [0xbb, 0xd8], 顾: [0xb9, 0xcb],
    地: [0xb5, 0xd8], 区: [0xc7, 0xf8], 生: [0xc9, 0xfa], 产: [0xb2, 0xfa], 总: [0xd7, 0xdc], 值: [0xd6, 0xb5], 增: [0xd4, 0xf6],
    长: [0xb3, 0xa4], '。': [0xa1, 0xa3],
  };
  const bytes: number[] = [];
  for (const ch of text) bytes.push(...(table[ch] ?? [ch.charCodeAt(0)]));
  return Uint8Array.from(bytes);
}

describe('decoding report files', () => {
  it('reads UTF-8 with and without a BOM', () => {
    const plain = decodeReport(Buffer.from(REPORT));
    assert.ok(plain.ok && plain.text === REPORT && plain.encoding === 'utf-8');
    const bom = decodeReport(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(REPORT)]));
    assert.ok(bom.ok && bom.text.replace(/^\ufeff/, '') === REPORT);
  });

  it('detects GB18030 (GBK) when the bytes are not UTF-8', () => {
    const decoded = decodeReport(gb18030(REPORT));
    assert.ok(decoded.ok, 'decoded');
    assert.equal(decoded.text, REPORT);
    assert.equal(decoded.encoding, 'gb18030');
  });

  it('reads UTF-16 with a BOM', () => {
    const decoded = decodeReport(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(REPORT, 'utf16le')]));
    assert.ok(decoded.ok && decoded.text.replace(/^\ufeff/, '') === REPORT);
  });

  it('refuses binary files with a clear reason', () => {
    const decoded = decodeReport(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]));
    assert.ok(!decoded.ok);
    assert.match(decoded.reason.en, /binary/);
  });

  it('honours an explicit encoding, and says so when the bytes do not fit it', () => {
    const gbk = decodeReport(gb18030(REPORT), 'gbk');
    assert.ok(gbk.ok && gbk.text === REPORT);
    const wrong = decodeReport(gb18030(REPORT), 'utf-8');
    assert.ok(!wrong.ok);
    assert.match(wrong.reason.en, /not valid utf-8/);
  });
});
