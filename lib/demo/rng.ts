/**
 * Deterministic pseudo-random numbers for demo data and simulators.
 * mulberry32 is tiny, fast and good enough for picking phrases; it is NOT for security.
 * Everything that must be reproducible (seed script, simulator pages, tests) draws from here,
 * never from Math.random.
 */

export interface Rng {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max] (both inclusive). */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
  /** One element chosen by weight (weights need not sum to 1). */
  weighted<T>(items: readonly (readonly [T, number])[]): T;
  /** A new independent generator derived from this one's next value and a salt. */
  fork(salt: number | string): Rng;
}

/** 32-bit string/number mixing (FNV-1a + murmur finalizer) used to derive seeds. */
export function hashSeed(...parts: readonly (number | string)[]): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    const s = typeof part === "number" ? String(part) : part;
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    // Separator so that ("ab","c") and ("a","bc") differ.
    h ^= 0xff;
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A uniform float in [0, 1) that depends only on the given parts (stateless). */
export function hashUnit(...parts: readonly (number | string)[]): number {
  return hashSeed(...parts) / 4294967296;
}

/**
 * mulberry32. A class rather than a closure bag: the simulators create a few generators per
 * served item, and per-instance closures showed up in profiles.
 */
class Mulberry32 implements Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("rng.pick: empty array");
    return items[Math.floor(this.next() * items.length)] as T;
  }

  weighted<T>(items: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of items) total += w;
    let r = this.next() * total;
    for (const [value, w] of items) {
      r -= w;
      if (r < 0) return value;
    }
    const last = items[items.length - 1];
    if (!last) throw new Error("rng.weighted: empty array");
    return last[0];
  }

  fork(salt: number | string): Rng {
    return new Mulberry32(hashSeed(Math.floor(this.next() * 4294967296), salt));
  }
}

export function createRng(seed: number): Rng {
  return new Mulberry32(seed);
}
