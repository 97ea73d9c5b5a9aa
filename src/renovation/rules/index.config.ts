export default definePageConfig({ navigationBarTitleText: '装修须知' });
