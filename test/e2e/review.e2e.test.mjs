// End-to-end: the packaged extension in a real VS Code (code-server) driven through Chromium.
// Checks what a person reading a corpus report sees: hovers on a glossary term and on a figure, and
// the Report Figures view in the Report Review container, whose rows go to the figure in the text.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { ROOT } from '../../scripts/code-server-lib.mjs';
import { screenshotFailure, startSession, stopSession } from './session.mjs';
import {
  SELECTORS, closeHover, goToLine, hoverEditorText, hoverText, languageStatus, runCommand, treeRows, uiLanguage,
} from './workbench.mjs';

const VSIX = process.env.REPORT_REVIEW_VSIX || join(ROOT, 'report-review.vsix');
const OUT = join(ROOT, 'test-output', 'e2e-review');
const REPORT = join(ROOT, 'test/corpus/001_366748309c9ca2d8.txt');
const FILE = basename(REPORT);
const WAIT = 30_000; // Per step: the first start of the workbench and extension host is the slow part.

/** 1-based line and column of the first occurrence of `text` in the report, as VS Code counts them. */
function positionOf(text) {
  const lines = readFileSync(REPORT, 'utf8').split(/\r\n|\r|\n/);
  const index = lines.findIndex((line) => line.includes(text));
  assert.ok(index >= 0, `"${text}" is not in ${FILE}`);
  return { line: index + 1, column: lines[index].indexOf(text) + 1 };
}

// 双查双管 is first used in the body on line 26; the report defines it as entry 1 of its 名词解释.
const TERM = '双查双管';
const TERM_AT = positionOf(TERM);
const DEFINITION_PART = '在疫情防控期间';
// 18.18亿元 on line 22 is the report's first figure: 一般公共预算收入, in the report's own scale.
const FIGURE = '18.18亿元';
const FIGURE_AT = positionOf(FIGURE);
const THIRTEEN_DIGITS = '1,818,000,000';
const FIGURE_METRIC = '一般公共预算收入';
const FIRST_GROUP = '一、2020年和“十三五”时期政府工作回顾';
// code-server has no language pack here, so VS Code (and with it the server, via vscode.env.language)
// speaks English; the other selectors (`Ln 22,`, "Explorer Section") assume that too.
const UI_LANGUAGE = 'en';
const GLOSSARY_SOURCE = "This report's glossary, entry 1"; // 本报告名词解释第1条 in a Chinese UI.
const FIGURES_VIEW = 'Report Figures'; // 报告数据 in a Chinese UI.

