import cliProgress from 'cli-progress';
import type { FuzzProgress } from '../search/fuzz/fuzz.js';
import type { CliIo } from './io.js';

/** Seconds between plain progress lines when standard error is not a terminal. */
export const PROGRESS_LINE_SECONDS = 5;

/** Shows a campaign's progress: a bar on a terminal (cli-progress), a plain line every few seconds otherwise. */
export interface ProgressView {
  update(progress: FuzzProgress): void;
  stop(): void;
}

export function progressView(io: CliIo, label: string, budgetMs: number | undefined): ProgressView {
  const startedMs = Date.now();
  const rate = (p: FuzzProgress) => (p.seedsDone * 1000) / Math.max(1, Date.now() - startedMs);
  const timeLeft = (p: FuzzProgress): string => {
    const elapsedMs = Date.now() - startedMs;
    if (budgetMs !== undefined) return formatSeconds((budgetMs - elapsedMs) / 1000);
    if (p.seedsTotal === undefined || p.seedsDone === 0) return '?';
    return formatSeconds(((p.seedsTotal - p.seedsDone) * elapsedMs) / p.seedsDone / 1000);
  };
  if (io.interactive) {
    const bar = new cliProgress.SingleBar(
      {
        format: `${label} {bar} {value}/{totalText} seeds | {rate} seeds/s | {failures} failing | {left} left`,
        stream: process.stderr,
        hideCursor: true,
        clearOnComplete: true,
      },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return {
      update(p) {
        const payload = { rate: rate(p).toFixed(0), failures: p.failures, left: timeLeft(p), totalText: p.seedsTotal ?? '∞' };
        if (!started) bar.start(p.seedsTotal ?? p.seedsDone + 1, p.seedsDone, payload);
        started = true;
        if (p.seedsTotal === undefined) bar.setTotal(p.seedsDone + 1);
        bar.update(p.seedsDone, payload);
      },
      stop: () => bar.stop(),
    };
  }
  let lastLineMs = startedMs;
  return {
    update(p) {
      const nowMs = Date.now();
      if (nowMs - lastLineMs < PROGRESS_LINE_SECONDS * 1000) return;
      lastLineMs = nowMs;
      const total = p.seedsTotal === undefined ? '' : `/${p.seedsTotal}`;
      io.err(`${label}: ${p.seedsDone}${total} seeds, ${rate(p).toFixed(0)} seeds/s, ${p.failures} failing, ${timeLeft(p)} left`);
    },
    stop() {},
  };
}

function formatSeconds(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}
