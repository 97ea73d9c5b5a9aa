/**
 * The stylesheets of the NutUI components the app uses, each its own (never the whole dist/style.css),
 * loaded once by app.ts in a fixed order for every page. The components themselves are in ./nut.ts,
 * imported by the pages that use them, so a page's first load holds only its own components.
 */
import '@nutui/icons-react-taro/dist/style_icon.css';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/tag/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/textarea/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/switch/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/badge/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/empty/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/radio/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/radiogroup/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/rate/style/css';
