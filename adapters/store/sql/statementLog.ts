import type { LogEvent } from 'kysely';

/**
 * Records the statements each transaction sends to the database, as the driver executes them
 * (Kysely's `log` hook: every statement that reaches the connection, BEGIN and COMMIT included, failed
 * ones too). Over a network each one is a round trip; tests hold the hot paths to a budget with it.
 * It reads transactions one after another: SQLite's one connection, or calls made one at a time (on a
 * MySQL pool, transactions running at once would interleave here).
 */
export class StatementLog {
  /** Finished transactions, oldest first: each one's statements from BEGIN to COMMIT/ROLLBACK. */
  readonly transactions: string[][] = [];
  /** Statements sent outside any transaction (a lone read: autocommit), oldest first. */
  readonly single: string[] = [];
  private current: string[] | null = null;

  /** For `new Kysely({ log })` (or call it with each executed statement's SQL text). */
  readonly hook = (event: LogEvent | string) => {
    const text = typeof event === 'string' ? event : event.query.sql;
    const head = text.trimStart().slice(0, 8).toLowerCase();
    if (head.startsWith('begin') || head.startsWith('start tr')) this.current = [];
    if (this.current) this.current.push(text);
    else this.single.push(text);
    if (this.current && (head.startsWith('commit') || (head.startsWith('rollback') && !/^\s*rollback\s+to\b/i.test(text)))) {
      this.transactions.push(this.current);
      this.current = null;
    }
  };

  /** The statements between BEGIN and COMMIT of the transactions that ran one matching `pattern`. */
  inside(pattern: RegExp): string[][] {
    return this.transactions.filter((t) => t.some((s) => pattern.test(s))).map((t) => t.slice(1, -1));
  }

  /** Every statement sent: those of the transactions (BEGIN and COMMIT included) and the lone ones. */
  get statements(): number {
    return this.transactions.reduce((n, t) => n + t.length, 0) + this.single.length;
  }

  clear() {
    this.transactions.length = 0;
    this.single.length = 0;
  }
}
