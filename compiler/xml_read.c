#include "xml_read.h"

#include <errno.h>
#include <libxml/parser.h>
#include <libxml/xmlschemas.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "diag.h"
#include "format.h"
#include "i18n.h"
#include "parse_state.h"
#include "utf8.h"
#include "xml_write.h"

typedef struct reader {
  jx_ctx *ctx;
  int file; /* the XML file in the ctx's source table, for locations */
  bool ok;
} reader;

/* A location covering the text of an XML line, from its first non-blank
 * character to its end. */
static jx_loc line_loc(jx_ctx *ctx, int file, int line) {
  jx_loc loc = {file, line, 1, line, 1};
  if (line <= 0) return loc;
  size_t len;
  const char *s = jx_source_line(jx_ctx_source(ctx, file), line, &len);
  size_t start = 0;
  while (start < len && (s[start] == ' ' || s[start] == '\t')) start++;
  loc.first_column = 1 + (int)start;
  loc.last_column = loc.first_column + (int)jx_utf8_length(s + start, len - start);
  return loc;
}

static jx_loc at(const reader *r, xmlNodePtr n) {
  return line_loc(r->ctx, r->file, n ? (int)xmlGetLineNo(n) : 0);
}

static void fail(reader *r, xmlNodePtr n, const char *fmt, const char *arg) {
  jx_diag *d = jx_report(r->ctx, JX_SEV_ERROR, "J312", at(r, n), fmt, arg);
  jx_diag_hint(r->ctx, d, "The schema cannot express this rule; see the rules "
                          "after the element tables in doc/xml-format.md.");
  r->ok = false;
}

static bool is(xmlNodePtr n, const char *name) {
  return n && n->type == XML_ELEMENT_NODE && !strcmp((const char *)n->name, name);
}

/* The first element child at or after n. */
static xmlNodePtr elem(xmlNodePtr n) {
  while (n && n->type != XML_ELEMENT_NODE) n = n->next;
  return n;
}

static xmlNodePtr next(xmlNodePtr n) { return n ? elem(n->next) : NULL; }
static xmlNodePtr first_child(xmlNodePtr n) { return n ? elem(n->children) : NULL; }

static void fail(reader *r, xmlNodePtr n, const char *fmt, const char *arg);

/* The first control character of s that jixiao text cannot hold (all but
 * tab and line feed: a carriage return, say, from &#13;), or 0. */
static int bad_control(const char *s) {
  for (; *s; s++)
    if (((unsigned char)*s < 0x20 && *s != '\t' && *s != '\n') || *s == 0x7F)
      return (unsigned char)*s;
  return 0;
}

static const char *text(reader *r, xmlNodePtr n) {
  xmlChar *c = xmlNodeGetContent(n);
  const char *s = jx_arena_strdup(r->ctx->arena, c ? (const char *)c : "");
  xmlFree(c);
  int bad = bad_control(s);
  if (bad)
    fail(r, n, "%s", jx_arena_printf(r->ctx->arena,
                                     _("This text holds the control character U+%04X, which "
                                     "jixiao source cannot write: \"%s\"."), bad, s));
  return s;
}

static const char *attr(reader *r, xmlNodePtr n, const char *name) {
  xmlChar *c = xmlGetProp(n, BAD_CAST name);
  if (!c) return NULL;
  const char *s = jx_arena_strdup(r->ctx->arena, (const char *)c);
  xmlFree(c);
  return s;
}

static bool flag(reader *r, xmlNodePtr n, const char *name) {
  const char *v = attr(r, n, name);
  return v && !strcmp(v, "true");
}

static int number(reader *r, xmlNodePtr n) { return atoi(text(r, n)); }

static jx_string string_of(reader *r, xmlNodePtr n) {
  return (jx_string){text(r, n), at(r, n), JX_STR_PLAIN};
}

static jx_name name_of(reader *r, xmlNodePtr n) {
  return (jx_name){text(r, n), at(r, n)};
}

/* The scanner's rules (lexer.l): a word it starts reading as a placeholder,
 * and a date word it cuts at 至 or '-'. */
static bool placeholder_word(const char *s) { return jx_placeholder_prefix(s, strlen(s)) > 0; }

static bool date_cut_ok(const char *w) {
  return !jx_date_word(w) || (!strchr(w, '-') && !strstr(w, "至"));
}

/* Why the word w (or a part of a compound unit) cannot be written as itself
 * in jixiao source, or NULL. Keywords are reported when source is written
 * (J300); these are the other words the scanner reads differently. */
static const char *word_problem(reader *r, const char *w) {
  char *copy = jx_arena_strdup(r->ctx->arena, w);
  for (char *part = strtok(copy, "/"); part; part = strtok(NULL, "/")) {
    if (placeholder_word(part))
      return jx_arena_printf(r->ctx->arena, _("\"%s\" is read as a template placeholder "
                                            "(two or more X or ○)"), part);
    if (!date_cut_ok(part))
      return jx_arena_printf(r->ctx->arena, _("\"%s\" is cut in two at the 至 or - after "
                                            "its date part"), part);
  }
  return NULL;
}

static void fail(reader *r, xmlNodePtr n, const char *fmt, const char *arg);

/* A name the source writes as a bare word: MONEY_UNIT, levels, units and
 * the names of definitions. */
static jx_name word_of(reader *r, xmlNodePtr n) {
  jx_name w = name_of(r, n);
  const char *why = word_problem(r, w.text);
  if (why)
    fail(r, n, "%s", jx_arena_printf(r->ctx->arena, _("The name %s cannot be written in "
                                                    "jixiao source: %s. Rename it in the "
                                                    "system that wrote this XML."),
                                     w.text, why));
  return w;
}

static jx_name *name_ptr(reader *r, xmlNodePtr n) {
  jx_name *p = jx_arena_alloc(r->ctx->arena, sizeof *p);
  *p = name_of(r, n);
  return p;
}

static jx_decimal decimal(reader *r, xmlNodePtr n, const char *s) {
  jx_decimal d = {0, 0};
  if (!jx_decimal_parse(s, strlen(s), &d))
    fail(r, n, "The number %s is too large or has too many decimals.", s);
  return d;
}

static jx_amount amount(reader *r, xmlNodePtr n) {
  jx_amount a = {0};
  a.text = text(r, n);
  a.value = decimal(r, n, a.text);
  a.loc = at(r, n);
  const char *unit = attr(r, n, "unit");
  if (unit) {
    a.unit = jx_arena_alloc(r->ctx->arena, sizeof *a.unit);
    *a.unit = (jx_name){unit, a.loc};
    const char *why = word_problem(r, unit);
    if (why)
      fail(r, n, "%s", jx_arena_printf(r->ctx->arena, _("The unit %s cannot be written in "
                                                      "jixiao source: %s."), unit, why));
  }
  return a;
}

