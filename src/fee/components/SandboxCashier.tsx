/**
 * The mini-program has WeChat's own payment sheet (startPayment.weapp.ts): no sandbox cashier there.
 * The H5 one is SandboxCashier.h5.tsx.
 */
export function SandboxCashier(_props: { outTradeNo: string; totalFen: number; onConfirmed: () => void; onError: (message: string) => void }) {
  return null;
}
