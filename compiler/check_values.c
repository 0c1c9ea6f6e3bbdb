/* Value rules, which need no framework: numbers without a unit (J190),
 * empty cells (J191), unfilled template placeholders (J192) and periods
 * that end before they start (J156). Annual and long-term (长期) values
 * alike; the wording after a value is never read. */
#include <string.h>

#include "checker.h"
#include "format.h"
#include "i18n.h"
#include "utf8.h"

/* "the value of "名称"" or "the long-term (长期) value of …". */
static const char *value_of(jx_checker *c, const jx_row *r, bool long_term) {
  return jx_arena_printf(c->ctx->arena,
                         long_term ? _("long-term (长期) value of %s") : _("value of %s"),
                         jx_row_ref(c, r));
}

/* What a checked text or value is, for a message: fmt with one %s, filled
 * with the row's reference or with arg; fmt, and arg when it is the whole
 * description, are marked N_() and translated here. Built only when a finding is
 * reported: describing every row up front costs more than checking it. */
typedef struct what {
  const char *fmt; /* NULL: arg is the whole description */
  const jx_row *row;
  const char *arg;
} what;

static what plain(const char *text) { return (what){NULL, NULL, text}; }
static what of_row(const char *fmt, const jx_row *r) { return (what){fmt, r, NULL}; }
static what of_text(const char *fmt, const char *arg) { return (what){fmt, NULL, arg}; }

static const char *describe(jx_checker *c, what w) {
  if (!w.fmt) return _(w.arg);
  return jx_arena_printf(c->ctx->arena, _(w.fmt), w.row ? jx_row_ref(c, w.row) : w.arg);
}

static const char *level_row(jx_checker *c, const jx_row *r) {
  return *r->level2.text ? jx_arena_printf(c->ctx->arena, _("%s row"), r->level2.text)
                         : _("indicator row");
}

/* --- J190 ------------------------------------------------------------- */

/* What an indicator's name says about its unit: a fragment of the name and
 * the unit it suggests ("" for the document's money unit). The first
 * fragment the name contains wins. Ratios (率, 满意度) come from the
 * 比率指标 list of the library before these. */
static const struct {
  const char *fragment, *unit;
} unit_hints[] = {
    {"人次", "人次"}, {"次数", "次"}, {"场次", "场次"}, {"人数", "人"},
    {"户数", "户"},   {"件数", "件"}, {"个数", "个"},   {"套数", "套"},
    {"台数", "台"},   {"天数", "天"}, {"时长", "小时"}, {"面积", "平方米"},
    {"长度", "米"},   {"里程", "公里"}, {"年限", "年"}, {"成本", ""},
    {"资金", ""},     {"经费", ""},   {"费用", ""},     {"金额", ""},
    {"补贴", ""},     {"补助", ""},   {"投资", ""},     {"预算", ""},
};

/* The unit the value's row suggests and why, or NULL. */
static const char *suggest_unit(jx_checker *c, const jx_row *r, const jx_value *v,
                                const char **why) {
  const char *name = r->name.text, *fragment = NULL;
  if (jx_name_matches(&c->lib.frameworks.ratio_names, name, &fragment) &&
      !jx_name_matches(&c->lib.frameworks.not_ratio_names, name, NULL)) {
    *why = jx_arena_printf(c->ctx->arena, _("the name ends with %s, a ratio"), fragment);
    return "%";
  }
  /* 12月底前 100 到位: the share done by the deadline. */
  if (v->kind == JX_VALUE_DEADLINE) {
    *why = _("a quantity after a deadline is the share done by then");
    return "%";
  }
  for (size_t i = 0; i < sizeof unit_hints / sizeof unit_hints[0]; i++) {
    if (!strstr(name, unit_hints[i].fragment)) continue;
    *why = jx_arena_printf(c->ctx->arena, _("the name says %s"), unit_hints[i].fragment);
    /* 人均成本: money per person, in 元 whatever the document's 金额单位. */
    if (!*unit_hints[i].unit && strstr(name, "人均")) {
      *why = jx_arena_printf(c->ctx->arena, _("the name says 人均 and %s"),
                             unit_hints[i].fragment);
      return jx_units_find(&c->lib.units, "元") ? "元/人" : NULL;
    }
    const char *u = *unit_hints[i].unit ? unit_hints[i].unit
                                        : c->money ? c->money->name : "元";
    return jx_units_find(&c->lib.units, u) ? u : NULL;
  }
  return NULL;
}

