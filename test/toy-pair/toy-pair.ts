// A second, small pair that lives only in the tests: ServiceM8 "checklists" ⇄ Stripe
// "notes", one text field, created one way, merged both ways, with a question whose
// actions are not just a side ("join" writes both texts to both sides). It proves a pair
// is added to the engine, the views and the app service without editing anything outside
// this folder.
import { z } from 'zod';
import type { OperationDefinition, PairDefinition } from '../../src/main/core/sync/engine/pair-definition';
import type { AppliedWrite, SyncPair } from '../../src/main/core/sync/engine/sync-pair';
import { emptyPlan } from '../../src/main/core/sync/engine/plan-types';
import { chosenAction } from '../../src/main/core/sync/kit/decisions';
import { mergeFields } from '../../src/main/core/sync/kit/field-merge';
import { handler, handlersByName } from '../../src/main/core/sync/kit/handler';
import type { Store } from '../../src/main/core/store/store';
import type { ToySide } from './sides';

export const NOTE = 'note';
const JOIN = 'join';

const createNote = z.object({ checklistId: z.string(), text: z.string() });
const writeText = z.object({ checklistId: z.string(), noteId: z.string(), text: z.string(), conflictIds: z.array(z.number()) });

export const noteDefinition: PairDefinition = {
  entity: NOTE,
  labels: { singular: 'note', plural: 'notes', servicem8: 'ServiceM8 checklists', stripe: 'Stripe notes' },
  mirrors: { servicem8: 'checklist', stripe: 'note' },
  cursors: ['toy.checklists', 'toy.notes'],
  dependsOn: ['client'],
  operations: {
    create_note: {
      name: 'create_note',
      target: 'stripe',
      version: 1,
      schema: createNote,
      idempotency: 'content',
      counts: 'created',
      describe: (p: z.infer<typeof createNote>) => `Created the note "${p.text}"`,
    },
    update_note: {
      name: 'update_note',
      target: 'stripe',
      version: 1,
      schema: writeText,
      idempotency: 'run',
      counts: 'updated',
      describe: (p: z.infer<typeof writeText>) => `Wrote "${p.text}" to the note`,
    },
    update_checklist: {
      name: 'update_checklist',
      target: 'servicem8',
      version: 1,
      schema: writeText,
      idempotency: 'run',
      counts: 'updated',
      describe: (p: z.infer<typeof writeText>) => `Wrote "${p.text}" to the checklist`,
    },
  },
  conflictKinds: {
    field: {
      label: 'Both texts changed',
      actions: [
        { name: 'keep_servicem8', label: 'Keep the checklist', take: 'servicem8', effect: () => 'Write the checklist text to the note.' },
        { name: 'keep_stripe', label: 'Keep the note', take: 'stripe', effect: () => 'Write the note text to the checklist.' },
        { name: JOIN, label: 'Join both', effect: (c) => `Write "${String(c.servicem8Value)} / ${String(c.stripeValue)}" to both.` },
      ],
    },
  },
  recordName: (_side, record) => (record as { text?: string }).text ?? null,
};

