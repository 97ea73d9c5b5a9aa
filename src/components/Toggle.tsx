import { Switch } from './nut';

const h5 = process.env.TARO_ENV === 'h5';

interface Props {
  id: string;
  checked: boolean;
  onChange: (on: boolean) => void;
  /** What the switch turns on, read out by screen readers (the visible label beside it). */
  label: string;
}

/**
 * NutUI's Switch with a name. NutUI writes WeChat's `aria-role` attribute, which the mini-program reads
 * but a browser does not (invalid ARIA, and aria-checked without a role): on H5 it becomes role="switch".
 */
export function Toggle({ id, checked, onChange, label }: Props) {
  const browser: Record<string, unknown> = h5 ? { ariaRole: undefined, role: 'switch' } : {};
  return <Switch id={id} checked={checked} onChange={onChange} ariaLabel={label} {...browser} />;
}
