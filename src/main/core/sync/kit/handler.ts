// Joins an operation's declaration with the function that carries it out. Handlers are
// stored untyped by payload (the engine parses the payload with the operation's own
// schema before calling apply), so each pair writes its apply against its payload type.
import type { OutboxItem } from '../../store/repositories/outbox-repository';
import type { OperationDefinition, OperationHandler } from '../engine/pair-definition';
import type { AppliedWrite, CycleContext } from '../engine/sync-pair';

export function handler<P>(
  definition: OperationDefinition<P>,
  apply: (payload: P, item: OutboxItem, context: CycleContext) => Promise<AppliedWrite>,
): OperationHandler<never> {
  return { ...definition, apply } as unknown as OperationHandler<never>;
}

/** Handlers by operation name. */
export function handlersByName(handlers: OperationHandler<never>[]): Record<string, OperationHandler<never>> {
  return Object.fromEntries(handlers.map((h) => [h.name, h]));
}
