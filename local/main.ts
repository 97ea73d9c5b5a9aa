import { CommunitySettingsError } from '../core/domain/community/settings';
import { platformEnv, startPlatform } from './platform';

/** `npm run api` / `npm start`: the local platform on PORT, serving the H5 build and the functions. */
async function main() {
  const env = platformEnv.safeParse(process.env);
  if (!env.success) {
    console.error('环境变量有误：', env.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    process.exit(2);
  }
  const platform = await startPlatform(env.data);
  console.log(`ready ${platform.url}`);
  const stop = async () => {
    await platform.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e) => {
  // A refused configuration is told as it is (its message names the setting); anything else with its stack.
  console.error(e instanceof CommunitySettingsError ? e.message : e);
  process.exit(1);
});
