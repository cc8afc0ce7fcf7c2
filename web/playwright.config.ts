import { defineConfig } from '@playwright/test';

// The end-to-end run drives Debian's Chromium (a Playwright browser download does not work here) against the
// platform that deploy/system-tests starts; it passes the addresses and accounts in the environment.
const out = process.env.E2E_OUT ?? 'target/e2e';

export default defineConfig({
  testDir: 'e2e',
  outputDir: `${out}/results`,
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 8 * 60_000,
  expect: { timeout: 30_000 },
  reporter: [['list']],
  use: {
    baseURL: process.env.CABINET_URL ?? 'http://127.0.0.1:8080',
    locale: 'ru-RU',
    timezoneId: 'Europe/Moscow',
    viewport: { width: 1400, height: 900 },
    actionTimeout: 30_000,
    navigationTimeout: 60_000,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    },
  },
});
