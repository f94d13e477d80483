// End-to-end: the Targets and Results view in a real VS Code (code-server) driven through Chromium.
// A workspace holds the State Council's reports of 2021 and 2022; with 2022 open, the view lists the
// targets 2021 set against 2022's review, and clicking a row puts the cursor on the result.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../scripts/code-server-lib.mjs';
import { useSession } from './session.mjs';
import { SELECTORS, goToLine, hoverEditorText, hoverText, runCommand, treeRows, uiLanguage } from './workbench.mjs';

const VSIX = process.env.REPORT_REVIEW_VSIX || join(ROOT, 'report-review.vsix');
const OUT = join(ROOT, 'test-output', 'e2e-targets');
const NATIONAL = join(ROOT, 'test', 'corpus', 'national');
const WAIT = 30_000;

const VIEW = 'Targets and Results'; // 目标与结果 in a Chinese UI.
// 2021.txt line 122 sets 国内生产总值增长6%以上; 2022.txt line 28 reviews it: 增长8.1%.
const TARGET = '国内生产总值增长6%以上';
const RESULT_LINE = 28;
const ROW_DESCRIPTION = '→ 8.1% · met';
// Energy use per unit of GDP: 2022's review gives no figure for 2021.
const NO_RESULT = '单位国内生产总值能耗降低3%左右';

describe('Report Review targets and results in VS Code (code-server + Chromium)', function () {
  this.timeout(120_000);
  let page;
  const session = useSession({
    out: OUT,
    vsix: VSIX,
    reports: [join(NATIONAL, '2021.txt'), join(NATIONAL, '2022.txt')],
    open: '2022.txt',
    timeout: WAIT,
    beforeOpen: async (shown) => assert.equal(await uiLanguage(shown), 'en', 'the expected labels below are those of an English UI'),
  });
  before(() => (page = session.page));

  it(`shows 2021's targets against 2022's results in the "${VIEW}" view, and a row goes to the result`, async function () {
    await runCommand(page, 'View: Show Report Review', WAIT);
    const paneHeader = '.part.sidebar .pane-header';
    const header = page.locator(paneHeader, { hasText: VIEW });
    await header.waitFor({ timeout: WAIT }).catch(async () => {
      const views = await page.locator(paneHeader).evaluateAll((elements) => elements.map((e) => e.getAttribute('aria-label')));
      assert.fail(`no "${VIEW}" view in the Report Review container within ${WAIT} ms; views: ${JSON.stringify(views)}`);
    });
    // The other two views fold away, so this one has the room for its rows.
    for (const other of ['Report Figures', 'Terms']) {
      const h = page.locator(paneHeader, { hasText: other }).first();
      if ((await h.getAttribute('aria-expanded')) === 'true') await h.click();
    }
    if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
    await page.locator(`${paneHeader}[aria-expanded="true"]`, { hasText: VIEW }).waitFor({ timeout: WAIT });
    const view = header.locator('xpath=..');

    const row = view.locator(`${SELECTORS.treeRow}[aria-level="1"]`).filter({ has: page.locator('.label-name', { hasText: TARGET }) }).first();
    await row.waitFor({ timeout: WAIT }).catch(async () => {
      assert.fail(`"${VIEW}" shows no row "${TARGET}" within ${WAIT} ms; rows: ${JSON.stringify(await treeRows(view))}`);
    });
    const rows = await treeRows(view);
    assert.deepEqual(rows[0], { level: 1, label: TARGET, description: ROW_DESCRIPTION }, JSON.stringify(rows));
    const energy = rows.find((r) => r.label === NO_RESULT);
    assert.equal(energy?.description, '→ (none) · no result reported', JSON.stringify(rows));

    // Start away from the result's line so that reaching it proves the click moved the cursor.
    await goToLine(page, 1, 1, WAIT);
    await row.click();
    const cursor = page.locator(SELECTORS.cursorStatus, { hasText: `Ln ${RESULT_LINE},` });
    await cursor.waitFor({ timeout: WAIT }).catch(async () => {
      const text = await page.locator(SELECTORS.cursorStatus).innerText().catch(() => '(no cursor status)');
      assert.fail(`clicking "${TARGET}" left the cursor at "${text}", expected line ${RESULT_LINE} of 2022.txt`);
    });
    await page.locator(SELECTORS.editorTab + '.active', { hasText: '2022.txt' }).waitFor({ timeout: WAIT });
    // A row's children: the target and the result, each going to its place, and the reason.
    await row.locator(SELECTORS.treeTwistie).click();
    const children = view.locator(`${SELECTORS.treeRow}[aria-level="2"]`);
    await children.filter({ has: page.locator('.label-name', { hasText: 'Result: ' }) }).first().waitFor({ timeout: WAIT });
    const shown = (await treeRows(view)).filter((r) => r.level === 2).map((r) => `${r.label} | ${r.description}`);
    assert.deepEqual(shown, [`Target: ${TARGET} | 2021.txt line 122`, 'Result: 国内生产总值达到114万亿元，增长8.1% | 2022.txt line 28', '8.1% meets the target 6% (a floor) | '], JSON.stringify(shown));
    // Wider, for the picture: drag the sash at the side bar's right edge.
    const bar = await page.locator('.part.sidebar').boundingBox();
    if (bar) {
      await page.mouse.move(bar.x + bar.width + 1, bar.y + bar.height / 2);
      await page.mouse.down();
      await page.mouse.move(bar.x + bar.width + 240, bar.y + bar.height / 2, { steps: 8 });
      await page.mouse.up();
    }
    mkdirSync(join(ROOT, 'docs'), { recursive: true });
    await page.screenshot({ path: join(ROOT, 'docs', 'targets-view.png') });
  });

  it('hovers the result figure with the target it answers, after what the figure is', async function () {
    // After the row's click the editor shows line 28, whose 8.1% is the first on screen.
    await hoverEditorText(page, '8.1%');
    const wanted = 'Answers last year’s target';
    await page.locator(SELECTORS.editorHover, { hasText: wanted }).waitFor({ timeout: WAIT }).catch(async () => {
      assert.fail(`no hover with "${wanted}" over 8.1% within ${WAIT} ms; hover: "${await hoverText(page)}"`);
    });
    const text = await hoverText(page);
    assert.ok(text.startsWith('8.1%'), `the hover does not lead with the figure: "${text}"`);
    assert.match(text, /Answers last year’s target: 国内生产总值增长6%以上 · met · previous report, line 122/);
    // Left open: Escape goes to the side bar, which has the focus since the drag above.
    await page.screenshot({ path: join(OUT, 'hover-result.png'), animations: 'disabled' });
  });
});
