/**
 * Lead times, in working days from release to receipt. A made item uses its
 * own `lead_time` (production). A bought item uses its `lead_time` too, or,
 * when that is 0 (the default), its supplier's `lead_time` (purchasing).
 */
export function effectiveLeadTime(item: { readonly type: 'make' | 'buy'; readonly lead_time: number; readonly supplier?: string }, supplierLeadTime: (id: string) => number | undefined): number {
  if (item.type === 'buy' && item.lead_time === 0 && item.supplier !== undefined) return supplierLeadTime(item.supplier) ?? 0;
  return item.lead_time;
}
