// Small local pages the kiosk shows without the server: a config problem (for the technician
// installing it) and "server unreachable" (for the visitor, while the kiosk keeps retrying).
import { EXAMPLE_CONFIG } from './config';

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

const STYLE = `body{margin:0;font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;background:#0a2f5c;color:#fff;
display:flex;flex-direction:column;justify-content:center;min-height:100vh;padding:48px;box-sizing:border-box;font-size:28px}
h1{font-size:56px;margin:0 0 24px}code,pre{background:#fff;color:#000;border-radius:8px;padding:4px 10px;font-size:24px}
pre{padding:16px;white-space:pre-wrap}.problem{background:#b00020;border:6px solid #ffd400;border-radius:16px;padding:24px}`;

function page(title: string, body: string, refreshSeconds?: number): string {
  const refresh = refreshSeconds ? `<meta http-equiv="refresh" content="${refreshSeconds}">` : '';
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">${refresh}<title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body>${body}</body></html>`;
}

export function configErrorHtml(file: string, problem: string): string {
  return page(
    'HallQ kiosk: configuration problem',
    `<h1>自助取号机配置有误 · Kiosk configuration problem</h1>
<div class="problem"><p>${escapeHtml(problem)}</p><p>配置文件 Config file: <code>${escapeHtml(file)}</code></p></div>
<p>请联系管理员修正配置文件后重启本机。Ask the administrator to fix the file, then restart the kiosk.</p>
<p>示例 Example:</p><pre>${escapeHtml(JSON.stringify(EXAMPLE_CONFIG, null, 2))}</pre>`,
  );
}

export function serverUnreachableHtml(serverUrl: string): string {
  return page(
    'HallQ kiosk: server unreachable',
    `<h1>暂停取号，请咨询工作人员</h1><p style="font-size:40px">Ticketing paused, please ask staff</p>
<p>正在重新连接服务器 Reconnecting to <code>${escapeHtml(serverUrl)}</code> …</p>`,
  );
}

export const htmlDataUrl = (html: string): string => `data:text/html;charset=utf-8,${encodeURIComponent(html)}`;
