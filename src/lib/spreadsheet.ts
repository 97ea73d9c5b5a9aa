import { ApiError, session } from '../api/client';

/**
 * Export buttons of the report and the day book: the browser workbench (H5) saves the .xlsx; the
 * mini-program points to the computer there. The household register is handled on both (spreadsheet.weapp.ts).
 */
export const canHandleSpreadsheets = process.env.TARO_ENV === 'h5';

/** The household register page may choose, upload, preview and import a register here. */
export const canImportSpreadsheets = canHandleSpreadsheets;

/** What the page says about choosing a file here (the mini-program picks from a WeChat chat instead). */
export const SPREADSHEET_SOURCE = { choose: '选择表格', again: '重新选择表格', hint: '' };

/** One chosen .xlsx: the browser's File here; a temporary path in the mini-program. */
export interface ChosenSpreadsheet {
  name: string;
  size: number;
  file?: Blob;
  path?: string;
}

/** Opens the browser's file chooser for one .xlsx; resolves with the chosen file, or null when none was chosen. */
export function chooseSpreadsheet(): Promise<ChosenSpreadsheet | null> {
  if (!canHandleSpreadsheets) return Promise.resolve(null);
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    input.style.display = 'none';
    input.addEventListener('change', () => {
      const f = input.files?.[0];
      resolve(f ? { name: f.name, size: f.size, file: f } : null);
      input.remove();
    });
    input.addEventListener('cancel', () => {
      resolve(null);
      input.remove();
    });
    document.body.appendChild(input);
    input.click();
  });
}

/** Uploads one file to `/local/upload` (staff may send .xlsx), reporting progress 0–100; answers the fileId. */
export async function uploadSpreadsheet(chosen: ChosenSpreadsheet, onProgress: (percent: number) => void): Promise<string> {
  const form = new FormData();
  form.append('file', chosen.file ?? new Blob([]), chosen.name);
  const { status, text } = await new Promise<{ status: number; text: string }>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/local/upload');
    if (session.token()) xhr.setRequestHeader('authorization', `Bearer ${session.token()}`);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.min(99, Math.round((100 * e.loaded) / e.total)));
    };
    xhr.onload = () => resolve({ status: xhr.status, text: xhr.responseText });
    xhr.onerror = () => reject(new ApiError('NETWORK', '网络不太稳定，表格上传失败，请稍后重试'));
    xhr.send(form);
  });
  let body: { fileId?: string; error?: { code: string; message: string; fields?: Record<string, string> } } = {};
  try {
    body = JSON.parse(text);
  } catch {
    /* handled below */
  }
  if (status >= 200 && status < 300 && body.fileId) {
    onProgress(100);
    return body.fileId;
  }
  if (body.error) throw new ApiError(body.error.code as never, body.error.fields?.file ? `您好，${body.error.fields.file}` : body.error.message);
  throw new ApiError('INTERNAL', '很抱歉，表格上传失败，请稍后重试');
}

/**
 * Saves an export under `name`. On CloudBase the function answers a temporary URL to cloud storage
 * (`url`): the browser follows it (an .xlsx downloads; no cross-origin read needed). Locally the bytes
 * are fetched with the session and handed to the browser's download.
 */
export async function downloadFile(file: { fileId: string; name: string; url?: string }): Promise<void> {
  if (file.url) return void saveAs(file.url, file.name);
  const res = await fetch(`/local/file/${encodeURIComponent(file.fileId)}`, { headers: session.token() ? { authorization: `Bearer ${session.token()}` } : {}, credentials: 'same-origin' });
  if (!res.ok) throw new ApiError('INTERNAL', '很抱歉，文件下载失败，请稍后重试');
  const url = URL.createObjectURL(await res.blob());
  saveAs(url, file.name);
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function saveAs(href: string, name: string) {
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
}
