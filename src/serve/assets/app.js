// gazette — the browser search page. Plain ES2020, no dependencies.
//
// One state object ({q, tab, filters, since, until, sort, offset, article}) lives in the URL's
// query string. Every user action builds a new state, pushes its URL and calls route(), which
// fetches the JSON API and renders. popstate restores a state from the URL without pushing.
// All server text goes into the DOM as text nodes (never innerHTML).
'use strict';

(() => {
  const KINDS = ['speaker', 'person', 'org', 'place', 'source'];
  const FACETS = 'speaker,person,org,place,source,date';
  const LIMIT = { articles: 10, quotes: 20 };
  const SORTS = ['date', '-date'];
  // An entity's type in /api/articles -> the facet/filter kind and a heading.
  const ENTITY_KINDS = {
    person: { filter: 'person', label: 'People' },
    organization: { filter: 'org', label: 'Organizations' },
    location: { filter: 'place', label: 'Places' },
  };

  const $ = (id) => document.getElementById(id);
  const main = $('main');

  // ---------------------------------------------------------------- small helpers

  /** A DOM element: attributes (null/false skipped) and children (strings become text). */
  function el(tag, attrs = {}, ...kids) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) {
      if (v == null || v === false) continue;
      if (k === 'class') node.className = v;
      else node.setAttribute(k, v === true ? '' : String(v));
    }
    node.append(...kids.flat().filter((k) => k != null && k !== false && k !== ''));
    return node;
  }

  const plural = (n, one, many = one + 's') => `${n} ${n === 1 ? one : many}`;

  /**
   * Maps UTF-8 byte offsets (what the API gives) to UTF-16 indices of a JS string.
   * An offset inside a multi-byte character maps to that character's start.
   */
  function utf8Index(s) {
    const at = [];
    let b = 0;
    for (let i = 0; i < s.length;) {
      const cp = s.codePointAt(i);
      const n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      for (let k = 0; k < n; k++) at[b + k] = i;
      b += n;
      i += cp > 0xffff ? 2 : 1;
    }
    at[b] = s.length;
    return { bytes: b, toIndex: (off) => (off <= 0 ? 0 : off >= b ? s.length : at[off]) };
  }

  /** Appends text with the byte ranges [[start, end], ...] wrapped in <mark>. */
  function appendMarked(parent, text, ranges) {
    const { toIndex } = utf8Index(text);
    const spans = (ranges || [])
      .map(([s, e]) => [toIndex(s), toIndex(e)])
      .filter(([s, e]) => e > s)
      .sort((a, b) => a[0] - b[0]);
    let pos = 0;
    for (const [s, e] of spans) {
      if (e <= pos) continue; // overlaps the previous mark
      const from = Math.max(s, pos);
      if (from > pos) parent.append(text.slice(pos, from));
      parent.append(el('mark', {}, text.slice(from, e)));
      pos = e;
    }
    if (pos < text.length) parent.append(text.slice(pos));
    return parent;
  }

  /** The bucket's label as the API gives it: "2024", "2024-03" or "2024-03-25". */
  const periodOf = (bucket) => bucket.period;

  const articleHref = (id) => '?' + new URLSearchParams({ article: id });
  const safeUrl = (u) => (/^https?:\/\//i.test(u || '') ? u : null);

  // ---------------------------------------------------------------- state <-> URL

  function blankState() {
    const filters = {};
    for (const k of KINDS) filters[k] = [];
    return { q: '', tab: 'articles', filters, since: '', until: '', sort: '', offset: 0, article: null };
  }

  let state = blankState();

  /** The state a query string describes. `?article=ID` alone keeps the current search. */
  function readUrl(search) {
    const p = new URLSearchParams(search);
    const article = p.get('article') || null;
    if (article && [...p.keys()].every((k) => k === 'article')) return { ...state, article };
    const s = blankState();
    s.q = p.get('q') || '';
    s.tab = p.get('tab') === 'quotes' ? 'quotes' : 'articles';
    for (const k of KINDS) s.filters[k] = p.getAll(k).filter((v) => v.trim() !== '');
    s.since = p.get('since') || '';
    s.until = p.get('until') || '';
    s.sort = SORTS.includes(p.get('sort')) ? p.get('sort') : '';
    s.offset = Math.max(0, parseInt(p.get('offset'), 10) || 0);
    s.article = article;
    return s;
  }

  function toUrl(s) {
    if (s.article) return articleHref(s.article);
    const p = new URLSearchParams();
    if (s.q) p.set('q', s.q);
    p.set('tab', s.tab);
    for (const k of KINDS) for (const v of s.filters[k]) p.append(k, v);
    if (s.since) p.set('since', s.since);
    if (s.until) p.set('until', s.until);
    if (s.sort) p.set('sort', s.sort);
    if (s.offset) p.set('offset', String(s.offset));
    return '?' + p;
  }

  /** The API request for a search state (also the key of what is on screen). */
  function apiUrl(s) {
    const p = new URLSearchParams();
    if (s.q.trim()) p.set('q', s.q);
    for (const k of KINDS) for (const v of s.filters[k]) p.append(k, v);
    if (s.since) p.set('since', s.since);
    if (s.until) p.set('until', s.until);
    if (s.sort) p.set('sort', s.sort);
    p.set('limit', String(LIMIT[s.tab]));
    if (s.offset) p.set('offset', String(s.offset));
    p.set('facets', FACETS);
    p.set('by_date', 'month');
    if (s.tab === 'articles') p.set('snippets', '3');
    return `/api/${s.tab === 'quotes' ? 'quotes' : 'search'}?${p}`;
  }

  /**
   * Moves to a new state: pushes its URL (history.state carries {idx, from}: this entry's
   * position, and for an article the position of the search it was opened from) and renders.
   */
  function navigate(next, url = toUrl(next)) {
    const here = history.state || { idx: 0, from: null };
    const from = next.article ? (state.article ? here.from : here.idx) : null;
    state = next;
    if (url === location.search || (url === '/' && location.search === '')) {
      history.replaceState({ ...here, from }, '', url);
    } else {
      history.pushState({ idx: (here.idx || 0) + 1, from }, '', url);
    }
    return route({ pushed: true });
  }

  /** A change to the search (filters, query, tab): back to the first page, out of an article. */
  const update = (changes) => navigate({ ...state, offset: 0, article: null, ...changes });

  function setFilter(kind, value, on) {
    const list = state.filters[kind].filter((v) => v !== value);
    if (on) list.push(value);
    update({ filters: { ...state.filters, [kind]: list } });
  }

  /** "← Back to results": the search this article was opened from, else the front page. */
  function goBack() {
    const h = history.state;
    if (h && h.from != null && h.idx > h.from) history.go(h.from - h.idx);
    else navigate(blankState(), '/');
  }

  // ---------------------------------------------------------------- fetching

  let inflight = null; // AbortController of the pending main request
  let rendered = null; // apiUrl of the search on screen
  let statsReady = Promise.resolve();

  class ApiError extends Error {
    constructor(status, message, position) {
      super(message);
      this.status = status;
      this.position = position;
    }
  }

  async function getJson(url, signal) {
    const res = await fetch(url, { signal, headers: { Accept: 'application/json' } });
    let body = null;
    try {
      body = await res.json();
    } catch (_) {
      body = null;
    }
    if (!res.ok) {
      const msg = (body && body.error) || res.statusText || 'request failed';
      throw new ApiError(res.status, msg, body && Number.isInteger(body.position) ? body.position : null);
    }
    return body;
  }

  /**
   * Fetches the main request, cancelling the previous one. Resolves to {data} or {error},
   * or to null when a newer request took over (the caller then renders nothing).
   */
  async function load(url) {
    if (inflight) inflight.abort();
    const ctrl = new AbortController();
    inflight = ctrl;
    main.classList.add('loading');
    main.setAttribute('aria-busy', 'true');
    document.body.dataset.state = 'loading';
    let out;
    try {
      out = { data: await getJson(url, ctrl.signal) };
    } catch (error) {
      out = { error };
    }
    // The first render also waits (briefly) for the header's counts.
    await Promise.race([statsReady, new Promise((r) => setTimeout(r, 3000))]);
    if (ctrl !== inflight || ctrl.signal.aborted) return null;
    inflight = null;
    return out;
  }

  function setReady() {
    main.classList.remove('loading');
    main.removeAttribute('aria-busy');
    document.body.dataset.state = 'ready';
  }

  function describe(error) {
    if (error instanceof ApiError) {
      if (error.status === 503) return `The archive is not available: ${error.message}`;
      return error.message;
    }
    return `Could not reach the server (${error.message || error}).`;
  }

  // ---------------------------------------------------------------- routing

  async function route({ pushed = false } = {}) {
    syncControls();
    $('error').hidden = true;
    if (state.article) return showArticle(state.article, pushed);
    return showSearch(pushed);
  }

  function showView(view) {
    $('layout').dataset.view = view;
    $('results-pane').hidden = view !== 'search';
    $('facets').hidden = view !== 'search';
    $('article').hidden = view !== 'article';
  }

  /** The search box, tabs and sort menu show the state. */
  function syncControls() {
    const q = $('q');
    if (document.activeElement !== q || q.value.trim() !== state.q) q.value = state.q;
    for (const tab of ['articles', 'quotes']) {
      $('tab-' + tab).setAttribute('aria-selected', String(state.tab === tab));
    }
    $('sort').value = state.sort;
  }

  async function showSearch(pushed) {
    const url = apiUrl(state);
    if (url === rendered) {
      // Coming back from an article to the search still on screen: no request.
      if (inflight) inflight.abort();
      inflight = null;
      showView('search');
      showQueryError(null);
      document.title = titleFor();
      setReady();
      return;
    }
    const tab = state.tab;
    const q = state.q;
    const out = await load(url);
    if (!out) return;
    showView('search');
    if (out.error) {
      rendered = null;
      const e = out.error;
      if (e instanceof ApiError && e.position != null && q.trim()) showQueryError(q, e.message, e.position);
      else {
        showQueryError(null);
        $('error').textContent = describe(e);
        $('error').hidden = false;
      }
      $('total').textContent = '';
      $('results').replaceChildren();
      $('quotes').replaceChildren();
      $('pager').hidden = true;
    } else {
      showQueryError(null);
      renderSearch(out.data, tab);
      rendered = url;
      if (pushed && scrollToResults) {
        const top = $('results-pane').getBoundingClientRect().top;
        if (top < 0) $('results-pane').scrollIntoView({ block: 'start' });
      }
    }
    scrollToResults = false;
    document.title = titleFor();
    setReady();
  }

  let scrollToResults = false;

  const titleFor = () => (state.q ? `${state.q} — gazette` : 'gazette — news archive search');

  // ---------------------------------------------------------------- search results

  function renderSearch(data, tab) {
    const total = data.total || 0;
    const isQuotes = tab === 'quotes';
    $('total').textContent = isQuotes ? plural(total, 'quote') : plural(total, 'article');

    const results = $('results');
    const quotes = $('quotes');
    results.hidden = isQuotes;
    quotes.hidden = !isQuotes;
    if (isQuotes) {
      results.replaceChildren();
      quotes.replaceChildren(...(data.quotes || []).map(quoteItem));
    } else {
      quotes.replaceChildren();
      results.replaceChildren(...(data.hits || []).map(hitItem));
    }
    const shown = ((isQuotes ? data.quotes : data.hits) || []).length;
    const facets = data.facets || {};
    renderFacets(facets);
    renderHistogram(facets.date || []);
    renderDateFilter();
    renderPager(total, shown, LIMIT[tab]);
  }

  // A text cut at the end does not end a sentence (a snippet starting mid-paragraph may still
  // run to the paragraph's end; the API says only that it is not the whole paragraph).
  const ENDS_SENTENCE = /[.!?…]["'”’»)\]]*\s*$/;

  function hitItem(hit) {
    const copies = hit.copies || [];
    const meta = [hit.date, hit.source].filter(Boolean);
    const metaDiv = el('div', { class: 'hit-meta' }, meta.join(' · '));
    if (copies.length) {
      if (meta.length) metaDiv.append(' · ');
      metaDiv.append(el('span', { class: 'dupes', title: copies.join('\n') },
        `+${plural(copies.length, 'near-duplicate')}`));
    }
    const snippets = (hit.snippets || []).map((s) => {
      const p = el('p', { class: 'snippet' });
      if (s.offset > 0) p.append('…');
      appendMarked(p, s.text, s.highlights);
      if (!s.whole && (!(s.offset > 0) || !ENDS_SENTENCE.test(s.text))) p.append('…');
      return p;
    });
    return el('li', { class: 'hit' },
      el('h3', { class: 'hit-heading' },
        el('a', { class: 'hit-title', href: articleHref(hit.id) }, hit.title || hit.id)),
      metaDiv, snippets);
  }

  function quoteItem(q) {
    const speaker = q.speaker
      ? el('span', { class: 'quote-speaker' },
        el('button', { type: 'button', class: 'speaker-link', 'data-speaker': q.speaker,
          title: `Only quotes by ${q.speaker}` }, q.speaker))
      : el('span', { class: 'quote-speaker unattributed' }, '(unattributed)');
    const attrib = el('div', { class: 'quote-attrib' }, '— ', speaker);
    if (q.description) attrib.append(', ', el('span', { class: 'quote-description' }, q.description));
    const where = el('div', { class: 'quote-where' },
      el('a', { class: 'quote-article', href: articleHref(q.article) }, q.title || q.article));
    for (const part of [q.date, q.source]) if (part) where.append(' · ', el('span', {}, part));
    return el('li', { class: 'quote' },
      appendMarked(el('blockquote', { class: 'quote-text' }), q.text, q.highlights),
      attrib, where);
  }

  function renderFacets(facets) {
    for (const section of document.querySelectorAll('#facets section.facet')) {
      const kind = section.dataset.facet;
      const selected = state.filters[kind] || [];
      const values = facets[kind] || [];
      const listed = new Set(values.map((v) => v.value));
      // Selected values stay on top, checked, even when not in the returned top list.
      const items = [
        ...selected.filter((v) => !listed.has(v)).map((value) => ({ value, count: null })),
        ...values,
      ];
      section.querySelector('.facet-values').replaceChildren(...items.map((item) => {
        const input = el('input', { type: 'checkbox', 'data-facet': kind, value: item.value });
        input.checked = selected.includes(item.value);
        return el('label', { class: 'facet-value' }, input, ' ',
          el('span', { class: 'facet-name' }, item.value), ' ',
          el('span', { class: 'count' }, item.count == null ? '' : String(item.count)));
      }));
      section.hidden = items.length === 0;
    }
  }

  function renderHistogram(buckets) {
    const max = buckets.reduce((m, b) => Math.max(m, b.count), 1);
    const active = state.since && state.since === state.until ? state.since : null;
    $('histogram').replaceChildren(...buckets.map((b) => {
      const period = periodOf(b);
      const bar = el('button', {
        type: 'button', class: 'bar', 'data-from': b.from, 'data-to': b.to,
        'data-period': period, title: `${period}: ${b.count}`,
        'aria-label': `${period}: ${b.count}`, 'aria-pressed': String(period === active),
      });
      bar.style.height = `${Math.max(3, (b.count / max) * 100)}%`;
      return bar;
    }));
    const [first, last] = $('hist-axis').children;
    first.textContent = buckets.length ? periodOf(buckets[0]) : '';
    last.textContent = buckets.length > 1 ? periodOf(buckets[buckets.length - 1]) : '';
  }

  function renderDateFilter() {
    const { since, until } = state;
    $('date-filter').hidden = !since && !until;
    $('date-range').textContent = since && until
      ? (since === until ? `Dates: ${since}` : `Dates: ${since} – ${until}`)
      : since ? `Since ${since}` : until ? `Until ${until}` : '';
  }

  function renderPager(total, shown, limit) {
    const { offset } = state;
    $('pager').hidden = total === 0 && offset === 0;
    $('page-info').textContent = shown
      ? `${offset + 1}–${offset + shown} of ${total}`
      : `0 of ${total}`;
    $('prev').disabled = offset === 0;
    $('next').disabled = offset + limit >= total;
  }

  // ---------------------------------------------------------------- query errors

  /** Shows the query with a caret under `position` (a UTF-8 byte offset into q), or hides. */
  function showQueryError(q, message, position) {
    const box = $('query-error');
    if (q == null) {
      box.hidden = true;
      box.replaceChildren();
      return;
    }
    const index = utf8Index(q).toIndex(position);
    const column = Array.from(q.slice(0, index)).length;
    const line = q.replace(/[\u0000-\u001f\u007f]/g, ' ');
    box.replaceChildren(
      el('p', { class: 'query-error-message' }, `Query error: ${message}`),
      el('pre', { class: 'query-error-marker', 'aria-hidden': 'true' },
        line, '\n', el('span', { class: 'caret' }, ' '.repeat(column) + '^')),
    );
    box.hidden = false;
  }

  // ---------------------------------------------------------------- article view

  async function showArticle(id, pushed) {
    const out = await load(`/api/articles/${encodeURIComponent(id)}`);
    if (!out) return;
    showQueryError(null);
    const article = $('article');
    if (out.error) {
      const e = out.error;
      const msg = e instanceof ApiError && e.status === 404 ? `No article with id “${id}”.` : describe(e);
      article.replaceChildren(backLink(), el('h1', {}, 'Article not found'), el('p', { class: 'error' }, msg));
      document.title = 'Not found — gazette';
    } else {
      renderArticle(out.data);
      document.title = `${out.data.title || id} — gazette`;
    }
    showView('article');
    if (pushed) window.scrollTo(0, 0);
    setReady();
  }

  const backLink = () => el('a', { id: 'back', class: 'back', href: '/' }, '← Back to results');

  /** A search link with one filter (from an entity or a speaker). */
  function filterHref(kind, value, tab = 'articles') {
    const s = blankState();
    s.tab = tab;
    s.filters[kind] = [value];
    return toUrl(s);
  }

  function renderArticle(a) {
    const paragraphs = a.paragraphs || [];
    const quotes = a.quotes || [];
    const meta = el('p', { class: 'article-meta' });
    const parts = [a.date, a.source, a.author && `by ${a.author}`].filter(Boolean);
    meta.append(parts.join(' · '));
    const url = safeUrl(a.url);
    if (url) meta.append(parts.length ? ' · ' : '', el('a', { href: url, rel: 'noopener noreferrer', target: '_blank' }, url));
    else if (a.url) meta.append(parts.length ? ' · ' : '', a.url);
    const idLine = el('p', { class: 'article-id' }, 'id ', el('code', {}, a.id));

    const marks = paragraphMarks(paragraphs, quotes, a.entities || []);
    const body = el('div', { class: 'article-text' },
      paragraphs.map((text, i) => renderParagraph(text, marks[i], i)));

    const side = el('div', { class: 'article-side' });
    if (quotes.length) {
      side.append(el('section', {},
        el('h2', {}, `Quotes (${quotes.length})`),
        el('ul', { id: 'article-quotes', class: 'article-quotes' }, quotes.map((q) => el('li', {},
          q.speaker
            ? el('a', { class: 'q-speaker', href: filterHref('speaker', q.speaker, 'quotes') }, q.speaker)
            : el('span', { class: 'q-speaker unattributed' }, q.description || '(unattributed)'),
          ' — ', el('q', {}, q.text))))));
    }
    const groups = new Map();
    for (const e of a.entities || []) {
      if (!groups.has(e.type)) groups.set(e.type, []);
      groups.get(e.type).push(e);
    }
    if (groups.size) {
      const sec = el('section', { class: 'article-entities' }, el('h2', {}, 'Named in this article'));
      const order = [...Object.keys(ENTITY_KINDS), ...[...groups.keys()].filter((t) => !ENTITY_KINDS[t])];
      for (const type of order) {
        const list = groups.get(type);
        if (!list) continue;
        const kind = ENTITY_KINDS[type];
        const label = kind ? kind.label : type.charAt(0).toUpperCase() + type.slice(1);
        sec.append(el('h3', {}, label), el('ul', { class: 'entity-list', 'data-kind': type },
          list.map((e) => el('li', {},
            kind ? el('a', { href: filterHref(kind.filter, e.name), class: 'entity-link', 'data-kind': type,
              title: `Articles naming ${e.name}` }, e.name)
              : el('span', { class: 'entity-link', 'data-kind': type }, e.name),
            ' ', el('span', { class: 'count' }, String((e.mentions || []).length))))));
      }
      side.append(sec);
    }
    if ((a.duplicates || []).length) {
      side.append(el('section', {}, el('h2', {}, 'Also seen as'),
        el('ul', { id: 'also-seen' }, a.duplicates.map((d) => el('li', {}, el('a', { href: articleHref(d) }, d))))));
    }

    $('article').replaceChildren(
      backLink(),
      el('header', { class: 'article-head' }, el('h1', {}, a.title || a.id), meta, idLine),
      el('div', { class: 'article-body' }, body, side),
    );
  }

  /**
   * Per paragraph: the quotes (found by string search in their paragraph) and the entity
   * mentions (byte offsets into paragraphs.join("\n\n")), as UTF-16 ranges. Entities that
   * overlap another entity, or cross a quote's edge, are left out; the rest nest in quotes.
   */
  function paragraphMarks(paragraphs, quotes, entities) {
    const out = paragraphs.map(() => ({ quotes: [], entities: [] }));
    const cursor = paragraphs.map(() => 0);
    for (const q of quotes) {
      const text = paragraphs[q.paragraph];
      const needle = (q.text || '').trim();
      if (text == null || !needle) continue;
      let at = text.indexOf(needle, cursor[q.paragraph]);
      if (at < 0) at = text.indexOf(needle);
      if (at < 0) continue;
      const range = { start: at, end: at + needle.length, speaker: q.speaker };
      if (out[q.paragraph].quotes.some((r) => r.start < range.end && range.start < r.end)) continue;
      out[q.paragraph].quotes.push(range);
      cursor[q.paragraph] = range.end;
    }
    for (const m of out) m.quotes.sort((x, y) => x.start - y.start);

    // Byte start of each paragraph in the joined text ("\n\n" is two bytes).
    const idx = paragraphs.map(utf8Index);
    const starts = [];
    let b = 0;
    for (const ix of idx) {
      starts.push(b);
      b += ix.bytes + 2;
    }
    const found = paragraphs.map(() => []);
    for (const e of entities) {
      for (const [s, t] of e.mentions || []) {
        let i = starts.length - 1;
        while (i > 0 && starts[i] > s) i--;
        if (i < 0 || s - starts[i] >= idx[i].bytes) continue; // in a separator
        const start = idx[i].toIndex(s - starts[i]);
        const end = idx[i].toIndex(Math.min(t - starts[i], idx[i].bytes));
        if (end > start) found[i].push({ start, end, name: e.name, kind: e.type });
      }
    }
    found.forEach((list, i) => {
      list.sort((x, y) => x.start - y.start || y.end - x.end);
      let last = 0;
      for (const e of list) {
        if (e.start < last) continue;
        const crosses = out[i].quotes.some((q) => e.start < q.end && q.start < e.end && (e.start < q.start || e.end > q.end));
        if (crosses) continue;
        out[i].entities.push(e);
        last = e.end;
      }
    });
    return out;
  }

  function renderParagraph(text, marks, i) {
    const p = el('p', { class: 'paragraph', id: `p${i}` });
    let pos = 0;
    for (const q of marks.quotes) {
      appendEntities(p, text, pos, q.start, marks.entities);
      const mark = el('mark', { class: 'quote', title: q.speaker || '(unattributed)' });
      appendEntities(mark, text, q.start, q.end, marks.entities);
      p.append(mark);
      pos = q.end;
    }
    appendEntities(p, text, pos, text.length, marks.entities);
    return p;
  }

  /** Appends text[from, to) with the entity mentions inside it as <span class="entity">. */
  function appendEntities(parent, text, from, to, entities) {
    let pos = from;
    for (const e of entities) {
      if (e.start < from || e.end > to) continue;
      if (e.start > pos) parent.append(text.slice(pos, e.start));
      parent.append(el('span', { class: 'entity', 'data-kind': e.kind, title: `${e.name} (${e.kind || 'entity'})` },
        text.slice(e.start, e.end)));
      pos = e.end;
    }
    if (pos < to) parent.append(text.slice(pos, to));
  }

  // ---------------------------------------------------------------- stats

  function loadStats() {
    statsReady = getJson('/api/stats')
      .then((s) => {
        $('stats').textContent = `${plural(s.articles || 0, 'article')} · ${plural(s.quotes || 0, 'quote')}`;
      })
      .catch((e) => {
        $('stats').textContent = e instanceof ApiError && e.status === 503 ? 'archive not available' : '';
      });
  }

  // ---------------------------------------------------------------- events

  $('search-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    update({ q: $('q').value.trim() });
  });

  for (const tab of ['articles', 'quotes']) {
    $('tab-' + tab).addEventListener('click', () => update({ tab }));
  }

  $('sort').addEventListener('change', (ev) => update({ sort: ev.target.value }));

  $('facets').addEventListener('change', (ev) => {
    const box = ev.target;
    if (box.matches('input[type=checkbox][data-facet]')) setFilter(box.dataset.facet, box.value, box.checked);
  });

  $('quotes').addEventListener('click', (ev) => {
    const btn = ev.target.closest('.speaker-link');
    if (!btn) return;
    const name = btn.dataset.speaker;
    if (!state.filters.speaker.includes(name)) setFilter('speaker', name, true);
  });

  $('histogram').addEventListener('click', (ev) => {
    const bar = ev.target.closest('button.bar');
    if (!bar) return;
    const period = bar.dataset.period;
    update({ since: period, until: period });
  });

  $('clear-dates').addEventListener('click', () => update({ since: '', until: '' }));

  $('prev').addEventListener('click', () => {
    scrollToResults = true;
    navigate({ ...state, offset: Math.max(0, state.offset - LIMIT[state.tab]) });
  });
  $('next').addEventListener('click', () => {
    scrollToResults = true;
    navigate({ ...state, offset: state.offset + LIMIT[state.tab] });
  });

  // In-page links (?article=..., ?person=..., the back link, the brand): no reload.
  document.addEventListener('click', (ev) => {
    const a = ev.target.closest('a[href]');
    if (!a || ev.defaultPrevented || ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
    const href = a.getAttribute('href');
    if (a.id === 'back') {
      ev.preventDefault();
      goBack();
    } else if (href === '/') {
      ev.preventDefault();
      navigate(blankState(), '/');
    } else if (href.startsWith('?')) {
      ev.preventDefault();
      navigate(readUrl(href));
    }
  });

  // "/" focuses the search box, unless typing somewhere.
  document.addEventListener('keydown', (ev) => {
    if (ev.key !== '/' || ev.ctrlKey || ev.metaKey || ev.altKey) return;
    const t = ev.target;
    if (t.closest && t.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]')) return;
    ev.preventDefault();
    $('q').focus();
    $('q').select();
  });

  window.addEventListener('popstate', () => {
    state = readUrl(location.search);
    route();
  });

  // On narrow screens the filters sit below the results in a <details> the reader may fold;
  // on wide ones its summary is hidden, so it is reopened when the window widens.
  const wide = window.matchMedia('(min-width: 760px)');
  wide.addEventListener('change', () => {
    if (wide.matches) $('facets-details').open = true;
  });

  // ---------------------------------------------------------------- start

  if (!history.state || history.state.idx == null) history.replaceState({ idx: 0, from: null }, '', location.href);
  loadStats();
  state = readUrl(location.search);
  route();
})();
