/**
 * Calls as the demo users (by key) through the real gateway, and readers of the case view, for the
 * suites that drive whole workflows.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Harness } from './harness';

type Body = Record<string, unknown>;
/** A case as the functions answer it (contract §3 case fields). */
export type CaseView = Record<string, any>;
export interface DeadlineView {
  name: string;
  dueAt: string;
  metAt?: string;
  breached: boolean;
  paused: boolean;
  warned: boolean;
}

/** `call` → { status, body }; `ok` → the data of a call that must succeed; `refusal` → [status, code]. */
export function callsAs(harness: () => Pick<Harness, 'call' | 'login'>) {
  const call = async (user: string, fn: string, body: Body) => harness().call(await harness().login(user), fn, body);
  const ok = async (user: string, fn: string, body: Body): Promise<CaseView> => {
    const r = await call(user, fn, body);
    if (!r.body.ok) throw new Error(`${fn}.${String(body.action)} as ${user}: ${r.status} ${JSON.stringify(r.body.error)}`);
    return r.body.data;
  };
  const refusal = async (user: string, fn: string, body: Body) => {
    const r = await call(user, fn, body);
    return [r.status, r.body.error?.code ?? 'ok'];
  };
  /** The case as the front desk reads it, with its timeline. */
  const get = (id: string) => ok('frontdesk', 'workbench', { action: 'get', id });
  return { call, ok, refusal, get };
}

export const deadlineOf = (c: CaseView, name: string) => (c.deadlines as DeadlineView[]).find((d) => d.name === name);
export const timelineTypes = (c: CaseView) => (c.timeline as { type: string }[]).map((t) => t.type);
export const countOf = (c: CaseView, type: string) => timelineTypes(c).filter((t) => t === type).length;

const TINY_PNG = path.join(__dirname, '../fixtures/tiny.png');

/** Uploads the test fixture photo as a demo user through `POST /local/upload` → its fileId. */
export async function uploadPhotoAs(h: Pick<Harness, 'url' | 'login'>, user: string): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(fs.readFileSync(TINY_PNG))], { type: 'image/png' }), 'photo.png');
  const res = await fetch(`${h.url}/local/upload`, { method: 'POST', body: form, headers: { authorization: `Bearer ${await h.login(user)}` } });
  if (res.status !== 200) throw new Error(`upload failed: ${res.status}`);
  return ((await res.json()) as { fileId: string }).fileId;
}

/**
 * What the mini-program does, against the local platform's stand-in storage: puts the fixture photo at
 * `cloudPath` (default: where `file.uploadPath` says) as `user` → the `cloud://` fileID (not registered).
 */
export async function cloudUploadAs(h: Pick<Harness, 'url' | 'login'>, user: string, cloudPath?: string): Promise<string> {
  const token = await h.login(user);
  let where = cloudPath;
  if (!where) {
    const res = await fetch(`${h.url}/fn/file`, { method: 'POST', body: JSON.stringify({ action: 'uploadPath', ext: 'png' }), headers: { authorization: `Bearer ${token}` } });
    if (res.status !== 200) throw new Error(`file.uploadPath failed: ${res.status}`);
    where = ((await res.json()) as { data: { cloudPath: string } }).data.cloudPath;
  }
  const put = await fetch(`${h.url}/local/cloud/upload/${where}`, { method: 'PUT', body: new Uint8Array(fs.readFileSync(TINY_PNG)), headers: { authorization: `Bearer ${token}` } });
  if (put.status !== 200) throw new Error(`cloud upload failed: ${put.status}`);
  return ((await put.json()) as { data: { fileID: string } }).data.fileID;
}

/** Uploads the fixture photo to (stand-in) cloud storage and registers it (`file.register`) → its fileId. */
export async function cloudPhotoAs(h: Pick<Harness, 'url' | 'login'>, user: string): Promise<string> {
  const cloudId = await cloudUploadAs(h, user);
  const res = await fetch(`${h.url}/fn/file`, {
    method: 'POST',
    body: JSON.stringify({ action: 'register', requestId: `reg-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`, fileId: cloudId }),
    headers: { authorization: `Bearer ${await h.login(user)}` },
  });
  if (res.status !== 200) throw new Error(`file.register failed: ${res.status}`);
  return ((await res.json()) as { data: { fileId: string } }).data.fileId;
}