export function createNotePair(store: Store, checklists: ToySide, notes: ToySide): SyncPair {
  const mirror = (side: 'servicem8' | 'stripe', id: string, text: string) => ({
    side,
    object: side === 'servicem8' ? 'checklist' : 'note',
    id,
    record: { id, text },
    editedAt: null,
    active: true,
  });
  const wrote = (p: z.infer<typeof writeText>, target: 'servicem8' | 'stripe'): AppliedWrite => ({
    servicem8Id: p.checklistId,
    stripeId: p.noteId,
    base: { text: p.text },
    mirror: [mirror(target, target === 'stripe' ? p.noteId : p.checklistId, p.text)],
    before: null,
    after: { text: p.text },
    conflictIds: p.conflictIds,
    result: {},
  });
  return {
    definition: noteDefinition,
    classify: (error) => ({ kind: 'validation', message: (error as Error).message }),
    handlers: handlersByName([
      handler(noteDefinition.operations.create_note as OperationDefinition<z.infer<typeof createNote>>, (p, item) => {
        const note = notes.create(p.text, item.idempotencyKey);
        return Promise.resolve({
          servicem8Id: p.checklistId,
          stripeId: note.id,
          link: { mode: 'create', servicem8EditedAt: null, stripeEditedAt: null },
          base: { text: p.text },
          mirror: [mirror('stripe', note.id, p.text)],
          before: null,
          after: { text: p.text },
          conflictIds: [],
          result: { noteId: note.id },
        } satisfies AppliedWrite);
      }),
      handler(noteDefinition.operations.update_note as OperationDefinition<z.infer<typeof writeText>>, (p) => {
        notes.write(p.noteId, p.text);
        return Promise.resolve(wrote(p, 'stripe'));
      }),
      handler(noteDefinition.operations.update_checklist as OperationDefinition<z.infer<typeof writeText>>, (p) => {
        checklists.write(p.checklistId, p.text);
        return Promise.resolve(wrote(p, 'servicem8'));
      }),
    ]),
    prepare(context) {
      const fromChecklists = checklists.changedSince(store.cursors.get('toy.checklists'));
      const fromNotes = notes.changedSince(store.cursors.get('toy.notes'));
      const plan = emptyPlan();
      const text = (side: 'servicem8' | 'stripe', id: string, fresh: { id: string; text: string }[]) =>
        fresh.find((r) => r.id === id)?.text ??
        store.mirror.get<{ text: string }>(side, side === 'servicem8' ? 'checklist' : 'note', id)?.record.text ??
        null;
      const subjects = new Set(fromChecklists.records.map((r) => r.id));
      for (const note of fromNotes.records) {
        const linked = store.links.byStripeId(NOTE, note.id);
        if (linked) subjects.add(linked.servicem8Id);
      }
      const resolved = store.conflicts.listForEntity(NOTE, ['resolved']);
      for (const c of resolved) if (c.servicem8Id) subjects.add(c.servicem8Id);
      for (const id of [...subjects].sort()) {
        const link = store.links.byServiceM8Id(NOTE, id);
        const ours = text('servicem8', id, fromChecklists.records) ?? '';
        if (!link) {
          plan.writes.push({
            entity: NOTE,
            target: 'stripe',
            operation: 'create_note',
            subjectId: id,
            payload: { checklistId: id, text: ours },
            priority: 20,
            describe: { subject: ours, fields: { text: ours } },
          });
          continue;
        }
        const theirs = text('stripe', link.stripeId, fromNotes.records) ?? '';
        const decision = resolved.find((c) => c.servicem8Id === id);
        if (decision && chosenAction(decision) === JOIN) {
          const joined = `${ours} / ${theirs}`;
          for (const [target, operation] of [
            ['stripe', 'update_note'],
            ['servicem8', 'update_checklist'],
          ] as const)
            plan.writes.push({
              entity: NOTE,
              target,
              operation,
              subjectId: id,
              payload: { checklistId: id, noteId: link.stripeId, text: joined, conflictIds: [decision.id] },
              priority: 50,
              describe: { subject: joined, fields: { text: joined } },
            });
          continue;
        }
        const merged = mergeFields({
          entity: NOTE,
          servicem8: { id, editedAt: null, values: { text: ours } },
          stripe: { id: link.stripeId, editedAt: null, values: { text: theirs } },
          fields: ['text'] as const,
          base: store.snapshots.get<{ text: string }>(link.id)?.fields,
          resolved,
          rules: context.settings.rules,
        });
        plan.conflicts.push(...merged.conflicts);
        plan.settledConflicts.push(...merged.settledConflictIds);
        for (const [target, operation, values, ids] of [
          ['stripe', 'update_note', merged.toStripe, merged.stripeConflictIds],
          ['servicem8', 'update_checklist', merged.toServicem8, merged.servicem8ConflictIds],
        ] as const) {
          if (values.text === undefined) continue;
          const value = typeof values.text === 'string' ? values.text : '';
          plan.writes.push({
            entity: NOTE,
            target,
            operation,
            subjectId: id,
            payload: { checklistId: id, noteId: link.stripeId, text: value, conflictIds: [...ids] },
            priority: 50,
            describe: { subject: value, fields: { text: value } },
          });
        }
      }
      return Promise.resolve({
        plan,
        pulled: { servicem8: fromChecklists.records.length, stripe: fromNotes.records.length },
        quarantined: 0,
        persist() {
          for (const r of fromChecklists.records) store.mirror.upsert(mirror('servicem8', r.id, r.text));
          for (const r of fromNotes.records) store.mirror.upsert(mirror('stripe', r.id, r.text));
          store.cursors.set('toy.checklists', fromChecklists.cursor);
          store.cursors.set('toy.notes', fromNotes.cursor);
        },
      });
    },
  };
}
