export default definePageConfig({ navigationBarTitleText: '员工工作台 · 值班表' });
