/** `crm today`: follow-ups due today or overdue, by owner. */
import { followups, type Followup, type FollowupActivityIn } from '../../engines/crm/followups.js';
import type { TableModel } from '../../render/model.js';
import { tr, type CrmInputs } from './inputs.js';
import { crmWord } from './words.js';

export function todayReport(inp: CrmInputs, owner?: string): { report: { as_of: string; followups: Followup[] }; table: TableModel } {
  const rows = followups(inp.ws.data.activities as unknown as FollowupActivityIn[], inp.deals, inp.asOf).filter((f) => owner === undefined || f.owner === owner);
  const L = (en: string, zh: string) => tr(inp.lang, en, zh);
  const owners = new Set(rows.map((r) => r.owner)).size;
  return {
    report: { as_of: inp.asOf, followups: rows },
    table: {
      title: L(`Follow-ups due by ${inp.asOf}`, `截至 ${inp.asOf} 到期的跟进`),
      columns: [
        { key: 'owner', en: 'Owner', zh: '负责人' },
        { key: 'due', en: 'Due', zh: '到期日' },
        { key: 'days_overdue', en: 'Days overdue', zh: '逾期天数' },
        { key: 'kind', en: 'Kind', zh: '类型' },
        { key: 'id', en: 'Activity / deal', zh: '活动 / 商机' },
        { key: 'customer', en: 'Customer', zh: '客户' },
        { key: 'customer_name', en: 'Customer name', zh: '客户名称' },
        { key: 'deal', en: 'Deal', zh: '商机' },
        { key: 'subject', en: 'Subject', zh: '事项' },
      ],
      rows: rows.map((r) => [r.owner ?? L('(none)', '（无）'), r.due, r.days_overdue, crmWord(inp.lang, r.kind), r.id, r.customer, r.customer ? inp.customerName(r.customer) : '', r.deal, r.subject]),
      notes: [
        L(
          `${rows.length} follow-up${rows.length === 1 ? '' : 's'} for ${owners} owner${owners === 1 ? '' : 's'}: activities not done whose due date (else their date) is on or before ${inp.asOf}, and next steps of open deals`,
          `共 ${rows.length} 项、${owners} 位负责人：未完成且到期日（无则为活动日期）不晚于 ${inp.asOf} 的活动，以及未结商机的下一步`,
        ),
      ],
    },
  };
}
