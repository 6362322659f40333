// R-35 Submission references: a prefix and six characters that cannot be misread when
// spoken on the phone or copied from a letter. The alphabet leaves out 0/O, 1/I, 5/S and 8/B,
// and the vowels A, E and U (so no words form): 25 characters, 25^6 ≈ 244 million references.

export const REFERENCE_ALPHABET = "234679CDFGHJKLMNPQRTVWXYZ";
export const REFERENCE_LENGTH = 6;

// R-35 Prefixes in use, one per kind of submission.
export const EOI_REFERENCE_PREFIX = "RTP-EOI-";

/**
 * R-35 A new reference such as "RTP-EOI-7KQ3MX". `random` returns numbers in [0, 1) like
 * Math.random; pass a seeded one in tests. Uniqueness is the caller's job (the database's
 * unique index, with a retry on the rare collision).
 */
export function generateReference(prefix: string, random: () => number): string {
  let code = "";
  for (let i = 0; i < REFERENCE_LENGTH; i += 1) {
    const value = random();
    if (!(value >= 0 && value < 1)) {
      throw new RangeError(`random() must return a number in [0, 1), got ${value}`);
    }
    code += REFERENCE_ALPHABET[Math.floor(value * REFERENCE_ALPHABET.length)];
  }
  return `${prefix}${code}`;
}

const escapeForRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** R-35 Whether `value` is exactly a reference with this prefix. */
export function isReference(value: string, prefix: string = EOI_REFERENCE_PREFIX): boolean {
  return new RegExp(
    `^${escapeForRegExp(prefix)}[${REFERENCE_ALPHABET}]{${REFERENCE_LENGTH}}$`,
  ).test(value);
}

/**
 * R-35 A reference as someone typed it into a search box ("rtp eoi 7kq 3mx") in its
 * canonical form, or null if it cannot be one.
 */
export function normaliseReference(
  input: string,
  prefix: string = EOI_REFERENCE_PREFIX,
): string | null {
  const compact = input.toUpperCase().replace(/[\s-]/g, "");
  const compactPrefix = prefix.toUpperCase().replace(/[\s-]/g, "");
  if (!compact.startsWith(compactPrefix)) return null;
  const candidate = `${prefix}${compact.slice(compactPrefix.length)}`;
  return isReference(candidate, prefix) ? candidate : null;
}

/**
 * A small seeded random number generator (mulberry32) for tests, demo seeds and anything
 * else that must be repeatable. Not for secrets.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
