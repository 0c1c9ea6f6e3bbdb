#include "textdiff.h"

#include <stdlib.h>
#include <string.h>

#include "strmap.h"
#include "utf8.h"

static void oom(void) {
  fputs("jxc: out of memory\n", stderr);
  abort();
}

static void *xmalloc(size_t n) {
  void *p = malloc(n ? n : 1);
  if (!p) oom();
  return p;
}

/* ---- the edit script --------------------------------------------------- */

static void emit(jx_edits *e, jx_edit_op op, size_t a, size_t b, size_t len) {
  if (!len) return;
  if (e->len) {
    jx_edit *last = &e->items[e->len - 1];
    bool next_x = last->a + last->len == a, next_y = last->b + last->len == b;
    if (last->op == op && (op == JX_EDIT_EQUAL    ? next_x && next_y
                           : op == JX_EDIT_DELETE ? next_x
                                                  : next_y)) {
      last->len += len;
      return;
    }
  }
  if (e->len == e->cap) {
    e->cap = e->cap ? 2 * e->cap : 16;
    jx_edit *items = realloc(e->items, e->cap * sizeof *items);
    if (!items) oom();
    e->items = items;
  }
  e->items[e->len++] = (jx_edit){op, a, b, len};
}

typedef struct differ {
  const uint32_t *x, *y;
  size_t budget; /* steps left */
  jx_edits *out;
} differ;

/* The largest number of differences Myers' algorithm looks for in one
 * stretch: its memory grows with the square of it. */
enum { MAX_D = 1000 };

/* Myers' greedy algorithm on x[x0..x1) and y[y0..y1), which share neither
 * their first nor their last symbol. Emits the edits and returns true, or
 * returns false (emitting nothing) when more than MAX_D differences or more
 * steps than the budget would be needed. */
static bool myers(differ *d, size_t x0, size_t x1, size_t y0, size_t y1) {
  long n = (long)(x1 - x0), m = (long)(y1 - y0);
  long dmax = n + m < MAX_D ? n + m : MAX_D;
  /* Each round d costs at least 2d+1 steps: stop when the budget cannot
   * pay for the next one. */
  long off = dmax + 1;
  long *v = xmalloc((size_t)(2 * dmax + 3) * sizeof *v);
  long **trace = xmalloc((size_t)(dmax + 1) * sizeof *trace);
  long found = -1, steps = 0, rounds = 0;
  v[off + 1] = 0;
  for (long dd = 0; dd <= dmax && found < 0; dd++) {
    for (long k = -dd; k <= dd; k += 2) {
      long px;
      if (k == -dd || (k != dd && v[off + k - 1] < v[off + k + 1]))
        px = v[off + k + 1];
      else
        px = v[off + k - 1] + 1;
      long py = px - k;
      while (px < n && py < m && d->x[x0 + (size_t)px] == d->y[y0 + (size_t)py]) {
        px++;
        py++;
        steps++;
      }
      v[off + k] = px;
      steps++;
      if (px >= n && py >= m) {
        found = dd;
        break;
      }
    }
    trace[dd] = xmalloc((size_t)(2 * dd + 1) * sizeof **trace);
    for (long k = -dd; k <= dd; k++) trace[dd][k + dd] = v[off + k];
    rounds = dd + 1;
    if ((size_t)steps > d->budget) break; /* out of budget */
  }
  d->budget = (size_t)steps > d->budget ? 0 : d->budget - (size_t)steps;
  bool ok = found >= 0;
  if (ok) {
    /* Walk back from (n, m), collecting the edits in reverse. */
    jx_edits rev = {0};
    long px = n, py = m;
    for (long dd = found; dd > 0; dd--) {
      long k = px - py;
      const long *prev = trace[dd - 1];
      bool down = k == -dd || (k != dd && prev[k - 1 + dd - 1] < prev[k + 1 + dd - 1]);
      long pk = down ? k + 1 : k - 1;
      long sx = prev[pk + dd - 1], sy = sx - pk;
      long mx = down ? sx : sx + 1, my = down ? sy + 1 : sy;
      if (px > mx) emit(&rev, JX_EDIT_EQUAL, x0 + (size_t)mx, y0 + (size_t)my, (size_t)(px - mx));
      if (down)
        emit(&rev, JX_EDIT_INSERT, x0 + (size_t)sx, y0 + (size_t)sy, 1);
      else
        emit(&rev, JX_EDIT_DELETE, x0 + (size_t)sx, y0 + (size_t)sy, 1);
      px = sx;
      py = sy;
    }
    if (px > 0) emit(&rev, JX_EDIT_EQUAL, x0, y0, (size_t)px);
    for (size_t i = rev.len; i-- > 0;)
      emit(d->out, rev.items[i].op, rev.items[i].a, rev.items[i].b, rev.items[i].len);
    free(rev.items);
  }
  for (long dd = 0; dd < rounds; dd++) free(trace[dd]);
  free(trace);
  free(v);
  return ok;
}

