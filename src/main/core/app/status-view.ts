// Derives the one status the tray, the window and `sm8sync status` show. The state
// is a priority list: the first thing that is true wins, so the icon always answers
// "do I need to do something?" first. Green ("In sync") only after a good sync with
// nothing open: conflicts, refused writes and quarantined records all count against it.
import type { Status } from '../../../shared/api';
import type { Settings } from '../../../shared/settings';
import { SERVICEM8_LIMITS } from '../connectors/servicem8/rate-budget';
import type { Store } from '../store/store';
import type { PairDefinition } from '../sync/engine/pair-definition';
import { pauseOf } from '../sync/engine/cycle-pause';
import { STRIPE_EVENT_OBJECT } from '../sync/kit/feeds';
import { dailyLimitNotice, dailyLimitSentence, isDailyLimitError } from './budget-resume';
import { explainError } from './plain-error';
import type { RunProgress, SyncRunner } from './ports';

const capitalise = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

export interface StatusInputs {
  connected: { servicem8: boolean; stripe: boolean };
  settings: Settings;
  progress: RunProgress | null;
  nextSyncAt: Date | null;
  /** Now, for "retrying in 2 min". */
  now?: Date;
}

type Counts = Status['counts'];

export function readCounts(store: Store, pairs: readonly PairDefinition[]): Counts {
  const outbox = store.outbox.countByState();
  return {
    linked: pairs.map((p) => ({
      entity: p.entity,
      label: capitalise(p.labels.plural),
      count: store.links.count(p.entity),
      servicem8: store.mirror.count('servicem8', p.mirrors.servicem8),
      stripe: store.mirror.count('stripe', p.mirrors.stripe),
    })),
    pendingWrites: outbox.pending + outbox.sent,
    openConflicts: store.conflicts.countOpen(),
    // An unreadable Stripe event is a note, not a record to fix: nothing to correct, it goes by itself.
    quarantined: store.quarantine.countActive({ except: [STRIPE_EVENT_OBJECT] }),
    needsAttention: outbox.failed,
  };
}

export function buildStatus(store: Store, runner: SyncRunner, inputs: StatusInputs): Status {
  const counts = readCounts(store, runner.pairs);
  const latest = store.runs.list(10).find((run) => run.state !== 'running' && !run.dryRun) ?? null;
  const lastGood = store.runs.lastCompleted();
  const failing = latest?.state === 'failed';
  const budget = safeBudget(runner);
  const { state, headline } = deriveState(inputs, counts, runner.pairs, {
    failure: failing ? (latest.error ?? 'The last sync failed.') : null,
    everSynced: lastGood !== null,
    dailyLimit: dailyLimitNotice(store, inputs.now ?? new Date(), inputs.settings.businessTimeZone),
    readsPaused: pauseOf(latest) !== null,
  });
  return {
    state,
    paused: inputs.settings.sync.paused,
    headline,
    lastSyncAt: latest?.finishedAt ?? null,
    lastGoodSyncAt: lastGood?.finishedAt ?? null,
    nextSyncAt: inputs.settings.sync.paused || !inputs.nextSyncAt ? null : inputs.nextSyncAt.toISOString(),
    businessTimeZone: inputs.settings.businessTimeZone,
    counts,
    running: inputs.progress ? describeProgress(inputs.progress, runner.pairs, budget) : null,
    lastError: failing ? explainError(latest.error ?? 'The last sync failed.').words : null,
    rateBudget: { servicem8: budget },
  };
}

const PHASE_WORDS: Record<string, string> = { pull: 'Reading changes', plan: 'Comparing', apply: 'Sending changes' };

/** "Sending changes · clients · 12 of 40 · 19,660 ServiceM8 requests left today". */
export function describeProgress(
  progress: RunProgress,
  pairs: readonly PairDefinition[],
  budget: Status['rateBudget']['servicem8'],
): NonNullable<Status['running']> {
  const label = pairs.find((p) => p.entity === progress.entity)?.labels.plural ?? progress.entity;
  const left = Math.max(0, budget.perDay - budget.usedToday);
  const parts = [PHASE_WORDS[progress.phase] ?? capitalise(progress.phase), label];
  if (progress.total) parts.push(`${progress.done} of ${progress.total}`);
  else if (progress.done) parts.push(`${progress.done} so far`);
  parts.push(`${left.toLocaleString('en-AU')} ServiceM8 requests left today`);
  return { ...progress, label: label ?? null, text: parts.filter(Boolean).join(' · ') };
}