static void *node(reader *r, jx_node_kind kind, size_t size, xmlNodePtr n) {
  return jx_node_new(r->ctx->arena, kind, size, at(r, n));
}

static jx_node *text_item(reader *r, jx_node_kind kind, xmlNodePtr n) {
  jx_text_item *t = node(r, kind, sizeof *t, n);
  t->text = string_of(r, n);
  t->resolved_file = -1;
  return &t->base;
}

static void add(reader *r, jx_list *l, void *item) { jx_list_push(r->ctx->arena, l, item); }

/* --- header, definitions, part one ------------------------------------- */

static jx_node *name_item(reader *r, jx_node_kind kind, xmlNodePtr n) {
  jx_name_item *it = node(r, kind, sizeof *it, n);
  it->value = kind == JX_NODE_MONEY_UNIT || kind == JX_NODE_VALUE_SPELLING ? word_of(r, n)
                                                                          : name_of(r, n);
  return &it->base;
}

/* Header items come out in the order people write them: 部门 first. */
static void header(reader *r, xmlNodePtr h, jx_list *items) {
  jx_org *dept = NULL;
  jx_list rest = {0};
  for (xmlNodePtr n = first_child(h); n; n = next(n)) {
    if (is(n, "FISCAL_YEAR")) add(r, &rest, name_item(r, JX_NODE_YEAR, n));
    else if (is(n, "MOF_DIV_CODE")) add(r, &rest, name_item(r, JX_NODE_REGION, n));
    else if (is(n, "DEPT_CODE") || is(n, "DEPT_NAME") || is(n, "DEPT_TOTAL")) {
      if (!dept) {
        dept = node(r, JX_NODE_DEPARTMENT, sizeof *dept, n);
        add(r, items, dept);
      }
      if (is(n, "DEPT_CODE")) dept->code = name_ptr(r, n);
      if (is(n, "DEPT_NAME")) dept->name = string_of(r, n);
      if (is(n, "DEPT_TOTAL")) {
        dept->total = jx_arena_alloc(r->ctx->arena, sizeof *dept->total);
        *dept->total = amount(r, n);
      }
    } else if (is(n, "MONEY_UNIT")) add(r, &rest, name_item(r, JX_NODE_MONEY_UNIT, n));
    else if (is(n, "COMPILED_BY")) add(r, &rest, text_item(r, JX_NODE_COMPILED_BY, n));
    else if (is(n, "REVIEWED_BY")) add(r, &rest, text_item(r, JX_NODE_REVIEWED_BY, n));
    else if (is(n, "VALUE_SPELLING")) add(r, &rest, name_item(r, JX_NODE_VALUE_SPELLING, n));
    else if (is(n, "KPI_FRAMEWORK")) add(r, &rest, text_item(r, JX_NODE_FRAMEWORK, n));
  }
  /* Region before year, as in the schema; then the rest. */
  for (size_t i = 0; i < rest.len; i++) {
    jx_node *a = rest.items[i];
    if (a->kind == JX_NODE_REGION) add(r, items, a);
  }
  for (size_t i = 0; i < rest.len; i++) {
    jx_node *a = rest.items[i];
    if (a->kind != JX_NODE_REGION) add(r, items, a);
  }
}

static void definitions(reader *r, xmlNodePtr defs, jx_list *items) {
  for (xmlNodePtr n = first_child(defs); n; n = next(n)) {
    xmlNodePtr c = first_child(n);
    if (is(n, "DIM_DEF")) {
      jx_dimension *d = node(r, JX_NODE_DIMENSION, sizeof *d, n);
      d->name = word_of(r, c);
      d->alias = word_of(r, next(c));
      add(r, items, d);
    } else if (is(n, "UNIT_DEF")) {
      jx_unit_def *u = node(r, JX_NODE_UNIT_DEF, sizeof *u, n);
      u->name = word_of(r, c);
      u->precision = -1;
      xmlNodePtr k = next(c);
      if (is(k, "UNIT_DIM")) {
        u->dimension = name_ptr(r, k);
        *u->dimension = word_of(r, k);
        if (is(next(k), "UNIT_PRECISION")) u->precision = number(r, next(k));
      } else {
        u->factor_text = text(r, k);
        u->factor = decimal(r, k, u->factor_text);
        u->of = name_ptr(r, next(k));
        *u->of = word_of(r, next(k));
      }
      add(r, items, u);
    } else if (is(n, "FRAMEWORK_DEF")) {
      jx_framework_def *f = node(r, JX_NODE_FRAMEWORK_DEF, sizeof *f, n);
      f->is_default = flag(r, n, "default");
      f->name = string_of(r, c);
      for (xmlNodePtr g = next(c); g; g = next(g)) {
        jx_fw_group *fg = jx_arena_alloc(r->ctx->arena, sizeof *fg);
        xmlNodePtr gc = first_child(g);
        fg->required = flag(r, g, "required");
        fg->name = word_of(r, gc);
        fg->alias = word_of(r, next(gc));
        for (xmlNodePtr l = next(next(gc)); l; l = next(l)) {
          jx_fw_level *lv = jx_arena_alloc(r->ctx->arena, sizeof *lv);
          lv->name = word_of(r, first_child(l));
          lv->alias = word_of(r, next(first_child(l)));
          add(r, &fg->levels, lv);
        }
        add(r, &f->groups, fg);
      }
      add(r, items, f);
    } else if (is(n, "FUND_SRC_DEF")) {
      jx_source_def *d = node(r, JX_NODE_SOURCE_DEF, sizeof *d, n);
      d->name = jx_is_bare_word(text(r, c)) ? word_of(r, c) : name_of(r, c);
      d->kind = name_of(r, next(c));
      add(r, items, d);
    } else if (is(n, "LOWER_IS_BETTER") || is(n, "RATIO_NAMES") ||
               is(n, "NOT_RATIO_NAMES")) {
      jx_name_list *l = node(r, is(n, "RATIO_NAMES")       ? JX_NODE_RATIO_NAMES
                                : is(n, "NOT_RATIO_NAMES") ? JX_NODE_NOT_RATIO_NAMES
                                                           : JX_NODE_LOWER_IS_BETTER,
                             sizeof *l, n);
      for (xmlNodePtr p = c; p; p = next(p)) {
        jx_string *s = jx_arena_alloc(r->ctx->arena, sizeof *s);
        *s = string_of(r, p);
        add(r, &l->names, s);
      }
      add(r, items, l);
    }
  }
}

