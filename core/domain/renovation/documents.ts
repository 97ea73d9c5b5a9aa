import type { RenoDocuments, RenovationState } from './state';
import { DOCUMENT_LABELS, type Applicant, type DocumentCode, type MissingItem } from './vocabulary';

const item = (code: DocumentCode, worker?: number, name?: string): MissingItem =>
  worker === undefined ? { code, label: DOCUMENT_LABELS[code] } : { code, label: `${DOCUMENT_LABELS[code]}（${name}）`, worker };

/**
 * Pure: what an application still lacks (资料必须齐全, R-REN-2), in a stable order. The form, the plan,
 * the drawings, a worker register with an ID number and a photo per worker, the contractor's licence
 * and qualification; the housing authority's approval when the main structure changes (R-REN-3); the
 * power of attorney and the delegate's ID when a delegate applies (R-REN-1); the rules read (R-REN-4).
 */
export function missingDocuments(a: { applicant: Applicant; plan: string; structuralChange: boolean; rulesAccepted: boolean }, d: RenoDocuments): MissingItem[] {
  const out: MissingItem[] = [];
  if (!d.form) out.push(item('form'));
  if (!a.plan.trim()) out.push(item('plan'));
  if (d.drawings.length === 0) out.push(item('drawings'));
  if (d.workers.length === 0) out.push(item('workers'));
  d.workers.forEach((w, i) => {
    if (!w.idNumber) out.push(item('worker_id', i, w.name));
    if (!w.photo) out.push(item('worker_photo', i, w.name));
  });
  if (!d.licence) out.push(item('licence'));
  if (!d.qualification) out.push(item('qualification'));
  if (a.structuralChange && !d.authority) out.push(item('authority'));
  if (a.applicant === 'delegate') {
    if (!d.powerOfAttorney) out.push(item('power_of_attorney'));
    if (!d.delegateId) out.push(item('delegate_id'));
  }
  if (!a.rulesAccepted) out.push(item('rules_accepted'));
  return out;
}

/** What an officer names on a return (R-REN-6): codes, labelled. */
export const missingOfCodes = (codes: DocumentCode[]): MissingItem[] => [...new Set(codes)].map((c) => item(c));

/** The documents as given (fileIds; drawings one or several), normalised. */
export function documentsOf(d: {
  form?: string;
  drawings?: string | string[];
  workers?: { name: string; idNumber?: string; photo?: string }[];
  licence?: string;
  qualification?: string;
  authority?: string;
  powerOfAttorney?: string;
  delegateId?: string;
}): RenoDocuments {
  return {
    form: d.form ?? null,
    drawings: d.drawings === undefined ? [] : Array.isArray(d.drawings) ? [...new Set(d.drawings)] : [d.drawings],
    workers: (d.workers ?? []).map((w) => ({ name: w.name, idNumber: w.idNumber ?? null, photo: w.photo ?? null, passNumber: null })),
    licence: d.licence ?? null,
    qualification: d.qualification ?? null,
    authority: d.authority ?? null,
    powerOfAttorney: d.powerOfAttorney ?? null,
    delegateId: d.delegateId ?? null,
  };
}

/** Every uploaded file an application names (access checks: each must be the applicant's own upload). */
export function filesOf(d: RenoDocuments): string[] {
  const all = [d.form, ...d.drawings, ...d.workers.map((w) => w.photo), d.licence, d.qualification, d.authority, d.powerOfAttorney, d.delegateId];
  return [...new Set(all.filter((x): x is string => !!x))];
}

/**
 * An ID number as every view shows it (R-ACC-5: never in full after upload, to anyone): the first 3 and
 * the last 4 characters, the rest starred (110101199001011234 → 110***********1234).
 */
export function maskIdNumber(id: string | null): string | null {
  if (!id) return null;
  if (id.length <= 7) return '*'.repeat(id.length);
  return `${id.slice(0, 3)}${'*'.repeat(id.length - 7)}${id.slice(-4)}`;
}

/** Every file an application shows: its documents, closure-test and inspection photos, violation proofs. */
export function allFilesOf(s: RenovationState): string[] {
  const all = [
    ...filesOf(s.documents),
    ...s.closureTests.flatMap((t) => t.photos),
    ...s.inspections.flatMap((i) => i.photos),
    ...s.violations.flatMap((v) => [...v.proofs, ...v.resolutionProofs]),
  ];
  return [...new Set(all)];
}
