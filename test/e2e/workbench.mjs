// Drives the VS Code workbench in the page the way a person would: keyboard shortcuts, the quick
// input box and clicks. Every step waits for the element it needs; none sleeps.

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

/**
 * The rendered rows of the Outline tree as { level, name }, in tree order. The list is virtual
 * (rows out of view are not in the DOM), so the pane must be tall enough for the rows asked about.
 */
export async function outlineRows(page) {
  const rows = await page.locator(SELECTORS.outlineRow).evaluateAll((elements) =>
    elements.map((row) => ({
      index: Number(row.getAttribute('data-index')),
      level: Number(row.getAttribute('aria-level')),
      name: row.querySelector('.label-name')?.textContent?.trim() ?? '',
    })),
  );
  return rows.sort((a, b) => a.index - b.index).map(({ level, name }) => ({ level, name }));
}
