export default definePageConfig({ navigationBarTitleText: '装修服务', enablePullDownRefresh: true });
