import type { SyncResult } from '../../../../shared/api';

type EntitySummary = SyncResult['entities'][number];
type Side = 'servicem8' | 'stripe';

/** Per-entity counts of one cycle, for the CLI, the UI and the run record. */
export class EntityCounters {
  private readonly byEntity = new Map<string, EntitySummary>();

  constructor(entities: string[]) {
    for (const entity of entities) {
      this.byEntity.set(entity, {
        entity,
        pulled: { servicem8: 0, stripe: 0 },
        created: { servicem8: 0, stripe: 0 },
        updated: { servicem8: 0, stripe: 0 },
        linked: 0,
        conflicts: 0,
        quarantined: 0,
        failed: 0,
      });
    }
  }

  private of(entity: string): EntitySummary {
    const summary = this.byEntity.get(entity);
    if (!summary) throw new Error(`no counters for entity ${entity}`);
    return summary;
  }

  pulled(entity: string, counts: { servicem8: number; stripe: number }): void {
    const summary = this.of(entity);
    summary.pulled.servicem8 += counts.servicem8;
    summary.pulled.stripe += counts.stripe;
  }

  wrote(entity: string, target: Side, kind: 'created' | 'updated'): void {
    this.of(entity)[kind][target] += 1;
  }

  add(entity: string, counts: Partial<Pick<EntitySummary, 'linked' | 'conflicts' | 'quarantined' | 'failed'>>): void {
    const summary = this.of(entity);
    summary.linked += counts.linked ?? 0;
    summary.conflicts += counts.conflicts ?? 0;
    summary.quarantined += counts.quarantined ?? 0;
    summary.failed += counts.failed ?? 0;
  }

  summaries(): EntitySummary[] {
    return [...this.byEntity.values()].map((s) => structuredClone(s));
  }
}
