// The clients pair's people: ServiceM8 clients and Stripe customers made on both
// sides, one pair sharing an email (linked, its differing name a conflict), one email
// on two Stripe customers (a duplicate question), then per round one-sided edits of
// name, phone and city on either side (between and during syncs), one field edited on
// both sides (a conflict) and a new client on each side during the sync. Each field of
// each record is edited at most once, so every interleaving must end in one state.
import type Stripe from 'stripe';
import { take, uuidFrom, type Entity, type Intent, type PairScript, type PairWorkload, type Side } from '../workload';
import type { World } from '../world';

const PAIR = 'clients';
type Field = 'name' | 'phone' | 'city';

interface Client {
  key: string;
  home: Side;
  /** ServiceM8 company and billing contact uuids (known once synced, for Stripe-born ones). */
  company?: string;
  contact?: string;
  customer?: string;
  seed: { name: string; email: string; phone: string; city: string };
}

interface Edit {
  client: Client;
  side: Side;
  field: Field;
  value: string;
}

const mobile = (rng: () => number) => `04${String(Math.floor(rng() * 1e8)).padStart(8, '0')}`;
export const normalPhone = (raw: unknown): string | null => {
  if (typeof raw !== 'string' || raw.trim() === '') return null;
  const digits = raw.replace(/\D/g, '');
  return digits.startsWith('61') ? `0${digits.slice(2)}` : digits;
};
const text = (raw: unknown): string | null => (typeof raw === 'string' && raw !== '' ? raw : null);

export const clientsWorkload: PairWorkload = {
  name: PAIR,
  script(rng, { size, rounds }) {
    const clients: Client[] = [];
    const make = (home: Side, i: number, tag: string): Client => {
      const company = home === 'servicem8' ? uuidFrom(rng) : undefined;
      return {
        key: home === 'servicem8' ? `m:${company}` : `s:${tag}${i}`,
        home,
        ...(company ? { company, contact: uuidFrom(rng) } : {}),
        seed: {
          name: `${home === 'servicem8' ? 'Sm8' : 'Stripe'} ${tag}${i} Pty Ltd`,
          email: `${home === 'servicem8' ? 'm' : 's'}-${tag}${i}@chaos.example`,
          phone: mobile(rng),
          city: home === 'servicem8' ? 'Sydney' : 'Melbourne',
        },
      };
    };
    for (let i = 0; i < size; i += 1) clients.push(make('servicem8', i, 'c'), make('stripe', i, 'c'));
    const shared = { m: make('servicem8', 0, 'shared'), s: make('stripe', 0, 'shared') };
    shared.s.seed.email = shared.m.seed.email;
    const dup = { m: make('servicem8', 0, 'dup'), a: make('stripe', 0, 'dupa'), b: make('stripe', 0, 'dupb') };
    dup.a.seed.email = dup.b.seed.email = dup.m.seed.email;

    // Every (client, field) once: one-sided edits and per-round two-sided ones.
    const slots = clients.flatMap((client) => (['name', 'phone', 'city'] as Field[]).map((field) => ({ client, field })));
    const value = (field: Field, round: number, side: Side) =>
      field === 'phone' ? mobile(rng) : `${field === 'name' ? 'Renamed' : 'City'} r${round} ${side} ${Math.floor(rng() * 1e6)}`;
    const draw = (round: number, count: number): Edit[] =>
      Array.from({ length: count }, () => take(rng, slots))
        .filter((slot) => slot !== undefined)
        .map((slot) => {
          const side: Side = rng() < 0.5 ? 'servicem8' : 'stripe';
          return { ...slot, side, value: value(slot.field, round, side) };
        });
    const plan = Array.from({ length: rounds }, (_, round) => {
      const both = take(rng, slots);
      const born = { m: make('servicem8', round, 'new'), s: make('stripe', round, 'new') };
      return {
        during: draw(round, Math.max(1, Math.round(size / 4))),
        between: draw(round, Math.max(1, Math.round(size / 4))),
        conflict: both
          ? (['servicem8', 'stripe'] as const).map((side): Edit => ({ ...both, side, value: value(both.field, round, side) }))
          : [],
        born,
      };
    });

    // The last value a person set for each field is the one that must survive.
    const latest = new Map<string, Intent>();
    const intend = (client: Client, field: string, v: string) =>
      latest.set(`${client.key}|${field}`, { pair: PAIR, key: client.key, field, value: v });
    const everyone = [...clients, shared.m, shared.s, dup.m, dup.a, dup.b];
    for (const c of everyone) intend(c, 'name', c.seed.name);
    for (const round of plan) {
      for (const e of [...round.during, ...round.between, ...round.conflict])
        intend(e.client, e.field, e.field === 'phone' ? normalPhone(e.value)! : e.value);
      intend(round.born.m, 'name', round.born.m.seed.name);
      intend(round.born.s, 'name', round.born.s.seed.name);
    }

    const conflictEdits = new Set(plan.flatMap((r) => r.conflict.map((e) => `${e.client.key}|${e.field}`)));
    // A field edited on both sides keeps both values (one on each side): each must survive.
    const intents = [...latest.values()].filter((i) => !conflictEdits.has(`${i.key}|${i.field}`));
    for (const r of plan)
      for (const e of r.conflict)
        intents.push({ pair: PAIR, key: e.client.key, field: e.field, value: e.field === 'phone' ? normalPhone(e.value)! : e.value });

    const script: PairScript = {
      intents,
      twoWay: { name: 'name', email: 'email', phone: 'phone', city: 'address' },
      async seed(world) {
        for (const c of everyone) await create(world, c);
      },
      async afterFirstSync(world) {
        await learnIds(world, everyone);
      },
      async during(world, round) {
        const r = plan[round]!;
        await Promise.all([create(world, r.born.m), create(world, r.born.s), ...r.during.map((e) => edit(world, e))]);
      },
      async between(world, round) {
        const r = plan[round]!;
        for (const e of [...r.between, ...r.conflict]) await edit(world, e);
      },
      snapshot: (world) =>
        snapshot(
          world,
          new Set(
            [...everyone, ...plan.flatMap((r) => [r.born.m, r.born.s])].flatMap((c) =>
              c.home === 'servicem8' && c.company ? [c.company] : [],
            ),
          ),
        ),
    };
    return script;
  },
};

