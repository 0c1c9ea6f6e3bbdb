#include "format.h"

#include <string.h>

#include "diag.h"
#include "i18n.h"
#include "parse_state.h"
#include "utf8.h"

bool jx_is_bare_word(const char *s) {
  size_t len = strlen(s);
  if (!len) return false;
  /* What the scanner would cut: a placeholder it starts with (XX), or a
   * date word at 至 or - (7月至). */
  if (jx_placeholder_prefix(s, len)) return false;
  if (jx_date_word(s) && (strchr(s, '-') || strstr(s, "至"))) return false;
  for (size_t i = 0; i < len;) {
    int32_t cp;
    int n = jx_utf8_decode(s + i, len - i, &cp);
    if (!jx_utf8_is_word_cp(cp, i == 0)) return false;
    i += (size_t)n;
  }
  int relative;
  return jx_keyword_token(s, len, &relative) == 0;
}

/* A date as the form shows it: 2025年12月31日, 12月底, 2021年. An ISO
 * deadline reads "…前" (by that day). */
static const char *date_display(jx_arena *a, const jx_date *d, bool deadline) {
  const char *y = d->year ? jx_arena_printf(a, "%d年", d->year) : "";
  const char *rest = "";
  if (!d->month)
    rest = d->day ? jx_arena_printf(a, "%d日", d->day) : "";
  else if (d->day)
    rest = jx_arena_printf(a, "%d月%d日", d->month, d->day);
  else if (d->month_end || (d->style == JX_DATE_ISO && deadline))
    rest = jx_arena_printf(a, "%d月底", d->month);
  else
    rest = jx_arena_printf(a, "%d月", d->month);
  const char *wording = d->style == JX_DATE_ISO && !*d->wording ? (deadline ? "前" : "")
                                                                : d->wording;
  return jx_arena_join(a, y, rest, wording);
}

static const char *quantity_display(jx_arena *a, const jx_quantity *q) {
  return jx_arena_join(a, jx_sign_text(q->sign), q->number_text, q->unit.text);
}

const char *jx_value_display(jx_ctx *ctx, const jx_value *v) {
  jx_arena *a = ctx->arena;
  const char *s = "";
  switch (v->kind) {
    case JX_VALUE_QUANTITY:
      s = quantity_display(a, &v->quantity);
      break;
    case JX_VALUE_DEADLINE:
      s = date_display(a, &v->date, true);
      if (v->has_quantity)
        s = jx_arena_join(a, s, " ", quantity_display(a, &v->quantity));
      break;
    case JX_VALUE_PERIOD:
      s = jx_arena_printf(a, "%s至%s", date_display(a, &v->date, false),
                          date_display(a, &v->until, false));
      break;
    case JX_VALUE_MONTHLY:
      s = jx_arena_printf(a, "每月%d日%s", v->date.day, v->date.wording);
      break;
    case JX_VALUE_RELATIVE:
      s = jx_relative_text(v->relative);
      if (v->has_quantity)
        s = jx_arena_join(a, s, "", quantity_display(a, &v->quantity));
      break;
    case JX_VALUE_TEXT:
      return v->text.text;
    case JX_VALUE_NA:
      return "不涉及";
    case JX_VALUE_BLANK:
      return "";
  }
  return *v->wording ? jx_arena_join(a, s, "", v->wording) : s;
}

/* --- writer ------------------------------------------------------------ */

typedef struct writer {
  jx_ctx *ctx;
  FILE *out;
  bool ok;
  bool annotate_units;
} writer;

static void indent(writer *w, int depth) {
  for (int i = 0; i < depth; i++) fputs("  ", w->out);
}

/* Whether text can be written as a """ block that reads back identically. */
static bool block_safe(const char *t) {
  if (!strchr(t, '\n') || strstr(t, "\"\"\"") || strchr(t, '\r') || strchr(t, '\\'))
    return false;
  const char *line = t;
  for (;;) {
    if (*line == ' ' || *line == '\t') return false;
    const char *nl = strchr(line, '\n');
    if (!nl) break;
    line = nl + 1;
  }
  size_t n = strlen(t);
  return n && t[n - 1] != '\n' && t[n - 1] != '"';
}

