/**
 * `npm run rebuild [-- --check] [-- --db <file>]`: rebuilds every `cases` row of the local store from
 * `case_events` (the source of truth, R-INT-4) in one transaction — state, status, owner, next_due_at,
 * urgent_at — with the current rules and each community's SLA settings. Old snapshots are rebuilt
 * this way, never read with fallbacks. `--check` compares and reports, writing nothing (exit 1 when
 * anything differs). The store is `$DATA_DIR/wuye.sqlite` (DATA_DIR defaults to `.data`, as `npm run api`).
 */
import { rebuildCommand } from './rebuild-command';

rebuildCommand(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
