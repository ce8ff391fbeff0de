// The status in the same words everywhere outside the window: the tray's tooltip and
// menu and `sm8sync status` read these, and the window shows the same headline and
// counts. Times are in the business time zone.
import { DateTime } from 'luxon';
import type { QuarantineEntry, Status } from '../../../shared/api';

export function businessTime(iso: string | null, zone: string, fallback = 'never'): string {
  if (!iso) return fallback;
  const time = DateTime.fromISO(iso, { zone: 'utc' }).setZone(zone).setLocale('en-AU');
  return time.isValid ? time.toFormat('d LLL yyyy, h:mm a ZZZZ') : fallback;
}

/** "Clients: 12 linked (ServiceM8 14, Stripe 13)". */
export function pairCountLines(status: Status): string[] {
  return status.counts.linked.map((pair) => {
    const sides = pair.servicem8 !== undefined && pair.stripe !== undefined ? ` (ServiceM8 ${pair.servicem8}, Stripe ${pair.stripe})` : '';
    return `${pair.label}: ${pair.count} linked${sides}`;
  });
}

export const HOW_TO_CONNECT = [
  'To connect: open the app (the tray app, or `sm8sync serve` and the address it prints) and use Connect,',
  'or set SERVICEM8_API_KEY and STRIPE_API_KEY in the environment.',
];

const quarantineLine = (q: QuarantineEntry) =>
  `  ${q.name ?? q.recordId} (${q.what ?? q.object}): ${q.problem ?? q.reason} ${q.fix ?? ''}`.trimEnd();

/** Notes that ask nothing of anyone, under their own heading so they are not read as records to fix. */
function notesOf(quarantine: QuarantineEntry[]): string[] {
  const notes = quarantine.filter((q) => q.nothingToDo);
  return notes.length ? [`${NOTES_HEADING}:`, ...notes.map(quarantineLine)] : [];
}

export const NOTES_HEADING = 'Changes Stripe sent that could not be read — nothing to do';

/** `sm8sync status` without --json. */
export function statusText(status: Status, quarantine: QuarantineEntry[] = []): string {
  const zone = status.businessTimeZone;
  const { counts } = status;
  const lines = [
    status.headline,
    `Last good sync: ${businessTime(status.lastGoodSyncAt, zone)} · last sync: ${businessTime(status.lastSyncAt, zone)} · next sync: ${businessTime(status.nextSyncAt, zone, status.paused ? 'paused' : 'not scheduled')}`,
    ...(status.running?.text ? [`Now: ${status.running.text}`] : []),
    ...pairCountLines(status),
    `Waiting to send: ${counts.pendingWrites} · decisions: ${counts.openConflicts} · records to fix: ${counts.quarantined} · refused writes: ${counts.needsAttention}`,
    ...quarantine.filter((q) => !q.nothingToDo).map(quarantineLine),
    ...notesOf(quarantine),
    ...(status.lastError && status.lastError !== status.headline ? [`Last error: ${status.lastError}`] : []),
    `Times are in ${zone}.`,
  ];
  if (status.state === 'not_connected') lines.push(...HOW_TO_CONNECT);
  return lines.join('\n');
}

/** The tray's tooltip: the headline and the last good sync. */
export function trayTooltipText(status: Status): string {
  return `sm8sync: ${status.headline}\nLast good sync: ${businessTime(status.lastGoodSyncAt, status.businessTimeZone)}`;
}
