import type { CloudStorage } from '../../ports/files';
import { MAX_REGISTER_BYTES } from '../file/upload';
import { fetchCloudRegister } from './cloudRegisterFile';

/** The cloud path of setup.importHouseholds' `before` step, with a fake storage that records its reads. */
const ENV = 'env-1a';
const OWN = 'o_manager';
const id = (owner: string, name = 'p_abcdefgh.xlsx', env = ENV) => `cloud://${env}.6c6f-${env}-1300/uploads/${owner}/${name}`;
/** The shape sniffXlsx looks for: a zip local header first, `xl/workbook.xml` named in the directory. */
const xlsx = new Uint8Array([0x50, 0x4b, 3, 4, ...new Array(30).fill(0), ...Buffer.from('xl/workbook.xml')]);

function storage(objects: Record<string, Uint8Array | 'too_large'>) {
  const reads: [string, number][] = [];
  const cloud: CloudStorage = {
    envId: ENV,
    inspect: async () => undefined,
    urlOf: async () => undefined,
    read: async (cloudId, maxBytes) => (reads.push([cloudId, maxBytes]), objects[cloudId]),
  };
  return { cloud, reads };
}
const io = (cloud: CloudStorage | undefined, openid: string | null = OWN) => ({ cloud, openid, now: 0 });

describe('fetchCloudRegister', () => {
  it("reads the caller's own upload whole, at most the register's limit", async () => {
    const { cloud, reads } = storage({ [id(OWN)]: xlsx });
    expect(await fetchCloudRegister(io(cloud), id(OWN))).toEqual({ bytes: xlsx, configured: true, cloud: true });
    expect(reads).toEqual([[id(OWN), MAX_REGISTER_BYTES]]);
    expect(MAX_REGISTER_BYTES).toBe(5 * 1024 * 1024);
  });

  it("another user's prefix or another environment is FILE.NOT_FOUND without reading; a missing file too", async () => {
    const { cloud, reads } = storage({ [id('o_other')]: xlsx, [id(OWN, undefined, 'env-2b')]: xlsx });
    for (const fileId of [id('o_other'), id(OWN, undefined, 'env-2b'), 'cloud://env-1a.b/exports/p_abcdefgh.xlsx']) {
      expect((await fetchCloudRegister(io(cloud), fileId)).refused?.error.code).toBe('FILE.NOT_FOUND');
    }
    expect(reads).toEqual([]);
    expect((await fetchCloudRegister(io(cloud, null), id(OWN))).refused?.error.code).toBe('FILE.NOT_FOUND');
    const gone = await fetchCloudRegister(io(cloud), id(OWN, 'p_nothing1.xlsx'));
    expect(gone.refused?.error).toMatchObject({ code: 'FILE.NOT_FOUND', fields: { file: '未找到该表格，请重新选择并上传' } });
  });

  it('too large is FILE.TOO_LARGE; bytes that are no .xlsx are FILE.UNSUPPORTED_TYPE', async () => {
    const { cloud } = storage({ [id(OWN, 'p_big00000.xlsx')]: 'too_large', [id(OWN, 'p_png00000.xlsx')]: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new Array(40).fill(1)]) });
    expect((await fetchCloudRegister(io(cloud), id(OWN, 'p_big00000.xlsx'))).refused?.error).toMatchObject({ code: 'FILE.TOO_LARGE', fields: { file: expect.stringContaining('5MB') } });
    expect((await fetchCloudRegister(io(cloud), id(OWN, 'p_png00000.xlsx'))).refused?.error.code).toBe('FILE.UNSUPPORTED_TYPE');
  });

  it('no cloud storage in this deployment: not configured (the import answers INTERNAL)', async () => {
    expect(await fetchCloudRegister(io(undefined), id(OWN))).toEqual({ bytes: null, configured: false });
  });
});
