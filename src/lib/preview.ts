import Taro from '@tarojs/taro';

/** Shows photos full screen in the platform's viewer (the mini-program's own). */
export function previewPhotos(current: string, urls: string[]): Promise<unknown> {
  return Taro.previewImage({ current, urls });
}
