export default definePageConfig({ navigationBarTitleText: '在线提交' });
