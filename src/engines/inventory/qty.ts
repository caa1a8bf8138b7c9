/**
 * Quantity rules shared by stock, BOM tools and MRP.
 *
 * A component requirement is parent qty × qty per ÷ output_qty ÷ (1 − scrap).
 * Multiplication is exact; when a division is needed (output_qty ≠ 1 or a
 * scrap rate) the result is rounded UP to QTY_SCALE decimals, so a
 * requirement is never understated. Trailing zeros are dropped.
 */
import { Dec } from '../../domain/decimal.js';

export const QTY_SCALE = 4;

export function componentQty(parentQty: Dec, per: Dec, output: Dec, scrap: Dec | null | undefined): Dec {
  const n = parentQty.mul(per);
  let d = output;
  if (scrap && !scrap.isZero()) d = d.mul(Dec.ONE.sub(scrap));
  if (d.eq(Dec.ONE)) return n.normalize();
  return n.div(d, QTY_SCALE, 'ceiling').normalize();
}

/** Round up to a whole number. */
export function ceilWhole(q: Dec): Dec {
  return q.round(0, 'ceiling');
}

/** Round up to a multiple of m (m ≤ 0 or absent: unchanged). */
export function ceilMultiple(q: Dec, m: Dec | null | undefined): Dec {
  if (!m || m.sign() <= 0) return q;
  return q.div(m, 0, 'ceiling').mul(m).normalize();
}

/** Positive part: max(0, q). */
export function pos(q: Dec): Dec {
  return q.sign() > 0 ? q : Dec.ZERO;
}
