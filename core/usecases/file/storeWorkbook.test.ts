import type { CloudStorage, FileStore } from '../../ports/files';
import { XLSX_MIME } from '../../ports/spreadsheets';
import { EXPORT_URL_SECONDS, storeWorkbook } from './storeWorkbook';

const w = { fileId: 'f_abc', name: '月度报表-2026-11.xlsx', bytes: new Uint8Array([0x50, 0x4b, 3, 4]) };
const io = { openid: null, now: 0 };

describe('storing an export after the commit', () => {
  it('the local platform keeps the bytes itself: read back through /local/file/<fileId>, no URL', async () => {
    const put: unknown[] = [];
    const files: FileStore = { put: async (...a) => void put.push(a), get: async () => undefined };
    expect(await storeWorkbook({ ...io, files }, w)).toEqual({ ok: true, data: { fileId: 'f_abc', name: w.name } });
    expect(put).toEqual([['f_abc', w.bytes, XLSX_MIME]]);
  });

  it('a deployed function: the workbook goes to cloud storage under exports/, its maker gets a temporary URL', async () => {
    const saved: unknown[] = [];
    const cloud: CloudStorage = {
      envId: 'env-1',
      inspect: async () => undefined,
      read: async () => undefined,
      save: async (p, b) => (saved.push([p, b]), `cloud://env-1.bucket/${p}`),
      urlOf: async (f, s) => `https://bucket.example/${f.cloudId}?t=${s}`,
    };
    expect(await storeWorkbook({ ...io, cloud }, w)).toEqual({ ok: true, data: { fileId: 'f_abc', name: w.name, url: `https://bucket.example/cloud://env-1.bucket/exports/f_abc.xlsx?t=${EXPORT_URL_SECONDS}` } });
    expect(saved).toEqual([['exports/f_abc.xlsx', w.bytes]]);
  });

  it('no storage at all (or storage that cannot take uploads): INTERNAL, nothing claimed', async () => {
    expect(await storeWorkbook(io, w)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    const readOnly: CloudStorage = { envId: 'e', inspect: async () => undefined, read: async () => undefined, urlOf: async () => 'x' };
    expect(await storeWorkbook({ ...io, cloud: readOnly }, w)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});
