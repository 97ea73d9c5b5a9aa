import { useEffect, useState } from 'react';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { PageShell } from '../../components/PageShell';
import { HouseholdField, ResidentGate } from '../../components/ResidentGate';
import { Button, Input, TextArea } from '../../components/nut';
import { Chips, ErrorNote, Loading } from '../../components/ui';
import { Field } from '../../components/Field';
import { DateField } from '../../components/DateField';
import { Toggle } from '../../components/Toggle';
import { Num } from '../../components/Num';
import { ApiError, call, newRequestId, type Output } from '../../api/client';
import { messageOf } from '../../lib/session';
import { canUploadPhotos } from '../../lib/files';
import { serverNow, syncClock } from '../../lib/clock';
import { isoAt, roomLabel } from '../../lib/format';
import { APPLICANT_LABELS, APPLICANTS, PREMISES, PREMISES_LABELS } from '../../../core/domain/renovation/vocabulary';
import { Steps } from '../components/Steps';
import { DocSlot } from '../components/DocSlot';
import { FeeLines } from '../components/FeeLines';
import { clearDraft, emptyWorker, loadDraft, maskId, saveDraft, type Draft, type WorkerDraft } from '../lib/draft';
import { dayLabel } from '../lib/format';
import '../renovation.scss';

const STEPS = ['基本信息', '施工人员', '资料上传', '费用确认', '提交'];
type Quote = Output<'renovation', 'quote'>;
type Applied = Output<'renovation', 'apply'>;
type Missing = { code: string; label: string; worker?: number };

const DAY = 86_400_000;
const area = (s: string) => (s.trim() === '' ? undefined : Number(s.trim()));
const areaOk = (s: string) => /^\d{1,6}(\.\d{1,2})?$/.test(s.trim());

