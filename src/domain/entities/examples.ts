import type { EntityKey } from './index.js';

/**
 * One small example file per entity, shown in docs/workspace.md and loaded
 * by a test (together, they form a valid workspace), so the documentation
 * can never drift from what bizctl accepts.
 */
export const EXAMPLES: Record<EntityKey, { file: string; text: string }> = {
  customers: {
    file: 'crm/customers.yaml',
    text: `- id: C0012
  name: 上海明达办公家具有限公司
  name_en: Shanghai Mingda Office Furniture
  owner: E003
  industry: 制造业
  phone: 021-5888 1234
  email: purchase@mingda.example.cn
  province: 上海
  city: 上海
  source: CA-2026-02
  created: 2025-03-14
  payment_terms: 30
  credit_limit: 200000.00
  tags: [vip, 华东]
`,
  },
  contacts: {
    file: 'crm/contacts.yaml',
    text: `- id: P0031
  customer: C0012
  name: 王芳
  title: 采购经理
  phone: 138 0000 1234
  wechat: wangfang_md
  primary: true
`,
  },
  deals: {
    file: 'crm/deals.yaml',
    text: `- id: D-2026-0007
  title: 明达 新办公楼 200 工位
  customer: C0012
  owner: E003
  stage: proposal
  amount: 360000.00
  probability: 60%   # overrides the stage's 50%
  created: 2026-09-02
  expected_close: 2026-11-30
  campaign: CA-2026-02
  requested_date: 2027-01-15
  next_step: 提交第二版报价
  next_step_date: 2026-11-18
  lines:
    - item: DESK-1600
      qty: 200
      price: 1800
  history:
    - stage: lead
      date: 2026-09-02
    - stage: qualified
      date: 2026-09-20
    - stage: proposal
      date: 2026-10-15
`,
  },
  activities: {
    file: 'crm/activities.yaml',
    text: `- id: A-2026-0311
  date: 2026-11-10
  kind: visit
  customer: C0012
  deal: D-2026-0007
  owner: E003
  subject: 现场量尺, 确认工位布局
  notes: 客户希望 12 月底前交付样品
- id: A-2026-0318
  date: 2026-11-12
  kind: task
  customer: C0012
  owner: E003
  subject: 发送第二版报价
  due: 2026-11-18
  done: false
`,
  },
  campaigns: {
    file: 'crm/campaigns.yaml',
    text: `- id: CA-2026-02
  name: 2026 上海办公展
  channel: trade-show
  start: 2026-09-01
  end: 2026-09-03
  cost: 85000.00
  items: [DESK-1600, CHAIR-ERGO]
  expected_demand: 300
`,
  },
  tickets: {
    file: 'crm/tickets.yaml',
    text: `- id: T-0042
  customer: C0012
  subject: 第二批桌子未按期到货
  category: delivery
  priority: high
  status: open
  opened: 2026-11-12 09:40
  first_response: 2026-11-12 11:05
  owner: E003
  sales_order: SO-2026-0041
`,
  },
  items: {
    file: 'inventory/items.yaml',
    text: `- id: DESK-1600
  name: 办公桌 1600
  type: make
  unit: pcs
  lead_time: 5
  safety_stock: 20
  lot_size: lfl
  price: 1800
  labour_cost: 60
  overhead_cost: 25
  tax_rate: 13%
- id: FRAME-D
  name: 桌架
  type: make
  lead_time: 3
  lot_size: poq
  poq_periods: 2
- id: PANEL-1600
  name: 桌面板 1600x800
  type: buy
  supplier: S-03
  lead_time: 10
  safety_stock: 50
  reorder_point: 120
  reorder_qty: 200
  moq: 100
  order_multiple: 50
  lot_size: multiple
  lot_qty: 50
  scrap: 2%
  cost: 210.50
- id: TUBE-40
  name: 钢管 40x40
  type: buy
  unit: m
  supplier: S-01
  lead_time: 7
  cost: 18.20
- id: SCREW-KIT
  name: 螺丝包
  type: buy
  supplier: S-01
  lead_time: 3
  cost: 3.50
- id: CHAIR-ERGO
  name: 人体工学椅
  type: buy
  supplier: S-03
  lead_time: 12
  cost: 420
  price: 899
`,
  },
  boms: {
    file: 'inventory/boms.yaml',
    text: `- item: DESK-1600
  components:
    - component: PANEL-1600
      qty: 1
    - component: FRAME-D
      qty: 1
    - component: SCREW-KIT
      qty: 1
- item: FRAME-D
  components:
    - component: TUBE-40
      qty: 4.8
      scrap: 5%
    - component: SCREW-KIT
      qty: 1
`,
  },
  locations: {
    file: 'inventory/locations.yaml',
    text: `- id: WH-SH
  name: 上海总仓
- id: SHOWROOM
  name: 展厅
  kind: shop
  nettable: false
`,
  },
  stock: {
    file: 'inventory/stock.csv',
    text: `date,item,location,qty
2026-11-01,DESK-1600,WH-SH,35
2026-11-01,PANEL-1600,WH-SH,140
2026-11-01,DESK-1600,SHOWROOM,2
`,
  },
  moves: {
    file: 'inventory/moves.csv',
    text: `id,date,item,qty,from,to,kind,document
MV-0901,2026-11-03,PANEL-1600,100,,WH-SH,receipt,PO-2026-0188
MV-0902,2026-11-05,DESK-1600,20,WH-SH,,shipment,SO-2026-0041
`,
  },
  suppliers: {
    file: 'purchasing/suppliers.yaml',
    text: `- id: S-03
  name: 佛山华美板材有限公司
  contact: 陈刚
  phone: 0757-8888 0000
  lead_time: 10
  payment_terms: 60
- id: S-01
  name: 天津宏达钢管厂
  lead_time: 7
`,
  },
  'purchase-orders': {
    file: 'purchasing/purchase-orders.yaml',
    text: `- id: PO-2026-0188
  supplier: S-03
  date: 2026-10-20
  lines:
    - line: 1
      item: PANEL-1600
      qty: 300
      price: 210.50
      tax_rate: 13%
      due: 2026-11-05
      received: 100
      received_date: 2026-11-03
`,
  },
  'sales-orders': {
    file: 'sales/sales-orders.csv',
    text: `id,customer,date,deal,line,item,qty,price,tax_rate,due,shipped
SO-2026-0041,C0012,2026-10-25,D-2026-0007,1,DESK-1600,60,1800,13%,2026-11-10,20
SO-2026-0041,,,,2,CHAIR-ERGO,60,899,13%,2026-11-10,0
`,
  },
  forecast: {
    file: 'sales/forecast.csv',
    text: `item,period,qty
DESK-1600,2026-12,120
DESK-1600,2027-01,150
`,
  },
  'work-orders': {
    file: 'production/work-orders.yaml',
    text: `- id: WO-0042
  item: DESK-1600
  qty: 40
  start: 2026-11-04
  due: 2026-11-11
  status: in-progress
  completed: 10
  sales_order: SO-2026-0041
`,
  },
  'planned-orders': {
    file: 'production/planned-orders.csv',
    text: `id,item,type,qty,release,due,supplier,action,for
PL-DESK-1600-2026-11-23,DESK-1600,make,60,2026-11-16,2026-11-23,,release-now,SO-2026-0041/1
PL-PANEL-1600-2026-11-23,PANEL-1600,buy,100,2026-11-09,2026-11-23,S-03,past-due,SO-2026-0041/1;safety stock
`,
  },
  accounts: {
    file: 'finance/accounts.yaml',
    text: `- id: assets:bank:icbc
  code: '1002.01'
  name_zh: 银行存款-工商银行
- id: assets:receivable
  code: '1122'
  name_zh: 应收账款
- id: assets:tax:vat-input
  code: '2221.01'
  name_zh: 应交税费-进项税额
- id: liabilities:payable
  code: '2202'
  name_zh: 应付账款
- id: liabilities:tax:vat-output
  code: '2221.02'
  name_zh: 应交税费-销项税额
- id: equity:capital
  code: '4001'
  name_zh: 实收资本
- id: income:sales
  code: '6001'
  name_zh: 主营业务收入
- id: expenses:purchases
  code: '1403'
  name_zh: 原材料
- id: expenses:rent
  code: '6602.05'
  name_zh: 管理费用-租金
`,
  },
  journal: {
    file: 'finance/journal/2026-11.yaml',
    text: `- id: JE-2026-1031
  date: 2026-10-31
  description: 期初余额 opening balance
  postings:
    - account: assets:bank:icbc
      amount: 1250000.00
    - account: equity:capital
- id: JE-2026-1101
  date: 2026-11-01
  description: 11月厂房租金
  payee: 上海某园区管理公司
  tags: [rent, period:2026-11]
  postings:
    - account: expenses:rent
      amount: 45000.00
    - account: assets:bank:icbc
      amount: -45000.00
      balance: 1205000.00 CNY
`,
  },
  assertions: {
    file: 'finance/assertions.csv',
    text: `date,account,balance
2026-10-31,assets:bank:icbc,1250000.00 CNY
`,
  },
  prices: {
    file: 'finance/prices.csv',
    text: `date,commodity,price
2026-11-01,USD,7.1234 CNY
`,
  },
  invoices: {
    file: 'finance/invoices.yaml',
    text: `- id: INV-2026-0101
  customer: C0012
  date: 2026-11-05
  due: 2026-12-05
  sales_order: SO-2026-0041
  fapiao: '3100264130-00012345'
  lines:
    - item: DESK-1600
      qty: 20
      price: 1800
      tax_rate: 13%
`,
  },
  bills: {
    file: 'finance/bills.yaml',
    text: `- id: BILL-2026-0077
  supplier: S-03
  date: 2026-11-03
  due: 2027-01-02
  purchase_order: PO-2026-0188
  reference: HM-88123
  lines:
    - item: PANEL-1600
      qty: 100
      price: 210.50
      tax_rate: 13%
`,
  },
  payments: {
    file: 'finance/payments.yaml',
    text: `- id: PAY-2026-0033
  date: 2026-11-12
  direction: in
  customer: C0012
  amount: 30000.00
  account: assets:bank:icbc
  reference: 工行回单 0098812
  allocations:
    - document: INV-2026-0101
      amount: 30000.00
`,
  },
  'credit-notes': {
    file: 'finance/credit-notes.yaml',
    text: `- id: CN-2026-0003
  customer: C0012
  date: 2026-11-14
  invoice: INV-2026-0101
  reason: 桌面划伤, 折让
  lines:
    - description: 质量折让
      qty: 1
      price: 500
      tax_rate: 13%
`,
  },
  employees: {
    file: 'hr/employees.yaml',
    text: `- id: E003
  name: 李娜
  department: 销售部
  title: 销售经理
  hired: 2023-04-01
  base_salary: 15000.00
  housing_fund_rate: 7%
  deductions:
    children: 2000
    elderly: 1500
  commission_plan: sales-standard
  bank: 招商银行
  bank_account: '6225880000001234'
`,
  },
  attendance: {
    file: 'hr/attendance/2026-10.csv',
    text: `employee,month,days_worked,absence_days,leave_days,overtime_weekday,overtime_restday,overtime_holiday
E003,2026-10,16,1,0,4,8,0
`,
  },
  'payroll-rules': {
    file: 'hr/payroll.yaml',
    text: `# A short example; the full China preset is templates/manufacturing/hr/payroll.yaml (docs/payroll.md).
preset: china
versions:
- effective: 2024-07-01
  constants:
    basic_deduction: 5000
    days_per_month: 21.75
    si_floor: 7384
    si_ceiling: 36921
  tables:
  - name: iit_cumulative
    brackets:
    - {upto: 36000, rate: 3%}
    - {upto: 144000, rate: 10%}
    - {rate: 20%}
  commission_plans:
  - id: sales-standard
    method: marginal
    tiers:
    - {upto: 100000, rate: 1%}
    - {rate: 2%}
  components:
  - code: base
    kind: earning
    amount: base_salary - base_salary / days_per_month * absence_days
  - code: commission
    kind: earning
    amount: sales.commission
  - code: bonus
    kind: earning
    amount: input.year_end_bonus
  - code: pension
    kind: contribution
    base: social_base
    floor: si_floor
    ceiling: si_ceiling
    employee_rate: 8%
    employer_rate: 16%
  - code: taxable
    kind: info
    amount: gross - basic_deduction - contributions - deductions_total
  - code: iit
    kind: deduction
    amount: max(0, round(table(iit_cumulative, ytd.taxable + taxable), 2) - ytd.tax)
  accumulators:
  - {name: taxable, of: taxable}
  - {name: tax, of: iit}
`,
  },
  'payroll-ytd': {
    file: 'hr/payroll-ytd.csv',
    text: `employee,year,through,months,income,basic_deduction,special_deductions,additional_deductions,tax,notes
E003,2026,2026-06,6,93000.00,30000.00,16800.00,21000.00,756.00,from the previous payroll system
`,
  },
  'pay-items': {
    file: 'hr/pay-items.csv',
    text: `employee,month,code,amount,notes
E003,2026-10,year_end_bonus,36000.00,2026 年终奖
`,
  },
};
