import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button, Input, TextArea } from '../../components/nut';
import { Chips, ErrorNote, Photos } from '../../components/ui';
import { Field } from '../../components/Field';
import { Toggle } from '../../components/Toggle';
import { Num, Nums } from '../../components/Num';
import { PhotoField, usePhotos } from '../../components/PhotoField';
import { call } from '../../api/client';
import { messageOf } from '../../lib/session';
import { canUploadPhotos } from '../../lib/files';
import { isoAt } from '../../lib/format';
import { serverNow } from '../../lib/clock';
import { yuanToFen } from '../../lib/money';
import { DOCUMENT_LABELS, INSPECTION_ITEMS, INSPECTION_ITEM_LABELS, type DocumentCode, type InspectionItem } from '../../../core/domain/renovation/vocabulary';
import { yuan } from '../../renovation/lib/format';
import type { RenoView } from './types';

type Done = (next: RenoView | null, message: string) => void;
const DAY = 86_400_000;

/** Runs one officer action with a busy flag and the platform's polite word on failure. */
function useAct() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const run = async (f: () => Promise<void>) => {
    setBusy(true);
    setError('');
    try {
      await f();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, run };
}

/** The review checklist (R-REN-2, R-REN-3, R-REN-6): each item as submitted, flagged when missing or wrong. */
export function ReviewCard({ v, onDone }: { v: RenoView; onDone: Done }) {
  const [flags, setFlags] = useState<DocumentCode[]>(v.missing.map((m) => m.code));
  const [note, setNote] = useState('');
  const [internal, setInternal] = useState('');
  const act = useAct();
  const d = v.documents;
  const pics = (ids: (string | null)[]) => ids.filter((x): x is string => !!x);
  const rows: { codes: DocumentCode[]; label: string; body: JSX.Element | string | null }[] = [
    { codes: ['form'], label: DOCUMENT_LABELS.form, body: pics([d.form]).length ? <Photos ids={pics([d.form])} idPrefix='wbr-doc-form' /> : null },
    { codes: ['plan'], label: DOCUMENT_LABELS.plan, body: v.plan ? <Nums>{v.plan}</Nums> : null },
    { codes: ['drawings'], label: DOCUMENT_LABELS.drawings, body: d.drawings.length ? <Photos ids={d.drawings} idPrefix='wbr-doc-drawings' /> : null },
    {
      codes: ['workers', 'worker_id', 'worker_photo'],
      label: DOCUMENT_LABELS.workers,
      body: d.workers.length ? `${d.workers.length} 人：${d.workers.map((w) => `${w.name}${w.idNumber ? '' : '（无身份证号）'}${w.photo ? '' : '（无照片）'}`).join('、')}` : null,
    },
    { codes: ['licence'], label: DOCUMENT_LABELS.licence, body: pics([d.licence]).length ? <Photos ids={pics([d.licence])} idPrefix='wbr-doc-licence' /> : null },
    { codes: ['qualification'], label: DOCUMENT_LABELS.qualification, body: pics([d.qualification]).length ? <Photos ids={pics([d.qualification])} idPrefix='wbr-doc-qualification' /> : null },
    {
      codes: ['authority'],
      label: `主管部门审批文件（申报${v.structuralChange ? '拆改' : '不拆改'}主体结构）`,
      body: pics([d.authority]).length ? <Photos ids={pics([d.authority])} idPrefix='wbr-doc-authority' /> : null,
    },
    {
      codes: ['power_of_attorney', 'delegate_id'],
      label: `委托书与受托人证件（${v.applicant === 'delegate' ? '受托人申请' : '业主本人申请'}）`,
      body: pics([d.powerOfAttorney, d.delegateId]).length ? <Photos ids={pics([d.powerOfAttorney, d.delegateId])} idPrefix='wbr-doc-poa' /> : null,
    },
    { codes: ['rules_accepted'], label: '装修规定与协议', body: v.rulesAccepted ? '已阅读并同意' : null },
  ];
  const toggle = (c: DocumentCode) => setFlags((f) => (f.includes(c) ? f.filter((x) => x !== c) : [...f, c]));
  const FLAG_WORDS: Partial<Record<DocumentCode, string>> = { worker_id: '身份证号有误', worker_photo: '照片不合格', delegate_id: '证件缺失' };

  const decide = (decision: 'approve' | 'return') =>
    act.run(async () => {
      const r = await call('renovation', 'review', {
        id: v.id,
        decision,
        ...(decision === 'return' && flags.length ? { missing: flags } : {}),
        ...(decision === 'return' && note.trim() ? { note: note.trim() } : {}),
        ...(internal.trim() ? { internalNote: internal.trim() } : {}),
      });
      onDone(r as RenoView, decision === 'approve' ? '已批准，许可证与出入证已发放' : '已退回，住户会收到补充提醒');
    });

  return (
    <View className='card' id='wbr-review'>
      <View className='card__title'>资料审核</View>
      <View className='act__hint'>请逐项核对；缺少或有误的请标记，退回时住户会看到这份清单。</View>
      {rows.map((r) => {
        const on = r.codes.some((c) => flags.includes(c));
        return (
          <View className={`rv-row ${on ? 'rv-row--flagged' : ''}`} key={r.codes[0]} id={`wbr-row-${r.codes[0]}`}>
            <View className='rv-row__label'>{r.label}</View>
            <View className='rv-row__body'>{r.body ?? <View className='rv-row__none'>未提供</View>}</View>
            <View className='rv-row__flag'>
              {r.codes.map((c) => (
                <View key={c} className={`flag-btn ${flags.includes(c) ? 'flag-btn--on' : ''}`} id={`wbr-flag-${c}`} role='checkbox' aria-checked={flags.includes(c) ? 'true' : 'false'} onClick={() => toggle(c)}>
                  {flags.includes(c) ? '✓ ' : ''}
                  {FLAG_WORDS[c] ?? '缺少或有误'}
                </View>
              ))}
            </View>
          </View>
        );
      })}
      <Field label='给住户的说明（退回时）' box='area' id='wbr-return-note-field'>
        <TextArea id='wbr-return-note' value={note} onChange={setNote} placeholder='如：资质证书已过期，请上传有效期内的证书' maxLength={500} rows={2} autoSize />
      </Field>
      <Field label='内部备注（住户不可见）' box='area' id='wbr-review-internal-field'>
        <TextArea id='wbr-review-internal' value={internal} onChange={setInternal} placeholder='选填' maxLength={500} rows={2} autoSize />
      </Field>
      <ErrorNote text={act.error} id='wbr-review-error' />
      <View className='btn-pair'>
        <Button id='wbr-return' loading={act.busy} onClick={() => decide('return')}>
          退回补充{flags.length ? `（${flags.length} 项）` : ''}
        </Button>
        <Button id='wbr-approve' type='primary' loading={act.busy} disabled={flags.length > 0} onClick={() => decide('approve')}>
          批准
        </Button>
      </View>
    </View>
  );
}