/* ---- anchors: symbols that occur once in each sequence ------------------ */

typedef struct count_slot {
  uint32_t sym;
  bool used;
  unsigned cx, cy;
  size_t ix, iy;
} count_slot;

static size_t slot_of(count_slot *t, size_t cap, uint32_t sym) {
  size_t k = (sym * 2654435761u) & (cap - 1);
  while (t[k].used && t[k].sym != sym) k = (k + 1) & (cap - 1);
  return k;
}

static void replace(differ *d, size_t x0, size_t x1, size_t y0, size_t y1) {
  emit(d->out, JX_EDIT_DELETE, x0, y0, x1 - x0);
  emit(d->out, JX_EDIT_INSERT, x1, y0, y1 - y0);
  d->out->shortest = false;
}

static void diff_range(differ *d, size_t x0, size_t x1, size_t y0, size_t y1, bool anchor);

/* Aligns x[x0..x1) and y[y0..y1) on the longest increasing run of symbols
 * unique in both, and diffs the stretches between them without anchoring
 * again; replaces the whole when there is no anchor. */
static void anchored(differ *d, size_t x0, size_t x1, size_t y0, size_t y1) {
  size_t n = (x1 - x0) + (y1 - y0), cap = 16;
  while (cap < 2 * n) cap *= 2;
  count_slot *t = calloc(cap, sizeof *t);
  if (!t) oom();
  for (size_t i = x0; i < x1; i++) {
    count_slot *s = &t[slot_of(t, cap, d->x[i])];
    s->used = true;
    s->sym = d->x[i];
    if (!s->cx++) s->ix = i;
  }
  for (size_t j = y0; j < y1; j++) {
    count_slot *s = &t[slot_of(t, cap, d->y[j])];
    s->used = true;
    s->sym = d->y[j];
    if (!s->cy++) s->iy = j;
  }
  /* Pairs (i, j) in order of i; then the longest run increasing in j
   * (patience sorting, n log n). */
  size_t np = 0;
  size_t *pi = xmalloc((x1 - x0) * sizeof *pi), *pj = xmalloc((x1 - x0) * sizeof *pj);
  for (size_t i = x0; i < x1; i++) {
    count_slot *s = &t[slot_of(t, cap, d->x[i])];
    if (s->cx == 1 && s->cy == 1) {
      pi[np] = i;
      pj[np] = s->iy;
      np++;
    }
  }
  free(t);
  size_t *tails = xmalloc((np + 1) * sizeof *tails), *prev = xmalloc((np + 1) * sizeof *prev);
  size_t len = 0;
  for (size_t p = 0; p < np; p++) {
    size_t lo = 0, hi = len;
    while (lo < hi) {
      size_t mid = (lo + hi) / 2;
      if (pj[tails[mid]] < pj[p]) lo = mid + 1; else hi = mid;
    }
    prev[p] = lo ? tails[lo - 1] : (size_t)-1;
    tails[lo] = p;
    if (lo == len) len++;
  }
  size_t *chain = xmalloc((len + 1) * sizeof *chain);
  for (size_t k = len, p = len ? tails[len - 1] : 0; k-- > 0; p = prev[p]) chain[k] = p;
  if (!len) {
    replace(d, x0, x1, y0, y1);
  } else {
    size_t cx = x0, cy = y0;
    for (size_t k = 0; k < len; k++) {
      size_t ai = pi[chain[k]], aj = pj[chain[k]];
      diff_range(d, cx, ai, cy, aj, false);
      emit(d->out, JX_EDIT_EQUAL, ai, aj, 1);
      cx = ai + 1;
      cy = aj + 1;
    }
    diff_range(d, cx, x1, cy, y1, false);
  }
  free(chain);
  free(tails);
  free(prev);
  free(pi);
  free(pj);
}