static void check_unit_given(jx_checker *c, const jx_row *r, const jx_value *v,
                             bool long_term) {
  const jx_quantity *q = jx_value_quantity(v);
  /* A placeholder without a unit is an unfilled cell: J192 says so. */
  if (!q || *q->unit.text || q->placeholder) return;
  jx_diag *d = jx_report(c->ctx, JX_SEV_WARNING, "J190", v->loc,
                         "The %s is a number without a unit (%s).",
                         value_of(c, r, long_term), jx_value_display(c->ctx, v));
  const char *why = NULL;
  const char *unit = suggest_unit(c, r, v, &why);
  if (unit)
    jx_diag_hint(c->ctx, d, "Write the unit after the number: %s%s%s%s (%s). The "
                            "fiscal system stores a unit (计量单位) with every value.",
                 jx_sign_text(q->sign), q->number_text, strcmp(unit, "%") ? " " : "",
                 unit, why);
  else
    jx_diag_hint(c->ctx, d, "Write the unit after the number, such as %s%s 次, %s%s%% "
                            "or %s%s 万元: the fiscal system stores a unit (计量单位) "
                            "with every value.", jx_sign_text(q->sign), q->number_text,
                 jx_sign_text(q->sign), q->number_text, jx_sign_text(q->sign),
                 q->number_text);
}

/* --- J191 ------------------------------------------------------------- */

static void check_blanks(jx_checker *c, const jx_row *r) {
  bool blank_value = r->value.kind == JX_VALUE_BLANK;
  bool blank_long = r->long_term && r->long_term->kind == JX_VALUE_BLANK;
  if (r->blank_name && blank_value && (!r->long_term || blank_long)) {
    jx_diag *d = jx_report(c->ctx, JX_SEV_WARNING, "J191", r->base.loc,
                           "This %s is empty: it has neither a name nor a value.",
                           level_row(c, r));
    if (*r->level2.text)
      jx_diag_hint(c->ctx, d, "Fill in the indicator's name and target value, or "
                              "write %s 不涉及 if the category does not apply to "
                              "the project.", r->level2.text);
    else
      jx_diag_hint(c->ctx, d, "Fill in the indicator's name and target value, or "
                              "delete the row.");
    return;
  }
  if (r->blank_name) {
    jx_diag *d = jx_report(c->ctx, JX_SEV_WARNING, "J191", r->name.loc,
                           "A %s has a value (%s) but no name (空白).", level_row(c, r),
                           jx_value_display(c->ctx, blank_value && r->long_term
                                                        ? r->long_term
                                                        : &r->value));
    jx_diag_hint(c->ctx, d, "Write the indicator's name (三级指标) in quotes where "
                            "空白 stands, such as \"培训人次\".");
  }
  if (blank_value) {
    jx_diag *d = jx_report(c->ctx, JX_SEV_WARNING, "J191", r->value.loc,
                           "The indicator %s has no target value (空白).",
                           jx_row_ref(c, r));
    jx_diag_hint(c->ctx, d, "Fill in the target value, such as ≥ 95%% or 10 次; "
                            "write 不涉及 if the indicator does not apply.");
  }
  if (blank_long) {
    jx_diag *d = jx_report(c->ctx, JX_SEV_WARNING, "J191", r->long_term->loc,
                           "The indicator %s has no long-term (长期) value (空白).",
                           jx_row_ref(c, r));
    jx_diag_hint(c->ctx, d, "Fill in the long-term target, or leave 长期 out when "
                            "the indicator has none.");
  }
}

/* --- J192 ------------------------------------------------------------- */

static bool ascii_alnum(unsigned char ch) {
  return (ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z');
}

static bool chinese_numeral(int32_t cp) {
  static const char numerals[] = "〇零一二三四五六七八九十";
  char buf[4];
  int n = jx_utf8_encode(cp, buf);
  for (const char *p = numerals; *p; p += 3)
    if (n == 3 && !memcmp(p, buf, 3)) return true;
  return false;
}

/* Whether text holds any of the marks a placeholder is made of: *, X, x,
 * ＊ (EF BC 8A), × (C3 97), ○ (E2 97 8B) or 〇 (E3 80 87). One look at each
 * byte: most texts hold none, and are short. */
static bool has_placeholder_mark(const char *text) {
  for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
    switch (*p) {
      case '*':
      case 'X':
      case 'x': return true;
      case 0xEF:
        if (p[1] == 0xBC && p[2] == 0x8A) return true;
        break;
      case 0xC3:
        if (p[1] == 0x97) return true;
        break;
      case 0xE2:
        if (p[1] == 0x97 && p[2] == 0x8B) return true;
        break;
      case 0xE3:
        if (p[1] == 0x80 && p[2] == 0x87) return true;
        break;
      default: break;
    }
  }
  return false;
}

