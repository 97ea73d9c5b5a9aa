import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { WbShell } from '../components/WbShell';
import { may } from '../../lib/workbench';
import { Button } from '../../components/nut';
import { EmptyState, ErrorNote } from '../../components/ui';
import { ApiError, call, type Output } from '../../api/client';
import { messageOf } from '../../lib/session';
import { SPREADSHEET_SOURCE, canImportSpreadsheets, chooseSpreadsheet, downloadFile, uploadSpreadsheet } from '../../lib/spreadsheet';
import './index.scss';

type Result = Output<'setup', 'importHouseholds'>;
type Phase = 'idle' | 'uploading' | 'checking' | 'previewed' | 'importing' | 'done';

const COLUMNS = '楼栋、单元、房号、面积（平方米，最多两位小数）、业主姓名、业主电话';

/** A refused file says what is wrong with the spreadsheet (`fields.file`), not the generic photo wording. */
const whyNot = (e: unknown) => (e instanceof ApiError && e.code.startsWith('FILE.') && e.fields?.file ? `您好，${e.fields.file}` : messageOf(e));

/** The household register (一户一档) for the community's manager: choose an .xlsx, preview it, import it, export it. */
export default function Households() {
  const [phase, setPhase] = useState<Phase>('idle');
  const [fileName, setFileName] = useState('');
  const [fileId, setFileId] = useState('');
  const [progress, setProgress] = useState(0);
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState('');
  const [exporting, setExporting] = useState(false);
  const busy = phase === 'uploading' || phase === 'checking' || phase === 'importing';

  const choose = async () => {
    setError('');
    const file = await chooseSpreadsheet();
    if (!file) return;
    setFileName(file.name);
    setResult(null);
    setProgress(0);
    setPhase('uploading');
    try {
      const id = await uploadSpreadsheet(file, setProgress);
      setFileId(id);
      setPhase('checking');
      setResult(await call('setup', 'importHouseholds', { fileId: id, commit: false }));
      setPhase('previewed');
    } catch (e) {
      setError(whyNot(e));
      setPhase('idle');
    }
  };

  const commit = async () => {
    setError('');
    setPhase('importing');
    try {
      const r = await call('setup', 'importHouseholds', { fileId, commit: true });
      setResult(r);
      setPhase(r.committed ? 'done' : 'previewed');
    } catch (e) {
      setError(whyNot(e));
      setPhase('previewed');
    }
  };

  const exportRegister = async () => {
    setError('');
    setExporting(true);
    try {
      const r = await call('setup', 'exportHouseholds', {});
      await downloadFile(r);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setExporting(false);
    }
  };

  const counts = result && (
    <View className='hh-counts' id='hh-counts'>
      {[
        ['表格行数', result.rows, 'hh-rows'],
        ['新增房屋', result.created, 'hh-created'],
        ['信息更新', result.updated, 'hh-updated'],
        ['无变化', result.unchanged, 'hh-unchanged'],
        ['需修改的行', result.errorCount, 'hh-error-count'],
      ].map(([label, n, id]) => (
        <View key={id} className={`hh-count ${id === 'hh-error-count' && Number(n) > 0 ? 'hh-count--warn' : ''}`}>
          <View className='hh-count__label'>{label}</View>
          <View className='hh-count__num' id={String(id)}>
            {n}
          </View>
        </View>
      ))}
    </View>
  );

  return (
    <WbShell tab='households'>
      {(who) =>
        !may(who, 'setup.households') ? (
          <View className='card'>
            <EmptyState id='hh-forbidden' title='房屋档案由小区经理维护' desc='如需更新房屋信息，请联系本小区经理，感谢您的理解。' />
          </View>
        ) : (
          <View className='hh'>
            <View className='wb-head'>
              <View>
                <View className='wb-head__lead'>一户一档：用 Excel 表格批量导入或更新本小区的房屋与业主信息</View>
              </View>
            </View>
            <ErrorNote text={error} id='hh-error' />

            <View className='card'>
              <View className='card__title'>导入房屋档案</View>
              <View className='card__hint'>
                请上传 .xlsx 表格，第一行为表头：{COLUMNS}。系统先预览核对，您确认后才会导入；同一房屋再次导入时按「楼栋 + 单元 + 房号」更新，不会重复建档。
              </View>
              {SPREADSHEET_SOURCE.hint ? <View className='card__hint'>{SPREADSHEET_SOURCE.hint}</View> : null}
              {!canImportSpreadsheets ? (
                <View className='hh-note'>您好，表格导入请在电脑浏览器中打开员工工作台办理，感谢您的理解。</View>
              ) : (
                <View className='hh-actions'>
                  <Button id='hh-choose' type='primary' disabled={busy} onClick={choose}>
                    {fileName ? SPREADSHEET_SOURCE.again : SPREADSHEET_SOURCE.choose}
                  </Button>
                  {fileName ? (
                    <Text className='hh-file' id='hh-file'>
                      {fileName}
                    </Text>
                  ) : null}
                </View>
              )}
              {phase === 'uploading' || (phase === 'checking' && progress === 100) ? (
                <View className='hh-progress-wrap'>
                  <View className='hh-progress' id='hh-progress' role='progressbar' aria-label='表格上传进度' aria-valuemin={0} aria-valuemax={100} aria-valuenow={progress}>
                    <View className='hh-progress__bar' style={{ width: `${progress}%` }} />
                  </View>
                  <Text className='hh-progress__text'>{phase === 'uploading' ? `正在上传 ${progress}%` : '上传完成，正在逐行核对，请稍候…'}</Text>
                </View>
              ) : null}
            </View>

            {result && phase !== 'uploading' ? (
              <View className='card' id='hh-preview'>
                <View className='card__title'>{phase === 'done' ? '导入完成' : '预览结果'}</View>
                {counts}
                {phase === 'done' ? (
                  <View className='hh-ok' id='hh-done' role='status'>
                    导入完成：新增 {result.created} 户，更新 {result.updated} 户，{result.unchanged} 户无变化。住户现在可以按房号申请认证了，感谢您的耐心。
                  </View>
                ) : result.errorCount > 0 ? (
                  <>
                    <View className='hh-warn' id='hh-refused' role='status'>
                      表格中有 {result.errorCount} 行需要修改。为保证档案完整，存在问题时不会导入任何一行；请在表格中修改以下各行后，重新选择表格上传。
                    </View>
                    <View className='hh-table' id='hh-errors' role='table' aria-label='需要修改的行'>
                      <View className='hh-table__row hh-table__head' role='row'>
                        <View className='hh-table__cell hh-table__cell--row' role='columnheader'>
                          行号
                        </View>
                        <View className='hh-table__cell' role='columnheader'>
                          需要修改的地方
                        </View>
                      </View>
                      {result.errors.map((e) => (
                        <View className='hh-table__row' role='row' key={e.row} id={`hh-error-row-${e.row}`}>
                          <View className='hh-table__cell hh-table__cell--row' role='cell'>
                            第 {e.row} 行
                          </View>
                          <View className='hh-table__cell' role='cell'>
                            {e.message}
                          </View>
                        </View>
                      ))}
                    </View>
                    {result.errorCount > result.errors.length ? <View className='card__hint'>另有 {result.errorCount - result.errors.length} 行未列出，请先修改以上各行。</View> : null}
                  </>
                ) : (
                  <View className='hh-actions'>
                    <View className='hh-ok'>核对通过：共 {result.rows} 行，没有需要修改的地方。</View>
                    <Button id='hh-commit' type='primary' loading={phase === 'importing'} disabled={busy} onClick={commit}>
                      确认导入
                    </Button>
                  </View>
                )}
              </View>
            ) : null}

            <View className='card'>
              <View className='card__title'>导出房屋档案</View>
              <View className='card__hint'>导出本小区当前的全部房屋，格式与导入相同，可直接修改后重新导入，也可作为新表格的模板。</View>
              {canImportSpreadsheets ? (
                <View className='hh-actions'>
                  <Button id='hh-export' type='primary' fill='outline' disabled={exporting} loading={exporting} onClick={exportRegister}>
                    导出 .xlsx
                  </Button>
                </View>
              ) : null}
            </View>
          </View>
        )
      }
    </WbShell>
  );
}
