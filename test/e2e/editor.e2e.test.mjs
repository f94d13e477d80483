// End-to-end: the editor around a report in a real VS Code (code-server) driven through Chromium.
// A report reads as prose (wrapped lines, no ambiguous-character boxes); a user's choice of language
// for a file survives a reload and beats detection; the Report Review container holds the figures
// and the terms, and a term goes to its first use; a diagnostic's code opens the page of its check.
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { ROOT } from '../../scripts/code-server-lib.mjs';
import { useSession } from './session.mjs';
import { REPORT_LANGUAGE, SELECTORS, goToLine, languageStatus, openFile, runCommand, treeRows, waitForLanguage as waitForStatus, waitForWorkspace } from './workbench.mjs';

const VSIX = process.env.REPORT_REVIEW_VSIX || join(ROOT, 'report-review.vsix');
const OUT = join(ROOT, 'test-output', 'e2e-editor');
const DOCS = join(ROOT, 'docs');
const REPORT = join(ROOT, 'test/corpus/001_366748309c9ca2d8.txt');
const FILE = basename(REPORT);
// A second report, never given a language by hand: detection must still switch it.
const OTHER = join(ROOT, 'test/corpus/hainan-2026.txt');
const OTHER_FILE = basename(OTHER);
const PLAIN_TEXT = 'Plain Text';
const CONTAINER = 'Report Review';
const VIEWS = ['Report Figures', 'Terms'];
// 双查双管: entry 1 of the report's 名词解释, first used in the body on the line below.
const TERM = '双查双管';
// 四方责任 is quoted twice and defined nowhere (term-undefined, a hint the Problems panel leaves out).
const UNDEFINED_TERM = '四方责任';
const TERM_FIRST_USE = readFileSync(REPORT, 'utf8').split(/\r\n|\r|\n/).findIndex((line) => line.includes(TERM)) + 1;
// The report's first page leftover (上一篇:) is a text-integrity finding; its code links to the check's page.
const CHECK = 'text-integrity';
const WAIT = 30_000;

const sidebar = '.part.sidebar';
const paneHeader = `${sidebar} .pane-header`;
const ambiguousBox = '.editor-instance .monaco-editor .unicode-highlight';

const waitForLanguage = (page, language) => waitForStatus(page, language, WAIT);

/** Rendered editor lines against rendered line numbers: more lines than numbers means lines wrap. */
async function wrappedLines(page) {
  return page.locator('.editor-instance .monaco-editor').first().evaluate((editor) => {
    const lines = editor.querySelectorAll('.view-lines .view-line').length;
    const numbers = [...editor.querySelectorAll('.margin-view-overlays .line-numbers')].filter((n) => n.textContent.trim()).length;
    return lines - numbers;
  });
}

