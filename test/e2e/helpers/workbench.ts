/**
 * User-level actions on a code-server workbench: the palette, quick open, quick
 * picks an extension shows, the active editor (lines, squiggles, hovers, quick fixes, code lenses, peek views,
 * Go to Definition, saving), the status bar, webviews, the Problems and Output
 * panels, notifications. Everything goes through the UI a user sees; nothing
 * reaches into VS Code's internals.
 */
import type { FrameLocator, Locator, Page, Rect } from './playwright';
import { waitUntil } from './wait';

export { waitUntil };

const EDITOR = '.part.editor .editor-group-container.active .editor-instance .monaco-editor';
const QUICK_INPUT = '.quick-input-widget';
const QUICK_ROWS = `${QUICK_INPUT} .quick-input-list .monaco-list-row`;
/** A quick pick row's label (its first line; the detail, if any, is the second). */
const QUICK_ROW_LABEL = '.quick-input-list-rows > .quick-input-list-row:first-child .label-name';
/** The Quick Fix / code action menu (not its submenu panel). */
const ACTION_WIDGET = '.action-widget:not(.action-list-submenu-panel)';
const ACTION_ROWS = `${ACTION_WIDGET} .monaco-list-row.action`;
const ACTIVE_GROUP = '.part.editor .editor-group-container.active';
const PEEK = `${EDITOR} .peekview-widget`;

export type Severity = 'error' | 'warning' | 'info' | 'hint';

export interface ProblemMarker {
  /** Workspace-relative path of the file the marker is in. */
  file: string;
  severity: 'error' | 'warning' | 'info' | 'hint';
  message: string;
  source: string;
  code: string;
  line: number;
  column: number;
}

/** A code lens on screen: the line it sits above and its text (" | " between several commands). */
export interface CodeLens {
  line: number;
  title: string;
}

/** What a peek view (references, definitions, a code lens's locations) shows. */
export interface PeekView {
  /** File name of the location shown in its embedded editor, and that file's folder. */
  file: string;
  folder: string;
  /** Its header's summary, e.g. "Locations (1)". */
  meta: string;
  /** Rows of the result tree: file rows and the text of each location's line. */
  rows: string[];
}

export interface ProblemCounts {
  errors: number;
  warnings: number;
  infos: number;
}

/** Monaco renders spaces as U+00A0. */
const normalize = (s: string) => s.replace(/\u00a0/g, ' ');

export class Workbench {
  constructor(readonly page: Page) {}

  /** Opens `folder` in a new tab and waits for the workbench and the extension host's first status bar items. */
  async openFolder(baseUrl: string, folder: string): Promise<void> {
    await this.page.goto(`${baseUrl}/?folder=${encodeURIComponent(folder)}`, { waitUntil: 'domcontentloaded' });
    await this.page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await this.page.locator('#status\\.problems').waitFor({ timeout: 60_000 });
  }

  // ---------------------------------------------------------------- palette

  private async quickInput(open: string, text: string): Promise<Locator> {
    const input = this.page.locator(`${QUICK_INPUT} input`);
    if (!(await input.isVisible())) await this.page.keyboard.press(open);
    await input.waitFor({ state: 'visible' });
    await input.fill(text);
    return input;
  }

  /** The labels the command palette lists for `query` (without the leading `>`). */
  async paletteEntries(query: string): Promise<string[]> {
    await this.quickInput('F1', `>${query}`);
    await this.page.locator(QUICK_ROWS).first().waitFor();
    // The list filters asynchronously: wait until two reads agree.
    let prev = '';
    return waitUntil(`palette entries for "${query}"`, async () => {
      const rows = (await this.page.locator(QUICK_ROWS).allInnerTexts()).map((r) => normalize(r.split('\n')[0]!.trim()));
      const key = rows.join('|');
      const stable = key === prev;
      prev = key;
      return stable ? rows : undefined;
    });
  }

