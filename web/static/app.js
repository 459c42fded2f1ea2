// iduit pages work without this script; it only adds live word counts, autosave with a visible state,
// a draft kept on the device while offline, and a side-by-side view when someone else saved first.
// It never builds HTML from strings: every text goes in through textContent or .value.
(function () {
  'use strict';
  var wordSplit = /[^\p{L}\p{N}\p{M}\-'\u2019\u2010\u00AD]+/u;
  var wordCore = /[\p{L}\p{N}]/u;

  // countWords matches domain.CountWords on the server: runs of letters, digits and marks, with hyphens
  // and apostrophes inside a word.
  function countWords(s) {
    return s.split(wordSplit).filter(function (t) { return wordCore.test(t); }).length;
  }

  function updateCount(input) {
    var out = document.getElementById(input.id + '-count');
    if (!out) { return; }
    var n = countWords(input.value);
    var num = out.querySelector('.n');
    if (num) { num.textContent = String(n); }
    var soft = parseInt(out.getAttribute('data-soft') || '0', 10);
    var hard = parseInt(out.getAttribute('data-hard') || '0', 10);
    out.classList.toggle('over-hard-on', hard > 0 && n > hard);
    out.classList.toggle('over-soft-on', !(hard > 0 && n > hard) && soft > 0 && n > soft);
  }

  function initCounters(root) {
    root.querySelectorAll('.field textarea[name^="t."], .field input[name^="t."]').forEach(function (el) {
      updateCount(el);
      el.addEventListener('input', function () { updateCount(el); });
    });
  }

  // addToField puts a message or panel under a field's inputs, above its link to the comments.
  function addToField(w, el) {
    var box = w.querySelector('.field-input');
    box.insertBefore(el, box.querySelector(':scope > .to-comments'));
  }

  // --- autosave ---------------------------------------------------------------------------------

  function Autosave(form) {
    this.form = form;
    this.url = form.getAttribute('data-autosave');
    this.draftKey = 'iduit:draft:' + form.getAttribute('data-draft-key');
    this.state = document.getElementById('save-state');
    this.token = (document.querySelector('meta[name="csrf-token"]') || {}).content || '';
    this.dirty = {};     // field key → true while the page holds text the server has not acknowledged
    this.synced = {};    // field key → the entries the server last acknowledged, to skip empty saves
    this.conflicted = {}; // field key → true until the writer chooses between the two texts
    this.timers = {};
    this.queue = [];
    this.busy = false;
    this.retryTimer = null;
  }

  Autosave.prototype.setState = function (name, extra) {
    if (!this.state) { return; }
    var text = this.state.getAttribute('data-' + name) || name;
    if (name === 'saved') {
      text += extra ? ' · ' + extra : '';
    } else if (extra) {
      text += ' ' + extra;
    }
    this.state.textContent = text;
    this.state.className = 'save-state is-' + name;
  };

  Autosave.prototype.wrapper = function (key) {
    return this.form.querySelector('.field[data-field="' + CSS.escape(key) + '"]');
  };

  // entries are a field's current values as form pairs: what a save sends and what a draft keeps.
  Autosave.prototype.entries = function (key) {
    var out = [];
    this.wrapper(key).querySelectorAll('input, textarea, select').forEach(function (el) {
      if (!el.name || el.name.indexOf('base.') === 0) { return; }
      if (el.type === 'checkbox' && !el.checked) { return; }
      out.push([el.name, el.value]);
    });
    return out;
  };

  Autosave.prototype.base = function (key) {
    var el = this.form.elements['base.' + key];
    return el ? el.value : this.form.elements.version.value;
  };

  Autosave.prototype.setBase = function (key, v) {
    var el = this.form.elements['base.' + key];
    if (el) { el.value = String(v); }
  };

  Autosave.prototype.readDrafts = function () {
    try { return JSON.parse(localStorage.getItem(this.draftKey) || '{}'); } catch (e) { return {}; }
  };

  Autosave.prototype.writeDraft = function (key, entries) {
    var all = this.readDrafts();
    if (entries) { all[key] = { base: this.base(key), entries: entries, at: Date.now() }; } else { delete all[key]; }
    try {
      if (Object.keys(all).length) { localStorage.setItem(this.draftKey, JSON.stringify(all)); } else { localStorage.removeItem(this.draftKey); }
    } catch (e) { /* storage full or disabled: the server save still runs */ }
  };

  Autosave.prototype.changed = function (key) {
    var entries = this.entries(key);
    if (this.synced[key] === JSON.stringify(entries)) { return; }
    this.dirty[key] = true;
    this.writeDraft(key, entries);
    if (this.conflicted[key]) { this.setState('conflict'); return; }
    this.setState('unsaved');
    clearTimeout(this.timers[key]);
    var self = this;
    this.timers[key] = setTimeout(function () { self.enqueue(key); }, 1200);
  };

  Autosave.prototype.enqueue = function (key) {
    if (this.queue.indexOf(key) < 0) { this.queue.push(key); }
    this.next();
  };

  Autosave.prototype.next = function () {
    if (this.busy || !this.queue.length) { return; }
    if (!navigator.onLine) { this.setState('offline'); return; }
    this.busy = true;
    this.send(this.queue.shift());
  };

  Autosave.prototype.send = function (key) {
    var self = this;
    var sent = JSON.stringify(this.entries(key));
    var body = new URLSearchParams(new FormData(this.form));
    body.append('only', key);
    this.setState('saving');
    fetch(this.url, {
      method: 'PUT', credentials: 'same-origin', body: body,
      headers: { 'X-CSRF-Token': this.token, 'If-Match': '"' + this.base(key) + '"', 'Accept': 'application/json' }
    }).then(function (res) {
      return res.json().catch(function () { return {}; }).then(function (data) { self.answered(key, sent, res.status, data); });
    }, function () {
      self.busy = false;
      self.queue.unshift(key);
      self.setState('offline');
      self.retryLater();
    });
  };

  Autosave.prototype.answered = function (key, sent, status, data) {
    this.busy = false;
    if (status === 200) {
      this.saved(key, sent, data);
    } else if (status === 412) {
      this.showConflict(data);
    } else if (status === 400) {
      this.showProblems(data.errors || []);
      this.setState('error');
    } else if (status === 401) {
      this.setState('signin');
    } else if (status === 403 && data.code === 'csrf') {
      this.refreshToken(key);
      return;
    } else {
      this.queue.unshift(key);
      this.setState('error');
      this.retryLater();
      return;
    }
    this.next();
  };

  // refreshToken answers a refused token (the server restarted with a new secret): it asks the server
  // for this session's token once and sends again; if that fails too it says so instead of retrying
  // forever with a token that can never work.
  Autosave.prototype.refreshToken = function (key) {
    var self = this;
    this.queue.unshift(key);
    if (this.tokenRefreshed) { this.setState('expired'); return; }
    this.tokenRefreshed = true;
    fetch('/csrf-token', { credentials: 'same-origin', headers: { 'Accept': 'application/json' } }).then(function (res) {
      if (res.status === 401) { self.setState('signin'); return null; }
      return res.ok ? res.json() : null;
    }).then(function (data) {
      if (!data || !data.token) { self.setState('expired'); return; }
      self.token = data.token;
      // The form's own field too, so that pressing Save sends a token that works.
      var field = self.form.elements.csrf;
      if (field) { field.value = data.token; }
      var meta = document.querySelector('meta[name="csrf-token"]');
      if (meta) { meta.content = data.token; }
      self.next();
    }, function () { self.setState('expired'); });
  };

  // submitOffline keeps what the Save button would have sent when there is no connection: the drafts are
  // on the device already, and every changed field waits in the queue for the connection to return.
  Autosave.prototype.submitOffline = function (ev) {
    if (navigator.onLine) { return; }
    ev.preventDefault();
    var self = this;
    Object.keys(this.dirty).forEach(function (key) {
      self.writeDraft(key, self.entries(key));
      if (self.queue.indexOf(key) < 0) { self.queue.push(key); }
    });
    this.setState('queued');
  };

  Autosave.prototype.saved = function (key, sent, data) {
    var self = this;
    this.tokenRefreshed = false;
    (data.in_sync || []).forEach(function (k) { self.setBase(k, data.version); });
    this.synced[key] = sent;
    if (JSON.stringify(this.entries(key)) === sent) {
      delete this.dirty[key];
      this.writeDraft(key, null);
      this.clearProblem(key);
    }
    if (data.changed_elsewhere && data.changed_elsewhere.length) {
      this.setState('elsewhere', data.changed_elsewhere.join('; '));
    } else if (!Object.keys(this.dirty).length) {
      this.setState('saved', data.saved_at);
    }
  };

  Autosave.prototype.retryLater = function () {
    var self = this;
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(function () { self.next(); }, 15000);
  };

  Autosave.prototype.clearProblem = function (key) {
    var w = this.wrapper(key);
    var p = w && w.querySelector('.field-error.live');
    if (p) { p.remove(); }
  };

  Autosave.prototype.showProblems = function (problems) {
    var self = this;
    problems.forEach(function (pr) {
      var w = self.wrapper(pr.field || '');
      if (!w) { return; }
      self.clearProblem(w.getAttribute('data-field'));
      var p = document.createElement('p');
      p.className = 'field-error live';
      p.textContent = pr.message || '';
      addToField(w, p);
    });
  };

  // showConflict puts the other person's saved text beside the writer's own, which stays in its box.
  Autosave.prototype.showConflict = function (data) {
    var self = this;
    this.setState('conflict', data.by ? '(' + data.by + ', ' + data.at + ')' : '');
    (data.fields || []).forEach(function (f) {
      var w = self.wrapper(f.key);
      if (!w) { return; }
      self.conflicted[f.key] = true;
      var old = w.querySelector('.conflict-panel');
      if (old) { old.remove(); }
      w.classList.add('has-conflict', 'js-conflict');
      var panel = document.createElement('div');
      panel.className = 'conflict-panel sbs-panel';
      panel.setAttribute('role', 'group');
      (f.texts || []).forEach(function (t) {
        var id = 'theirs-' + t.name.replace(/[^a-zA-Z0-9_-]/g, '-');
        var label = document.createElement('label');
        label.setAttribute('for', id);
        label.textContent = self.form.getAttribute('data-l-theirs') + (f.texts.length > 1 ? ' (' + (self.form.getAttribute('data-l-lang-' + t.lang) || t.lang) + ')' : '');
        var box = document.createElement('textarea');
        box.id = id; box.readOnly = true; box.rows = 8; box.lang = t.lang; box.value = t.theirs;
        box.setAttribute('data-for', t.name);
        panel.appendChild(label); panel.appendChild(box);
      });
      if (!f.texts && f.theirs !== undefined) {
        var q = document.createElement('p');
        q.className = 'theirs-value';
        q.textContent = self.form.getAttribute('data-l-theirs') + ': ' + f.theirs;
        panel.appendChild(q);
      }
      panel.appendChild(self.conflictButtons(f, data.current_version, panel));
      addToField(w, panel);
      var first = panel.querySelector('button');
      if (first) { first.focus(); }
    });
  };

  Autosave.prototype.conflictButtons = function (f, version, panel) {
    var self = this;
    var bar = document.createElement('div');
    bar.className = 'conflict-actions';
    var keep = document.createElement('button');
    keep.type = 'button';
    keep.textContent = this.form.getAttribute('data-l-keep');
    keep.addEventListener('click', function () {
      delete self.conflicted[f.key];
      self.setBase(f.key, version);
      panel.remove();
      self.wrapper(f.key).classList.remove('has-conflict', 'js-conflict');
      self.writeDraft(f.key, self.entries(f.key));
      self.enqueue(f.key);
    });
    bar.appendChild(keep);
    var take = document.createElement('button');
    take.type = 'button';
    if (!f.texts) {
      take.textContent = this.form.getAttribute('data-l-reload');
      take.addEventListener('click', function () { delete self.conflicted[f.key]; self.writeDraft(f.key, null); location.reload(); });
      bar.appendChild(take);
      return bar;
    }
    take.textContent = this.form.getAttribute('data-l-take');
    take.addEventListener('click', function () {
      // Swap: their text goes into the box, the writer's moves into the read-only box beside it, so that
      // it can still be copied from until the page is left.
      panel.querySelectorAll('textarea[data-for]').forEach(function (box) {
        var input = self.form.elements[box.getAttribute('data-for')];
        var mine = input.value;
        input.value = box.value;
        box.value = mine;
        updateCount(input);
        var label = panel.querySelector('label[for="' + box.id + '"]');
        if (label) { label.textContent = self.form.getAttribute('data-l-yours'); }
      });
      delete self.conflicted[f.key];
      self.setBase(f.key, version);
      self.synced[f.key] = JSON.stringify(self.entries(f.key));
      delete self.dirty[f.key];
      self.writeDraft(f.key, null);
      take.remove(); keep.remove();
      self.setState('saved');
    });
    bar.appendChild(take);
    return bar;
  };

  // restoreDrafts puts back text typed on this device that never reached the server, then sends it with
  // the version it was typed against, so a save made elsewhere meanwhile shows as a conflict.
  Autosave.prototype.restoreDrafts = function () {
    var drafts = this.readDrafts();
    var self = this;
    var restored = false;
    Object.keys(drafts).forEach(function (key) {
      var w = self.wrapper(key);
      if (!w) { self.writeDraft(key, null); return; }
      var d = drafts[key];
      if (JSON.stringify(self.entries(key)) === JSON.stringify(d.entries)) { self.writeDraft(key, null); return; }
      self.apply(w, d.entries);
      self.setBase(key, d.base);
      self.dirty[key] = true;
      restored = true;
      self.queue.push(key);
    });
    if (restored) { this.setState('restored'); this.next(); }
  };

  Autosave.prototype.apply = function (w, entries) {
    var values = {};
    entries.forEach(function (e) { (values[e[0]] = values[e[0]] || []).push(e[1]); });
    w.querySelectorAll('input, textarea, select').forEach(function (el) {
      if (!el.name || el.name.indexOf('base.') === 0) { return; }
      var v = values[el.name] || [];
      if (el.type === 'checkbox') { el.checked = v.indexOf(el.value) >= 0; } else { el.value = v.length ? v[0] : ''; }
      if (el.name.indexOf('t.') === 0) { updateCount(el); }
    });
  };

  Autosave.prototype.start = function () {
    var self = this;
    var onEdit = function (ev) {
      var w = ev.target.closest && ev.target.closest('.field[data-field]');
      if (w && ev.target.name && ev.target.name.indexOf('base.') !== 0) { self.changed(w.getAttribute('data-field')); }
    };
    // Text boxes report every keystroke as "input"; their "change" on leaving the box would only repeat it.
    this.form.addEventListener('input', onEdit);
    this.form.addEventListener('change', function (ev) {
      if (ev.target.type === 'checkbox' || ev.target.tagName === 'SELECT' || ev.target.type === 'date') { onEdit(ev); }
    });
    this.form.addEventListener('submit', function (ev) { self.submitOffline(ev); });
    window.addEventListener('online', function () { self.next(); });
    window.addEventListener('offline', function () { self.setState('offline'); });
    this.restoreDrafts();
  };

  // Tables: a button that adds an empty row, named like the server's rows so the form save reads it.
  function initTables(root) {
    root.querySelectorAll('table[data-table]').forEach(function (table) {
      var form = table.closest('form');
      if (!form || form.getAttribute('data-readonly')) { return; }
      var button = document.createElement('button');
      button.type = 'button';
      button.textContent = form.getAttribute('data-l-row');
      button.addEventListener('click', function () {
        var body = table.tBodies[0];
        var last = body.rows[body.rows.length - 1];
        var row = last.cloneNode(true);
        var index = body.rows.length;
        row.querySelectorAll('input').forEach(function (input) {
          input.name = input.name.replace(/\.\d+\.([^.]+)$/, '.' + index + '.$1');
          input.id = input.name.replace(/\./g, '-');
          input.value = '';
          input.setAttribute('aria-label', input.getAttribute('aria-label').replace(/\d+$/, String(index + 1)));
        });
        body.appendChild(row);
        row.querySelector('input').focus();
      });
      table.parentNode.parentNode.insertBefore(button, table.parentNode.nextSibling);
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    initCounters(document);
    initTables(document);
    var form = document.getElementById('section-form');
    if (form && form.getAttribute('data-autosave') && !form.getAttribute('data-readonly') && window.fetch) {
      new Autosave(form).start();
    }
  });
})();

// Budget and indicator grids: Enter in a cell moves to the same column one row down, as in a
// spreadsheet, instead of submitting the whole form half-filled.
(function () {
  'use strict';
  document.addEventListener('keydown', function (ev) {
    var el = ev.target;
    if (ev.key !== 'Enter' || ev.shiftKey || el.tagName !== 'INPUT' || el.type === 'checkbox') { return; }
    var grid = el.closest('table[data-grid]');
    var cell = el.closest('td');
    if (!grid || !cell) { return; }
    ev.preventDefault();
    var row = cell.parentElement.nextElementSibling;
    while (row && row.classList.contains('row-error')) { row = row.nextElementSibling; }
    if (!row) { return; }
    var inputs = cell.querySelectorAll('input');
    var pos = Array.prototype.indexOf.call(inputs, el);
    var below = row.children[cell.cellIndex];
    var target = below && below.querySelectorAll('input')[pos];
    if (target) { target.focus(); target.select(); }
  });
}());

// Small screens: guidance that folds away and stays folded, the current tab scrolled into view, and a
// jump from each field to the comments about it. Without this script guidance is simply open and each
// field links to the comments panel.
(function () {
  'use strict';
  var guideKey = 'iduit:guide';

  // Guidance is open until the person folds it; the choice then holds on every section they open.
  function initGuides() {
    var boxes = document.querySelectorAll('details[data-remember="guide"]');
    if (!boxes.length) { return; }
    var stored = null;
    try { stored = localStorage.getItem(guideKey); } catch (e) { /* storage disabled: guidance stays open */ }
    boxes.forEach(function (box) {
      if (stored === 'closed') { box.open = false; }
      box.addEventListener('toggle', function () {
        try { localStorage.setItem(guideKey, box.open ? 'open' : 'closed'); } catch (e) { /* not remembered */ }
      });
    });
  }

  // The tabs scroll sideways on a phone; the current one may start out of sight.
  function showCurrentTab() {
    var current = document.querySelector('.tabs a[aria-current="page"]');
    if (!current) { return; }
    var tabs = current.parentNode;
    if (tabs.scrollWidth > tabs.clientWidth) {
      tabs.scrollLeft = current.offsetLeft - tabs.offsetLeft - (tabs.clientWidth - current.offsetWidth) / 2;
    }
  }

  // Each field's link goes to the first open comment about it and says how many there are; a field with
  // none gets the new-comment form with the field already chosen.
  function initCommentJumps() {
    var threads = {};
    document.querySelectorAll('#comments > .thread .on-field a[href^="#field-"]').forEach(function (a) {
      var key = a.getAttribute('href').slice('#field-'.length);
      (threads[key] = threads[key] || []).push(a.closest('.thread'));
    });
    var choose = document.getElementById('c-field');
    document.querySelectorAll('a[data-comments-for]').forEach(function (link) {
      var key = link.getAttribute('data-comments-for');
      var list = threads[key] || [];
      if (list.length) {
        link.textContent += ' (' + list.length + ')';
        link.href = '#' + list[0].id;
      } else if (choose) {
        link.href = '#c-field';
        link.addEventListener('click', function () { choose.value = key; });
      }
    });
  }

  // initSelectionActions offers "Comment" and "Suggest" when text is selected inside a field's text box
  // (either language of a bilingual field): the field, the language and the quote come from where the
  // selection is, and go into the same forms that work without this script.
  function initSelectionActions() {
    var aside = document.getElementById('comments');
    if (!aside || !aside.hasAttribute('data-l-comment')) { return; }
    var bar = document.createElement('div');
    bar.className = 'select-actions';
    bar.hidden = true;
    var current = null;
    function button(label, act) {
      var b = document.createElement('button');
      b.type = 'button';
      b.textContent = label;
      b.addEventListener('click', function () { if (current) { act(current); } bar.hidden = true; });
      bar.appendChild(b);
    }
    function fill(formId, prefix, sel, quoteName) {
      var form = document.getElementById(formId);
      if (!form) { return null; }
      var field = document.getElementById(prefix + '-field');
      if (field) { field.value = sel.field; }
      var lang = document.getElementById(prefix + '-lang');
      if (lang) { lang.value = sel.lang; }
      form.querySelector('[name="' + quoteName + '"]').value = sel.quote;
      var start = form.querySelector('[name="quote_start"]');
      if (start) { start.value = String(sel.start); }
      return form;
    }
    button(aside.getAttribute('data-l-comment'), function (sel) {
      if (fill('comment-form', 'c', sel, 'quote')) { document.getElementById('c-body').focus(); }
    });
    button(aside.getAttribute('data-l-suggest'), function (sel) {
      var details = document.getElementById('suggest');
      if (details) { details.open = true; }
      if (fill('suggest-form', 's', sel, 'quote')) {
        var repl = document.getElementById('s-replacement');
        repl.value = sel.quote;
        repl.focus();
      }
    });
    function offer(el) {
      var a = el.selectionStart, b = el.selectionEnd;
      var quote = (a !== b) ? el.value.slice(a, b) : '';
      var box = el.closest('.field');
      if (!quote.trim() || !box) { bar.hidden = true; return; }
      // The server counts characters, not UTF-16 units: count the code points before the selection.
      current = { field: box.getAttribute('data-field'), lang: el.lang, quote: quote, start: Array.from(el.value.slice(0, a)).length };
      el.insertAdjacentElement('afterend', bar);
      bar.hidden = false;
    }
    document.querySelectorAll('.field textarea[name^="t."], .field input[name^="t."]').forEach(function (el) {
      el.addEventListener('mouseup', function () { offer(el); });
      el.addEventListener('keyup', function () { offer(el); });
      el.addEventListener('select', function () { offer(el); });
    });
  }

  // Upload with progress. Without the script the files form posts as any form; with it the same form
  // data goes by XMLHttpRequest, whose upload events move a <progress> bar, and the percentage is said
  // in a polite live region every tenth (screen readers would drown in every event). Success lands on
  // the page the form's redirect names; a refusal shows the form the server sent back, with its message.
  function initUpload(form) {
    if (!form || !window.FormData || !window.XMLHttpRequest) { return; }
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      var bar = form.querySelector('progress'), status = form.querySelector('[role="status"]');
      var button = form.querySelector('button.primary'), said = -1;
      var say = function (text) { status.textContent = text; };
      var percent = function (p) {
        bar.value = p;
        var step = p === 100 ? 100 : Math.floor(p / 10) * 10;
        if (step !== said) { said = step; say(form.getAttribute('data-l-progress').replace('{p}', step)); }
      };
      var xhr = new XMLHttpRequest();
      xhr.upload.addEventListener('progress', function (e) {
        if (e.lengthComputable && e.total > 0) { percent(Math.min(100, Math.floor(e.loaded * 100 / e.total))); }
      });
      xhr.upload.addEventListener('load', function () { percent(100); say(form.getAttribute('data-l-saving')); });
      xhr.addEventListener('load', function () {
        if (xhr.status >= 200 && xhr.status < 300 && xhr.responseURL && xhr.responseURL.indexOf('added=') > 0) {
          location.assign(xhr.responseURL);
          return;
        }
        var page = new DOMParser().parseFromString(xhr.responseText, 'text/html');
        var fresh = page.querySelector('form[data-upload]');
        if (fresh) {
          fresh = document.importNode(fresh, true);
          form.replaceWith(fresh);
          initUpload(fresh);
          var target = fresh.querySelector('.error-box, [aria-invalid="true"]') || fresh;
          if (!/^(INPUT|SELECT)$/.test(target.tagName)) { target.setAttribute('tabindex', '-1'); }
          target.focus();
          return;
        }
        var main = document.getElementById('main'), other = page.getElementById('main');
        if (main && other) { main.replaceChildren.apply(main, Array.from(other.childNodes).map(function (n) { return document.importNode(n, true); })); main.focus(); }
      });
      xhr.addEventListener('error', function () {
        bar.parentNode.hidden = true;
        button.disabled = false;
        say(form.getAttribute('data-l-failed'));
      });
      bar.parentNode.hidden = false;
      button.disabled = true;
      percent(0);
      xhr.open('POST', form.action);
      xhr.send(new FormData(form));
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    initGuides();
    showCurrentTab();
    initCommentJumps();
    initSelectionActions();
    initUpload(document.querySelector('form[data-upload]'));
  });
}());

// The sign-in and sign-up forms tell the server the browser's time zone, so that times are shown as the
// person's clock shows them from the first page on.
document.addEventListener('DOMContentLoaded', function () {
  'use strict';
  var zone = '';
  try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone || ''; } catch (e) { /* an old browser: the language's default */ }
  document.querySelectorAll('input[type="hidden"][name="tz"]').forEach(function (el) { el.value = zone; });
});

