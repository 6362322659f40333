import { defineConfig } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);

export default defineConfig({
  testDir: "test/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  globalSetup: "./test/e2e/global-setup.ts",
  timeout: 30_000,
  use: {
    baseURL: `http://localhost:${port}`,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  webServer: {
    // A fresh database, mail folder and secret for every run.
    command: "rm -rf data/e2e && node scripts/start.mjs",
    url: `http://localhost:${port}/healthz`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: "pipe",
    env: {
      PORT: String(port),
      DATABASE_FILE: "data/e2e/service.sqlite",
      MAIL_DIR: "data/e2e/mail",
      UPLOAD_DIR: "data/e2e/uploads",
      SMTP_URL: `smtp://127.0.0.1:${process.env.E2E_SMTP_PORT ?? 2525}`,
      SESSION_SECRET_FILE: "data/e2e/session-secret",
      OUTBOX_INTERVAL_MS: "200",
      COOKIE_SECURE: "false",
    },
  },
});
