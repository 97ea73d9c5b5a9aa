import { useRef, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { WbShell } from '../components/WbShell';
import { may } from '../../lib/workbench';
import { Button, Input } from '../../components/nut';
import { Field } from '../../components/Field';
import { Chips, EmptyState, ErrorNote, Loading, StatusTag } from '../../components/ui';
import { ApiError, call, newRequestId, type Output } from '../../api/client';
import { messageOf, needsLogin } from '../../lib/session';
import { formatTime } from '../../lib/format';
import { yuanToFen } from '../../../core/money';
import { Num } from '../../components/Num';

type Settings = Output<'setup', 'settings'>;
type Fees = Output<'setup', 'feeStandards'>;
type Unit = 'M' | 'H' | 'D';
const UNITS: { value: Unit; label: string }[] = [
  { value: 'M', label: '分钟' },
  { value: 'H', label: '小时' },
  { value: 'D', label: '天' },
];
/** The windows a manager sets, by their path in the settings (labels come with the view). */
const WINDOWS = ['emergencyArrival', 'repairResponse', 'reply', 'complaintResolution.major', 'complaintResolution.serious', 'complaintResolution.minor', 'callback', 'leakCallback', 'supervisorAfter', 'managerAfter'] as const;
type WindowKey = (typeof WINDOWS)[number];
const STATE_LABELS: Record<string, string> = { in_force: '生效中', upcoming: '待生效', superseded: '已替换' };
const tone = (s: string) => (s === 'in_force' ? 'resolved' : s === 'upcoming' ? 'submitted' : 'cancelled');

/** 'P2D' → 2 天, 'PT24H' → 24 小时, 'PT15M' → 15 分钟 (the largest whole unit). */
function split(iso: string): { n: string; unit: Unit } {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$/.exec(iso);
  const minutes = m ? Number(m[1] ?? 0) * 1440 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0) : 0;
  if (minutes % 1440 === 0 && minutes >= 2880) return { n: String(minutes / 1440), unit: 'D' };
  if (minutes % 60 === 0) return { n: String(minutes / 60), unit: 'H' };
  return { n: String(minutes), unit: 'M' };
}
const join = (w: { n: string; unit: Unit }) => (w.unit === 'D' ? `P${w.n.trim()}D` : `PT${w.n.trim()}${w.unit}`);
const pick = (sla: Record<string, any>, key: WindowKey): string => (key.includes('.') ? sla.complaintResolution[key.split('.')[1]] : sla[key]);
const readable = (iso: string) => {
  const w = split(iso);
  return `${w.n} ${UNITS.find((u) => u.value === w.unit)!.label}`;
};

