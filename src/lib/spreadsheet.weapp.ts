import Taro from '@tarojs/taro';
import { ApiError, call } from '../api/client';
import type { ChosenSpreadsheet } from './spreadsheet';

/**
 * The mini-program's side of spreadsheets (H5: spreadsheet.ts). The report's and the day book's exports
 * still point to the computer; the household register is chosen from a WeChat chat (the manager forwards
 * the .xlsx to themselves), uploaded to CloudBase storage under the caller's own prefix, and read there by
 * setup.importHouseholds; its export opens in WeChat's document viewer, from where it can be forwarded.
 */
export const canHandleSpreadsheets = false;
export const canImportSpreadsheets = true;

export const SPREADSHEET_SOURCE = {
  choose: '选择文件',
  again: '重新选择文件',
  hint: '请先将 .xlsx 表格发送到微信（例如发给「文件传输助手」），再点「选择文件」从聊天记录中选取。',
};

/** The register's size limit (setup.importHouseholds refuses larger files; checked here before the upload). */
const MAX_BYTES = 5 * 1024 * 1024;

/** One .xlsx from a WeChat chat; null when the picker was closed. */
export async function chooseSpreadsheet(): Promise<ChosenSpreadsheet | null> {
  try {
    const r = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['xlsx'] });
    const f = r.tempFiles[0];
    return f ? { name: f.name, size: f.size, path: f.path } : null;
  } catch {
    return null;
  }
}

/**
 * Uploads the chosen register to cloud storage, reporting progress 0–100: `file.uploadPath { ext: 'xlsx' }`
 * gives the path (register managers only), `Taro.cloud.uploadFile` puts it there. Answers the `cloud://`
 * id that setup.importHouseholds takes.
 */
export async function uploadSpreadsheet(chosen: ChosenSpreadsheet, onProgress: (percent: number) => void): Promise<string> {
  if (!chosen.path) throw new ApiError('INTERNAL', '很抱歉，读取文件失败，请重新选择');
  if (!/\.xlsx$/i.test(chosen.name)) throw new ApiError('FILE.UNSUPPORTED_TYPE', '您好，仅支持 .xlsx 格式的表格，请在 Excel 或 WPS 中另存为 .xlsx 后重新选择');
  if (chosen.size > MAX_BYTES) throw new ApiError('FILE.TOO_LARGE', '您好，表格过大，请选择 5MB 以内的 .xlsx 文件');
  const { cloudPath } = await call('file', 'uploadPath', { ext: 'xlsx' });
  const fileID = await new Promise<string>((resolve, reject) => {
    const task = Taro.cloud.uploadFile({
      cloudPath,
      filePath: chosen.path!,
      success: (r) => resolve(r.fileID),
      fail: () => reject(new ApiError('NETWORK', '网络不太稳定，表格上传失败，请稍后重试')),
    });
    task?.onProgressUpdate?.((e) => onProgress(Math.min(99, Math.max(0, Math.round(e.progress)))));
  });
  onProgress(100);
  return fileID;
}

/**
 * Opens an export in WeChat's document viewer (its menu forwards or saves it): the function answers a
 * temporary URL to cloud storage (`url`) when deployed; the local platform keeps exports itself and
 * answers none, which the mini-program cannot read.
 */
export async function downloadFile(file: { fileId: string; name: string; url?: string }): Promise<void> {
  if (!file.url) throw new ApiError('INTERNAL', '您好，当前环境暂不支持在小程序中打开导出文件，请在电脑浏览器中导出');
  let tempFilePath: string;
  try {
    const r = await Taro.downloadFile({ url: file.url });
    if (r.statusCode !== 200) throw new Error(String(r.statusCode));
    tempFilePath = r.tempFilePath;
  } catch {
    throw new ApiError('NETWORK', '网络不太稳定，文件下载失败，请稍后重试');
  }
  try {
    await Taro.openDocument({ filePath: tempFilePath, fileType: 'xlsx', showMenu: true });
  } catch {
    throw new ApiError('INTERNAL', '很抱歉，文件打开失败，请稍后重试');
  }
}
