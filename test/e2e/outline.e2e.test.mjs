// End-to-end: the packaged extension in a real VS Code (code-server) driven through Chromium.
// Opens a corpus report as plain text and checks what a person sees: the language switches to
// 政府工作报告 / Report, and the Outline view lists the report's sections.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ROOT } from '../../scripts/code-server-lib.mjs';
import { useSession } from './session.mjs';
import { REPORT_LANGUAGE, SELECTORS, languageStatus, outlineRows, runCommand, waitForLanguage } from './workbench.mjs';

const VSIX = process.env.REPORT_REVIEW_VSIX || join(ROOT, 'report-review.vsix');
const OUT = join(ROOT, 'test-output', 'e2e');
const REPORT = join(ROOT, 'test/corpus/001_366748309c9ca2d8.txt');
// From test/corpus/expected/001_366748309c9ca2d8.outline: its level-1 sections, in order, and
// the first level-2 section under the first of them.
const LEVEL1 = ['2020年和“十三五”时期政府工作回顾', '“十四五”时期发展思路、总体目标及主攻方向', '2021年工作安排'];
const FIRST_CHILD = '精准施策战疫情,交出大考高分答卷';
const LINE_OF_2021_PLAN = 73;
const WAIT = 30_000; // Per step: the first start of the workbench and extension host is the slow part.

describe('Report Review in VS Code (code-server + Chromium)', function () {
  this.timeout(120_000);
  let page;
  // The first test watches the switch to the report language itself.
  const session = useSession({
    out: OUT,
    vsix: VSIX,
    report: REPORT,
    timeout: WAIT,
    settings: {
      // Level-1 sections only until one is expanded: the Outline list is virtual (rows out of
      // view are not in the DOM), and a fully expanded report is taller than the sidebar.
      'outline.collapseItems': 'alwaysCollapse',
      'breadcrumbs.enabled': false,
    },
  }, { waitForReport: false });
  before(() => (page = session.page));

  it(`switches a plain-text report to the "${REPORT_LANGUAGE}" language`, async function () {
    await waitForLanguage(page, REPORT_LANGUAGE, WAIT);
    assert.equal(await languageStatus(page), REPORT_LANGUAGE);
  });

  it('lists the report sections in the Outline view', async function () {
    await runCommand(page, 'Focus on Outline View', WAIT);
    // Fold the file tree so the Outline gets the sidebar's height (its rows are virtual).
    const explorerHeader = page.locator(SELECTORS.explorerPaneHeader);
    if ((await explorerHeader.getAttribute('aria-expanded')) === 'true') await explorerHeader.click();
    await page.locator(`${SELECTORS.explorerPaneHeader}[aria-expanded="false"]`).waitFor({ timeout: WAIT });
    await page.locator(SELECTORS.explorerRow).first().waitFor({ state: 'hidden', timeout: WAIT });

    const lastSection = page.locator(`${SELECTORS.outlineRow}[aria-level="1"]`, { hasText: LEVEL1.at(-1) });
    await lastSection.waitFor({ timeout: WAIT }).catch(async () => {
      const message = await page.locator(SELECTORS.outlineMessage).innerText().catch(() => '');
      assert.fail(`Outline has no "${LEVEL1.at(-1)}" within ${WAIT} ms; rows: ${JSON.stringify(await outlineRows(page))}; message: "${message}"`);
    });

    const top = (await outlineRows(page)).filter((row) => row.level === 1).map((row) => row.name);
    const found = LEVEL1.map((title) => top.findIndex((name) => name.includes(title)));
    assert.ok(found.every((i) => i >= 0), `level-1 Outline rows ${JSON.stringify(top)} lack one of ${JSON.stringify(LEVEL1)}`);
    assert.deepEqual([...found].sort((a, b) => a - b), found, `level-1 sections out of order: ${JSON.stringify(top)}`);

    const firstSection = page.locator(`${SELECTORS.outlineRow}[aria-level="1"]`, { hasText: LEVEL1[0] }).first();
    await firstSection.locator(SELECTORS.outlineTwistie).click();
    const child = page.locator(`${SELECTORS.outlineRow}[aria-level="2"]`, { hasText: FIRST_CHILD });
    await child.waitFor({ timeout: WAIT }).catch(async () => {
      assert.fail(`expanding "${LEVEL1[0]}" shows no "${FIRST_CHILD}"; rows: ${JSON.stringify(await outlineRows(page))}`);
    });
    await page.screenshot({ path: join(OUT, 'outline.png') });

    const rows = await outlineRows(page);
    const parent = rows.findIndex((row) => row.level === 1 && row.name.includes(LEVEL1[0]));
    assert.ok(rows[parent + 1]?.name.includes(FIRST_CHILD),
      `expected "${FIRST_CHILD}" as the first child of "${LEVEL1[0]}", got ${JSON.stringify(rows[parent + 1])}`);
  });

  it('moves the cursor to a section when its Outline entry is clicked', async function () {
    await page.locator(`${SELECTORS.outlineRow}[aria-level="1"]`, { hasText: LEVEL1.at(-1) }).first().click();
    const cursor = page.locator(SELECTORS.cursorStatus, { hasText: `Ln ${LINE_OF_2021_PLAN},` });
    await cursor.waitFor({ timeout: WAIT }).catch(async () => {
      const text = await page.locator(SELECTORS.cursorStatus).innerText().catch(() => '(no cursor status)');
      assert.fail(`cursor status is "${text}", expected line ${LINE_OF_2021_PLAN}`);
    });
  });
});
