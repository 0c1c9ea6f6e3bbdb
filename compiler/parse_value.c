/* Indicator values as clerks write them (doc/language.md, "Values").
 *
 * The grammar collects a value as a run of atoms; this file reads the run:
 * an optional date or period, an optional quantity (sign, number or
 * placeholder, unit), then wording that is kept verbatim. Keeping this out
 * of the grammar lets one place give precise messages about every atom. */
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "i18n.h"
#include "parse_state.h"
#include "parser.h"

void jx_atom_add(jx_parse_state *ps, bool first, int token, const char *text,
                 jx_loc loc) {
  if (first) ps->natoms = 0;
  if (ps->natoms == ps->atomcap) {
    size_t cap = ps->atomcap ? ps->atomcap * 2 : 16;
    jx_atom *a = realloc(ps->atoms, cap * sizeof *a);
    if (!a) {
      fputs(_("jxc: out of memory\n"), stderr);
      abort();
    }
    ps->atoms = a;
    ps->atomcap = cap;
  }
  ps->atoms[ps->natoms++] = (jx_atom){token, text, loc};
}

typedef struct cursor {
  jx_parse_state *ps;
  const jx_atom *a;
  size_t n, i;
} cursor;

static const jx_atom *peek(const cursor *c, size_t k) {
  return c->i + k < c->n ? &c->a[c->i + k] : NULL;
}

static bool at(const cursor *c, size_t k, int token) {
  const jx_atom *a = peek(c, k);
  return a && a->token == token;
}

static jx_arena *arena(const cursor *c) { return c->ps->arena; }

static bool adjacent(jx_loc a, jx_loc b) {
  return a.last_line == b.first_line && a.last_column == b.first_column;
}

/* --- dates ------------------------------------------------------------- */

/* The date parts a word may start with, and their place in a date. */
enum { PART_YEAR, PART_MONTH, PART_DAY, PART_MONTH_END };

int jx_date_part_of(const char *word, size_t *len) {
  static const struct { const char *word; int part; } parts[] = {
      {"月底", PART_MONTH_END}, {"年", PART_YEAR}, {"月", PART_MONTH},
      {"日", PART_DAY},         {"号", PART_DAY}};
  for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
    size_t n = strlen(parts[i].word);
    if (!strncmp(word, parts[i].word, n)) {
      if (len) *len = n;
      return parts[i].part;
    }
  }
  return -1;
}

/* A date without a year is in the budget year, which the parser does not
 * know: 2月29日 may be a real day then (the exchange XML reader agrees). */
static int days_in_month(int year, int month) {
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && (!year || (year % 4 == 0 && year % 100 != 0) || year % 400 == 0))
    return 29;
  return days[month - 1];
}

static void bad_date(jx_parse_state *ps, jx_loc loc, const char *what) {
  jx_diag *d = jx_report(ps->ctx, JX_SEV_ERROR, "J014", loc, "%s", what);
  jx_diag_hint(ps->ctx, d, "Write a date as 2025-12-31 or 2025年12月31日; a month "
                           "end as 12月底 or 2025-12.");
}

static bool parse_int(const char *text, int lo, int hi, int *out) {
  char *end;
  long v = strtol(text, &end, 10);
  if (*end || v < lo || v > hi) return false;
  *out = (int)v;
  return true;
}

static void date_iso(jx_parse_state *ps, const jx_atom *a, jx_date *d) {
  d->style = JX_DATE_ISO;
  d->wording = "";
  d->loc = a->loc;
  int n = sscanf(a->text, "%d-%d-%d", &d->year, &d->month, &d->day);
  if (n < 3) d->day = 0;
  if (d->month < 1 || d->month > 12)
    bad_date(ps, a->loc, jx_arena_printf(ps->arena,
                                         _("%s is not a date: the month must be 1 to 12."),
                                         a->text));
  else if (d->day < 0 || d->day > days_in_month(d->year, d->month))
    bad_date(ps, a->loc, jx_arena_printf(ps->arena,
                                         _("%s is not a date: that month has no day %d."),
                                         a->text, d->day));
}

