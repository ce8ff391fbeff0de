// Plans one cycle of the client ⇄ customer pair: match every changed record, merge
// linked pairs field by field, and decide the writes. Pure: it reads the world it is
// given and returns a plan; persisting and applying are the engine's job.
import type { Conflict } from '../../store/repositories/conflicts-repository';
import { emptyPlan, type PairPlan } from '../engine/plan-types';
import { chosenAction, chosenCandidate } from '../kit/decisions';
import { PlanningLinks, type LinkLookup } from '../kit/planning-links';
import { KEEP_SEPARATE, LINK } from './conflict-kinds';
import { buildMatchIndex, matchClient, type MatchIndex, type MatchResult } from './match-clients';
import { mergeClientPair } from './merge-client';
import { planCreateClient, planCreateCustomer, planDuplicate } from './plan-creates';
import { CLIENT_ENTITY, type ClientPlanContext, type ClientWorld } from './plan-context';
import type { ClientRecord } from './types';
import { SIDE_LABEL } from '../../../../shared/labels';

export function planClients(world: ClientWorld, context: ClientPlanContext): PairPlan {
  const plan = emptyPlan();
  const links = new PlanningLinks(context.links);
  const index = buildMatchIndex(world.servicem8.values(), world.stripe.values());
  const handled = new Set<string>();
  const resolvedFor = (id: string) => context.resolved.filter((c) => c.servicem8Id === id || c.stripeId === id);

  const servicem8Subjects = new Set(world.dirtyServicem8);
  for (const stripeId of world.dirtyStripe) {
    const linked = context.links.servicem8IdFor(stripeId);
    if (linked) servicem8Subjects.add(linked);
  }
  for (const conflict of context.resolved) if (conflict.servicem8Id) servicem8Subjects.add(conflict.servicem8Id);

  for (const id of [...servicem8Subjects].sort()) {
    const record = world.servicem8.get(id);
    if (!record || handled.has(id)) continue;
    if (context.busy.has(id)) {
      plan.deferred.servicem8.push(id);
      continue;
    }
    planServiceM8Subject(record, world, context, { plan, links, index, handled, resolved: resolvedFor(id) });
  }

  const stripeSubjects = new Set(world.dirtyStripe);
  for (const conflict of context.resolved) if (conflict.stripeId && !conflict.servicem8Id) stripeSubjects.add(conflict.stripeId);
  for (const id of [...stripeSubjects].sort()) {
    const record = world.stripe.get(id);
    if (!record || handled.has(id)) continue;
    if (context.busy.has(id)) {
      plan.deferred.stripe.push(id);
      continue;
    }
    planStripeSubject(record, world, context, { plan, links, index, handled, resolved: resolvedFor(id) });
  }
  return plan;
}

interface PlanningState {
  plan: PairPlan;
  links: PlanningLinks;
  index: MatchIndex;
  handled: Set<string>;
  resolved: Conflict[];
}

function planServiceM8Subject(record: ClientRecord, world: ClientWorld, context: ClientPlanContext, state: PlanningState): void {
  const { plan, links, index, handled } = state;
  const duplicate = state.resolved.find((c) => c.kind === 'duplicate');
  const match = applyDuplicateDecision(record, matchClient(record, index, links), duplicate, state);
  switch (match.kind) {
    case 'unresolvable':
      return;
    case 'duplicate':
      askAboutDuplicate(record, match.candidates, state);
      return;
    case 'none':
      planCreateCustomer(record, context, plan, duplicate);
      return;
    case 'linked':
    case 'xref':
    case 'email': {
      const other = world.stripe.get(match.other);
      handled.add(match.other);
      if (!other) return; // linked, but the customer is not in the mirror yet: next cycle
      if (match.kind === 'linked') mergeClientPair(record, other, context.baseFor(record.id), context, plan, state.resolved);
      else linkAndMerge(record, other, context, state, duplicate);
    }
  }
}

