/** The frame every dsim HTML page shares: one self-contained document, its data embedded as JSON, its script inline. */
import { escapeHtml, jsonForScript } from './escape.js';

export interface PageParts {
  readonly title: string;
  readonly css: string;
  /** The body's markup, before the tooltip, the data and the script. */
  readonly body: string;
  /** The id of the `<script type="application/json">` element the script reads its data from. */
  readonly dataId: string;
  readonly data: unknown;
  /** The page's script, run in its own function scope in strict mode. */
  readonly script: string;
}

export function htmlPage(p: PageParts): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(p.title)}</title>
<style>${p.css}</style>
</head>
<body>
${p.body}
<div id="tip" hidden></div>
<script type="application/json" id="${p.dataId}">${jsonForScript(p.data)}</script>
<script>
(function () {
'use strict';
${p.script}
})();
</script>
</body>
</html>
`;
}
