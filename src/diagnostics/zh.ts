/**
 * Chinese text of diagnostics (`--lang zh-CN`). Diagnostics are built in
 * English where they are found; this catalogue turns a message, hint or
 * note into Chinese by its shape, at the edge where it is shown. Codes,
 * positions, field names, ids and values stay as written, so tools and
 * searches keep working. A text no rule knows stays English
 * (tests/diagnostics-zh.test.ts requires every reproducer in tests/errors
 * to come out in Chinese).
 */
import type { Diagnostic } from './types.js';
import { de, name, PARTS, plural, spaced, zhWhat } from './zh-names.js';
export { zhWhat } from './zh-names.js';

const w = zhWhat;

type Rule = readonly [RegExp, (m: string[]) => string];

/** Formula errors (payroll rules), alone (with the position inside the formula) or inside "… in formula". */
const TY: Record<string, string> = { 'a number': '数字', 'yes/no (a condition)': '条件（是/否）' };
const ty = (t: string) => TY[t] ?? t;
const FORMULA: readonly Rule[] = [
  [/^this "(.)" is never closed$/, (m) => `这个 "${m[1]}" 没有闭合`],
  [/^(.+) must be (a number|yes\/no \(a condition\)), but "(.*)" is (a number|yes\/no \(a condition\))$/, (m) => `${spaced(m[1]!.replace(/^the condition of (\S+)$/, '$1 的条件'))}必须是${ty(m[2]!)}，但 "${m[3]}" 是${ty(m[4]!)}`],
  [/^this formula gives (.+), but (.+) is needed here$/, (m) => `这个公式得出的是${ty(m[1]!)}，但这里需要${ty(m[2]!)}`],
  [/^"(.*)" compares (.+) with (.+)$/, (m) => `"${m[1]}" 把${ty(m[2]!)}与${ty(m[3]!)}相比较`],
  [/^unknown name "(.*)"$/, (m) => `未知名称 "${m[1]}"`],
  [/^unknown function "(.*)"$/, (m) => `未知函数 "${m[1]}"`],
  [/^unknown table "(.*)"$/, (m) => `未知税率表 "${m[1]}"`],
  [/^unknown accumulator "(.*)"$/, (m) => `未知累计项 "${m[1]}"`],
  [/^unknown special additional deduction "(.*)"$/, (m) => `未知专项附加扣除 "${m[1]}"`],
  [/^(.+) cannot use itself$/, (m) => `${m[1]} 不能引用自身`],
  [/^(.+) is computed below, on line (\d+)$/, (m) => `${m[1]} 在下方第 ${m[2]} 行才计算`],
  [/^(.+) is empty$/, (m) => `${m[1]} 为空`],
  [/^division by zero$/, () => '除数为零'],
];