static void string(writer *w, const char *t, int depth) {
  if (block_safe(t)) {
    fputs("\"\"\"\n", w->out);
    const char *line = t;
    for (;;) {
      const char *nl = strchr(line, '\n');
      size_t n = nl ? (size_t)(nl - line) : strlen(line);
      if (n) indent(w, depth + 1);
      fwrite(line, 1, n, w->out);
      fputc('\n', w->out);
      if (!nl) break;
      line = nl + 1;
    }
    indent(w, depth + 1);
    fputs("\"\"\"", w->out);
    return;
  }
  /* Runs of plain text at once: strings are most of what is written. */
  fputc('"', w->out);
  for (const char *p = t;;) {
    size_t run = strcspn(p, "\"\\\n\t");
    fwrite(p, 1, run, w->out);
    p += run;
    if (!*p) break;
    switch (*p++) {
      case '"': fputs("\\\"", w->out); break;
      case '\\': fputs("\\\\", w->out); break;
      case '\n': fputs("\\n", w->out); break;
      default: fputs("\\t", w->out); break;
    }
  }
  fputc('"', w->out);
}

/* A name that must be a word in the grammar (indicator levels, units);
 * what it is, marked N_(), for the message. */
static void word(writer *w, const jx_name *n, const char *what) {
  bool ok = !strcmp(n->text, "%");
  if (!ok) {
    ok = true;
    /* Compound units are words joined by '/'. */
    char *copy = jx_arena_strdup(w->ctx->arena, n->text);
    for (char *part = strtok(copy, "/"); part; part = strtok(NULL, "/"))
      if (!jx_is_bare_word(part)) ok = false;
  }
  if (!ok && w->ok) {
    int relative;
    bool keyword = jx_keyword_token(n->text, strlen(n->text), &relative) != 0;
    jx_diag *d = jx_report(w->ctx, JX_SEV_ERROR, "J300", n->loc,
                           "The %s \"%s\" cannot be written in jixiao: %s.", _(what),
                           n->text,
                           keyword ? _("it is a keyword of the language")
                                   : _("it must be a single word without digits or "
                                     "punctuation"));
    jx_diag_hint(w->ctx, d, "Rename it in the system that wrote the XML: a name "
                            "here is one word of letters, not a keyword.");
    w->ok = false;
  }
  fputs(n->text, w->out);
}

/* A name written bare when it can be, else quoted (funding sources). */
static void name_or_string(writer *w, const char *t) {
  if (jx_is_bare_word(t))
    fputs(t, w->out);
  else
    string(w, t, 0);
}

static void comment(writer *w, const jx_comment *c, int depth) {
  if (c->blank_before) fputc('\n', w->out);
  indent(w, depth);
  fprintf(w->out, "#%s\n", c->text);
}

static void leading(writer *w, const jx_node *n, int depth, bool first) {
  const jx_trivia *t = jx_trivia_of(n);
  if (n->blank_before && !first && !t->leading.len) fputc('\n', w->out);
  for (size_t i = 0; i < t->leading.len; i++) {
    const jx_comment *c = t->leading.items[i];
    if (i == 0 && n->blank_before && !first && !c->blank_before) fputc('\n', w->out);
    comment(w, c, depth);
  }
  indent(w, depth);
}

static void end_line(writer *w, const jx_comment *c) {
  if (c) fprintf(w->out, "  #%s", c->text);
  fputc('\n', w->out);
}

static void amount(writer *w, const jx_amount *a) {
  fputs(a->text, w->out);
  if (a->unit) {
    fputc(' ', w->out);
    word(w, a->unit, N_("unit"));
  }
}