/** The renovation application in five steps; every change is kept as this household's draft until it is submitted. */
export default function RenovationApply() {
  const router = useRouter();
  const [householdId, setHouseholdId] = useState(router.params.householdId ?? '');
  const [d, setD] = useState<Draft | null>(null);
  const [error, setError] = useState('');
  const [missing, setMissing] = useState<Missing[]>([]);
  const [quote, setQuote] = useState<Quote | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<Applied | null>(null);

  const restore = (hid: string) => {
    const draft = loadDraft(hid);
    if (!draft.rulesAccepted) {
      // The rules come first (R-REN-4): nothing is filled in before they are read and agreed to.
      Taro.redirectTo({ url: `/renovation/rules/index?householdId=${encodeURIComponent(hid)}` });
      return;
    }
    if (!draft.startDate) {
      const today = serverNow();
      draft.startDate = isoAt(today + DAY).slice(0, 10);
      draft.endDate = isoAt(today + 61 * DAY).slice(0, 10);
    }
    if (!draft.requestId) draft.requestId = newRequestId();
    setD(draft);
  };

  useDidShow(() => {
    syncClock();
  });

  // Every change is saved at once: leaving the page (or the app) loses nothing.
  useEffect(() => {
    if (d && householdId && !done) saveDraft(householdId, d);
  }, [d, householdId, done]);

  const set = (patch: Partial<Draft>) => setD((cur) => (cur ? { ...cur, ...patch } : cur));
  const setDoc = (k: keyof Draft['documents'], v: string[]) => setD((cur) => (cur ? { ...cur, documents: { ...cur.documents, [k]: k === 'drawings' ? v : (v[0] ?? '') } } : cur));
  const setWorker = (i: number, patch: Partial<WorkerDraft>) => setD((cur) => (cur ? { ...cur, workers: cur.workers.map((w, n) => (n === i ? { ...w, ...patch } : w)) } : cur));

  const go = (step: number) => {
    setError('');
    set({ step });
    Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined);
  };

  const checkStep = (draft: Draft): string => {
    if (draft.step === 0) {
      if (!draft.plan.trim()) return '请填写装修方案，简要说明装修的房间和内容';
      if (!areaOk(draft.areaM2)) return '请填写装修面积（平方米，最多 2 位小数）';
      if (draft.demolitionM2.trim() && !areaOk(draft.demolitionM2)) return '拆墙面积请填写数字（平方米，最多 2 位小数）';
      if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.startDate) || !/^\d{4}-\d{2}-\d{2}$/.test(draft.endDate)) return '请选择开工和完工日期';
    }
    if (draft.step === 1 && draft.workers.some((w) => !w.name.trim())) return '请填写每位施工人员的姓名，或删除空白的登记';
    return '';
  };

  const loadQuote = async (draft: Draft) => {
    setQuote(null);
    try {
      const q = await call('renovation', 'quote', {
        householdId,
        areaM2: area(draft.areaM2) ?? 0,
        ...(area(draft.demolitionM2) !== undefined ? { demolitionM2: area(draft.demolitionM2) } : {}),
        secondRenovation: draft.secondRenovation,
        premises: draft.premises,
        workers: draft.workers.filter((w) => w.name.trim()).length,
      });
      setQuote(q);
    } catch (e) {
      setError(messageOf(e));
    }
  };

  // 费用确认 (also when the draft is restored there): the platform works the fees out from the form.
  const step = d?.step;
  useEffect(() => {
    if (step === 3 && d && householdId) loadQuote(d);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [step, householdId]);

  const next = () => {
    if (!d) return;
    const problem = checkStep(d);
    if (problem) {
      setError(problem);
      return;
    }
    go(d.step + 1);
  };

  const submit = async () => {
    if (!d) return;
    setBusy(true);
    setError('');
    setMissing([]);
    const docs = d.documents;
    try {
      const r = await call('renovation', 'apply', {
        requestId: d.requestId,
        householdId,
        applicant: d.applicant,
        premises: d.premises,
        plan: d.plan.trim(),
        structuralChange: d.structuralChange,
        areaM2: area(d.areaM2) ?? 0,
        ...(area(d.demolitionM2) !== undefined ? { demolitionM2: area(d.demolitionM2) } : {}),
        secondRenovation: d.secondRenovation,
        startDate: d.startDate,
        endDate: d.endDate,
        rulesAccepted: d.rulesAccepted,
        documents: {
          ...(docs.form ? { form: docs.form } : {}),
          ...(docs.drawings.length ? { drawings: docs.drawings } : {}),
          workers: d.workers
            .filter((w) => w.name.trim())
            .map((w) => ({ name: w.name.trim(), ...(w.idNumber.trim() ? { idNumber: w.idNumber.trim() } : {}), ...(w.photo ? { photo: w.photo } : {}) })),
          ...(docs.licence ? { licence: docs.licence } : {}),
          ...(docs.qualification ? { qualification: docs.qualification } : {}),
          ...(docs.authority ? { authority: docs.authority } : {}),
          ...(d.applicant === 'delegate' && docs.powerOfAttorney ? { powerOfAttorney: docs.powerOfAttorney } : {}),
          ...(d.applicant === 'delegate' && docs.delegateId ? { delegateId: docs.delegateId } : {}),
        },
      });
      clearDraft(householdId);
      setDone(r);
      set({ step: 4 });
    } catch (e) {
      if (e instanceof ApiError && e.missing?.length) setMissing(e.missing);
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  // Dates are chosen from today on (community time); the platform checks that the work ends after it starts.
  const today = isoAt(serverNow()).slice(0, 10);
  return (
    <ResidentGate
      idPrefix='apply'
      action='办理装修申请'
      padLoading
      onLoad={(me) => {
        const hid = me.households.some((h) => h.id === householdId) ? householdId : me.households[0].id;
        setHouseholdId(hid);
        if (!d) restore(hid);
      }}
    >
      {(me) =>
        !d ? (
          <PageShell>
            <Loading />
          </PageShell>
        ) : (
          <PageShell className='reno'>
            <View className='page-pad' style={{ paddingTop: '24px' }}>
              <View className='card'>
                <Steps steps={STEPS} current={d.step} id='apply-steps' />
              </View>

              {d.step === 0 ? (
                <View className='card' id='apply-step-basic'>
                  <View className='card__title'>基本信息</View>
                  <HouseholdField
                    idPrefix='apply'
                    label='装修房屋'
                    variant='radio'
                    households={me.households}
                    value={householdId}
                    onChange={(id) => {
                      setHouseholdId(id);
                      restore(id);
                    }}
                  />
                  <Field label='申请人' id='apply-applicant-field'>
                    <Chips idPrefix='apply-applicant' value={d.applicant} onChange={(v) => v && set({ applicant: v })} options={APPLICANTS.map((a) => ({ value: a, label: APPLICANT_LABELS[a] }))} />
                  </Field>
                  <Field label='房屋用途' id='apply-premises-field'>
                    <Chips idPrefix='apply-premises' value={d.premises} onChange={(v) => v && set({ premises: v })} options={PREMISES.map((p) => ({ value: p, label: PREMISES_LABELS[p] }))} />
                  </Field>
                  <Field label='装修方案' required box='area' id='apply-plan-field'>
                    <TextArea id='apply-plan' value={d.plan} onChange={(v) => set({ plan: v })} placeholder='请简要说明装修的房间和内容，如：厨房、卫生间翻新，更换地砖，重做防水' maxLength={1000} showCount rows={4} autoSize />
                  </Field>
                  <View className='pair'>
                    <Field label='装修面积（m²）' required box='input' id='apply-area-field'>
                      <Input id='apply-area' type='digit' value={d.areaM2} onChange={(v) => set({ areaM2: v })} placeholder='如 89.50' maxLength={9} />
                    </Field>
                    <Field label='拆墙面积（m²）' hint='选填' box='input' id='apply-demolition-field'>
                      <Input id='apply-demolition' type='digit' value={d.demolitionM2} onChange={(v) => set({ demolitionM2: v })} placeholder='不拆墙可不填' maxLength={9} />
                    </Field>
                  </View>
                  <View className='pair'>
                    <Field label='开工日期' required box='input' id='apply-start-field'>
                      <DateField mode='date' value={d.startDate || today} start={today} onChange={(v) => set({ startDate: v })} label='开工日期'>
                        <View className={`date-pick ${d.startDate ? '' : 'date-pick--empty'}`} id='apply-start'>
                          {d.startDate ? <Num>{dayLabel(d.startDate)}</Num> : '选择日期'}
                        </View>
                      </DateField>
                    </Field>
                    <Field label='完工日期' required box='input' id='apply-end-field'>
                      <DateField mode='date' value={d.endDate || d.startDate || today} start={today} onChange={(v) => set({ endDate: v })} label='完工日期'>
                        <View className={`date-pick ${d.endDate ? '' : 'date-pick--empty'}`} id='apply-end'>
                          {d.endDate ? <Num>{dayLabel(d.endDate)}</Num> : '选择日期'}
                        </View>
                      </DateField>
                    </Field>
                  </View>
                  <View className='switch-row'>
                    <View className='grow'>
                      <View className='switch-row__text'>拆改主体结构</View>
                      <View className='muted'>如拆除承重墙、梁柱，或明显增加楼面荷载</View>
                    </View>
                    <Toggle id='apply-structural' label='拆改主体结构' checked={d.structuralChange} onChange={(v) => set({ structuralChange: v })} />
                  </View>
                  <View className='switch-row'>
                    <View className='grow'>
                      <View className='switch-row__text'>二次装修</View>
                      <View className='muted'>房屋此前已装修过</View>
                    </View>
                    <Toggle id='apply-second' label='二次装修' checked={d.secondRenovation} onChange={(v) => set({ secondRenovation: v })} />
                  </View>
                </View>
              ) : null}

              {d.step === 1 ? (
                <View className='card' id='apply-step-workers'>
                  <View className='card__title'>
                    施工人员登记
                    <Text className='card__hint'>每位施工人员请填写身份证号并上传本人照片，用于办理出入证</Text>
                  </View>
                  {d.workers.map((w, i) => (
                    <View className='worker' key={i} id={`apply-worker-${i}`}>
                      <View className='worker__head'>
                        <Text>施工人员 {i + 1}</Text>
                        {d.workers.length > 1 ? (
                          <Text className='link' id={`apply-worker-${i}-remove`} onClick={() => set({ workers: d.workers.filter((_, n) => n !== i) })}>
                            删除
                          </Text>
                        ) : null}
                      </View>
                      <Field label='姓名' required box='input' id={`apply-worker-${i}-name-field`}>
                        <Input id={`apply-worker-${i}-name`} value={w.name} onChange={(v) => setWorker(i, { name: v })} placeholder='与身份证一致' maxLength={20} />
                      </Field>
                      <Field label='身份证号' box='input' id={`apply-worker-${i}-id-field`}>
                        <Input id={`apply-worker-${i}-id`} value={w.idNumber} onChange={(v) => setWorker(i, { idNumber: v })} placeholder='18 位身份证号' maxLength={18} />
                      </Field>
                      {canUploadPhotos ? <DocSlot id={`apply-worker-${i}-photo`} label='本人照片' value={w.photo ? [w.photo] : []} onChange={(v) => setWorker(i, { photo: v[0] ?? '' })} /> : null}
                    </View>
                  ))}
                  <Button id='apply-add-worker' block onClick={() => set({ workers: [...d.workers, emptyWorker()] })}>
                    + 添加施工人员
                  </Button>
                </View>
              ) : null}

              {d.step === 2 ? (
                <View className='card' id='apply-step-docs'>
                  <View className='card__title'>
                    资料上传
                    <Text className='card__hint'>请拍照或扫描后上传，字迹清晰即可</Text>
                  </View>
                  {canUploadPhotos ? (
                    <>
                      <DocSlot id='apply-doc-form' label='装修申请表' required value={d.documents.form ? [d.documents.form] : []} onChange={(v) => setDoc('form', v)} />
                      <DocSlot id='apply-doc-drawings' label='装修图纸' required hint='（可上传多张）' max={9} value={d.documents.drawings} onChange={(v) => setDoc('drawings', v)} />
                      <DocSlot id='apply-doc-licence' label='施工单位营业执照' required value={d.documents.licence ? [d.documents.licence] : []} onChange={(v) => setDoc('licence', v)} />
                      <DocSlot id='apply-doc-qualification' label='施工单位资质证书' required value={d.documents.qualification ? [d.documents.qualification] : []} onChange={(v) => setDoc('qualification', v)} />
                      <DocSlot id='apply-doc-authority' label='主管部门审批文件' hint='（拆改主体结构时提供）' value={d.documents.authority ? [d.documents.authority] : []} onChange={(v) => setDoc('authority', v)} />
                      {d.applicant === 'delegate' ? (
                        <>
                          <DocSlot id='apply-doc-poa' label='业主委托书' required value={d.documents.powerOfAttorney ? [d.documents.powerOfAttorney] : []} onChange={(v) => setDoc('powerOfAttorney', v)} />
                          <DocSlot id='apply-doc-delegate' label='受托人身份证件' required value={d.documents.delegateId ? [d.documents.delegateId] : []} onChange={(v) => setDoc('delegateId', v)} />
                        </>
                      ) : null}
                    </>
                  ) : (
                    <View className='notice notice--info'>小程序暂不支持上传资料，请在物业服务中心办理，感谢您的理解。</View>
                  )}
                </View>
              ) : null}

              {d.step === 3 ? (
                <>
                  <View className='card' id='apply-step-fees'>
                    <View className='card__title'>装修费用</View>
                    {quote ? <FeeLines fees={quote.fees} totalFen={quote.totalFen} refundableFen={quote.refundableFen} id='apply-fees' /> : error ? null : <View className='muted'>正在计算费用…</View>}
                    <View className='muted' style={{ marginTop: '16px' }}>
                      申请批准后，费用会生成一张账单，您可以在「缴费」中在线缴纳。
                    </View>
                  </View>
                  <View className='card' id='apply-summary'>
                    <View className='card__title'>请核对申请信息</View>
                    <View className='doc-list__row'>
                      <Text className='grow'>装修房屋</Text>
                      <Num>{roomLabel(householdId)}</Num>
                    </View>
                    <View className='doc-list__row'>
                      <Text className='grow'>申请人</Text>
                      <Text>{APPLICANT_LABELS[d.applicant]}</Text>
                    </View>
                    <View className='doc-list__row'>
                      <Text className='grow'>工期</Text>
                      <Text>
                        <Num>{dayLabel(d.startDate)}</Num> 至 <Num>{dayLabel(d.endDate)}</Num>
                      </Text>
                    </View>
                    <View className='doc-list__row'>
                      <Text className='grow'>装修面积</Text>
                      <Num>{d.areaM2} m²</Num>
                    </View>
                    {d.workers
                      .filter((w) => w.name.trim())
                      .map((w, i) => (
                        <View className='doc-list__row' key={i} id={`apply-summary-worker-${i}`}>
                          <Text className='grow'>施工人员 {w.name}</Text>
                          <Num>{w.idNumber ? maskId(w.idNumber) : '未填身份证号'}</Num>
                        </View>
                      ))}
                  </View>
                </>
              ) : null}

              {d.step === 4 && done ? (
                <View className='card' id='apply-done'>
                  <View className='reno-status'>
                    <View className='grow'>
                      <View className='reno-status__word'>提交成功</View>
                      <View className='reno-status__next'>
                        感谢您的配合！您的装修申请 <Num id='apply-done-number'>{done.number}</Num> 已提交，装修管理员会尽快审核，结果会通过消息通知您。
                      </View>
                    </View>
                  </View>
                  <View style={{ marginTop: '28px' }}>
                    <Button id='apply-done-view' type='primary' size='large' block onClick={() => Taro.redirectTo({ url: `/renovation/detail/index?id=${encodeURIComponent(done.id)}` })}>
                      查看申请进度
                    </Button>
                  </View>
                </View>
              ) : null}

              {missing.length ? (
                <View className='notice notice--warn' id='apply-missing'>
                  还需要补充：
                  <View className='missing'>
                    {missing.map((m, i) => (
                      <View className='missing__item' key={i}>
                        {m.label}
                        {m.worker !== undefined ? `（施工人员 ${m.worker + 1}）` : ''}
                      </View>
                    ))}
                  </View>
                </View>
              ) : null}
              <ErrorNote text={error} id='apply-error' />

              {d.step < 4 ? (
                <View className='step-actions'>
                  {d.step > 0 ? (
                    <Button id='apply-back' size='large' onClick={() => go(d.step - 1)}>
                      上一步
                    </Button>
                  ) : null}
                  {d.step < 3 ? (
                    <Button id='apply-next' type='primary' size='large' onClick={next}>
                      下一步
                    </Button>
                  ) : (
                    <Button id='apply-submit' type='primary' size='large' loading={busy} disabled={!quote} onClick={submit}>
                      {busy ? '正在提交…' : '确认提交'}
                    </Button>
                  )}
                </View>
              ) : null}
              {d.step < 4 ? <View className='draft-note'>已自动保存草稿，下次打开可继续填写</View> : null}
            </View>
          </PageShell>
        )
      }
    </ResidentGate>
  );
}
