#include "breaks.h"

#include <stdint.h>
#include <string.h>

#include "utf8.h"

/* A set of strings (open addressing, in the arena), and the byte lengths
 * of its members, longest first, so a match tries each length once. */
typedef struct strset {
  const char **keys;
  size_t *lens;
  size_t cap, len;
  size_t lengths[32];
  int nlengths;
} strset;

struct jx_breaks {
  jx_arena *arena;
  strset terms, units;
};

static uint64_t hash(const char *s, size_t n) {
  uint64_t h = 1469598103934665603u; /* FNV-1a */
  for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 1099511628211u;
  return h;
}

static bool set_has(const strset *set, const char *s, size_t n) {
  if (!set->cap) return false;
  for (size_t k = hash(s, n) & (set->cap - 1); set->keys[k]; k = (k + 1) & (set->cap - 1))
    if (set->lens[k] == n && !memcmp(set->keys[k], s, n)) return true;
  return false;
}

static void set_put(jx_arena *a, strset *set, const char *s, size_t n) {
  if (!n || set_has(set, s, n)) return;
  if (2 * (set->len + 1) > set->cap) {
    strset bigger = *set;
    bigger.cap = set->cap ? 2 * set->cap : 64;
    bigger.keys = jx_arena_alloc(a, bigger.cap * sizeof *bigger.keys);
    bigger.lens = jx_arena_alloc(a, bigger.cap * sizeof *bigger.lens);
    for (size_t i = 0; i < set->cap; i++) {
      if (!set->keys[i]) continue;
      size_t k = hash(set->keys[i], set->lens[i]) & (bigger.cap - 1);
      while (bigger.keys[k]) k = (k + 1) & (bigger.cap - 1);
      bigger.keys[k] = set->keys[i];
      bigger.lens[k] = set->lens[i];
    }
    *set = bigger;
  }
  size_t k = hash(s, n) & (set->cap - 1);
  while (set->keys[k]) k = (k + 1) & (set->cap - 1);
  set->keys[k] = jx_arena_strndup(a, s, n);
  set->lens[k] = n;
  set->len++;
  /* The lengths, longest first. */
  int i = 0;
  while (i < set->nlengths && set->lengths[i] > n) i++;
  if (i < set->nlengths && set->lengths[i] == n) return;
  if (set->nlengths == (int)(sizeof set->lengths / sizeof set->lengths[0])) return;
  memmove(set->lengths + i + 1, set->lengths + i,
          (size_t)(set->nlengths - i) * sizeof set->lengths[0]);
  set->lengths[i] = n;
  set->nlengths++;
}

jx_breaks *jx_breaks_new(jx_arena *a) {
  jx_breaks *b = jx_arena_alloc(a, sizeof *b);
  memset(b, 0, sizeof *b);
  b->arena = a;
  return b;
}

void jx_breaks_add_term(jx_breaks *b, const char *term) {
  size_t n = strlen(term);
  if (jx_utf8_length(term, n) >= 2) set_put(b->arena, &b->terms, term, n);
}

void jx_breaks_add_unit(jx_breaks *b, const char *unit) {
  set_put(b->arena, &b->units, unit, strlen(unit));
}

/* ---- finding the runs ---- */

typedef struct finder {
  const jx_breaks *b;
  jx_arena *a;
  const char *s;
  size_t len;
  jx_keep *out;
  size_t n, cap;
} finder;

static int32_t cp_at(const finder *f, size_t i, size_t *next) {
  int32_t cp;
  *next = i + (size_t)jx_utf8_decode(f->s + i, f->len - i, &cp);
  return cp;
}

static void keep(finder *f, size_t start, size_t end, bool number) {
  if (jx_utf8_length(f->s + start, end - start) < 2) return;
  if (f->n == f->cap) {
    size_t cap = f->cap ? 2 * f->cap : 8;
    jx_keep *bigger = jx_arena_alloc(f->a, cap * sizeof *bigger);
    if (f->n) memcpy(bigger, f->out, f->n * sizeof *bigger);
    f->out = bigger;
    f->cap = cap;
  }
  f->out[f->n++] = (jx_keep){start, end, number};
}