  /** Runs a command from the palette by its full label, e.g. "podflow: Show output". */
  async runCommand(label: string): Promise<void> {
    await this.quickInput('F1', `>${label}`);
    const row = this.page.locator(QUICK_ROWS).filter({ hasText: label }).first();
    await row.waitFor();
    await row.click();
    await this.page.locator(`${QUICK_INPUT}`).waitFor({ state: 'hidden' });
  }

  /** The labels of the rows the open quick pick lists (icons are not text), once it lists some. */
  async quickPickLabels(timeoutMs = 10_000): Promise<string[]> {
    const labels = this.page.locator(`${QUICK_ROWS} ${QUICK_ROW_LABEL}`);
    await labels.first().waitFor({ timeout: timeoutMs });
    return (await labels.allInnerTexts()).map((l) => normalize(l).trim());
  }

  /**
   * Clicks the row labelled `label` in the quick pick an extension shows (showQuickPick), after
   * waiting for its `title` when given (a second pick reuses the widget of the first).
   */
  async pickQuickItem(label: string, title?: string): Promise<void> {
    if (title) await this.page.locator(`${QUICK_INPUT} .quick-input-title`, { hasText: title }).waitFor({ state: 'visible' });
    const exact = new RegExp(`^\\s*${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
    const row = this.page.locator(QUICK_ROWS).filter({ has: this.page.locator(QUICK_ROW_LABEL, { hasText: exact }) }).first();
    await row.waitFor({ state: 'visible' });
    await row.click();
  }

  async closeQuickInput(): Promise<void> {
    if (await this.page.locator(`${QUICK_INPUT} input`).isVisible()) await this.page.keyboard.press('Escape');
    await this.page.locator(QUICK_INPUT).waitFor({ state: 'hidden' });
  }

  // ---------------------------------------------------------------- editor

  /**
   * Quick Open (Ctrl+P) a workspace-relative path, by clicking its row; waits until it is the active
   * editor (its breadcrumbs name it: two tabs may both read "spec.md"). The list is refilled while
   * file search answers, so a pick that opened nothing is tried again.
   */
  async openFile(relPath: string): Promise<void> {
    const base = relPath.split('/').pop()!;
    const dir = relPath.includes('/') ? relPath.slice(0, relPath.lastIndexOf('/')) : '';
    const isActive = async () => (await this.activeEditorPath())?.endsWith(`/${relPath}`) === true;
    await waitUntil(
      `Quick Open to open ${relPath}`,
      async () => {
        await this.quickInput('Control+P', relPath);
        const row = this.page.locator(QUICK_ROWS).filter({ hasText: base }).filter({ hasText: dir }).first();
        await row.waitFor({ timeout: 10_000 });
        await row.click({ timeout: 5000 });
        await this.page.locator(`${ACTIVE_GROUP} .tab.active`, { hasText: base }).waitFor({ timeout: 5000 });
        return waitUntil(`the breadcrumbs to name ${relPath}`, isActive, 5000);
      },
      40_000,
      500,
    );
    await this.page.locator(QUICK_INPUT).waitFor({ state: 'hidden' });
    await this.page.locator(`${EDITOR} .view-lines`).waitFor();
  }

  /** Go to line (and column) with Ctrl+G; the line is revealed and the cursor put there. */
  async goTo(line: number, column?: number): Promise<void> {
    await this.quickInput('Control+G', `:${line}${column ? `:${column}` : ''}`);
    await this.page.keyboard.press('Enter');
    await this.page.locator(QUICK_INPUT).waitFor({ state: 'hidden' });
    await this.waitForStatusBar(new RegExp(`Ln ${line}, Col ${column ?? 1}(?!\\d)`));
  }

  /** Vertical position of a (rendered) line, from its number in the gutter. */
  private async lineTop(line: number): Promise<number> {
    const num = this.page.locator(`${EDITOR} .margin-view-overlays .line-numbers`).filter({ hasText: new RegExp(`^\\s*${line}\\s*$`) });
    const box = await num.first().boundingBox({ timeout: 5000 });
    if (!box) throw new Error(`line ${line} is not rendered`);
    return box.y;
  }

  /** The text of a line of the active editor, as rendered (the line must be on screen: use goTo first). */
  async lineText(line: number): Promise<string> {
    const top = await this.lineTop(line);
    for (const el of await this.page.locator(`${EDITOR} .view-lines .view-line`).all()) {
      const box = await el.boundingBox();
      if (box && Math.abs(box.y - top) < 3) return normalize(await el.innerText());
    }
    throw new Error(`no view line at the height of line ${line}`);
  }

  async waitForLineText(line: number, expected: string | RegExp, timeoutMs = 10_000): Promise<string> {
    return waitUntil(
      `line ${line} to read ${String(expected)}`,
      async () => {
        const text = await this.lineText(line);
        return (typeof expected === 'string' ? text === expected : expected.test(text)) ? text : undefined;
      },
      timeoutMs,
    );
  }

  /** Squiggles (diagnostic decorations) drawn on a line of the active editor. */
  async squiggles(line: number, severity: Severity = 'warning'): Promise<Rect[]> {
    const top = await this.lineTop(line);
    const out: Rect[] = [];
    for (const el of await this.page.locator(`${EDITOR} .view-overlays .squiggly-${severity}`).all()) {
      const box = await el.boundingBox();
      if (box && Math.abs(box.y - top) < 3) out.push(box);
    }
    return out.sort((a, b) => a.x - b.x);
  }

  /** The squiggle on `line` over the word `word` (located from the rendered text), waiting for it to appear. */
  async waitForSquiggleOver(line: number, word: string, severity: Severity = 'warning', timeoutMs = 20_000): Promise<Rect> {
    return waitUntil(
      `a ${severity} squiggle under "${word}" on line ${line}`,
      async () => {
        const span = await this.wordRect(line, word);
        return (await this.squiggles(line, severity)).find((s) => Math.abs(s.x - span.x) < 4 && Math.abs(s.x + s.width - (span.x + span.width)) < 4);
      },
      timeoutMs,
    );
  }

  async waitForNoSquiggleOver(line: number, word: string, severity: Severity = 'warning', timeoutMs = 20_000): Promise<void> {
    await waitUntil(
      `no ${severity} squiggle under "${word}" on line ${line}`,
      async () => {
        const span = await this.wordRect(line, word);
        const hit = (await this.squiggles(line, severity)).find((s) => s.x < span.x + span.width - 1 && s.x + s.width > span.x + 1);
        return hit ? undefined : true;
      },
      timeoutMs,
    );
  }

  /** Screen rectangle of the first occurrence of `word` on a rendered line (monospace: column x char width). */
  async wordRect(line: number, word: string): Promise<Rect> {
    const top = await this.lineTop(line);
    for (const el of await this.page.locator(`${EDITOR} .view-lines .view-line`).all()) {
      const box = await el.boundingBox();
      if (!box || Math.abs(box.y - top) >= 3) continue;
      const text = normalize(await el.innerText());
      const col = text.indexOf(word);
      if (col < 0) throw new Error(`"${word}" is not on line ${line}: ${text}`);
      const charWidth = await this.charWidth();
      return { x: box.x + col * charWidth, y: box.y, width: word.length * charWidth, height: box.height };
    }
    throw new Error(`line ${line} is not rendered`);
  }

  private cachedCharWidth: number | undefined;
  private async charWidth(): Promise<number> {
    // Measure a full line of known length: its first span's width over its characters.
    if (this.cachedCharWidth) return this.cachedCharWidth;
    const spans = await this.page.locator(`${EDITOR} .view-lines .view-line > span`).all();
    for (const span of spans) {
      const text = normalize(await span.innerText());
      const box = await span.boundingBox();
      if (box && text.length >= 10) return (this.cachedCharWidth = box.width / text.length);
    }
    throw new Error('cannot measure the editor font');
  }

  /** Moves the mouse onto a rectangle (from elsewhere, so Monaco sees a move) and returns the hover's text. */
  async hover(rect: Rect, expected: string | RegExp): Promise<string> {
    return waitUntil(`a hover showing ${String(expected)}`, async () => {
      await this.page.mouse.move(rect.x + rect.width / 2, rect.y - 60);
      await this.page.mouse.move(rect.x + rect.width / 2, rect.y + rect.height / 2, { steps: 4 });
      const hover = this.page.locator('.monaco-hover:not(.hidden)').filter({ hasText: expected }).first();
      await hover.waitFor({ state: 'visible', timeout: 3000 });
      return normalize(await hover.innerText());
    }, 20_000, 50);
  }

  async moveMouseAway(): Promise<void> {
    await this.page.mouse.move(5, 5);
    await this.page.locator('.monaco-hover:not(.hidden)').waitFor({ state: 'hidden', timeout: 5000 }).catch(() => undefined);
  }

  /** Ctrl+. at the cursor; returns the titles the Quick Fix menu offers. */
  async openQuickFixMenu(): Promise<string[]> {
    const rows = this.page.locator(ACTION_ROWS);
    return waitUntil('the Quick Fix menu', async () => {
      if (!(await this.page.locator(ACTION_WIDGET).isVisible())) await this.page.keyboard.press('Control+.');
      await rows.first().waitFor({ timeout: 3000 });
      return (await rows.allInnerTexts()).map((t) => normalize(t.trim()));
    });
  }

  async applyQuickFix(title: string): Promise<void> {
    const titles = await this.openQuickFixMenu();
    if (!titles.some((t) => t.includes(title))) throw new Error(`no quick fix "${title}"; offered: ${titles.join(' | ')}`);
    await this.page.locator(ACTION_ROWS).filter({ hasText: title }).first().click();
    await this.page.locator(ACTION_WIDGET).waitFor({ state: 'hidden' });
  }

  // ---------------------------------------------------------------- code lenses, peek, navigation

  /** The code lens elements on screen with the line each sits above (the first line at or below its bottom). */
  private async lensElements(): Promise<(CodeLens & { el: Locator })[]> {
    const tops: { line: number; top: number }[] = [];
    for (const el of await this.page.locator(`${EDITOR} .margin-view-overlays .line-numbers`).all()) {
      const box = await el.boundingBox();
      const line = Number((await el.innerText()).trim());
      if (box && Number.isInteger(line) && line > 0) tops.push({ line, top: box.y });
    }
    tops.sort((a, b) => a.top - b.top);
    const out: (CodeLens & { el: Locator })[] = [];
    for (const el of await this.page.locator(`${EDITOR} .codelens-decoration`).all()) {
      const box = await el.boundingBox();
      if (!box) continue;
      const below = tops.find((t) => t.top >= box.y + box.height - 3);
      if (below) out.push({ line: below.line, title: normalize(await el.innerText()).trim(), el });
    }
    return out.sort((a, b) => a.line - b.line);
  }

  /** The code lenses of the active editor that are on screen, by line. */
  async codeLenses(): Promise<CodeLens[]> {
    return (await this.lensElements()).map(({ line, title }) => ({ line, title }));
  }

  /** Waits until the code lens above `line` reads `expected`; returns its text. */
  async waitForCodeLens(line: number, expected: string | RegExp, timeoutMs = 30_000): Promise<string> {
    let seen = '';
    return waitUntil(
      `the code lens above line ${line} to read ${String(expected)}`,
      async () => {
        const lens = (await this.codeLenses()).find((l) => l.line === line);
        seen = lens?.title ?? '(none)';
        return lens && (typeof expected === 'string' ? lens.title === expected : expected.test(lens.title)) ? lens.title : undefined;
      },
      timeoutMs,
      250,
    ).catch((err: Error) => {
      throw new Error(`${err.message} (it reads: ${seen})`);
    });
  }

  /** Clicks the code lens above `line` (the command whose title matches `title`, else its first). */
  async clickCodeLens(line: number, title?: string | RegExp): Promise<void> {
    const lens = (await this.lensElements()).find((l) => l.line === line);
    if (!lens) throw new Error(`no code lens above line ${line}`);
    const link = title ? lens.el.locator('a', { hasText: title }).first() : lens.el.locator('a').first();
    await link.click();
  }

  /** The peek view open in the active editor, once its result tree is filled. */
  async peekView(timeoutMs = 15_000): Promise<PeekView> {
    const widget = this.page.locator(PEEK).first();
    await widget.waitFor({ state: 'visible', timeout: timeoutMs });
    return waitUntil(
      'the peek view to list its results',
      async () => {
        const rows = (await widget.locator('.ref-tree .monaco-list-row').allInnerTexts()).map((r) => normalize(r).replace(/\s+/g, ' ').trim()).filter(Boolean);
        if (!rows.length) return undefined;
        const text = async (sel: string) => normalize(await widget.locator(`.peekview-title ${sel}`).first().innerText({ timeout: 2000 })).trim();
        return { file: await text('.filename'), folder: await text('.dirname'), meta: await text('.meta'), rows };
      },
      timeoutMs,
    );
  }

  async closePeekView(): Promise<void> {
    if (await this.page.locator(PEEK).first().isVisible()) await this.page.keyboard.press('Escape');
    await this.page.locator(PEEK).first().waitFor({ state: 'hidden', timeout: 5000 });
  }

  /** Absolute path of the active editor's file, from its breadcrumbs (undefined when it has none: previews, untitled). */
  async activeEditorPath(): Promise<string | undefined> {
    const label = this.page.locator(`${ACTIVE_GROUP} .breadcrumbs-control .file.monaco-breadcrumb-item .monaco-icon-label`).first();
    if (!(await label.isVisible())) return undefined;
    return (await label.getAttribute('aria-label'))?.replace(/ • .*$/, '') ?? undefined;
  }

  /** The label of the active editor's tab, e.g. "spec.md" or "Preview Untitled-1". */
  async activeTabLabel(): Promise<string> {
    return (await this.page.locator(`${ACTIVE_GROUP} .tab.active`).first().getAttribute('aria-label')) ?? '';
  }

  /** The cursor position the status bar shows ("Ln 14, Col 5"). */
  async cursorPosition(): Promise<{ line: number; column: number }> {
    const text = await this.page.locator('#status\\.editor\\.selection').innerText();
    const m = /Ln (\d+), Col (\d+)/.exec(text);
    if (!m) throw new Error(`no cursor position in the status bar: "${text}"`);
    return { line: Number(m[1]), column: Number(m[2]) };
  }

  /**
   * Go to Definition (F12) at the cursor; waits until the active editor is a file whose path ends
   * with `expectedFile`. Pressed again while the server has nothing to answer yet (just opened).
   */
  async goToDefinition(expectedFile: string, timeoutMs = 20_000): Promise<void> {
    const arrived = async () => (await this.activeEditorPath())?.endsWith(`/${expectedFile}`) === true;
    const base = expectedFile.split('/').pop()!;
    await waitUntil(
      `Go to Definition to open ${expectedFile}`,
      async () => {
        if (await arrived()) return true;
        await this.page.keyboard.press('F12');
        await this.page.locator(`${ACTIVE_GROUP} .tab.active[data-resource-name="${base}"]`).waitFor({ timeout: 3000 });
        return waitUntil('the breadcrumbs', arrived, 3000).catch(() => undefined);
      },
      timeoutMs,
      500,
    );
  }

  /** Ctrl+S in the active editor; waits until its tab is no longer dirty. */
  async save(): Promise<void> {
    await this.page.keyboard.press('Control+S');
    await this.page.locator(`${ACTIVE_GROUP} .tab.active:not(.dirty)`).first().waitFor({ timeout: 10_000 });
  }

  // ---------------------------------------------------------------- webviews

  /** The text of the webview (e.g. a markdown preview) that shows `expected`, once it has rendered. */
  async webviewText(expected: string | RegExp, timeoutMs = 20_000): Promise<string> {
    return waitUntil(
      `a webview showing ${String(expected)}`,
      async () => {
        const count = await this.page.locator('iframe.webview').count();
        for (let i = 0; i < count; i++) {
          const body = this.page.frameLocator(`iframe.webview >> nth=${i}`).frameLocator('#active-frame').locator('body');
          const text = normalize(await body.innerText({ timeout: 2000 }).catch(() => ''));
          if (typeof expected === 'string' ? text.includes(expected) : expected.test(text)) return text;
        }
        return undefined;
      },
      timeoutMs,
      300,
    );
  }

  /**
   * The document of the webview that has an element matching `selector`, once it has one. A webview
   * is an iframe (iframe.webview) holding another (#active-frame) with the extension's HTML.
   */
  async webviewFrame(selector: string, timeoutMs = 20_000): Promise<FrameLocator> {
    return waitUntil(
      `a webview with ${selector}`,
      async () => {
        const count = await this.page.locator('iframe.webview').count();
        for (let i = 0; i < count; i++) {
          const frame = this.page.frameLocator(`iframe.webview >> nth=${i}`).frameLocator('#active-frame');
          if ((await frame.locator(selector).count()) > 0) return frame;
        }
        return undefined;
      },
      timeoutMs,
      300,
    );
  }

  // ---------------------------------------------------------------- status bar

  async statusBarText(): Promise<string> {
    return normalize(await this.page.locator('.part.statusbar').innerText());
  }

  async waitForStatusBar(text: string | RegExp, timeoutMs = 20_000): Promise<void> {
    await this.page.locator('.part.statusbar .statusbar-item', { hasText: text }).first().waitFor({ timeout: timeoutMs });
  }

  /** The text of the status bar item matching `text` (icons are not text), waiting for it. */
  async statusBarItem(text: string | RegExp, timeoutMs = 20_000): Promise<string> {
    const item = this.page.locator('.part.statusbar .statusbar-item', { hasText: text }).first();
    await item.waitFor({ timeout: timeoutMs });
    return normalize(await item.innerText()).trim();
  }

  /** The codicons (e.g. "pin", "compass") the status bar item matching `text` shows, in order. */
  async statusBarItemIcons(text: string | RegExp): Promise<string[]> {
    const item = this.page.locator('.part.statusbar .statusbar-item', { hasText: text }).first();
    const out: string[] = [];
    for (const icon of await item.locator('.codicon').all()) {
      const m = /(?:^|\s)codicon-([\w-]+)/.exec((await icon.getAttribute('class')) ?? '');
      if (m) out.push(m[1]!);
    }
    return out;
  }

  async clickStatusBarItem(text: string | RegExp): Promise<void> {
    await this.page.locator('.part.statusbar .statusbar-item', { hasText: text }).first().click();
  }

  /** Error / warning / info counts of the status bar's problems item. */
  async problemCounts(): Promise<ProblemCounts> {
    const label = (await this.page.locator('#status\\.problems').getAttribute('aria-label')) ?? '';
    // e.g. "Errors: 0, Warnings: 8, Infos: 1" (older builds: "No Problems")
    const n = (what: string) => Number(new RegExp(`${what}:\\s*(\\d+)`, 'i').exec(label)?.[1] ?? 0);
    return { errors: n('Errors'), warnings: n('Warnings'), infos: n('Infos') };
  }

  async waitForProblemCounts(pred: (c: ProblemCounts) => boolean, what: string, timeoutMs = 30_000): Promise<ProblemCounts> {
    return waitUntil(what, async () => {
      const c = await this.problemCounts();
      return pred(c) ? c : undefined;
    }, timeoutMs);
  }

  // ---------------------------------------------------------------- panels

  /** Opens (focuses) the Problems panel and types `filter` into its filter box ('' clears it). */
  async openProblems(filter = ''): Promise<void> {
    await this.runCommand('View: Focus Problems (Errors, Warnings, Infos)');
    await this.page.locator('.part.panel .markers-panel').waitFor();
    await this.setPanelFilter(filter);
  }

  /**
   * The markers the Problems panel shows (only the rendered rows: filter to keep the list short),
   * parsed from each row's accessible label, with the workspace-relative path of their file.
   */
  async problemMarkers(filter = ''): Promise<ProblemMarker[]> {
    await this.openProblems(filter);
    await this.page.waitForTimeout(300); // the filter applies after a short debounce
    const rows = await this.page.locator('.part.panel .markers-panel .monaco-list-row').all();
    const out: ProblemMarker[] = [];
    let file = '';
    for (const row of rows) {
      const r = await row.evaluate((el) => ({
        label: el.getAttribute('aria-label') ?? '',
        name: el.querySelector('.label-name')?.textContent ?? undefined,
        folder: el.querySelector('.label-description')?.textContent ?? '',
        code: el.querySelector('.marker-code')?.textContent ?? undefined,
        source: el.querySelector('.marker-source')?.textContent ?? '',
      }));
      if (r.name !== undefined) {
        file = r.folder ? `${r.folder}/${r.name}` : r.name;
        continue;
      }
      if (r.code === undefined) continue; // related information ("the earlier bullet at line 15 ...")
      const m = /^(Error|Warning|Info|Hint): (.*) at line (\d+) and character (\d+)\./s.exec(normalize(r.label));
      if (!m) continue;
      out.push({ file, severity: m[1]!.toLowerCase() as ProblemMarker['severity'], message: m[2]!, source: r.source, code: r.code, line: Number(m[3]), column: Number(m[4]) });
    }
    return out;
  }

  /** Waits until the Problems panel shows (or no longer shows) a marker with this code at this line of this file. */
  async waitForMarker(want: { file: string; code: string; line: number }, present = true, timeoutMs = 30_000): Promise<ProblemMarker[]> {
    return waitUntil(
      `${want.code} at ${want.file}:${want.line} ${present ? 'in' : 'gone from'} the Problems panel`,
      async () => {
        const markers = await this.problemMarkers(want.code);
        const hit = markers.some((m) => m.file === want.file && m.code === want.code && m.line === want.line);
        return hit === present ? markers : undefined;
      },
      timeoutMs,
      300,
    );
  }

  /** The filter box in the panel's title bar (Problems and Output each have one; some state is shared). */
  private async setPanelFilter(text: string): Promise<void> {
    const input = this.page.locator('.part.panel .viewpane-filter input').first();
    if (!(await input.isVisible())) return;
    if ((await input.evaluate((el) => el.value ?? '')) !== text) await input.fill(text);
  }

  /** The text of the Output panel's current channel (e.g. after "podflow: Show output"). */
  async outputText(): Promise<string> {
    const view = this.page.locator('.part.panel .output-view .monaco-editor .view-lines');
    await view.waitFor();
    await this.setPanelFilter('');
    return normalize(await view.innerText());
  }

  async waitForOutput(pattern: RegExp, timeoutMs = 20_000): Promise<string> {
    return waitUntil(`the output panel to show ${pattern}`, async () => {
      const text = await this.outputText();
      return pattern.test(text) ? text : undefined;
    }, timeoutMs);
  }

  async closePanel(): Promise<void> {
    if (await this.page.locator('.part.panel').isVisible()) await this.runCommand('View: Hide Panel');
  }

  // ---------------------------------------------------------------- notifications

  /** Visible notification toasts, with their severity from the icon. */
  async notifications(): Promise<{ severity: 'error' | 'warning' | 'info'; text: string }[]> {
    const out: { severity: 'error' | 'warning' | 'info'; text: string }[] = [];
    for (const toast of await this.page.locator('.notifications-toasts .notification-toast').all()) {
      if (!(await toast.isVisible())) continue;
      const icon = (await toast.locator('.notification-list-item-icon').first().getAttribute('class')) ?? '';
      const severity = /codicon-error/.test(icon) ? 'error' : /codicon-warning/.test(icon) ? 'warning' : 'info';
      out.push({ severity, text: normalize(await toast.innerText()) });
    }
    return out;
  }

  // ---------------------------------------------------------------- input boxes, modal dialogs, undo (codify)

  /** The text in the input box an extension shows (showInputBox), once its title reads `title`. */
  async inputBoxValue(title: string | RegExp): Promise<string> {
    await this.page.locator(`${QUICK_INPUT} .quick-input-title`, { hasText: title }).waitFor({ state: 'visible' });
    return this.page.locator(`${QUICK_INPUT} input`).evaluate((el) => el.value ?? '');
  }

  /** Replaces the open input box's text with `value` (when given) and presses Enter. */
  async submitInputBox(value?: string): Promise<void> {
    const input = this.page.locator(`${QUICK_INPUT} input`);
    if (value !== undefined) await input.fill(value);
    await input.press('Enter');
  }

  /** The modal dialog an extension shows (showInformationMessage / showWarningMessage with `modal: true`), once it is up. */
  async modalDialog(timeoutMs = 20_000): Promise<{ message: string; detail: string; buttons: string[] }> {
    const box = this.page.locator('.monaco-dialog-box');
    await box.waitFor({ state: 'visible', timeout: timeoutMs });
    const text = async (selector: string) => {
      const el = box.locator(selector).first();
      return (await el.count()) ? normalize(await el.innerText()).trim() : '';
    };
    const buttons = (await box.locator('.dialog-buttons > .monaco-button').allInnerTexts()).map((b) => normalize(b).trim());
    return { message: await text('.dialog-message-text'), detail: await text('.dialog-message-detail'), buttons };
  }

  /** Clicks the modal dialog's button labelled `label` and waits for the dialog to close. */
  async clickDialogButton(label: string): Promise<void> {
    const box = this.page.locator('.monaco-dialog-box');
    const exact = new RegExp(`^\\s*${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
    await box.locator('.dialog-buttons > .monaco-button').filter({ hasText: exact }).first().click();
    await box.waitFor({ state: 'hidden' });
  }

  /** True when the active editor's tab shows unsaved changes. */
  async activeTabDirty(): Promise<boolean> {
    return this.page.locator(`${ACTIVE_GROUP} .tab.active.dirty`).first().isVisible();
  }

  /**
   * Runs a palette command that asks for something at once (an input box or a quick pick reusing
   * the widget): like runCommand, but waits for the palette's own ">" query to go, not the widget.
   */
  async runCommandThatAsks(label: string): Promise<void> {
    const input = this.page.locator(`${QUICK_INPUT} input`);
    if (!(await input.isVisible())) await this.page.keyboard.press('F1');
    await input.waitFor({ state: 'visible' });
    await input.fill(`>${label}`);
    const row = this.page.locator(QUICK_ROWS).filter({ hasText: label }).first();
    await row.waitFor();
    await row.click();
    await waitUntil(`the palette to give way to ${label}`, async () => {
      const hidden = !(await this.page.locator(QUICK_INPUT).isVisible());
      const value = hidden ? '' : await input.evaluate((el) => el.value ?? '');
      return hidden || !value.startsWith('>') ? true : undefined;
    });
  }

  /** Selects the whole of a line of the active editor (Go to Line, then Shift+End). */
  async selectLine(line: number): Promise<void> {
    await this.goTo(line);
    await this.page.keyboard.press('Shift+End');
  }
}