/* Adds "NUMBER WORD" to a Chinese date: the word starts with 年, 月, 月底 or
 * 日, and whatever follows that part is the date's wording (前, 前完成, 底前),
 * which ends the date. */
static void date_part(jx_parse_state *ps, jx_date *d, const jx_atom *num,
                      const jx_atom *word) {
  size_t wl = 0;
  int part = jx_date_part_of(word->text, &wl);
  int value = 0;
  bool ok = parse_int(num->text, 0, 9999, &value);
  int have = d->day ? 3 : d->month ? 2 : d->year ? 1 : 0;
  int order = part == PART_MONTH_END ? 2 : part + 1;
  if (!ok || order <= have) {
    bad_date(ps, word->loc, jx_arena_printf(ps->arena,
             _("\"%s%s\" is not part of a date here."), num->text, word->text));
    d->wording = word->text + wl;
    return;
  }
  switch (part) {
    case PART_YEAR: d->year = value; break;
    case PART_MONTH: d->month = value; break;
    case PART_DAY: d->day = value; break;
    case PART_MONTH_END: d->month = value; d->month_end = true; break;
  }
  d->wording = word->text + wl;
  if ((part == PART_MONTH || part == PART_MONTH_END) && (value < 1 || value > 12)) {
    bad_date(ps, num->loc, jx_arena_printf(ps->arena,
             _("%d is not a month; months are 1 to 12."), value));
    return;
  }
  bool month_ok = d->month >= 1 && d->month <= 12;
  if (part == PART_DAY && (value < 1 || value > 31 ||
                           (month_ok && value > days_in_month(d->year, d->month))))
    bad_date(ps, num->loc, d->month
             ? jx_arena_printf(ps->arena, _("Month %d has no day %d."), d->month, value)
             : jx_arena_printf(ps->arena, _("%d is not a day of a month."), value));
}

static bool date_start(const cursor *c, size_t k) {
  return at(c, k, NUMBER) && at(c, k + 1, WORD) &&
         jx_date_part_of(peek(c, k + 1)->text, NULL) >= 0;
}

/* A bare number before 至 that takes its part from the date after it: the 1
 * of 1-12月 and of 2023年1-12月. */
static bool shared_part(const cursor *c, size_t k) {
  return at(c, k, NUMBER) && at(c, k + 1, KW_TO) && date_start(c, k + 2);
}

/* Whether the atoms at the cursor are a date rather than a quantity: 6 月
 * and 1 年 are durations, but 2025年, 12月底, 10月31日, 6月前 and any date
 * followed by more date parts or by 至 are dates. */
static bool looks_like_date(const cursor *c) {
  if (at(c, 0, DATE) || shared_part(c, 0)) return true;
  if (!date_start(c, 0)) return false;
  size_t wl = 0;
  const char *word = peek(c, 1)->text;
  int part = jx_date_part_of(word, &wl);
  if (date_start(c, 2) || at(c, 2, KW_TO)) return true;
  if (part == PART_DAY || part == PART_MONTH_END || word[wl]) return true;
  return part == PART_YEAR && strlen(peek(c, 0)->text) == 4;
}

/* Reads a date at the cursor; false (nothing consumed) when there is none. */
static bool parse_date(cursor *c, jx_date *d) {
  memset(d, 0, sizeof *d);
  d->wording = "";
  if (at(c, 0, DATE)) {
    date_iso(c->ps, peek(c, 0), d);
    c->i++;
    /* 2025-12-31前: a word written against the date is its wording. */
    if (at(c, 0, WORD) && adjacent(c->a[c->i - 1].loc, peek(c, 0)->loc)) {
      d->wording = peek(c, 0)->text;
      c->i++;
    }
    return true;
  }
  if (!date_start(c, 0) && !shared_part(c, 0)) return false;
  d->style = JX_DATE_CHINESE;
  d->loc = peek(c, 0)->loc;
  for (;;) {
    if (shared_part(c, 0)) {
      /* The part alone, without the wording of the word it is taken from. */
      const jx_atom *w = peek(c, 3);
      size_t wl = 0;
      jx_date_part_of(w->text, &wl);
      jx_atom part = {WORD, jx_arena_strndup(arena(c), w->text, wl), peek(c, 0)->loc};
      date_part(c->ps, d, peek(c, 0), &part);
      d->loc.last_line = peek(c, 0)->loc.last_line;
      d->loc.last_column = peek(c, 0)->loc.last_column;
      c->i += 1;
      break;
    }
    if (!date_start(c, 0)) break;
    date_part(c->ps, d, peek(c, 0), peek(c, 1));
    d->loc.last_line = peek(c, 1)->loc.last_line;
    d->loc.last_column = peek(c, 1)->loc.last_column;
    c->i += 2;
    if (*d->wording) break;
  }
  return true;
}