static void part_one(reader *r, xmlNodePtr dp, jx_list *items) {
  for (xmlNodePtr n = first_child(dp); n; n = next(n)) {
    if (is(n, "KPI_TARGET")) {
      add(r, items, text_item(r, JX_NODE_OVERALL_TARGET, n));
    } else if (is(n, "SUB_TARGET")) {
      jx_sub_target *s = node(r, JX_NODE_SUB_TARGET, sizeof *s, n);
      xmlNodePtr c = first_child(n);
      s->title = string_of(r, c);
      for (xmlNodePtr t = next(c); t; t = next(t))
        add(r, &s->texts, text_item(r, is(t, "SUB_TARGET_TEXT") ? JX_NODE_SUB_TARGET_TEXT
                                                                 : JX_NODE_SUB_INDICATOR_TEXT,
                                    t));
      add(r, items, s);
    } else if (is(n, "SAFEGUARD")) {
      jx_safeguard *s = node(r, JX_NODE_SAFEGUARD, sizeof *s, n);
      s->title = string_of(r, first_child(n));
      s->text = string_of(r, next(first_child(n)));
      add(r, items, s);
    }
  }
}

/* --- projects ------------------------------------------------------------ */

static void sources(reader *r, xmlNodePtr n, jx_list *out) {
  for (; is(n, "FUND_SRC"); n = next(n)) {
    jx_fund_source *s = jx_arena_alloc(r->ctx->arena, sizeof *s);
    xmlNodePtr k = first_child(n);
    const char *kind = text(r, k);
    s->kind = !strcmp(kind, "fiscal") ? JX_SOURCE_FISCAL
              : !strcmp(kind, "other") ? JX_SOURCE_OTHER
                                       : JX_SOURCE_NAMED;
    s->name = s->kind == JX_SOURCE_NAMED && jx_is_bare_word(text(r, next(k)))
                  ? word_of(r, next(k))
                  : name_of(r, next(k));
    if ((s->kind == JX_SOURCE_FISCAL && strcmp(s->name.text, "财政资金")) ||
        (s->kind == JX_SOURCE_OTHER && strcmp(s->name.text, "其他资金")))
      fail(r, n, "A funding source of kind fiscal is named 财政资金, and one of "
                 "kind other 其他资金; this one is named %s.", s->name.text);
    xmlNodePtr c = next(next(k));
    /* Without FUND_SRC_AMT the cell is empty, which is not zero. */
    if (is(c, "FUND_SRC_AMT")) {
      s->amount = jx_arena_alloc(r->ctx->arena, sizeof *s->amount);
      *s->amount = amount(r, c);
      c = next(c);
    }
    sources(r, c, &s->parts);
    add(r, out, s);
  }
}

static jx_node *budget(reader *r, jx_node_kind kind, xmlNodePtr n) {
  jx_budget *b = node(r, kind, sizeof *b, n);
  xmlNodePtr a = first_child(n);
  b->amount = amount(r, a);
  sources(r, next(a), &b->sources);
  return &b->base;
}

static jx_node *plan(reader *r, xmlNodePtr n) {
  jx_plan *p = node(r, JX_NODE_PLAN, sizeof *p, n);
  for (xmlNodePtr e = first_child(n); e; e = next(e)) {
    jx_plan_entry *pe = jx_arena_alloc(r->ctx->arena, sizeof *pe);
    xmlNodePtr m = first_child(e);
    pe->month = number(r, m);
    pe->month_end = flag(r, m, "month_end");
    pe->percent_text = text(r, next(m));
    pe->percent = decimal(r, next(m), pe->percent_text);
    pe->loc = at(r, e);
    add(r, &p->entries, pe);
  }
  return &p->base;
}

static jx_sign sign_of(const char *s) {
  if (!strcmp(s, "≥")) return JX_SIGN_GE;
  if (!strcmp(s, "＞")) return JX_SIGN_GT;
  if (!strcmp(s, "≤")) return JX_SIGN_LE;
  if (!strcmp(s, "＜")) return JX_SIGN_LT;
  return JX_SIGN_EQ;
}

static jx_relative relative_of(const char *s) {
  if (!strcmp(s, "increase")) return JX_REL_INCREASE;
  if (!strcmp(s, "lower")) return JX_REL_LOWER;
  if (!strcmp(s, "decrease")) return JX_REL_DECREASE;
  if (!strcmp(s, "same")) return JX_REL_SAME;
  return JX_REL_IMPROVE;
}

static void date(reader *r, xmlNodePtr n, jx_date *d) {
  d->wording = "";
  d->loc = at(r, n);
  const char *style = attr(r, n, "style");
  d->style = style && !strcmp(style, "iso") ? JX_DATE_ISO : JX_DATE_CHINESE;
  for (xmlNodePtr c = first_child(n); c; c = next(c)) {
    if (is(c, "DL_YEAR")) d->year = number(r, c);
    if (is(c, "DL_MONTH")) {
      d->month = number(r, c);
      d->month_end = flag(r, c, "month_end");
    }
    if (is(c, "DL_DAY")) d->day = number(r, c);
    if (is(c, "DL_WORDING")) d->wording = text(r, c);
  }
}

/* --- what jixiao source can say --------------------------------------------
 * XML can hold values that jixiao source cannot write: written out and read
 * back they would become another value. These helpers state, in the terms
 * of the language's value reader (compiler/parse_value.c), what reads back. */

/* Words that qualify a number rather than measure it (≥95% 以上): the value
 * reader's list (parse_value.c). */
static size_t qualifying_suffix(const char *text) { return jx_wording_suffix(text); }

static bool is_qualifying(const char *word) {
  size_t n = strlen(word);
  return n && qualifying_suffix(word) == n;
}

static const char *qualifying_list(void) {
  return _("以上, 以下, 以内, 之内, 左右, 到位, 完成, 内, 及以上 or 及以下");
}

/* The date part a word begins with: the value reader's rule. */
static int date_part(const char *word, size_t *len) { return jx_date_part_of(word, len); }

/* The first and the last part of a compound unit (元/人/年). */
static const char *unit_first(reader *r, const char *unit) {
  const char *slash = strchr(unit, '/');
  return slash ? jx_arena_strndup(r->ctx->arena, unit, (size_t)(slash - unit)) : unit;
}

