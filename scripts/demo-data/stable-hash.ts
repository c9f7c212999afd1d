/**
 * FNV-1a (32 bit) over the UTF-16 code units of a string. The demo build must give the same output on
 * every run and every machine, so every "random" choice is derived from a hash of a stable id.
 */
export function stableHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** An integer in [minimum, maximum], chosen by the hash of `key` (salted so that choices stay independent). */
export function hashedInteger(key: string, salt: string, minimum: number, maximum: number): number {
  return minimum + (stableHash(`${salt}:${key}`) % (maximum - minimum + 1));
}
