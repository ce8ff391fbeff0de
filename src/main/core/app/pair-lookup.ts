// The app's view of the configured pairs: their definitions by entity, and the
// read-only store questions their conflict actions ask.
import type { Side } from '../store/repositories/mirror-repository';
import type { Store } from '../store/store';
import type { ActionHelpers, PairDefinition } from '../sync/engine/pair-definition';

export class PairLookup {
  private readonly byEntity: Map<string, PairDefinition>;

  constructor(readonly definitions: readonly PairDefinition[]) {
    this.byEntity = new Map(definitions.map((d) => [d.entity, d]));
  }

  get(entity: string): PairDefinition | null {
    return this.byEntity.get(entity) ?? null;
  }

  helpers(store: Store): ActionHelpers {
    return {
      isLinked: (entity, side, id) =>
        (side === 'servicem8' ? store.links.byServiceM8Id(entity, id) : store.links.byStripeId(entity, id)) !== null,
      nameOf: (entity, side, id) => this.nameOf(store, entity, side, id),
    };
  }

  /** A record's name from its mirrored form, through its pair's definition. */
  nameOf(store: Store, entity: string, side: Side, id: string): string | null {
    const definition = this.get(entity);
    if (!definition) return null;
    const record = store.mirror.get(side, definition.mirrors[side], id)?.record ?? null;
    return record === null ? null : (definition.recordName?.(side, record) ?? null);
  }
}
