import fs from 'node:fs';
import { buildOpenApi, OPENAPI_FILE } from '../../scripts/openapi';
import { handlers } from '../../core/api/handlers';

it('docs/openapi.json is in step with the handler map (regenerate: npx tsx scripts/openapi.ts)', () => {
  const committed = JSON.parse(fs.readFileSync(OPENAPI_FILE, 'utf8'));
  expect(committed).toEqual(JSON.parse(JSON.stringify(buildOpenApi())));
  for (const [fn, actions] of Object.entries(handlers)) {
    const titles = committed.paths[`/fn/${fn}`].post.requestBody.content['application/json'].schema.oneOf.map((v: { title: string }) => v.title);
    expect(titles).toEqual(Object.keys(actions).map((a) => `${fn}.${a}`));
  }
});
