import { fail, succeed, type Failable } from '../execution/failable.js';

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Parses a duration such as `60s`, `5m`, `1h`, `500ms` or a bare number of seconds; the answer is in ms. */
export function parseDurationMs(text: string, flag: string): Failable<number> {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)?\s*$/.exec(text);
  const value = match === null ? Number.NaN : Number(match[1]) * UNIT_MS[match[2] ?? 's']!;
  if (!Number.isFinite(value) || value <= 0) {
    return fail({ source: `--${flag}`, message: `"${text}" is not a duration such as 60s, 5m, 1h or 500ms` });
  }
  return succeed(Math.round(value));
}