static void sources(writer *w, const jx_list *l) {
  if (!l->len) return;
  fputs(" (", w->out);
  for (size_t i = 0; i < l->len; i++) {
    const jx_fund_source *s = l->items[i];
    if (i) fputs(", ", w->out);
    if (s->kind == JX_SOURCE_FISCAL)
      fputs("财政资金", w->out);
    else if (s->kind == JX_SOURCE_OTHER)
      fputs("其他资金", w->out);
    else
      name_or_string(w, s->name.text);
    if (s->amount) {
      fputc(' ', w->out);
      amount(w, s->amount);
    }
    sources(w, &s->parts);
  }
  fputc(')', w->out);
}

static const char *sign_source(jx_sign s) {
  switch (s) {
    case JX_SIGN_EQ: return "= ";
    case JX_SIGN_GE: return "≥ ";
    case JX_SIGN_GT: return "> ";
    case JX_SIGN_LE: return "≤ ";
    case JX_SIGN_LT: return "< ";
    case JX_SIGN_NONE: break;
  }
  return "";
}

static void quantity(writer *w, const jx_quantity *q) {
  fprintf(w->out, "%s%s", sign_source(q->sign), q->number_text);
  if (!*q->unit.text) return;
  if (strcmp(q->unit.text, "%")) fputc(' ', w->out);
  word(w, &q->unit, N_("unit"));
}

static void date(writer *w, const jx_date *d) {
  if (d->style == JX_DATE_ISO) {
    fprintf(w->out, "%04d-%02d", d->year, d->month);
    if (d->day) fprintf(w->out, "-%02d", d->day);
    fputs(d->wording, w->out);
    return;
  }
  if (d->year) fprintf(w->out, "%d年", d->year);
  if (d->month_end)
    fprintf(w->out, "%d月底", d->month);
  else if (d->month)
    fprintf(w->out, "%d月", d->month);
  if (d->day) fprintf(w->out, "%d日", d->day);
  fputs(d->wording, w->out);
}

/* Wording that follows a value: written as it was, attached or after one
 * space, so it reads back as the same wording. */
static void wording(writer *w, const char *text) {
  fputs(text, w->out);
}

static void value(writer *w, const jx_value *v) {
  switch (v->kind) {
    case JX_VALUE_QUANTITY: quantity(w, &v->quantity); break;
    case JX_VALUE_DEADLINE:
      fputs("截止 ", w->out);
      date(w, &v->date);
      if (v->has_quantity) {
        fputc(' ', w->out);
        quantity(w, &v->quantity);
      }
      break;
    case JX_VALUE_PERIOD:
      date(w, &v->date);
      fputs(" 至 ", w->out);
      date(w, &v->until);
      break;
    case JX_VALUE_MONTHLY:
      fprintf(w->out, "每月 %d日%s", v->date.day, v->date.wording);
      break;
    case JX_VALUE_RELATIVE:
      fputs(jx_relative_text(v->relative), w->out);
      if (v->has_quantity) {
        fputc(' ', w->out);
        quantity(w, &v->quantity);
      }
      break;
    case JX_VALUE_TEXT: string(w, v->text.text, 0); return;
    case JX_VALUE_NA: fputs("不涉及", w->out); return;
    case JX_VALUE_BLANK: fputs("空白", w->out); return;
  }
  wording(w, v->wording);
}

static void allow(writer *w, const jx_allow *a) {
  fputs("允许 ", w->out);
  for (size_t i = 0; i < a->codes.len; i++)
    fprintf(w->out, "%s%s", i ? ", " : "", ((const jx_name *)a->codes.items[i])->text);
  fputc(' ', w->out);
  string(w, a->reason.text, 0);
}

