// Reading a person's decision back from a conflict. Decisions are named actions
// (`keep_servicem8`, `link`, …); databases written before actions existed hold the
// chosen side instead, which reads as the matching keep action.
import type { Conflict } from '../../store/repositories/conflicts-repository';
import type { Side } from '../../store/repositories/mirror-repository';

export const KEEP_SERVICEM8 = 'keep_servicem8';
export const KEEP_STRIPE = 'keep_stripe';

/** The action a resolved conflict carries, with legacy side answers mapped through `legacy`. */
export function chosenAction(conflict: Conflict, legacy: Partial<Record<Side, string>> = {}): string | null {
  const resolution = conflict.resolution;
  if (resolution === 'servicem8' || resolution === 'stripe') return legacy[resolution] ?? null;
  return resolution;
}

/** For a field decision: the side whose value wins. */
export function chosenSide(conflict: Conflict): Side | null {
  const action = chosenAction(conflict, { servicem8: KEEP_SERVICEM8, stripe: KEEP_STRIPE });
  if (action === KEEP_SERVICEM8) return 'servicem8';
  if (action === KEEP_STRIPE) return 'stripe';
  return null;
}

/** The candidate a person picked, when the action links to one. */
export function chosenCandidate(conflict: Conflict): string | null {
  const value = conflict.resolutionValue as { candidate?: unknown } | null | undefined;
  return value && typeof value === 'object' && typeof value.candidate === 'string' ? value.candidate : null;
}
