// The simulator's in-memory state: one collection per resource, a global sequence
// that orders objects created within the same second, and lookup by id prefix
// (used by expand). Objects are stored in their wire shape and mutated in place.
import { SimError } from './errors';
import { IdGenerator } from './ids';

export interface WireObject {
  id: string;
  object: string;
  [key: string]: unknown;
}

interface Entry<T> {
  obj: T;
  seq: number;
}

/** Sort key of a listed object: newer `created` first, then later insertion first. */
export type SortKey = readonly [number, number];

export class Collection<T extends WireObject> {
  // A Map iterates in insertion order, which is `seq` order: `inOrder` needs no sort.
  private readonly items = new Map<string, Entry<T>>();
  /** Oldest first by (created, seq), kept while inserts arrive in that order (the usual case); null = rebuild. */
  private ascending: Entry<T>[] | null = [];
  /** Secondary indexes over fields that never change once an object is stored (value → ids, insertion order). */
  private readonly indexes = new Map<string, Map<unknown, Set<string>>>();

  constructor(
    readonly kind: string,
    private readonly nextSeq: () => number,
  ) {}

  insert(obj: T): T {
    if (this.items.has(obj.id)) this.remove(obj.id);
    const entry = { obj, seq: this.nextSeq() };
    this.items.set(obj.id, entry);
    const last = this.ascending?.at(-1);
    if (this.ascending && (!last || createdOf(last.obj) <= createdOf(obj))) this.ascending.push(entry);
    else this.ascending = null;
    for (const [field, index] of this.indexes) addTo(index, obj[field], obj.id);
    return obj;
  }

  get(id: string): T | undefined {
    return this.items.get(id)?.obj;
  }

  require(id: string, param = 'id'): T {
    const found = this.get(id);
    if (!found) throw SimError.missing(this.kind, id, param);
    return found;
  }

  remove(id: string): void {
    const entry = this.items.get(id);
    if (!entry) return;
    this.items.delete(id);
    this.ascending = null;
    for (const [field, index] of this.indexes) index.get(entry.obj[field])?.delete(id);
  }

  sortKey(id: string): SortKey | undefined {
    const entry = this.items.get(id);
    if (!entry) return undefined;
    return [typeof entry.obj.created === 'number' ? entry.obj.created : 0, entry.seq];
  }

  /** Newest first, with insertion order breaking ties of equal `created`. */
  newestFirst(): T[] {
    this.ascending ??= [...this.items.values()].sort((a, b) => createdOf(a.obj) - createdOf(b.obj) || a.seq - b.seq);
    const out = new Array<T>(this.ascending.length);
    for (let i = 0, n = this.ascending.length; i < n; i += 1) out[i] = this.ascending[n - 1 - i]!.obj;
    return out;
  }

  /**
   * Walks the list order lazily from a position: `older` yields newest first the objects
   * listed after `key` (all of them when null), `newer` yields oldest first the ones
   * listed before it. A page then costs what it reads, not the whole collection.
   */
  *walk(direction: 'older' | 'newer', key: SortKey | null): Generator<T> {
    const ascending = (this.ascending ??= [...this.items.values()].sort((a, b) => createdOf(a.obj) - createdOf(b.obj) || a.seq - b.seq));
    const before = (e: Entry<T>, k: SortKey) => createdOf(e.obj) < k[0] || (createdOf(e.obj) === k[0] && e.seq < k[1]);
    // First index whose key is ≥ `key` (binary search; the array is sorted ascending by key).
    let low = 0;
    let high = ascending.length;
    while (key && low < high) {
      const mid = (low + high) >> 1;
      if (before(ascending[mid]!, key)) low = mid + 1;
      else high = mid;
    }
    if (direction === 'older') {
      for (let i = (key ? low : ascending.length) - 1; i >= 0; i -= 1) yield ascending[i]!.obj;
      return;
    }
    const exact = key && low < ascending.length && createdOf(ascending[low]!.obj) === key[0] && ascending[low]!.seq === key[1];
    for (let i = exact ? low + 1 : low; i < ascending.length; i += 1) yield ascending[i]!.obj;
  }

