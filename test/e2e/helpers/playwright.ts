/**
 * playwright-core lives in .e2e/ (installed by `npm run e2e:setup`), not in the
 * repository's node_modules, so it is loaded at run time and typed here with the
 * small part of its API the suite uses. This keeps `npm run typecheck` working on
 * a clone where the e2e toolchain was never installed.
 */
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { CHROMIUM, E2E_DIR } from '../toolchain.mjs';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Locator {
  locator(selector: string, options?: { hasText?: string | RegExp }): Locator;
  filter(options: { hasText?: string | RegExp; hasNotText?: string | RegExp; has?: Locator }): Locator;
  first(): Locator;
  last(): Locator;
  nth(index: number): Locator;
  count(): Promise<number>;
  all(): Promise<Locator[]>;
  waitFor(options?: { state?: 'attached' | 'detached' | 'visible' | 'hidden'; timeout?: number }): Promise<void>;
  isVisible(): Promise<boolean>;
  innerText(options?: { timeout?: number }): Promise<string>;
  textContent(options?: { timeout?: number }): Promise<string | null>;
  allInnerTexts(): Promise<string[]>;
  allTextContents(): Promise<string[]>;
  getAttribute(name: string, options?: { timeout?: number }): Promise<string | null>;
  boundingBox(options?: { timeout?: number }): Promise<Rect | null>;
  click(options?: { timeout?: number; button?: 'left' | 'right'; clickCount?: number; position?: { x: number; y: number }; force?: boolean }): Promise<void>;
  dblclick(options?: { timeout?: number; position?: { x: number; y: number } }): Promise<void>;
  fill(value: string, options?: { timeout?: number }): Promise<void>;
  press(key: string, options?: { timeout?: number }): Promise<void>;
  focus(options?: { timeout?: number }): Promise<void>;
  screenshot(options?: { path?: string }): Promise<Buffer>;
  /** Runs `fn` in the page on the element (tsconfig has no DOM lib: the element is typed loosely). */
  evaluate<R>(fn: (el: ElementLike) => R): Promise<R>;
}

export interface ElementLike {
  value?: string;
  className: string;
  textContent: string | null;
  getAttribute(name: string): string | null;
  querySelector(selector: string): ElementLike | null;
}

/** The content of an <iframe> (webviews: the markdown preview), located lazily like a Locator. */
export interface FrameLocator {
  locator(selector: string, options?: { hasText?: string | RegExp }): Locator;
  frameLocator(selector: string): FrameLocator;
}

export interface ConsoleMessage {
  type(): string;
  text(): string;
}

export interface Page {
  goto(url: string, options?: { waitUntil?: 'load' | 'domcontentloaded' | 'networkidle' | 'commit'; timeout?: number }): Promise<unknown>;
  locator(selector: string, options?: { hasText?: string | RegExp }): Locator;
  frameLocator(selector: string): FrameLocator;
  keyboard: {
    press(key: string, options?: { delay?: number }): Promise<void>;
    type(text: string, options?: { delay?: number }): Promise<void>;
    insertText(text: string): Promise<void>;
    down(key: string): Promise<void>;
    up(key: string): Promise<void>;
  };
  mouse: {
    move(x: number, y: number, options?: { steps?: number }): Promise<void>;
    click(x: number, y: number, options?: { clickCount?: number; button?: 'left' | 'right' }): Promise<void>;
    dblclick(x: number, y: number): Promise<void>;
  };
  screenshot(options?: { path?: string; fullPage?: boolean; timeout?: number }): Promise<Buffer>;
  waitForTimeout(ms: number): Promise<void>;
  on(event: 'console', listener: (msg: ConsoleMessage) => void): void;
  on(event: 'pageerror', listener: (err: Error) => void): void;
  /** Installs window[name] in the page, calling back into the test process. */
  exposeFunction(name: string, fn: (...args: never[]) => unknown): Promise<void>;
  close(): Promise<void>;
  isClosed(): boolean;
  setDefaultTimeout(ms: number): void;
}

export interface BrowserContext {
  pages(): Page[];
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

interface PlaywrightCore {
  chromium: {
    launchPersistentContext(
      userDataDir: string,
      options: {
        executablePath: string;
        headless: boolean;
        env?: NodeJS.ProcessEnv;
        viewport?: { width: number; height: number };
        args?: string[];
        timeout?: number;
        handleSIGINT?: boolean;
        handleSIGTERM?: boolean;
      },
    ): Promise<BrowserContext>;
  };
}

export function loadPlaywright(): PlaywrightCore {
  const require = createRequire(path.join(E2E_DIR, 'package.json'));
  try {
    return require('playwright-core') as PlaywrightCore;
  } catch (err) {
    throw new Error(`playwright-core is not installed in .e2e/: run \`npm run e2e:setup\` (${(err as Error).message})`);
  }
}

/** Debian's Chromium, headless; never a downloaded browser. Close the context in `finally`. */
export async function launchChromium(profileDir: string, env: NodeJS.ProcessEnv): Promise<BrowserContext> {
  return loadPlaywright().chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    env,
    viewport: { width: 1280, height: 800 },
    timeout: 60_000,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-features=Translate,MediaRouter',
    ],
  });
}
