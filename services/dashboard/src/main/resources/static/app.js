// Chart Factory dashboard page: plain DOM, no dependencies, text only through textContent.
(function () {
  'use strict';
  const REFRESH_MS = 30000;
  const MAX_POD_ROWS = 500;
  const COLORS = { Running: '#1a7f37', Pending: '#b35900', Succeeded: '#3060c0', Failed: '#c62828', Terminating: '#7a4fb5', Unknown: '#888' };
  const state = { namespace: null, deployments: [], pods: [], connected: true };
  const $ = (id) => document.getElementById(id);

  function token() { return sessionStorage.getItem('dashboardToken'); }

  async function api(path) {
    const sep = path.includes('?') ? '&' : '?';
    const url = 'api/' + path + (state.namespace ? sep + 'namespace=' + encodeURIComponent(state.namespace) : '');
    const headers = token() ? { Authorization: 'Bearer ' + token() } : {};
    const response = await fetch(url, { headers });
    if (response.status === 401) {
      $('token-form').hidden = false;
      throw new Error('the API needs a token');
    }
    if (!response.ok) {
      const body = await response.json().catch(() => ({}));
      throw new Error(body.error || (path + ': HTTP ' + response.status));
    }
    return response.json();
  }

  function cell(row, text, className) {
    const td = document.createElement('td');
    td.textContent = text === null || text === undefined ? '–' : String(text);
    if (className) td.className = className;
    row.appendChild(td);
    return td;
  }

  // One full-width row saying why a table is empty.
  function emptyRow(body, columns, text) {
    const row = document.createElement('tr');
    row.className = 'empty';
    const td = cell(row, text);
    td.colSpan = columns;
    body.appendChild(row);
  }

  function emptyText(what, all, filtered) {
    if (all > 0 && filtered) return 'No ' + what + ' match the filter.';
    if (!state.connected) return 'No ' + what + ' known: Kubernetes is not reachable (see above).';
    return 'No ' + what + ' in namespace ' + state.namespace + '.';
  }

  function renderDeployments() {
    const needle = $('deployment-filter').value.trim().toLowerCase();
    const body = $('deployments').querySelector('tbody');
    body.replaceChildren();
    for (const d of state.deployments) {
      if (needle && !d.name.toLowerCase().includes(needle)) continue;
      const row = document.createElement('tr');
      row.dataset.name = d.name;
      cell(row, d.name);
      cell(row, d.replicas);
      cell(row, d.ready);
      cell(row, d.available);
      cell(row, d.age);
      const chart = cell(row, d.chartVersion || d.chart);
      if (d.chart) chart.title = d.chart;
      cell(row, d.appVersion);
      cell(row, d.sourceCommit ? d.sourceCommit.substring(0, 12) : null, 'mono').title = d.sourceCommit || '';
      body.appendChild(row);
    }
    if (!body.children.length) emptyRow(body, 8, emptyText('deployments', state.deployments.length, needle));
  }

  function renderPods() {
    const needle = $('pod-filter').value.trim().toLowerCase();
    const status = $('pod-status').value;
    const body = $('pods').querySelector('tbody');
    body.replaceChildren();
    let shown = 0;
    let matching = 0;
    for (const p of state.pods) {
      if (needle && !p.name.toLowerCase().includes(needle)) continue;
      if (status && p.status !== status) continue;
      matching++;
      if (shown >= MAX_POD_ROWS) continue;
      const row = document.createElement('tr');
      row.dataset.name = p.name;
      cell(row, p.name);
      cell(row, p.status, 'status-' + p.status);
      cell(row, p.node);
      cell(row, p.age);
      cell(row, p.podId, 'mono');
      body.appendChild(row);
      shown++;
    }
    if (!shown) emptyRow(body, 5, emptyText('pods', state.pods.length, needle || status));
    $('pod-count').textContent = shown < matching
      ? 'showing ' + shown + ' of ' + matching + ' pods'
      : matching + ' of ' + state.pods.length + ' pods';
  }

  function renderStatusOptions() {
    const select = $('pod-status');
    const current = select.value;
    const statuses = [...new Set(state.pods.map((p) => p.status))].sort();
    if (current && !statuses.includes(current)) statuses.push(current);
    select.replaceChildren(new Option('all statuses', ''), ...statuses.map((s) => new Option(s, s)));
    select.value = current;
  }

  function renderChart(points) {
    const svgNs = 'http://www.w3.org/2000/svg';
    const width = 600, height = 160, pad = 24;
    const statuses = [...new Set(points.flatMap((p) => Object.keys(p.counts)))].sort();
    const max = Math.max(1, ...points.flatMap((p) => Object.values(p.counts)));
    const svg = document.createElementNS(svgNs, 'svg');
    svg.setAttribute('viewBox', '0 0 ' + width + ' ' + height);
    svg.setAttribute('preserveAspectRatio', 'none');
    const x = (i) => pad + (i * (width - 2 * pad)) / Math.max(1, points.length - 1);
    const y = (v) => height - pad - (v * (height - 2 * pad)) / max;
    const axis = document.createElementNS(svgNs, 'path');
    axis.setAttribute('d', 'M' + pad + ' ' + (height - pad) + 'H' + (width - pad));
    axis.setAttribute('stroke', '#ccd');
    svg.appendChild(axis);
    const text = (x0, y0, value, anchor, className) => {
      const t = document.createElementNS(svgNs, 'text');
      t.setAttribute('x', x0); t.setAttribute('y', y0); t.setAttribute('font-size', 10);
      if (anchor) t.setAttribute('text-anchor', anchor);
      if (className) t.setAttribute('class', className);
      t.textContent = value;
      svg.appendChild(t);
    };
    text(2, pad, String(max));
    text(2, height - pad, '0');
    // Time axis: about six ticks, labelled with the local time of day.
    const ticks = Math.min(6, Math.max(1, points.length - 1));
    for (let k = 0; k <= ticks; k++) {
      const i = Math.round((k * (points.length - 1)) / ticks);
      if (!points[i]) continue;
      const tick = document.createElementNS(svgNs, 'path');
      tick.setAttribute('d', 'M' + x(i) + ' ' + (height - pad) + 'v4');
      tick.setAttribute('stroke', '#99a');
      svg.appendChild(tick);
      const at = new Date(points[i].at);
      text(x(i), height - 6, at.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }),
        k === 0 ? 'start' : (k === ticks ? 'end' : 'middle'), 'time-tick');
    }
    const legend = $('chart-legend');
    legend.replaceChildren();
    statuses.forEach((status, n) => {
      const color = COLORS[status] || ['#0097a7', '#ad1457', '#5d4037'][n % 3];
      const line = document.createElementNS(svgNs, 'polyline');
      line.setAttribute('fill', 'none');
      line.setAttribute('stroke', color);
      line.setAttribute('stroke-width', 2);
      line.setAttribute('data-status', status);
      line.setAttribute('points', points.map((p, i) => x(i) + ',' + y(p.counts[status] || 0)).join(' '));
      svg.appendChild(line);
      const item = document.createElement('span');
      const swatch = document.createElement('i');
      swatch.style.background = color;
      item.append(swatch, status + ' ' + (points.length ? (points[points.length - 1].counts[status] || 0) : 0));
      legend.appendChild(item);
    });
    if (!statuses.length) {
      const empty = document.createElement('p');
      empty.className = 'empty';
      empty.textContent = 'No pod status changes recorded in namespace ' + state.namespace + ' in the last 6 hours.';
      legend.appendChild(empty);
    }
    $('chart').replaceChildren(svg);
  }

  function renderConnection(stats) {
    const k8s = stats.kubernetes || { connected: true };
    state.connected = k8s.connected;
    $('demo').hidden = !stats.demo;
    const banner = $('banner');
    if (k8s.connected) {
      banner.hidden = true;
      return;
    }
    const since = k8s.since ? new Date(k8s.since).toLocaleString() : 'start';
    banner.textContent = 'Not connected to Kubernetes at ' + k8s.apiUrl + ' since ' + since
      + (k8s.lastError ? ' (' + k8s.lastError + ')' : '') + '. The figures below are not current.';
    banner.hidden = false;
  }

  async function loadNamespaces() {
    const data = await api('namespaces');
    const select = $('namespace');
    select.replaceChildren(...data.namespaces.map((n) => new Option(n, n)));
    state.namespace = state.namespace || data.defaultNamespace;
    select.value = state.namespace;
  }

  async function refresh() {
    try {
      if (!state.namespace) await loadNamespaces();
      const [stats, deployments, pods, counts] = await Promise.all([
        api('stats'), api('deployments'), api('pods'), api('pods/history/counts?hours=6&points=37')]);
      renderConnection(stats);
      $('stat-deployments').textContent = stats.totalDeployments;
      $('stat-pods').textContent = stats.totalPods;
      $('stat-running').textContent = stats.runningPods;
      $('stat-pending').textContent = stats.pendingPods;
      state.deployments = deployments;
      state.pods = pods;
      renderDeployments();
      renderStatusOptions();
      renderPods();
      renderChart(counts);
      $('error').hidden = true;
      $('updated').textContent = 'updated ' + new Date().toLocaleTimeString();
      document.body.dataset.loaded = 'true';
    } catch (e) {
      $('error').textContent = e.message;
      $('error').hidden = false;
    }
  }

  $('namespace').addEventListener('change', (e) => { state.namespace = e.target.value; refresh(); });
  $('deployment-filter').addEventListener('input', renderDeployments);
  $('pod-filter').addEventListener('input', renderPods);
  $('pod-status').addEventListener('change', renderPods);
  $('refresh').addEventListener('click', refresh);
  $('token-form').addEventListener('submit', (e) => {
    e.preventDefault();
    sessionStorage.setItem('dashboardToken', $('token').value);
    $('token-form').hidden = true;
    refresh();
  });
  refresh();
  setInterval(refresh, REFRESH_MS);
})();
