// The badge filter (rules.filters.clientBadges) is written in names, the way people
// see badges in ServiceM8; on the wire company.badges holds badge uuids. Before each
// cycle the names are resolved through badge.json and the pair filters by uuid. A name
// no badge has is a settings error that names the setting and the badges that exist,
// rather than a filter that silently lets nothing through.
import type { ServiceM8Client } from '../../connectors/servicem8/index';
import type { CycleContext, SyncPair } from '../engine/sync-pair';

export class BadgeFilterError extends Error {
  override readonly name = 'BadgeFilterError';
}

export interface KnownBadge {
  uuid: string;
  name: string;
  active: boolean;
}

const key = (name: string) => name.trim().toLowerCase();

/** Badge names (case-insensitive; a badge uuid is accepted as itself) → uuids of active badges. */
export function badgeUuidsFor(names: readonly string[], badges: readonly KnownBadge[]): string[] {
  const active = badges.filter((b) => b.active);
  const uuids = names.map((name) => {
    const found = active.filter((b) => key(b.name) === key(name) || b.uuid.toLowerCase() === key(name));
    if (found.length === 0) {
      const known = active.map((b) => `"${b.name}"`).join(', ') || 'none';
      throw new BadgeFilterError(
        `Settings: rules.filters.clientBadges names "${name}", but no ServiceM8 badge is called that. Badges in ServiceM8: ${known}.`,
      );
    }
    return found.map((b) => b.uuid);
  });
  return [...new Set(uuids.flat())];
}

export async function fetchBadgeUuids(client: ServiceM8Client, names: readonly string[], signal?: AbortSignal): Promise<string[]> {
  const { records } = await client.list('badge', signal ? { signal } : {});
  return badgeUuidsFor(names, records);
}

/** Wraps a pair so that, when a badge filter is set, it plans with the filter's uuids instead of its names. */
export function withBadgeFilterResolved(
  pair: SyncPair,
  resolve: (names: readonly string[], signal: AbortSignal) => Promise<string[]>,
): SyncPair {
  return {
    ...pair,
    async prepare(context: CycleContext) {
      const { filters } = context.settings.rules;
      if (filters.clientBadges.length === 0) return pair.prepare(context);
      const clientBadges = await resolve(filters.clientBadges, context.signal);
      const settings = { ...context.settings, rules: { ...context.settings.rules, filters: { ...filters, clientBadges } } };
      return pair.prepare({ ...context, settings });
    },
  };
}
