/**
 * The overview as one self-contained HTML page: inline CSS and SVG, no
 * script and no network access needed to view it. Deterministic.
 */
import { barChart, esc, funnelChart, grouped } from '../../render/svg.js';
import { sourceText, type Overview } from './index.js';
import type { Chart } from './types.js';

export function overviewHtml(o: Overview, charts: readonly Chart[], zh: boolean): string {
  const t = (en: string, z: string) => (zh ? z : en);
  const cards = o.metrics
    .map((m) => {
      const up = m.change !== null && m.change.sign() > 0;
      const down = m.change !== null && m.change.sign() < 0;
      const cls = !up && !down ? 'flat' : (up && m.good === 'up') || (down && m.good === 'down') ? 'good' : 'bad';
      const arrow = up ? '▲' : down ? '▼' : '＝';
      const val = m.unit === 'money' ? grouped(m.value) : m.value.toString();
      const chg = m.change === null ? '' : m.unit === 'money' ? grouped(m.change.abs()) : m.change.abs().toString();
      const trend = m.change === null ? `<div class="trend flat">${esc(t(`no comparison with ${o.previous} (${m.why ?? ''})`, `与 ${o.previous} 无可比数字`))}</div>` : `<div class="trend ${cls}">${arrow} ${esc(chg)} ${esc(t('vs', '较'))} ${esc(o.previous)}</div>`;
      return `<div class="card" data-key="${esc(m.key)}"><div class="label">${esc(zh ? m.zh : m.en)}</div><div class="value" data-value="${esc(m.value.toString())}">${esc(val)}</div>${trend}<div class="source">${esc(sourceText(m.source, zh))}</div></div>`;
    })
    .join('\n');
  const chartHtml = charts
    .map((c) => {
      const title = zh ? c.zh : c.en;
      const svg = c.kind === 'funnel' ? funnelChart(c.labels, c.series[0]?.values ?? [], title) : barChart(c.labels, c.series, title);
      return `<section class="chart-box" data-chart="${esc(c.key)}"><h2>${esc(title)}</h2>${svg}</section>`;
    })
    .join('\n');
  return `<!DOCTYPE html>
<html lang="${zh ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(`${o.company || 'bizctl'} — ${t('overview', '经营概览')} ${o.asOf}`)}</title>
<style>
body{font-family:-apple-system,"Segoe UI","PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:24px;color:#222;background:#fafafa}
h1{font-size:22px;margin:0 0 4px} .sub{color:#666;margin-bottom:18px}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(220px,1fr));gap:12px;margin-bottom:24px}
.card{background:#fff;border:1px solid #ddd;border-radius:8px;padding:12px}
.label{color:#555;font-size:13px} .value{font-size:22px;font-weight:600;margin:4px 0;font-variant-numeric:tabular-nums}
.trend{font-size:12px} .good{color:#2e7d32} .bad{color:#c62828} .flat{color:#777} .source{font-size:11px;color:#999;margin-top:6px;font-family:monospace}
.charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(580px,1fr));gap:16px}
.chart-box{background:#fff;border:1px solid #ddd;border-radius:8px;padding:12px} .chart-box h2{font-size:15px;margin:0 0 8px}
</style>
</head>
<body>
<h1>${esc(o.company || 'bizctl')}</h1>
<div class="sub">${esc(t('Overview as of', '经营概览，截至'))} ${esc(o.asOf)} · ${esc(t('trends against', '对比'))} ${esc(o.previous)}</div>
<div class="cards">
${cards}
</div>
<div class="charts">
${chartHtml}
</div>
</body>
</html>
`;
}
