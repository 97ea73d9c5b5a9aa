import { MYSQL_P95_GOAL_MS, MYSQL_POOL, type MysqlIntakeResult, type MysqlRun } from './mysqlIntake';
import { fmt, table } from './table';

const ms = (x: number) => (Number.isFinite(x) ? fmt.ms(x) : '—');
const per = (x: number, n: number) => (n > 0 && Number.isFinite(x) ? (x / n).toFixed(2) : '—');

/** The latency rows of §6: baseline and gateway side by side at each rate. */
function latencyRows(r: MysqlIntakeResult): string[][] {
  const top = Math.max(...r.runs.map((y) => y.rate));
  const rates = [...new Set(r.runs.map((x) => x.rate))];
  const row = (x: MysqlRun) => {
    const met = x.p95 < MYSQL_P95_GOAL_MS && x.errors === 0;
    const goal = x.rate === top && x.side === 'gateway';
    return [
      `${fmt.int(x.rate)}/s`,
      x.side,
      `${fmt.int(x.ok)} / ${fmt.int(x.sent)}`,
      `${fmt.int(x.ok / (x.elapsedMs / 1000))}/s`,
      ms(x.p50),
      ms(x.p95),
      ms(x.p99),
      ms(x.max),
      x.errors ? `${fmt.int(x.errors)} (${Object.entries(x.failures).map(([k, n]) => `${k}×${n}`).join(', ')})` : '0',
      ms(x.maxLagMs),
      goal ? (met ? 'MET' : 'NOT MET') : met ? 'p95 and errors ok' : 'over',
    ];
  };
  return rates.flatMap((rate) => r.runs.filter((x) => x.rate === rate).sort((a, b) => a.side.localeCompare(b.side)).map(row));
}

/** CPU per committed row: the servers' node processes, mysqld, the generator; what that allows on these CPUs; mysqld's counters. */
function cpuRows(r: MysqlIntakeResult, cpus: number): string[][] {
  return r.runs.map((x) => {
    const c = x.cpu;
    const ours = c.nodeMs + c.mysqldMs + c.loadMs;
    const total = ours / c.rows;
    const waits = c.status.Innodb_row_lock_waits;
    return [
      x.side,
      `${fmt.int(x.rate)}/s`,
      fmt.int(c.rows),
      per(c.nodeMs, c.rows),
      per(c.mysqldMs, c.rows),
      per(c.loadMs, c.rows),
      Number.isFinite(total) ? total.toFixed(2) : '—',
      Number.isFinite(total) && total > 0 ? `${fmt.int((cpus * 1000) / total)}/s` : '—',
      `${fmt.pct(c.loadedOursMs / (c.loadedMs * cpus))} / ${fmt.pct(c.loadedHostMs / (c.loadedMs * cpus))}`,
      per(c.status.Questions, c.rows),
      `${per(waits, c.rows)}${waits ? ` (${(c.status.Innodb_row_lock_time / waits).toFixed(0)} ms each)` : ''}`,
      c.settled ? 'yes' : 'no (still busy)',
    ];
  });
}

/** The report lines of §6. */
export function mysqlIntakeReport(r: MysqlIntakeResult, cpus: number): string[] {
  const gw = r.runs.filter((x) => x.side === 'gateway');
  const s = r.settings;
  const out = [
    '',
    `Intake on MariaDB ${r.server} (throwaway server on loopback; innodb_flush_log_at_trx_commit=${s.innodb_flush_log_at_trx_commit ?? '?'}, sync_binlog=${s.sync_binlog ?? '?'}, log_bin=${s.log_bin ?? '?'}), ` +
      `open loop at each rate for ${r.seconds} s, round robin over ${r.processes} processes per side, ${MYSQL_POOL} connections each; latency timed from when each request was due; ` +
      `${cpus} CPUs shared by the load, the processes and mysqld (load average ${r.loadavg[0].toFixed(2)} before, ${r.loadavg[1].toFixed(2)} after)`,
    `  gateway: POST /fn/case {action:'submit'} as ${r.residents === 1 ? 'resident-a' : `${r.residents} residents in turn`} on the platform (bench/serve-mysql.ts); baseline: bare node:http + mysql2, parse, BEGIN/INSERT one padded row/COMMIT, same-size answer (bench/baseline-mysql.ts); the baseline's rates run first`,
    table(['rate', 'server', 'ok / sent', 'answered', 'p50', 'p95', 'p99', 'max', 'errors', 'generator lag max', `goal p95 < ${MYSQL_P95_GOAL_MS} ms, 0 errors`], latencyRows(r)),
    `CPU per committed row, from /proc/<pid>/stat around each run (until the answers were in and the servers idle; an overloaded gateway is waited for ≤ 1 s); ` +
      `CPU ceiling = ${cpus} CPUs × 1,000 ms ÷ (node + mysqld + generator) per row; busy = these processes (servers, mysqld, generator) / the whole host (/proc/stat), share of ${cpus} CPUs while the requests were out; ` +
      `statements and row lock waits per row from mysqld's SHOW GLOBAL STATUS (Questions, Innodb_row_lock_waits, Innodb_row_lock_time)`,
    table(['server', 'rate', 'rows', 'node ms/row', 'mysqld ms/row', 'generator ms/row', 'total ms/row', 'CPU ceiling', 'busy: ours / host', 'statements/row', 'row lock waits/row', 'settled'], cpuRows(r, cpus)),
    `cases in the database from the gateway's measured runs: ${fmt.int(r.casesInDb)} for ${fmt.int(r.okTotal)} successful answers` +
      (r.casesInDb === r.okTotal ? ' (none lost, none duplicated)' : ' (requests that timed out may still have been committed)'),
  ];
  for (const x of r.runs) if (x.firstFailure) out.push(`! ${x.side} ${x.rate}/s first failure: ${x.firstFailure}`);
  if (gw.length === 0) out.push('! no gateway run');
  return out;
}
