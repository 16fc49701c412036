/** A plain page explaining what is wrong with the config file, shown instead of the screens. */
export function errorPageUrl(file: string, error: string): string {
  const esc = (s: string) => s.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c] ?? c);
  const html = `<!doctype html><meta charset="utf-8"><title>HallQ 显示屏配置错误</title>
<body style="font-family:sans-serif;background:#300;color:#fff;padding:4vmin;font-size:3vmin">
<h1>显示屏配置文件有误 / Invalid display configuration</h1>
<p>配置文件 / Config file: <code>${esc(file)}</code></p>
<pre style="white-space:pre-wrap;background:#000;padding:2vmin">${esc(error)}</pre>
<p>请修改后重新启动 / Fix it and restart the app.</p></body>`;
  return `data:text/html;charset=utf-8,${encodeURIComponent(html)}`;
}