function planStripeSubject(record: ClientRecord, world: ClientWorld, context: ClientPlanContext, state: PlanningState): void {
  const { plan, links, index } = state;
  const duplicate = state.resolved.find((c) => c.kind === 'duplicate');
  const match = applyDuplicateDecision(record, matchClient(record, index, links), duplicate, state);
  switch (match.kind) {
    case 'unresolvable':
      return;
    case 'duplicate':
      askAboutDuplicate(record, match.candidates, state);
      return;
    case 'none':
      planCreateClient(record, context, plan, duplicate);
      return;
    case 'linked':
      return; // its ServiceM8 client was planned above (or is not in the mirror)
    case 'xref':
    case 'email': {
      const other = world.servicem8.get(match.other);
      if (!other) return;
      if (context.busy.has(other.id)) {
        plan.deferred.stripe.push(record.id);
        return;
      }
      linkAndMerge(other, record, context, state, duplicate);
    }
  }
}

/** A pair found by cross-reference or email: link it (settling a duplicate question) and merge with no base. */
function linkAndMerge(
  servicem8: ClientRecord,
  stripe: ClientRecord,
  context: ClientPlanContext,
  state: PlanningState,
  duplicate: Conflict | undefined,
): void {
  state.links.add(servicem8.id, stripe.id);
  state.plan.links.push({
    entity: CLIENT_ENTITY,
    servicem8Id: servicem8.id,
    stripeId: stripe.id,
    servicem8EditedAt: servicem8.editedAt,
    stripeEditedAt: stripe.editedAt,
  });
  if (duplicate) state.plan.settledConflicts.push(duplicate.id);
  mergeClientPair(servicem8, stripe, undefined, context, state.plan, state.resolved);
}

/**
 * A person answered a duplicate question about this record: `link` links it to the
 * candidate they picked (or, without one, the oldest unlinked candidate on the other
 * side); `keep_separate` creates it on the other side.
 */
function applyDuplicateDecision(
  record: ClientRecord,
  match: MatchResult,
  duplicate: Conflict | undefined,
  state: PlanningState,
): MatchResult | { kind: 'unresolvable' } {
  if (!duplicate || match.kind !== 'duplicate') return match;
  const otherSide = record.side === 'servicem8' ? 'stripe' : 'servicem8';
  const action = chosenAction(duplicate, { [otherSide]: LINK, [record.side]: KEEP_SEPARATE });
  if (action !== LINK) return { kind: 'none' };
  const picked = chosenCandidate(duplicate);
  const unlinked = unlinkedCandidates(match.candidates, otherSide, state.links);
  const chosen = picked ? unlinked.find((c) => c.id === picked) : unlinked[0];
  if (chosen) return { kind: 'email', other: chosen.id };
  state.plan.unresolvable.push({
    id: duplicate.id,
    reason: picked
      ? `the chosen ${SIDE_LABEL[otherSide]} record no longer shares this email or is already linked to another record`
      : `every ${SIDE_LABEL[otherSide]} candidate is already linked to another record`,
  });
  return { kind: 'unresolvable' };
}

/** One question covers every record involved: the candidates are not asked about again. */
function askAboutDuplicate(record: ClientRecord, candidates: ClientRecord[], state: PlanningState): void {
  for (const candidate of candidates) state.handled.add(candidate.id);
  state.plan.conflicts.push(planDuplicate(record, candidates));
}

/** The other side's candidates not linked to another record, oldest first. */
function unlinkedCandidates(candidates: ClientRecord[], side: 'servicem8' | 'stripe', links: LinkLookup): ClientRecord[] {
  const unlinked = candidates.filter(
    (c) => c.side === side && (side === 'stripe' ? !links.servicem8IdFor(c.id) : !links.stripeIdFor(c.id)),
  );
  return unlinked.sort((a, b) => (a.editedAt ?? '').localeCompare(b.editedAt ?? '') || a.id.localeCompare(b.id));
}
