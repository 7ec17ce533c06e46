/**
 * The HTML report on a real log: time to render the page and time until it is drawn in headless Chromium
 * (`body[data-ready]`), for the 5,000-event tsviz log against its own first 1,000 events as the baseline measured in
 * the same run, and against the stated budget of 3 s to ready. Skips, saying so, without a Chromium
 * (CHROMIUM_PATH, else /usr/bin/chromium).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { buildExecution } from '../execution/build.js';
import type { Execution } from '../execution/types.js';
import { parseShiViz } from '../formats/shiviz.js';
import { renderHtmlReport } from '../report/index.js';

/** Budget of a 5,000-event log from navigation to drawn, on a 2-core machine. */
export const REPORT_READY_BUDGET_MS = 3000;
const LOG = 'tsviz_shared_var_4_threads.log';
const RUNS = 5;

function readLog(): Execution {
  const dir = new URL('../../test/fixtures/shiviz-logs/', import.meta.url);
  const manifest = JSON.parse(readFileSync(new URL('manifest.json', dir), 'utf8')) as { logs: { file: string; parser: string }[] };
  const parsed = parseShiViz(readFileSync(new URL(LOG, dir), 'utf8'), { source: LOG, parser: manifest.logs.find((l) => l.file === LOG)!.parser });
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value[0]!;
}

/** The first `n` events of `exec` as an execution of its own (a prefix in id order is downward closed). */
function prefix(exec: Execution, n: number): Execution {
  const events = exec.events.slice(0, n).map((e) => ({ host: e.host, kind: e.kind, label: e.label, clock: Array.from(e.clock), fields: e.fields }));
  return buildExecution({ label: `${exec.label} (first ${n})`, hosts: exec.hosts, events });
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function runReportBench(): Promise<string[]> {
  const path = process.env['CHROMIUM_PATH'] || '/usr/bin/chromium';
  if (!existsSync(path)) return [`skipped: no Chromium at ${path} (set CHROMIUM_PATH)`];
  const full = readLog();
  const dir = mkdtempSync(join(tmpdir(), 'dsim-bench-report-'));
  const browser = await chromium.launch({ executablePath: path, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  try {
    const measure = async (exec: Execution): Promise<{ renderMs: number; readyMs: number }> => {
      const render: number[] = [];
      const ready: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const t0 = performance.now();
        const html = renderHtmlReport({ title: exec.label, execution: exec, results: [] });
        render.push(performance.now() - t0);
        const file = join(dir, `r${i}.html`);
        writeFileSync(file, html);
        const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
        const t1 = performance.now();
        await page.goto(pathToFileURL(file).href);
        await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
        ready.push(performance.now() - t1);
        await page.close();
      }
      return { renderMs: median(render), readyMs: median(ready) };
    };
    const base = await measure(prefix(full, 1000));
    const big = await measure(full);
    return [
      `${LOG}: the HTML report, median of ${RUNS}; baseline: its first 1,000 events`,
      `  1,000 events: render ${base.renderMs.toFixed(0)} ms, drawn in Chromium ${base.readyMs.toFixed(0)} ms`,
      `  ${full.events.length.toLocaleString('en-US')} events: render ${big.renderMs.toFixed(0)} ms (×${(big.renderMs / base.renderMs).toFixed(1)}), ` +
        `drawn ${big.readyMs.toFixed(0)} ms (×${(big.readyMs / base.readyMs).toFixed(1)}); budget ${REPORT_READY_BUDGET_MS} ms: ${big.readyMs <= REPORT_READY_BUDGET_MS ? 'within' : 'OVER'}`,
    ];
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
