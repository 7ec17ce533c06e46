/**
 * Host names as the report's left column shows them, at most `max` characters. A name that fits is shown whole. A
 * longer one keeps its beginning and its distinguishing end, the part after the longest prefix it shares with
 * another host: ten threads `42795@jvoldemortThread[voldemort-server-t1]` … `-t10]` read `42795@jvoldemortThre…erver-t1]` …
 * rather than ten copies of the same cut-off prefix. The full name is always on hover.
 */

/** The label of each host, in order; labels of distinct names are distinct wherever their ends tell them apart. */
export function hostLabels(hosts: readonly string[], max = 30): string[] {
  const labels = hosts.map((name, h) => (name.length <= max ? name : elide(name, sharedPrefix(hosts, h), max)));
  // Two labels alike (their distinguishing ends were cut): those hosts show their last characters instead.
  const seen = new Map<string, number>();
  for (const label of labels) seen.set(label, (seen.get(label) ?? 0) + 1);
  return labels.map((label, h) => ((seen.get(label) ?? 0) > 1 && hosts[h]!.length > max ? `\u2026${hosts[h]!.slice(-(max - 1))}` : label));
}

/** Characters of the longest prefix host `h`'s name shares with another host's. */
function sharedPrefix(hosts: readonly string[], h: number): number {
  const name = hosts[h]!;
  let longest = 0;
  hosts.forEach((other, g) => {
    if (g === h) return;
    let k = 0;
    while (k < name.length && k < other.length && name[k] === other[k]) k++;
    longest = Math.max(longest, k);
  });
  return longest;
}

/** CONTEXT characters before the distinguishing end are kept with it, so a number keeps its word (`server-t1`). */
const CONTEXT = 8;
/** Characters of the beginning always kept. */
const HEAD_MIN = 8;

function elide(name: string, shared: number, max: number): string {
  const tail = Math.min(Math.max(name.length - shared + CONTEXT, 1), max - 1 - HEAD_MIN);
  const head = max - 1 - tail;
  return `${name.slice(0, head)}\u2026${name.slice(name.length - tail)}`;
}
