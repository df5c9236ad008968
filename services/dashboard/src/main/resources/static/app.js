// Chart Factory dashboard page: plain DOM, no dependencies, text only through textContent.
(function () {
  'use strict';
  const REFRESH_MS = 30000;
  const MAX_POD_ROWS = 500;
  const MAX_LOG_LINES = 2000;
  const COLORS = { Running: '#1a7f37', Pending: '#b35900', Succeeded: '#3060c0', Failed: '#c62828', Terminating: '#7a4fb5', Unknown: '#888' };
  const state = { namespace: null, deployments: [], pods: [], connected: true, selected: null, follow: null };
  const $ = (id) => document.getElementById(id);

  function token() { return sessionStorage.getItem('dashboardToken'); }

  function headers() { return token() ? { Authorization: 'Bearer ' + token() } : {}; }

  async function api(path, options) {
    const sep = path.includes('?') ? '&' : '?';
    const url = 'api/' + path + (state.namespace && !(options && options.raw) ? sep + 'namespace=' + encodeURIComponent(state.namespace) : '');
    const response = await fetch(url, { headers: headers() });
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
      const name = cell(row, '');
      const open = document.createElement('button');
      open.type = 'button';
      open.className = 'link';
      open.dataset.deployment = d.name;
      open.textContent = d.name;
      name.appendChild(open);
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

  // ---- details of one deployment: its pods, their logs -------------------------------------
  function podsOf(deployment) {
    return state.pods.filter((p) => p.name.startsWith(deployment + '-'));
  }

  function renderDetails() {
    const name = state.selected;
    $('details').hidden = !name;
    if (!name) return;
    $('details-title').textContent = 'Deployment ' + name;
    const body = $('details-pods').querySelector('tbody');
    body.replaceChildren();
    for (const p of podsOf(name)) {
      const row = document.createElement('tr');
      row.dataset.name = p.name;
      cell(row, p.name);
      cell(row, p.status, 'status-' + p.status);
      cell(row, p.node);
      cell(row, p.age);
      const actions = cell(row, '');
      for (const [label, mode] of [['last 200 lines', 'tail'], ['follow', 'follow']]) {
        const button = document.createElement('button');
        button.type = 'button';
        button.dataset.pod = p.name;
        button.dataset.mode = mode;
        button.textContent = label;
        actions.appendChild(button);
      }
      body.appendChild(row);
    }
    if (!body.children.length) emptyRow(body, 5, 'No pods of ' + name + ' right now.');
  }

  async function loadRollout(name) {
    const revisions = $('revisions').querySelector('tbody');
    const events = $('events').querySelector('tbody');
    try {
      const history = await api('workloads/' + encodeURIComponent(state.namespace) + '/deployment/' + encodeURIComponent(name) + '/history', { raw: true });
      if (state.selected !== name) return;
      revisions.replaceChildren();
      for (const r of history.revisions) {
        const row = document.createElement('tr');
        row.dataset.name = String(r.revision);
        if (r.current) row.className = 'current';
        cell(row, r.revision + (r.current ? ' (current)' : ''));
        cell(row, r.createdAt ? new Date(r.createdAt).toLocaleString() : null);
        cell(row, r.images.join(', '));
        cell(row, r.chart);
        cell(row, r.sourceCommit ? r.sourceCommit.substring(0, 12) : null, 'mono').title = r.sourceCommit || '';
        revisions.appendChild(row);
      }
      if (!revisions.children.length) emptyRow(revisions, 5, 'No revisions recorded (no ReplicaSets left).');
      events.replaceChildren();
      for (const e of history.events) {
        const row = document.createElement('tr');
        cell(row, e.lastSeen ? new Date(e.lastSeen).toLocaleString() : null);
        cell(row, e.type, e.type === 'Warning' ? 'status-Failed' : null);
        cell(row, e.reason);
        cell(row, e.object, 'mono');
        cell(row, e.message);
        cell(row, e.count);
        events.appendChild(row);
      }
      if (!events.children.length) emptyRow(events, 6, 'No events (Kubernetes keeps them for about an hour).');
    } catch (e) {
      revisions.replaceChildren();
      emptyRow(revisions, 5, 'Rollout history not available: ' + e.message);
      events.replaceChildren();
    }
  }

  function logUrl(pod, suffix, query) {
    return 'api/pods/' + encodeURIComponent(state.namespace) + '/' + encodeURIComponent(pod) + '/logs' + suffix + query;
  }

  function appendLogLines(lines) {
    const out = $('log-output');
    out.append(lines.map((l) => l + '\n').join(''));
    while (out.childNodes.length > MAX_LOG_LINES) out.removeChild(out.firstChild);
  }

  function stopFollowing() {
    if (state.follow) state.follow.abort();
    state.follow = null;
    $('logs-stop').hidden = true;
  }

  async function showLogs(pod, mode) {
    stopFollowing();
    $('logs').hidden = false;
    $('logs-title').textContent = (mode === 'follow' ? 'Following ' : 'Last lines of ') + pod;
    $('log-output').replaceChildren();
    $('log-end').textContent = '';
    try {
      if (mode === 'tail') {
        const data = await api('pods/' + encodeURIComponent(state.namespace) + '/' + encodeURIComponent(pod) + '/logs?tailLines=200', { raw: true });
        appendLogLines(data.lines);
        $('log-end').textContent = data.lines.length ? data.lines.length + ' lines' : 'The log is empty.';
        return;
      }
      await followLogs(pod);
    } catch (e) {
      if (e.name !== 'AbortError') $('log-end').textContent = e.message;
    }
  }

  // Server-sent events read with fetch (EventSource cannot send the bearer token).
  async function followLogs(pod) {
    const controller = new AbortController();
    state.follow = controller;
    $('logs-stop').hidden = false;
    const response = await fetch(logUrl(pod, '/stream', '?tailLines=50'), { headers: headers(), signal: controller.signal });
    if (!response.ok) {
      const body = await response.json().catch(() => ({}));
      throw new Error(body.error || ('logs: HTTP ' + response.status));
    }
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer = (buffer + decoder.decode(value, { stream: true })).replace(/\r\n/g, '\n');
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        onEvent(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
      }
    }
    if (state.follow === controller) stopFollowing();
  }

  function onEvent(block) {
    let event = 'message';
    const data = [];
    for (const line of block.split('\n')) {
      if (line.startsWith('event:')) event = line.slice(6).trim();
      else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
    }
    if (event === 'line') appendLogLines([data.join('\n')]);
    else if (event === 'end') $('log-end').textContent = 'Stream closed: ' + data.join(' ') + '.';
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
      renderDetails();
      $('error').hidden = true;
      $('updated').textContent = 'updated ' + new Date().toLocaleTimeString();
      document.body.dataset.loaded = 'true';
    } catch (e) {
      $('error').textContent = e.message;
      $('error').hidden = false;
    }
  }

  $('namespace').addEventListener('change', (e) => {
    state.namespace = e.target.value;
    state.selected = null;
    stopFollowing();
    refresh();
  });
  $('deployments').addEventListener('click', (e) => {
    const name = e.target.dataset && e.target.dataset.deployment;
    if (!name) return;
    state.selected = name;
    stopFollowing();
    $('logs').hidden = true;
    renderDetails();
    loadRollout(name);
    $('details').scrollIntoView();
  });
  $('details-pods').addEventListener('click', (e) => {
    const pod = e.target.dataset && e.target.dataset.pod;
    if (pod) showLogs(pod, e.target.dataset.mode);
  });
  $('details-close').addEventListener('click', () => { state.selected = null; stopFollowing(); renderDetails(); });
  $('logs-stop').addEventListener('click', () => { stopFollowing(); $('log-end').textContent = 'Stopped.'; });
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