/* The first unfilled template placeholder in text: two or more of *, ＊,
 * X or x (not within a Latin word), ×, ○, or 〇 (not within a Chinese
 * numeral such as 二〇〇〇). Sets its byte offset and length. */
static bool find_placeholder(const char *text, size_t *offset, size_t *len) {
  if (!has_placeholder_mark(text)) return false;
  size_t n = strlen(text);
  for (size_t i = 0; i < n;) {
    int32_t cp;
    int w = jx_utf8_decode(text + i, n - i, &cp);
    bool latin = cp == 'X' || cp == 'x';
    if (cp == '*' || cp == 0xFF0A || latin || cp == 0xD7 || cp == 0x25CB || cp == 0x3007) {
      size_t j = i, count = 0;
      for (;;) {
        int32_t next;
        int nw = j < n ? jx_utf8_decode(text + j, n - j, &next) : 0;
        bool same = nw && (next == cp || (latin && (next == 'X' || next == 'x')) ||
                           (cp == '*' && next == 0xFF0A) || (cp == 0xFF0A && next == '*'));
        if (!same) break;
        j += (size_t)nw;
        count++;
      }
      bool ok = count >= 2;
      if (ok && latin)
        ok = (i == 0 || !ascii_alnum((unsigned char)text[i - 1])) &&
             (j == n || !ascii_alnum((unsigned char)text[j]));
      if (ok && cp == 0x3007) {
        int32_t before = 0, after = 0;
        if (i) {
          size_t s = i;
          do s--; while (s > 0 && ((unsigned char)text[s] & 0xC0) == 0x80);
          jx_utf8_decode(text + s, i - s, &before);
        }
        if (j < n) jx_utf8_decode(text + j, n - j, &after);
        ok = !chinese_numeral(before) && !chinese_numeral(after);
      }
      if (ok) {
        *offset = i;
        *len = j - i;
        return true;
      }
      i = j;
      continue;
    }
    i += (size_t)w;
  }
  return false;
}

static void check_text_placeholder(jx_checker *c, const jx_string *s, what w) {
  size_t offset, len;
  if (!s || !find_placeholder(s->text, &offset, &len)) return;
  const char *ph = jx_arena_strndup(c->ctx->arena, s->text + offset, len);
  jx_diag *d = jx_report(c->ctx, JX_SEV_WARNING, "J192",
                         jx_loc_in_string(s, offset, len),
                         "The %s still holds the template placeholder %s: \"%s\".",
                         describe(c, w), ph, s->text);
  jx_diag_hint(c->ctx, d, "Replace %s with the real text from the project's "
                          "documents; the published table would show it as it stands.",
               ph);
}

static void check_number_placeholder(jx_checker *c, const jx_row *r, const jx_value *v,
                                     bool long_term) {
  const jx_quantity *q = jx_value_quantity(v);
  if (!q || !q->placeholder) return;
  jx_diag *d = jx_report(c->ctx, JX_SEV_WARNING, "J192", v->loc,
                         "The %s is the template placeholder %s, not a number: %s.",
                         value_of(c, r, long_term), q->number_text,
                         jx_value_display(c->ctx, v));
  if (*q->unit.text)
    jx_diag_hint(c->ctx, d, "Replace %s with the target number.", q->number_text);
  else
    jx_diag_hint(c->ctx, d, "Replace %s with the target number and its unit.", q->number_text);
}

static void check_value_text(jx_checker *c, const jx_row *r, const jx_value *v,
                             bool long_term) {
  if (v->kind == JX_VALUE_TEXT)
    check_text_placeholder(c, &v->text, of_row(long_term ? N_("long-term (长期) value of %s")
                                                          : N_("value of %s"), r));
  else
    check_number_placeholder(c, r, v, long_term);
}

/* --- J156 ------------------------------------------------------------- */

/* A date as YYYYMMDD, the first day it covers (first) or the last; year 0
 * stands for year. */
