const isH5 = process.env.TARO_ENV === 'h5';

export default defineAppConfig({
  pages: [
    'pages/index/index',
    // The demo-user switcher exists only on the local platform (H5); WeChat supplies identity itself.
    ...(isH5 ? ['pages/login/index'] : []),
    'pages/bind/index',
    'pages/submit/index',
    'pages/repair/index',
    'pages/complaint/index',
    'pages/cases/index',
    'pages/case/index',
    'pages/messages/index',
    'pages/join/index',
  ],
  subPackages: [
    // The resident's fee pages: bills, confirmation, payment, receipts and the public receipt check.
    {
      root: 'fee',
      pages: ['bills/index', 'preview/index', 'order/index', 'receipts/index', 'receipt/index', 'verify/index', 'standards/index'],
    },
    // Renovation (装修申请): the rules and agreement, the application, its progress and the household's archive.
    {
      root: 'renovation',
      pages: ['list/index', 'rules/index', 'apply/index', 'detail/index', 'resubmit/index'],
    },
    {
      root: 'workbench',
      pages: ['queue/index', 'case/index', 'bindings/index', 'intake/index', 'mywork/index', 'print/index', 'report/index', 'households/index', 'staff/index', 'rota/index', 'settings/index', 'arrears/index', 'letter/index', 'receipts/index', 'daybook/index', 'renovations/index', 'renovation/index'],
    },
  ],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#0e8a7e',
    navigationBarTitleText: '物业服务',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f3f6f6',
  },
});
