import { type PropsWithChildren } from 'react';
import Taro, { useLaunch } from '@tarojs/taro';
// NutUI per-component stylesheets, loaded once in a fixed order for every page.
import './components/nutStyles';
import './app.scss';

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    if (process.env.TARO_ENV === 'weapp') {
      // CloudBase: identity (OPENID) is injected by the platform into every cloud function call.
      Taro.cloud.init({ traceUser: true });
    }
  });
  return children;
}

export default App;
