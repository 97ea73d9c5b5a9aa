export default definePageConfig({ navigationBarTitleText: '员工工作台 · 月度报表' });
