import { useMemo } from 'react';
import { Image, View } from '@tarojs/components';
import { qrDataUrl } from '../lib/qr';

/** A QR code of `text` as an image (a PNG data URL: the same in H5 and the mini-program). */
export function QrImage({ text, label, id }: { text: string; label: string; id?: string }) {
  const qr = useMemo(() => qrDataUrl(text), [text]);
  return (
    <View className='qr' {...(id ? { id } : {})} data-text={text}>
      <Image className='qr__img' src={qr.url} mode='aspectFit' nativeProps={{ alt: label }} />
    </View>
  );
}