/** Messages and notes, matched whole. */
const MESSAGES: readonly Rule[] = [
  // fields (src/schema)
  [/^unknown field "(.*)" in (.+)$/, (m) => `${spaced(w(m[2]!))}有未知字段 "${m[1]}"`],
  [/^(\S+) of (.+) must be a list of (.+)s$/, (m) => `${de(w(m[2]!))} ${m[1]} 必须是${PARTS[m[3]!] ?? m[3]}列表`],
  [/^(.+) must be a mapping of fields$/, (m) => `${spaced(w(m[1]!))}必须是字段映射（field: value）`],
  [/^(\S+) of (.+) must be a mapping of names to numbers$/, (m) => `${de(w(m[2]!))} ${m[1]} 必须是“名称: 数字”的映射`],
  [/^(\S+) of (.+) must be a mapping$/, (m) => `${de(w(m[2]!))} ${m[1]} 必须是映射（field: value）`],
  [/^(\S+) of (.+) must be a formula, not a (list|mapping)$/, (m) => `${de(w(m[2]!))} ${m[1]} 必须是公式，不能是${m[3] === 'list' ? '列表' : '映射'}`],
  [/^(\S+) of (.+) must be (.+), not a (list|mapping)$/, (m) => `${de(w(m[2]!))} ${m[1]} 必须是单个值（${kindZh(m[3]!)}），不能是${m[4] === 'list' ? '列表' : '映射'}`],
  [/^(\S+) of (.+) must be at least (\S+), got (\S+)$/, (m) => `${de(w(m[2]!))} ${m[1]} 不能小于 ${m[3]}，实际为 ${m[4]}`],
  [/^(\S+) of (.+) must be at most (\S+), got (\S+)$/, (m) => `${de(w(m[2]!))} ${m[1]} 不能大于 ${m[3]}，实际为 ${m[4]}`],
  [/^(\S+) of (.+) is not a number: "(.*)"$/, (m) => `${de(w(m[2]!))} ${m[1]} 不是数字："${m[3]}"`],
  [/^(\S+) of (.+) is not a number$/, (m) => `${de(w(m[2]!))} ${m[1]} 不是数字`],
  [/^(\S+) "(.*)" of (.+) is not a valid id$/, (m) => `${de(w(m[3]!))} ${m[1]} "${m[2]}" 不是有效的编号`],
  [/^account name "(.*)" of (.+) is not valid$/, (m) => `${spaced(w(m[2]!))}的科目名称 "${m[1]}" 无效`],
  [/^(\S+) of (.+) is not a valid date: "(.*)"$/, (m) => `${de(w(m[2]!))} ${m[1]} 不是有效日期："${m[3]}"`],
  [/^(\S+) of (.+) is not a valid date-time: "(.*)"$/, (m) => `${de(w(m[2]!))} ${m[1]} 不是有效的日期时间："${m[3]}"`],
  [/^(\S+) of (.+) is not a month: "(.*)"$/, (m) => `${de(w(m[2]!))} ${m[1]} 不是月份："${m[3]}"`],
  [/^(\S+) of (.+) is not a period: "(.*)"$/, (m) => `${de(w(m[2]!))} ${m[1]} 不是期间："${m[3]}"`],
  [/^(\S+) of (.+) is not a whole number: "(.*)"$/, (m) => `${de(w(m[2]!))} ${m[1]} 不是整数："${m[3]}"`],
  [/^(\S+) of (.+) must be true or false, got "(.*)"$/, (m) => `${de(w(m[2]!))} ${m[1]} 必须是 true 或 false，实际为 "${m[3]}"`],
  [/^(\S+) of (.+) must be one of (.+); got "(.*)"$/, (m) => `${de(w(m[2]!))} ${m[1]} 必须是 ${m[3]} 之一，实际为 "${m[4]}"`],
  [/^(\S+) of (.+) is not an amount: "(.*)"$/, (m) => `${de(w(m[2]!))} ${m[1]} 不是金额："${m[3]}"`],
  [/^(\S+) of (.+) must be a list$/, (m) => `${de(w(m[2]!))} ${m[1]} 必须是列表`],
  [/^(\S+) of (.+) must be a duration$/, (m) => `${de(w(m[2]!))} ${m[1]} 必须是时长`],
  [/^(\S+) of (.+) is not a duration: "(.*)"$/, (m) => `${de(w(m[2]!))} ${m[1]} 不是时长："${m[3]}"`],
  [/^(\S+) of (.+) is not a time of day: "(.*)"$/, (m) => `${de(w(m[2]!))} ${m[1]} 不是时刻："${m[3]}"`],
  [/^constant name "(.*)" of (.+) is not a name$/, (m) => `${spaced(w(m[2]!))}的常量名 "${m[1]}" 不是合法名称`],
  [/^constant (\S+) of (.+) is not a number: "(.*)"$/, (m) => `${spaced(w(m[2]!))}的常量 ${m[1]} 不是数字："${m[3]}"`],
  // checks
  [/^(.+?) with (.+) is defined twice$/, (m) => `${name(m[1]!)}（${m[2]}）重复定义`],
  [/^first defined here$/, () => '首次定义于此'],
  [/^first row$/, () => '首行'],
  [/^account (\S+) has no type and its top segment does not tell one$/, (m) => `科目 ${m[1]} 没有类型，其首段也看不出类型`],
  [/^(.+) uses account "(.*)", which is not in the chart of accounts$/, (m) => `${spaced(w(m[1]!))}使用了科目 "${m[2]}"，但科目表中没有它`],
  [/^(\S+) of (.+) is before its (\S+)$/, (m) => `${de(w(m[2]!))} ${m[1]} 早于其 ${m[3]}`],
  [/^(\S+) of (.+) refers to unknown (.+?) "(.*)"$/, (m) => `${de(w(m[2]!))} ${m[1]} 引用了不存在的${name(m[3]!)} "${m[4]}"`],
  [/^customer (\S+) has the same (\S+) as (\S+) \((.*)\)$/, (m) => `客户 ${m[1]} 与 ${m[3]} 的 ${m[2]} 相同（${m[4]}）`],
  [
    /^balance assertion failed: (\S+) is (\S+) (\S+) at the end of (\S+), asserted (\S+) \S+ \(difference (\S+)\)$/,
    (m) => `余额断言不成立：${m[1]} 在 ${m[4]} 日终余额为 ${m[2]} ${m[3]}，断言为 ${m[5]} ${m[3]}（差额 ${m[6]}）`,
  ],
  [
    /^balance assertion failed: (\S+) is (\S+) (\S+) after this posting of (\S+), asserted (\S+) \S+ \(difference (\S+)\)$/,
    (m) => `余额断言不成立：${m[4]} 的这条分录之后 ${m[1]} 余额为 ${m[2]} ${m[3]}，断言为 ${m[5]} ${m[3]}（差额 ${m[6]}）`,
  ],
  [/^through (\S+) of the opening balance of (\S+) is not in its year (\S+)$/, (m) => `${m[2]} 的期初余额截至月份 ${m[1]} 不在其年度 ${m[3]} 内`],
  [/^months (\S+) of the opening balance of (\S+) is more than the months up to (\S+)$/, (m) => `${m[2]} 的期初余额月数 ${m[1]} 多于截至 ${m[3]} 的月数`],
  [/^commission_plan of employee (\S+) refers to unknown plan "(.*)"$/, (m) => `员工 ${m[1]} 的 commission_plan 引用了不存在的提成方案 "${m[2]}"`],
  [/^deductions of employee (\S+) has "(.*)", which hr\/payroll.yaml does not declare$/, (m) => `员工 ${m[1]} 的 deductions 含有 "${m[2]}"，hr/payroll.yaml 未声明该项`],
  [/^deductions\.(\S+) of employee (\S+) is (\S+), below 0$/, (m) => `员工 ${m[2]} 的 deductions.${m[1]} 为 ${m[3]}，小于 0`],
  [/^deductions\.(\S+) of employee (\S+) is (\S+), above the cap of (\S+) a month$/, (m) => `员工 ${m[2]} 的 deductions.${m[1]} 为 ${m[3]}，超过每月上限 ${m[4]}`],
  [/^pay item code "(.*)" is read by no formula of hr\/payroll.yaml, so it would be ignored$/, (m) => `薪资项目代码 "${m[1]}" 未被 hr/payroll.yaml 的任何公式读取，将被忽略`],
  [/^BOM cycle: (.+)$/, (m) => `物料清单循环：${m[1]}`],
  [/^stage "(.*)" of (.+) is not a stage in bizctl.yaml$/, (m) => `${spaced(w(m[2]!))}的阶段 "${m[1]}" 不是 bizctl.yaml 中定义的阶段`],
  [/^priority "(.*)" of (.+) is not in sla.priorities$/, (m) => `${spaced(w(m[2]!))}的优先级 "${m[1]}" 不在 sla.priorities 中`],
  [/^currency "(.*)" of (.+) is not known$/, (m) => `${spaced(w(m[2]!))}的币种 "${m[1]}" 未知`],
  [/^(\S+) (\S+) of (.+) has more than (\d+) decimals? for (\S+)$/, (m) => `${de(w(m[3]!))} ${m[1]} ${m[2]} 的小数位多于 ${m[5]} 的 ${m[4]} 位`],
  [/^(\S+) (\S+) (\S+) of (.+) has more than (\d+) decimals?$/, (m) => `${de(w(m[4]!))} ${m[1]} ${m[2]} ${m[3]} 的小数位多于 ${m[5]} 位`],
  [/^credit note (\S+) is for customer (\S+) but invoice (\S+) is for (\S+)$/, (m) => `红字发票 ${m[1]} 属于客户 ${m[2]}，但发票 ${m[3]} 属于 ${m[4]}`],
  [/^credit note (\S+) takes invoice (\S+) to (\S+) settled, above its total (\S+)$/, (m) => `红字发票 ${m[1]} 使发票 ${m[2]} 的已结清金额达到 ${m[3]}，超过其总额 ${m[4]}`],
  [/^payment (\S+) must name exactly one of customer or supplier$/, (m) => `收付款 ${m[1]} 必须且只能指定客户（customer）或供应商（supplier）之一`],
  [/^allocation of payment (\S+) refers to unknown document "(.*)"$/, (m) => `收付款 ${m[1]} 的核销引用了不存在的单据 "${m[2]}"`],
  [/^payment (\S+) is from (customer|supplier) (\S+) but (\S+) belongs to (\S+)$/, (m) => `收付款 ${m[1]} 来自${name(m[2]!)} ${m[3]}，但 ${m[4]} 属于 ${m[5]}`],
  [/^payment (\S+) allocates (\S+) to (\S+), taking it to (\S+) settled, above its total (\S+)$/, (m) => `收付款 ${m[1]} 向 ${m[3]} 核销 ${m[2]}，使其已结清金额达到 ${m[4]}，超过其总额 ${m[5]}`],
  [/^payment (\S+) allocates (\S+) but carries only (\S+)$/, (m) => `收付款 ${m[1]} 核销了 ${m[2]}，但其金额只有 ${m[3]}`],
  [/^journal entry (\S+) has (\d+) postings without an amount$/, (m) => `凭证 ${m[1]} 有 ${m[2]} 条分录没有金额`],
  [/^journal entry (\S+) has only (\d+) posting$/, (m) => `凭证 ${m[1]} 只有 ${m[2]} 条分录`],
  [/^journal entry (\S+) does not balance: postings sum to (.+)$/, (m) => `凭证 ${m[1]} 借贷不平：分录合计为 ${m[2]}`],
  // payroll rules
  [/^version (\d+) takes effect on (\S+), not after version (\d+) \((\S+)\)$/, (m) => `第 ${m[1]} 版于 ${m[2]} 生效，不晚于第 ${m[3]} 版（${m[4]}）`],
  [/^until (\S+) of version (\d+) is before its effective date (\S+)$/, (m) => `第 ${m[2]} 版的 until ${m[1]} 早于其生效日期 ${m[3]}`],
  [/^contribution (\S+) has no base$/, (m) => `社保公积金项 ${m[1]} 没有 base（缴费基数）`],
  [/^contribution (\S+) has no rate$/, (m) => `社保公积金项 ${m[1]} 没有费率`],
  [/^component (\S+) has no amount$/, (m) => `薪资项 ${m[1]} 没有 amount（金额公式）`],
  [/^(.+) in formula "(.*)"$/, (m) => `公式 "${m[2]}" 有误：${formulaZh(m[1]!)}`],
  [/^quick deduction (\S+) of bracket (\d+) of table (\S+) does not match the brackets: it should be (\S+)$/, (m) => `税率表 ${m[3]} 第 ${m[2]} 档的速算扣除数 ${m[1]} 与各档不符：应为 ${m[4]}`],
  [/^bracket (\d+) of table (\S+) has no upper bound but is not the last$/, (m) => `税率表 ${m[2]} 的第 ${m[1]} 档没有上限，却不是最后一档`],
  [/^the last bracket of table (\S+) has an upper bound \((\S+)\)$/, (m) => `税率表 ${m[1]} 的最后一档有上限（${m[2]}）`],
  [/^bracket (\d+) of table (\S+) ends at (\S+), not above the bracket before \((\S+)\)$/, (m) => `税率表 ${m[2]} 的第 ${m[1]} 档止于 ${m[3]}，不高于上一档（${m[4]}）`],
  [/^flat commission plan (\S+) has no rate$/, (m) => `固定比例提成方案 ${m[1]} 没有 rate`],
  [/^flat commission plan (\S+) has tiers$/, (m) => `固定比例提成方案 ${m[1]} 不应有 tiers`],
  [/^(\S+) commission plan (\S+) has a single rate$/, (m) => `${m[1]} 提成方案 ${m[2]} 只有单一 rate`],
  [/^(\S+) commission plan (\S+) has no tiers$/, (m) => `${m[1]} 提成方案 ${m[2]} 没有 tiers`],
  [/^tier (\d+) of commission plan (\S+) has no upper bound but is not the last$/, (m) => `提成方案 ${m[2]} 的第 ${m[1]} 档没有上限，却不是最后一档`],
  [/^the last tier of commission plan (\S+) has an upper bound$/, (m) => `提成方案 ${m[1]} 的最后一档有上限`],
  [/^tier (\d+) of commission plan (\S+) is not above the tier before$/, (m) => `提成方案 ${m[2]} 的第 ${m[1]} 档不高于上一档`],
  [/^(table|commission plan|accumulator) (\S+) is defined twice in version (\S+)$/, (m) => `版本 ${m[3]} 中${({ table: '税率表', 'commission plan': '提成方案', accumulator: '累计项' } as Record<string, string>)[m[1]!]} ${m[2]} 重复定义`],
  [/^constant (\S+) has the name of a built-in value$/, (m) => `常量 ${m[1]} 与内置值同名`],
  [/^round "(.*)" of component (\S+) is not places and a rounding mode$/, (m) => `薪资项 ${m[2]} 的 round "${m[1]}" 不是“位数 + 舍入方式”`],
  [/^division "(.*)" is not places and a rounding mode$/, (m) => `division "${m[1]}" 不是“位数 + 舍入方式”`],
  [/^(\S+) does not apply to (\S+) component (\S+): (.+)$/, (m) => `${m[1]} 不适用于 ${m[2]} 类薪资项 ${m[3]}：${m[4]}`],
  // files, CSV, YAML, config
  [/^(\S+) is not valid UTF-8$/, (m) => `${m[1]} 不是有效的 UTF-8 编码`],
  [/^cannot read (\S+): it does not exist \(a broken link\?\)$/, (m) => `无法读取 ${m[1]}：文件不存在（链接失效？）`],
  [/^cannot read (\S+): (.+)$/, (m) => `无法读取 ${m[1]}：${m[2]}`],
  [/^(\S+) must be a mapping of settings$/, (m) => `${m[1]} 必须是设置项映射（key: value）`],
  [/^(\S+) must be a list of (\S+)$/, (m) => `${m[1]} 必须是${plural(m[2]!)}列表`],
  [/^each item of (\S+) must be a (.+) \(a mapping of fields\)$/, (m) => `${m[1]} 的每一项都必须是一条${name(m[2]!)}（字段映射）`],
  [/^(.+) must be a YAML file$/, (m) => `${name(m[1]!)}必须写在 YAML 文件中`],
  [/^column "(.*)" of (\S+) cannot be written in CSV$/, (m) => `${plural(m[2]!)}的列 "${m[1]}" 不能写在 CSV 中`],
  [/^unknown column "(.*)" for (\S+)$/, (m) => `${plural(m[2]!)}没有列 "${m[1]}"`],
  [/^(\S+) CSV has no "(.*)" column$/, (m) => `${plural(m[1]!)} CSV 缺少 "${m[2]}" 列`],
  [/^(\S+) of (.+) is "(.*)" here but "(.*)" on its first row$/, (m) => `${de(w(m[2]!))} ${m[1]} 此处为 "${m[3]}"，但首行为 "${m[4]}"`],
  [/^(\S+) is not a file bizctl knows; it is ignored$/, (m) => `${m[1]} 不是 bizctl 认识的文件，已忽略`],
  [/^column (\d+) has an empty header$/, (m) => `第 ${m[1]} 列的表头为空`],
  [/^column "(.*)" appears twice in the header$/, (m) => `列 "${m[1]}" 在表头中出现两次`],
  [/^row has (\d+) fields?, the header has (\d+)$/, (m) => `该行有 ${m[1]} 个字段，表头有 ${m[2]} 个`],
  [/^unterminated quoted field$/, () => '引号字段没有结束'],
  [/^text after a closing quote$/, () => '结束引号后还有文字'],
  [/^quote inside an unquoted field$/, () => '未加引号的字段中出现引号'],
  [/^keys must be plain text$/, () => '键必须是纯文本'],
  [/^key "(.*)" appears twice in this mapping$/, (m) => `键 "${m[1]}" 在此映射中出现两次`],
  [/^aliases and tags are not supported in workspace files$/, () => '工作区文件不支持 YAML 别名和标签'],
  [/^currencies\.(\S+) must be a whole number of decimal places from 0 to 8$/, (m) => `currencies.${m[1]} 必须是 0 到 8 之间的整数小数位数`],
  [/^base currency (\S+) has no known minor unit$/, (m) => `本位币 ${m[1]} 的最小单位未知`],
  [/^calendar.day_end must be after calendar.day_start$/, () => 'calendar.day_end 必须晚于 calendar.day_start'],
  [/^calendar.workdays is empty$/, () => 'calendar.workdays 为空'],
  [/^aging.buckets must ascend; (\S+) follows (\S+)$/, (m) => `aging.buckets 必须递增；${m[1]} 排在 ${m[2]} 之后`],
  [/^crm.stages lists "(.*)" twice$/, (m) => `crm.stages 中 "${m[1]}" 出现两次`],
  [/^crm.stages has no stage of kind (won|lost)$/, (m) => `crm.stages 没有 kind 为 ${m[1]} 的阶段`],
  [/^sla.priorities must map each priority to its targets$/, () => 'sla.priorities 必须为每个优先级给出目标时限'],
  [/^sla.priorities\.(\S+) must have first_response and resolution$/, (m) => `sla.priorities.${m[1]} 必须有 first_response 和 resolution`],
  // ledger journals (import)
  [/^an indented line outside a transaction$/, () => '交易之外出现缩进行'],
  [/^account directive without a name$/, () => 'account 指令缺少科目名'],
  [/^cannot read this price line$/, () => '无法读取这一价格行'],
  [/^"(.*)" directive is not supported: (.+)$/, (m) => `不支持 "${m[1]}" 指令：${m[2]}`],
  [/^cannot read this line: "(.*)"$/, (m) => `无法读取这一行："${m[1]}"`],
  [/^secondary dates \(DATE=DATE2\) are not supported$/, () => '不支持第二日期（DATE=DATE2）'],
  [/^"(.*)" is not a valid date$/, (m) => `"${m[1]}" 不是有效日期`],
  [/^virtual posting "(.*)" is not supported$/, (m) => `不支持虚拟分录 "${m[1]}"`],
  [/^posting without an account$/, () => '分录缺少科目'],
  [/^"(.*)" total\/inclusive balance assertions are not supported$/, (m) => `不支持 "${m[1]}" 总额/含子科目余额断言`],
  [/^cannot read the balance assertion "(.*)"$/, (m) => `无法读取余额断言 "${m[1]}"`],
  [/^cannot read the amount "(.*)"$/, (m) => `无法读取金额 "${m[1]}"`],
  [/^cannot read the price "(.*)"$/, (m) => `无法读取价格 "${m[1]}"`],
  [/^commodity "(.*)" cannot be used in bizctl$/, (m) => `商品/币种 "${m[1]}" 不能在 bizctl 中使用`],
  // imports and bank rules
  [/^bank rules are a mapping with bank_account, columns and rules$/, () => '银行规则文件必须是含 bank_account、columns 和 rules 的映射'],
  [/^unknown key "(.*)" in the bank rules$/, (m) => `银行规则中有未知键 "${m[1]}"`],
  [/^the bank rules have no bank_account$/, () => '银行规则缺少 bank_account'],
  [/^rules must be a list$/, () => 'rules 必须是列表'],
  [/^a rule is a mapping$/, () => '每条规则必须是映射'],
  [/^amount test "(.*)" is not understood$/, (m) => `无法理解金额条件 "${m[1]}"`],
  [/^"(.*)" is not a valid regular expression$/, (m) => `"${m[1]}" 不是有效的正则表达式`],
  [/^unknown match key "(.*)"$/, (m) => `未知的匹配键 "${m[1]}"`],
  [/^a rule needs match:$/, () => '规则需要 match:'],
  [/^a rule needs exactly one of account:, customer: or supplier:$/, () => '规则必须且只能有 account:、customer: 或 supplier: 之一'],
  [/^the statement has no column "(.*)" \((.*)\)$/, (m) => `对账单没有列 "${m[1]}"（${m[2]}）`],
  [/^"(.*)" is not a date$/, (m) => `"${m[1]}" 不是日期`],
  [/^"(.*)" is not an amount$/, (m) => `"${m[1]}" 不是金额`],
  [/^an import map is a mapping with columns:, constants:, values:, dates:, numbers:$/, () => '导入映射文件必须是含 columns:、constants:、values:、dates:、numbers: 的映射'],
  [/^unknown section "(.*)" in the import map$/, (m) => `导入映射中有未知部分 "${m[1]}"`],
  [/^"(.*)" is not a field of this entity$/, (m) => `"${m[1]}" 不是该实体的字段`],
  [/^columns\.(\S+) names no column$/, (m) => `columns.${m[1]} 没有指定列`],
  [/^values\.(\S+) must map source texts to bizctl values$/, (m) => `values.${m[1]} 必须把源文本映射为 bizctl 的值`],
  [/^dates.order must be ymd, dmy or mdy, not "(.*)"$/, (m) => `dates.order 必须是 ymd、dmy 或 mdy，而不是 "${m[1]}"`],
  [/^numbers.decimal must be "\." or ","$/, () => 'numbers.decimal 必须是 "." 或 ","'],
  [/^(\S+) "(.*)" is ambiguous: (\d+) (\S+) have that name \((.*)\)$/, (m) => `${m[1]} "${m[2]}" 有歧义：有 ${m[3]} 个${plural(m[4]!)}叫这个名字（${m[5]}）`],
  [/^(\S+) "(.*)" is neither the id nor the name of a (.+)$/, (m) => `${m[1]} "${m[2]}" 既不是${name(m[3]!)}的编号也不是其名称`],
  // general shapes last: the specific ones above come first
  ...FORMULA,
  [/^(.+) has no (\S+)$/, (m) => `${spaced(w(m[1]!))}缺少 ${m[2]}`],
  // notes that name a record
  [/^(customer|supplier|employee|item) (\S+)$/, (m) => `${name(m[1]!)} ${m[2]}`],
];