static bool is_sign(int32_t cp) {
  switch (cp) {
    case '<': case '=': case '>':
    case 0x2264: case 0x2265:                /* ≤ ≥ */
    case 0xFF1C: case 0xFF1D: case 0xFF1E:   /* ＜ ＝ ＞ */
      return true;
    default: return false;
  }
}

static bool is_digit(int32_t cp) { return cp >= '0' && cp <= '9'; }

/* A placeholder of a template where the number should be: ≥**%, ≤XX万元. */
static bool is_placeholder(int32_t cp) {
  return cp == '*' || cp == 'X' || cp == 'x' || cp == 0x00D7 /* × */;
}

/* A space at i, ASCII or the quarter-em one of jx_breaks_cjk_spaces;
 * returns its end, or i. */
static size_t space_at(const finder *f, size_t i) {
  if (i < f->len && f->s[i] == ' ') return i + 1;
  if (i + 2 < f->len && !memcmp(f->s + i, "\xE2\x80\x85", 3)) return i + 3;
  return i;
}

/* The longest unit of the set at i; returns its end, or i. */
static size_t unit_at(const finder *f, size_t i) {
  const strset *u = &f->b->units;
  for (int k = 0; k < u->nlengths; k++) {
    size_t n = u->lengths[k];
    if (n <= f->len - i && set_has(u, f->s + i, n)) return i + n;
  }
  return i;
}

/* A number at i, with its sign before and its unit after; returns its end,
 * or i when none starts here. */
