// The ratings list (好差评 with their follow-ups) and the monthly contractor statement, one sheet
// per organisation and month, ending in a sign-off block for both parties.
import { RATING_LABELS, isBadRating, type RatingLevel } from '@hallq/shared';
import { localDateTime, minutes, percent, type Cell, type Report, type Sheet } from './report-model';
import { finalServiceOf, serviceName, staffName, type ReportInput } from './report-input';

const STATUS: Record<string, string> = {
  open: '待处理 open', assigned: '已分派 assigned', called_back: '已回访 called back', rectified: '已整改 rectified',
  reviewed: '已复核 reviewed', closed: '已办结 closed',
};

export function ratingsReport(input: ReportInput): Report {
  const tz = input.hall.timezone;
  const rated = input.tickets.filter((t) => t.rating !== null).sort((a, b) => a.rating!.at - b.rating!.at);
  const rows = rated.map((t): Cell[] => {
    const r = t.rating!;
    const s = serviceName(input, r.serviceId || finalServiceOf(t));
    const f = input.followUps.get(t.ticketId);
    const window = t.visits.find((v) => v.windowId === r.windowId)?.windowNumber ?? null;
    return [
      t.local.date, localDateTime(r.at, tz), t.number, s.code, s.zh, window, staffName(input, r.staffId), r.level,
      `${RATING_LABELS[r.level as RatingLevel].zh} ${RATING_LABELS[r.level as RatingLevel].en}`, isBadRating(r.level) ? '是 yes' : '否 no',
      input.reasons.get(t.ticketId) ?? null, f ? (STATUS[f.status] ?? f.status) : null, f?.deadline ?? null,
      f ? (f.overdue ? '是 yes' : '否 no') : null, f ? (f.rectified === true ? '是 yes' : '否 no') : null,
    ];
  });
  return {
    fileName: `ratings-${input.range.from}-${input.range.to}`,
    sheets: [{
      name: '好差评 Ratings',
      preamble: [],
      columns: [
        { key: 'date', zh: '日期', en: 'Date', format: 'text', width: 12 },
        { key: 'ratedAt', zh: '评价时间', en: 'Rated at', format: 'text', width: 20 },
        { key: 'number', zh: '票号', en: 'Number', format: 'text' },
        { key: 'serviceCode', zh: '事项编码', en: 'Service code', format: 'text' },
        { key: 'service', zh: '事项', en: 'Service', format: 'text', width: 22 },
        { key: 'window', zh: '窗口', en: 'Window', format: 'int' },
        { key: 'staff', zh: '办理人员', en: 'Staff', format: 'text' },
        { key: 'level', zh: '评价等级', en: 'Level', format: 'int' },
        { key: 'label', zh: '评价', en: 'Rating', format: 'text', width: 24 },
        { key: 'bad', zh: '差评', en: 'Bad', format: 'text' },
        { key: 'reason', zh: '差评原因', en: 'Reason', format: 'text', width: 30 },
        { key: 'followUp', zh: '整改状态', en: 'Follow-up', format: 'text', width: 18 },
        { key: 'deadline', zh: '整改期限', en: 'Deadline', format: 'text', width: 12 },
        { key: 'overdue', zh: '超期', en: 'Overdue', format: 'text' },
        { key: 'rectified', zh: '已整改', en: 'Rectified', format: 'text' },
      ],
      rows,
      footer: [],
    }],
  };
}

export function contractorReport(input: ReportInput): Report {
  const sheets = input.statements.map((st): Sheet => {
    const org = input.catalogue.organisations.get(st.organisationId);
    const orgName = org ? `${org.name.zh} ${org.name.en}` : st.organisationId;
    const line = (label: string, stage: string | null, l: (typeof st)['total']): Cell[] => [
      label, stage, l.called, l.served, l.transferred, l.noShow, percent(l.withinTargetShare), percent(l.firstTimeAcceptedShare),
    ];
    return {
      name: `${st.month} ${org?.name.zh ?? st.organisationId}`,
      preamble: [
        ['服务结算月报 Monthly service statement'],
        [`单位 Organisation: ${orgName}`],
        [`月份 Month: ${st.month}`, `统计期间 Period: ${input.range.from} ~ ${input.range.to}`],
        [`大厅 Hall: ${input.hall.name.zh} ${input.hall.name.en}`, `等候目标 Wait target: ${minutes(input.hall.waitTargetSeconds)} min`],
      ],
      columns: [
        { key: 'service', zh: '事项', en: 'Service', format: 'text', width: 28 },
        { key: 'stage', zh: '环节', en: 'Stage', format: 'text', width: 18 },
        { key: 'called', zh: '接待量', en: 'Called', format: 'int' },
        { key: 'served', zh: '办结量', en: 'Served', format: 'int' },
        { key: 'transferred', zh: '流转量', en: 'Handed on', format: 'int' },
        { key: 'noShow', zh: '过号', en: 'No-show', format: 'int' },
        { key: 'withinTarget', zh: '目标内等候率(%)', en: 'Within wait target (%)', format: 'decimal' },
        { key: 'firstTime', zh: '一次性受理率(%)', en: 'First-time acceptance (%)', format: 'decimal' },
      ],
      rows: [
        ...st.lines.map((l) => {
          const s = serviceName(input, l.serviceId);
          const stage = input.catalogue.services.get(l.serviceId)?.stages[l.stage];
          return line(`${s.code} ${s.zh}`, stage ? `${l.stage + 1} ${stage.zh}` : String(l.stage + 1), l);
        }),
        line('合计 Total', null, st.total),
      ],
      footer: [
        ['评价数 Ratings', st.ratings],
        ['满意率(%) Satisfaction (%)', percent(st.satisfiedShare)],
        ['差评数 Bad ratings', st.bad],
        ['已整改差评 Bad ratings rectified', st.rectified],
        ['整改率(%) Rectification rate (%)', percent(st.bad === 0 ? null : st.rectified / st.bad)],
        [],
        ['服务单位确认 Contractor: 签字 Signature ____________', '日期 Date ____________'],
        ['发包单位审核 Contract owner: 签字 Signature ____________', '日期 Date ____________'],
      ],
    };
  });
  return { fileName: `contractor-${input.range.from}-${input.range.to}`, sheets };
}
