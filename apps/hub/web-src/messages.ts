// UI text of the hub's pages: zh-CN first, en second. Pages open in Chinese; ?lang=en switches.
export type Lang = 'zh' | 'en';

const zh = {
  cityTitle: '城市政务大厅总览',
  nowTitle: '现在去哪个大厅',
  nowSubtitle: '各大厅实时排队人数和预计等候时间',
  login: '登录',
  username: '用户名',
  password: '密码',
  loginFailed: '用户名或密码错误',
  logout: '退出',
  halls: '大厅',
  online: '在线',
  offline: '离线',
  waiting: '排队',
  people: '人',
  waitingPeople: '{n} 人等候',
  estimatedWait: '预计等候',
  minutes: '分钟',
  target: '目标',
  withinTarget: '今日达标率',
  lastEvent: '最近事件',
  district: '区域',
  noDistrict: '未分区',
  status: '状态',
  statusOk: '正常',
  statusNear: '接近目标',
  statusOver: '超出目标',
  statusOffline: '离线',
  alerts: '告警',
  noAlerts: '暂无告警',
  alertOffline: '大厅离线',
  alertOver: '等候超出目标',
  map: '分区分布',
  list: '大厅列表',
  trends: '今日趋势（按小时）',
  issuedPerHour: '取号数',
  withinPerHour: '达标率',
  issuedToday: '今日取号',
  servedToday: '今日办结',
  meanWaitToday: '今日平均等候',
  waitingNow: '当前排队',
  live: '实时',
  reconnecting: '连接中…',
  openHall: '查看大厅 / 远程取号',
  noService: '暂无排队',
  unknownWait: '—',
  sortedByWait: '按预计等候时间排序，离线大厅排在最后',
  language: 'English',
  updatedAt: '更新于',
};

export type MessageKey = keyof typeof zh;

const en: Record<MessageKey, string> = {
  cityTitle: 'City service halls',
  nowTitle: 'Which hall now',
  nowSubtitle: 'Live queues and estimated waits of every hall',
  login: 'Sign in',
  username: 'Username',
  password: 'Password',
  loginFailed: 'Wrong username or password',
  logout: 'Sign out',
  halls: 'Halls',
  online: 'online',
  offline: 'offline',
  waiting: 'Waiting',
  people: '',
  waitingPeople: '{n} waiting',
  estimatedWait: 'Est. wait',
  minutes: 'min',
  target: 'Target',
  withinTarget: 'Within target today',
  lastEvent: 'Last event',
  district: 'District',
  noDistrict: 'No district',
  status: 'Status',
  statusOk: 'OK',
  statusNear: 'Near target',
  statusOver: 'Over target',
  statusOffline: 'Offline',
  alerts: 'Alerts',
  noAlerts: 'No alerts',
  alertOffline: 'Hall offline',
  alertOver: 'Wait over target',
  map: 'By district',
  list: 'Halls',
  trends: 'Today by hour',
  issuedPerHour: 'Tickets',
  withinPerHour: 'Within target',
  issuedToday: 'Issued today',
  servedToday: 'Served today',
  meanWaitToday: 'Mean wait today',
  waitingNow: 'Waiting now',
  live: 'Live',
  reconnecting: 'Connecting…',
  openHall: 'Hall page / queue from home',
  noService: 'Nobody waiting',
  unknownWait: '—',
  sortedByWait: 'Sorted by estimated wait; offline halls last',
  language: '中文',
  updatedAt: 'Updated',
};

export const MESSAGES: Record<Lang, Record<MessageKey, string>> = { zh, en };

export function pageLang(): Lang {
  return new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'zh';
}

export function translator(lang: Lang): (key: MessageKey) => string {
  return (key) => MESSAGES[lang][key];
}

/** The other language's URL of this page. */
export function otherLangHref(lang: Lang): string {
  const u = new URL(location.href);
  if (lang === 'zh') u.searchParams.set('lang', 'en');
  else u.searchParams.delete('lang');
  return u.pathname + u.search;
}
