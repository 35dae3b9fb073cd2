/*
 * Duty board: renders the state pushed on /queue/stream (one "board" event = the whole state for the team)
 * and allocates from the page. Plain JavaScript, no dependencies: it must run on a council network.
 * Everything shown is set with textContent, never as HTML.
 */
(function () {
  'use strict';

  var KINDS = {
    CASE_UNALLOCATED_TOO_LONG: 'Case waiting too long for a worker',
    QUEUE_ABOVE_THRESHOLD: 'Queue above threshold',
    CASELOAD_OVER_THRESHOLD: 'Caseload over threshold',
    CONTACT_DECISION_OVERDUE: 'Contact decision overdue'
  };
  var RAG_WORDS = { GREEN: 'Green', AMBER: 'Amber', RED: 'Red' };
  var london = { timeZone: 'Europe/London' };
  var dateFormat = new Intl.DateTimeFormat('en-GB', Object.assign({ day: 'numeric', month: 'short', year: 'numeric' }, london));
  var timeFormat = new Intl.DateTimeFormat('en-GB', Object.assign({ day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }, london));
  var clockFormat = new Intl.DateTimeFormat('en-GB', Object.assign({ hour: '2-digit', minute: '2-digit', second: '2-digit' }, london));

  var $ = function (id) { return document.getElementById(id); };
  // Resolved against the origin, never the address bar: an address with user:password@ must not reach fetch().
  var base = window.location.origin + window.location.pathname.replace(/[^/]*$/, '');
  var state = { team: '', source: null, lastSequence: 0, workers: [], retry: null, seenCases: null };

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        if (k === 'className') { node.className = attrs[k]; } else { node.setAttribute(k, attrs[k]); }
      });
    }
    if (text !== undefined && text !== null) { node.textContent = text; }
    return node;
  }

  function ragBadge(rag) {
    return el('span', { className: 'rag rag-' + rag }, RAG_WORDS[rag] || rag);
  }

  function formatDate(iso) { return iso ? dateFormat.format(new Date(iso + (iso.length === 10 ? 'T12:00:00Z' : ''))) : ''; }
  function formatTime(iso) { return iso ? timeFormat.format(new Date(iso)) : ''; }

  function newKey() {
    if (window.crypto && window.crypto.randomUUID) { return window.crypto.randomUUID(); }
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    bytes[6] = (bytes[6] & 0x0f) | 0x40; bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map.call(bytes, function (b) { return (b + 0x100).toString(16).slice(1); }).join('');
    return hex.slice(0, 8) + '-' + hex.slice(8, 12) + '-' + hex.slice(12, 16) + '-' + hex.slice(16, 20) + '-' + hex.slice(20);
  }

  function say(text) {
    var box = $('message');
    box.textContent = text;
    box.hidden = false;
    clearTimeout(say.timer);
    say.timer = setTimeout(function () { box.hidden = true; }, 8000);
  }

  function setConnection(kind, text) {
    var node = $('connection');
    node.dataset.state = kind;
    node.textContent = text;
  }

  /* ---------- the stream ---------- */

  function connect() {
    if (state.source) { state.source.close(); }
    clearTimeout(state.retry);
    state.lastSequence = 0;
    setConnection('connecting', 'Connecting…');
    var url = base + 'queue/stream' + (state.team ? '?team=' + encodeURIComponent(state.team) : '');
    var source = new EventSource(url);
    state.source = source;
    source.addEventListener('open', function () {
      state.lastSequence = 0;
      setConnection('live', 'Live');
    });
    source.addEventListener('board', function (event) {
      var board = JSON.parse(event.data);
      if (board.sequence <= state.lastSequence) { return; }
      state.lastSequence = board.sequence;
      render(board);
    });
    source.addEventListener('error', function () {
      if (source.readyState === EventSource.CLOSED) {
        // Refused (signed out, no role) or the service is down: try again ourselves, gently.
        setConnection('reconnecting', 'Not connected: retrying (reload the page to sign in again)');
        state.retry = setTimeout(connect, 5000);
      } else {
        setConnection('reconnecting', 'Reconnecting…');
      }
    });
  }

  /* ---------- rendering ---------- */

  function render(board) {
    $('updated').textContent = clockFormat.format(new Date(board.generatedAt));
    $('updated').setAttribute('datetime', board.generatedAt);
    state.workers = board.workers;
    renderTeams(board);
    renderQueue(board.queue);
    renderWorkers(board.workers);
    renderAlerts(board.alerts);
  }

  function renderTeams(board) {
    var teams = {};
    board.workers.forEach(function (w) { teams[w.team] = true; });
    board.queue.forEach(function (c) { teams[c.team] = true; });
    var list = $('team-list');
    list.replaceChildren();
    Object.keys(teams).sort().forEach(function (t) { list.appendChild(el('option', { value: t })); });
  }

  function renderQueue(queue) {
    var body = $('queue-body');
    var existing = {};
    Array.prototype.forEach.call(body.rows, function (row) { existing[row.dataset.caseId] = row; });
    var first = state.seenCases === null;
    var seen = {};
    queue.forEach(function (item, index) {
      seen[item.caseId] = true;
      var row = existing[item.caseId];
      if (!row) {
        row = queueRow(item);
        if (!first) { row.classList.add('arrived'); }
      }
      updateQueueRow(row, item);
      if (body.rows[index] !== row) { body.insertBefore(row, body.rows[index] || null); }
    });
    Object.keys(existing).forEach(function (id) { if (!seen[id]) { existing[id].remove(); } });
    state.seenCases = seen;
    $('queue-count').textContent = queue.length;
    $('queue-empty').hidden = queue.length > 0;
    $('queue-table').hidden = queue.length === 0;
  }

  function queueRow(item) {
    var row = el('tr', { 'data-case-id': item.caseId });
    var child = el('th', { scope: 'row', className: 'child' });
    row.appendChild(child);
    ['team', 'referral', 'since'].forEach(function (c) { row.appendChild(el('td', { className: c })); });
    row.appendChild(el('td', { className: 'days num' }));
    row.appendChild(el('td', { className: 'rag-cell' }));
    var cell = el('td', { className: 'allocate-cell' });
    var form = el('form', { className: 'allocate', novalidate: 'novalidate', 'aria-label': 'Allocate case for child ' + item.childRef });
    var selectId = 'worker-' + item.caseId;
    form.appendChild(el('label', { 'for': selectId, className: 'visually-hidden' }, 'Worker for child ' + item.childRef));
    var select = el('select', { id: selectId, name: 'workerId', required: 'required' });
    form.appendChild(select);
    form.appendChild(el('button', { type: 'submit' }, 'Allocate'));
    var override = el('div', { className: 'override' });
    override.hidden = true;
    var reasonId = 'reason-' + item.caseId;
    override.appendChild(el('label', { 'for': reasonId }, 'This worker is at or over their caseload threshold. Reason for allocating anyway:'));
    override.appendChild(el('input', { id: reasonId, name: 'overrideReason', maxlength: '1000', autocomplete: 'off' }));
    form.appendChild(override);
    form.appendChild(el('p', { className: 'error', role: 'alert' }));
    select.addEventListener('change', function () { showOverrideIfNeeded(form); });
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      allocate(item.caseId, form);
    });
    cell.appendChild(form);
    row.appendChild(cell);
    return row;
  }

  function updateQueueRow(row, item) {
    row.querySelector('.child').textContent = item.childRef;
    row.querySelector('.team').textContent = item.team;
    row.querySelector('.referral').textContent = formatDate(item.referralDate);
    row.querySelector('.since').textContent = formatTime(item.waitingSince);
    row.querySelector('.days').textContent = item.workingDaysWaiting;
    var status = row.querySelector('.rag-cell');
    status.replaceChildren(ragBadge(item.rag));
    row.dataset.team = item.team;
    fillWorkers(row.querySelector('select'), item.team);
  }

  function atOrOver(worker) { return worker.rag === 'RED'; }

  function fillWorkers(select, team) {
    var chosen = select.value;
    var options = [el('option', { value: '' }, 'Choose a worker')];
    state.workers.filter(function (w) { return w.team === team && w.caseHolding; })
      .sort(function (a, b) { return Number(a.casesPerFte) - Number(b.casesPerFte) || a.displayName.localeCompare(b.displayName); })
      .forEach(function (w) {
        var text = w.displayName + ' (' + w.casesPerFte + ' of ' + w.threshold + ' per FTE'
          + (atOrOver(w) ? ', at or over threshold)' : ')');
        var option = el('option', { value: w.workerId }, text);
        if (atOrOver(w)) { option.dataset.over = 'true'; }
        options.push(option);
      });
    select.replaceChildren.apply(select, options);
    select.value = chosen;
    if (select.value !== chosen) { select.value = ''; }
    showOverrideIfNeeded(select.form);
  }

  function showOverrideIfNeeded(form) {
    var option = form.workerId.selectedOptions[0];
    var over = !!(option && option.dataset.over) || form.dataset.refused === form.workerId.value && !!form.workerId.value;
    var box = form.querySelector('.override');
    box.hidden = !over;
    form.overrideReason.required = over;
  }

  function allocate(caseId, form) {
    var button = form.querySelector('button');
    var error = form.querySelector('.error');
    error.textContent = '';
    var workerId = form.workerId.value;
    if (!workerId) { error.textContent = 'Choose a worker first.'; form.workerId.focus(); return; }
    var body = { workerId: workerId };
    var reason = form.overrideReason.value.trim();
    if (!form.querySelector('.override').hidden) {
      if (!reason) { error.textContent = 'Give a reason for allocating over the threshold.'; form.overrideReason.focus(); return; }
      body.overrideReason = reason;
    }
    button.disabled = true;
    fetch(base + 'cases/' + encodeURIComponent(caseId) + '/allocation', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json, application/problem+json', 'Idempotency-Key': newKey() },
      body: JSON.stringify(body)
    }).then(function (response) {
      if (response.ok) {
        var worker = state.workers.find(function (w) { return w.workerId === workerId; });
        say('Allocated to ' + (worker ? worker.displayName : workerId) + '.');
        return;
      }
      return response.json().catch(function () { return {}; }).then(function (problem) {
        if (response.status === 409 && /threshold/i.test(problem.detail || '')) {
          form.dataset.refused = workerId;
          showOverrideIfNeeded(form);
          form.overrideReason.focus();
        }
        if (response.status === 403) {
          error.textContent = 'Only a duty manager can allocate cases.';
        } else {
          error.textContent = problem.detail || problem.title || ('The service answered ' + response.status + '.');
        }
      });
    }).catch(function () {
      error.textContent = 'Could not reach the service; nothing was allocated. Try again.';
    }).then(function () { button.disabled = false; });
  }

  function renderWorkers(workers) {
    var list = $('worker-list');
    list.replaceChildren();
    workers.slice().sort(function (a, b) { return a.team.localeCompare(b.team) || a.displayName.localeCompare(b.displayName); })
      .forEach(function (w) {
        var item = el('li', { 'data-worker-id': w.workerId });
        var who = el('div', { className: 'who' });
        who.appendChild(el('span', { className: 'name' }, w.displayName));
        var figures = el('span', { className: 'figures' });
        figures.appendChild(document.createTextNode(w.activeCases + ' cases '));
        figures.appendChild(ragBadge(w.rag));
        who.appendChild(figures);
        item.appendChild(who);
        var fraction = Number(w.threshold) > 0 ? Number(w.casesPerFte) / Number(w.threshold) : 0;
        var percent = Math.round(fraction * 100);
        var bar = el('div', {
          className: 'bar bar-' + w.rag, role: 'meter', 'aria-valuemin': '0', 'aria-valuemax': '100',
          'aria-valuenow': String(Math.min(percent, 100)),
          'aria-label': w.displayName + ' caseload: ' + w.casesPerFte + ' of ' + w.threshold + ' cases per FTE (' + percent + ' %)'
        });
        var fill = el('span');
        fill.style.width = Math.min(percent, 100) + '%';
        bar.appendChild(fill);
        item.appendChild(bar);
        item.appendChild(el('span', { className: 'not-holding' },
          w.team + ' · ' + w.fte + ' FTE · ' + w.casesPerFte + ' of ' + w.threshold + ' per FTE'
          + (w.caseHolding ? '' : ' · not holding cases')));
        list.appendChild(item);
      });
    $('workers-empty').hidden = workers.length > 0;
  }

  function renderAlerts(alerts) {
    var list = $('alert-list');
    var existing = {};
    Array.prototype.forEach.call(list.children, function (li) { existing[li.dataset.alertId] = li; });
    var keep = {};
    alerts.forEach(function (a) {
      keep[a.id] = true;
      if (existing[a.id]) { return; }
      var item = el('li', { 'data-alert-id': a.id, 'data-kind': a.kind });
      item.appendChild(el('span', { className: 'kind' }, (KINDS[a.kind] || a.kind) + (a.team ? ' · ' + a.team : '')));
      item.appendChild(el('span', { className: 'detail' }, a.detail));
      item.appendChild(document.createTextNode(' '));
      item.appendChild(el('span', { className: 'when' }, 'since ' + formatTime(a.raisedAt)));
      list.appendChild(item);
    });
    Object.keys(existing).forEach(function (id) { if (!keep[id]) { existing[id].remove(); } });
    $('alert-count').textContent = alerts.length;
    $('alerts-empty').hidden = alerts.length > 0;
  }

  /* ---------- team choice ---------- */

  function start() {
    var params = new URLSearchParams(window.location.search);
    state.team = (params.get('team') || '').trim();
    $('team').value = state.team;
    $('team-form').addEventListener('submit', function (event) {
      event.preventDefault();
      state.team = $('team').value.trim();
      var url = new URL(window.location.href);
      if (state.team) { url.searchParams.set('team', state.team); } else { url.searchParams.delete('team'); }
      window.history.replaceState(null, '', url);
      state.seenCases = null;
      $('queue-body').replaceChildren();
      $('alert-list').replaceChildren();
      connect();
    });
    connect();
  }

  start();
}());
