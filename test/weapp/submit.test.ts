/**
 * @jest-environment ./test/weapp/environment.js
 *
 * A consultation submitted in the compiled mini-program (pages/submit/index?kind=consultation) reaches the
 * real `case.submit` and shows up in the front desk's queue.
 */
import { rid } from '../support/harness';
import { weappSignedIn } from '../support/weappSession';

const mini = weappSignedIn();

async function queueHas(token: string, id: string) {
  let cursor: string | null = null;
  for (let i = 0; i < 20; i++) {
    const q = await mini.h.call(token, 'workbench', { action: 'queue', ...(cursor ? { cursor } : {}) });
    expect(q.status).toBe(200);
    const hit = q.body.data.items.find((c: { id: string }) => c.id === id);
    if (hit) return hit;
    cursor = q.body.data.cursor;
    if (!cursor) return null;
  }
  return null;
}

it('a consultation typed and submitted in the weapp shows up in the front desk queue', async () => {
  const page = await mini.wx.open('pages/submit/index', { kind: 'consultation' });
  await page.waitFor(() => page.find('#submit-household'), 'the form (household row) after account.me');
  page.check(!!page.find('#submit-kind-consultation.chip--on'), 'kind=consultation from onLoad is the selected kind');
  page.check(!!page.find('#submit-content'), 'a content textarea');

  // Too short first: the page refuses before calling anything.
  await page.tap('#submit-button');
  await page.waitFor(() => page.find('#submit-content-error'), 'the "too short" note beside the description after submitting an empty form');
  page.check((page.find('#submit-content-error')?.textContent ?? '').includes('5 个字'), 'the note asks for at least 5 characters');
  expect(mini.wx.calls.filter((c) => c.name === 'case')).toHaveLength(0);

  const content = `小程序端咨询：请问小区快递柜晚上几点关闭？（${rid('weapp')}）`;
  await page.input('#submit-content', content);
  await page.waitFor(() => page.find('#submit-content')?.getAttribute('value') === content, 'the textarea shows the typed content');
  await page.tap('#submit-button');

  const submit = await page.waitFor(() => mini.wx.calls.find((c) => c.name === 'case' && c.data?.action === 'submit' && c.status), 'case.submit answered');
  page.check(submit.status === 200 && submit.result?.ok === true, `case.submit succeeded: ${JSON.stringify(submit.result)}`);
  expect(submit.data).toMatchObject({ action: 'submit', kind: 'consultation', householdId: '1-1-101', content });
  expect(typeof submit.data.requestId).toBe('string');
  const caseId: string = submit.result.data.id;

  const nav = await page.waitFor(() => mini.wx.navigations.find((n) => n.api === 'redirectTo'), 'the redirect to the new case');
  expect(nav.url).toContain(`/pages/case/index?id=${encodeURIComponent(caseId)}`);
  expect(mini.wx.toasts.map((t) => t.title)).toContain('提交成功');
  expect(mini.wx.calls.filter((c) => c.name === 'case' && c.data?.action === 'submit')).toHaveLength(1);

  // The staff side sees it.
  const fd = await mini.h.login('frontdesk');
  const item = await queueHas(fd, caseId);
  if (!item) throw new Error(`case ${caseId} is not in the front desk queue`);
  expect(item).toMatchObject({ id: caseId, kind: 'consultation', householdId: '1-1-101' });
  const got = await mini.h.call(fd, 'workbench', { action: 'get', id: caseId });
  expect(got.status).toBe(200);
  expect(got.body.data).toMatchObject({ id: caseId, kind: 'consultation', householdId: '1-1-101', content });
});
