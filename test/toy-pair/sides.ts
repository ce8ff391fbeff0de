// Two in-memory "services" for the toy pair: ServiceM8 checklists and Stripe notes,
// each a change feed by sequence number. Outside the process in spirit: the pair
// reaches them only through these methods.
export interface ToyRecord {
  id: string;
  text: string;
  seq: number;
}

export class ToySide {
  readonly records = new Map<string, ToyRecord>();
  writes = 0;
  private seq = 0;

  constructor(private readonly prefix: string) {}

  add(text: string, id = `${this.prefix}${this.records.size + 1}`): ToyRecord {
    const record = { id, text, seq: ++this.seq };
    this.records.set(id, record);
    return record;
  }

  edit(id: string, text: string): void {
    const record = this.records.get(id);
    if (!record) throw new Error(`no ${id}`);
    this.records.set(id, { ...record, text, seq: ++this.seq });
  }

  changedSince(cursor: string | null): { records: ToyRecord[]; cursor: string } {
    const after = cursor === null ? 0 : Number(cursor);
    const records = [...this.records.values()].filter((r) => r.seq > after).map((r) => ({ ...r }));
    return { records, cursor: String(Math.max(after, ...records.map((r) => r.seq))) };
  }

  /** Creates under a key: the same key twice is one record (as an idempotent API would). */
  create(text: string, key: string): ToyRecord {
    const existing = [...this.records.values()].find((r) => r.id === `${this.prefix}k-${key}`);
    if (existing) return existing;
    this.writes += 1;
    return this.add(text, `${this.prefix}k-${key}`);
  }

  write(id: string, text: string): void {
    this.writes += 1;
    this.edit(id, text);
  }
}
