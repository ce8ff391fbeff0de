// What a pair's people do in one trial, as a plug-in: the harness runs every pair's
// script in each phase and compares what the pairs report. Clients is the first; the
// invoices and payments pairs add theirs to WORKLOADS (workloads/index.ts) with the
// same shape: records keyed the same way in every run, and the values people set.
import type { World } from './world';

export type Side = 'servicem8' | 'stripe';

/** One record on one side, keyed so the same record has the same key in every run. */
export interface Entity {
  pair: string;
  side: Side;
  key: string;
  id: string;
  /** The id of the record on the other side this one is linked to, when the side says (Stripe's cross-reference). */
  partnerId?: string;
  fields: Record<string, unknown>;
}

/** An open question as the store holds it, in the workload's keys. */
export interface OpenConflict {
  kind: string;
  servicem8Key: string;
  stripeKey: string;
  field: string;
}

/** A value a person set that the final state must still hold on at least one side. */
export interface Intent {
  pair: string;
  key: string;
  field: string;
  value: unknown;
}

export interface PairScript {
  /** The starting state, synced once without faults before the chaos starts. */
  seed(world: World): Promise<void>;
  /** After that first sync: learn the ids the sync gave each record on the other side. */
  afterFirstSync(world: World): Promise<void>;
  /** Edits made while the sync of `round` runs. */
  during(world: World, round: number): Promise<void>;
  /** Edits made after the sync of `round` ended (or was killed). */
  between(world: World, round: number): Promise<void>;
  readonly intents: Intent[];
  /** Fields both sides of a linked pair must agree on, each with the conflict field that may hold them apart. */
  readonly twoWay: Record<string, string>;
  snapshot(world: World): Promise<Entity[]>;
}

export interface PairWorkload {
  name: string;
  /** Draws everything this pair's people will do in one trial; the same rng gives the same script. */
  script(rng: () => number, options: { size: number; rounds: number }): PairScript;
}

/** Picks and removes one element (seeded), or undefined when none is left. */
export function take<T>(rng: () => number, items: T[]): T | undefined {
  if (items.length === 0) return undefined;
  return items.splice(Math.floor(rng() * items.length), 1)[0];
}

export function uuidFrom(rng: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(rng() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
