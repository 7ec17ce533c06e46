/**
 * Log readers and writers: GoVector/ShiViz logs, cgs-enumeration posets, and `readLogFile`, which picks the reader
 * from a file's content.
 */
import type { Failable } from '../execution/failable.js';
import type { Execution } from '../execution/types.js';
import { parsePoset } from './poset.js';
import { readInputText } from './read-text.js';
import { isShiVizUploadFormat, parseShiViz } from './shiviz.js';
import { readTrace } from './trace.js';
import type { ShiVizLimits } from './shiviz.js';

export { fieldValue, formatKeyValue, neutralizeKeyValues, parseKeyValues } from './kv.js';
export { parsePoset } from './poset.js';
export { INPUT_BYTES_MAX, readInputText } from './read-text.js';
export { readTrace, traceToJson, TRACE_FORMAT, TRACE_VERSION } from './trace.js';
export { detectHistoryFormat, parseHistory, parseJepsenEdn, parseJepsenEdnOps, parseJepsenLog } from './jepsen.js';
export { parseJepsenJson } from './jepsen-json.js';
export {
  GOVECTOR_PARSER,
  isShiVizUploadFormat,
  parseShiViz,
  SHIVIZ_LIMITS_DEFAULT,
  splitUploadFormat,
  writeShiViz,
} from './shiviz.js';
export type { ShiVizLimits, ShiVizOptions, UploadFormat } from './shiviz.js';

/** The kinds of log `readLogFile` tells apart. */
export type LogFormat = 'dsim-trace' | 'shiviz-upload' | 'poset' | 'govector';

/** Which reader fits `text`: a dsim JSON trace, ShiViz's upload format, a poset, or (otherwise) a GoVector log. */
export function detectLogFormat(text: string): LogFormat {
  const start = text.trimStart();
  if (start.startsWith('{') && /"format"\s*:\s*"dsim-trace"/.test(text)) return 'dsim-trace';
  if (isShiVizUploadFormat(text)) return 'shiviz-upload';
  if (/^\d+\s*:\s*\(/.test(start)) return 'poset';
  return 'govector';
}

/** Options of `readLogFile`; parser and delimiter apply to GoVector/ShiViz logs and override an upload header. */
export interface ReadLogOptions {
  readonly parser?: string;
  readonly delimiter?: string;
  readonly kv?: boolean;
  readonly limits?: Partial<ShiVizLimits>;
}

/** Reads a log file (bounded, see `readInputText`), choosing the reader from its content (see `detectLogFormat`). */
export async function readLogFile(path: string, options: ReadLogOptions = {}): Promise<Failable<Execution[]>> {
  const read = readInputText(path);
  if (!read.ok) return read;
  const text = read.value;
  const shiviz = { source: path, ...options };
  switch (detectLogFormat(text)) {
    case 'dsim-trace': {
      const trace = readTrace(text, path);
      return trace.ok ? { ok: true, value: [trace.value] } : trace;
    }
    case 'shiviz-upload':
      return parseShiViz(text, { ...shiviz, uploadFormat: true });
    case 'poset': {
      const poset = parsePoset(text, path);
      return poset.ok ? { ok: true, value: [poset.value] } : poset;
    }
    case 'govector':
      return parseShiViz(text, { ...shiviz, uploadFormat: false });
  }
}