static size_t number_at(const finder *f, size_t i) {
  size_t j = i, next;
  int32_t cp = cp_at(f, j, &next);
  bool sign = false;
  while (j < f->len && is_sign(cp)) { /* ≥, or >= */
    sign = true;
    j = next;
    if (j < f->len) cp = cp_at(f, j, &next);
  }
  if (sign && space_at(f, j) > j) { /* "≥ 90%" */
    j = space_at(f, j);
    if (j < f->len) cp = cp_at(f, j, &next);
  }
  size_t body = j;
  if (sign)
    while (j < f->len && is_placeholder(cp)) {
      j = next;
      if (j < f->len) cp = cp_at(f, j, &next);
    }
  while (j < f->len && is_digit(cp)) {
    j = next;
    if (j >= f->len) break;
    cp = cp_at(f, j, &next);
    /* 1,200 and 0.95: a separator between digits belongs to the number. */
    if ((cp == '.' || cp == ',') && next < f->len && is_digit((unsigned char)f->s[next])) {
      j = next;
      cp = cp_at(f, j, &next);
    }
  }
  if (j == body) return i; /* no number: a sign alone is not kept */
  /* Its unit, and per units: 元/人/年; a space may stand before the unit
   * ("7000 次", "22.5 万元"). */
  size_t end = unit_at(f, j), gap = space_at(f, j);
  if (end == j && gap > j && unit_at(f, gap) > gap) end = unit_at(f, gap);
  if (end == j && j < f->len && cp == 0x2030) end = next; /* ‰ */
  /* Digits that go on into letters are a code (13080025P0001…), whole
   * already: not a number. */
  if (end == j && j < f->len && cp < 0x80 &&
      (is_digit(cp) || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z')))
    return i;
  while (end > j && end < f->len && f->s[end] == '/') {
    size_t more = unit_at(f, end + 1);
    if (more == end + 1) break;
    end = more;
  }
  return end;
}

/* The longest term of the set at i; returns its end, or i. */
static size_t term_at(const finder *f, size_t i) {
  const strset *t = &f->b->terms;
  for (int k = 0; k < t->nlengths; k++) {
    size_t n = t->lengths[k];
    if (n <= f->len - i && set_has(t, f->s + i, n)) return i + n;
  }
  return i;
}

/* Keeps the term [start, end): whole, or, when it ends with a shorter term
 * that leaves two characters or more before it, as that prefix and the
 * shorter term (itself split the same way). */
static void keep_term(finder *f, size_t start, size_t end) {
  size_t k = start, next;
  int before = 0;
  while (k < end) {
    cp_at(f, k, &next);
    k = next;
    if (++before >= 2 && k < end && set_has(&f->b->terms, f->s + k, end - k)) {
      keep(f, start, k, false);
      keep_term(f, k, end);
      return;
    }
  }
  keep(f, start, end, false);
}

jx_keep *jx_breaks_find(const jx_breaks *b, jx_arena *a, const char *s, size_t len,
                        size_t *n) {
  finder f = {b, a, s, len, NULL, 0, 0};
  size_t i = 0;
  int32_t prev = ' ';
  while (i < len) {
    size_t next, end;
    int32_t cp = cp_at(&f, i, &next);
    /* A number starts at a sign or a digit that does not continue a word
     * or code (P00010310003N is the code's own run). */
    bool word_before = (prev >= 'A' && prev <= 'Z') || (prev >= 'a' && prev <= 'z') ||
                       is_digit(prev) || prev == '.' || prev == '_';
    if ((is_sign(cp) || (is_digit(cp) && !word_before)) && (end = number_at(&f, i)) > i) {
      keep(&f, i, end, true);
    } else if (cp >= 0x80 && (end = term_at(&f, i)) > i) {
      keep_term(&f, i, end);
    } else {
      end = next;
    }
    /* The character before the next position. */
    size_t last = end - 1;
    while (last > i && ((unsigned char)s[last] & 0xC0) == 0x80) last--;
    jx_utf8_decode(s + last, len - last, &prev);
    i = end;
  }
  *n = f.n;
  return f.out;
}

const char *jx_breaks_cjk_spaces(jx_arena *a, const char *text) {
  size_t n = strlen(text), spaces = 0;
  for (size_t i = 0; i < n; i++) spaces += text[i] == ' ';
  if (!spaces) return text;
  char *out = jx_arena_alloc(a, n + 2 * spaces + 1);
  size_t o = 0;
  int32_t prev = 0;
  for (size_t i = 0; i < n;) {
    int32_t cp, next = 0;
    int k = jx_utf8_decode(text + i, n - i, &cp);
    if (cp == ' ' && i + 1 < n) jx_utf8_decode(text + i + 1, n - i - 1, &next);
    bool wide_prev = prev > 0 && jx_utf8_cp_width(prev) == 2;
    bool wide_next = next > 0 && jx_utf8_cp_width(next) == 2;
    bool ascii_next = next > ' ' && next < 0x7F, ascii_prev = prev > ' ' && prev < 0x7F;
    if (cp == ' ' && ((wide_prev && ascii_next) || (wide_next && ascii_prev))) {
      memcpy(out + o, "\xE2\x80\x85", 3);
      o += 3;
    } else {
      memcpy(out + o, text + i, (size_t)k);
      o += (size_t)k;
    }
    prev = cp;
    i += (size_t)k;
  }
  out[o] = '\0';
  return out;
}

bool jx_breaks_no_line_start(int32_t cp) {
  switch (cp) {
    case ',': case '.': case ';': case ':': case '?': case '!': case ')': case ']':
    case '}': case '%':
    case 0x3001: case 0x3002: case 0x3009: case 0x300B: case 0x300D: case 0x300F:
    case 0x3011: case 0x2019: case 0x201D: case 0x2026: case 0x00B7: case 0xFF01:
    case 0xFF05: case 0xFF09: case 0xFF0C: case 0xFF1A: case 0xFF1B: case 0xFF1F:
    case 0xFF5E:
      return true;
    default: return false;
  }
}

bool jx_breaks_no_line_end(int32_t cp) {
  switch (cp) {
    case '(': case '[': case '{':
    case 0x2018: case 0x201C: case 0x3008: case 0x300A: case 0x300C: case 0x300E:
    case 0x3010: case 0xFF08:
      return true;
    default: return false;
  }
}