interface History {
  failure: string | null;
  everSynced: boolean;
  /** "ServiceM8's daily request limit is used up — syncing tries again at 10:00 tomorrow", when reads or writes wait on it. */
  dailyLimit: string | null;
  /** The last cycle paused at a read the service refused: not in sync, not failing either. */
  readsPaused: boolean;
}

function deriveState(
  inputs: StatusInputs,
  counts: Counts,
  pairs: readonly PairDefinition[],
  history: History,
): Pick<Status, 'state' | 'headline'> {
  const { connected } = inputs;
  if (!connected.servicem8 || !connected.stripe) {
    const missing = [!connected.servicem8 && 'ServiceM8', !connected.stripe && 'Stripe'].filter(Boolean).join(' and ');
    return { state: 'not_connected', headline: `Connect ${missing} to start syncing` };
  }
  if (inputs.progress) {
    const entity = inputs.progress.entity;
    const label = pairs.find((p) => p.entity === entity)?.labels.plural ?? entity;
    return { state: 'syncing', headline: `Syncing${label ? ` ${label}` : ''}…` };
  }
  // A run failed by the daily limit (a dry run, or one recorded before cycles paused): when it tries again, not "can't reach".
  if (history.failure && isDailyLimitError(history.failure))
    return {
      state: 'failing',
      headline:
        history.dailyLimit ??
        dailyLimitSentence(
          inputs.settings.sync.paused ? null : inputs.nextSyncAt,
          inputs.now ?? new Date(),
          inputs.settings.businessTimeZone,
        ),
    };
  if (history.failure) return { state: 'failing', headline: failingHeadline(history.failure, inputs) };
  const needs = needsYou(counts);
  // The daily limit is not a failure (nothing is lost, the writes wait): said beside what else is true.
  if (needs) return { state: 'needs_approval', headline: history.dailyLimit ? `${needs} · ${history.dailyLimit}` : needs };
  // Changes not yet read: not "In sync", but nothing for a person to do (the grey icon, not the red one).
  if (history.readsPaused && history.dailyLimit)
    return {
      state: 'paused',
      headline: inputs.settings.sync.paused
        ? dailyLimitSentence(null, inputs.now ?? new Date(), inputs.settings.businessTimeZone)
        : history.dailyLimit,
    };
  if (inputs.settings.sync.paused) return { state: 'paused', headline: 'Paused — Sync now still sends changes when you ask' };
  if (!history.everSynced) return { state: 'not_synced', headline: 'Not synced yet' };
  return { state: 'in_sync', headline: history.dailyLimit ?? 'In sync' };
}

/** "Needs you: 3 decisions, 1 record to fix, 2 refused writes" — null when nothing is open. */
export function needsYou(counts: Pick<Counts, 'openConflicts' | 'quarantined' | 'needsAttention'>): string | null {
  const parts = [
    plural(counts.openConflicts, 'decision'),
    plural(counts.quarantined, 'record to fix', 'records to fix'),
    plural(counts.needsAttention, 'refused write'),
  ].filter(Boolean);
  return parts.length ? `Needs you: ${parts.join(', ')}` : null;
}

/** "Can't reach ServiceM8 — retrying in 2 min", or what to do when retrying will not help. */
function failingHeadline(error: string, inputs: StatusInputs): string {
  const problem = explainError(error);
  if (problem.kind === 'key_rejected' || problem.kind === 'no_permission') return `${problem.words} — reconnect it on the Connect screen`;
  if (inputs.settings.sync.paused || !inputs.nextSyncAt) return `${problem.words} — use Sync now to try again`;
  return `${problem.words} — retrying ${retryIn(inputs.nextSyncAt, inputs.now ?? new Date())}`;
}

export function retryIn(next: Date, now: Date): string {
  const minutes = Math.ceil((next.getTime() - now.getTime()) / 60_000);
  if (minutes <= 1) return minutes <= 0 ? 'now' : 'in 1 min';
  if (minutes < 90) return `in ${minutes} min`;
  return `in ${Math.round(minutes / 60)} h`;
}

function plural(n: number, one: string, many = `${one}s`): string | null {
  if (n === 0) return null;
  return `${n} ${n === 1 ? one : many}`;
}

/** The budget is informational: a runner that cannot report it must not break status. */
function safeBudget(runner: SyncRunner): Status['rateBudget']['servicem8'] {
  try {
    return runner.rateBudget();
  } catch {
    return { usedLastMinute: 0, perMinute: SERVICEM8_LIMITS.perMinute, usedToday: 0, perDay: SERVICEM8_LIMITS.perDay };
  }
}