describe('Report Review hovers and figures in VS Code (code-server + Chromium)', function () {
  this.timeout(120_000);
  let session;
  let page;

  before(async function () {
    this.timeout(20 * 60_000); // A first run may install code-server and Chromium.
    session = await startSession({
      out: OUT,
      vsix: VSIX,
      report: REPORT,
      timeout: WAIT,
      beforeOpen: async (shown) => assert.equal(await uiLanguage(shown), UI_LANGUAGE, 'the expected labels below are those of an English UI'),
    });
    page = session.page;
    // Hovers and the view come from the report language server, which runs once the file is a report.
    await page.locator(SELECTORS.languageStatus, { hasText: '政府工作报告 / Report' }).waitFor({ timeout: WAIT }).catch(async () => {
      assert.fail(`status bar language is "${await languageStatus(page)}", expected the report language within ${WAIT} ms`);
    });
  });

  afterEach(async function () {
    await screenshotFailure(session, this.currentTest);
  });

  after(async function () {
    this.timeout(30_000);
    await stopSession(session);
  });

  it('hovers show the glossary definition of a term and the value of a figure', async function () {
    // The keyboard way: cursor on the term, then Show Hover (Ctrl+K Ctrl+I).
    await goToLine(page, TERM_AT.line, TERM_AT.column, WAIT);
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    await page.locator(SELECTORS.editorHover, { hasText: DEFINITION_PART }).waitFor({ timeout: WAIT }).catch(async () => {
      assert.fail(`no hover with "${DEFINITION_PART}" on "${TERM}" at line ${TERM_AT.line} within ${WAIT} ms; hover: "${await hoverText(page)}"`);
    });
    // The fade-in animation would leave the text half-drawn in the screenshot.
    await page.screenshot({ path: join(OUT, 'hover.png'), animations: 'disabled' });
    const termHover = await hoverText(page);
    assert.ok(termHover.includes(TERM), `hover lacks the term "${TERM}": "${termHover}"`);
    assert.ok(termHover.includes(GLOSSARY_SOURCE), `hover lacks the source "${GLOSSARY_SOURCE}": "${termHover}"`);
    await closeHover(page, WAIT);

    // The mouse way. Go to Line first scrolls the figure into view.
    await goToLine(page, FIGURE_AT.line, FIGURE_AT.column, WAIT);
    await hoverEditorText(page, FIGURE);
    await page.locator(SELECTORS.editorHover, { hasText: FIGURE_METRIC }).waitFor({ timeout: WAIT }).catch(async () => {
      assert.fail(`no hover with "${FIGURE_METRIC}" over "${FIGURE}" at line ${FIGURE_AT.line} within ${WAIT} ms; hover: "${await hoverText(page)}"`);
    });
    await page.screenshot({ path: join(OUT, 'hover-figure.png'), animations: 'disabled' });
    const figureHover = await hoverText(page);
    assert.ok(figureHover.startsWith(FIGURE), `figure hover does not lead with the figure as written: "${figureHover}"`);
    assert.ok(!figureHover.includes(THIRTEEN_DIGITS), `figure hover spells the value out in digits: "${figureHover}"`);
    await closeHover(page, WAIT);
  });

  it(`lists the report's figures in the "${FIGURES_VIEW}" view of the Report Review container and goes to one when clicked`, async function () {
    await runCommand(page, 'View: Show Report Review', WAIT);
    const paneHeader = '.part.sidebar .pane-header';
    const header = page.locator(paneHeader, { hasText: FIGURES_VIEW });
    await header.waitFor({ timeout: WAIT }).catch(async () => {
      const views = await page.locator(paneHeader).evaluateAll((elements) => elements.map((e) => e.getAttribute('aria-label')));
      assert.fail(`no "${FIGURES_VIEW}" view in the Report Review container within ${WAIT} ms; views: ${JSON.stringify(views)}`);
    });
    if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
    await page.locator(`${paneHeader}[aria-expanded="true"]`, { hasText: FIGURES_VIEW }).waitFor({ timeout: WAIT });
    const view = header.locator('xpath=..'); // The pane: its header and the tree below it.

    const group = view.locator(`${SELECTORS.treeRow}[aria-level="1"]`).filter({ has: page.locator('.label-name', { hasText: FIRST_GROUP }) }).first();
    await group.waitFor({ timeout: WAIT }).catch(async () => {
      assert.fail(`"${FIGURES_VIEW}" shows no group "${FIRST_GROUP}" within ${WAIT} ms; rows: ${JSON.stringify(await treeRows(view))}`);
    });
    const first = (await treeRows(view))[0];
    assert.equal(first?.label, FIRST_GROUP, `the first group is ${JSON.stringify(first)}`);

    await group.locator(SELECTORS.treeTwistie).click();
    const row = view.locator(`${SELECTORS.treeRow}[aria-level="2"]`)
      .filter({ has: page.locator('.label-name', { hasText: FIGURE_METRIC }) })
      .filter({ has: page.locator('.label-name', { hasText: FIGURE }) });
    await row.waitFor({ timeout: WAIT }).catch(async () => {
      assert.fail(`expanding "${FIRST_GROUP}" shows no "${FIGURE_METRIC} ${FIGURE}" row; rows: ${JSON.stringify(await treeRows(view))}`);
    });

    // Start away from the figure's line so that reaching it proves the click moved the cursor.
    await goToLine(page, 1, 1, WAIT);
    await row.click();
    const cursor = page.locator(SELECTORS.cursorStatus, { hasText: `Ln ${FIGURE_AT.line},` });
    await cursor.waitFor({ timeout: WAIT }).catch(async () => {
      const text = await page.locator(SELECTORS.cursorStatus).innerText().catch(() => '(no cursor status)');
      assert.fail(`clicking "${FIGURE}" left the cursor at "${text}", expected line ${FIGURE_AT.line}`);
    });
    await page.screenshot({ path: join(OUT, 'figures.png') });
  });
});
