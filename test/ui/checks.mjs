// UI checks the mocha suite asks for while it runs (see server.mjs): they look at the real
// workbench in Chromium like a person would (keyboard, mouse, what is on screen) and save
// screenshots under test-results/ui/. Selectors are VS Code 1.100's.
import { join } from 'node:path';

const TIMEOUT = 20_000;
const editor = (page) => page.locator('.editor-instance .monaco-editor').first();

async function screenshot(page, screenshotDir, name) {
  if (!name) return undefined;
  const path = join(screenshotDir, `${name}.png`);
  // Hovers and panels fade in: disable animations so the picture shows the final state.
  await page.screenshot({ path, animations: 'disabled' });
  return path;
}

/**
 * The box of the first squiggle of `severity`. Monaco redraws decorations on every render, so
 * the element found a moment ago may be gone when it is measured: look again until one holds
 * still long enough to be measured, or the time is up.
 */
async function squiggleBox(page, severity) {
  const deadline = Date.now() + TIMEOUT;
  for (;;) {
    const squiggle = editor(page).locator(`.squiggly-${severity}`).first();
    await squiggle.waitFor({ state: 'visible', timeout: Math.max(1, deadline - Date.now()) });
    const box = await squiggle.boundingBox().catch(() => null);
    if (box && box.width > 0 && box.height > 0) return box;
    if (Date.now() > deadline) throw new Error(`the ${severity} squiggle has no size on screen`);
    await page.waitForFunction(() => new Promise((resolve) => requestAnimationFrame(() => resolve(true))));
  }
}

export const CHECKS = {
  /**
   * Types text with the keyboard into the focused editor. The test placed the cursor through the
   * API; `selection` (e.g. "Ln 9, Col 21 (10 selected)") is what the status bar shows once the
   * workbench has applied it, so keystrokes never race the selection.
   */
  async type(page, { text, selection, screenshot: name }, { screenshotDir }) {
    if (selection) {
      await page.locator('[id="status.editor.selection"]').filter({ hasText: selection }).first().waitFor({ state: 'visible', timeout: TIMEOUT });
    }
    const focused = await page.evaluate(() => {
      const element = document.activeElement;
      return { inEditor: !!element?.closest('.editor-instance .monaco-editor'), tag: element?.tagName, className: String(element?.className ?? '') };
    });
    if (!focused.inEditor) throw new Error(`the editor does not have the keyboard focus (focus: ${focused.tag}.${focused.className})`);
    await page.keyboard.type(text, { delay: 15 });
    const path = await screenshot(page, screenshotDir, name);
    // Close the suggestions typing opened, as a person would before looking further.
    await page.keyboard.press('Escape');
    return { focused, screenshot: path };
  },

  /** A squiggle of the given severity is drawn in the editor. */
  async squiggle(page, { severity, screenshot: name }, { screenshotDir }) {
    const squiggle = editor(page).locator(`.squiggly-${severity}`).first();
    await squiggle.waitFor({ state: 'visible', timeout: TIMEOUT });
    const count = await editor(page).locator(`.squiggly-${severity}`).count();
    return { count, screenshot: await screenshot(page, screenshotDir, name) };
  },

  /** The Problems panel (opened by the test) lists a row containing `text`. */
  async problem(page, { text, screenshot: name }, { screenshotDir }) {
    const row = page.locator('.markers-panel .monaco-list-row').filter({ hasText: text }).first();
    await row.waitFor({ state: 'visible', timeout: TIMEOUT });
    return {
      rowText: await row.innerText(),
      ariaLabel: await row.getAttribute('aria-label'),
      statusBarProblems: await page.locator('#status\\.problems').first().getAttribute('aria-label').catch(() => null),
      screenshot: await screenshot(page, screenshotDir, name),
    };
  },

  /** Moves the mouse onto the first squiggle of `severity` and waits for a hover containing `text`. */
  async hover(page, { severity, text, screenshot: name }, { screenshotDir }) {
    const box = await squiggleBox(page, severity);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
    const hover = page.locator('.monaco-hover').filter({ hasText: text }).first();
    await hover.waitFor({ state: 'visible', timeout: TIMEOUT });
    const hoverText = await hover.innerText();
    const path = await screenshot(page, screenshotDir, name);
    // Move away so the hover closes and does not cover later checks.
    await page.mouse.move(5, 5);
    await page.keyboard.press('Escape');
    return { hoverText, screenshot: path };
  },

  /** The language status entry ({} next to the language mode) shows an item containing `text`. */
  async languageStatus(page, { text, screenshot: name }, { screenshotDir }) {
    const entry = page.locator('[id="status.languageStatus"]').first();
    await entry.waitFor({ state: 'visible', timeout: TIMEOUT });
    await entry.hover();
    const item = page.locator('.hover-language-status').filter({ hasText: text }).first();
    await item.waitFor({ state: 'visible', timeout: TIMEOUT });
    const itemText = await item.innerText();
    const path = await screenshot(page, screenshotDir, name);
    await page.mouse.move(5, 5);
    await page.keyboard.press('Escape');
    return { itemText, screenshot: path };
  },

  /**
   * The decision walkthrough's webview shows `text` (its page runs in an iframe inside the
   * webview's iframe, served from the workbench's origin).
   */
  async webview(page, { text, screenshot: name }, { screenshotDir }) {
    const frame = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    const heading = frame.locator('main').filter({ hasText: text }).first();
    await heading.waitFor({ state: 'visible', timeout: TIMEOUT });
    return { text: (await heading.innerText()).slice(0, 400), screenshot: await screenshot(page, screenshotDir, name) };
  },
};