static const char *unit_last(const char *unit) {
  const char *slash = strrchr(unit, '/');
  return slash ? slash + 1 : unit;
}

/* fail with a whole message: a translated one, or a literal (translated
 * here; po/Makevars names fail_at as a keyword). */
static void fail_at(reader *r, xmlNodePtr n, const char *message) { fail(r, n, "%s", _(message)); }

/* Units that read back as something else. */
static void unit_rules(reader *r, xmlNodePtr el, const jx_value *v) {
  const jx_quantity *q = &v->quantity;
  const char *unit = q->unit.text;
  if (!*unit || !strcmp(unit, "%")) return;
  for (const char *part = unit; part;) {
    const char *slash = strchr(part, '/');
    const char *seg = slash ? jx_arena_strndup(r->ctx->arena, part, (size_t)(slash - part)) : part;
    size_t q_len = qualifying_suffix(seg);
    if (q_len) {
      fail_at(r, el, jx_arena_printf(r->ctx->arena,
              _("The unit %s ends with %s, which jixiao source reads as wording after "
              "the value, not as part of the unit."), unit, seg + strlen(seg) - q_len));
      return;
    }
    part = slash ? slash + 1 : NULL;
  }
  /* 2025 年, 3 日, 6 月底 without a sign read back as dates. */
  if (q->placeholder) return;
  size_t wl = 0;
  const char *first = unit_first(r, unit);
  int part = date_part(first, &wl);
  if (part < 0) return;
  bool as_date = false;
  if (v->kind == JX_VALUE_QUANTITY && q->sign == JX_SIGN_NONE)
    as_date = part == 2 || part == 3 || first[wl] || (part == 0 && strlen(q->number_text) == 4);
  if (v->kind == JX_VALUE_DEADLINE && q->sign == JX_SIGN_NONE &&
      v->date.style == JX_DATE_CHINESE && !*v->date.wording)
    as_date = true;
  if (as_date)
    fail_at(r, el, jx_arena_printf(r->ctx->arena,
            _("The number %s with the unit %s and no sign reads back in jixiao source as "
            "part of a date, not as a quantity; give it the sign ＝ (KPI_SIGN without "
            "written=\"false\")."), q->number_text, unit));
}

/* Wording after a value: each word must read back as wording, and what
 * precedes it must not swallow it. */
static void wording_rules(reader *r, xmlNodePtr el, const jx_value *v) {
  jx_arena *a = r->ctx->arena;
  const char *w = v->wording;
  if (!*w) return;
  bool space = *w == ' ';
  const char *first = NULL;
  char *copy = jx_arena_strdup(a, w);
  for (char *word = strtok(copy, " "); word; word = strtok(NULL, " ")) {
    if (!first) first = word;
    if (!jx_is_bare_word(word) || placeholder_word(word) || !date_cut_ok(word)) {
      fail_at(r, el, jx_arena_printf(a, _("The wording \"%s\" holds \"%s\", which jixiao source "
                                        "reads as a keyword, a placeholder or a range, not "
                                        "as wording."), w, word));
      return;
    }
  }
  bool number = v->kind == JX_VALUE_QUANTITY || v->has_quantity;
  const jx_quantity *q = &v->quantity;
  const char *after = NULL;
  if (number && !*q->unit.text) {
    if (!is_qualifying(first)) {
      fail_at(r, el, jx_arena_printf(a, _("After the number %s, which has no unit, the wording "
                                        "\"%s\" would be read as its unit; wording there begins "
                                        "with one of %s."), q->number_text, w, qualifying_list()));
      return;
    }
    if (!space && q->placeholder && placeholder_word(q->number_text)) after = q->number_text;
  } else if (number && strcmp(q->unit.text, "%")) {
    const char *last = unit_last(q->unit.text);
    const char *glued = jx_arena_printf(a, "%s%s", last, first);
    if (!space && qualifying_suffix(glued) != strlen(first)) {
      fail_at(r, el, jx_arena_printf(a, _("The wording \"%s\" follows the unit %s without a space, "
                                        "so it would be read as part of the unit; only %s can "
                                        "follow a unit directly."), w, q->unit.text,
                                     qualifying_list()));
      return;
    }
  } else if (!number) {
    switch (v->kind) {
      case JX_VALUE_RELATIVE: after = jx_relative_text(v->relative); break;
      case JX_VALUE_MONTHLY: after = "每月的日期"; break;
      case JX_VALUE_DEADLINE:
      case JX_VALUE_PERIOD:
        /* A word written against a date, Chinese or ISO, is read as the
         * date's own wording. */
        after = _("the date");
        break;
      default: break;
    }
  }
  if (after && !space)
    fail_at(r, el, jx_arena_printf(a, _("The wording \"%s\" must begin with a space: written "
                                      "right after %s it would be read as part of it."),
                                   w, after));
}

/* A date of a deadline or period as the language can write it. */
static void date_rules(reader *r, xmlNodePtr n, const jx_date *d, const char *what) {
  jx_arena *a = r->ctx->arena;
  static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (d->style == JX_DATE_ISO && (!d->year || !d->month || d->month_end ||
                                  (*d->wording && !jx_is_bare_word(d->wording))))
    fail_at(r, n, jx_arena_printf(a, _("An iso %s has a year and a month, and its wording "
                                     "(2025-12-31前) is one word or none."), what));
  if (d->year && !d->month && d->day)
    fail_at(r, n, jx_arena_printf(a, _("A %s with a year and a day also needs a month."), what));
  if (strchr(d->wording, '-') || strstr(d->wording, "至"))
    fail_at(r, n, jx_arena_printf(a, _("The wording %s of a %s cannot hold 至 or -: jixiao "
                                     "source reads them as the start of a range."),
                                  d->wording, what));
  if (d->month && !d->month_end && !d->day && !strncmp(d->wording, "底", strlen("底")))
    fail(r, n, "The wording %s cannot follow a month: write month_end=\"true\" "
               "instead of starting the wording with 底.", d->wording);
  bool leap = !d->year || (d->year % 4 == 0 && (d->year % 100 || d->year % 400 == 0));
  if (d->month && d->day && (d->day > days[d->month - 1] || (d->month == 2 && !leap && d->day > 28)))
    fail_at(r, n, jx_arena_printf(a, _("The %s %s%d月%d日 is not a date: that month has no "
                                     "day %d."), what,
                                  d->year ? jx_arena_printf(a, "%d年", d->year) : "",
                                  d->month, d->day, d->day));
}


