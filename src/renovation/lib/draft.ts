import Taro from '@tarojs/taro';

/** One worker on the register (施工人员登记): the ID number is typed here and masked by the platform once sent. */
export interface WorkerDraft {
  name: string;
  idNumber: string;
  photo: string;
}

export interface DocsDraft {
  form: string;
  drawings: string[];
  licence: string;
  qualification: string;
  authority: string;
  powerOfAttorney: string;
  delegateId: string;
}

/** An application being filled in, kept on the phone per household until it is submitted. */
export interface Draft {
  step: number;
  requestId: string;
  rulesAccepted: boolean;
  rulesVersion: string;
  applicant: 'owner' | 'delegate';
  premises: 'home' | 'office';
  plan: string;
  areaM2: string;
  demolitionM2: string;
  structuralChange: boolean;
  secondRenovation: boolean;
  startDate: string;
  endDate: string;
  workers: WorkerDraft[];
  documents: DocsDraft;
}

export const emptyDocs = (): DocsDraft => ({ form: '', drawings: [], licence: '', qualification: '', authority: '', powerOfAttorney: '', delegateId: '' });
export const emptyWorker = (): WorkerDraft => ({ name: '', idNumber: '', photo: '' });

export const emptyDraft = (): Draft => ({
  step: 0,
  requestId: '',
  rulesAccepted: false,
  rulesVersion: '',
  applicant: 'owner',
  premises: 'home',
  plan: '',
  areaM2: '',
  demolitionM2: '',
  structuralChange: false,
  secondRenovation: false,
  startDate: '',
  endDate: '',
  workers: [emptyWorker()],
  documents: emptyDocs(),
});

const keyOf = (householdId: string) => `wuye.renovation.draft.${householdId}`;

/** The saved draft of this household (an empty one when there is none). */
export function loadDraft(householdId: string): Draft {
  try {
    const raw = Taro.getStorageSync(keyOf(householdId)) as string;
    if (!raw) return emptyDraft();
    const d = JSON.parse(raw) as Partial<Draft>;
    return { ...emptyDraft(), ...d, documents: { ...emptyDocs(), ...(d.documents ?? {}) }, workers: d.workers?.length ? d.workers : [emptyWorker()] };
  } catch {
    return emptyDraft();
  }
}

export const hasDraft = (householdId: string) => !!Taro.getStorageSync(keyOf(householdId));
export const saveDraft = (householdId: string, d: Draft) => Taro.setStorageSync(keyOf(householdId), JSON.stringify(d));
export const clearDraft = (householdId: string) => Taro.removeStorageSync(keyOf(householdId));

/** An ID number as it may be shown back on this phone before sending: 1101**********1234. */
export const maskId = (s: string) => (s.length > 8 ? `${s.slice(0, 4)}${'*'.repeat(s.length - 8)}${s.slice(-4)}` : s);
