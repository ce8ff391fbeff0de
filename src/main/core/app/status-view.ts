// Derives the one status the tray, the window and `sm8sync status` show. The state
// is a priority list: the first thing that is true wins, so the icon always answers
// "do I need to do something?" first.
import type { Status } from '../../../shared/api';
import type { Settings } from '../../../shared/settings';
import { SERVICEM8_LIMITS } from '../connectors/servicem8/rate-budget';
import type { Store } from '../store/store';
import type { PairDefinition } from '../sync/engine/pair-definition';
import type { RunProgress, SyncRunner } from './ports';

const capitalise = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

export interface StatusInputs {
  connected: { servicem8: boolean; stripe: boolean };
  settings: Settings;
  progress: RunProgress | null;
  nextSyncAt: Date | null;
}

type Counts = Status['counts'];

export function readCounts(store: Store, pairs: readonly PairDefinition[]): Counts {
  const outbox = store.outbox.countByState();
  return {
    linked: pairs.map((p) => ({ entity: p.entity, label: capitalise(p.labels.plural), count: store.links.count(p.entity) })),
    pendingWrites: outbox.pending + outbox.sent,
    openConflicts: store.conflicts.countOpen(),
    quarantined: store.quarantine.countActive(),
    needsAttention: outbox.failed,
  };
}

export function buildStatus(store: Store, runner: SyncRunner, inputs: StatusInputs): Status {
  const counts = readCounts(store, runner.pairs);
  const latest = store.runs.list(10).find((run) => run.state !== 'running' && !run.dryRun) ?? null;
  const lastGood = store.runs.lastCompleted();
  const failing = latest?.state === 'failed';
  const { state, headline } = deriveState(inputs, counts, failing ? { error: latest.error } : null);
  return {
    state,
    paused: inputs.settings.sync.paused,
    headline,
    lastSyncAt: latest?.finishedAt ?? null,
    lastGoodSyncAt: lastGood?.finishedAt ?? null,
    nextSyncAt: inputs.settings.sync.paused || !inputs.nextSyncAt ? null : inputs.nextSyncAt.toISOString(),
    businessTimeZone: inputs.settings.businessTimeZone,
    counts,
    running: inputs.progress,
    lastError: failing ? (latest.error ?? 'The last sync failed.') : null,
    rateBudget: { servicem8: safeBudget(runner) },
  };
}

function deriveState(inputs: StatusInputs, counts: Counts, failure: { error: string | null } | null): Pick<Status, 'state' | 'headline'> {
  const { connected } = inputs;
  if (!connected.servicem8 || !connected.stripe) {
    const missing = [!connected.servicem8 && 'ServiceM8', !connected.stripe && 'Stripe'].filter(Boolean).join(' and ');
    return { state: 'not_connected', headline: `Connect ${missing} to start syncing.` };
  }
  if (inputs.settings.sync.paused)
    return { state: 'paused', headline: 'Scheduled syncs are paused. Sync now still sends changes when you ask.' };
  if (inputs.progress) return { state: 'syncing', headline: `Syncing${inputs.progress.entity ? ` ${inputs.progress.entity}` : ''}…` };
  if (failure) return { state: 'failing', headline: `The last sync failed: ${failure.error ?? 'unknown error'}` };
  if (counts.openConflicts > 0 || counts.needsAttention > 0) {
    const parts = [plural(counts.openConflicts, 'conflict'), plural(counts.needsAttention, 'failed write')].filter(Boolean);
    return {
      state: 'needs_approval',
      headline: `${parts.join(' and ')} need${counts.openConflicts + counts.needsAttention === 1 ? 's' : ''} your decision.`,
    };
  }
  return { state: 'in_sync', headline: 'ServiceM8 and Stripe are in sync.' };
}

function plural(n: number, noun: string): string | null {
  if (n === 0) return null;
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** The budget is informational: a runner that cannot report it must not break status. */
function safeBudget(runner: SyncRunner): Status['rateBudget']['servicem8'] {
  try {
    return runner.rateBudget();
  } catch {
    return { usedLastMinute: 0, perMinute: SERVICEM8_LIMITS.perMinute, usedToday: 0, perDay: SERVICEM8_LIMITS.perDay };
  }
}
