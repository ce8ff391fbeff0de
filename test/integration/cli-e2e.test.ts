// End to end, as another program would drive it: the simulators in their own
// process (`sm8sync simulate`), seeded over HTTP (Stripe through the official SDK),
// the CLI as a subprocess, and the results checked on both sides over HTTP.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, runCli, startSimulators, type Simulators } from '../helpers/cli-process';
import { allCustomers, ServiceM8Http, sideEnv, stripeClient } from '../helpers/sides-over-http';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
let running: Simulators[] = [];

beforeAll(() => assertBuilt());
afterEach(async () => {
  await Promise.all(running.map((s) => s.stop()));
  running = [];
});

async function world() {
  const sims = await startSimulators();
  running.push(sims);
  const env = sideEnv(sims, tempDir());
  const cli = async (...args: string[]) => {
    const result = await runCli(args, env);
    return { ...result, json: () => JSON.parse(result.stdout) as unknown };
  };
  return { sims, env, cli, sm8: new ServiceM8Http(sims.servicem8), stripe: stripeClient(sims.stripe) };
}

type SyncJson = {
  state: string;
  plan: unknown[];
  entities: {
    created: { stripe: number; servicem8: number };
    updated: { stripe: number; servicem8: number };
    conflicts: number;
    quarantined: number;
  }[];
};

