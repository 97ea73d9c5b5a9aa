export default definePageConfig({ navigationBarTitleText: '收据验证' });