static void diff_range(differ *d, size_t x0, size_t x1, size_t y0, size_t y1, bool anchor) {
  size_t pre = 0;
  while (x0 + pre < x1 && y0 + pre < y1 && d->x[x0 + pre] == d->y[y0 + pre]) pre++;
  emit(d->out, JX_EDIT_EQUAL, x0, y0, pre);
  x0 += pre;
  y0 += pre;
  size_t suf = 0;
  while (x1 - suf > x0 && y1 - suf > y0 && d->x[x1 - suf - 1] == d->y[y1 - suf - 1]) suf++;
  x1 -= suf;
  y1 -= suf;
  if (x0 == x1)
    emit(d->out, JX_EDIT_INSERT, x0, y0, y1 - y0);
  else if (y0 == y1)
    emit(d->out, JX_EDIT_DELETE, x0, y0, x1 - x0);
  else if (!myers(d, x0, x1, y0, y1)) {
    d->out->shortest = false;
    if (anchor)
      anchored(d, x0, x1, y0, y1);
    else
      replace(d, x0, x1, y0, y1);
  }
  emit(d->out, JX_EDIT_EQUAL, x1, y1, suf);
}

void jx_seq_diff(const uint32_t *x, size_t nx, const uint32_t *y, size_t ny,
                 size_t work_limit, jx_edits *out) {
  memset(out, 0, sizeof *out);
  out->shortest = true;
  if (!work_limit) {
    work_limit = 64 * (nx + ny);
    if (work_limit < 10000000) work_limit = 10000000;
  }
  differ d = {x, y, work_limit, out};
  diff_range(&d, 0, nx, 0, ny, true);
  /* Each stretch of changes between two kept runs becomes one deletion
   * followed by one insertion. */
  size_t w = 0;
  for (size_t i = 0; i < out->len;) {
    if (out->items[i].op == JX_EDIT_EQUAL) {
      out->items[w++] = out->items[i++];
      continue;
    }
    size_t xa = out->items[i].a, ya = out->items[i].b, xn = 0, yn = 0;
    for (; i < out->len && out->items[i].op != JX_EDIT_EQUAL; i++) {
      if (out->items[i].op == JX_EDIT_DELETE)
        xn += out->items[i].len;
      else
        yn += out->items[i].len;
    }
    if (xn) out->items[w++] = (jx_edit){JX_EDIT_DELETE, xa, ya, xn};
    if (yn) out->items[w++] = (jx_edit){JX_EDIT_INSERT, xa + xn, ya, yn};
  }
  out->len = w;
}

/* ---- the text diff ----------------------------------------------------- */

/* A text cut into units: symbols and the byte offset where each starts. */
typedef struct units {
  uint32_t *sym;
  size_t *at;   /* n + 1 offsets */
  size_t *cps;  /* code points before each unit, n + 1 */
  size_t n;
} units;

