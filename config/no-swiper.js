/**
 * Stands in for `swiper/bundle` in the H5 build (config/index.ts): the app renders no Swiper, but
 * Taro's H5 component wrappers import it with every other component. Constructing one fails loudly.
 */
export default class NoSwiper {
  constructor() {
    throw new Error('swiper is not bundled in the H5 build (config/no-swiper.js): the app renders no Swiper');
  }
}
