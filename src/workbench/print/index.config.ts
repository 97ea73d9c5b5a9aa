export default definePageConfig({ navigationBarTitleText: '维修工作单' });
