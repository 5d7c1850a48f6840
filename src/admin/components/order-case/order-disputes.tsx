/** The order's disputes (filled in with the disputes feature). */
export function OrderDisputes(_props: { orderId: string; currencyCode: string }) {
  void _props
  return null
}
