/** dsim's version, written into schedule files (keep equal to package.json `version`). */
export const DSIM_VERSION = '0.1.0';
