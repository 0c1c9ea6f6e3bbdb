#include "xml_read.h"

#include <errno.h>
#include <libxml/parser.h>
#include <libxml/xmlschemas.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "diag.h"
#include "format.h"
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

static const char *text(reader *r, xmlNodePtr n) {
  xmlChar *c = xmlNodeGetContent(n);
  const char *s = jx_arena_strdup(r->ctx->arena, c ? (const char *)c : "");
  xmlFree(c);
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
  it->value = name_of(r, n);
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
      d->name = name_of(r, c);
      d->alias = name_of(r, next(c));
      add(r, items, d);
    } else if (is(n, "UNIT_DEF")) {
      jx_unit_def *u = node(r, JX_NODE_UNIT_DEF, sizeof *u, n);
      u->name = name_of(r, c);
      u->precision = -1;
      xmlNodePtr k = next(c);
      if (is(k, "UNIT_DIM")) {
        u->dimension = name_ptr(r, k);
        if (is(next(k), "UNIT_PRECISION")) u->precision = number(r, next(k));
      } else {
        u->factor_text = text(r, k);
        u->factor = decimal(r, k, u->factor_text);
        u->of = name_ptr(r, next(k));
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
        fg->name = name_of(r, gc);
        fg->alias = name_of(r, next(gc));
        for (xmlNodePtr l = next(next(gc)); l; l = next(l)) {
          jx_fw_level *lv = jx_arena_alloc(r->ctx->arena, sizeof *lv);
          lv->name = name_of(r, first_child(l));
          lv->alias = name_of(r, next(first_child(l)));
          add(r, &fg->levels, lv);
        }
        add(r, &f->groups, fg);
      }
      add(r, items, f);
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
    s->name = name_of(r, next(k));
    if ((s->kind == JX_SOURCE_FISCAL && strcmp(s->name.text, "财政资金")) ||
        (s->kind == JX_SOURCE_OTHER && strcmp(s->name.text, "其他资金")))
      fail(r, n, "A funding source of kind fiscal is named 财政资金, and one of "
                 "kind other 其他资金; this one is named %s.", s->name.text);
    s->amount = jx_arena_alloc(r->ctx->arena, sizeof *s->amount);
    *s->amount = amount(r, next(next(k)));
    sources(r, next(next(next(k))), &s->parts);
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

/* The rules of a KPI the schema cannot state (doc/xml-format.md). */
static void kpi_rules(reader *r, xmlNodePtr n, const jx_row *row, bool has_number,
                      const char *sign, const char *written) {
  if (has_number == !strcmp(sign, "定性"))
    fail(r, n, "The sign %s does not fit the value: 定性 is for values without "
               "a number, and only for them.", sign);
  if (written && !strcmp(written, "false") && strcmp(sign, "＝"))
    fail(r, n, "written=\"false\" is only allowed on the sign ＝, not on %s.", sign);
  if (row->not_applicable_row &&
      (row->value.kind != JX_VALUE_NA || strcmp(row->name.text, "不涉及") ||
       row->description || row->basis || row->standard))
    fail(r, n, "%s", "A row marked na_row=\"true\" must be named 不涉及, hold KPI_NA "
                     "and nothing else.");
  const jx_date *d = &row->value.date;
  if (row->value.kind == JX_VALUE_DEADLINE && d->style == JX_DATE_ISO &&
      (!d->year || !d->month || *d->wording || d->month_end))
    fail(r, n, "%s", "An iso deadline has a year and a month, and no wording.");
  if (row->value.kind == JX_VALUE_DEADLINE && d->year && !d->month && d->day)
    fail(r, n, "%s", "A deadline with a year and a day also needs a month.");
  if ((row->value.kind == JX_VALUE_DEADLINE || row->value.kind == JX_VALUE_MONTHLY) &&
      !strncmp(d->wording, "底", strlen("底")) && !d->day)
    fail(r, n, "The wording %s cannot follow a month: write month_end=\"true\" "
               "instead of starting the wording with 底.", d->wording);
}

static jx_row *kpi(reader *r, xmlNodePtr n) {
  jx_row *row = node(r, JX_NODE_ROW, sizeof *row, n);
  row->not_applicable_row = flag(r, n, "na_row");
  xmlNodePtr c = first_child(n);
  row->level2 = name_of(r, c);
  c = next(c);
  row->name = string_of(r, c);
  c = next(c);
  if (is(c, "KPI_DESC")) {
    row->description = jx_arena_alloc(r->ctx->arena, sizeof(jx_string));
    *row->description = string_of(r, c);
    c = next(c);
  }
  const char *sign = text(r, c);
  const char *written = attr(r, c, "written");
  c = next(c);
  jx_value *v = &row->value;
  v->wording = "";
  v->loc = at(r, c);
  bool has_number = false;
  if (is(c, "KPI_RELATIVE")) {
    v->kind = JX_VALUE_RELATIVE;
    v->relative = relative_of(text(r, c));
    c = next(c);
  } else {
    v->kind = JX_VALUE_QUANTITY;
  }
  if (is(c, "KPI_VAL")) {
    has_number = true;
    v->has_quantity = v->kind == JX_VALUE_RELATIVE;
    v->quantity.number_text = text(r, c);
    v->quantity.number = decimal(r, c, v->quantity.number_text);
    v->quantity.sign = written && !strcmp(written, "false") ? JX_SIGN_NONE : sign_of(sign);
    v->quantity.unit = name_of(r, next(c));
    c = next(next(c));
  } else if (is(c, "KPI_DEADLINE")) {
    v->kind = JX_VALUE_DEADLINE;
    date(r, c, &v->date);
    const char *style = attr(r, c, "style");
    v->date.style = style && !strcmp(style, "iso") ? JX_DATE_ISO : JX_DATE_CHINESE;
    c = next(c);
  } else if (is(c, "KPI_MONTHLY")) {
    v->kind = JX_VALUE_MONTHLY;
    date(r, c, &v->date);
    c = next(c);
  } else if (is(c, "KPI_TEXT")) {
    v->kind = JX_VALUE_TEXT;
    v->text = string_of(r, c);
    c = next(c);
  } else if (is(c, "KPI_NA")) {
    v->kind = JX_VALUE_NA;
    c = next(c);
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
  c = next(c);
  if (is(c, "KPI_BASIS")) {
    row->basis = jx_arena_alloc(r->ctx->arena, sizeof(jx_string));
    *row->basis = string_of(r, c);
    c = next(c);
  }
  if (is(c, "KPI_STANDARD")) {
    row->standard = jx_arena_alloc(r->ctx->arena, sizeof(jx_string));
    *row->standard = string_of(r, c);
  }
  kpi_rules(r, n, row, has_number, sign, written);
  return row;
}

static jx_node *group(reader *r, xmlNodePtr n) {
  jx_group *g = node(r, JX_NODE_GROUP, sizeof *g, n);
  g->medium_term = flag(r, n, "medium_term");
  xmlNodePtr c = first_child(n);
  g->level1 = name_of(r, c);
  for (xmlNodePtr k = next(c); k; k = next(k)) add(r, &g->rows, kpi(r, k));
  return &g->base;
}

static jx_project *project(reader *r, xmlNodePtr n, jx_org *agency) {
  jx_project *p = node(r, JX_NODE_PROJECT, sizeof *p, n);
  p->agency = agency;
  p->base.trivia.blank_before = true;
  jx_org *sup = NULL;
  for (xmlNodePtr c = first_child(n); c; c = next(c)) {
    jx_node *f = NULL;
    if (is(c, "PRO_CODE")) p->code = name_ptr(r, c);
    else if (is(c, "PRO_NAME")) p->name = string_of(r, c);
    else if (is(c, "PRO_CATEGORY")) f = text_item(r, JX_NODE_CATEGORY, c);
    else if (is(c, "PRO_PERIOD")) {
      jx_period *per = node(r, JX_NODE_PERIOD, sizeof *per, c);
      per->from = name_of(r, first_child(c));
      per->to = name_of(r, next(first_child(c)));
      f = &per->base;
    } else if (is(c, "SUP_DEPT_CODE") || is(c, "SUP_DEPT_NAME")) {
      if (!sup) {
        sup = node(r, JX_NODE_SUPERVISOR, sizeof *sup, c);
        f = &sup->base;
      }
      if (is(c, "SUP_DEPT_CODE")) sup->code = name_ptr(r, c);
      else sup->name = string_of(r, c);
    } else if (is(c, "IMPL_AGENCY")) f = text_item(r, JX_NODE_IMPLEMENTER, c);
    else if (is(c, "BUDGET")) f = budget(r, JX_NODE_BUDGET, c);
    else if (is(c, "BUDGET_MT")) f = budget(r, JX_NODE_MEDIUM_BUDGET, c);
    else if (is(c, "FUND_USE")) f = text_item(r, JX_NODE_PURPOSE, c);
    else if (is(c, "SPEND_PLAN")) f = plan(r, c);
    else if (is(c, "KPI_TARGET")) f = text_item(r, JX_NODE_TARGET, c);
    else if (is(c, "KPI_TARGET_MT")) f = text_item(r, JX_NODE_MEDIUM_TARGET, c);
    else if (is(c, "KPI_GROUP")) f = group(r, c);
    if (f) add(r, &p->fields, f);
  }
  return p;
}

static void agency(reader *r, xmlNodePtr n, jx_list *items) {
  jx_org *a = node(r, JX_NODE_AGENCY, sizeof *a, n);
  a->base.trivia.blank_before = true;
  add(r, items, a);
  for (xmlNodePtr c = first_child(n); c; c = next(c)) {
    if (is(c, "AGENCY_CODE")) a->code = name_ptr(r, c);
    else if (is(c, "AGENCY_NAME")) a->name = string_of(r, c);
    else if (is(c, "AGENCY_TOTAL")) {
      a->total = jx_arena_alloc(r->ctx->arena, sizeof *a->total);
      *a->total = amount(r, c);
    } else if (is(c, "PROJECT")) {
      jx_project *p = project(r, c, a);
      add(r, &a->projects, p);
      add(r, items, p);
    }
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
    schema_why = jx_arena_printf(r->ctx->arena, "the schema %s cannot be read", xsd_path);
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
  /* Entities are how XML files reach the network or the disk (XXE) and how
   * they explode in memory ("billion laughs"); an exchange document needs
   * neither, so any DTD is refused before libxml2 sees it. */
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
  if (!utf8_document(ctx, file)) return NULL;
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
      else if (is(n, "DEPT_PERF")) part_one(&r, n, &f->items);
      else if (is(n, "AGENCY")) agency(&r, n, &f->items);
    }
    /* A blank line between the header, part one and definitions. */
    for (size_t i = 1; i < f->items.len; i++) {
      jx_node *a = f->items.items[i - 1], *b = f->items.items[i];
      bool header_a = a->kind <= JX_NODE_FRAMEWORK, header_b = b->kind <= JX_NODE_FRAMEWORK;
      if (header_a != header_b || b->kind == JX_NODE_SUB_TARGET) b->trivia.blank_before = true;
    }
    if (!r.ok) f = NULL;
  } else if (!*why) {
    *why = NULL;
  }
  xmlFreeDoc(xml);
  return f;
}
