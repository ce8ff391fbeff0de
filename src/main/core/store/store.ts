// The local store: one SQLite file in the data dir and a typed repository per table.
// Nothing outside store/ sees SQL; callers group writes with transaction().
import path from 'node:path';
import { openDatabase, type OpenOptions, type SqliteDatabase } from './open-database';
import { AuditRepository } from './repositories/audit-repository';
import { ConflictsRepository } from './repositories/conflicts-repository';
import { CursorsRepository } from './repositories/cursors-repository';
import { DeferredRepository } from './repositories/deferred-repository';
import { DerivedPaymentIdsRepository } from './repositories/derived-payment-ids-repository';
import { InvoiceChoicesRepository } from './repositories/invoice-choices-repository';
import { withStatementCache } from './repositories/statement-cache';
import { InvoiceJobsRepository } from './repositories/invoice-jobs-repository';
import { InvoicesRepository } from './repositories/invoices-repository';
import { LinksRepository } from './repositories/links-repository';
import { MirrorRepository } from './repositories/mirror-repository';
import { OutboxRepository } from './repositories/outbox-repository';
import { PaymentsRepository } from './repositories/payments-repository';
import { QuarantineRepository } from './repositories/quarantine-repository';
import { ReconciliationRepository } from './repositories/reconciliation-repository';
import { ReportsRepository } from './repositories/reports-repository';
import { SnapshotsRepository } from './repositories/snapshots-repository';
import { SyncRunsRepository } from './repositories/sync-runs-repository';

export const DATABASE_FILE = 'sm8sync.sqlite';

export interface StoreOptions extends OpenOptions {
  /** The clock every repository stamps rows with (UTC). */
  clock?: () => Date;
}

export class Store {
  readonly links: LinksRepository;
  readonly snapshots: SnapshotsRepository;
  readonly mirror: MirrorRepository;
  readonly cursors: CursorsRepository;
  readonly deferred: DeferredRepository;
  readonly outbox: OutboxRepository;
  readonly audit: AuditRepository;
  readonly conflicts: ConflictsRepository;
  readonly quarantine: QuarantineRepository;
  readonly reports: ReportsRepository;
  readonly runs: SyncRunsRepository;
  readonly invoices: InvoicesRepository;
  readonly payments: PaymentsRepository;
  readonly reconciliation: ReconciliationRepository;
  readonly invoiceJobs: InvoiceJobsRepository;
  readonly invoiceChoices: InvoiceChoicesRepository;
  readonly derivedPaymentIds: DerivedPaymentIdsRepository;

  private constructor(
    private readonly db: SqliteDatabase,
    readonly file: string,
    readonly backupPath: string | null,
    /** An in-memory copy of a read-only folder's database: nothing written reaches the file. */
    readonly readOnly: boolean,
    clock: () => Date,
  ) {
    const now = () => clock().toISOString();
    const cached = withStatementCache(db);
    this.links = new LinksRepository(cached, now);
    this.snapshots = new SnapshotsRepository(cached, now);
    this.mirror = new MirrorRepository(cached, now);
    this.cursors = new CursorsRepository(cached, now);
    this.deferred = new DeferredRepository(cached, now);
    this.outbox = new OutboxRepository(cached, now);
    this.audit = new AuditRepository(cached, now);
    this.conflicts = new ConflictsRepository(cached, now);
    this.quarantine = new QuarantineRepository(cached, now);
    this.reports = new ReportsRepository(db, now);
    this.runs = new SyncRunsRepository(cached, now);
    this.invoices = new InvoicesRepository(db, now);
    this.payments = new PaymentsRepository(db, now);
    this.reconciliation = new ReconciliationRepository(db, now);
    this.invoiceJobs = new InvoiceJobsRepository(cached, now);
    this.invoiceChoices = new InvoiceChoicesRepository(cached, now);
    this.derivedPaymentIds = new DerivedPaymentIdsRepository(cached);
  }

  /** Opens (creating or migrating) the store in a data dir. */
  static open(dataDir: string, options: StoreOptions = {}): Store {
    return Store.openFile(path.join(dataDir, DATABASE_FILE), options);
  }

  static openFile(file: string, options: StoreOptions = {}): Store {
    const { db, backupPath, readOnly } = openDatabase(file, options);
    return new Store(db, file, backupPath, readOnly, options.clock ?? (() => new Date()));
  }

  /** Runs `work` atomically: everything or nothing reaches the file. */
  transaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
