import { forwardRef, useId, type ComponentProps } from 'react';
import NutTextArea from '@nutui/nutui-react-taro/dist/es/packages/textarea/index';

type Props = ComponentProps<typeof NutTextArea> & { id?: string; viewId?: string };

/**
 * NutUI's TextArea names its frame with `viewId`; left unset, Taro's H5 View writes the frame as
 * id="undefined" (one such id per text box on a page, all the same). The frame is named after the text
 * box instead (`<id>-frame`), or gets an id of its own.
 */
export const TextArea = forwardRef<unknown, Props>(function TextArea(props, ref) {
  const own = useId().replace(/[^A-Za-z0-9_-]/g, '');
  return <NutTextArea {...props} ref={ref} viewId={props.viewId ?? (props.id ? `${props.id}-frame` : `textarea-${own}`)} />;
});