/* The number of a quantity (KPI_VAL or KPI_PLACEHOLDER) and its unit. */
static xmlNodePtr read_number(reader *r, xmlNodePtr c, jx_quantity *q, const char *sign,
                              const char *written, xmlNodePtr *unit_el) {
  q->number_text = text(r, c);
  if (is(c, "KPI_PLACEHOLDER")) {
    q->placeholder = true;
    q->number = jx_decimal_from_int(0);
  } else {
    q->number = decimal(r, c, q->number_text);
  }
  q->sign = written && !strcmp(written, "false") ? JX_SIGN_NONE : sign_of(sign);
  q->sign_loc = at(r, c);
  c = next(c);
  q->unit = (jx_name){"", q->sign_loc};
  if (is(c, "KPI_UNIT")) {
    q->unit = word_of(r, c);
    *unit_el = c;
    c = next(c);
  }
  return c;
}

static bool is_number(xmlNodePtr c) { return is(c, "KPI_VAL") || is(c, "KPI_PLACEHOLDER"); }

/* A value (group Value of the schema) from its first element c, with the
 * rules the schema cannot state checked on owner (KPI, KPI_LONG_TERM or
 * STAGE_WHEN). Returns the element after KPI_DISPLAY. */
static xmlNodePtr value(reader *r, xmlNodePtr owner, xmlNodePtr c, jx_value *v) {
  memset(v, 0, sizeof *v);
  v->wording = "";
  v->loc = at(r, c);
  v->date.wording = v->until.wording = "";
  const char *sign = "定性", *written = NULL;
  xmlNodePtr unit_el = NULL, wording_el = NULL;
  if (is(c, "KPI_BLANK")) {
    v->kind = JX_VALUE_BLANK;
    c = next(c);
  } else {
    sign = text(r, c);
    written = attr(r, c, "written");
    c = next(c);
    v->loc = at(r, c);
    if (is(c, "KPI_RELATIVE")) {
      v->kind = JX_VALUE_RELATIVE;
      v->relative = relative_of(text(r, c));
      c = next(c);
      if (is_number(c)) {
        v->has_quantity = true;
        c = read_number(r, c, &v->quantity, sign, written, &unit_el);
      }
    } else if (is(c, "KPI_DEADLINE")) {
      v->kind = JX_VALUE_DEADLINE;
      date(r, c, &v->date);
      c = next(c);
      if (is_number(c)) {
        v->has_quantity = true;
        c = read_number(r, c, &v->quantity, sign, written, &unit_el);
      }
    } else if (is(c, "KPI_PERIOD")) {
      v->kind = JX_VALUE_PERIOD;
      xmlNodePtr from = first_child(c);
      date(r, from, &v->date);
      date(r, next(from), &v->until);
      date_rules(r, from, &v->date, _("period start"));
      date_rules(r, next(from), &v->until, _("period end"));
      c = next(c);
    } else if (is(c, "KPI_MONTHLY")) {
      v->kind = JX_VALUE_MONTHLY;
      date(r, c, &v->date);
      v->date.style = JX_DATE_CHINESE;
      c = next(c);
    } else if (is(c, "KPI_TEXT")) {
      v->kind = JX_VALUE_TEXT;
      v->text = string_of(r, c);
      c = next(c);
    } else if (is(c, "KPI_NA")) {
      v->kind = JX_VALUE_NA;
      c = next(c);
    } else {
      v->kind = JX_VALUE_QUANTITY;
      c = read_number(r, c, &v->quantity, sign, written, &unit_el);
    }
    if (is(c, "KPI_WORDING")) {
      v->wording = text(r, c);
      v->wording_loc = at(r, c);
      wording_el = c;
      c = next(c);
    }
  }
  /* KPI_DISPLAY is derived from the fields above; a different one is a sign
   * that the writing system and this reader disagree. */
  const char *shown = text(r, c);
  const char *derived = jx_value_display(r->ctx, v);
  if (strcmp(shown, derived)) {
    jx_diag *d = jx_report(r->ctx, JX_SEV_WARNING, "J313", at(r, c),
                           "KPI_DISPLAY says \"%s\", but the value's fields read "
                           "\"%s\"; the fields are used.", shown, derived);
    jx_diag_hint(r->ctx, d, "Check the indicator's value in the system that wrote "
                            "this XML.");
  }
  /* The rules of a value the schema cannot state (doc/xml-format.md). */
  bool has_number = v->kind == JX_VALUE_QUANTITY || v->has_quantity;
  if (v->kind != JX_VALUE_BLANK && has_number == !strcmp(sign, "定性"))
    fail(r, owner, "The sign %s does not fit the value: 定性 is for values without "
                   "a number, and only for them.", sign);
  if (written && !strcmp(written, "false") && strcmp(sign, "＝"))
    fail(r, owner, "written=\"false\" is only allowed on the sign ＝, not on %s.", sign);
  if (v->kind == JX_VALUE_DEADLINE) date_rules(r, owner, &v->date, _("deadline"));
  if (v->kind == JX_VALUE_MONTHLY) date_rules(r, owner, &v->date, _("monthly deadline"));
  if (unit_el) unit_rules(r, unit_el, v);
  if (wording_el) wording_rules(r, wording_el, v);
  return next(c);
}

static jx_allow *allow(reader *r, xmlNodePtr n) {
  jx_allow *a = node(r, JX_NODE_ALLOW, sizeof *a, n);
  for (xmlNodePtr c = first_child(n); c; c = next(c)) {
    if (is(c, "ALLOW_CODE")) add(r, &a->codes, name_ptr(r, c));
    else if (is(c, "ALLOW_REASON")) a->reason = string_of(r, c);
  }
  return a;
}



