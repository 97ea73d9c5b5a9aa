import { useEffect, useState } from 'react';
import { messageOf, needsLogin, type Me } from '../../lib/session';
import { may, type Permission } from '../../lib/workbench';
import { isoAt } from '../../lib/format';
import { serverNow, syncClock } from '../../lib/clock';
import { downloadFile } from '../../lib/spreadsheet';

/** `YYYY-MM-DD` for a day, `YYYY-MM` for a month, in Shanghai time. */
const periodAt = (unit: 'day' | 'month', at: number) => isoAt(at).slice(0, unit === 'day' ? 10 : 7);

/**
 * A workbench page about one period (the cashier's day book, the monthly report): the period shown,
 * starting at the platform's today; its data, loaded once the signed-in staff member may read it; and
 * its .xlsx export. Pass `onMe` to WbShell.
 */
export function usePeriodSheet<T>(opts: {
  unit: 'day' | 'month';
  permission: Permission;
  load: (period: string) => Promise<T>;
  exportSheet: (period: string) => Promise<{ fileId: string; name: string; url?: string }>;
}) {
  const [period, setPeriod] = useState(() => periodAt(opts.unit, serverNow()));
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState('');
  const [exporting, setExporting] = useState(false);
  const [me, setMe] = useState<Me | null>(null);

  useEffect(() => {
    if (needsLogin() || !me || !may(me, opts.permission)) return;
    setData(null);
    opts.load(period).then(
      (d) => {
        setData(d);
        setError('');
      },
      (e) => setError(messageOf(e)),
    );
  }, [period, me]); // `load` is a new closure each render; the period and the reader decide what to load

  const onMe = (m: Me) => {
    // The platform's clock decides what "today" is (a test clock, a PC with the wrong time).
    syncClock().then(() => {
      setPeriod(periodAt(opts.unit, serverNow()));
      setMe(m);
    });
  };
  const onExport = async () => {
    setExporting(true);
    try {
      await downloadFile(await opts.exportSheet(period));
      setError('');
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setExporting(false);
    }
  };
  return { period, setPeriod, data, error, exporting, onMe, onExport, current: periodAt(opts.unit, serverNow()) };
}
