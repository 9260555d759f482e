// The editor page: the YAML (StudyguideEditor, from codemirror.js) beside the pages the server draws.
// Every pause in typing asks for a preview of the shown document; the answer brings the located
// problems (underlined, and listed) and, when the guide built, the new pages. Save sends the text
// with the hash of the file it was loaded from: the server refuses (409) if the file changed meanwhile.
(() => {
  'use strict';
  const PAUSE_MS = 120;   // a pause in typing this long asks for a preview
  const POLL_MS = 1000;   // how often the file on disk is compared with the one loaded
  const parts = location.pathname.split('/');
  const token = parts[1];
  const name = decodeURIComponent(parts[3]);
  const api = (path) => `/${token}/api/${encodeURIComponent(name)}/${path}`;
  const $ = (id) => document.getElementById(id);
  const PAGE = Math.random().toString(36).slice(2);  // this tab: its previews are counted apart from another's

  const state = {
    base: null, saved: '', doc: 'student', rev: 0, timer: null, shown: null, pages: 0,
    offered: null, stats: [], problems: [],
  };
  let ed = null;

  const STOPPED = 'not saved: the editor stopped; run studyguide edit again — your text is still here';

  // A request to the server; status 0 when it did not answer (`studyguide edit` was stopped): said once, in
  // the status line, and the text stays in the page to be copied.
  async function call(path, body) {
    let r;
    try {
      r = await fetch(api(path), body === undefined ? {} : {
        method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify(body)});
    } catch (e) {
      stopped();
      return {status: 0, data: {}};
    }
    if (state.stopped) { state.stopped = false; showDirty(); }  // started again on the same port
    let data = {};
    try { data = await r.json(); } catch (e) { data = {problems: [`${r.status} ${r.statusText}`]}; }
    return {status: r.status, data};
  }

  function status(text, dirty) {
    $('status').textContent = text;
    $('status').className = dirty ? 'dirty' : '';
  }

  function stopped() {
    state.stopped = true;
    status(STOPPED, true);
    $('stale').hidden = !state.shown;  // the pages shown are not live any more
    $('pages').classList.toggle('stale', !!state.shown);
  }

  function dirty() { return ed && ed.getText() !== state.saved; }

  function showDirty() {
    if (state.stopped) status(STOPPED, true);
    else status(dirty() ? 'not saved' : 'saved', dirty());
  }

  // ---------------------------------------------------------------- previews
  function schedule() {
    clearTimeout(state.timer);
    state.timer = setTimeout(preview, PAUSE_MS);
  }

  async function preview() {
    const rev = ++state.rev;
    const asked = performance.now();
    const {status: code, data} = await call('preview', {text: ed.getText(), doc: state.doc, rev, page: PAGE});
    if (code === 0) return;  // the editor stopped: said in the status line
    if (code === 413 && rev === state.rev) {  // larger than any guide: refused unread, said in the list
      showProblems((data.problems || []).map((text) => ({text, severity: 'error'})));
      $('stale').hidden = !state.shown;  // the last good pages stay, marked out of date
      $('pages').classList.toggle('stale', !!state.shown);
      return;
    }
    if (data.superseded || data.rev !== state.rev) return;  // a newer preview is on its way
    showProblems(data.problems || []);
    if (!state.looked) {  // the guide just opened: its first error's line in view, red mark and all
      state.looked = true;
      const first = (data.problems || []).find((p) => p.here && p.severity === 'error');
      if (first) reveal(first.line);
    }
    showPages(data, {asked, answered: performance.now()});
  }

  function reveal(line) {
    // scrolled to, in the middle of the editor; the cursor and the focus stay where they are (Tab order)
    const view = ed.view;
    const at = view.state.doc.line(Math.min(Math.max(line, 1), view.state.doc.lines)).from;
    view.dispatch({effects: view.constructor.scrollIntoView(at, {y: 'center'})});
  }

  function showProblems(problems) {
    state.problems = problems;
    ed.setDiagnostics(problems.filter((p) => p.here).map((p) => ({
      line: p.line, column: p.column, severity: p.severity, message: p.message})));
    const list = $('problems');
    list.replaceChildren();
    const errors = problems.filter((p) => p.severity === 'error').length;
    const warnings = problems.length - errors;
    $('problems-head').textContent = problems.length
      ? `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}` : 'No problems';
    for (const p of problems) {
      const li = document.createElement('li');
      li.className = p.severity;
      li.textContent = p.here ? `line ${p.line}: ${p.message}` : p.text;  // this guide's own lines: no file name, no column
      if (p.here) {
        li.dataset.line = p.line;
        li.title = `Go to line ${p.line}, column ${p.column}`;
        li.addEventListener('click', () => ed.goto(p.line, p.column));
      }
      list.append(li);
    }
  }

  function showPages(data, times) {
    $('stale').hidden = !data.stale;
    $('pages').classList.toggle('stale', !!data.stale);
    if (!data.build) {
      const errors = (data.problems || []).filter((p) => p.severity === 'error').length;
      $('page-count').textContent = data.ok || !errors ? ''
        : `no pages yet: fix the ${errors === 1 ? 'error' : `${errors} errors`} listed under the guide to see them`;
      return;
    }
    state.pages = data.pages;
    $('page-count').textContent = `${data.pages} page${data.pages === 1 ? '' : 's'}`;
    if (data.build === state.shown && data.doc === $('pages').dataset.doc) return;
    state.shown = data.build;
    $('pages').dataset.doc = data.doc;
    const box = $('pages');
    const imgs = Array.from(box.querySelectorAll('img'));
    for (let n = 1; n <= data.pages; n++) {
      const img = imgs[n - 1] || box.appendChild(document.createElement('img'));
      img.alt = `${data.doc === 'key' ? 'Answer key' : 'Handout'} page ${n} of ${data.pages}`;
      img.loading = n === 1 ? 'eager' : 'lazy';  // the first is drawn with the preview; the rest when seen
      img.dataset.build = data.build;
      if (n === 1) {
        img.onload = () => state.stats.push({rev: data.rev, ...times, shown: performance.now()});
      } else img.onload = null;
      img.src = api(`page/${data.doc}/${data.build}/${n}.jpg`);
    }
    imgs.slice(data.pages).forEach((img) => img.remove());
  }

  function showDoc(doc) {
    state.doc = doc;
    $('show-student').setAttribute('aria-selected', String(doc === 'student'));
    $('show-key').setAttribute('aria-selected', String(doc === 'key'));
    preview();
  }

  // ---------------------------------------------------------------- saving, and the file on disk
  async function save() {
    const text = ed.getText();
    status('saving…', true);
    const {status: code, data} = await call('save', {text, base: state.base});
    if (code === 0) return false;  // the editor stopped: said in the status line, the text kept
    if (code === 409) {
      offer(data.hash, 'The guide changed on disk since you opened it; it was not saved.');
      status('not saved', true);
      return false;
    }
    if (code !== 200) {
      results(data, 'Save');
      status('not saved', true);
      return false;
    }
    state.base = data.hash;
    state.saved = text;
    showDirty();
    const errors = state.problems.filter((p) => p.severity === 'error').length;
    if (errors && ed.getText() === text) {  // saved as asked; the pages wait for the errors to be fixed
      status(`saved — ${errors} error${errors === 1 ? '' : 's'}, the pages are not rebuilt until ${errors === 1 ? 'it is' : 'they are'} fixed`, false);
    }
    return true;
  }

  function offer(hash, text) {
    state.offered = hash;
    $('conflict-text').textContent = text;
    $('conflict').hidden = false;
  }

  async function poll() {
    const {status: code, data} = await call('disk');
    if (code === 200 && data.hash && data.hash !== state.base && data.hash !== state.offered) {
      offer(data.hash, 'The guide changed on disk since you opened it (another program saved it).');
    }
  }

  async function loadDisk() {
    const {data} = await call('guide');
    state.base = data.hash;
    state.saved = data.text;
    ed.setText(data.text);
    $('conflict').hidden = true;
    showDirty();
    schedule();
  }

  function keepMine() {
    state.base = state.offered;  // the next save writes over the disk's version, as chosen
    $('conflict').hidden = true;
    status('not saved: Save writes your version over the one on disk', true);
  }

  // ---------------------------------------------------------------- Build and Export
  function results(data, what) {
    const lines = [];
    for (const w of data.written || []) lines.push(`wrote ${w}`);
    for (const w of data.warnings || []) lines.push(w);
    for (const p of data.problems || []) lines.push(p);
    if (!lines.length) lines.push(`${what}: nothing was written`);
    $('results-text').replaceChildren(...lines.map((l) => Object.assign(document.createElement('div'), {textContent: l})));
    $('results').classList.toggle('failed', !!(data.problems && data.problems.length));
    $('results').hidden = false;
  }

  async function run(what, path, body) {
    if (!$('conflict').hidden) {  // the file on disk is not the one shown: which one to build is the teacher's call
      results({problems: [`${what}: the guide changed on disk; choose "Load it" or "Keep mine" (then Save) first`]}, what);
      return;
    }
    if (dirty() && !(await save())) return;
    status(`${what.toLowerCase()}ing…`, false);
    const {status: code, data} = await call(path, body);
    if (code === 0) return;
    results(data, what);
    showDirty();
  }

  // ---------------------------------------------------------------- start
  async function start() {
    $('name').textContent = name;
    document.title = `${name} · studyguide edit`;
    const {status: code, data} = await call('guide');
    if (code !== 200) {
      results(data, 'Open');
      return;
    }
    state.base = data.hash;
    state.saved = data.text;
    for (const e of data.editions) $('edition').append(new Option(e, e));
    // no format chosen for the teacher: the first in the list was 'anki', and Export wrote an Anki deck unasked
    $('export-to').append(Object.assign(new Option('Export to…', '', true, true), {disabled: true}));
    for (const e of data.exports) $('export-to').append(new Option(e, e));
    ed = StudyguideEditor.create($('editor'), {
      doc: data.text, schema: data.schema, snippets: data.snippets,
      onChange: () => { showDirty(); schedule(); }, onSave: () => { save(); },
    });
    window.studyguidePage = {editor: ed, state, preview};  // for the browser tests and the benchmark
    $('save').addEventListener('click', save);
    $('show-student').addEventListener('click', () => showDoc('student'));
    $('show-key').addEventListener('click', () => showDoc('key'));
    $('load-disk').addEventListener('click', loadDisk);
    $('keep-mine').addEventListener('click', keepMine);
    $('close-results').addEventListener('click', () => { $('results').hidden = true; });
    $('build').addEventListener('click', () => run('Build', 'build', {
      versions: parseInt($('versions').value, 10) || null, edition: $('edition').value}));
    $('export').addEventListener('click', () => {
      if (!$('export-to').value) {  // (the button stays in the Tab order: it says what to do)
        status('choose a format in the list beside Export first');
        $('export-to').focus();
        return;
      }
      run('Export', 'export', {to: $('export-to').value});
    });
    document.addEventListener('keydown', (e) => {
      if ((e.ctrlKey || e.metaKey) && e.key === 's') { e.preventDefault(); save(); }
    });
    window.addEventListener('beforeunload', (e) => { if (dirty()) e.preventDefault(); });
    setInterval(poll, POLL_MS);
    showDirty();
    preview();  // the focus stays at the page's start: Tab goes through the toolbar, then into the guide
  }

  start();
})();
