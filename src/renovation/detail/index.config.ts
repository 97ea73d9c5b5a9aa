export default definePageConfig({ navigationBarTitleText: '装修申请进度', enablePullDownRefresh: true });
