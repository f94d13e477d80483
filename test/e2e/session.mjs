// One end-to-end session: a fresh code-server with the packaged extension installed, a workspace
// holding one report (or several), and Chromium showing it. The e2e files start and stop theirs the same way.
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { chromium } from 'playwright-core';
import {
  CHROMIUM_LAUNCH, ensureCodeServer, freePort, installExtension, makeState, startCodeServer, writeUserSettings,
} from '../../scripts/code-server-lib.mjs';
import { REPORT_LANGUAGE, openFile, waitForLanguage, waitForWorkspace } from './workbench.mjs';

/**
 * Starts the session and opens `report` in the editor. `reports` copies several reports into the
 * workspace instead (the last one opens, unless `open` names another). `beforeOpen(page)` runs once
 * the workspace is shown, before the file opens (to check the UI language, say).
 */
export async function startSession({ out, vsix, report, reports = [report], open, settings = {}, timeout, beforeOpen }) {
  ensureCodeServer();
  rmSync(out, { recursive: true, force: true });
  const state = makeState(join(out, 'code-server'));
  writeFileSync(join(out, 'install-extension.log'), `${installExtension(state, vsix)}\n`);
  writeUserSettings(state, settings);
  const workspace = join(out, 'workspace');
  mkdirSync(workspace, { recursive: true });
  for (const r of reports) copyFileSync(r, join(workspace, basename(r)));
  const file = open ?? basename(reports[reports.length - 1]);

  const session = { out, consoleLines: [], server: undefined, browser: undefined, page: undefined };
  session.server = startCodeServer(state, { port: await freePort(), folder: workspace });
  await session.server.ready;
  session.browser = await chromium.launch(CHROMIUM_LAUNCH);
  const page = await session.browser.newPage({ viewport: { width: 1400, height: 1000 } });
  session.page = page;
  page.on('console', (message) => session.consoleLines.push(`[${message.type()}] ${message.text()}`));
  page.on('pageerror', (error) => session.consoleLines.push(`[pageerror] ${error.message}`));
  await page.goto(`${session.server.url}?folder=${encodeURIComponent(workspace)}`);
  await waitForWorkspace(page, file, 60_000);
  if (beforeOpen) await beforeOpen(page);
  await openFile(page, file, timeout);
  return session;
}

/**
 * The hooks every e2e file needs: before its tests, a session (the options of `startSession`) with
 * the report open and taken as a report — unless `waitForReport` is false, for a file that watches
 * the switch itself; a screenshot of each failing test; the session stopped after the last test.
 * Returns the session, filled in once the `before` hook has run (`session.page`).
 */
export function useSession(options, { waitForReport = true } = {}) {
  const session = {};
  before(async function () {
    this.timeout(20 * 60_000); // A first run may install code-server and Chromium.
    Object.assign(session, await startSession(options));
    if (waitForReport) await waitForLanguage(session.page, REPORT_LANGUAGE, options.timeout);
  });
  afterEach(async function () {
    await screenshotFailure(session, this.currentTest);
  });
  after(async function () {
    this.timeout(30_000);
    await stopSession(session);
  });
  return session;
}

/** A screenshot of the page as it was when a test failed, named after the test. */
export async function screenshotFailure(session, test) {
  if (test?.state === 'failed' && session?.page) {
    await session.page.screenshot({ path: join(session.out, `failed-${test.title.replace(/\W+/g, '-')}.png`) }).catch(() => {});
  }
}

/** Keeps the browser console for a failed run, then closes Chromium and stops code-server. */
export async function stopSession(session) {
  if (!session) return;
  if (session.consoleLines.length) {
    mkdirSync(session.out, { recursive: true });
    writeFileSync(join(session.out, 'browser-console.log'), `${session.consoleLines.join('\n')}\n`);
  }
  await session.browser?.close().catch(() => {});
  await session.server?.stop();
}
