export default definePageConfig({ navigationBarTitleText: '员工工作台 · 装修申请详情' });