// Offline: a service worker keeps the app shell and the pages opened here (see sw.js). Signing out
// forgets the kept pages, since another person may use this device next.
(function () {
  'use strict';
  if (!('serviceWorker' in navigator) || !window.caches) { return; }
  window.addEventListener('load', function () {
    navigator.serviceWorker.register('/sw.js').then(function () { return navigator.serviceWorker.ready; }).then(function (reg) {
      var shell = [];
      document.querySelectorAll('link[rel="stylesheet"], link[rel="icon"], script[src]').forEach(function (el) {
        shell.push(el.getAttribute('href') || el.getAttribute('src'));
      });
      // Once the worker controls the pages, what they load passes through it and is kept there.
      if (navigator.serviceWorker.controller) { return; }
      var signedIn = !!document.querySelector('form[action="/signout"]');
      reg.active.postMessage({ type: 'keep', shell: shell, page: signedIn ? location.pathname + location.search : '' });
    }).catch(function () { /* no worker: the pages still work online */ });
  });
  document.addEventListener('submit', function (ev) {
    if (ev.target.getAttribute('action') === '/signout') {
      caches.delete('iduit-pages-v1');
      if (navigator.serviceWorker.controller) { navigator.serviceWorker.controller.postMessage({ type: 'forget' }); }
    }
  });
})();