/* --- row names --------------------------------------------------------- */

/* The row number a form prints before an indicator's name ("指标1:",
 * "指标 2："): kept apart, so the name is the indicator's own. */
size_t jx_ordinal_length(const char *name) {
  static const char prefix[] = "指标";
  if (strncmp(name, prefix, sizeof prefix - 1)) return 0;
  size_t i = sizeof prefix - 1;
  while (name[i] == ' ') i++;
  size_t digits = i;
  while (name[i] >= '0' && name[i] <= '9') i++;
  if (i == digits) return 0;
  while (name[i] == ' ') i++;
  if (name[i] == ':') return i + 1;
  if (!strncmp(name + i, "：", strlen("："))) return i + strlen("：");
  return 0;
}

/* --- quantities -------------------------------------------------------- */

/* Words that qualify a number rather than measure it: ≥95% 以上, 10 左右.
 * Longest first, so 及以上 is not read as 以上. */
static const char *const wording_words[] = {"及以上", "及以下", "以上", "以下", "以内",
                                            "之内", "左右", "到位", "完成", "内"};

size_t jx_wording_suffix(const char *text) {
  size_t n = strlen(text);
  for (size_t i = 0; i < sizeof wording_words / sizeof wording_words[0]; i++) {
    size_t w = strlen(wording_words[i]);
    if (w <= n && !strcmp(text + n - w, wording_words[i])) return w;
  }
  return 0;
}

static bool is_sign(int token) {
  return token == GE || token == LE || token == GT || token == LT || token == EQ;
}

static jx_sign sign_of(int token) {
  switch (token) {
    case GE: return JX_SIGN_GE;
    case LE: return JX_SIGN_LE;
    case GT: return JX_SIGN_GT;
    case LT: return JX_SIGN_LT;
    default: return JX_SIGN_EQ;
  }
}

static bool quantity_start(const cursor *c) {
  const jx_atom *a = peek(c, 0);
  return a && (is_sign(a->token) || a->token == NUMBER || a->token == PLACEHOLDER);
}

static void bad_value(cursor *c, jx_loc loc, const char *what) {
  jx_diag *d = jx_report(c->ps->ctx, JX_SEV_ERROR, "J019", loc, "%s", what);
  jx_diag_hint(c->ps->ctx, d,
               "Write a value as a comparison, number and unit (≥ 95%%, ≤ 22.5 万元), "
               "a deadline (截止 2025年12月31日前), a period (2025年1月至6月), or "
               "put the whole value in quotes as text.");
}

static void parse_number_into(cursor *c, const jx_atom *a, jx_quantity *q) {
  q->number_text = a->text;
  if (a->token == PLACEHOLDER) {
    q->placeholder = true;
    q->number = jx_decimal_from_int(0);
    return;
  }
  if (!jx_decimal_parse(a->text, strlen(a->text), &q->number)) {
    jx_diag *d = jx_report(c->ps->ctx, JX_SEV_ERROR, "J005", a->loc,
                           "The number %s is too large or has too many decimals.", a->text);
    jx_diag_hint(c->ps->ctx, d,
                 "Amounts may have at most 18 significant digits and 18 decimals; "
                 "write large amounts in a larger unit such as 万元.");
    q->number = jx_decimal_from_int(0);
  }
}

/* A location covering a suffix of a word: its last n characters. */
static jx_loc tail_loc(jx_loc loc, const char *text, size_t bytes) {
  size_t chars = 0;
  for (const char *p = text + strlen(text) - bytes; *p; p++)
    if (((unsigned char)*p & 0xC0) != 0x80) chars++;
  loc.first_line = loc.last_line;
  loc.first_column = loc.last_column - (int)chars;
  return loc;
}

