// Lighthouse on pages, one after the other, in one Chromium.
//
//   node run.mjs --out DIR [URL...]
//
// Audits each URL given, or else each line read from stdin (so a caller can hand out pages to
// a few of these processes as they become free), with Lighthouse's defaults: mobile form
// factor and simulated throttling, the categories performance, accessibility, best-practices
// and seo. One headless Chromium (CHROME_PATH, default /usr/bin/chromium) serves every page;
// Lighthouse opens a fresh tab with an empty cache for each. The JSON report of a page goes
// to DIR/<name> (see reportName), and one line goes to stdout: {"url", "file"} or
// {"url", "error"}.
//
// Two Lighthouse runs must not share one node process: they share its performance marks
// ("The 'start lh:driver:navigate' performance mark has not been set") and lose artifacts.
// Run several processes instead. Called by tests/browser/test_lighthouse.py.

import {mkdir, writeFile} from 'node:fs/promises';
import path from 'node:path';
import readline from 'node:readline';
import {parseArgs} from 'node:util';

import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

const {values, positionals} = parseArgs({options: {out: {type: 'string'}}, allowPositionals: true});
if (!values.out) {
  console.error('usage: node run.mjs --out DIR [URL...]   (URLs from stdin, one a line, if none given)');
  process.exit(2);
}

const FLAGS = {
  output: 'json',
  logLevel: 'error',
  onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
  disableFullPageScreenshot: true, // not scored, and half the report's size; the filmstrip stays
};
const CHROME_FLAGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-quic',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** The report's file name: the URL's path, "/" as "__", ".html" as ".json". */
function reportName(url) {
  const page = new URL(url).pathname.replace(/^\/+/, '') || 'index.html';
  return page.replaceAll('/', '__').replace(/\.html$/, '') + '.json';
}

async function* pages() {
  if (positionals.length) {
    yield* positionals;
    return;
  }
  for await (const line of readline.createInterface({input: process.stdin})) {
    if (line.trim()) yield line.trim();
  }
}

await mkdir(values.out, {recursive: true});
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  chromeFlags: CHROME_FLAGS,
  logLevel: 'silent',
});
try {
  for await (const url of pages()) {
    try {
      const result = await lighthouse(url, {...FLAGS, port: chrome.port});
      if (!result) throw new Error('Lighthouse returned no result');
      const file = path.join(values.out, reportName(url));
      await writeFile(file, result.report);
      console.log(JSON.stringify({url, file}));
    } catch (error) {
      console.log(JSON.stringify({url, error: String(error?.stack || error)}));
    }
  }
} finally {
  chrome.kill();
}
