export default definePageConfig({ navigationBarTitleText: '催缴函' });
