import { useEffect, useState, type ReactNode } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { largeText } from '../lib/prefs';
import { LOGIN_PAGE, needsLogin } from '../lib/session';
import { PageHeader } from './PageHeader';

interface Props {
  children: ReactNode;
  /** Pages anyone may open without a session (the login page). */
  public?: boolean;
  /** Workbench pages use a wide PC layout. */
  wide?: boolean;
  className?: string;
  id?: string;
  /** The H5 header (title and a way back); the workbench places its own (false here). */
  header?: boolean;
}

/**
 * Every page's root: on H5 a header with the page title and a way back (PageHeader.h5.tsx), applies 大字模式 (a persisted preference, re-read whenever the page shows) and,
 * on the local platform, sends visitors without a session to the demo-user switcher.
 */
export function PageShell({ children, public: isPublic, wide, className, id, header = true }: Props) {
  const [large, setLarge] = useState(largeText.get);
  useEffect(() => {
    const off = largeText.subscribe(setLarge);
    return () => {
      off();
    };
  }, []);
  useDidShow(() => {
    setLarge(largeText.get());
    if (!isPublic && needsLogin()) Taro.redirectTo({ url: LOGIN_PAGE });
  });
  const cls = ['shell', large ? 'shell--large' : '', wide ? 'shell--wide' : '', className ?? ''].filter(Boolean).join(' ');
  return (
    <View className={cls} {...(id ? { id } : {})}>
      {header ? <PageHeader /> : null}
      <View className='shell__body'>{children}</View>
    </View>
  );
}
