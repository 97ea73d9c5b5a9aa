export default definePageConfig({ navigationBarTitleText: '员工工作台 · 代客登记' });