describe('the editor around a report in VS Code (code-server + Chromium)', function () {
  this.timeout(180_000);
  let page;
  const session = useSession({ out: OUT, vsix: VSIX, report: REPORT, timeout: WAIT });
  before(() => {
    page = session.page;
    copyFileSync(OTHER, join(OUT, 'workspace', OTHER_FILE));
    mkdirSync(DOCS, { recursive: true });
  });

  it('shows a report as prose: long paragraphs wrap and full-width punctuation is not boxed', async function () {
    await goToLine(page, 22, 1, WAIT);
    assert.ok((await wrappedLines(page)) > 0, 'no paragraph wraps: editor.wordWrap is not on for the report language');
    assert.equal(await page.locator(ambiguousBox).count(), 0, 'full-width punctuation is boxed as ambiguous');
    await page.screenshot({ path: join(DOCS, 'report-as-prose.png') });
  });

  it('keeps Plain Text chosen in the language picker, across a reload, while detection still works on other files', async function () {
    await page.locator(SELECTORS.languageStatus).click();
    await page.locator(SELECTORS.quickInput).waitFor({ state: 'visible', timeout: WAIT });
    await page.keyboard.type(PLAIN_TEXT);
    await page.locator(SELECTORS.quickInputRow).filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${PLAIN_TEXT}$`) }) }).first().click();
    await waitForLanguage(page, PLAIN_TEXT);

    // The reload starts after the command palette closes: wait for the page to load again.
    const reloaded = page.waitForEvent('load', { timeout: 60_000 });
    await runCommand(page, 'Developer: Reload Window', WAIT);
    await reloaded;
    await waitForWorkspace(page, FILE, 60_000);
    await openFile(page, OTHER_FILE, WAIT);
    await waitForLanguage(page, REPORT_LANGUAGE); // The extension runs, and detection with it.
    await openFile(page, FILE, WAIT);
    await waitForLanguage(page, PLAIN_TEXT);
    // Detection ran on every open document before the other report switched: this one was left alone.
    assert.equal(await languageStatus(page), PLAIN_TEXT);

    await runCommand(page, 'Report Review: Treat This File as a Report', WAIT);
    await waitForLanguage(page, REPORT_LANGUAGE);
  });

  it('holds the figures and the terms in a Report Review container, and a term goes to its first use', async function () {
    await runCommand(page, `View: Show ${CONTAINER}`, WAIT);
    for (const view of VIEWS) {
      await page.locator(paneHeader, { hasText: view }).first().waitFor({ timeout: WAIT }).catch(async () => {
        const headers = await page.locator(paneHeader).allInnerTexts();
        assert.fail(`the ${CONTAINER} container has no "${view}" view; views: ${JSON.stringify(headers)}`);
      });
    }
    const terms = page.locator(`${sidebar} .pane`, { has: page.locator('.pane-header', { hasText: 'Terms' }) });
    await terms.locator(SELECTORS.treeRow, { hasText: TERM }).first().waitFor({ timeout: WAIT }).catch(async () => {
      assert.fail(`the Terms view lists no "${TERM}"; rows: ${JSON.stringify(await treeRows(terms))}`);
    });
    const rows = await treeRows(terms);
    assert.equal(rows[0]?.label, 'Defined nowhere', `the Terms view does not open with the terms defined nowhere: ${JSON.stringify(rows.slice(0, 3))}`);
    assert.ok(rows[1]?.label.includes(UNDEFINED_TERM), `"${UNDEFINED_TERM}" is not the first term defined nowhere: ${JSON.stringify(rows.slice(0, 3))}`);

    await goToLine(page, 1, 1, WAIT);
    await runCommand(page, 'Report Review: List Terms of This Report', WAIT);
    await page.locator(SELECTORS.quickInput).waitFor({ state: 'visible', timeout: WAIT });
    await page.keyboard.type(TERM);
    await page.locator(SELECTORS.quickInputRow, { hasText: TERM }).first().click();
    await page.locator(SELECTORS.cursorStatus, { hasText: `Ln ${TERM_FIRST_USE},` }).waitFor({ timeout: WAIT }).catch(async () => {
      const text = await page.locator(SELECTORS.cursorStatus).innerText().catch(() => '(no cursor status)');
      assert.fail(`choosing "${TERM}" left the cursor at "${text}", expected its first use on line ${TERM_FIRST_USE}`);
    });
    // Where else the report uses it: a peek with every use.
    await page.locator('.editor-instance .peekview-widget').first().waitFor({ timeout: WAIT });
    await page.mouse.move(20, 600); // Off the tabs, whose tooltips would cover the breadcrumbs.
    await page.screenshot({ path: join(DOCS, 'views-and-terms.png') });
    await page.keyboard.press('Escape');
    await page.locator('.editor-instance .peekview-widget').first().waitFor({ state: 'detached', timeout: WAIT });
  });

  it("opens a check's documentation page from the code of its diagnostic in the Problems panel", async function () {
    await page.keyboard.press('Control+Shift+M');
    const link = page.locator('.markers-panel a.monaco-link', { hasText: CHECK }).first();
    await link.waitFor({ timeout: WAIT }).catch(async () => {
      const rows = await page.locator('.markers-panel .monaco-list-row').allInnerTexts();
      assert.fail(`no "${CHECK}" code link in the Problems panel; rows: ${JSON.stringify(rows.slice(0, 10))}`);
    });
    await link.click();
    await page.locator(SELECTORS.editorTab, { hasText: `${CHECK}.md` }).waitFor({ timeout: WAIT });
    await page.locator(SELECTORS.activeEditorText, { hasText: 'What it flags' }).first().waitFor({ timeout: WAIT });
    await page.screenshot({ path: join(DOCS, 'check-page.png') });
  });
});
