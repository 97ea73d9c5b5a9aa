import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import TsconfigPathsPlugin from 'tsconfig-paths-webpack-plugin';
import devConfig from './dev';
import prodConfig from './prod';

const CORE = path.resolve(__dirname, '..', 'core');

// https://taro-docs.jd.com/docs/next/config#defineconfig-辅助函数
export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'wuye',
    date: '2026-11-24',
    // NutUI is drawn on a 375 px design, our own styles on 750 (NutUI's documented setting).
    designWidth(input) {
      const file = typeof input === 'object' && input && 'file' in input ? String((input as { file?: string }).file ?? '') : '';
      if (file.replace(/\\+/g, '/').includes('@nutui')) return 375;
      return 750;
    },
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV}`,
    plugins: ['@tarojs/plugin-html'],
    defineConstants: {},
    alias: {
      '@': path.resolve(__dirname, '..', 'src'),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      // The app shares core's zod-free modules (vocabulary, routing): compile them like src/.
      compile: { include: [CORE] },
      // Keep modules used only by subpackages (the staff workbench) out of the main package.
      optimizeMainPackage: { enable: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin);
      },
    },
    h5: {
      compile: { include: [CORE] },
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[hash:8].js',
        chunkFilename: 'js/[name].[chunkhash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[hash].css',
        chunkFilename: 'css/[name].[chunkhash].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin);
        // The app renders no Swiper. Taro's H5 React wrappers (@tarojs/components/lib/react) define every
        // component at load, the Swiper among them, and it imports the whole swiper library (about 140 KB
        // minified) into the first load of every page. A stand-in that refuses to be constructed instead.
        chain.resolve.alias.set('swiper/bundle$', path.resolve(__dirname, 'no-swiper.js'));
        // Pages are async chunks in H5: share what several pages use (NutUI, our components) instead of
        // copying it into every page, in chunks per set of pages that use them (unnamed), so a page loads
        // only what it uses: one named 'shared' chunk held the workbench's shared modules too and every
        // page loaded all of it.
        chain.merge({
          optimization: {
            splitChunks: {
              cacheGroups: {
                shared: { chunks: 'async', minChunks: 2, minSize: 0, priority: 5, reuseExistingChunk: true },
              },
            },
          },
        });
        if (process.env.WUYE_H5_STATS) {
          chain.plugin('wuye-stats').use(
            class {
              apply(compiler: { hooks: { done: { tap: (n: string, f: (s: { toJson: (o: object) => unknown }) => void) => void } } }) {
                compiler.hooks.done.tap('wuye-stats', (stats) => require('node:fs').writeFileSync(process.env.WUYE_H5_STATS!, JSON.stringify(stats.toJson({ all: false, modules: true, nestedModules: true, reasons: true, chunks: true, ids: true }))));
              }
            },
          );
        }
      },
    },
  };

  if (process.env.NODE_ENV === 'development') {
    // 本地开发构建配置（不混淆压缩）
    return merge({}, baseConfig, devConfig);
  }
  // 生产构建配置（默认开启压缩混淆等）
  return merge({}, baseConfig, prodConfig);
});
