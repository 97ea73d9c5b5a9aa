import Taro from '@tarojs/taro';

const LARGE_KEY = 'wuye.largeText';
const EVENT = 'wuye:largeText';

/** 大字模式 (适老化): a persisted preference every page's PageShell reads. */
export const largeText = {
  get: (): boolean => Taro.getStorageSync(LARGE_KEY) === '1',
  set(on: boolean) {
    Taro.setStorageSync(LARGE_KEY, on ? '1' : '0');
    Taro.eventCenter.trigger(EVENT, on);
  },
  subscribe(fn: (on: boolean) => void) {
    Taro.eventCenter.on(EVENT, fn);
    return () => Taro.eventCenter.off(EVENT, fn);
  },
};