static bool ascii_alnum(int32_t c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

/* Runs of ASCII letters and digits (with a point between digits) become one
 * symbol each, numbered above the code points through `runs`. */
static void cut(jx_arena *a, jx_strmap *runs, const char *s, units *u) {
  size_t len = strlen(s);
  u->sym = xmalloc((len + 1) * sizeof *u->sym);
  u->at = xmalloc((len + 2) * sizeof *u->at);
  u->cps = xmalloc((len + 2) * sizeof *u->cps);
  u->n = 0;
  size_t cp = 0;
  for (size_t i = 0; i < len;) {
    int32_t c;
    int k = jx_utf8_decode(s + i, len - i, &c);
    u->at[u->n] = i;
    u->cps[u->n] = cp;
    if (ascii_alnum(c)) {
      size_t j = i;
      while (j < len && (ascii_alnum(s[j]) ||
                         (s[j] == '.' && j > i && s[j - 1] >= '0' && s[j - 1] <= '9' &&
                          j + 1 < len && s[j + 1] >= '0' && s[j + 1] <= '9')))
        j++;
      void **slot = jx_strmap_slot(a, runs, s + i, j - i);
      if (!*slot) *slot = (void *)(uintptr_t)(runs->len);
      u->sym[u->n++] = 0x110000u + (uint32_t)(uintptr_t)*slot;
      cp += j - i;
      i = j;
      continue;
    }
    u->sym[u->n++] = c < 0 ? 0x10FFFFu + 0x1000000u : (uint32_t)c;
    cp++;
    i += (size_t)k;
  }
  u->at[u->n] = len;
  u->cps[u->n] = cp;
}

static void free_units(units *u) {
  free(u->sym);
  free(u->at);
  free(u->cps);
}

/* A region of the diff: kept (x and y stretches equal) or changed. */
typedef struct region {
  bool change;
  size_t xa, xn, ya, yn; /* unit ranges in the old and new text */
} region;

static size_t chars(const units *u, size_t from, size_t n) {
  return u->cps[from + n] - u->cps[from];
}

static void push_piece(jx_arena *a, jx_list *pieces, jx_edit_op op, const char *s,
                       const units *u, size_t from, size_t n) {
  if (!n) return;
  jx_text_piece *p = jx_arena_alloc(a, sizeof *p);
  p->op = op;
  p->text = jx_arena_strndup(a, s + u->at[from], u->at[from + n] - u->at[from]);
  jx_list_push(a, pieces, p);
}

bool jx_text_diff(jx_arena *a, const char *old_text, const char *new_text,
                  jx_list *pieces) {
  jx_strmap runs = {0};
  units ux, uy;
  cut(a, &runs, old_text, &ux);
  cut(a, &runs, new_text, &uy);
  jx_edits e;
  jx_seq_diff(ux.sym, ux.n, uy.sym, uy.n, 0, &e);
  /* Regions: equal runs, and changes made of the edits between them. */
  region *r = xmalloc((e.len + 1) * sizeof *r);
  size_t nr = 0;
  for (size_t i = 0; i < e.len; i++) {
    const jx_edit *ed = &e.items[i];
    if (ed->op == JX_EDIT_EQUAL) {
      r[nr++] = (region){false, ed->a, ed->len, ed->b, ed->len};
      continue;
    }
    if (!nr || !r[nr - 1].change) {
      r[nr++] = (region){true, ed->a, 0, ed->b, 0};
    }
    if (ed->op == JX_EDIT_DELETE) {
      if (!r[nr - 1].xn) r[nr - 1].xa = ed->a;
      r[nr - 1].xn += ed->len;
    } else {
      if (!r[nr - 1].yn) r[nr - 1].ya = ed->b;
      r[nr - 1].yn += ed->len;
    }
  }
  free(e.items);
  /* Fold a kept stretch between two changes into them when it is no longer
   * than the larger side of the change on either side of it: 2024 年 → 2025
   * 年 stays a replacement of the number, but 甲乙丙 → 丁乙戊 becomes one
   * replacement rather than two around a lone 乙. With a stack, one pass;
   * a merged change may swallow the stretch before it in turn. */
  region *s = xmalloc((nr + 1) * sizeof *s);
  size_t ns = 0;
  for (size_t i = 0; i < nr; i++) {
    region cur = r[i];
    while (cur.change && ns >= 2 && !s[ns - 1].change && s[ns - 2].change) {
      region eq = s[ns - 1], left = s[ns - 2];
      size_t kept = chars(&ux, eq.xa, eq.xn);
      size_t l1 = chars(&ux, left.xa, left.xn), l2 = chars(&uy, left.ya, left.yn);
      size_t r1 = chars(&ux, cur.xa, cur.xn), r2 = chars(&uy, cur.ya, cur.yn);
      if (kept > (l1 > l2 ? l1 : l2) || kept > (r1 > r2 ? r1 : r2)) break;
      region m = {true, left.xa, cur.xa + cur.xn - left.xa, left.ya, cur.ya + cur.yn - left.ya};
      cur = m;
      ns -= 2;
    }
    s[ns++] = cur;
  }
  free(r);
  for (size_t i = 0; i < ns; i++) {
    if (!s[i].change) {
      push_piece(a, pieces, JX_EDIT_EQUAL, new_text, &uy, s[i].ya, s[i].yn);
    } else {
      push_piece(a, pieces, JX_EDIT_DELETE, old_text, &ux, s[i].xa, s[i].xn);
      push_piece(a, pieces, JX_EDIT_INSERT, new_text, &uy, s[i].ya, s[i].yn);
    }
  }
  free(s);
  free_units(&ux);
  free_units(&uy);
  return e.shortest;
}

/* ---- the unified diff -------------------------------------------------- */

typedef struct lines {
  const char **start;
  size_t *len; /* without the line end */
  uint32_t *sym;
  size_t n;
  bool last_unterminated;
} lines;

static void split_lines(jx_arena *a, jx_strmap *ids, const char *s, size_t n, lines *l) {
  size_t count = 0;
  for (size_t i = 0; i < n; i++) count += s[i] == '\n';
  count += 1;
  l->start = xmalloc(count * sizeof *l->start);
  l->len = xmalloc(count * sizeof *l->len);
  l->sym = xmalloc(count * sizeof *l->sym);
  l->n = 0;
  l->last_unterminated = false;
  size_t i = 0;
  while (i < n) {
    const char *nl = memchr(s + i, '\n', n - i);
    size_t end = nl ? (size_t)(nl - s) : n;
    l->start[l->n] = s + i;
    l->len[l->n] = end - i;
    /* A line without its end differs from the same text with one. */
    size_t keylen = nl ? end - i + 1 : end - i;
    void **slot = jx_strmap_slot(a, ids, s + i, keylen);
    if (!*slot) *slot = (void *)(uintptr_t)ids->len;
    l->sym[l->n++] = (uint32_t)(uintptr_t)*slot;
    if (!nl) l->last_unterminated = true;
    i = nl ? end + 1 : n;
  }
}

static void free_lines(lines *l) {
  free(l->start);
  free(l->len);
  free(l->sym);
}

static void put_line(FILE *out, char mark, const lines *l, size_t i) {
  fputc(mark, out);
  fwrite(l->start[i], 1, l->len[i], out);
  fputc('\n', out);
  if (i + 1 == l->n && l->last_unterminated) fputs("\\ No newline at end of file\n", out);
}

static void range(FILE *out, char mark, size_t start, size_t count) {
  /* diff -u: an empty range names the line before it. */
  fprintf(out, "%c%zu", mark, count ? start + 1 : start);
  if (count != 1) fprintf(out, ",%zu", count);
}

bool jx_unified_diff(const char *old_name, const char *old_text, size_t old_len,
                     const char *new_name, const char *new_text, size_t new_len,
                     int context, FILE *out) {
  if (old_len == new_len && !memcmp(old_text, new_text, old_len)) return false;
  jx_arena *a = jx_arena_new();
  if (!a) oom();
  jx_strmap ids = {0};
  lines lx, ly;
  split_lines(a, &ids, old_text, old_len, &lx);
  split_lines(a, &ids, new_text, new_len, &ly);
  jx_edits e;
  jx_seq_diff(lx.sym, lx.n, ly.sym, ly.n, 0, &e);
  fprintf(out, "--- %s\n+++ %s\n", old_name, new_name);
  size_t c = context < 0 ? 0 : (size_t)context;
  const jx_edit *it = e.items;
  size_t i = 0;
  while (i < e.len && it[i].op == JX_EDIT_EQUAL) i++;
  while (i < e.len) {
    /* One hunk: this change and the next ones closer than 2 × context. */
    size_t first = i, last = i;
    for (size_t k = i + 1; k < e.len; k++) {
      if (it[k].op != JX_EDIT_EQUAL)
        last = k;
      else if (k + 1 == e.len || it[k].len > 2 * c)
        break;
    }
    size_t lead = first > 0 ? it[first - 1].len : 0;
    size_t trail = last + 1 < e.len ? it[last + 1].len : 0;
    if (lead > c) lead = c;
    if (trail > c) trail = c;
    size_t xs = it[first].a - lead, ys = it[first].b - lead, xn = lead, yn = lead;
    for (size_t k = first; k <= last; k++) {
      if (it[k].op != JX_EDIT_INSERT) xn += it[k].len;
      if (it[k].op != JX_EDIT_DELETE) yn += it[k].len;
    }
    xn += trail;
    yn += trail;
    fputs("@@ ", out);
    range(out, '-', xs, xn);
    fputc(' ', out);
    range(out, '+', ys, yn);
    fputs(" @@\n", out);
    for (size_t t = 0; t < lead; t++) put_line(out, ' ', &lx, xs + t);
    for (size_t k = first; k <= last; k++)
      for (size_t t = 0; t < it[k].len; t++) {
        if (it[k].op == JX_EDIT_EQUAL)
          put_line(out, ' ', &lx, it[k].a + t);
        else if (it[k].op == JX_EDIT_DELETE)
          put_line(out, '-', &lx, it[k].a + t);
        else
          put_line(out, '+', &ly, it[k].b + t);
      }
    if (trail) {
      /* The kept lines after the last change: the text is the same in
       * both, but an unterminated last line is marked by its own file. */
      const jx_edit *after = &it[last + 1];
      for (size_t t = 0; t < trail; t++) put_line(out, ' ', &lx, after->a + t);
    }
    i = last + 1;
    while (i < e.len && it[i].op == JX_EDIT_EQUAL) i++;
  }
  free(e.items);
  free_lines(&lx);
  free_lines(&ly);
  jx_arena_free(a);
  return true;
}
