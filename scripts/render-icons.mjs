// Renders the app icons (www/icons/*.svg -> public/icons/*.png) with headless Chromium, once, after the
// SVGs change: `node scripts/render-icons.mjs`. The PNGs are committed; the build only copies.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const sources = fileURLToPath(new URL('../www/icons/', import.meta.url));
const dir = fileURLToPath(new URL('../public/icons/', import.meta.url));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox'],
});
const page = await browser.newPage();
for (const [svg, name] of [
  ['icon.svg', 'icon'],
  ['icon-maskable.svg', 'icon-maskable'],
]) {
  const source = readFileSync(sources + svg, 'utf8');
  for (const size of [192, 512]) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${source}`,
    );
    await page.screenshot({ path: `${dir}${name}-${size}.png`, omitBackground: true });
    console.log(`${name}-${size}.png`);
  }
}
await browser.close();
