/**
 * Reads back a QR code drawn by src/fee/lib/qr.ts (a 1-bit PNG data URL with a 4-module quiet zone) and
 * compares it, module by module, with the code the `qrcode` package makes of `text` (as one UTF-8 byte
 * segment, as the app encodes it): the picture shows exactly that text.
 */
import zlib from 'node:zlib';
import { create } from 'qrcode';

/** The dark modules of a QR code drawn by src/fee/lib/qr.ts (a 1-bit PNG, 4-module quiet zone), read back. */
export function readQr(dataUrl: string, modules: number): boolean[][] {
  const png = Buffer.from(dataUrl.split(',')[1], 'base64');
  let at = 8;
  let width = 0;
  let idat = Buffer.alloc(0);
  while (at < png.length) {
    const len = png.readUInt32BE(at);
    const type = png.toString('ascii', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + len);
    if (type === 'IHDR') width = data.readUInt32BE(0);
    if (type === 'IDAT') idat = Buffer.concat([idat, data]);
    at += 12 + len;
  }
  const raw = zlib.inflateSync(idat);
  const rowBytes = Math.ceil(width / 8);
  const scale = width / (modules + 8);
  const out: boolean[][] = [];
  for (let my = 0; my < modules; my++) {
    const row: boolean[] = [];
    for (let mx = 0; mx < modules; mx++) {
      const x = Math.floor((mx + 4 + 0.5) * scale);
      const y = Math.floor((my + 4 + 0.5) * scale);
      row.push(((raw[y * (rowBytes + 1) + 1 + (x >> 3)] >> (7 - (x & 7))) & 1) === 0);
    }
    out.push(row);
  }
  return out;
}


export function expectQrOf(dataUrl: string, text: string) {
  expect(dataUrl).toMatch(/^data:image\/png;base64,/);
  const qr = create([{ data: new Uint8Array(Buffer.from(text, 'utf8')), mode: 'byte' }], { errorCorrectionLevel: 'M' });
  const want = Array.from({ length: qr.modules.size }, (_, y) => Array.from({ length: qr.modules.size }, (__, x) => !!qr.modules.get(y, x)));
  expect(readQr(dataUrl, qr.modules.size)).toEqual(want);
}
