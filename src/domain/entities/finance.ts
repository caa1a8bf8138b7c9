import { f } from '../../schema/fields.js';
import { records } from '../../schema/record.js';
import { defineEntity } from '../entity.js';

export const ACCOUNT_TYPES = ['asset', 'liability', 'equity', 'income', 'expense'] as const;

export const accounts = defineEntity({
  name: 'account',
  plural: 'accounts',
  module: 'finance',
  path: 'finance/accounts',
  key: ['id'],
  description: 'Chart of accounts: colon-separated names with a type.',
  fields: {
    id: f.account().required().doc('account name, e.g. assets:bank:icbc'),
    type: f.enum(ACCOUNT_TYPES).doc('asset, liability, equity, income or expense (default: from the top segment)'),
    code: f.text().doc('account code, e.g. 1002.01'),
    name_zh: f.text().doc('Chinese name, e.g. 银行存款-工行'),
    currency: f.text(),
    description: f.text(),
  },
});

const posting = {
  account: f.account().required(),
  amount: f.amount().doc('e.g. 1200.00 or 100 USD; at most one posting per entry may leave it empty'),
  cost: f.amount().doc('total cost in another commodity (like @@ in hledger), e.g. 7123.40 CNY for 1000 USD'),
  balance: f.amount().doc('balance assertion: the account balance after this posting'),
  memo: f.text(),
};

export const journal = defineEntity({
  name: 'journal entry',
  plural: 'journal',
  module: 'finance',
  path: 'finance/journal',
  key: ['id'],
  lines: { field: 'postings', fields: posting },
  description: 'Double-entry journal entries (YAML entries, or CSV with one row per posting).',
  fields: {
    id: f.id().required().doc('entry id, e.g. JE-2026-0412'),
    date: f.date().required(),
    description: f.text().required(),
    payee: f.text(),
    tags: f.list(f.text()).doc('"name" or "name:value"; in CSV separated by ";"'),
    notes: f.text(),
    postings: records(posting, 'posting').required(),
  },
});

export const assertions = defineEntity({
  name: 'balance assertion',
  plural: 'assertions',
  module: 'finance',
  path: 'finance/assertions',
  key: ['date', 'account'],
  sort: ['date', 'account'],
  description: 'Dated balance assertions: the balance of an account at the end of a day.',
  fields: {
    date: f.date().required(),
    account: f.account().required().doc('checked against the chart of accounts when there is one'),
    balance: f.amount().required().doc('e.g. 52340.00 CNY'),
  },
});

export const prices = defineEntity({
  name: 'price',
  plural: 'prices',
  module: 'finance',
  path: 'finance/prices',
  key: ['date', 'commodity'],
  sort: ['date', 'commodity'],
  description: 'Exchange rates: one unit of commodity is worth price (in another commodity) from date on.',
  fields: {
    date: f.date().required(),
    commodity: f.text().required().doc('e.g. USD'),
    price: f.amount().required().doc('e.g. 7.1234 CNY'),
  },
});

const docLine = {
  item: f.ref('items', { soft: true }).doc('item (optional for service lines)'),
  description: f.text(),
  qty: f.qty().nonNegative().required(),
  price: f.price().nonNegative().required().doc('unit price before tax'),
  tax_rate: f.rate().range('0', '1').doc('VAT rate, e.g. 13%'),
  account: f.ref('accounts', { soft: true }).doc('income or expense account (default from bizctl.yaml finance:)'),
};

export const invoices = defineEntity({
  name: 'invoice',
  plural: 'invoices',
  module: 'finance',
  path: 'finance/invoices',
  key: ['id'],
  lines: { field: 'lines', fields: docLine },
  description: 'Sales invoices; they post to receivable, revenue and output tax by themselves.',
  fields: {
    id: f.id().required().doc('e.g. INV-2026-0101'),
    customer: f.ref('customers').required(),
    date: f.date().required(),
    due: f.date().doc('due date (default: date + customer payment_terms)'),
    currency: f.text(),
    sales_order: f.ref('sales-orders', { soft: true }),
    owner: f.ref('employees', { soft: true }).doc('salesperson credited (default: customer owner)'),
    fapiao: f.text().doc('official VAT invoice (发票) number'),
    lines: records(docLine, 'line').required(),
    notes: f.text(),
  },
});

export const bills = defineEntity({
  name: 'bill',
  plural: 'bills',
  module: 'finance',
  path: 'finance/bills',
  key: ['id'],
  lines: { field: 'lines', fields: docLine },
  description: 'Supplier bills; they post to payable, expense/stock and input tax by themselves.',
  fields: {
    id: f.id().required(),
    supplier: f.ref('suppliers').required(),
    date: f.date().required(),
    due: f.date(),
    currency: f.text(),
    purchase_order: f.ref('purchase-orders', { soft: true }),
    reference: f.text().doc("supplier's invoice number"),
    lines: records(docLine, 'line').required(),
    notes: f.text(),
  },
});

const allocation = {
  document: f.id().required().doc('invoice, bill or credit note id'),
  amount: f.money().nonNegative().required(),
};

export const payments = defineEntity({
  name: 'payment',
  plural: 'payments',
  module: 'finance',
  path: 'finance/payments',
  key: ['id'],
  lines: { field: 'allocations', fields: allocation },
  description: 'Money received from customers or paid to suppliers, allocated to documents.',
  fields: {
    id: f.id().required(),
    date: f.date().required(),
    direction: f.enum(['in', 'out'] as const).required().doc('in = receipt from a customer, out = payment to a supplier'),
    customer: f.ref('customers').doc('for receipts'),
    supplier: f.ref('suppliers').doc('for payments out'),
    amount: f.money().nonNegative().required(),
    currency: f.text(),
    account: f.ref('accounts', { soft: true }).doc('bank or cash account (default finance.bank)'),
    reference: f.text().doc('bank reference'),
    allocations: records(allocation, 'allocation').doc('documents this payment settles; the rest stays unapplied'),
    notes: f.text(),
  },
});

export const creditNotes = defineEntity({
  name: 'credit note',
  plural: 'credit-notes',
  module: 'finance',
  path: 'finance/credit-notes',
  key: ['id'],
  lines: { field: 'lines', fields: docLine },
  description: 'Credits to customers (returns, price corrections), applied to an invoice or left open.',
  fields: {
    id: f.id().required(),
    customer: f.ref('customers').required(),
    date: f.date().required(),
    invoice: f.ref('invoices').doc('invoice the credit is applied to (empty = unapplied credit)'),
    currency: f.text(),
    reason: f.text(),
    lines: records(docLine, 'line').required(),
  },
});
