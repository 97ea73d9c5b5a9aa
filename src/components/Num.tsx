import type { ReactNode } from 'react';
import { Text } from '@tarojs/components';

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
