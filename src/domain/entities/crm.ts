import { Dec } from '../decimal.js';
import { f } from '../../schema/fields.js';
import { records } from '../../schema/record.js';
import { defineEntity } from '../entity.js';

export const customers = defineEntity({
  name: 'customer',
  plural: 'customers',
  module: 'crm',
  path: 'crm/customers',
  key: ['id'],
  description: 'Companies and people who buy from us (or might).',
  fields: {
    id: f.id().required().doc('customer id, e.g. C0012'),
    name: f.text().required().doc('name as it should appear on documents'),
    name_en: f.text().doc('English or pinyin name'),
    kind: f.enum(['company', 'person'] as const).default('company').doc('company or person'),
    status: f.enum(['prospect', 'active', 'inactive'] as const).default('active').doc('prospect, active or inactive'),
    owner: f.ref('employees', { soft: true }).doc('account owner (employee id when hr/ is present)'),
    industry: f.text(),
    phone: f.text(),
    email: f.text(),
    province: f.text(),
    city: f.text(),
    address: f.text(),
    source: f.ref('campaigns', { soft: true }).doc('campaign that brought the customer'),
    created: f.date().doc('first contact date'),
    currency: f.text().doc('invoice currency (default: base currency)'),
    payment_terms: f.int().nonNegative().doc('days from invoice to due date'),
    credit_limit: f.money().nonNegative(),
    tags: f.list(f.text()).doc('free labels; in CSV separated by ";"'),
    notes: f.text(),
  },
});

export const contacts = defineEntity({
  name: 'contact',
  plural: 'contacts',
  module: 'crm',
  path: 'crm/contacts',
  key: ['id'],
  description: 'People at customers.',
  fields: {
    id: f.id().required(),
    customer: f.ref('customers').required(),
    name: f.text().required(),
    title: f.text(),
    phone: f.text(),
    email: f.text(),
    wechat: f.text(),
    primary: f.bool().default(false),
    notes: f.text(),
  },
});

const dealLine = {
  item: f.ref('items', { soft: true }).required().doc('item sold'),
  qty: f.qty().nonNegative().required(),
  price: f.price().nonNegative().doc('unit price (default: item price)'),
  discount: f.rate().range('0', '1'),
};

const stageChange = {
  stage: f.id().required().doc('stage entered'),
  date: f.date().required().doc('date entered'),
  note: f.text(),
};

export const deals = defineEntity({
  name: 'deal',
  plural: 'deals',
  module: 'crm',
  path: 'crm/deals',
  key: ['id'],
  lines: { field: 'lines', fields: dealLine },
  description: 'Opportunities from first contact to won or lost, with their stage history.',
  fields: {
    id: f.id().required().doc('deal id, e.g. D-2026-0007'),
    title: f.text().required(),
    customer: f.ref('customers').required(),
    owner: f.ref('employees', { soft: true }),
    stage: f.id().required().doc('current stage, one of crm.stages in bizctl.yaml'),
    amount: f.money().nonNegative().doc('expected amount (default: sum of lines)'),
    currency: f.text(),
    probability: f.rate().range('0', '1').doc('overrides the stage probability'),
    created: f.date().required(),
    expected_close: f.date().doc('expected close date'),
    closed: f.date().doc('date won or lost'),
    lost_reason: f.text(),
    campaign: f.ref('campaigns', { soft: true }),
    requested_date: f.date().doc('delivery date the customer asks for'),
    sales_order: f.ref('sales-orders', { soft: true }).doc('sales order created from the deal'),
    next_step: f.text(),
    next_step_date: f.date(),
    lines: records(dealLine, 'line').doc('products in the deal'),
    history: records(stageChange, 'stage change').doc('stage changes, oldest first'),
    notes: f.text(),
  },
});

export const activities = defineEntity({
  name: 'activity',
  plural: 'activities',
  module: 'crm',
  path: 'crm/activities',
  key: ['id'],
  description: 'Calls, meetings, visits, e-mails and tasks with customers.',
  fields: {
    id: f.id().required(),
    date: f.date().required().doc('date it happened (or was created, for tasks)'),
    kind: f.enum(['call', 'meeting', 'visit', 'email', 'wechat', 'task', 'note'] as const).required(),
    customer: f.ref('customers'),
    deal: f.ref('deals'),
    owner: f.ref('employees', { soft: true }),
    subject: f.text().required(),
    due: f.date().doc('for follow-ups and tasks: when it must be done'),
    done: f.bool().default(false),
    notes: f.text(),
  },
});

export const campaigns = defineEntity({
  name: 'campaign',
  plural: 'campaigns',
  module: 'crm',
  path: 'crm/campaigns',
  key: ['id'],
  description: 'Marketing campaigns with their cost and the products they promote.',
  fields: {
    id: f.id().required(),
    name: f.text().required(),
    channel: f.text().doc('e.g. trade-show, wechat, baidu, email'),
    start: f.date().required(),
    end: f.date(),
    cost: f.money().nonNegative().default(Dec.ZERO).doc('total cost of the campaign'),
    currency: f.text(),
    items: f.list(f.ref('items', { soft: true })).doc('products promoted'),
    expected_demand: f.qty().nonNegative().doc('units the campaign is expected to sell, per item'),
    notes: f.text(),
  },
});

export const tickets = defineEntity({
  name: 'ticket',
  plural: 'tickets',
  module: 'crm',
  path: 'crm/tickets',
  key: ['id'],
  description: 'Complaints and after-sales requests with SLA clocks.',
  fields: {
    id: f.id().required(),
    customer: f.ref('customers').required(),
    subject: f.text().required(),
    category: f.text().doc('e.g. delivery, quality, installation, invoice'),
    priority: f.id().default('normal').doc('one of sla.priorities in bizctl.yaml'),
    status: f.enum(['open', 'pending', 'resolved', 'closed'] as const).default('open'),
    opened: f.datetime().required().doc('YYYY-MM-DD HH:MM'),
    first_response: f.datetime(),
    resolved: f.datetime(),
    owner: f.ref('employees', { soft: true }),
    sales_order: f.ref('sales-orders', { soft: true }),
    notes: f.text(),
  },
});