function formulaZh(s: string): string {
  return apply(FORMULA, s) ?? s;
}

function kindZh(k: string): string {
  const m: Record<string, string> = { text: '文本', 'a number': '数字', 'an amount': '金额', 'a date': '日期', 'an id': '编号' };
  return m[k] ?? k;
}

/** Hints, matched whole. */
const HINTS: readonly Rule[] = [
  [/^did you mean "(.*)"\?$/, (m) => `你是不是想写 "${m[1]}"？`],
  [/^known fields: (.+)$/, (m) => `已知字段：${m[1]}`],
  [/^known columns: (.+)$/, (m) => `已知列：${m[1]}`],
  [/^use one of: (.+?)( \(or add it under crm.stages\))?$/, (m) => `请使用以下之一：${m[1]}${m[2] ? '（或在 crm.stages 中添加）' : ''}`],
  [/^add "(\S+)": (.+)$/, (m) => `添加 "${m[1]}"：${m[2]}`],
  [/^add a value for "(.*)"$/, (m) => `为 "${m[1]}" 填写一个值`],
  [/^write each (.+) as "- field: value" under (\S+):$/, (m) => `在 ${m[2]}: 下把每个${PARTS[m[1]!] ?? m[1]}写成 "- field: value"`],
  [/^write "- field: value" lines$/, () => '写成 "- field: value" 的行'],
  [/^write "field: value" lines indented under (\S+):$/, (m) => `在 ${m[1]}: 下缩进写 "field: value" 行`],
  [/^write (\S+) as a single value on the same line$/, (m) => `把 ${m[1]} 写成同一行上的单个值`],
  [/^use a positive number; signs belong in the document type \(e.g. a credit note\)$/, () => '请用正数；正负由单据类型体现（例如红字发票）'],
  [/^write a plain number like 1234.50: no thousands separators, currency signs or spaces(; rates may be written 0.13 or 13%)?$/, (m) => `写成 1234.50 这样的纯数字：不要千位分隔符、货币符号或空格${m[1] ? '；税率可写 0.13 或 13%' : ''}`],
  [/^ids have no spaces, commas or semicolons, e.g. (.+)$/, (m) => `编号不能含空格、逗号或分号，例如 ${m[1]}`],
  [/^segments are separated by ":" with no empty segment, no tab, no double space, e.g. (.+)$/, (m) => `各段用 ":" 分隔，不能有空段、制表符或连续两个空格，例如 ${m[1]}`],
  [/^write dates as YYYY-MM-DD, e.g. (\S+), and check the day exists in that month$/, (m) => `日期写成 YYYY-MM-DD，例如 ${m[1]}，并确认该月有这一天`],
  [/^write YYYY-MM-DD HH:MM \(24-hour\), e.g. (.+)$/, (m) => `写成 YYYY-MM-DD HH:MM（24 小时制），例如 ${m[1]}`],
  [/^write months as YYYY-MM, e.g. (\S+)$/, (m) => `月份写成 YYYY-MM，例如 ${m[1]}`],
  [/^write a month \((\S+)\), an ISO week \((\S+)\) or a day \((\S+)\)$/, (m) => `写成月份（${m[1]}）、ISO 周（${m[2]}）或日期（${m[3]}）`],
  [/^write a whole number without decimals, e.g. (\S+)$/, (m) => `写成不带小数的整数，例如 ${m[1]}`],
  [/^write true or false \(yes\/no and 是\/否 are accepted too\)$/, () => '写 true 或 false（也接受 yes/no 和 是/否）'],
  [/^write a number with an optional currency code, e.g. (.+)$/, (m) => `写成数字，可带币种代码，例如 ${m[1]!.replace(' or ', ' 或 ')}`],
  [/^write a YAML list \(- item\) or, in CSV, items separated by ";"$/, () => '写成 YAML 列表（- item），在 CSV 中用 ";" 分隔各项'],
  [/^write one "name: number" per line under (\S+):(, e.g. (.+))?$/, (m) => `在 ${m[1]}: 下每行写一个 "名称: 数字"${m[3] ? `，例如 ${m[3]}` : ''}`],
  [/^write e.g. 4h, 30m, 2d or 1d4h$/, () => '例如写 4h、30m、2d 或 1d4h'],
  [/^write HH:MM, e.g. (\S+)$/, (m) => `写成 HH:MM，例如 ${m[1]}`],
  [/^give one of them another (\S+), or merge the two$/, (m) => `给其中一条换一个 ${m[1]}，或把两条合并`],
  [/^merge the two rows into one$/, () => '把这两行合并为一行'],
  [/^add type: asset, liability, equity, income or expense, or start the name with (.+)$/, (m) => `添加 type: asset、liability、equity、income 或 expense，或让名称以 ${m[1]} 开头`],
  [/^add (\S+) to (\S+)$/, (m) => `把 ${m[1]} 添加到 ${m[2]}`],
  [/^(\S+) must be on or after (\S+); check both dates$/, (m) => `${m[1]} 必须不早于 ${m[2]}；请检查这两个日期`],
  [/^add (.+?) (\S+) to (\S+), or fix the id$/, (m) => `把${name(m[1]!)} ${m[2]} 添加到 ${m[3]}，或更正编号`],
  [/^if they are one customer, merge them; if not, this warning is harmless$/, () => '若是同一客户请合并；若不是，可忽略此警告'],
  [/^find the missing or wrong posting with `bizctl ledger register ACCOUNT`, or correct the asserted balance$/, () => '用 `bizctl ledger register ACCOUNT` 找出缺失或错误的分录，或更正断言的余额'],
  [/^write a month of (\S+), e.g. (\S+)$/, (m) => `写 ${m[1]} 年内的月份，例如 ${m[2]}`],
  [/^months counts the months of the year already paid$/, () => 'months 是本年度已发薪的月数'],
  [/^plans in hr\/payroll.yaml: (.+)$/, (m) => `hr/payroll.yaml 中的提成方案：${m[1]}`],
  [/^add it under commission_plans: in hr\/payroll.yaml$/, () => '在 hr/payroll.yaml 的 commission_plans: 下添加它'],
  [/^declared: (.*)$/, (m) => `已声明：${m[1]}`],
  [/^at most (\S+) \((.+)\)$/, (m) => `最多 ${m[1]}（${m[2]}）`],
  [/^use a positive amount$/, () => '请用正数金额'],
  [/^formulas read: (.+)$/, (m) => `公式读取的项目：${m[1]}`],
  [/^read it in a formula as (\S+)$/, (m) => `在公式中以 ${m[1]} 读取它`],
  [/^remove (\S+) from the components of (\S+), or fix the BOM that makes (\S+)$/, (m) => `从 ${m[2]} 的组件中去掉 ${m[1]}，或修正生产 ${m[3]} 的物料清单`],
  [/^use one of: (.+)$/, (m) => `请使用以下之一：${m[1]}`],
  [/^add it to currencies: in bizctl.yaml with its decimal places, e.g. (.+)$/, (m) => `在 bizctl.yaml 的 currencies: 中添加它及其小数位数，例如 ${m[1]}`],
  [/^round it to (\S+) or check the value$/, (m) => `四舍五入为 ${m[1]}，或检查该值`],
  [/^round it to (\S+)$/, (m) => `四舍五入为 ${m[1]}`],
  [/^apply a credit note only to an invoice of the same customer$/, () => '红字发票只能冲抵同一客户的发票'],
  [/^reduce the credit note, or leave it unapplied \(no invoice\)$/, () => '减少红字发票金额，或不指定发票（不冲抵）'],
  [/^receipts name the customer who paid$/, () => '收款要写付款的客户'],
  [/^payments out name the supplier paid$/, () => '付款要写收款的供应商'],
  [/^allocate to an invoice, bill or credit note id$/, () => '核销到发票、采购发票或红字发票的编号'],
  [/^allocate a payment only to documents of its own party$/, () => '收付款只能核销到同一往来方的单据'],
  [/^reduce the allocation to at most (\S+); leave the rest unapplied$/, (m) => `把核销金额减到不超过 ${m[1]}；其余部分保留为未核销`],
  [/^the allocations of a payment may not exceed its amount$/, () => '收付款的核销合计不能超过其金额'],
  [/^at most one posting may leave its amount empty; give the others an amount$/, () => '最多只有一条分录可以不写金额；请给其他分录填上金额'],
  [/^an entry needs at least two postings that sum to zero$/, () => '凭证至少需要两条合计为零的分录'],
  [/^add a posting of (.+), or fix an amount; for a currency exchange give the posting a cost$/, (m) => `添加一条 ${m[1]} 的分录，或更正金额；外币兑换请给分录标注成本`],
  [/^list versions oldest first, each with a later effective date$/, () => '按时间先后列出各版本，每版的生效日期都要更晚'],
  [/^until is the last day the figures are meant for$/, () => 'until 是这些数字适用的最后一天'],
  [/^the first bracket has no quick deduction$/, () => '第一档没有速算扣除数'],
  [/^quick = (.+); leave quick out to have it computed$/, (m) => `速算扣除数 = ${m[1]}；不写 quick 则自动计算`],
  [/^give every (bracket|tier) but the last an upto$/, (m) => `除最后一档外，每${m[1] === 'tier' ? '个档位' : '档'}都要写 upto`],
  [/^leave upto out on the last (bracket|tier)(: it holds everything above the one before)?$/, () => '最后一档不写 upto：它包含上一档以上的全部'],
  [/^list (brackets|tiers) in ascending order$/, () => '按从低到高的顺序列出各档'],
  [/^add rate: e.g. (\S+)$/, (m) => `添加 rate:，例如 ${m[1]}`],
  [/^use method: marginal or whole for tiers, or remove them$/, () => '分档请用 method: marginal 或 whole，或删除 tiers'],
  [/^give the rate of each tier under tiers:, or use method: flat$/, () => '在 tiers: 下给出每档的 rate，或使用 method: flat'],
  [/^add tiers: (.+)$/, (m) => `添加 tiers: ${m[1]}`],
  [/^give each (table|plan|accumulator) its own (name|id)$/, (m) => `给每个${({ table: '税率表', plan: '提成方案', accumulator: '累计项' } as Record<string, string>)[m[1]!]}一个不同的${m[2] === 'id' ? '编号' : '名称'}`],
  [/^remove it, or change kind$/, () => '删除它，或修改 kind'],
  [/^add base: the amount the rates apply to, e.g. (.+)$/, (m) => `添加 base:（费率适用的基数），例如 ${m[1]}`],
  [/^add employee_rate and\/or employer_rate, e.g. (.+)$/, (m) => `添加 employee_rate 和/或 employer_rate，例如 ${m[1]}`],
  [/^add amount: a formula, e.g. (.+)$/, (m) => `添加 amount:（公式），例如 ${m[1]}`],
  [/^write a comparison, e.g. (.+)$/, (m) => `写成比较式，例如 ${m[1]}`],
  [/^write a condition, e.g. (.+)$/, (m) => `写成条件，例如 ${m[1]}`],
  [/^write an amount; use if\(condition, a, b\) to choose between amounts$/, () => '写成金额；用 if(条件, a, b) 在两个金额间选择'],
  [/^use if\(condition, a, b\) to turn a condition into an amount$/, () => '用 if(条件, a, b) 把条件变成金额'],
  [/^compare numbers with numbers and conditions with conditions$/, () => '数字与数字比较，条件与条件比较'],
  [/^a formula may only use components above it(; move this one further down)?$/, (m) => `公式只能使用它上方的薪资项${m[1] ? '；请把这一项往下移' : ''}`],
  [/^give it a value, or write default\((.+), …\) in the formula$/, (m) => `给它一个值，或在公式中写 default(${m[1]}, …)`],
  [/^names are constants, components above this one, .+$/, () => '可用的名称：常量、上方的薪资项、员工/考勤/期间数值、input.CODE、deductions.NAME、ytd.NAME（见 docs/payroll.md）'],
  [/^functions: (.+)$/, (m) => `可用函数：${m[1]}`],
  [/^tables: (.+)$/, (m) => `税率表：${m[1]}`],
  [/^add "(.)" at the end$/, (m) => `在末尾加上 "${m[1]}"`],
  [/^save it as UTF-8 \(Excel: "CSV UTF-8"\), or convert it: (.+?); `bizctl import --encoding gbk` reads GBK exports$/, (m) => `另存为 UTF-8（Excel：“CSV UTF-8”），或转换编码：${m[1]}；\`bizctl import --encoding gbk\` 可读取 GBK 导出文件`],
  [/^check that the file exists and is readable, or remove it$/, () => '检查文件是否存在且可读，或删除它'],
  [/^write "key: value" lines at the top level$/, () => '在顶层写 "key: value" 行'],
  [/^start each (.+) with "- " at the left margin$/, (m) => `每条${name(m[1]!)}以顶格的 "- " 开头`],
  [/^write "- field: value" and indent the following fields by two spaces$/, () => '写 "- field: value"，后续字段缩进两个空格'],
  [/^rename it to (\S+)$/, (m) => `把它改名为 ${m[1]}`],
  [/^use a YAML file for (\S+) that need "(.*)"$/, (m) => `需要 "${m[2]}" 的${plural(m[1]!)}请用 YAML 文件`],
  [/^add a "(.*)" column that groups the (\S+) of one (.+)$/, (m) => `添加 "${m[1]}" 列，把同一条${name(m[3]!)}的各行归在一起`],
  [/^leave (\S+) empty on continuation rows or repeat the same value$/, (m) => `续行的 ${m[1]} 留空，或重复相同的值`],
  [/^data files go in the places listed in docs\/workspace.md, e.g. (.+)$/, (m) => `数据文件应放在 docs/workspace.md 列出的位置，例如 ${m[1]}`],
  [/^name every column in the first row$/, () => '在第一行为每一列命名'],
  [/^remove one of the two "(.*)" columns$/, (m) => `删除两个 "${m[1]}" 列中的一个`],
  [/^check for an unquoted comma inside a value, or a missing separator$/, () => '检查值中是否有未加引号的逗号，或缺少分隔符'],
  [/^close the field with a double quote; write "" for a quote inside it$/, () => '用双引号结束该字段；字段内的引号写成 ""'],
  [/^quote the whole field,? and double (any|the) quote inside it \(""\)$/, () => '给整个字段加引号，并把其中的引号写成两个（""）'],
  [/^write the key as a word followed by ": "$/, () => '把键写成一个词，后跟 ": "'],
  [/^each key may appear once per mapping$/, () => '每个映射中同一个键只能出现一次'],
  [/^write the value out in full$/, () => '把值完整写出'],
  [/^check the indentation: nested keys use two more spaces than their parent$/, () => '检查缩进：嵌套的键比上一级多缩进两个空格'],
  [/^e\.g\. (.+)$/, (m) => `例如 ${m[1]}`],
  [/^list at least one working weekday, e.g. (.+)$/, (m) => `至少列出一个工作日，例如 ${m[1]}`],
  [/^add it under currencies:, e.g. (.+)$/, (m) => `在 currencies: 下添加它，例如 ${m[1]}`],
  [/^give every stage a distinct id$/, () => '每个阶段的 id 都要不同'],
  [/^add e\.g\. (.+)$/, (m) => `添加例如 ${m[1]}`],
  [/^bizctl imports transactions, postings, comments, tags, account and commodity directives, prices and balance assertions$/, () => 'bizctl 可导入交易、分录、注释、标签、account 和 commodity 指令、价格以及余额断言'],
  [/^write it as a normal posting, or leave it out; bizctl keeps every entry balanced$/, () => '改写为普通分录，或删去；bizctl 要求每笔凭证都平衡'],
  [/^write YYYY-MM-DD \(or YYYY\/MM\/DD\)$/, () => '写成 YYYY-MM-DD（或 YYYY/MM/DD）'],
  [/^"(.*)" is ambiguous: "," could be a decimal mark; write (.+) or (.+)$/, (m) => `"${m[1]}" 有歧义："," 可能是小数点；请写成 ${m[2]} 或 ${m[3]}`],
  [/^write the id instead of the name$/, () => '请写编号而不是名称'],
  [/^import the (\S+) first, or write an existing id$/, (m) => `先导入${plural(m[1]!)}，或写一个已有的编号`],
  [/^see docs\/import.md$/, () => '参见 docs/import.md'],
  [/^close this (.) on the same line, or quote the value if it is text \(e\.g\. (.+)\)$/, (m) => `在同一行闭合这个 ${m[1]}；如果值是文本，请加引号（例如 ${m[2]}）`],
  [/^YAML does not allow tabs for indentation; indent with spaces$/, () => 'YAML 不允许用制表符缩进；请用空格'],
  [/^close every quote, \[ and \{ that you open, on the same value$/, () => '每个打开的引号、[ 和 { 都要在同一个值内闭合'],
  [/^a key must fit on one line and be followed by ": "$/, () => '键必须写在一行内，后跟 ": "'],
  [/^quote values that contain ": " or start with a special character (.+)$/, (m) => `含有 ": " 或以特殊字符开头的值请加引号 ${m[1]}`],
  // hints of commands that stop
  [/^fix them and run again \(`bizctl check` lists them all\)$/, () => '修正后再运行（`bizctl check` 会列出全部问题）'],
  [/^fix them first \(`bizctl check` lists them all\)$/, () => '请先修正（`bizctl check` 会列出全部问题）'],
  [/^run `bizctl init` to create one here, or pass -C DIR \(or set BIZCTL_WORKSPACE\) to use another folder$/, () => '运行 `bizctl init` 在此创建一个，或用 -C DIR（或设置 BIZCTL_WORKSPACE）指定其他文件夹'],
  [/^check the path, or run `bizctl init DIR` to create a workspace there$/, () => '检查路径，或运行 `bizctl init DIR` 在那里创建工作区'],
  [/^run `bizctl init (.+)` to create one$/, (m) => `运行 \`bizctl init ${m[1]}\` 创建一个`],
  [/^correct the values shown above and run the command again$/, () => '更正上面列出的值后重新运行命令'],
  [/^fix them, or pass --skip-invalid to write the valid rows and a reject file$/, () => '修正它们，或加 --skip-invalid 只写入有效行并生成拒收文件'],
  [/^write (?:it as )?YYYY-MM-DD(?:, e.g. (.+))?$/, (m) => `写成 YYYY-MM-DD${m[1] ? `，例如 ${m[1]}` : ''}`],
  [/^write it as YYYY-MM, e.g. (.+)$/, (m) => `写成 YYYY-MM，例如 ${m[1]}`],
  [/^`bizctl ls (\S+)` lists them(; ids are case-sensitive)?$/, (m) => `\`bizctl ls ${m[1]}\` 会列出全部${plural(m[1]!)}${m[2] ? '；编号区分大小写' : ''}`],
  [/^ids are case-sensitive; `bizctl ls ENTITY` lists them$/, () => '编号区分大小写；`bizctl ls ENTITY` 会列出它们'],
  [/^choose an empty folder$/, () => '请选择一个空文件夹'],
  [/^choose a new or empty folder$/, () => '请选择一个新的或空的文件夹'],
];

/** Messages of commands that stop (bizctl: …), matched whole. */
const EXITS: readonly Rule[] = [
  [/^(\d+) errors? in the workspace; nothing was (done|written)$/, (m) => `工作区有 ${m[1]} 个错误；${m[2] === 'done' ? '未执行任何操作' : '未写入任何文件'}`],
  [/^no bizctl workspace found: no (\S+) in (.+) or any folder above it$/, (m) => `没有找到 bizctl 工作区：${m[2]} 及其上级文件夹中都没有 ${m[1]}`],
  [/^workspace folder (.+) \(from (.+)\) does not exist$/, (m) => `工作区文件夹 ${m[1]}（来自 ${m[2]}）不存在`],
  [/^(.+) \(from (.+)\) has no (\S+)$/, (m) => `${m[1]}（来自 ${m[2]}）中没有 ${m[3]}`],
  [/^(.+) would introduce (\d+) errors?; nothing was written$/, (m) => `${spaced(zhWhat(m[1]!))}会引入 ${m[2]} 个错误；未写入任何文件`],
  [/^(\d+) invalid rows?; nothing was written$/, (m) => `${m[1]} 行无效；未写入任何文件`],
  [/^(\d+) problems? in (\S+); nothing was written$/, (m) => `${m[2]} 中有 ${m[1]} 个问题；未写入任何文件`],
  [/^the imported (records|entries) would not pass `bizctl check`; nothing was written$/, () => '导入后的数据无法通过 `bizctl check`；未写入任何文件'],
  [/^the result would not pass `bizctl check`; nothing was recorded$/, () => '结果无法通过 `bizctl check`；未记录任何内容'],
  [/^the workspace has errors; fix them before importing$/, () => '工作区有错误；请先修正再导入'],
  [/^the map (\S+) has errors; nothing was done$/, (m) => `映射文件 ${m[1]} 有错误；未执行任何操作`],
  [/^(--?[a-z-]+) "(.*)" is not a date$/, (m) => `${m[1]} "${m[2]}" 不是日期`],
  [/^(--?[a-z-]+) (\S+) is not after (--?[a-z-]+) (\S+)$/, (m) => `${m[1]} ${m[2]} 不晚于 ${m[3]} ${m[4]}`],
  [/^(--?[a-z-]+) "(.*)" is not a (period|month)$/, (m) => `${m[1]} "${m[2]}" 不是${m[3] === 'month' ? '月份' : '期间'}`],
  [/^unknown (item|supplier|entity|template) "(.*)"$/, (m) => `未知${({ item: '物料', supplier: '供应商', entity: '实体', template: '模板' } as Record<string, string>)[m[1]!]} "${m[2]}"`],
  [/^no record with id "(.*)"$/, (m) => `没有编号为 "${m[1]}" 的记录`],
  [/^no (deal|employee) "?([^"]*)"?$/, (m) => `没有${name(m[1]!)} "${m[2]}"`],
  [/^no sales order or ticket "(.*)"$/, (m) => `没有销售订单或服务工单 "${m[1]}"`],
  [/^no such file: (.+)$/, (m) => `没有这个文件：${m[1]}`],
  [/^(\S+) already exists; nothing was written$/, (m) => `${m[1]} 已存在；未写入任何文件`],
  [/^(\S+) is not empty; nothing was written$/, (m) => `${m[1]} 不是空文件夹；未写入任何文件`],
];

/** The message of a command that stops, in Chinese, or undefined. */
export function zhExit(s: string): string | undefined {
  return apply(EXITS, s);
}

function apply(rules: readonly Rule[], s: string): string | undefined {
  for (const [re, f] of rules) {
    const m = re.exec(s);
    if (m) return f(m as unknown as string[]);
  }
  return undefined;
}

/** The message in Chinese, or undefined when no rule knows it. */
export function zhMessage(s: string): string | undefined {
  return apply(MESSAGES, s);
}

/** The hint in Chinese, or undefined when no rule knows it. */
export function zhHint(s: string): string | undefined {
  return apply(HINTS, s);
}

/** The diagnostic with its message, hint and notes in Chinese where the catalogue knows them. */
export function localiseDiagnostic(d: Diagnostic): Diagnostic {
  const hint = d.hint === undefined ? undefined : (zhHint(d.hint) ?? d.hint);
  return {
    ...d,
    message: d.code === 'yaml-syntax' && !zhMessage(d.message) ? `YAML 语法错误：${d.message}` : (zhMessage(d.message) ?? d.message),
    ...(hint !== undefined ? { hint } : {}),
    ...(d.related ? { related: d.related.map((r) => ({ ...r, message: zhMessage(r.message) ?? r.message })) } : {}),
  };
}