static long date_number(const jx_date *d, int year, bool first) {
  int y = d->year ? d->year : year;
  int m = d->month ? d->month : first ? 1 : 12;
  int day = d->day ? d->day : first ? 1 : 31;
  return y * 10000L + m * 100L + day;
}

static void check_period(jx_checker *c, const jx_value *v, what whose) {
  if (v->kind != JX_VALUE_PERIOD) return;
  /* Without a year the start is in the budget year; the end without one
   * is in the start's year. */
  int start_year = v->date.year ? v->date.year : c->year;
  if (!start_year) return;
  if (date_number(&v->until, start_year, false) >= date_number(&v->date, start_year, true))
    return;
  jx_diag *d = jx_report(c->ctx, JX_SEV_ERROR, "J156", v->loc,
                         "The period %s of %s ends before it starts.",
                         jx_value_display(c->ctx, v), describe(c, whose));
  jx_diag_hint(c->ctx, d, "Write the start first, with its year where the end is "
                          "in another year: 2024年7月至2025年1月.");
}

/* --- walking the document ---------------------------------------------- */

static void check_row(jx_checker *c, const jx_row *r) {
  if (!r->not_applicable_row) check_text_placeholder(c, &r->name, plain(N_("indicator name")));
  check_blanks(c, r);
  const jx_value *values[2] = {&r->value, r->long_term};
  for (int i = 0; i < 2; i++) {
    const jx_value *v = values[i];
    if (!v) continue;
    check_unit_given(c, r, v, i == 1);
    check_value_text(c, r, v, i == 1);
    check_period(c, v, of_row(i ? N_("the long-term (长期) value of %s") : "%s", r));
  }
  check_text_placeholder(c, r->description, of_row(N_("description of %s"), r));
  check_text_placeholder(c, r->basis, of_row(N_("basis (依据) of %s"), r));
  check_text_placeholder(c, r->standard, of_row(N_("standard (标准) of %s"), r));
}

static void check_field(jx_checker *c, const jx_node *f) {
  switch (f->kind) {
    case JX_NODE_GROUP: {
      const jx_group *g = (const jx_group *)f;
      for (size_t r = 0; r < g->rows.len; r++) check_row(c, g->rows.items[r]);
      break;
    }
    case JX_NODE_PURPOSE:
    case JX_NODE_TARGET:
    case JX_NODE_MEDIUM_TARGET:
    case JX_NODE_OVERVIEW:
    case JX_NODE_LEGAL_BASIS:
    case JX_NODE_NOTES:
    case JX_NODE_CATEGORY:
    case JX_NODE_IMPLEMENTER:
    case JX_NODE_OVERSIGHT:
    case JX_NODE_PARENT_PROJECT:
    case JX_NODE_FUNDS_NATURE:
    case JX_NODE_PROJECT_TYPE:
      check_text_placeholder(c, &((const jx_text_item *)f)->text,
                             of_text(N_("%s text"), jx_node_keyword(f->kind)));
      break;
    case JX_NODE_CONTACT:
      check_text_placeholder(c, &((const jx_contact *)f)->name, plain(N_("负责人 text")));
      check_text_placeholder(c, ((const jx_contact *)f)->phone, plain(N_("电话 text")));
      break;
    case JX_NODE_LABELLED: {
      const jx_labelled *l = (const jx_labelled *)f;
      check_text_placeholder(c, &l->text, of_text(N_("cell \"%s\""), l->label.text));
      break;
    }
    case JX_NODE_SCHEDULE: {
      const jx_schedule *s = (const jx_schedule *)f;
      for (size_t i = 0; i < s->stages.len; i++) {
        const jx_stage *st = s->stages.items[i];
        check_period(c, &st->when, of_text(N_("the stage \"%s\""), st->name.text));
        check_text_placeholder(c, st->description,
                               of_text(N_("description of the stage \"%s\""), st->name.text));
      }
      break;
    }
    default:
      break;
  }
}

void jx_check_unit_values(jx_checker *c) {
  for (size_t i = 0; i < c->agencies.len; i++)
    check_text_placeholder(c, &((const jx_org *)c->agencies.items[i])->name,
                           plain(N_("budget unit name")));
}

void jx_check_values(jx_checker *c, const jx_list *projects) {
  for (size_t i = 0; i < projects->len; i++) {
    const jx_project *p = projects->items[i];
    check_text_placeholder(c, &p->name, plain(N_("project name")));
    for (size_t k = 0; k < p->fields.len; k++) check_field(c, p->fields.items[k]);
  }
}