const YesNo = ({ id, value, onChange, yes = '合格', no = '不合格' }: { id: string; value: '' | 'yes' | 'no'; onChange: (v: 'yes' | 'no') => void; yes?: string; no?: string }) => (
  <Chips idPrefix={id} value={value} onChange={(x) => x && onChange(x)} options={[{ value: 'yes' as const, label: yes }, { value: 'no' as const, label: no }]} />
);

/** 闭水试验 (R-REN-7): the result, whether the owner was there, and what was seen. */
export function ClosureCard({ v, onDone }: { v: RenoView; onDone: Done }) {
  const [passed, setPassed] = useState<'' | 'yes' | 'no'>('');
  const [owner, setOwner] = useState(true);
  const [note, setNote] = useState('');
  const act = useAct();
  const save = () =>
    act.run(async () => {
      if (!passed) {
        act.setError('请选择闭水试验结果');
        return;
      }
      if (!note.trim()) {
        act.setError('请填写闭水试验情况');
        return;
      }
      const r = await call('renovation', 'closureTest', { id: v.id, passed: passed === 'yes', ownerPresent: owner, note: note.trim() });
      setNote('');
      setPassed('');
      onDone(r as RenoView, '闭水试验已记录');
    });
  return (
    <View className='card act' id='wbr-closure-card'>
      <View className='card__title'>记录闭水试验</View>
      <View className='act__hint'>蓄水 24 小时，与业主共同查看楼下有无渗漏，贴砖前完成。</View>
      <Field label='结果' id='wbr-closure-passed-field'>
        <YesNo id='wbr-closure-passed' value={passed} onChange={setPassed} yes='无渗漏，合格' no='有渗漏，不合格' />
      </Field>
      <View className='check-item'>
        <Text className='check-item__label'>业主（或受托人）在场</Text>
        <Toggle id='wbr-closure-owner' label='业主在场' checked={owner} onChange={setOwner} />
      </View>
      <Field label='情况说明' required box='area' id='wbr-closure-note-field'>
        <TextArea id='wbr-closure-note' value={note} onChange={setNote} placeholder='如：卫生间、厨房蓄水 24 小时，楼下无渗漏' maxLength={500} rows={2} autoSize />
      </Field>
      <ErrorNote text={act.error} id='wbr-closure-error' />
      <Button id='wbr-closure-save' type='primary' block loading={act.busy} onClick={save}>
        记录闭水试验
      </Button>
    </View>
  );
}

