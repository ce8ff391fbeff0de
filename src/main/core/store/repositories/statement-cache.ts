// Prepares each SQL text once per connection: the money and reconciliation repositories
// run the same statements thousands of times in a sync or a report.
import type { Statement } from 'better-sqlite3';
import type { SqliteDatabase } from '../open-database';

export class StatementCache {
  private readonly statements = new Map<string, Statement>();

  constructor(private readonly db: SqliteDatabase) {}

  get(sql: string): Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}

/**
 * The connection as repositories see it, with `prepare` answered from a cache: the sync's
 * hot paths (outbox, links, audit, mirror) run a handful of SQL texts once per record, and
 * preparing each anew was a fifth of a first sync's CPU. Only for repositories that
 * neither iterate a statement nor switch its mode (`raw`, `pluck`), which a shared
 * statement would carry over to its next user.
 */
export function withStatementCache(db: SqliteDatabase): SqliteDatabase {
  const cache = new StatementCache(db);
  return new Proxy(db, {
    get(target, property) {
      if (property === 'prepare') return (sql: string) => cache.get(sql);
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
