import { useEffect, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';

const HOME = '/pages/index/index';
const ROOTS = [HOME, '/pages/login/index'];

interface PageInfo {
  title: string;
  route: string;
  depth: number;
}

/** The current page's title (its navigationBarTitleText), route and place in the page stack. */
function currentPage(): PageInfo {
  const pages = Taro.getCurrentPages();
  const page = pages[pages.length - 1] as unknown as { config?: { navigationBarTitleText?: string }; route?: string; path?: string } | undefined;
  const route = '/' + (page?.route ?? page?.path ?? '').replace(/^\//, '').split('?')[0];
  return { title: page?.config?.navigationBarTitleText ?? '物业服务', route, depth: pages.length };
}

/**
 * H5 only: Taro draws no navigation bar in the browser, so every page gets this one — the page title
 * (also the document title) and a way back: 返回 when there is a page to go back to, else 首页 — real
 * buttons, so the keyboard reaches them (Tab) and Enter/Space press them.
 */
export function PageHeader({ home = HOME }: { home?: string }) {
  const [info, setInfo] = useState<PageInfo>(currentPage);
  // The document title follows the page shown (pages behind it stay mounted, so only when shown).
  useDidShow(() => {
    const now = currentPage();
    setInfo(now);
    document.title = now.title;
  });
  useEffect(() => {
    document.title = info.title;
  }, []);
  useEffect(() => {
    // Taro scrolls each page inside its .taro_page element: let the keyboard reach and scroll it.
    document.querySelectorAll('.taro_page:not([tabindex])').forEach((el) => el.setAttribute('tabindex', '0'));
  });
  const back = info.depth > 1;
  const atRoot = ROOTS.includes(info.route) || info.route === home;
  return (
    <View className='page-header' role='banner'>
      {back ? (
        <button type='button' className='page-header__btn' id='page-back' aria-label='返回上一页' onClick={() => Taro.navigateBack()}>
          <Text className='page-header__arrow' aria-hidden='true'>‹</Text>返回
        </button>
      ) : !atRoot ? (
        <button type='button' className='page-header__btn' id='page-home' aria-label='回到首页' onClick={() => Taro.reLaunch({ url: home })}>
          <Text className='page-header__arrow' aria-hidden='true'>‹</Text>首页
        </button>
      ) : null}
      <View className='page-header__title' id='page-title' role='heading' aria-level={1}>
        {info.title}
      </View>
    </View>
  );
}