/* Reads [sign] number-or-placeholder [unit] at the cursor. A unit word that
 * ends with wording (百分比以上) gives that wording back in *split. */
static bool parse_quantity(cursor *c, jx_quantity *q, jx_atom *split) {
  memset(q, 0, sizeof *q);
  split->token = 0;
  const jx_atom *a = peek(c, 0);
  if (a && is_sign(a->token)) {
    q->sign = sign_of(a->token);
    q->sign_loc = a->loc;
    c->i++;
    a = peek(c, 0);
  }
  if (!a || (a->token != NUMBER && a->token != PLACEHOLDER)) {
    bad_value(c, a ? a->loc : q->sign_loc,
              a ? _("A number should follow the comparison sign here.")
                : _("The value ends after its comparison sign; a number should follow."));
    q->unit.text = "";
    return false;
  }
  if (!q->sign) q->sign_loc = a->loc;
  parse_number_into(c, a, q);
  c->i++;
  q->unit.text = "";
  q->unit.loc = a->loc;
  if (at(c, 0, PERCENT)) {
    q->unit.text = "%";
    q->unit.loc = peek(c, 0)->loc;
    c->i++;
    return true;
  }
  if (!at(c, 0, WORD)) return true;
  /* A word that is only wording (10 以上) leaves the number without a unit. */
  const jx_atom *w = peek(c, 0);
  size_t suffix = jx_wording_suffix(w->text);
  if (suffix == strlen(w->text)) return true;
  const char *unit = w->text;
  jx_loc loc = w->loc;
  c->i++;
  while (at(c, 0, SLASH) && at(c, 1, WORD)) {
    w = peek(c, 1);
    unit = jx_arena_join(arena(c), unit, "/", w->text);
    loc.last_line = w->loc.last_line;
    loc.last_column = w->loc.last_column;
    c->i += 2;
  }
  suffix = jx_wording_suffix(w->text);
  if (suffix && suffix < strlen(w->text)) {
    *split = (jx_atom){WORD, w->text + strlen(w->text) - suffix,
                       tail_loc(w->loc, w->text, suffix)};
    unit = jx_arena_strndup(arena(c), unit, strlen(unit) - suffix);
    loc.last_column = split->loc.first_column;
  }
  q->unit.text = unit;
  q->unit.loc = loc;
  return true;
}

/* --- wording ----------------------------------------------------------- */

/* The rest of the atoms, all words, as the value's wording: joined as
 * written, with one space where the source had space. */
static void parse_wording(cursor *c, jx_value *v, const jx_atom *split) {
  char *text = (char *)"";
  jx_loc prev = v->loc;
  bool any = false;
  if (split->token) {
    text = jx_arena_strdup(arena(c), split->text);
    v->wording_loc = split->loc;
    prev = split->loc;
    any = true;
  }
  for (; c->i < c->n; c->i++) {
    const jx_atom *a = peek(c, 0);
    if (a->token != WORD) {
      bad_value(c, a->loc, any ? _("The value goes on after its wording; only words may "
                                 "follow it.")
                : c->i > 0 ? _("Something more follows the value here; a value is one "
                             "number with its unit (and a date), then words.")
                           : _("This value cannot be read."));
      c->i = c->n;
      break;
    }
    bool join = any ? adjacent(prev, a->loc) : c->i > 0 && adjacent(c->a[c->i - 1].loc, a->loc);
    text = jx_arena_join(arena(c), text, join ? "" : " ", a->text);
    if (!any) v->wording_loc = a->loc;
    v->wording_loc.last_line = a->loc.last_line;
    v->wording_loc.last_column = a->loc.last_column;
    prev = a->loc;
    any = true;
  }
  v->wording = text;
}

/* --- the value --------------------------------------------------------- */

static void optional_quantity(cursor *c, jx_value *v, jx_atom *split) {
  if (quantity_start(c)) v->has_quantity = parse_quantity(c, &v->quantity, split);
}

