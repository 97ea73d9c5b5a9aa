export default definePageConfig({ navigationBarTitleText: '员工工作台 · 服务与收费' });
