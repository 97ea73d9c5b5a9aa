import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button, Input, TextArea } from '../../components/nut';
import { ErrorNote, Photos } from '../../components/ui';
import { Field } from '../../components/Field';
import { Num, Nums } from '../../components/Num';
import { PhotoField, usePhotos } from '../../components/PhotoField';
import { call } from '../../api/client';
import { canUploadPhotos } from '../../lib/files';
import { yuanToFen } from '../../lib/money';
import { DOCUMENT_LABELS, INSPECTION_ITEMS, INSPECTION_ITEM_LABELS, type DocumentCode, type InspectionItem } from '../../../core/domain/renovation/vocabulary';
import { yuan } from '../../renovation/lib/format';
import type { RenoView } from './types';
import { useAct, YesNo, type Done } from './act';

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