/** 服务与收费 (经理): service windows and fee standards, each saved from a day, with their history. */
export default function SettingsPage() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [fees, setFees] = useState<Fees | null>(null);
  const [windows, setWindows] = useState<Record<string, { n: string; unit: Unit }>>({});
  const [from, setFrom] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState('');
  const [item, setItem] = useState('');
  const [basis, setBasis] = useState('');
  const [price, setPrice] = useState('');
  const [feeFrom, setFeeFrom] = useState('');
  const ids = useRef({ settings: newRequestId(), fee: newRequestId() });

  const load = async () => {
    if (needsLogin()) return;
    try {
      const [s, f] = await Promise.all([call('setup', 'settings', {}), call('setup', 'feeStandards', {})]);
      setSettings(s);
      setFees(f);
      setWindows(Object.fromEntries(WINDOWS.map((k) => [k, split(pick(s.current.sla, k))])));
      const today = f.day;
      setFrom((v) => v || today);
      setFeeFrom((v) => v || today);
      setError('');
    } catch (e) {
      setError(messageOf(e));
    }
  };
  useDidShow(() => {
    load();
  });

  const save = async (key: 'settings' | 'fee', fn: () => Promise<unknown>, done: string) => {
    setBusy(key);
    setError('');
    try {
      await fn();
      ids.current[key] = newRequestId();
      Taro.showToast({ title: done, icon: 'success' });
      await load();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'REQUEST.REPLAY_MISMATCH') ids.current[key] = newRequestId();
      setError(messageOf(e));
    } finally {
      setBusy('');
    }
  };

  const saveSettings = () => {
    if (!settings) return;
    const sla: Record<string, any> = { ...settings.current.sla, complaintResolution: { ...settings.current.sla.complaintResolution } };
    for (const k of WINDOWS) {
      if (k.includes('.')) sla.complaintResolution[k.split('.')[1]] = join(windows[k]);
      else sla[k] = join(windows[k]);
    }
    return save('settings', () => call('setup', 'saveSettings', { requestId: ids.current.settings, effectiveFrom: from.trim(), settings: { ...settings.current, sla } }), '服务设置已保存');
  };

  const saveFee = () => {
    const fen = yuanToFen(price);
    if (!item || !basis || fen === null) {
      setError('请选择收费项目、计费方式，并填写单价（元，最多两位小数）');
      return;
    }
    return save('fee', () => call('setup', 'saveFeeStandard', { requestId: ids.current.fee, item: item as never, basis: basis as never, priceFen: fen, effectiveFrom: feeFrom.trim() }), '收费标准已保存');
  };

  const bases = fees?.items.find((i) => i.item === item)?.bases ?? [];

  return (
    <WbShell tab='settings'>
      {(me) =>
        !may(me, 'setup.settings') ? (
          <View className='card'>
            <EmptyState title='服务设置与收费标准由经理办理' />
          </View>
        ) : (
          <View>
            <View className='wb-head'>
              <View>
                <View className='wb-head__lead'>每次保存都从所选日期起生效，之前的版本保留为历史；时限不得长于《物业服务规范》的规定</View>
              </View>
            </View>
            <ErrorNote text={error} id='settings-error' />
            {settings === null || fees === null ? (
              error ? null : <Loading />
            ) : (
              <>
                <View className='card' id='settings-form'>
                  <View className='card__title'>服务时限</View>
                  <View className='form-grid'>
                    {WINDOWS.map((k) => (
                      <Field key={k} label={settings.labels[`sla.${k}`] ?? k} box='input'>
                        <View className='row' style={{ gap: '12px', width: '100%' }}>
                          <Input id={`settings-${k.replace('.', '-')}`} type='number' value={windows[k]?.n ?? ''} onChange={(v) => setWindows((w) => ({ ...w, [k]: { ...w[k], n: v } }))} maxLength={4} />
                          <Chips idPrefix={`settings-${k.replace('.', '-')}-unit`} value={windows[k]?.unit} onChange={(v) => v && setWindows((w) => ({ ...w, [k]: { ...w[k], unit: v as Unit } }))} options={UNITS} />
                        </View>
                      </Field>
                    ))}
                    <Field label='生效日期' required box='input' help='今天生效的设置立即用于新工单；之后的日期在当天零点生效'>
                      <Input id='settings-from' value={from} onChange={setFrom} placeholder='YYYY-MM-DD' maxLength={10} />
                    </Field>
                  </View>
                  <View className='row' style={{ justifyContent: 'flex-end' }}>
                    <Button id='settings-save' type='primary' loading={busy === 'settings'} onClick={saveSettings} style={{ minWidth: '200px' }}>
                      保存服务设置
                    </Button>
                  </View>
                </View>

                <View className='card__title' style={{ margin: '24px 0 12px' }}>
                  服务设置历史
                </View>
                {settings.versions.length === 0 ? (
                  <View className='card'>
                    <EmptyState id='settings-history-empty' title='尚未调整过服务设置' desc='当前使用的是《物业服务规范》的默认时限。' />
                  </View>
                ) : (
                  <View className='qt' id='settings-history'>
                    {settings.versions.map((v) => (
                      <View key={v.id} id={`settings-version-${v.id}`} className='qt-row' style={{ cursor: 'default' }}>
                        <View className='qt-c' style={{ width: '220px' }}>
                          <Num>{v.effectiveAt ? formatTime(v.effectiveAt, true) : '初始设置'}</Num>
                          <View className='qt-sub'>
                            {v.savedBy} 保存于 <Num>{formatTime(v.savedAt)}</Num>
                          </View>
                        </View>
                        <View className='qt-content'>
                          {v.settings ? `急修到场 ${readable(v.settings.sla.emergencyArrival)} · 报修上门 ${readable(v.settings.sla.repairResponse)} · 一般投诉 ${readable(v.settings.sla.complaintResolution.minor)} · 转主管 ${readable(v.settings.sla.supervisorAfter)}` : '（无法读取）'}
                        </View>
                        <View className='qt-c qt-status'>
                          <StatusTag status={tone(v.state)} label={STATE_LABELS[v.state]} id={`settings-state-${v.id}`} />
                        </View>
                      </View>
                    ))}
                  </View>
                )}

                <View className='card' id='fees-form' style={{ marginTop: '24px' }}>
                  <View className='card__title'>收费标准</View>
                  <View className='qt' id='fees-in-force' style={{ marginBottom: '20px' }}>
                    {fees.inForce.map((s) => (
                      <View key={s.item} id={`fee-${s.item}`} className='qt-row' style={{ cursor: 'default' }}>
                        <View className='qt-c' style={{ width: '260px' }}>
                          {s.itemLabel}
                        </View>
                        <View className='qt-content'>
                          <Num>{s.priceText}</Num>
                        </View>
                        <View className='qt-c' style={{ width: '260px' }}>
                          <Text className='qt-sub'>{s.source === 'default' ? '规范默认标准' : `自 ${s.effectiveFrom} 起执行`}</Text>
                        </View>
                      </View>
                    ))}
                  </View>
                  <View className='form-grid'>
                    <Field label='收费项目' required full>
                      <Chips
                        idPrefix='fee-item'
                        value={item}
                        onChange={(v) => {
                          setItem(v);
                          setBasis(fees.items.find((i) => i.item === v)?.bases[0]?.basis ?? '');
                        }}
                        options={fees.items.map((i) => ({ value: i.item, label: i.label }))}
                      />
                    </Field>
                    <Field label='计费方式' required full>
                      {bases.length ? <Chips idPrefix='fee-basis' value={basis} onChange={(v) => v && setBasis(v)} options={bases.map((b) => ({ value: b.basis, label: b.label }))} /> : <Text className='qt-sub'>请先选择收费项目</Text>}
                    </Field>
                    <Field label='单价（元）' required box='input' help='按面积计费时按 0.01 平方米计算，每项金额四舍五入到分'>
                      <Input id='fee-price' type='digit' value={price} onChange={setPrice} placeholder='如 2.50' maxLength={9} />
                    </Field>
                    <Field label='生效日期' required box='input' help='已执行的标准保留为历史，不能改写'>
                      <Input id='fee-from' value={feeFrom} onChange={setFeeFrom} placeholder='YYYY-MM-DD' maxLength={10} />
                    </Field>
                  </View>
                  <View className='row' style={{ justifyContent: 'flex-end' }}>
                    <Button id='fee-save' type='primary' loading={busy === 'fee'} onClick={saveFee} style={{ minWidth: '200px' }}>
                      保存收费标准
                    </Button>
                  </View>
                </View>

                {fees.history.length ? (
                  <>
                    <View className='card__title' style={{ margin: '24px 0 12px' }}>
                      收费标准历史
                    </View>
                    <View className='qt' id='fees-history'>
                      {fees.history.map((r) => (
                        <View key={r.id} id={`fee-version-${r.id}`} className='qt-row' style={{ cursor: 'default' }}>
                          <View className='qt-c' style={{ width: '260px' }}>
                            {r.itemLabel}
                          </View>
                          <View className='qt-content'>
                            <Num>{r.priceText}</Num>
                            <View className='qt-sub'>
                              自 <Num>{r.effectiveFrom}</Num> 起 · {r.savedBy} 保存于 <Num>{formatTime(r.savedAt)}</Num>
                            </View>
                          </View>
                          <View className='qt-c qt-status'>
                            <StatusTag status={tone(r.state)} label={STATE_LABELS[r.state]} id={`fee-state-${r.id}`} />
                          </View>
                        </View>
                      ))}
                    </View>
                  </>
                ) : null}
              </>
            )}
          </View>
        )
      }
    </WbShell>
  );
}
