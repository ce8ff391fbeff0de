// "What would this rule change do?": a dry run with settings that are not saved yet.
// The runner reads its settings through this overlay, so for the length of one dry
// run it sees the unsaved ones; nothing is written to settings.json.
import type { SyncResult } from '../../../shared/api';
import type { Settings, SettingsInput } from '../../../shared/settings';
import { settingsSchema } from '../../../shared/settings';
import type { PairDefinition } from '../sync/engine/pair-definition';
import type { SettingsPort } from './settings-port';

export interface PreviewableSettings extends SettingsPort {
  /** Runs `work` while get() answers with `next`; the saved settings are untouched. */
  withPreview<T>(next: SettingsInput, work: () => Promise<T>): Promise<T>;
}

export function previewableSettings(port: SettingsPort): PreviewableSettings {
  let preview: Settings | null = null;
  return {
    get: () => preview ?? port.get(),
    update: (change) => port.update(change),
    async withPreview(next, work) {
      preview = settingsSchema.parse(next);
      try {
        return await work();
      } finally {
        preview = null;
      }
    },
  };
}

/** "Create 3 Stripe customers: Harbour Cafe, Bondi Plumbing, …" — one line per kind of write. */
export function describePlan(result: SyncResult, pairs: readonly PairDefinition[]): string[] {
  const groups = new Map<string, { verb: string; what: string; subjects: string[] }>();
  for (const write of result.plan) {
    const pair = pairs.find((p) => p.entity === write.entity);
    const counts = pair?.operations[write.operation]?.counts;
    const verb = counts === 'created' ? 'Create' : counts === 'updated' ? 'Update' : write.operation.replaceAll('_', ' ');
    const what = pair ? pair.labels[write.target] : `${write.target} ${write.entity}`;
    const key = `${verb}|${what}`;
    const group = groups.get(key) ?? { verb, what, subjects: [] };
    group.subjects.push(write.subject);
    groups.set(key, group);
  }
  const lines = [...groups.values()].map(({ verb, what, subjects }) => {
    const n = subjects.length;
    const shown = subjects.slice(0, 4).join(', ');
    return `${verb} ${n} ${n === 1 ? what.replace(/s$/, '') : what}: ${shown}${n > 4 ? `, and ${n - 4} more` : ''}`;
  });
  const conflicts = result.entities.reduce((n, e) => n + e.conflicts, 0);
  if (conflicts) lines.push(`Ask you ${conflicts} question${conflicts === 1 ? '' : 's'}`);
  return lines;
}