static void row(writer *w, const jx_row *r, int depth, bool first, bool flat) {
  leading(w, &r->base, depth, first);
  if (flat)
    fputs("指标", w->out);
  else
    word(w, &r->level2, N_("second-level indicator name"));
  if (r->not_applicable_row) {
    fputs(" 不涉及", w->out);
  } else {
    fputc(' ', w->out);
    if (r->blank_name)
      fputs("空白", w->out);
    else
      string(w, r->ordinal ? jx_arena_printf(w->ctx->arena, "%s%s", r->ordinal,
                                             r->name.text)
                           : r->name.text, depth);
    fputc(' ', w->out);
    value(w, &r->value);
  }
  if (r->long_term) {
    fputs("  长期 ", w->out);
    value(w, r->long_term);
  }
  if (r->description) {
    fputs("  描述 ", w->out);
    string(w, r->description->text, depth);
  }
  if (r->basis) {
    fputs("  依据 ", w->out);
    string(w, r->basis->text, depth);
  }
  if (r->standard) {
    fputs("  标准 ", w->out);
    string(w, r->standard->text, depth);
  }
  for (size_t i = 0; i < r->allows.len; i++) {
    fputs("  ", w->out);
    allow(w, r->allows.items[i]);
  }
  end_line(w, jx_trivia_of(&r->base)->trailing);
}

static void block_end(writer *w, const jx_node *n, int depth) {
  for (size_t i = 0; i < jx_trivia_of(n)->dangling.len; i++)
    comment(w, jx_trivia_of(n)->dangling.items[i], depth + 1);
  indent(w, depth);
  fputc('}', w->out);
  end_line(w, jx_trivia_of(n)->closing);
}

static void node(writer *w, const jx_node *n, int depth, bool first);

static void children(writer *w, const jx_list *l, int depth) {
  for (size_t i = 0; i < l->len; i++) node(w, l->items[i], depth, i == 0);
}

static void schedule(writer *w, const jx_schedule *s, int depth) {
  fputs("实施进度 {\n", w->out);
  for (size_t i = 0; i < s->stages.len; i++) {
    const jx_stage *st = s->stages.items[i];
    indent(w, depth + 1);
    string(w, st->name.text, depth + 1);
    fputc(' ', w->out);
    value(w, &st->when);
    if (st->description) {
      fputs("  描述 ", w->out);
      string(w, st->description->text, depth + 1);
    }
    fputc('\n', w->out);
  }
  indent(w, depth);
  fputc('}', w->out);
}

static void framework_def(writer *w, const jx_framework_def *f) {
  fputs("指标体系 ", w->out);
  string(w, f->name.text, 0);
  fputs(f->is_default ? " 默认 {\n" : " {\n", w->out);
  for (size_t i = 0; i < f->groups.len; i++) {
    const jx_fw_group *g = f->groups.items[i];
    indent(w, 1);
    word(w, &g->name, N_("first-level indicator name"));
    fputc(' ', w->out);
    word(w, &g->alias, N_("English name"));
    fputs(g->required ? " 必填 {\n" : " {\n", w->out);
    for (size_t k = 0; k < g->levels.len; k++) {
      const jx_fw_level *l = g->levels.items[k];
      indent(w, 2);
      word(w, &l->name, N_("second-level indicator name"));
      fputc(' ', w->out);
      word(w, &l->alias, N_("English name"));
      fputc('\n', w->out);
    }
    indent(w, 1);
    fputs("}\n", w->out);
  }
  fputc('}', w->out);
}

