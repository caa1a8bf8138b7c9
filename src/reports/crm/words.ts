/** Chinese table words for CRM codes (ticket priority and status, activity kinds, order status). JSON keeps the codes. */
import type { Lang } from '../../render/model.js';

const ZH: Record<string, string> = {
  // ticket priorities (the defaults of sla.priorities; others are shown as configured)
  urgent: '紧急',
  high: '高',
  normal: '普通',
  low: '低',
  // ticket status
  open: '处理中',
  pending: '待客户回复',
  resolved: '已解决',
  closed: '已关闭',
  // activity kinds and follow-ups
  call: '电话',
  meeting: '会议',
  visit: '拜访',
  email: '邮件',
  wechat: '微信',
  task: '任务',
  note: '备注',
  'next-step': '下一步',
};

const ORDER_ZH: Record<string, string> = { draft: '草稿', open: '未结', 'partly shipped': '部分发货', shipped: '已发货', closed: '已关闭', cancelled: '已取消' };

/** A CRM code word in the table's language. */
export function crmWord(lang: Lang, code: string | null | undefined): string {
  if (code === null || code === undefined) return '';
  return lang === 'zh-CN' ? (ZH[code] ?? code) : code;
}

/** A sales-order status word in the table's language. */
export function orderStatusWord(lang: Lang, status: string | null | undefined): string {
  if (status === null || status === undefined) return '';
  return lang === 'zh-CN' ? (ORDER_ZH[status] ?? status) : status;
}