static jx_row *kpi(reader *r, xmlNodePtr n, bool flat) {
  jx_row *row = node(r, JX_NODE_ROW, sizeof *row, n);
  row->not_applicable_row = flag(r, n, "na_row");
  xmlNodePtr c = first_child(n), name_el = NULL;
  row->level2 = (jx_name){"", at(r, n)};
  if (is(c, "KPI_LV2")) {
    row->level2 = word_of(r, c);
    c = next(c);
  }
  if (flat == !!*row->level2.text)
    fail(r, n, "%s", flat ? _("A row of a flat table (flat=\"true\") has no KPI_LV2.")
                          : _("A row of a group with levels needs its KPI_LV2 (二级指标)."));
  if (is(c, "KPI_ORDINAL")) {
    row->ordinal = text(r, c);
    c = next(c);
  }
  if (is(c, "KPI_NAME")) {
    row->name = string_of(r, c);
    name_el = c;
    c = next(c);
  } else {
    row->blank_name = true;
    row->name = (jx_string){"", at(r, n), JX_STR_PLAIN};
  }
  if (is(c, "KPI_DESC")) {
    row->description = jx_arena_alloc(r->ctx->arena, sizeof(jx_string));
    *row->description = string_of(r, c);
    c = next(c);
  }
  c = value(r, n, c, &row->value);
  if (is(c, "KPI_LONG_TERM")) {
    row->long_term = jx_arena_alloc(r->ctx->arena, sizeof *row->long_term);
    value(r, c, first_child(c), row->long_term);
    c = next(c);
  }
  if (is(c, "KPI_BASIS")) {
    row->basis = jx_arena_alloc(r->ctx->arena, sizeof(jx_string));
    *row->basis = string_of(r, c);
    c = next(c);
  }
  if (is(c, "KPI_STANDARD")) {
    row->standard = jx_arena_alloc(r->ctx->arena, sizeof(jx_string));
    *row->standard = string_of(r, c);
    c = next(c);
  }
  for (; is(c, "ALLOW"); c = next(c)) add(r, &row->allows, allow(r, c));
  if (row->not_applicable_row &&
      (flat || row->value.kind != JX_VALUE_NA || row->blank_name ||
       strcmp(row->name.text, "不涉及") || row->ordinal || row->description ||
       row->basis || row->standard || row->long_term || row->allows.len))
    fail(r, n, "%s", _("A row marked na_row=\"true\" must be named 不涉及, hold KPI_NA "
                     "and nothing else, and stand in a group with levels."));
  if (name_el && !row->ordinal && jx_ordinal_length(row->name.text))
    fail(r, name_el, "The name \"%s\" begins with an ordinal (指标N:), which jixiao "
                     "source would split off; put the ordinal in KPI_ORDINAL before "
                     "KPI_NAME.", row->name.text);
  return row;
}

static jx_node *group(reader *r, xmlNodePtr n) {
  jx_group *g = node(r, JX_NODE_GROUP, sizeof *g, n);
  g->medium_term = flag(r, n, "medium_term");
  g->flat = flag(r, n, "flat");
  xmlNodePtr c = first_child(n);
  g->level1 = word_of(r, c);
  if (g->flat != !strcmp(g->level1.text, "绩效指标"))
    fail(r, n, "%s", g->flat ? _("A flat table (flat=\"true\") has the KPI_LV1 绩效指标.")
                             : _("A group whose KPI_LV1 is 绩效指标 is a flat table: mark it "
                               "flat=\"true\" and leave out its rows' KPI_LV2."));
  for (xmlNodePtr k = next(c); k; k = next(k)) add(r, &g->rows, kpi(r, k, g->flat));
  return &g->base;
}

static jx_node *contact(reader *r, xmlNodePtr n) {
  jx_contact *ct = node(r, JX_NODE_CONTACT, sizeof *ct, n);
  xmlNodePtr c = first_child(n);
  ct->name = string_of(r, c);
  if (is(next(c), "CONTACT_PHONE")) {
    ct->phone = jx_arena_alloc(r->ctx->arena, sizeof *ct->phone);
    *ct->phone = string_of(r, next(c));
  }
  return &ct->base;
}

static jx_node *schedule(reader *r, xmlNodePtr n) {
  jx_schedule *s = node(r, JX_NODE_SCHEDULE, sizeof *s, n);
  for (xmlNodePtr st = first_child(n); st; st = next(st)) {
    jx_stage *stage = jx_arena_alloc(r->ctx->arena, sizeof *stage);
    stage->loc = at(r, st);
    xmlNodePtr c = first_child(st);
    stage->name = string_of(r, c);
    xmlNodePtr when = next(c);
    value(r, when, first_child(when), &stage->when);
    if (is(next(when), "STAGE_DESC")) {
      stage->description = jx_arena_alloc(r->ctx->arena, sizeof *stage->description);
      *stage->description = string_of(r, next(when));
    }
    add(r, &s->stages, stage);
  }
  return &s->base;
}

static jx_node *labelled(reader *r, xmlNodePtr n) {
  jx_labelled *l = node(r, JX_NODE_LABELLED, sizeof *l, n);
  l->label = string_of(r, first_child(n));
  l->text = string_of(r, next(first_child(n)));
  return &l->base;
}

/* One end of 项目期: a year (2024) or an ISO date (2024-07, 2024-07-01) that
 * exists, as the language reads them. */
static jx_name period_end(reader *r, xmlNodePtr n) {
  jx_name w = name_of(r, n);
  int y = 0, m = 0, d = 0, used = 0;
  size_t len = strlen(w.text);
  bool ok = len == 4 && sscanf(w.text, "%4d%n", &y, &used) == 1 && used == 4;
  if (!ok && len == 7) ok = sscanf(w.text, "%4d-%2d%n", &y, &m, &used) == 2 && used == 7;
  if (!ok && len == 10)
    ok = sscanf(w.text, "%4d-%2d-%2d%n", &y, &m, &d, &used) == 3 && used == 10;
  static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100) || y % 400 == 0;
  if (ok && (len > 4) && (m < 1 || m > 12)) ok = false;
  if (ok && len == 10 && (d < 1 || d > days[m - 1] || (m == 2 && !leap && d > 28)))
    ok = false;
  if (!ok)
    fail(r, n, "The project period end %s is neither a year (2024) nor a date that "
               "exists (2024-07 or 2024-07-01).", w.text);
  return w;
}

