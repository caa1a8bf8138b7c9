/**
 * Small, deterministic SVG charts for the HTML overview (no script, no
 * network): grouped bars and horizontal funnels. Geometry uses floats; the
 * numbers shown are the exact decimals.
 */
import type { Dec } from '../domain/decimal.js';

export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** 1234567.5 → "1,234,567.50"-style grouping of an exact decimal's text. */
export function grouped(d: Dec, decimals?: number): string {
  const t = decimals === undefined ? d.toString() : d.toFixed(decimals);
  const neg = t.startsWith('-');
  const [i, f] = (neg ? t.slice(1) : t).split('.');
  const g = i!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (neg ? '-' : '') + g + (f !== undefined ? '.' + f : '');
}

const COLORS = ['#2f6fb3', '#e08a1e', '#3a9a5b', '#b5443b', '#7b5ea7'];
const r1 = (x: number) => Math.round(x * 10) / 10;

export function barChart(labels: readonly string[], series: readonly { name: string; values: readonly Dec[] }[], title: string): string {
  const W = 560;
  const H = 240;
  const pad = { l: 84, r: 10, t: 24, b: 40 };
  const all = series.flatMap((s) => s.values.map((v) => v.toNumber()));
  const max = Math.max(0, ...all);
  const min = Math.min(0, ...all);
  const span = max - min || 1;
  const y = (v: number) => pad.t + ((max - v) / span) * (H - pad.t - pad.b);
  const groupW = (W - pad.l - pad.r) / Math.max(1, labels.length);
  const barW = (groupW * 0.8) / Math.max(1, series.length);
  const parts: string[] = [];
  parts.push(`<line x1="${pad.l}" y1="${r1(y(0))}" x2="${W - pad.r}" y2="${r1(y(0))}" stroke="#888" stroke-width="1"/>`);
  labels.forEach((lab, i) => {
    const gx = pad.l + i * groupW + groupW * 0.1;
    series.forEach((s, k) => {
      const v = s.values[i]!;
      const top = y(Math.max(0, v.toNumber()));
      const h = Math.abs(y(v.toNumber()) - y(0));
      parts.push(`<rect class="bar" x="${r1(gx + k * barW)}" y="${r1(top)}" width="${r1(barW - 2)}" height="${r1(Math.max(h, 0.5))}" fill="${COLORS[k % COLORS.length]}"><title>${esc(`${s.name} ${lab}: ${grouped(v)}`)}</title></rect>`);
    });
    parts.push(`<text x="${r1(gx + (groupW * 0.8) / 2)}" y="${H - pad.b + 16}" text-anchor="middle" font-size="11">${esc(lab)}</text>`);
  });
  let top: Dec | undefined;
  for (const s of series) for (const v of s.values) if (!top || v.gt(top)) top = v;
  if (top && top.sign() > 0) parts.push(`<text x="${pad.l - 6}" y="${r1(y(max)) + 4}" text-anchor="end" font-size="10">${esc(grouped(top))}</text>`);
  const legend = series.map((s, k) => `<rect x="${pad.l + k * 110}" y="4" width="10" height="10" fill="${COLORS[k % COLORS.length]}"/><text x="${pad.l + k * 110 + 14}" y="13" font-size="11">${esc(s.name)}</text>`).join('');
  return `<svg class="chart" role="img" aria-label="${esc(title)}" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}">${legend}${parts.join('')}</svg>`;
}

export function funnelChart(labels: readonly string[], values: readonly Dec[], title: string): string {
  const W = 560;
  const rowH = 28;
  const H = Math.max(1, labels.length) * rowH + 10;
  const max = Math.max(1e-9, ...values.map((v) => v.toNumber()));
  const parts = labels.map((lab, i) => {
    const w = (values[i]!.toNumber() / max) * (W - 200);
    const x = 130 + (W - 200 - w) / 2;
    return `<text x="124" y="${i * rowH + 23}" text-anchor="end" font-size="12">${esc(lab)}</text><rect class="bar" x="${r1(x)}" y="${i * rowH + 8}" width="${r1(Math.max(w, 0.5))}" height="${rowH - 6}" fill="${COLORS[0]}"><title>${esc(`${lab}: ${grouped(values[i]!)}`)}</title></rect><text x="${W - 64}" y="${i * rowH + 23}" font-size="12">${esc(grouped(values[i]!))}</text>`;
  });
  return `<svg class="chart" role="img" aria-label="${esc(title)}" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}">${parts.join('')}</svg>`;
}