/** 装修巡查 (R-REN-8): the checklist, photos, findings and the overall result. */
export function InspectCard({ v, onDone }: { v: RenoView; onDone: Done }) {
  const [checks, setChecks] = useState<Record<InspectionItem, 'yes' | 'no'>>(() => Object.fromEntries(INSPECTION_ITEMS.map((i) => [i, 'yes'])) as Record<InspectionItem, 'yes' | 'no'>);
  const [findings, setFindings] = useState('');
  const [passed, setPassed] = useState<'' | 'yes' | 'no'>('');
  const act = useAct();
  const photos = usePhotos({ progress: true, onError: act.setError });
  const save = () =>
    act.run(async () => {
      if (!passed) {
        act.setError('请选择本次巡查结果');
        return;
      }
      if (!findings.trim()) {
        act.setError('请填写巡查情况');
        return;
      }
      const r = await call('renovation', 'inspect', {
        id: v.id,
        passed: passed === 'yes',
        findings: findings.trim(),
        checklist: Object.fromEntries(INSPECTION_ITEMS.map((i) => [i, checks[i] === 'yes'])),
        ...(photos.fileIds.length ? { photos: photos.fileIds } : {}),
      });
      setFindings('');
      setPassed('');
      onDone(r as RenoView, '巡查已记录');
    });
  return (
    <View className='card act' id='wbr-inspect-card'>
      <View className='card__title'>记录巡查</View>
      {INSPECTION_ITEMS.map((i) => (
        <View className='check-item' key={i} id={`wbr-check-${i}`}>
          <Text className='check-item__label'>{INSPECTION_ITEM_LABELS[i]}</Text>
          <YesNo id={`wbr-check-${i}`} value={checks[i]} onChange={(x) => setChecks((c) => ({ ...c, [i]: x }))} yes='符合' no='不符合' />
        </View>
      ))}
      <Field label='巡查情况' required box='area' id='wbr-inspect-findings-field'>
        <TextArea id='wbr-inspect-findings' value={findings} onChange={setFindings} placeholder='如：水电改造中，施工人员佩证，公共区域已做保护' maxLength={1000} rows={3} autoSize />
      </Field>
      {canUploadPhotos ? <PhotoField photos={photos} idPrefix='wbr-inspect' label='现场照片' hint='（选填）' /> : null}
      <Field label='本次巡查结果' id='wbr-inspect-passed-field'>
        <YesNo id='wbr-inspect-passed' value={passed} onChange={setPassed} />
      </Field>
      <ErrorNote text={act.error} id='wbr-inspect-error' />
      <Button id='wbr-inspect-save' type='primary' block loading={act.busy} disabled={photos.uploading > 0} onClick={save}>
        记录巡查
      </Button>
    </View>
  );
}

/** 装修违章处理通知单 (R-REN-9): what is wrong and the deadline to put it right. */
export function ViolationCard({ v, onDone }: { v: RenoView; onDone: Done }) {
  const [desc, setDesc] = useState('');
  const [day, setDay] = useState(() => isoAt(serverNow() + 3 * DAY).slice(0, 10));
  const [stop, setStop] = useState(false);
  const act = useAct();
  const save = () =>
    act.run(async () => {
      if (!desc.trim()) {
        act.setError('请填写违章情况');
        return;
      }
      if (!/^\d{4}-\d{2}-\d{2}$/.test(day.trim())) {
        act.setError('请按 YYYY-MM-DD 填写整改期限');
        return;
      }
      const r = await call('renovation', 'violation', { id: v.id, description: desc.trim(), deadline: `${day.trim()}T18:00:00+08:00`, stopOrder: stop });
      setDesc('');
      onDone(r as RenoView, '整改通知已发出');
    });
  return (
    <View className='card act' id='wbr-violation-card'>
      <View className='card__title'>违章整改通知</View>
      <Field label='违章情况' required box='area' id='wbr-violation-desc-field'>
        <TextArea id='wbr-violation-desc' value={desc} onChange={setDesc} placeholder='如：未经申报在阳台外墙开孔，请恢复原状' maxLength={1000} rows={3} autoSize />
      </Field>
      <Field label={<>整改期限（当日 <Num>18:00</Num> 前）</>} required box='input' id='wbr-violation-deadline-field'>
        <Input id='wbr-violation-deadline' value={day} onChange={setDay} placeholder='YYYY-MM-DD' maxLength={10} />
      </Field>
      <View className='check-item'>
        <Text className='check-item__label'>停工整改</Text>
        <Toggle id='wbr-violation-stop' label='停工整改' checked={stop} onChange={setStop} />
      </View>
      <ErrorNote text={act.error} id='wbr-violation-error' />
      <Button id='wbr-violation-save' block loading={act.busy} onClick={save}>
        发出整改通知
      </Button>
    </View>
  );
}

