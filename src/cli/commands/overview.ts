import { resolve } from 'node:path';
import { writeFileAtomic } from '../../io/write.js';
import { overview, overviewCharts, sourceText } from '../../reports/overview/index.js';
import { overviewHtml } from '../../reports/overview/html.js';
import type { Register } from '../command.js';

export const registerOverview: Register = (program, wrap) => {
  program
    .command('overview')
    .description("the owner's one-screen overview: cash, receivables, payables, pipeline, stock risk, late deliveries, tickets, payroll — with the trend against a month earlier")
    .option('--html <file>', 'also write a self-contained HTML page with charts')
    .addHelpText('after', '\nEvery number equals what its dedicated command prints (shown in the source column).\n\nExamples:\n  bizctl overview --as-of 2026-11-16\n  bizctl overview --html report.html')
    .action(
      wrap((ctx, opts: { html?: string }) => {
        const ws = ctx.workspace();
        const o = overview(ws, ctx.asOf);
        const zh = ctx.lang === 'zh-CN';
        if (opts.html) {
          writeFileAtomic(resolve(ctx.io.cwd, opts.html), overviewHtml(o, overviewCharts(ws, ctx.asOf), zh));
          ctx.info(`wrote ${opts.html}`);
        }
        ctx.output({
          table: {
            title: `${o.company || 'bizctl'} — ${zh ? '经营概览' : 'overview'} ${o.asOf}`,
            columns: [
              { key: 'metric', en: 'metric', zh: '指标' },
              { key: 'value', en: 'value', zh: '本期', align: 'right' },
              { key: 'previous', en: o.previous, zh: o.previous, align: 'right' },
              { key: 'change', en: 'change', zh: '变化', align: 'right' },
              { key: 'source', en: 'source', zh: '来源' },
            ],
            rows: o.metrics.map((m) => [zh ? m.zh : m.en, m.value, m.previous, m.change === null ? (zh ? '不可比' : 'n/a') : `${m.change.sign() > 0 ? '▲' : m.change.sign() < 0 ? '▼' : '='} ${m.change.abs().toString()}`, sourceText(m.source, zh)]),
            notes: o.metrics.filter((m) => m.why).map((m) => (zh ? `${m.zh}：${o.previous} 无可比数字（${m.why}）` : `${m.en}: no comparable number for ${o.previous} (${m.why})`)),
          },
          json: { company: o.company, as_of: o.asOf, previous: o.previous, metrics: o.metrics.map((m) => ({ key: m.key, label: m.en, unit: m.unit, value: m.value, previous: m.previous, change: m.change, ...(m.why ? { no_comparison: m.why } : {}), source: m.source })) },
        });
      }),
    );
};
