import * as assert from 'node:assert/strict';
import { parseReport } from '../../server/src/core/report';
import { TermIndex, findTermUses, reportDefinitions, useAt, type TermDefinition } from '../../server/src/core/terms';
import { escapeMarkdown } from '../../server/src/protocol/markdown';

function define(term: string, aliases: string[] = []): TermDefinition {
  return { term, aliases, definition: `${term}的释义`, source: 'builtin' };
}

/** The uses of `terms` in `text`, as the text they cover. */
function usesIn(text: string, terms: TermDefinition[]): string[] {
  return findTermUses(text, new TermIndex(terms)).map((u) => text.slice(u.span.start, u.span.end));
}

describe('term uses', () => {
  it('match whole terms, longest first', () => {
    const terms = [define('放管服'), define('“放管服”改革')];
    assert.deepEqual(usesIn('深化“放管服”改革，推进放管服。', terms), ['放管服”改革', '放管服']);
  });

  it('match across quotation marks, as the glossary writes the term', () => {
    assert.deepEqual(usesIn('实施“三名”工程，培养名师。', [define('“三名”工程')]), ['三名”工程']);
  });

  it('never match inside a longer quoted term', () => {
    assert.deepEqual(usesIn('推行“三个最多服务”和“三个最多”。', [define('三个最多')]), ['“三个最多”']);
  });

  it('match inside a quoted slogan, which is not a name', () => {
    assert.deepEqual(usesIn('实施“打造大连中央活动区、总部经济集聚区”战略', [define('中央活动区')]), ['中央活动区']);
  });

  it('match two-character terms only where quoted or marked with a note', () => {
    const terms = [define('两新'), define('三资')];
    assert.deepEqual(usesIn('用好“两新”政策，推动两新组织党建，用好三资［22］监管平台。', terms), ['“两新”', '三资']);
  });

  it('match a listed term whose parts are quoted one by one', () => {
    const text = '提升“两个基地”“两个枢纽”“两个网络”［10］能级。';
    assert.deepEqual(usesIn(text, [define('两个基地、两个枢纽、两个网络')]), ['“两个基地”“两个枢纽”“两个网络”']);
  });

  it('stand where they are written after a byte order mark, which is a character of the text', () => {
    assert.deepEqual(usesIn('\ufeff深化放管服改革', [define('放管服')]), ['放管服']);
  });

  it('do not match across a line break', () => {
    assert.deepEqual(usesIn('放管\n服', [define('放管服')]), []);
  });

  it('resolve the use under a cursor, note marker included', () => {
    const text = '火灾呈现“一降三减”［1］良好态势。';
    const uses = findTermUses(text, new TermIndex([define('一降三减')]));
    assert.equal(useAt(uses, text.indexOf('降'))?.key, '一降三减');
    assert.equal(useAt(uses, text.indexOf('1'))?.key, '一降三减');
    assert.equal(useAt(uses, text.indexOf('良')), undefined);
  });

  it('take the report glossary, and the quoted core of a term as an alias', () => {
    const report = parseReport('名词解释\n1.“六横六纵”现代化水网体系：指六条横向、六条纵向骨干水网。\n');
    const [d] = reportDefinitions(report, 'file:///r.txt');
    assert.deepEqual([d.term, d.aliases], ['“六横六纵”现代化水网体系', ['六横六纵']]);
    assert.deepEqual(usesIn('“六横六纵”现代水网体系更趋完善', [d]), ['“六横六纵”']);
  });
});

describe('term uses of the report glossary', () => {
  const glossary = parseReport(
    '名词解释\n1.稳增长“21”条：指21条政策措施。\n2.稳增长“18”条：指18条具体举措。\n3.“两大中心”“四大行动”：指两个中心建设和四项专项行动。\n',
  );
  const definitions = reportDefinitions(glossary, 'file:///r.txt');
  const uses = (text: string) => findTermUses(text, new TermIndex(definitions)).map((u) => `${text.slice(u.span.start, u.span.end)} → ${u.key}`);

  it('find coordinated shorthand: 稳增长“21条”“18条” uses both entries', () => {
    assert.deepEqual(uses('出台稳增长“21条”“18条”等政策。'), ['稳增长“21条” → 稳增长21条', '“18条” → 稳增长18条']);
  });

  it('do not take a quoted number alone for a term', () => {
    assert.deepEqual(uses('出台“18条”措施，落实“21”项任务。'), []);
  });

  it('find each name of a term made of two quoted names where the body uses them apart', () => {
    assert.deepEqual(uses('建设“两大中心”，实施“四大行动”。推进“两大中心”“四大行动”。'), [
      '“两大中心” → 两大中心',
      '“四大行动” → 四大行动',
      '“两大中心”“四大行动” → 两大中心四大行动',
    ]);
  });
});

describe('escaping report text for Markdown', () => {
  it('neutralizes links, command URIs, HTML and emphasis', () => {
    const hostile = '[点此](command:workbench.action.quit) <img src=x onerror=alert(1)> **粗体** `code` https://example.com';
    const escaped = escapeMarkdown(hostile);
    assert.ok(!/(^|[^\\])[[\]()<>*`]/.test(escaped), escaped);
    assert.equal(escaped.replace(/\\(.)/g, '$1'), hostile);
  });
});
