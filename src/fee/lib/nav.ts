import Taro from '@tarojs/taro';

/** Back to 物业缴费 if it is behind this page (it reloads when shown), else opens it in this page's place. */
export function backToBills() {
  const pages = Taro.getCurrentPages() as unknown as { route?: string; path?: string }[];
  const at = pages.map((p) => (p.route ?? p.path ?? '').replace(/^\//, '').split('?')[0]).lastIndexOf('fee/bills/index');
  if (at >= 0 && at < pages.length - 1) Taro.navigateBack({ delta: pages.length - 1 - at });
  else Taro.redirectTo({ url: '/fee/bills/index' });
}