static jx_project *project(reader *r, xmlNodePtr n, jx_org *agency, jx_org *section) {
  jx_project *p = node(r, JX_NODE_PROJECT, sizeof *p, n);
  p->agency = agency;
  p->section = section;
  p->base.blank_before = true;
  jx_org *sup = NULL;
  for (xmlNodePtr c = first_child(n); c; c = next(c)) {
    jx_node *f = NULL;
    if (is(c, "PRO_CODE")) p->code = name_ptr(r, c);
    else if (is(c, "PRO_NAME")) p->name = string_of(r, c);
    else if (is(c, "PRO_CATEGORY")) f = text_item(r, JX_NODE_CATEGORY, c);
    else if (is(c, "PRO_TYPE")) f = text_item(r, JX_NODE_PROJECT_TYPE, c);
    else if (is(c, "PARENT_PRO_NAME")) f = text_item(r, JX_NODE_PARENT_PROJECT, c);
    else if (is(c, "PRO_PERIOD")) {
      jx_period *per = node(r, JX_NODE_PERIOD, sizeof *per, c);
      per->from = period_end(r, first_child(c));
      per->to = period_end(r, next(first_child(c)));
      f = &per->base;
    } else if (is(c, "SUP_DEPT_CODE") || is(c, "SUP_DEPT_NAME")) {
      if (!sup) {
        sup = node(r, JX_NODE_SUPERVISOR, sizeof *sup, c);
        f = &sup->base;
      }
      if (is(c, "SUP_DEPT_CODE")) sup->code = name_ptr(r, c);
      else sup->name = string_of(r, c);
    } else if (is(c, "IMPL_AGENCY")) f = text_item(r, JX_NODE_IMPLEMENTER, c);
    else if (is(c, "OVERSIGHT_AGENCY")) f = text_item(r, JX_NODE_OVERSIGHT, c);
    else if (is(c, "PRO_CONTACT")) f = contact(r, c);
    else if (is(c, "FUND_NATURE")) f = text_item(r, JX_NODE_FUNDS_NATURE, c);
    else if (is(c, "TOTAL_FUNDS")) f = budget(r, JX_NODE_TOTAL_FUNDS, c);
    else if (is(c, "BUDGET")) f = budget(r, JX_NODE_BUDGET, c);
    else if (is(c, "BUDGET_MT")) f = budget(r, JX_NODE_MEDIUM_BUDGET, c);
    else if (is(c, "FUND_USE")) f = text_item(r, JX_NODE_PURPOSE, c);
    else if (is(c, "PRO_OVERVIEW")) f = text_item(r, JX_NODE_OVERVIEW, c);
    else if (is(c, "PRO_LEGAL_BASIS")) f = text_item(r, JX_NODE_LEGAL_BASIS, c);
    else if (is(c, "SPEND_PLAN")) f = plan(r, c);
    else if (is(c, "PRO_SCHEDULE")) f = schedule(r, c);
    else if (is(c, "KPI_TARGET")) f = text_item(r, JX_NODE_TARGET, c);
    else if (is(c, "KPI_TARGET_MT")) f = text_item(r, JX_NODE_MEDIUM_TARGET, c);
    else if (is(c, "KPI_GROUP")) f = group(r, c);
    else if (is(c, "PRO_NOTES")) f = text_item(r, JX_NODE_NOTES, c);
    else if (is(c, "PRO_FIELD")) f = labelled(r, c);
    else if (is(c, "ALLOW")) f = &allow(r, c)->base;
    if (f) add(r, &p->fields, f);
  }
  return p;
}

static void projects(reader *r, xmlNodePtr c, jx_org *agency, jx_org *section,
                     jx_list *items) {
  for (; is(c, "PROJECT"); c = next(c)) {
    jx_project *p = project(r, c, agency, section);
    add(r, &agency->projects, p);
    if (section) add(r, &section->projects, p);
    add(r, items, p);
  }
}

/* A 单位 with its projects, then its 类别 lines (SECTION), each followed by
 * the projects under it: the order the source had. */
static void agency(reader *r, xmlNodePtr n, jx_list *items) {
  jx_org *a = node(r, JX_NODE_AGENCY, sizeof *a, n);
  a->base.blank_before = true;
  add(r, items, a);
  xmlNodePtr c = first_child(n);
  if (is(c, "AGENCY_CODE")) {
    a->code = name_ptr(r, c);
    c = next(c);
  }
  a->name = string_of(r, c);
  c = next(c);
  if (is(c, "AGENCY_TOTAL")) {
    a->total = jx_arena_alloc(r->ctx->arena, sizeof *a->total);
    *a->total = amount(r, c);
    c = next(c);
  }
  projects(r, c, a, NULL, items);
  while (is(c, "PROJECT")) c = next(c);
  for (; is(c, "SECTION"); c = next(c)) {
    jx_org *s = node(r, JX_NODE_SECTION, sizeof *s, c);
    s->base.blank_before = true;
    s->parent = a;
    add(r, items, s);
    xmlNodePtr k = first_child(c);
    s->name = string_of(r, k);
    k = next(k);
    if (is(k, "SECTION_TOTAL")) {
      s->total = jx_arena_alloc(r->ctx->arena, sizeof *s->total);
      *s->total = amount(r, k);
      k = next(k);
    }
    projects(r, k, a, s, items);
  }
}

/* --- reading ------------------------------------------------------------ */

struct validation {
  reader *r;
};

static void report_schema_error(void *data, xmlErrorPtr err) {
  reader *r = data;
  if (!err || !err->message) return;
  size_t n = strlen(err->message);
  while (n && err->message[n - 1] == '\n') n--;
  jx_diag *d = jx_report(r->ctx, JX_SEV_ERROR, "J311", line_loc(r->ctx, r->file, err->line),
                         "This document does not follow the jixiao exchange "
                         "format: %.*s", (int)n, err->message);
  jx_diag_hint(r->ctx, d, "The format is defined by schema/jixiao-1.xsd and "
                          "described in doc/xml-format.md.");
  r->ok = false;
}

static bool validate(reader *r, xmlDocPtr xml, const char *xsd_path, const char **why) {
  const char *schema_why = NULL;
  xmlSchemaParserCtxtPtr pctx = xmlSchemaNewParserCtxt(xsd_path);
  xmlSchemaPtr schema = pctx ? xmlSchemaParse(pctx) : NULL;
  xmlSchemaFreeParserCtxt(pctx);
  if (!schema) {
    schema_why = jx_arena_printf(r->ctx->arena, _("the schema %s cannot be read"), xsd_path);
    *why = schema_why;
    return false;
  }
  xmlSchemaValidCtxtPtr vctx = xmlSchemaNewValidCtxt(schema);
  xmlSchemaSetValidStructuredErrors(vctx, report_schema_error, r);
  xmlSchemaValidateDoc(vctx, xml);
  xmlSchemaFreeValidCtxt(vctx);
  xmlSchemaFree(schema);
  return true;
}

/* Exchange documents are UTF-8. A file declaring another encoding, or whose
 * bytes are not UTF-8, is refused here with the place and the reason, which
 * libxml2's own messages about encodings do not give. */