async function create(world: World, c: Client): Promise<void> {
  if (c.home === 'servicem8') {
    await world.sm8Create('company', {
      uuid: c.company,
      name: c.seed.name,
      address_city: c.seed.city,
      address_state: 'NSW',
      address_postcode: '2000',
    });
    await world.sm8Create('companycontact', {
      uuid: c.contact,
      company_uuid: c.company,
      type: 'BILLING',
      is_primary_contact: '1',
      email: c.seed.email,
      mobile: c.seed.phone,
    });
    return;
  }
  const made = await world.calm(() =>
    world.stripeApi.customers.create({
      name: c.seed.name,
      email: c.seed.email,
      phone: c.seed.phone,
      address: { line1: '1 Chaos St', city: c.seed.city, state: 'VIC', postal_code: '3000', country: 'AU' },
      metadata: { chaos_key: c.key },
    }),
  );
  c.customer = made.id;
}

/** After the clean first sync every seeded client exists on both sides: learn the ids the sync gave them. */
async function learnIds(world: World, clients: Client[]): Promise<void> {
  const customers = await world.stripeCustomers();
  const contacts = await world.sm8List('companycontact');
  for (const c of clients) {
    if (c.home === 'servicem8') c.customer = customers.find((x) => x.metadata?.servicem8_uuid === c.company)?.id;
    else c.company = customers.find((x) => x.id === c.customer)?.metadata?.servicem8_uuid;
    if (!c.contact && c.company) c.contact = contacts.find((x) => x.company_uuid === c.company)?.uuid as string | undefined;
  }
}

async function edit(world: World, e: Edit): Promise<void> {
  const { client: c } = e;
  if (e.side === 'servicem8') {
    if (!c.company || !c.contact) throw new Error(`chaos: ${c.key} has no ServiceM8 record to edit`);
    if (e.field === 'phone') await world.sm8Update('companycontact', c.contact, { mobile: e.value });
    else await world.sm8Update('company', c.company, e.field === 'name' ? { name: e.value } : { address_city: e.value });
    return;
  }
  const id = c.customer;
  if (!id) throw new Error(`chaos: ${c.key} has no Stripe customer to edit`);
  await world.calm(async () => {
    if (e.field === 'city') {
      const current = (await world.stripeApi.customers.retrieve(id)) as Stripe.Customer;
      const a = current.address;
      await world.stripeApi.customers.update(id, {
        address: {
          line1: a?.line1 ?? '',
          line2: a?.line2 ?? '',
          city: e.value,
          state: a?.state ?? '',
          postal_code: a?.postal_code ?? '',
          country: a?.country ?? 'AU',
        },
      });
    } else await world.stripeApi.customers.update(id, e.field === 'name' ? { name: e.value } : { phone: e.value });
  });
}

/** Both sides' clients, keyed: m:<uuid> for ServiceM8-born, s:<tag> for Stripe-born; ?… for a record the workload never made. */
async function snapshot(world: World, workloadCompanies: Set<string>): Promise<Entity[]> {
  const customers = await world.stripeCustomers();
  const companies = await world.sm8List('company');
  const contacts = await world.sm8List('companycontact');
  const stripeBornByCompany = new Map(
    customers
      .filter((c) => c.metadata?.chaos_key && c.metadata?.servicem8_uuid)
      .map((c) => [c.metadata.servicem8_uuid!, c.metadata.chaos_key!]),
  );
  const out: Entity[] = [];
  for (const c of customers) {
    const xref = c.metadata?.servicem8_uuid;
    if (xref && world.owners.has(xref)) continue;
    const key = c.metadata?.chaos_key ?? (xref && workloadCompanies.has(xref) ? `m:${xref}` : `?stripe:${xref ?? c.id}`);
    out.push({
      pair: PAIR,
      side: 'stripe',
      key,
      id: c.id,
      fields: {
        name: text(c.name),
        email: text(c.email)?.toLowerCase() ?? null,
        phone: normalPhone(c.phone),
        city: text(c.address?.city),
        archived: c.metadata?.servicem8_archived ?? null,
      },
    });
  }
  for (const company of companies) {
    const uuid = String(company.uuid);
    if (world.owners.has(uuid)) continue;
    const key = workloadCompanies.has(uuid)
      ? `m:${uuid}`
      : stripeBornByCompany.has(uuid)
        ? stripeBornByCompany.get(uuid)!
        : `?servicem8:${uuid}`;
    const mine = contacts.filter((x) => x.company_uuid === uuid && String(x.active) === '1');
    const billing = mine.find((x) => x.type === 'BILLING') ?? mine[0];
    out.push({
      pair: PAIR,
      side: 'servicem8',
      key,
      id: uuid,
      fields: {
        name: text(company.name),
        email: text(billing?.email)?.toLowerCase() ?? null,
        phone: normalPhone(text(billing?.mobile) ?? text(billing?.phone)),
        city: text(company.address_city),
        active: String(company.active),
        contacts: mine.length,
      },
    });
  }
  return out;
}
