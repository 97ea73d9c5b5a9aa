export default definePageConfig({ navigationBarTitleText: '我的收据', enablePullDownRefresh: true });
