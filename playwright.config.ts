import { defineConfig, devices } from '@playwright/test';
import { E2E_NOW } from './e2e/helpers';

const PORT = Number(process.env.E2E_PORT ?? 3100);

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  // The foundation journey runs first: it takes the docs/screenshots, which must show the demo province
  // as seeded, before admin.spec.ts adds test units to Thạch Khê. (`--no-deps` skips it when running one file.)
  projects: [
    {
      name: 'foundation',
      testMatch: /foundation\.spec\.ts$/,
      use: { ...devices['Desktop Chrome'], channel: undefined },
    },
    // Issue 6's journey, on the demo data as seeded too (its screenshots), and it locks Thạch Khê's report.
    {
      name: 'oversight',
      testMatch: /oversight\.spec\.ts$/,
      dependencies: ['foundation'],
      use: { ...devices['Desktop Chrome'], channel: undefined },
    },
    {
      name: 'chromium',
      testIgnore: /(foundation|oversight)\.spec\.ts$/,
      dependencies: ['foundation'],
      use: { ...devices['Desktop Chrome'], channel: undefined },
    },
  ],
  webServer: {
    // A fresh data directory each run: the demo province is seeded on first start.
    // The server runs from a snapshot (dist/e2e: server + contracts + the built web app) because it
    // registers the static files once at start-up: an `npm run build` elsewhere during a run empties
    // dist/web, and the page then loads new asset names the server does not know (blank page).
    // The server's clock starts just after November 2026 ended (E2E_NOW; the demo data is seeded as of
    // 27/11/2026): branches without a November meeting show as missed (e2e/meetings-phone.spec.ts).
    command: [
      'rm -rf .e2e-data dist/e2e',
      'mkdir -p dist/e2e/dist',
      'test -f dist/web/index.html',
      'cp -r server contracts dist/e2e/',
      'cp -r dist/web dist/e2e/dist/web',
      `DOANHOI_NOW=${E2E_NOW} DOANHOI_DATA_DIR=.e2e-data PORT=${PORT} LOG_LEVEL=warn npx tsx dist/e2e/server/main.ts`,
    ].join(' && '),
    url: `http://127.0.0.1:${PORT}/api/health`,
    timeout: 300_000,
    reuseExistingServer: !process.env.CI,
    stdout: 'pipe',
  },
});
