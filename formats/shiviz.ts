/**
 * GoVector/ShiViz logs: the reader (`parseShiViz`, which reads logs exactly as ShiViz does) and the writer
 * (`writeShiViz`, a GoVector log in ShiViz's upload format). The public surface of the `shiviz-*.ts` modules.
 */
export { parseShiViz, SHIVIZ_LIMITS_DEFAULT } from './shiviz-read.js';
export type { ShiVizLimits, ShiVizOptions } from './shiviz-read.js';
export { GOVECTOR_PARSER, isShiVizUploadFormat, splitUploadFormat } from './shiviz-regex.js';
export type { UploadFormat } from './shiviz-regex.js';
export { writeShiViz } from './shiviz-write.js';
