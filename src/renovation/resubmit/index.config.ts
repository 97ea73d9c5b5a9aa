export default definePageConfig({ navigationBarTitleText: '补充资料' });
