import Taro from '@tarojs/taro';

/**
 * The mini-program side of fieldFocus.h5.ts: WeChat has no DOM to link a control to its message (the
 * message sits right under the field), so the page scrolls the field into view instead of focusing it.
 */
export function describeControl(_fieldId: string, _describedBy: string[], _invalid: boolean): void {}

export function focusField(fieldId: string): void {
  try {
    Taro.pageScrollTo({ selector: `#${fieldId}`, duration: 200, offsetTop: -80 })?.catch?.(() => undefined);
  } catch {
    /* an older base library: the message is still right under the field */
  }
}
