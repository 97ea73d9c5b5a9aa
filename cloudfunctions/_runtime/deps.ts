import type { Deps } from '../../core/ports/runtime';
import type { Spreadsheets } from '../../core/ports/spreadsheets';
import { cloudDepsFromEnv, type CloudStorageOpener, type PaymentsOpener } from './cloudbase';
import { jsonLineLog } from './log';
import { openCloudStore } from './openStore';

let configured: Deps | null = null;
let cloud: Deps | null = null;
let storage: CloudStorageOpener | undefined;
let sheets: Spreadsheets | undefined;
let payments: PaymentsOpener | undefined;

/**
 * A function whose actions need cloud storage (photos, exports) provides it before its first call; the others
 * never load the CloudBase SDK (it would be most of their bundle).
 */
export function provideCloudStorage(open: CloudStorageOpener) {
  storage = open;
}

/** A function whose actions read or write workbooks (`setup`) provides them; the others never bundle exceljs. */
export function provideSpreadsheets(s: Spreadsheets) {
  sheets = s;
}

/** A function that pays or settles (`fee`, `payNotify`, `sla`) provides WeChat Pay; the others never bundle it. */
export function providePayments(open: PaymentsOpener) {
  payments = open;
}

/** The local platform wires its own adapters once at start; a deployed function never calls this. */
export function configureRuntime(deps: Deps) {
  configured = deps;
}

/**
 * The adapters a function runs with: the local platform's when it configured them, otherwise the
 * CloudBase bootstrap's, built from the environment on the first call and kept at module scope for
 * the instance's life (one connection pool, reused across invocations).
 */
export function runtimeDeps(): Deps {
  return configured ?? (cloud ??= { ...cloudDepsFromEnv(process.env, openCloudStore, jsonLineLog, storage, payments), ...(sheets ? { sheets } : {}) });
}
