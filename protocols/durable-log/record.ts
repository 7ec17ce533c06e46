/** Log records of the durable-log protocol: `<index>,<value>,<checksum>`, the checksum over `<index>,<value>`. */

/** A 32-bit FNV-1a hash of `text`, in base 36. */
export function checksum(text: string): string {
  let h = 0x811c9dc5;
  for (let k = 0; k < text.length; k++) {
    h ^= text.charCodeAt(k);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

/** The record of entry `i` with value `v`. */
export function encodeRecord(i: number, v: number): string {
  return `${i},${v},${checksum(`${i},${v}`)}`;
}

/**
 * The entry a record holds, or undefined when it is not a valid record: its checksum does not match (a torn record),
 * or, with `checked` false (the bug variant), its index and value do not even parse.
 */
export function decodeRecord(record: string, checked: boolean): { readonly i: number; readonly v: number } | undefined {
  const [i, v, sum] = record.split(',');
  if (i === undefined || v === undefined || !/^\d+$/.test(i) || !/^\d+$/.test(v)) return undefined;
  if (checked && sum !== checksum(`${i},${v}`)) return undefined;
  return { i: Number(i), v: Number(v) };
}
