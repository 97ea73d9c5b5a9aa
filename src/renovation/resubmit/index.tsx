import { useState } from 'react';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { PageShell } from '../../components/PageShell';
import { Button, Input } from '../../components/nut';
import { ErrorNote, Loading } from '../../components/ui';
import { Field } from '../../components/Field';
import { Num, Nums } from '../../components/Num';
import { ApiError, call, type Input as In, type Output } from '../../api/client';
import { messageOf, needsLogin } from '../../lib/session';
import { canUploadPhotos } from '../../lib/files';
import { DocSlot } from '../components/DocSlot';
import '../renovation.scss';

type View_ = Output<'renovation', 'get'>;
type Docs = In<'renovation', 'resubmit'>['documents'];
type SingleKey = 'form' | 'licence' | 'qualification' | 'authority' | 'powerOfAttorney' | 'delegateId';
type WorkerEdit = { name: string; idNumber: string; photo: string; maskedId: string | null; edited: boolean };

/** Which upload answers which missing code the officer named (R-REN-6). */
const SLOTS: { key: SingleKey | 'drawings'; code: string; label: string }[] = [
  { key: 'form', code: 'form', label: '装修申请表' },
  { key: 'drawings', code: 'drawings', label: '装修图纸' },
  { key: 'licence', code: 'licence', label: '施工单位营业执照' },
  { key: 'qualification', code: 'qualification', label: '施工单位资质证书' },
  { key: 'authority', code: 'authority', label: '主管部门审批文件' },
  { key: 'powerOfAttorney', code: 'power_of_attorney', label: '业主委托书' },
  { key: 'delegateId', code: 'delegate_id', label: '受托人身份证件' },
];
const WORKER_CODES = ['workers', 'worker_id', 'worker_photo'];