  /** Insertion order (invoice lines are listed in the order they were added). */
  inOrder(): T[] {
    return Array.from(this.items.values(), (e) => e.obj);
  }

  /**
   * The objects whose `field` equals `value`, in insertion order, from an index built on
   * first use. Only for fields an object never changes once stored (a line's invoice,
   * a refund's charge): a later change of the field would not move it in the index.
   */
  where(field: string, value: unknown): T[] {
    let index = this.indexes.get(field);
    if (!index) {
      index = new Map();
      for (const { obj } of this.items.values()) addTo(index, obj[field], obj.id);
      this.indexes.set(field, index);
    }
    return Array.from(index.get(value) ?? [], (id) => this.items.get(id)!.obj);
  }

  /** `where`, newest first (same order as `newestFirst` filtered by the field). */
  newestWhere(field: string, value: unknown): T[] {
    return this.where(field, value).sort((a, b) => createdOf(b) - createdOf(a) || this.items.get(b.id)!.seq - this.items.get(a.id)!.seq);
  }

  get size(): number {
    return this.items.size;
  }
}

function addTo(index: Map<unknown, Set<string>>, value: unknown, id: string): void {
  let ids = index.get(value);
  if (!ids) index.set(value, (ids = new Set()));
  ids.add(id);
}

function createdOf(obj: WireObject): number {
  return typeof obj.created === 'number' ? obj.created : 0;
}

export interface SimEmail {
  invoice: string;
  number: string | null;
  to: string;
  /** Simulated time, Unix seconds. */
  sent_at: number;
  /** `auto_advance`: Stripe's own collection sent it at finalization; `send`: POST /v1/invoices/{id}/send. */
  reason: 'auto_advance' | 'send';
}

export class SimStore {
  private seq = 0;
  readonly ids: IdGenerator;
  private readonly collections = new Map<string, Collection<WireObject>>();

  readonly customers = this.collection('cus', 'customer');
  readonly deletedCustomers = new Set<string>();
  readonly taxIds = this.collection('txi', 'tax_id');
  readonly taxRates = this.collection('txr', 'tax_rate');
  readonly products = this.collection('prod', 'product');
  readonly invoices = this.collection('in', 'invoice');
  readonly invoiceItems = this.collection('ii', 'invoiceitem');
  readonly lines = this.collection('il', 'line_item');
  readonly invoicePayments = this.collection('inpay', 'invoice_payment');
  readonly paymentIntents = this.collection('pi', 'payment_intent');
  readonly charges = this.collection('ch', 'charge');
  readonly refunds = this.collection('re', 'refund');
  readonly creditNotes = this.collection('cn', 'credit_note');
  readonly creditNoteLines = this.collection('cnli', 'credit_note_line_item');
  readonly balanceTransactions = this.collection('txn', 'balance_transaction');
  readonly disputes = this.collection('du', 'dispute');
  readonly payouts = this.collection('po', 'payout');
  readonly events = this.collection('evt', 'event');
  /** Which payout swept a balance transaction (balance transaction id → payout id). */
  readonly payoutOf = new Map<string, string>();
  /** Emails Stripe would have sent (test mode sends none): the `/_sim/` observable of emailing. */
  readonly emails: SimEmail[] = [];
  /**
   * Drafts that may auto-finalize (ids, superset): the only invoices the automatic work
   * looks at, so a request does not walk every invoice. Pruned there once finalized.
   */
  readonly autoFinalizing = new Set<string>();
  /** `days_until_due` is an invoice param, not a field of the object: kept here by invoice id. */
  readonly daysUntilDue = new Map<string, number>();

  constructor(seed: number) {
    this.ids = new IdGenerator(seed);
  }

  /** Finds any stored object by its id prefix (for expand). */
  findById(id: string): WireObject | undefined {
    const prefix = id.slice(0, id.indexOf('_'));
    return this.collections.get(prefix)?.get(id);
  }

  private collection(prefix: string, kind: string): Collection<WireObject> {
    const created = new Collection<WireObject>(kind, () => (this.seq += 1));
    this.collections.set(prefix, created);
    return created;
  }
}
