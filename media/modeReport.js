// The mode split report. Runs inside the webview under a strict CSP: no inline code, no
// innerHTML; everything is built with DOM calls and text nodes.
(function () {
  'use strict';
  const vscode = acquireVsCodeApi();
  const MODES = ['plan', 'execute', 'review', 'codify'];
  const LABELS = { plan: 'Plan', execute: 'Execute', review: 'Review', codify: 'Codify' };
  const SVG = 'http://www.w3.org/2000/svg';
  const app = document.getElementById('app');

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    for (const c of children) e.append(c);
    return e;
  }
  function svg(tag, attrs) {
    const e = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, String(v));
    return e;
  }
  function total(t) {
    return MODES.reduce((a, m) => a + t[m], 0);
  }
  function duration(ms) {
    const min = Math.round(ms / 60000);
    return min < 60 ? `${min}m` : `${Math.floor(min / 60)}h ${String(min % 60).padStart(2, '0')}m`;
  }
  function pct(t) {
    const sum = total(t);
    const out = {};
    for (const m of MODES) out[m] = sum ? Math.round((t[m] * 100) / sum) : 0;
    return out;
  }
  function basename(p) {
    return p ? p.split(/[\\/]/).filter(Boolean).pop() : '(none)';
  }

  /** One stacked bar per day, each scaled to 100% of that day, with dashed lines at the target boundaries. */
  function chart(report, target) {
    const days = report.days;
    const width = Math.max(320, days.length * 46 + 60);
    const height = 220;
    const top = 10;
    const bottom = 30;
    const left = 40;
    const plot = height - top - bottom;
    const s = svg('svg', { width, height, role: 'img', 'aria-label': 'Share of each mode per day', id: 'bars' });
    for (const p of [0, 50, 100]) {
      const y = top + plot - (p / 100) * plot;
      const label = svg('text', { x: 4, y: y + 4, class: 'axis' });
      label.textContent = `${p}%`;
      s.append(label);
    }
    days.forEach((d, i) => {
      const x = left + i * 46;
      const sum = total(d.totals);
      let y = top + plot;
      for (const m of MODES) {
        const h = sum ? (d.totals[m] / sum) * plot : 0;
        if (h <= 0) continue;
        y -= h;
        const r = svg('rect', { x, y, width: 30, height: h, class: `bar ${m}`, 'data-day': d.day, 'data-mode': m });
        const t = svg('title');
        t.textContent = `${d.day} ${LABELS[m]}: ${duration(d.totals[m])} (${Math.round((d.totals[m] * 100) / sum)}%)`;
        r.append(t);
        s.append(r);
      }
      const label = svg('text', { x: x - 2, y: height - 10, class: 'axis' });
      label.textContent = d.day.slice(5);
      s.append(label);
    });
    // Target boundaries: plan ends at 40%, execute at 50%, review at 90%.
    let cumulative = 0;
    for (const m of MODES.slice(0, 3)) {
      cumulative += target[m];
      const y = top + plot - (cumulative / 100) * plot;
      const line = svg('line', { x1: left - 4, x2: width - 4, y1: y, y2: y, class: 'target' });
      const t = svg('title');
      t.textContent = `Target: ${LABELS[m]} ends at ${cumulative}%`;
      line.append(t);
      s.append(line);
    }
    return s;
  }

  function table(head, rows) {
    return el('table', {}, el('thead', {}, el('tr', {}, ...head.map((h) => el('th', {}, h)))), el('tbody', {}, ...rows.map((r) => el('tr', {}, ...r))));
  }

  function render(payload, days) {
    const { report, target, persistent } = payload;
    app.replaceChildren();
    app.append(el('h1', {}, 'Mode split'));
    const range = el('div', { class: 'range' });
    for (const n of [7, 14, 30, 90]) {
      const b = el('button', { 'aria-pressed': String(n === days), 'data-days': String(n) }, `${n} days`);
      b.addEventListener('click', () => vscode.postMessage({ type: 'range', days: n }));
      range.append(b);
    }
    app.append(range, el('p', { class: 'note' }, `${report.from} to ${report.to} · target ${MODES.map((m) => `${LABELS[m]} ${target[m]}%`).join(' · ')}`));
    if (!persistent) app.append(el('p', { class: 'off' }, 'History is not being saved in this session (the SQLite module could not load); see the podflow output.'));
    if (!report.days.length) {
      app.append(el('p', { class: 'empty', id: 'empty' }, 'No time recorded in this period yet.'));
      return;
    }
    const legend = el('div', { class: 'legend' }, ...MODES.map((m) => el('span', {}, el('i', { class: m }), LABELS[m])));
    app.append(legend, chart(report, target));

    const split = pct(report.totals);
    app.append(el('h2', {}, 'Totals per mode'));
    app.append(
      table(
        ['Mode', 'Time', 'Share', 'Target', 'Difference'],
        MODES.map((m) => {
          const diff = split[m] - target[m];
          return [el('td', {}, LABELS[m]), el('td', {}, duration(report.totals[m])), el('td', {}, `${split[m]}%`), el('td', {}, `${target[m]}%`), el('td', Math.abs(diff) > 15 ? { class: 'off' } : {}, diff > 0 ? `+${diff}` : String(diff))];
        }),
      ),
    );
    app.append(el('h2', {}, 'Per workspace'));
    app.append(
      table(
        ['Workspace', ...MODES.map((m) => LABELS[m]), 'Total'],
        report.workspaces.map((w) => [el('td', { title: w.workspace }, basename(w.workspace)), ...MODES.map((m) => el('td', {}, duration(w.totals[m]))), el('td', {}, duration(total(w.totals)))]),
      ),
    );
    app.append(el('h2', {}, 'Top files per mode'));
    for (const m of MODES) {
      const files = report.topFiles[m];
      if (!files.length) continue;
      app.append(el('h3', {}, LABELS[m]), el('ul', {}, ...files.map((f) => el('li', {}, `${f.file} — ${duration(f.ms)}`))));
    }
  }

  const island = document.getElementById('podflow-report');
  const first = JSON.parse(island.textContent);
  render(first.data, first.days);
  window.addEventListener('message', (e) => {
    if (e.data && e.data.type === 'report' && e.data.data) render(e.data.data, e.data.days);
  });
})();