static bool utf8_document(jx_ctx *ctx, int file) {
  const jx_source *src = jx_ctx_source(ctx, file);
  const char *t = src->text;
  /* The encoding is decided first, over every byte: a NUL ends every
   * C-string search below, and UTF-16 without a byte order mark is made of
   * them (libxml2 would read it anyway, past the gates). */
  const char *nul = memchr(t, '\0', src->len);
  if (nul || (src->len >= 2 && (unsigned char)t[0] >= 0xFE && (unsigned char)t[1] >= 0xFE)) {
    bool utf16 = nul && (size_t)(nul - t) <= 1;
    int line = 1;
    for (const char *p = t; nul && p < nul; p++) line += *p == '\n';
    jx_diag *d = jx_report(ctx, JX_SEV_ERROR, "J310",
                           utf16 || !nul ? jx_loc_file(file) : line_loc(ctx, file, line),
                           utf16 || !nul ? N_("This XML file is saved as UTF-16 (or UTF-32); "
                                           "exchange documents are UTF-8.")
                                         : N_("This XML file contains a NUL byte, which is "
                                           "never part of an exchange document."));
    jx_diag_hint(ctx, d, utf16 || !nul ? N_("Convert it: iconv -f UTF-16 -t UTF-8 FILE > NEW, "
                                         "then declare encoding=\"UTF-8\".")
                                       : N_("The file is damaged or is not XML text."));
    return false;
  }
  if (!strncmp(t, "<?xml", 5)) {
    const char *end = strstr(t, "?>");
    const char *enc = strstr(t, "encoding");
    if (end && enc && enc < end) {
      const char *q = strpbrk(enc, "\"'");
      const char *close = q ? strchr(q + 1, *q) : NULL;
      if (q && close && close < end) {
        size_t n = (size_t)(close - q - 1);
        bool utf8 = (n == 5 && !strncasecmp(q + 1, "UTF-8", 5)) ||
                    (n == 4 && !strncasecmp(q + 1, "UTF8", 4));
        if (!utf8) {
          jx_diag *d = jx_report(ctx, JX_SEV_ERROR, "J310", line_loc(ctx, file, 1),
                                 "This XML document declares the encoding %.*s; "
                                 "exchange documents are UTF-8.", (int)n, q + 1);
          jx_diag_hint(ctx, d, "Convert the file to UTF-8 (iconv -f %.*s -t UTF-8) "
                               "and change the declaration to encoding=\"UTF-8\".",
                       (int)n, q + 1);
          return false;
        }
      }
    }
  }
  size_t bad = jx_utf8_invalid_at(t, src->len);
  if (bad == src->len) return true;
  int line = 1;
  for (size_t i = 0; i < bad; i++) line += t[i] == '\n';
  jx_diag *d = jx_report(ctx, JX_SEV_ERROR, "J310", line_loc(ctx, file, line),
                         "This XML file is not valid UTF-8: byte 0x%02X on this line "
                         "cannot start or continue a character.", (unsigned char)t[bad]);
  jx_diag_hint(ctx, d, "Exchange documents are UTF-8; convert the file, for example "
                       "with iconv -f GBK -t UTF-8.");
  return false;
}

jx_file *jx_xml_import(jx_ctx *ctx, const char *path, const char *xsd_path,
                       const char **why) {
  int file = jx_source_load(ctx, path, why);
  if (file < 0) return NULL;
  reader r = {ctx, file, true};
  const jx_source *src = jx_ctx_source(ctx, file);
  if (!utf8_document(ctx, file)) return NULL;
  /* Entities are how XML files reach the network or the disk (XXE) and how
   * they explode in memory ("billion laughs"); an exchange document needs
   * neither, so any DTD is refused before libxml2 sees it. The text has no
   * NUL (utf8_document), so the search sees all of it. */
  const char *dtd = strstr(src->text, "<!DOCTYPE");
  if (!dtd) dtd = strstr(src->text, "<!ENTITY");
  if (dtd) {
    int line = 1;
    for (const char *p = src->text; p < dtd; p++) line += *p == '\n';
    jx_diag *d = jx_report(ctx, JX_SEV_ERROR, "J310", line_loc(ctx, file, line),
                           "This XML document has a document type declaration "
                           "(DOCTYPE or ENTITY), which jxc refuses.");
    jx_diag_hint(ctx, d, "Exchange documents need no DTD; remove it. DTDs can make "
                         "a reader fetch files or expand entities without bound.");
    return NULL;
  }
  xmlParserCtxtPtr pctx = xmlNewParserCtxt();
  xmlDocPtr xml = xmlCtxtReadMemory(pctx, src->text, (int)src->len, path, NULL,
                                    XML_PARSE_NONET | XML_PARSE_NOBLANKS |
                                        XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (!xml) {
    xmlErrorPtr err = xmlCtxtGetLastError(pctx);
    int line = err ? err->line : 0;
    const char *msg = err && err->message ? err->message : "not well-formed\n";
    size_t n = strlen(msg);
    while (n && msg[n - 1] == '\n') n--;
    jx_diag *d = jx_report(ctx, JX_SEV_ERROR, "J310", line_loc(ctx, file, line),
                           "This file is not well-formed XML: %.*s", (int)n, msg);
    jx_diag_hint(ctx, d, "Check that the file is a complete jixiao exchange "
                         "document, as written by jxc build --format=xml.");
    xmlFreeParserCtxt(pctx);
    return NULL;
  }
  xmlFreeParserCtxt(pctx);
  jx_file *f = NULL;
  if (validate(&r, xml, xsd_path, why) && r.ok) {
    f = jx_arena_alloc(ctx->arena, sizeof *f);
    f->file = file;
    xmlNodePtr root = xmlDocGetRootElement(xml);
    for (xmlNodePtr n = first_child(root); n; n = next(n)) {
      if (is(n, "DOC_HEAD")) header(&r, n, &f->items);
      else if (is(n, "DEFINITIONS")) definitions(&r, n, &f->items);
      else if (is(n, "ALLOW")) add(&r, &f->items, allow(&r, n));
      else if (is(n, "DEPT_PERF")) part_one(&r, n, &f->items);
      else if (is(n, "AGENCY")) agency(&r, n, &f->items);
    }
    /* A blank line between the header, part one and definitions. */
    for (size_t i = 1; i < f->items.len; i++) {
      jx_node *a = f->items.items[i - 1], *b = f->items.items[i];
      bool header_a = a->kind <= JX_NODE_FRAMEWORK, header_b = b->kind <= JX_NODE_FRAMEWORK;
      if (header_a != header_b || b->kind == JX_NODE_SUB_TARGET) b->blank_before = true;
    }
    if (!r.ok) f = NULL;
  } else if (!*why) {
    *why = NULL;
  }
  xmlFreeDoc(xml);
  return f;
}