/** 竣工验收 (R-REN-10): deductions for work not put right, then the refund the platform works out. */
export function AcceptCard({ v, onDone }: { v: RenoView; onDone: Done }) {
  const [rows, setRows] = useState<{ reason: string; amount: string }[]>([]);
  const [result, setResult] = useState<{ refundFen: number; deductedFen: number } | null>(null);
  const act = useAct();
  const set = (i: number, patch: Partial<{ reason: string; amount: string }>) => setRows((rs) => rs.map((r, n) => (n === i ? { ...r, ...patch } : r)));
  const save = () =>
    act.run(async () => {
      const deductions: { reason: string; amountFen: number }[] = [];
      for (const r of rows) {
        if (!r.reason.trim() && !r.amount.trim()) continue;
        const fen = yuanToFen(r.amount);
        if (!r.reason.trim() || fen === null || fen <= 0) {
          act.setError('请填写每项扣款的原因和金额（元，最多 2 位小数）');
          return;
        }
        deductions.push({ reason: r.reason.trim(), amountFen: fen });
      }
      const out = await call('renovation', 'accept', { id: v.id, ...(deductions.length ? { deductions } : {}) });
      setResult({ refundFen: out.refundFen, deductedFen: out.deductedFen });
      onDone(null, '竣工验收已完成');
    });
  return (
    <View className='card act' id='wbr-accept-card'>
      <View className='card__title'>竣工验收</View>
      <View className='act__hint'>不符合要求且未整改的项目，可从押金中扣除相应费用；其余押金与证件费由平台计算后原路退还。</View>
      {rows.map((r, i) => (
        <View className='ded-row' key={i} id={`wbr-ded-${i}`}>
          <View className='field__box'>
            <Input id={`wbr-ded-${i}-reason`} value={r.reason} onChange={(x) => set(i, { reason: x })} placeholder='扣款原因' maxLength={100} />
          </View>
          <View className='field__box' style={{ maxWidth: '200px' }}>
            <Input id={`wbr-ded-${i}-amount`} type='digit' value={r.amount} onChange={(x) => set(i, { amount: x })} placeholder='金额（元）' maxLength={9} />
          </View>
          <Text className='link-btn' id={`wbr-ded-${i}-remove`} onClick={() => setRows((rs) => rs.filter((_, n) => n !== i))}>
            删除
          </Text>
        </View>
      ))}
      <View style={{ margin: '8px 0 20px' }}>
        <Text className='link-btn' id='wbr-ded-add' onClick={() => setRows((rs) => [...rs, { reason: '', amount: '' }])}>
          + 添加扣款项
        </Text>
      </View>
      <ErrorNote text={act.error} id='wbr-accept-error' />
      <Button id='wbr-accept' type='primary' block loading={act.busy} onClick={save}>
        确认验收
      </Button>
      {result ? (
        <View className='refund-box' id='wbr-accept-result'>
          {result.deductedFen ? (
            <View>
              扣除 <Num>{yuan(result.deductedFen)}</Num>
            </View>
          ) : null}
          退还住户
          <Num className='refund-box__amount' id='wbr-accept-refund'>
            {yuan(result.refundFen)}
          </Num>
        </View>
      ) : null}
    </View>
  );
}

/** A notice still standing (R-REN-9): put right, or — ignored past its deadline — reported in writing to the authority. */
export function ResolveViolationCard({ v, onDone }: { v: RenoView; onDone: Done }) {
  const standing = v.violations.filter((x) => x.status === 'open' || x.status === 'report_due');
  const [note, setNote] = useState('');
  const act = useAct();
  if (!standing.length) return null;
  const x = standing[0];
  const resolve = (outcome: 'rectified' | 'reported') =>
    act.run(async () => {
      if (!note.trim()) {
        act.setError('请填写处理情况');
        return;
      }
      const r = await call('renovation', 'resolveViolation', { id: v.id, violationId: x.id, outcome, note: note.trim() });
      setNote('');
      onDone(r as RenoView, outcome === 'rectified' ? '已记录整改完成' : '已记录书面上报');
    });
  return (
    <View className='card act' id='wbr-resolve-card'>
      <View className='card__title'>违章处理结果</View>
      <View className='act__hint'>
        <Nums>{x.description}</Nums>（{x.statusLabel}）
      </View>
      <Field label='处理情况' required box='area' id='wbr-resolve-note-field'>
        <TextArea id='wbr-resolve-note' value={note} onChange={setNote} placeholder='如：外墙开孔已封堵，复查合格' maxLength={1000} rows={2} autoSize />
      </Field>
      <ErrorNote text={act.error} id='wbr-resolve-error' />
      <View className='btn-pair'>
        <Button id='wbr-resolve-reported' loading={act.busy} onClick={() => resolve('reported')}>
          已书面上报主管部门
        </Button>
        <Button id='wbr-resolve-rectified' type='primary' loading={act.busy} onClick={() => resolve('rectified')}>
          已整改
        </Button>
      </View>
    </View>
  );
}
