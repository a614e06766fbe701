import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

// The checks below run inside the page (page.evaluate), where these globals exist; this project's
// type-check has Node's library, not the DOM's.
declare const document: any;
declare const window: any;

/** Screenshots land here; CI keeps the folder as the browser tests' artefacts. */
export const SCREENSHOT_DIR = path.resolve(__dirname, '../../test-artifacts/screenshots');

/**
 * Debian's Chromium, headless, with the flags this sandbox needs: no background networking (the
 * machine's network is closed), no sandbox (root), a fresh profile each run.
 */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!fs.existsSync(executablePath)) {
    throw new Error(`Chromium not found at ${executablePath}: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH.`);
  }
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

export interface Visitor { context: BrowserContext; page: Page }

/** A person at their own browser (separate storage), on a laptop screen unless told otherwise. */
export async function visitor(browser: Browser, baseUrl: string, viewport = { width: 1366, height: 900 }): Promise<Visitor> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', acceptDownloads: true });
  context.setDefaultTimeout(30_000);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error' && !/status of 4\d\d/.test(m.text())) problems.push(m.text()); });
  (page as Page & { problems?: string[] }).problems = problems;
  return { context, page };
}

/** Script errors seen by the page (React warnings, uncaught exceptions); a journey must end with none. */
export function pageProblems(page: Page): string[] {
  return (page as Page & { problems?: string[] }).problems ?? [];
}

export async function signIn(page: Page, username: string): Promise<void> {
  await page.goto('/app/login');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill('vinhdanh');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('heading', { level: 1, name: /Xin chào/ }).waitFor();
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/**
 * The accessibility checks a browser can make cheaply on every page: each form control has a
 * label, each image-like element a name, one h1, the page's language set, no horizontal scrolling.
 */
export async function accessibilityProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const el of Array.from(document.querySelectorAll('input, select, textarea')) as any[]) {
      const c = el as any;
      if (c.type === 'hidden') continue;
      const named = (c.labels && c.labels.length > 0) || c.getAttribute('aria-label') || c.getAttribute('aria-labelledby');
      if (!named) out.push(`unlabelled ${c.tagName.toLowerCase()}#${c.id || '?'}`);
    }
    for (const b of Array.from(document.querySelectorAll('button, a[href]')) as any[]) {
      if (!(b.textContent ?? '').trim() && !b.getAttribute('aria-label')) out.push(`nameless ${b.tagName.toLowerCase()}`);
    }
    for (const svg of Array.from(document.querySelectorAll('svg[role="img"]')) as any[]) {
      if (!svg.getAttribute('aria-label')) out.push('svg chart without a name');
    }
    if (document.querySelectorAll('h1').length !== 1) out.push(`${document.querySelectorAll('h1').length} h1 elements`);
    if (!document.documentElement.lang) out.push('no lang attribute');
    if (document.documentElement.scrollWidth > window.innerWidth + 1) {
      // Name the outermost element that sticks out, so a failure says where to look.
      const wide = (Array.from(document.body.querySelectorAll('*')) as any[]).find((el) => el.getBoundingClientRect().right > window.innerWidth + 1);
      const where = wide ? ` at ${wide.tagName.toLowerCase()}${wide.className ? `.${String(wide.className).split(' ').join('.')}` : ''}` : '';
      out.push(`horizontal scroll: ${document.documentElement.scrollWidth} > ${window.innerWidth}${where}`);
    }
    return out;
  });
}