/** After a return: the resident replaces what the officer asked for and sends the application again. */
export default function RenovationResubmit() {
  const router = useRouter();
  const id = router.params.id ?? '';
  const [v, setV] = useState<View_ | null>(null);
  const [changed, setChanged] = useState<Partial<Record<SingleKey | 'drawings', string[]>>>({});
  const [workers, setWorkers] = useState<WorkerEdit[] | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  useDidShow(() => {
    if (needsLogin() || !id || v) return;
    call('renovation', 'get', { id }).then(
      (r) => {
        setV(r);
        setWorkers(r.documents.workers.map((w) => ({ name: w.name, idNumber: '', photo: w.photo ?? '', maskedId: w.idNumber, edited: false })));
      },
      (e) => setError(messageOf(e)),
    );
  });

  if (!v || !workers)
    return (
      <PageShell>
        <View className='page-pad' style={{ paddingTop: '24px' }}>
          {error ? <ErrorNote text={error} id='resubmit-error' /> : <Loading />}
        </View>
      </PageShell>
    );

  const flagged = new Set<string>(v.missing.map((m) => m.code));
  const current = (k: SingleKey | 'drawings'): string[] => changed[k] ?? (k === 'drawings' ? v.documents.drawings : v.documents[k] ? [v.documents[k] as string] : []);
  // Slots the officer named come first; the others stay available to replace.
  const slots = SLOTS.filter((s) => (s.key !== 'powerOfAttorney' && s.key !== 'delegateId') || v.applicant === 'delegate' || flagged.has(s.code));
  const ordered = [...slots.filter((s) => flagged.has(s.code)), ...slots.filter((s) => !flagged.has(s.code))];
  const workersFlagged = v.missing.filter((m) => WORKER_CODES.includes(m.code as string));
  const workersEdited = workers.some((w) => w.edited);
  const setWorker = (i: number, patch: Partial<WorkerEdit>) => setWorkers((ws) => (ws ?? []).map((w, n) => (n === i ? { ...w, ...patch, edited: true } : w)));

  const send = async () => {
    // The register is replaced as a whole, and ID numbers are never sent back to the phone: a changed
    // register carries every worker's ID number again.
    if (workersEdited && workers.some((w) => w.name.trim() && !w.idNumber.trim())) {
      setError('修改施工人员登记时，请重新填写每位施工人员的身份证号，感谢您的配合');
      return;
    }
    setBusy(true);
    setError('');
    // The whole set as it now stands: what was kept and what was replaced.
    const documents: Docs = {};
    for (const s of SLOTS) {
      const val = current(s.key);
      if (s.key === 'drawings') {
        if (val.length) documents.drawings = val;
      } else if (val[0]) documents[s.key] = val[0];
    }
    if (workersEdited)
      documents.workers = workers
        .filter((w) => w.name.trim())
        .map((w) => ({ name: w.name.trim(), ...(w.idNumber.trim() ? { idNumber: w.idNumber.trim() } : {}), ...(w.photo ? { photo: w.photo } : {}) }));
    try {
      await call('renovation', 'resubmit', { id: v.id, documents });
      Taro.showToast({ title: '已重新提交，感谢您的配合', icon: 'none' });
      Taro.navigateBack().catch(() => Taro.redirectTo({ url: `/renovation/detail/index?id=${encodeURIComponent(v.id)}` }));
    } catch (e) {
      setError(e instanceof ApiError && e.missing?.length ? `还需要补充：${e.missing.map((m) => m.label).join('、')}` : messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <PageShell className='reno'>
      <View className='page-pad' style={{ paddingTop: '24px' }}>
        <View className='card' id='resubmit-missing'>
          <View className='card__title'>
            <Text>
              申请 <Num>{v.number}</Num> 需要补充
            </Text>
          </View>
          <View className='missing'>
            {v.missing.map((m, i) => (
              <View className='missing__item' key={i}>
                {m.label}
                {m.worker !== undefined ? `（施工人员 ${m.worker + 1}）` : ''}
              </View>
            ))}
          </View>
          {v.returnNote ? (
            <View className='notice notice--info'>
              装修管理员留言：<Nums>{v.returnNote}</Nums>
            </View>
          ) : null}
        </View>

        {canUploadPhotos ? (
          <View className='card'>
            <View className='card__title'>资料</View>
            {ordered.map((s) => (
              <DocSlot
                key={s.key}
                id={`resubmit-doc-${s.code}`}
                label={s.label}
                flagged={flagged.has(s.code)}
                max={s.key === 'drawings' ? 9 : 1}
                value={current(s.key)}
                onChange={(val) => setChanged((c) => ({ ...c, [s.key]: val }))}
              />
            ))}
          </View>
        ) : (
          <View className='notice notice--info'>小程序暂不支持上传资料，请在物业服务中心办理，感谢您的理解。</View>
        )}

        <View className={`card ${workersFlagged.length ? 'doc--flagged' : ''}`} id='resubmit-workers'>
          <View className='card__title'>施工人员</View>
          {workers.map((w, i) => (
            <View className='worker' key={i} id={`resubmit-worker-${i}`}>
              <View className='worker__head'>
                <Text>
                  {w.name}
                  {w.maskedId && !w.edited ? <Num className='muted'> {w.maskedId}</Num> : null}
                </Text>
              </View>
              <Field label='身份证号' hint={w.maskedId ? '（修改登记时请重新填写）' : ''} box='input' id={`resubmit-worker-${i}-id-field`}>
                <Input id={`resubmit-worker-${i}-id`} value={w.idNumber} onChange={(val) => setWorker(i, { idNumber: val })} placeholder='18 位身份证号' maxLength={18} />
              </Field>
              {canUploadPhotos ? <DocSlot id={`resubmit-worker-${i}-photo`} label='本人照片' value={w.photo ? [w.photo] : []} onChange={(val) => setWorker(i, { photo: val[0] ?? '' })} /> : null}
            </View>
          ))}
        </View>

        <ErrorNote text={error} id='resubmit-error' />
        <Button id='resubmit-send' type='primary' size='large' block loading={busy} disabled={!Object.keys(changed).length && !workersEdited} onClick={send}>
          {busy ? '正在提交…' : '重新提交审核'}
        </Button>
        <View className='draft-note'>补充后装修管理员会尽快重新审核，感谢您的耐心</View>
      </View>
    </PageShell>
  );
}
