/** Checked histories for the history page's tests: Knossos fixtures and a history full of hostile strings. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { History, HistoryEvent } from '../../execution/history.js';
import { parseHistory } from '../../formats/jepsen.js';
import { checkHistory, type ModelName } from '../../properties/linearizability/index.js';
import type { HistoryReportFile } from '../../report/history/index.js';

export const EVIL = '</script><img src=x onerror=alert(1)>';

export const KNOSSOS_BAD = fileURLToPath(new URL('../fixtures/jepsen/knossos/cas-register/bad/rethink-fail-minimal.edn', import.meta.url));
export const KNOSSOS_GOOD = fileURLToPath(new URL('../fixtures/jepsen/knossos/cas-register/good/cas-register-bug.edn', import.meta.url));
export const KNOSSOS_BIG_BAD = fileURLToPath(new URL('../fixtures/jepsen/knossos/cas-register/bad/cas-failure.edn', import.meta.url));

export function readHistory(path: string): History {
  const h = parseHistory(readFileSync(path, 'utf8'), path);
  if (!h.ok) throw new Error(h.error.message);
  return h.value;
}

/** `history` checked against `model` with a view, as the page takes it. */
export function checked(file: string, history: History, model: ModelName): HistoryReportFile {
  const r = checkHistory(history, model, { view: true });
  if (!r.ok) throw new Error(r.error.message);
  const v = r.value;
  return { file, verdict: v.verdict, operations: v.operations, details: v.explanation === undefined ? [] : [`blocked: ${v.explanation.blocked.description}`], view: v.view! };
}

/** A kv history whose keys and values are hostile markup: key EVIL is linearizable, key `<b>` is not. */
export function evilHistory(): History {
  const ev = (process: number, type: HistoryEvent['type'], f: string, key: string, value: HistoryEvent['value']): HistoryEvent => ({ process, type, f, key, value });
  return [
    ev(0, 'invoke', 'put', EVIL, EVIL), ev(0, 'ok', 'put', EVIL, EVIL),
    ev(1, 'invoke', 'get', EVIL, null), ev(1, 'ok', 'get', EVIL, EVIL),
    ev(2, 'invoke', 'get', '<b>', null), ev(2, 'ok', 'get', '<b>', `${EVIL}&amp;`),
  ];
}