static void node(writer *w, const jx_node *n, int depth, bool first) {
  leading(w, n, depth, first);
  const char *kw = jx_node_keyword(n->kind);
  switch (n->kind) {
    case JX_NODE_DEPARTMENT:
    case JX_NODE_AGENCY:
    case JX_NODE_SECTION:
    case JX_NODE_SUPERVISOR: {
      const jx_org *o = (const jx_org *)n;
      fprintf(w->out, "%s ", kw);
      if (o->code) fprintf(w->out, "%s ", o->code->text);
      string(w, o->name.text, depth);
      if (o->total) {
        fputs(" 合计 ", w->out);
        amount(w, o->total);
      }
      break;
    }
    case JX_NODE_REGION:
    case JX_NODE_YEAR:
      fprintf(w->out, "%s %s", kw, ((const jx_name_item *)n)->value.text);
      break;
    case JX_NODE_MONEY_UNIT:
      fprintf(w->out, "%s ", kw);
      word(w, &((const jx_name_item *)n)->value, N_("money unit"));
      break;
    case JX_NODE_VALUE_SPELLING:
      fprintf(w->out, "%s ", kw);
      word(w, &((const jx_name_item *)n)->value, N_("value spelling"));
      break;
    case JX_NODE_COMPILED_BY:
    case JX_NODE_REVIEWED_BY:
    case JX_NODE_FRAMEWORK:
    case JX_NODE_IMPORT:
    case JX_NODE_OVERALL_TARGET:
    case JX_NODE_SUB_TARGET_TEXT:
    case JX_NODE_SUB_INDICATOR_TEXT:
    case JX_NODE_CATEGORY:
    case JX_NODE_IMPLEMENTER:
    case JX_NODE_PURPOSE:
    case JX_NODE_TARGET:
    case JX_NODE_MEDIUM_TARGET:
    case JX_NODE_OVERVIEW:
    case JX_NODE_LEGAL_BASIS:
    case JX_NODE_PROJECT_TYPE:
    case JX_NODE_FUNDS_NATURE:
    case JX_NODE_PARENT_PROJECT:
    case JX_NODE_OVERSIGHT:
    case JX_NODE_NOTES:
      fprintf(w->out, "%s ", kw);
      string(w, ((const jx_text_item *)n)->text.text, depth);
      break;
    case JX_NODE_ALLOW:
      allow(w, (const jx_allow *)n);
      break;
    case JX_NODE_CONTACT: {
      const jx_contact *c = (const jx_contact *)n;
      fputs("负责人 ", w->out);
      string(w, c->name.text, depth);
      if (c->phone) {
        fputs(" 电话 ", w->out);
        string(w, c->phone->text, depth);
      }
      break;
    }
    case JX_NODE_SCHEDULE:
      schedule(w, (const jx_schedule *)n, depth);
      break;
    case JX_NODE_LABELLED: {
      const jx_labelled *l = (const jx_labelled *)n;
      fputs("栏目 ", w->out);
      string(w, l->label.text, depth);
      fputc(' ', w->out);
      string(w, l->text.text, depth);
      break;
    }
    case JX_NODE_SOURCE_DEF: {
      const jx_source_def *d = (const jx_source_def *)n;
      fputs("资金来源 ", w->out);
      name_or_string(w, d->name.text);
      fputc(' ', w->out);
      word(w, &d->kind, N_("funding source kind"));
      break;
    }
    case JX_NODE_SUB_TARGET: {
      const jx_sub_target *s = (const jx_sub_target *)n;
      fputs("分项目标 ", w->out);
      string(w, s->title.text, depth);
      fputs(" {", w->out);
      end_line(w, jx_trivia_of(n)->trailing);
      children(w, &s->texts, depth + 1);
      block_end(w, n, depth);
      return;
    }
    case JX_NODE_SAFEGUARD: {
      const jx_safeguard *s = (const jx_safeguard *)n;
      fputs("保障措施 ", w->out);
      string(w, s->title.text, depth);
      fputc(' ', w->out);
      string(w, s->text.text, depth);
      break;
    }
    case JX_NODE_PROJECT: {
      const jx_project *p = (const jx_project *)n;
      fputs("项目 ", w->out);
      if (p->code) fprintf(w->out, "%s ", p->code->text);
      string(w, p->name.text, depth);
      fputs(" {", w->out);
      if (w->annotate_units && p->agency) {
        const jx_comment *c = jx_trivia_of(n)->trailing;
        const jx_org *u = p->agency;
        /* git shows at most 80 bytes of a hunk header: the unit's code
         * alone when it has one. */
        fprintf(w->out, "  #%s%s单位 %s", c ? c->text : "", c ? "  · " : " ",
                u->code ? u->code->text : u->name.text);
        fputc('\n', w->out);
      } else {
        end_line(w, jx_trivia_of(n)->trailing);
      }
      children(w, &p->fields, depth + 1);
      block_end(w, n, depth);
      return;
    }
    case JX_NODE_PERIOD: {
      const jx_period *p = (const jx_period *)n;
      fprintf(w->out, "项目期 %s 至 %s", p->from.text, p->to.text);
      break;
    }
    case JX_NODE_BUDGET:
    case JX_NODE_MEDIUM_BUDGET:
    case JX_NODE_TOTAL_FUNDS: {
      const jx_budget *b = (const jx_budget *)n;
      fprintf(w->out, "%s ", kw);
      amount(w, &b->amount);
      sources(w, &b->sources);
      break;
    }
    case JX_NODE_PLAN: {
      const jx_plan *p = (const jx_plan *)n;
      fputs("支出计划", w->out);
      for (size_t i = 0; i < p->entries.len; i++) {
        const jx_plan_entry *e = p->entries.items[i];
        fprintf(w->out, "%s %d%s %s%%", i ? "," : "", e->month,
                e->month_end ? "月底" : "月", e->percent_text);
      }
      break;
    }
    case JX_NODE_GROUP: {
      const jx_group *g = (const jx_group *)n;
      if (g->medium_term) fputs("中期 ", w->out);
      if (g->flat)
        fputs("绩效指标", w->out);
      else
        word(w, &g->level1, N_("first-level indicator name"));
      fputs(" {", w->out);
      end_line(w, jx_trivia_of(n)->trailing);
      for (size_t i = 0; i < g->rows.len; i++)
        row(w, g->rows.items[i], depth + 1, i == 0, g->flat);
      block_end(w, n, depth);
      return;
    }
    case JX_NODE_DIMENSION: {
      const jx_dimension *d = (const jx_dimension *)n;
      fputs("量纲 ", w->out);
      word(w, &d->name, N_("dimension name"));
      fputc(' ', w->out);
      word(w, &d->alias, N_("English name"));
      break;
    }
    case JX_NODE_UNIT_DEF: {
      const jx_unit_def *u = (const jx_unit_def *)n;
      if (u->of) {
        fputs("计量单位 ", w->out);
        word(w, &u->name, N_("unit"));
        fprintf(w->out, " = %s ", u->factor_text);
        word(w, u->of, N_("unit"));
      } else {
        fputs("计量单位 ", w->out);
        word(w, &u->name, N_("unit"));
        fputc(' ', w->out);
        word(w, u->dimension, N_("dimension name"));
        if (u->precision >= 0) fprintf(w->out, " 精度 %d", u->precision);
      }
      break;
    }
    case JX_NODE_FRAMEWORK_DEF:
      framework_def(w, (const jx_framework_def *)n);
      break;
    case JX_NODE_LOWER_IS_BETTER:
    case JX_NODE_RATIO_NAMES:
    case JX_NODE_NOT_RATIO_NAMES: {
      const jx_name_list *l = (const jx_name_list *)n;
      fprintf(w->out, "%s ", kw);
      for (size_t i = 0; i < l->names.len; i++) {
        if (i) fputs(", ", w->out);
        string(w, ((const jx_string *)l->names.items[i])->text, depth);
      }
      break;
    }
    case JX_NODE_ROW:
    case JX_NODE_KIND_COUNT:
      break;
  }
  end_line(w, jx_trivia_of(n)->trailing);
}

bool jx_format_file(jx_ctx *ctx, const jx_file *file, FILE *out) {
  jx_format_options opt = {0};
  return jx_format_file_with(ctx, file, &opt, out);
}

bool jx_format_items(jx_ctx *ctx, const jx_list *items, bool first, FILE *out) {
  writer w = {ctx, out, true, false};
  for (size_t i = 0; i < items->len; i++) node(&w, items->items[i], 0, first && i == 0);
  return w.ok;
}

bool jx_format_file_with(jx_ctx *ctx, const jx_file *file,
                         const jx_format_options *opt, FILE *out) {
  writer w = {ctx, out, true, opt->annotate_units};
  children(&w, &file->items, 0);
  for (size_t i = 0; i < file->dangling.len; i++) comment(&w, file->dangling.items[i], 0);
  return w.ok;
}
