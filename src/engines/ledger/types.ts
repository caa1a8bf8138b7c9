/**
 * The ledger: every transaction that moves money, from journal files and
 * from business documents (which post themselves), in one date-ordered list.
 *
 *   Ledger ─ txns: Txn[] (sorted by date, then source order)
 *   Txn    ─ id, date, description, source, postings: Posting[]
 *   Posting ─ account, amount (exact), commodity, optional balance assertion
 */
import type { Dec } from '../../domain/decimal.js';
import type { IsoDate } from '../../domain/dates.js';
import type { Locator } from '../../schema/record.js';
import type { PostingTable } from './table.js';

export type TxnSource = 'journal' | 'invoice' | 'bill' | 'payment' | 'credit-note';

export interface Posting {
  readonly account: string;
  readonly amount: Dec;
  readonly commodity: string;
  /** Total cost in another commodity (hledger @@), used to balance a currency exchange. */
  readonly cost?: { readonly amount: Dec; readonly commodity: string };
  /** Balance assertion: the account's balance in this commodity after this posting. */
  readonly balance?: Dec;
  readonly memo?: string;
  /** Where it is written (journal postings: the posting; documents: the document). */
  readonly src: Locator;
}

export interface Txn {
  readonly id: string;
  readonly date: IsoDate;
  readonly description: string;
  readonly payee?: string;
  readonly tags: readonly string[];
  readonly source: TxnSource;
  readonly postings: readonly Posting[];
  readonly src: Locator;
}

export interface AccountInfo {
  readonly id: string;
  readonly type: AccountType;
  readonly code?: string;
  readonly name_zh?: string;
}

export type AccountType = 'asset' | 'liability' | 'equity' | 'income' | 'expense';

export interface Ledger {
  /** Every transaction as an object, in ledger order (built on first use). */
  readonly txns: readonly Txn[];
  /** The same transactions as columns, for reports that sum postings. */
  readonly table: PostingTable;
  /** Declared accounts (chart of accounts) and accounts used by postings, with their type. */
  readonly accounts: ReadonlyMap<string, AccountInfo>;
  readonly baseCurrency: string;
}
