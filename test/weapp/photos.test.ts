/**
 * @jest-environment ./test/weapp/environment.js
 *
 * Photos in the compiled mini-program: the repair page shows the photo field again, and a photo chosen
 * there goes to (the local platform's stand-in of) CloudBase storage with `wx.cloud.uploadFile`, is
 * registered with `file.register`, travels with the repair, and is read by the front desk through the
 * temporary URL `file.url` hands out.
 */
import path from 'node:path';
import { rid } from '../support/harness';
import { weappSignedIn } from '../support/weappSession';
import { demoOpenid } from '../../local/seed';

const PHOTO = path.join(__dirname, '../fixtures/tiny.png');

const mini = weappSignedIn();

it('the repair page shows the photo field; a photo uploads with progress, is registered and goes with the repair', async () => {
  const page = await mini.wx.open('pages/repair/index');
  await page.waitFor(() => page.find('#repair-add-photo'), 'the photo field\'s "+" tile on the repair page');
  page.check(page.text().includes('现场照片'), 'the photo field is labelled 现场照片');
  page.check(page.text().includes('0/9'), 'the "+" tile counts 0/9');

  mini.wx.chosen = [PHOTO];
  await page.tap('#repair-add-photo');
  const register = await page.waitFor(() => mini.wx.calls.find((c) => c.name === 'file' && c.data?.action === 'register' && c.status), 'file.register answered');
  page.check(register.status === 200 && /^f_/.test(register.result?.data?.fileId), `file.register succeeded: ${JSON.stringify(register.result)}`);
  const fileId: string = register.result.data.fileId;
  // The upload went under the resident's own prefix, reporting progress on the way.
  expect(mini.wx.uploads).toHaveLength(1);
  expect(mini.wx.uploads[0].cloudPath).toMatch(new RegExp(`^uploads/${demoOpenid('resident-a')}/[A-Za-z0-9_-]+\\.png$`));
  expect(mini.wx.uploads[0].progress).toEqual([30, 100]);
  expect(register.data.fileId).toBe(mini.wx.uploads[0].fileID);
  await page.waitFor(() => page.find('#repair-photo-remove-0'), 'the uploaded photo tile (with its remove button)');
  page.check(page.text().includes('1/9'), 'the "+" tile counts 1/9');

  await page.tap('#repair-category-plumbing');
  await page.tap('#repair-location-in_home');
  const content = `厨房水龙头一直滴水，附现场照片（${rid('weapp')}）`;
  await page.input('#repair-content', content);
  await page.waitFor(() => page.find('#repair-content')?.getAttribute('value') === content, 'the textarea shows the typed content');
  await page.tap('#repair-submit');
  const submit = await page.waitFor(() => mini.wx.calls.find((c) => c.name === 'case' && c.data?.action === 'submit' && c.status), 'case.submit answered');
  page.check(submit.status === 200 && submit.result?.ok === true, `case.submit succeeded: ${JSON.stringify(submit.result)}`);
  expect(submit.data.photos).toEqual([fileId]);

  // The front desk reads the photo through a temporary URL; another household cannot.
  const fd = await mini.h.login('frontdesk');
  const got = await mini.h.call(fd, 'workbench', { action: 'get', id: submit.result.data.id });
  expect(got.body.data.photos).toEqual([fileId]);
  const url = await mini.h.call(fd, 'file', { action: 'url', fileId });
  expect(url.status).toBe(200);
  expect((await fetch(`${mini.h.url}${url.body.data.url}`)).status).toBe(200);
  expect((await mini.h.call(await mini.h.login('resident-b'), 'file', { action: 'url', fileId })).status).toBe(404);
}, 60_000);