describe('sm8sync CLI against the simulators', () => {
  it('creates both ways, matches emails whatever their case, and a second sync writes nothing', async () => {
    const { cli, sm8, stripe } = await world();
    const cafe = await sm8.addClient(
      {
        name: 'Harbour View Cafe Pty Ltd',
        abn_number: '51 824 753 556',
        address_street: '12 Marine Pde',
        address_city: 'Watsons Bay',
        address_state: 'NSW',
        address_postcode: '2030',
      },
      { email: 'Accounts@HarbourViewCafe.com.au', mobile: '0412 345 678' },
    );
    const sarah = await sm8.addClient(
      { name: 'Sarah Nguyen' },
      { first: 'Sarah', last: 'Nguyen', email: 'Sarah.Nguyen@example.com', mobile: '+61 400 111 222' },
    );
    const existing = await stripe.customers.create({ name: 'Sarah Nguyen', email: 'sarah.nguyen@example.com' });
    await stripe.customers.create({ name: 'Coogee Surf School', email: 'bookings@coogeesurfschool.com.au', phone: '(02) 9665 1234' });

    const first = await cli('sync', '--json');
    expect(first.code, first.stderr).toBe(0);
    expect((first.json() as SyncJson).entities[0]).toMatchObject({ created: { stripe: 1, servicem8: 1 } });

    const customers = await allCustomers(stripe);
    expect(customers).toHaveLength(3);
    const created = customers.find((c) => c.metadata?.servicem8_uuid === cafe.company)!;
    expect(created).toMatchObject({
      name: 'Harbour View Cafe Pty Ltd',
      email: 'accounts@harbourviewcafe.com.au',
      phone: '0412 345 678',
      address: { line1: '12 Marine Pde', city: 'Watsons Bay', state: 'NSW', postal_code: '2030', country: 'AU' },
    });
    expect(created.tax_ids?.data.map((t) => [t.type, t.value])).toEqual([['au_abn', '51824753556']]);
    const matched = customers.find((c) => c.id === existing.id)!;
    expect(matched.metadata?.servicem8_uuid).toBe(sarah.company);
    expect(matched.phone).toBe('0400 111 222');

    const companies = await sm8.list('company');
    const surf = companies.find((c) => c.name === 'Coogee Surf School')!;
    expect(surf).toBeDefined();
    const contacts = await sm8.list('companycontact');
    expect(contacts.find((c) => c.company_uuid === surf.uuid)).toMatchObject({
      email: 'bookings@coogeesurfschool.com.au',
      phone: '(02) 9665 1234',
    });
    expect(customers.find((c) => c.name === 'Coogee Surf School')?.metadata?.servicem8_uuid).toBe(surf.uuid);

    const second = await cli('sync', '--json');
    expect(second.code, second.stderr).toBe(0);
    const again = second.json() as SyncJson;
    expect(again.plan).toEqual([]);
    expect(again.entities[0]).toMatchObject({ created: { stripe: 0, servicem8: 0 }, updated: { stripe: 0, servicem8: 0 } });
    expect(await allCustomers(stripe)).toHaveLength(3);
    expect(await sm8.list('company')).toHaveLength(companies.length);

    const audit = await cli('audit', '--json');
    expect(
      (audit.json() as { operation: string; outcome: string }[])
        .filter((e) => e.outcome === 'success')
        .map((e) => e.operation)
        .sort(),
    ).toEqual(['create_client', 'create_customer', 'update_customer']);
  });

  it('asks about duplicates, asks about two-sided changes, and applies the answer on the next sync', async () => {
    const { cli, sm8, stripe } = await world();
    await sm8.addClient({ name: 'Parramatta Dental Group' }, { email: 'admin@parramattadental.com.au' });
    await stripe.customers.create({ name: 'Parramatta Dental', email: 'admin@parramattadental.com.au' });
    await stripe.customers.create({ name: 'Parramatta Dental Group', email: 'admin@parramattadental.com.au' });
    const james = await sm8.addClient({ name: "James O'Connor" }, { email: 'james.oconnor@example.net', mobile: '0411 000 001' });
    expect((await cli('sync')).code).toBe(0);

    const listed = (await cli('conflicts', '--json')).json() as { id: number; kind: string; candidates: unknown[] }[];
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ kind: 'duplicate' });
    expect(listed[0]!.candidates).toHaveLength(2);
    expect((await allCustomers(stripe)).filter((c) => c.email === 'admin@parramattadental.com.au')).toHaveLength(2);

    const customer = (await allCustomers(stripe)).find((c) => c.metadata?.servicem8_uuid === james.company)!;
    await sm8.update('companycontact', james.contact, { mobile: '0411 000 002' });
    await stripe.customers.update(customer.id, { phone: '0411 000 003' });
    expect((await cli('sync')).code).toBe(0);
    const field = (
      (await cli('conflicts', '--json')).json() as {
        id: number;
        kind: string;
        field: string | null;
        servicem8: { value: unknown };
        stripe: { value: unknown };
      }[]
    ).find((c) => c.kind === 'field')!;
    expect(field).toMatchObject({ field: 'phone', servicem8: { value: '0411 000 002' }, stripe: { value: '0411 000 003' } });
    // The text says the same in words, times in the business zone (never the JSON's ISO instants).
    const words = (await cli('conflicts')).stdout;
    expect(words).toContain("James O'Connor");
    expect(words).toMatch(/ServiceM8: 0411 000 002 \(edited \d{1,2} \w{3} \d{4}, \d{1,2}:\d{2} [ap]m \w+\)/);
    expect(words).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:/);
    expect(words.trimEnd().split('\n').at(-1)).toBe('Times are in Australia/Sydney.');

    const resolved = await cli('conflicts', 'resolve', String(field.id), '--take', 'stripe');
    expect(resolved.code, resolved.stderr).toBe(0);
    expect(resolved.stdout).toContain('The next sync applies it');
    expect((await cli('sync')).code).toBe(0);
    const contact = (await sm8.list('companycontact')).find((c) => c.uuid === james.contact)!;
    expect(contact.mobile).toBe('0411 000 003');
    expect((await stripe.customers.retrieve(customer.id)) as { phone: string }).toMatchObject({ phone: '0411 000 003' });
    const open = (await cli('conflicts', '--json')).json() as { kind: string }[];
    expect(open.map((c) => c.kind)).toEqual(['duplicate']);
    const audit = (await cli('audit')).stdout;
    expect(audit).toMatch(/^\d{1,2} \w{3} \d{4}, \d{1,2}:\d{2} [ap]m \w+ · Done · Your decision · James O'Connor$/m);
    expect(audit).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:|sm8=|"phone"/);

    const bad = await cli('conflicts', 'resolve', '999', '--take', 'stripe');
    expect(bad.code).toBe(1);
    const usage = await cli('conflicts', 'resolve', String(field.id), '--take', 'both');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--take must be one of servicem8, stripe');
  });

  it('a dry run shows the plan and writes nothing', async () => {
    const { cli, sm8, stripe } = await world();
    await sm8.addClient({ name: 'Dry Run Electrical' }, { email: 'office@dryrun.com.au' });
    const dry = await cli('sync', '--dry-run');
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('create_customer in Stripe: Dry Run Electrical');
    expect(await allCustomers(stripe)).toHaveLength(0);
    expect((await cli('sync')).code).toBe(0);
    expect(await allCustomers(stripe)).toHaveLength(1);
  });

  it('quarantines an invalid record with its reason, shows it in status, and syncs the rest', async () => {
    const { cli, sm8, stripe } = await world();
    const broken = await sm8.addClient({ name: 'Broken Email Pty Ltd' }, { email: 'accounts@' });
    await sm8.addClient({ name: 'Fine Plumbing' }, { email: 'hello@fineplumbing.com.au' });
    const result = await cli('sync', '--json');
    expect(result.code, result.stderr).toBe(0);
    expect((result.json() as SyncJson).entities[0]!.quarantined).toBe(1);
    expect((await allCustomers(stripe)).map((c) => c.name)).toEqual(['Fine Plumbing']);
    const status = await cli('status');
    // The Status screen's words: the headline, then the record by name with what to fix.
    expect(status.stdout.split('\n')[0]).toBe('Needs you: 1 record to fix');
    expect(status.stdout).toContain('records to fix: 1');
    expect(status.stdout).toContain(
      'Broken Email Pty Ltd (ServiceM8 client): The email "accounts@" is not an email address. Correct it on the ServiceM8 client in ServiceM8; the next sync picks it up.',
    );
    expect(status.stdout).not.toContain(broken.company);
    expect(status.stdout).toMatch(/Last good sync: \d{1,2} \w{3} \d{4}, \d{1,2}:\d{2} [ap]m AE[SD]T/);
  });

  it('fails clearly on bad credentials', async () => {
    const { sims } = await world();
    const env = { ...sideEnv(sims, tempDir()), SERVICEM8_API_KEY: 'wrong-key-123456' };
    const result = await runCli(['sync'], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^sm8sync sync: ServiceM8 401/m);
    expect(result.stderr).not.toContain('wrong-key-123456');
  });
});
