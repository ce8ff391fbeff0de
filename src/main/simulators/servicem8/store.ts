// The simulator's in-memory database: one insertion-ordered table per object, holding
// records exactly as they go over the wire. Insertion order is the page order, so an
// update during a paged walk never moves a record to another page.
import { existsSync, readFileSync, writeFileSync, renameSync } from 'node:fs';
import { OBJECTS, withDefaults } from './objects';

export type WireValue = string | number;
export type WireRecord = Record<string, WireValue>;

interface StoreFile {
  version: 1;
  tables: Record<string, WireRecord[]>;
}

export class SimulatorStore {
  private readonly tables = new Map<string, Map<string, WireRecord>>();

  constructor() {
    for (const name of Object.keys(OBJECTS)) this.tables.set(name, new Map());
  }

  table(object: string): Map<string, WireRecord> {
    const table = this.tables.get(object);
    if (!table) throw new Error(`unknown object ${object}`);
    return table;
  }

  get(object: string, uuid: string): WireRecord | undefined {
    return this.table(object).get(uuid);
  }

  /** Every record of an object in page order, inactive ones included. */
  list(object: string): WireRecord[] {
    return [...this.table(object).values()];
  }

  /** Inserts or replaces a record (a replaced record keeps its position). */
  put(object: string, record: WireRecord): void {
    const uuid = record.uuid;
    if (typeof uuid !== 'string' || uuid === '') throw new Error(`${object} record without uuid`);
    this.table(object).set(uuid, record);
  }

  /** The vendor (account) record; the simulator serves exactly one account. */
  vendor(): WireRecord | undefined {
    return this.list('vendor')[0];
  }

  count(object: string): number {
    return this.table(object).size;
  }

  toJSON(): StoreFile {
    const tables: Record<string, WireRecord[]> = {};
    for (const [name, table] of this.tables) tables[name] = [...table.values()];
    return { version: 1, tables };
  }

  load(data: unknown): void {
    const file = data as Partial<StoreFile> | null;
    if (!file || file.version !== 1 || typeof file.tables !== 'object' || file.tables === null) {
      throw new Error('not a ServiceM8 simulator data file (expected {"version":1,"tables":{…}})');
    }
    for (const [name, records] of Object.entries(file.tables)) {
      if (!OBJECTS[name]) continue;
      // A file saved before a field was simulated gets that field's default, as a fresh record would.
      for (const record of records) this.put(name, withDefaults(name, record));
    }
  }

  /** Loads from a JSON file; returns false when the file does not exist yet. */
  loadFile(file: string): boolean {
    if (!existsSync(file)) return false;
    this.load(JSON.parse(readFileSync(file, 'utf8')) as unknown);
    return true;
  }

  /** Writes through a temporary file so a crash mid-write never leaves half a file. */
  saveFile(file: string): void {
    const temporary = `${file}.tmp`;
    writeFileSync(temporary, JSON.stringify(this.toJSON()));
    renameSync(temporary, file);
  }
}
