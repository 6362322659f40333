// Copies GOV.UK Frontend's fonts and images into public/assets, where the CSS expects them
// (it uses absolute /assets/... paths). Run on install and before a build, never committed.
import { cpSync, existsSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const source = join(root, "node_modules/govuk-frontend/dist/govuk/assets");
const target = join(root, "public/assets");

if (!existsSync(source)) {
  console.warn("govuk-frontend is not installed yet; skipping asset copy");
} else {
  mkdirSync(target, { recursive: true });
  for (const folder of ["fonts", "images", "rebrand"]) {
    if (existsSync(join(source, folder))) cpSync(join(source, folder), join(target, folder), { recursive: true });
  }
  if (existsSync(join(source, "manifest.json"))) cpSync(join(source, "manifest.json"), join(target, "manifest.json"));
  // Browsers ask for /favicon.ico whatever the page links to.
  cpSync(join(source, "images/favicon.ico"), join(root, "public/favicon.ico"));
}
