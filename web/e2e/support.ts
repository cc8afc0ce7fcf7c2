import { expect, type Browser, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** What deploy/system-tests passes: where things are, and the local accounts' passwords. */
export const env = {
  out: process.env.E2E_OUT ?? 'target/e2e',
  state: process.env.E2E_STATE ?? 'target/e2e/state.json',
  mail: process.env.E2E_MAIL_DIR ?? '',
  programmeStart: process.env.E2E_PROGRAMME_START ?? '',
  accounts: JSON.parse(process.env.E2E_ACCOUNTS ?? '{}') as Record<string, string>,
};

export const FIXTURES = new URL('./fixtures/', import.meta.url).pathname;

/** A fresh browser session, signed in at Keycloak as a local account, on the cabinet's first page. */
export async function signedIn(browser: Browser, account: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/');
  await signInAt(page, account, env.accounts[account]);
  return page;
}

export async function signInAt(page: Page, username: string, password: string) {
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await page.locator('#kc-login').click();
  await expect(page.locator('h1').first()).toBeVisible();
}

/** A screenshot of a main screen under target/, and an accessibility check that finds nothing serious. */
export async function screen(page: Page, name: string) {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  mkdirSync(join(env.out, 'screens'), { recursive: true });
  await page.screenshot({ path: join(env.out, 'screens', `${name}.png`), fullPage: true });
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  mkdirSync(join(env.out, 'axe'), { recursive: true });
  writeFileSync(join(env.out, 'axe', `${name}.json`), JSON.stringify(result.violations, null, 2));
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')})`),
    `accessibility of «${name}»`).toEqual([]);
}

/** Checks again (reloading the page) until the slower parts of the platform have caught up. */
export async function eventually(page: Page, check: () => Promise<void>, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (e) {
      if (Date.now() > deadline) throw e;
      await page.waitForTimeout(1500);
      await page.reload();
    }
  }
}

/** Chooses a file for an upload button (antd's Upload opens the browser's file dialog). */
export async function upload(page: Page, buttonName: string | RegExp, file: string, scope = page.locator('body')) {
  const chooser = page.waitForEvent('filechooser');
  await scope.getByRole('button', { name: buttonName }).first().click();
  await (await chooser).setFiles(join(FIXTURES, file));
}

/** The link in the newest e-mail to an address (Keycloak's verification), from the copies the local SMTP keeps. */
export function linkInMailTo(address: string, pattern: RegExp): string | null {
  if (!env.mail) return null;
  const files = readdirSync(env.mail).filter((f) => f.endsWith('.eml'))
    .map((f) => join(env.mail, f)).sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  for (const f of files) {
    const raw = readFileSync(f, 'latin1');
    if (!raw.toLowerCase().includes(address.toLowerCase())) continue;
    const decoded = raw.replace(/=\r?\n/g, '').replace(/=3D/gi, '=');
    const found = decoded.match(pattern);
    if (found) return found[0].replace(/&amp;/g, '&');
  }
  return null;
}

/**
 * How long a screen takes to be usable after navigation (its heading and its first data shown), recorded in
 * target/e2e/figures.json for the README; measured, never asserted (the machine is shared and noisy).
 */
export async function timeToUsable(page: Page, name: string, path: string, ready: () => Promise<void>) {
  const started = Date.now();
  await page.goto(path);
  await ready();
  const ms = Date.now() - started;
  const file = join(env.out, 'figures.json');
  let figures: Record<string, number> = {};
  try {
    figures = JSON.parse(readFileSync(file, 'utf8')) as Record<string, number>;
  } catch {
    figures = {};
  }
  figures[name] = ms;
  mkdirSync(env.out, { recursive: true });
  writeFileSync(file, JSON.stringify(figures, null, 2));
}

export interface State {
  applicationId?: string;
  number?: string;
  programme?: string;
}

export function readState(): State {
  try {
    return JSON.parse(readFileSync(env.state, 'utf8')) as State;
  } catch {
    return {};
  }
}

export function writeState(state: State) {
  mkdirSync(join(env.state, '..'), { recursive: true });
  writeFileSync(env.state, JSON.stringify({ ...readState(), ...state }, null, 2));
}

/** «01.02.2027» for an ISO date. */
export function ru(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}
