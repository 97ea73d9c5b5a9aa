export default definePageConfig({ navigationBarTitleText: '装修申请', enablePullDownRefresh: true });
