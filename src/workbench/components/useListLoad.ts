import { useEffect, useRef } from 'react';
import { useDidShow } from '@tarojs/taro';

/**
 * A workbench list's loading: each time the page shows (back from a case, the tab chosen again), and
 * from scratch when one of `filters` changes — `clear` first, so the old rows never stand under the new
 * filter. The first render is left to the show.
 */
export function useListLoad(load: () => unknown, clear: () => void, filters: unknown[]) {
  useDidShow(() => {
    load();
  });
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    clear();
    load();
  }, filters); // eslint-style exhaustive deps do not apply: `load` is a new closure each render
}
