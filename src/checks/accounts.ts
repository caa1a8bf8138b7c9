import type { SourceLoc } from '../diagnostics/types.js';
import { didYouMean } from '../util/suggest.js';
import { indexOf } from '../workspace/index.js';
import type { AnyRecord } from '../workspace/parse-entity.js';
import type { Check } from './check.js';

const ROOT_TYPES: Record<string, string> = {
  assets: 'asset', asset: 'asset', 资产: 'asset',
  liabilities: 'liability', liability: 'liability', 负债: 'liability',
  equity: 'equity', 权益: 'equity', 所有者权益: 'equity',
  income: 'income', revenue: 'income', revenues: 'income', 收入: 'income', 损益: 'income',
  expenses: 'expense', expense: 'expense', 费用: 'expense', 成本: 'expense',
};

/** Account type from an explicit type or the top segment of the name. */
export function accountType(id: string, explicit?: string): string | undefined {
  return explicit ?? ROOT_TYPES[id.split(':')[0]!.toLowerCase()];
}

/**
 * With a chart of accounts present: every account has a type, and journal
 * postings and the control accounts in bizctl.yaml name declared accounts.
 */
export const accounts: Check = {
  name: 'accounts',
  run(ws, d) {
    if (!ws.present.has('accounts')) return;
    const idx = indexOf(ws, 'accounts');
    for (const a of ws.data.accounts as unknown as AnyRecord[]) {
      if (!accountType(a.id as string, a.type as string | undefined)) {
        d.push('missing-field', a.src.at('id'), `account ${a.id as string} has no type and its top segment does not tell one`, 'add type: asset, liability, equity, income or expense, or start the name with assets:, liabilities:, equity:, income: or expenses:');
      }
    }
    const check = (name: string, at: () => SourceLoc, what: () => string) => {
      if (idx.has(name)) return;
      const loc = at();
      const g = didYouMean(name, idx.keys());
      d.push('unknown-ref', loc, `${what()} uses account "${name}", which is not in the chart of accounts`, g ? `did you mean "${g}"?` : `add ${name} to ${ws.files.get('accounts')?.[0] ?? 'finance/accounts.yaml'}`);
    };
    const j = ws.journal;
    const known = j.accounts.map((a) => idx.has(a));
    const { account, postStart } = j;
    for (let e = 0; e < j.size; e++) {
      for (let p = postStart[e]!; p < postStart[e + 1]!; p++) {
        if (!known[account[p]!]) check(j.accounts[account[p]!]!, () => j.postingSrc(e, p).at('account'), () => `journal entry ${j.ids[e]!}`);
      }
    }
    for (const a of ws.data.assertions as unknown as AnyRecord[]) check(a.account as string, () => a.src.at('account'), () => `balance assertion of ${a.date as string}`);
    const usesDocs = ['invoices', 'bills', 'payments', 'credit-notes'].some((k) => ws.present.has(k as 'invoices'));
    if (usesDocs) {
      const f = ws.config.finance;
      const cfgLoc = { file: 'bizctl.yaml', line: 1, col: 1 };
      for (const k of ['receivable', 'payable', 'revenue', 'purchases', 'tax_output', 'tax_input', 'bank'] as const) {
        check(f[k], () => cfgLoc, () => `finance.${k} in bizctl.yaml`);
      }
    }
  },
};
