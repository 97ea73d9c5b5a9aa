/**
 * The NutUI components the app uses (their stylesheets: ./nutStyles.ts, loaded by app.ts).
 */
// Each component from its own module, not the package's entry (which re-exports all ~100 NutUI
// components): what a page loads does not depend on how well the entry is tree-shaken.
export { default as Button } from '@nutui/nutui-react-taro/dist/es/packages/button/index';
export { default as Tag } from '@nutui/nutui-react-taro/dist/es/packages/tag/index';
export { default as Input } from '@nutui/nutui-react-taro/dist/es/packages/input/index';
export { TextArea } from './TextArea';
export { default as Switch } from '@nutui/nutui-react-taro/dist/es/packages/switch/index';
export { default as Badge } from '@nutui/nutui-react-taro/dist/es/packages/badge/index';
export { default as Empty } from '@nutui/nutui-react-taro/dist/es/packages/empty/index';
export { default as Radio } from '@nutui/nutui-react-taro/dist/es/packages/radio/index';
export { default as Rate } from '@nutui/nutui-react-taro/dist/es/packages/rate/index';
