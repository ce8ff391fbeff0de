// Decisions are actions, through the CLI as another program drives it: a duplicate is
// linked to the candidate a person picks (not a guess), an action that cannot be
// carried out is refused at once with the reason, and refused writes can be listed,
// retried and dismissed (`sm8sync failures`).
import { describe, expect, it } from 'vitest';
import { Store } from '../../src/main/core/store/store';
import { useCliWorld } from '../helpers/cli-world';
import { allCustomers } from '../helpers/sides-over-http';

const world = useCliWorld();

interface ConflictJson {
  id: number;
  kind: string;
  candidates: { side: string; id: string; name: string | null }[];
  actions: { name: string; label: string; effect: string; candidateIds: string[] | null }[];
}

describe('sm8sync conflicts and failures', () => {
  it('links a duplicate to the chosen candidate, refuses what cannot be done, and lets a decision change until applied', async () => {
    const { cli, sm8, stripe } = await world();
    const client = await sm8.addClient({ name: 'Parramatta Dental Group' }, { email: 'admin@parramattadental.com.au' });
    const older = await stripe.customers.create({ name: 'Parramatta Dental', email: 'admin@parramattadental.com.au' });
    const newer = await stripe.customers.create({ name: 'Parramatta Dental Group', email: 'admin@parramattadental.com.au' });
    expect((await cli('sync')).code).toBe(0);

    const [question] = (await cli('conflicts', '--json')).json() as ConflictJson[];
    expect(question!.kind).toBe('duplicate');
    expect(question!.actions.map((a) => a.name)).toEqual(['link', 'keep_separate']);
    expect(question!.actions[0]!.candidateIds!.sort()).toEqual([older.id, newer.id].sort());
    const listed = await cli('conflicts');
    expect(listed.stdout).toContain(`--action link --candidate`);
    expect(listed.stdout).toContain('Keep separate: Create a separate Stripe customer for this ServiceM8 client.');

    const unknown = await cli('conflicts', 'resolve', String(question!.id), '--action', 'link', '--candidate', 'cus_nobody');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('"Link to this one" cannot be done');
    const wrongFlag = await cli('conflicts', 'resolve', String(question!.id), '--action', 'keep_separate', '--candidate', newer.id);
    expect(wrongFlag.code).toBe(1);
    expect(wrongFlag.stderr).toContain('does not take a candidate');
    const both = await cli('conflicts', 'resolve', String(question!.id), '--take', 'stripe', '--action', 'link');
    expect(both.code).toBe(2);

    // Chosen, then changed before any sync: the second decision is the one applied.
    expect((await cli('conflicts', 'resolve', String(question!.id), '--action', 'keep_separate')).code).toBe(0);
    const chosen = await cli('conflicts', 'resolve', String(question!.id), '--action', 'link', '--candidate', newer.id, '--json');
    expect(chosen.code, chosen.stderr).toBe(0);
    expect(chosen.json()).toEqual({ resolved: [question!.id], failed: [] });
    expect((await cli('sync')).code).toBe(0);

    const customers = await allCustomers(stripe);
    expect(customers.filter((c) => c.email === 'admin@parramattadental.com.au')).toHaveLength(2);
    expect(customers.find((c) => c.id === newer.id)!.metadata?.servicem8_uuid).toBe(client.company);
    expect(customers.find((c) => c.id === older.id)!.metadata?.servicem8_uuid).toBeUndefined();
    expect((await cli('conflicts', '--json')).json()).toEqual([]);
    const applied = await cli('conflicts', 'resolve', String(question!.id), '--action', 'keep_separate');
    expect(applied.code).toBe(1);
    expect(applied.stderr).toContain('already applied');
  });

  it('lists refused writes with their reason, retries one and dismisses another', async () => {
    const { dataDir, cli } = await world();
    expect((await cli('sync')).code).toBe(0); // creates the database
    const store = Store.open(dataDir);
    const refuse = (subjectId: string, reason: string) => {
      const row = store.outbox.enqueue({
        entity: 'client',
        target: 'stripe',
        operation: 'update_customer',
        subjectId,
        payload: {
          servicem8Id: subjectId,
          stripeId: 'cus_gone',
          write: { name: 'Bondi Plumbing' },
          base: { name: 'Bondi Plumbing' },
          conflictIds: [],
        },
        idempotencyKey: `test-${subjectId}`,
      });
      store.outbox.markSent(row.id);
      return store.outbox.markFailed(row.id, reason).id;
    };
    const first = refuse('sm8-a', 'Stripe: No such customer: cus_gone');
    const second = refuse('sm8-b', 'Stripe: No such customer: cus_gone');
    store.close();

    const listed = (await cli('failures', '--json')).json() as { id: number; what: string; reason: string; target: string }[];
    expect(listed.map((f) => f.id)).toEqual([first, second]);
    expect(listed[0]).toMatchObject({ target: 'stripe', reason: 'Stripe: No such customer: cus_gone' });
    expect(listed[0]!.what).toMatch(/^Updated the Stripe customer: Name/);
    expect((await cli('failures')).stdout).toContain('No such customer');

    expect((await cli('failures', 'dismiss', String(second), '--json')).json()).toEqual({ resolved: [second], failed: [] });
    const retry = await cli('failures', 'retry', String(first));
    expect(retry.code, retry.stderr).toBe(0);
    expect(retry.stdout).toContain('sent again at the next sync');
    expect((await cli('failures', '--json')).json()).toEqual([]);
    const again = await cli('failures', 'dismiss', String(second));
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('not a refused write');
    expect((await cli('failures', 'retry', 'x')).code).toBe(2);

    const check = Store.open(dataDir);
    expect(check.outbox.get(first)!.state).toBe('pending');
    expect(check.outbox.get(second)).toMatchObject({ state: 'done', result: { dismissed: true } });
    expect(check.audit.list({ limit: 10 }).map((a) => a.operation)).toEqual(expect.arrayContaining(['retry_write', 'dismiss_write']));
    check.close();
  });
});