void jx_value_build(jx_parse_state *ps, int prefix, int relative, jx_value *v) {
  cursor c = {ps, ps->atoms, ps->natoms, 0};
  jx_atom split = {0};
  v->wording = "";
  switch (prefix) {
    case KW_MONTHLY:
      v->kind = JX_VALUE_MONTHLY;
      if (!parse_date(&c, &v->date) || v->date.year || v->date.month || !v->date.day) {
        jx_loc at = c.i ? v->date.loc : c.a[0].loc;
        jx_diag *d = jx_report(ps->ctx, JX_SEV_ERROR, "J014", at,
                               "A monthly deadline (每月) names a day of the month only.");
        jx_diag_hint(ps->ctx, d, "Write it as 每月 20日 or 每月 20日前.");
        c.i = c.n;
      }
      break;
    case KW_BY:
      v->kind = JX_VALUE_DEADLINE;
      if (!parse_date(&c, &v->date)) {
        bad_date(ps, c.a[0].loc, _("After 截止 comes a date, such as 2025年12月31日 or 12月底."));
        c.i = c.n;
        break;
      }
      optional_quantity(&c, v, &split);
      break;
    case RELATIVE:
      v->kind = JX_VALUE_RELATIVE;
      v->relative = (jx_relative)relative;
      optional_quantity(&c, v, &split);
      break;
    default:
      if (looks_like_date(&c)) {
        parse_date(&c, &v->date);
        v->kind = JX_VALUE_DEADLINE;
        if (at(&c, 0, KW_TO)) {
          c.i++;
          v->kind = JX_VALUE_PERIOD;
          if (!parse_date(&c, &v->until)) {
            bad_date(ps, c.i < c.n ? c.a[c.i].loc : c.a[c.i - 1].loc,
                     _("A period ends with a date, as in 2023年7月至2024年1月 or "
                     "2021年1月-12月."));
            c.i = c.n;
          }
        } else {
          optional_quantity(&c, v, &split);
        }
        break;
      }
      v->kind = JX_VALUE_QUANTITY;
      if (!parse_quantity(&c, &v->quantity, &split)) c.i = c.n;
      break;
  }
  parse_wording(&c, v, &split);
}

/* --- 项目期 --------------------------------------------------------------- */

/* One side of a project period: a year alone, or a date. */
static bool period_side(cursor *c, jx_date *d, const jx_date *start, jx_name *out) {
  memset(d, 0, sizeof *d);
  d->wording = "";
  const jx_atom *a = peek(c, 0);
  if (!a) return false;
  out->loc = a->loc;
  if (a->token == NUMBER && !at(c, 1, WORD) && strlen(a->text) == 4) {
    d->year = atoi(a->text);
    c->i++;
  } else if (!parse_date(c, d)) {
    return false;
  } else {
    out->loc.last_line = d->loc.last_line;
    out->loc.last_column = d->loc.last_column;
  }
  if (!d->year && start) d->year = start->year;
  if (!d->year || *d->wording) return false;
  out->text = d->day     ? jx_arena_printf(arena(c), "%04d-%02d-%02d", d->year, d->month, d->day)
              : d->month ? jx_arena_printf(arena(c), "%04d-%02d", d->year, d->month)
                         : jx_arena_printf(arena(c), "%04d", d->year);
  return true;
}

void jx_period_build(jx_parse_state *ps, jx_period *p) {
  cursor c = {ps, ps->atoms, ps->natoms, 0};
  jx_date from, to;
  bool ok = period_side(&c, &from, NULL, &p->from) && at(&c, 0, KW_TO);
  if (ok) c.i++;
  ok = ok && period_side(&c, &to, &from, &p->to) && c.i == c.n;
  if (ok) return;
  const jx_atom *a = c.i < c.n ? &c.a[c.i] : &c.a[c.n - 1];
  jx_diag *d = jx_report(ps->ctx, JX_SEV_ERROR, "J014", a->loc,
                         "A project period (项目期) is two years or dates joined by 至.");
  jx_diag_hint(ps->ctx, d, "Write it as 项目期 2024 至 2026, 项目期 2023年7月至2024年6月 or "
                           "项目期 2025-01-01 至 2025-12-31.");
  if (!p->from.text) p->from.text = "";
  if (!p->to.text) p->to.text = "";
}
