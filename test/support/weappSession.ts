/**
 * The set-up the mini-program tests share: a harness (the real functions on an in-process platform) and
 * the compiled mini-program booted against it, signed in as one demo user; closed after the tests.
 */
import { startHarness, type Harness } from './harness';
import { bootWeapp, type Weapp } from './weapp';

export interface WeappSession {
  h: Harness;
  wx: Weapp;
}

/** Call at the top of a test file (or a describe block): `h` and `wx` are there from its beforeAll on. */
export function weappSignedIn(user = 'resident-a'): WeappSession {
  const s = {} as WeappSession;
  beforeAll(async () => {
    s.h = await startHarness();
    s.wx = await bootWeapp({ url: s.h.url, token: await s.h.login(user) });
  }, 30_000);
  afterAll(() => s.h?.close());
  return s;
}
