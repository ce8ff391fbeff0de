// Stripe-looking ids (`cus_` + 24 base62 chars) from a seeded PRNG, so a seeded
// simulator hands out the same ids on every run (demo data, snapshots in tests).
import { seededRandom } from '../shared/random';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export class IdGenerator {
  private readonly random: () => number;

  constructor(seed: number) {
    this.random = seededRandom(seed);
  }

  /** `prefix_` followed by `length` base62 characters. */
  next(prefix: string, length = 24): string {
    return `${prefix}_${this.token(length)}`;
  }

  token(length: number): string {
    let out = '';
    for (let i = 0; i < length; i += 1) out += ALPHABET[Math.floor(this.random() * ALPHABET.length)];
    return out;
  }

  /** Upper-case hex, as Stripe uses for customer invoice prefixes. */
  hex(length: number): string {
    let out = '';
    for (let i = 0; i < length; i += 1) out += '0123456789ABCDEF'[Math.floor(this.random() * 16)];
    return out;
  }
}
