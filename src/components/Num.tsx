import { Fragment, type ReactNode } from 'react';
import { Text } from '@tarojs/components';
import { numberRuns } from '../lib/format';

/**
 * A number people read out or copy — case number, phone, amount, date and time — kept on one line
 * (`.num`: white-space: nowrap), so "BX20261202-0007" or "12月2日 19:17" never splits across lines.
 */
export function Num({ children, id, className }: { children: ReactNode; id?: string; className?: string }) {
  return (
    <Text className={className ? `num ${className}` : 'num'} id={id}>
      {children}
    </Text>
  );
}

/**
 * A sentence with numbers in it (made here or sent by the platform: messages, notes, promises): each
 * case number, room, time, amount, phone and span of time in it is a `Num`, so none splits across lines
 * — also in 大字模式, where lines are shorter.
 */
export function Nums({ children }: { children: string | null | undefined | false }) {
  if (!children) return null;
  return (
    <>
      {numberRuns(children).map((p, i) => (p.num ? <Num key={i}>{p.text}</Num> : <Fragment key={i}>{p.text}</Fragment>))}
    </>
  );
}
