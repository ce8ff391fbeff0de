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
