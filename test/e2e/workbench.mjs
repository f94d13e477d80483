// Drives the VS Code workbench in the page the way a person would: keyboard shortcuts, the quick
// input box and clicks. Every step waits for the element it needs; none sleeps.
import assert from 'node:assert/strict';

export const SELECTORS = {
  workbench: '.monaco-workbench',
  explorerRow: '.explorer-folders-view .monaco-list-row',
  explorerPaneHeader: '.pane-header[aria-label^="Explorer Section"]',
  quickInput: '.quick-input-widget',
  quickInputRow: '.quick-input-widget .quick-input-list .monaco-list-row',
  editorTab: '.tabs-container .tab',
  activeEditorText: '.editor-instance .monaco-editor .view-lines',
  languageStatus: '#status\\.editor\\.mode',
  cursorStatus: '#status\\.editor\\.selection',
  outlineTree: '.outline-pane .outline-tree',
  outlineRow: '.outline-pane .monaco-list-row[role="treeitem"]',
  outlineTwistie: '.monaco-tl-twistie',
  outlineMessage: '.outline-pane .outline-message',
  // The editor's content hover (mouse or Show Hover); hidden, not removed, when it closes.
  editorHover: '.editor-instance .monaco-resizable-hover .monaco-hover',
  explorerViewPaneHeader: '.explorer-viewlet .pane-header',
  treeRow: '.monaco-list-row[role="treeitem"]',
  treeTwistie: '.monaco-tl-twistie',
};

/** Waits until the workbench shows the workspace folder's file in the Explorer. */
export async function waitForWorkspace(page, fileName, timeout) {
  await page.locator(SELECTORS.workbench).waitFor({ timeout });
  await page.locator(SELECTORS.explorerRow, { hasText: fileName }).waitFor({ timeout });
}

async function pickFromQuickInput(page, opener, text, rowText, timeout) {
  await page.keyboard.press(opener);
  await page.locator(SELECTORS.quickInput).waitFor({ state: 'visible', timeout });
  await page.keyboard.type(text);
  const row = page.locator(SELECTORS.quickInputRow, { hasText: rowText }).first();
  await row.waitFor({ timeout });
  await row.click();
  await page.locator(SELECTORS.quickInput).waitFor({ state: 'hidden', timeout });
}

/** Opens a workspace file with Quick Open (Ctrl+P) and waits for its editor tab. */
export async function openFile(page, fileName, timeout) {
  await pickFromQuickInput(page, 'Control+P', fileName, fileName, timeout);
  await page.locator(SELECTORS.editorTab, { hasText: fileName }).waitFor({ timeout });
  await page.locator(SELECTORS.activeEditorText).first().waitFor({ timeout });
}

/** Runs a command by its label from the Command Palette (F1). */
export async function runCommand(page, label, timeout) {
  await pickFromQuickInput(page, 'F1', label, label, timeout);
}

/** The text of the status bar's language indicator, or '' when it is not shown. */
export async function languageStatus(page) {
  const item = page.locator(SELECTORS.languageStatus);
  return (await item.count()) ? (await item.innerText()).trim() : '';
}

/** The report language's name in the status bar (the same in both UI languages). */
export const REPORT_LANGUAGE = '政府工作报告 / Report';

/** Waits until the status bar shows `language` for the active editor; fails naming what it shows. */
export async function waitForLanguage(page, language, timeout) {
  await page.locator(SELECTORS.languageStatus, { hasText: language }).waitFor({ timeout }).catch(async () => {
    assert.fail(`status bar language is "${await languageStatus(page)}", expected "${language}" within ${timeout} ms`);
  });
}

/**
 * The rendered rows of the Outline tree as { level, name }, in tree order. The list is virtual
 * (rows out of view are not in the DOM), so the pane must be tall enough for the rows asked about.
 */
export async function outlineRows(page) {
  return (await treeRows(page.locator('.outline-pane'))).map(({ level, label }) => ({ level, name: label }));
}

/** The display language VS Code resolved in the browser; extensions get it as `vscode.env.language`. */
export async function uiLanguage(page) {
  return page.evaluate(() => globalThis._VSCODE_NLS_LANGUAGE || 'en');
}

/** Moves the cursor with Go to Line/Column (Ctrl+G) and waits for the status bar to show it. */
export async function goToLine(page, line, column, timeout) {
  await page.keyboard.press('Control+G');
  await page.locator(SELECTORS.quickInput).waitFor({ state: 'visible', timeout });
  await page.keyboard.type(`${line}:${column}`);
  await page.keyboard.press('Enter');
  await page.locator(SELECTORS.quickInput).waitFor({ state: 'hidden', timeout });
  await page.locator(SELECTORS.cursorStatus, { hasText: `Ln ${line}, Col ${column}` }).waitFor({ timeout });
}

/** The visible editor hover's text, or '' when none is shown. */
export async function hoverText(page) {
  const hover = page.locator(SELECTORS.editorHover).filter({ visible: true });
  return (await hover.count()) ? (await hover.first().innerText()).trim() : '';
}

/** Closes the editor hover (Escape, as a person would) and waits until it is gone. */
export async function closeHover(page, timeout) {
  await page.keyboard.press('Escape');
  await page.locator(SELECTORS.editorHover).filter({ visible: true }).waitFor({ state: 'detached', timeout });
}

/**
 * Puts the mouse over the first rendered occurrence of `text` in the active editor. Monaco splits a
 * line into token spans, so the text is measured with a DOM Range across the line's text nodes.
 */
export async function hoverEditorText(page, text) {
  const box = await page.locator(SELECTORS.activeEditorText).first().evaluate((root, wanted) => {
    for (const line of root.querySelectorAll('.view-line')) {
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      const nodes = [];
      let content = '';
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        nodes.push({ node, start: content.length });
        content += node.data;
      }
      const at = content.indexOf(wanted);
      if (at < 0) continue;
      const point = (offset) => {
        const { node, start } = nodes.findLast((n) => n.start <= offset);
        return [node, offset - start];
      };
      const range = document.createRange();
      range.setStart(...point(at));
      range.setEnd(...point(at + wanted.length));
      const { x, y, width, height } = range.getBoundingClientRect();
      return { x, y, width, height };
    }
    return null;
  }, text);
  if (!box) throw new Error(`"${text}" is not among the editor's rendered lines`);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
}

/** The rendered rows of a tree as { level, label, description }, in tree order (virtual list: visible rows only). */
export async function treeRows(container) {
  const rows = await container.locator(SELECTORS.treeRow).evaluateAll((elements) =>
    elements.map((row) => ({
      index: Number(row.getAttribute('data-index')),
      level: Number(row.getAttribute('aria-level')),
      label: row.querySelector('.label-name')?.textContent?.trim() ?? '',
      description: row.querySelector('.label-description')?.textContent?.trim() ?? '',
    })),
  );
  return rows.sort((a, b) => a.index - b.index).map(({ level, label, description }) => ({ level, label, description }));
}
