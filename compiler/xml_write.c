/* The exchange XML, written as text straight from the syntax tree.
 *
 * The items are written in schema order (see "what goes where"),
 * appending the XML to a buffer of
 * JX_XML_CHUNK bytes that it hands to a sink whenever it is full:
 * jxc build's sink feeds each chunk to the schema validator (a SAX push
 * parser, below) and to the output file, so neither a DOM nor the whole
 * document is ever held in memory. The bytes are those libxml2's indented
 * output (xmlDocDumpFormatMemoryEnc) would give for the same document:
 * tests/unit/test_xml.c re-parses every document it builds with libxml2 and
 * compares its dump with what was written. */
#include "xml_write.h"

#include <libxml/parser.h>
#include <libxml/xmlschemas.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "format.h"
#include "i18n.h"
#include "parse.h"

/* --- the text ------------------------------------------------------------- */

typedef struct writer {
  jx_ctx *ctx;
  bool ok; /* nothing refused so far; once false, nothing more is reported or sent */
  jx_xml_sink sink;
  void *sink_data;
  char *buf;
  size_t len;
  int depth;        /* elements open */
  bool start_open;  /* the innermost one's start tag awaits its > or /> */
  jx_list open;     /* const char *: the tags of the elements open */
} writer;

static void flush(writer *w) {
  if (w->len && w->ok) w->sink(w->sink_data, w->buf, w->len);
  w->len = 0;
}

static void put_n(writer *w, const char *s, size_t n) {
  while (n > JX_XML_CHUNK - w->len) {
    size_t part = JX_XML_CHUNK - w->len;
    memcpy(w->buf + w->len, s, part);
    w->len += part;
    s += part;
    n -= part;
    flush(w);
  }
  memcpy(w->buf + w->len, s, n);
  w->len += n;
}

static void put_s(writer *w, const char *s) { put_n(w, s, strlen(s)); }

/* Two spaces a level, up to 30 levels (60 spaces), where libxml2 stops
 * indenting further (MAX_INDENT in its xmlsave.c). Only funding sources
 * nested 25 deep or more reach it. */
static void indent(writer *w, int depth) {
  static const char spaces[] = "                                                            ";
  put_n(w, spaces, depth < 30 ? 2 * (size_t)depth : sizeof spaces - 1);
}

/* XML 1.0 cannot carry most control characters, nor U+FFFE and U+FFFF;
 * report instead of writing a document no reader accepts. */
static void refuse(writer *w, unsigned cp, jx_loc loc) {
  if (w->ok) {
    jx_diag *d = cp < 0x20 ? jx_report(w->ctx, JX_SEV_ERROR, "J301", loc,
                                       "This text contains the control character "
                                       "U+%04X, which XML cannot carry.", cp)
                           : jx_report(w->ctx, JX_SEV_ERROR, "J301", loc,
                                       "This text contains the noncharacter U+%04X, "
                                       "which XML cannot carry.", cp);
    jx_diag_hint(w->ctx, d, "Remove the character from the text.");
  }
  w->ok = false;
}

/* Text as libxml2 escapes it: & < > and CR in content; also " and the
 * white-space controls in attribute values. One pass both escapes and
 * looks for what XML cannot carry (see refuse). */
static void put_text(writer *w, const char *text, bool attribute, jx_loc loc) {
  const unsigned char *s = (const unsigned char *)text, *run = s;
  for (;; s++) {
    unsigned char c = *s;
    /* Everything above '>' but 0xEF (which starts U+FFFE and U+FFFF) is
     * written as it is: letters, and every byte of CJK text. */
    if (c > '>' && c != 0xEF) continue;
    const char *rep = NULL;
    switch (c) {
      case '\0':
        put_n(w, (const char *)run, (size_t)(s - run));
        return;
      case '&': rep = "&amp;"; break;
      case '<': rep = "&lt;"; break;
      case '>': rep = "&gt;"; break;
      case '\r': rep = "&#13;"; break;
      case '"': if (attribute) rep = "&quot;"; break;
      case '\n': if (attribute) rep = "&#10;"; break;
      case '\t': if (attribute) rep = "&#9;"; break;
      case 0xEF: /* EF BF BE is U+FFFE, EF BF BF U+FFFF */
        if (s[1] == 0xBF && (s[2] == 0xBE || s[2] == 0xBF))
          refuse(w, s[2] == 0xBE ? 0xFFFE : 0xFFFF, loc);
        break;
      default:
        if (c < 0x20) refuse(w, c, loc);
        break;
    }
    if (!rep) continue;
    put_n(w, (const char *)run, (size_t)(s - run));
    put_s(w, rep);
    run = s + 1;
  }
}

/* The start tag of an element is finished by its first child (">") or by
 * its end ("/>"), whichever comes first. */
static void close_start(writer *w) {
  if (!w->start_open) return;
  put_n(w, ">\n", 2);
  w->start_open = false;
}

static void start(writer *w, const char *tag) {
  close_start(w);
  indent(w, w->depth);
  put_n(w, "<", 1);
  put_s(w, tag);
  jx_list_push(w->ctx->arena, &w->open, (void *)tag);
  w->depth++;
  w->start_open = true;
}

/* An attribute of the element just started. */
static void attr(writer *w, const char *name, const char *value, jx_loc loc) {
  put_n(w, " ", 1);
  put_s(w, name);
  put_n(w, "=\"", 2);
  put_text(w, value, true, loc);
  put_n(w, "\"", 1);
}

static void flag(writer *w, const char *name, bool on) {
  if (on) attr(w, name, "true", (jx_loc){0});
}

static void end(writer *w) {
  w->depth--;
  const char *tag = w->open.items[--w->open.len];
  if (w->start_open) {
    put_n(w, "/>\n", 3);
    w->start_open = false;
    return;
  }
  indent(w, w->depth);
  put_n(w, "</", 2);
  put_s(w, tag);
  put_n(w, ">\n", 2);
}

/* An element holding text, with at most one attribute; nothing when text
 * is NULL. Empty content is written <X/> (doc/xml-format.md, canonical
 * form). */
static void leaf_attr(writer *w, const char *tag, const char *text, jx_loc loc,
                      const char *attr_name, const char *attr_value) {
  if (!text) return;
  close_start(w);
  indent(w, w->depth);
  put_n(w, "<", 1);
  put_s(w, tag);
  if (attr_name) attr(w, attr_name, attr_value, loc);
  if (!*text) {
    put_n(w, "/>\n", 3);
    return;
  }
  put_n(w, ">", 1);
  put_text(w, text, false, loc);
  put_n(w, "</", 2);
  put_s(w, tag);
  put_n(w, ">\n", 2);
}

static void leaf(writer *w, const char *tag, const char *text, jx_loc loc) {
  leaf_attr(w, tag, text, loc, NULL, NULL);
}

static void leaf_int_flag(writer *w, const char *tag, int v, const char *flag_name, bool on) {
  char buf[16];
  snprintf(buf, sizeof buf, "%d", v);
  leaf_attr(w, tag, buf, (jx_loc){0}, on ? flag_name : NULL, "true");
}

static void leaf_int(writer *w, const char *tag, int v) {
  leaf_int_flag(w, tag, v, NULL, false);
}

/* An element with no content of its own. */
static void empty(writer *w, const char *tag) {
  start(w, tag);
  end(w);
}

/* --- the document ------------------------------------------------------------ */

static void amount(writer *w, const char *tag, const jx_amount *a) {
  if (!a) return;
  leaf_attr(w, tag, a->text, a->loc, a->unit ? "unit" : NULL,
            a->unit ? a->unit->text : NULL);
}

static void sources(writer *w, const jx_list *l) {
  for (size_t i = 0; i < l->len; i++) {
    const jx_fund_source *s = l->items[i];
    start(w, "FUND_SRC");
    leaf(w, "FUND_SRC_KIND",
         s->kind == JX_SOURCE_FISCAL ? "fiscal" : s->kind == JX_SOURCE_OTHER ? "other" : "named",
         s->name.loc);
    leaf(w, "FUND_SRC_NAME", s->name.text, s->name.loc);
    if (s->amount) amount(w, "FUND_SRC_AMT", s->amount);
    sources(w, &s->parts);
    end(w);
  }
}

/* The number of a quantity (or its placeholder) and its unit, which is left
 * out when the number was written without one. */
static void number(writer *w, const jx_quantity *q, jx_loc loc) {
  leaf(w, q->placeholder ? "KPI_PLACEHOLDER" : "KPI_VAL", q->number_text, loc);
  if (*q->unit.text) leaf(w, "KPI_UNIT", q->unit.text, q->unit.loc);
}

static const char *sign_xml(jx_sign s) {
  return s == JX_SIGN_NONE ? "＝" : jx_sign_text(s);
}

/* A date of a deadline or period: its parts, as written. */
static void date(writer *w, const char *tag, const jx_date *d) {
  start(w, tag);
  attr(w, "style", d->style == JX_DATE_ISO ? "iso" : "chinese", d->loc);
  if (d->year) leaf_int(w, "DL_YEAR", d->year);
  if (d->month) leaf_int_flag(w, "DL_MONTH", d->month, "month_end", d->month_end);
  if (d->day) leaf_int(w, "DL_DAY", d->day);
  if (*d->wording) leaf(w, "DL_WORDING", d->wording, d->loc);
  end(w);
}

/* A value (an indicator's, a long-term one, or a stage's WHEN), inside the
 * element open for it: the sign (定性 without a number), the structured
 * part, the wording after it, and the text the official form prints. A
 * blank cell has none but the empty display text. */
static void value(writer *w, const jx_value *v) {
  if (v->kind == JX_VALUE_BLANK) {
    empty(w, "KPI_BLANK");
  } else {
    bool has_number = v->kind == JX_VALUE_QUANTITY ||
                      ((v->kind == JX_VALUE_RELATIVE || v->kind == JX_VALUE_DEADLINE) &&
                       v->has_quantity);
    if (has_number)
      leaf_attr(w, "KPI_SIGN", sign_xml(v->quantity.sign), v->loc,
                v->quantity.sign == JX_SIGN_NONE ? "written" : NULL, "false");
    else
      leaf(w, "KPI_SIGN", "定性", v->loc);
    bool wording = true;
    switch (v->kind) {
      case JX_VALUE_QUANTITY:
        number(w, &v->quantity, v->loc);
        break;
      case JX_VALUE_RELATIVE:
        leaf(w, "KPI_RELATIVE", jx_relative_name(v->relative), v->loc);
        if (v->has_quantity) number(w, &v->quantity, v->loc);
        break;
      case JX_VALUE_DEADLINE:
        date(w, "KPI_DEADLINE", &v->date);
        if (v->has_quantity) number(w, &v->quantity, v->loc);
        break;
      case JX_VALUE_PERIOD:
        start(w, "KPI_PERIOD");
        date(w, "PERIOD_START", &v->date);
        date(w, "PERIOD_END", &v->until);
        end(w);
        break;
      case JX_VALUE_MONTHLY:
        start(w, "KPI_MONTHLY");
        leaf_int(w, "DL_DAY", v->date.day);
        if (*v->date.wording) leaf(w, "DL_WORDING", v->date.wording, v->loc);
        end(w);
        break;
      case JX_VALUE_TEXT:
        leaf(w, "KPI_TEXT", v->text.text, v->text.loc);
        wording = false;
        break;
      case JX_VALUE_NA:
        empty(w, "KPI_NA");
        wording = false;
        break;
      case JX_VALUE_BLANK: /* written above */
        break;
    }
    if (wording && *v->wording) leaf(w, "KPI_WORDING", v->wording, v->wording_loc);
  }
  leaf(w, "KPI_DISPLAY", jx_value_display(w->ctx, v), v->loc);
}

static void allow(writer *w, const jx_allow *a) {
  start(w, "ALLOW");
  for (size_t i = 0; i < a->codes.len; i++) {
    const jx_name *code = a->codes.items[i];
    leaf(w, "ALLOW_CODE", code->text, code->loc);
  }
  leaf(w, "ALLOW_REASON", a->reason.text, a->reason.loc);
  end(w);
}

static void kpi(writer *w, const jx_row *r) {
  start(w, "KPI");
  flag(w, "na_row", r->not_applicable_row);
  if (*r->level2.text) leaf(w, "KPI_LV2", r->level2.text, r->level2.loc);
  if (!r->blank_name) {
    if (r->ordinal) leaf(w, "KPI_ORDINAL", r->ordinal, r->name.loc);
    leaf(w, "KPI_NAME", r->name.text, r->name.loc);
  }
  if (r->description) leaf(w, "KPI_DESC", r->description->text, r->description->loc);
  value(w, &r->value);
  if (r->long_term) {
    start(w, "KPI_LONG_TERM");
    value(w, r->long_term);
    end(w);
  }
  if (r->basis) leaf(w, "KPI_BASIS", r->basis->text, r->basis->loc);
  if (r->standard) leaf(w, "KPI_STANDARD", r->standard->text, r->standard->loc);
  for (size_t i = 0; i < r->allows.len; i++) allow(w, r->allows.items[i]);
  end(w);
}


static void text_elem(writer *w, const char *tag, const jx_text_item *t) {
  if (t) leaf(w, tag, t->text.text, t->text.loc);
}

static void budget(writer *w, const char *tag, const jx_budget *b) {
  if (!b) return;
  start(w, tag);
  amount(w, "BGT_AMT", &b->amount);
  sources(w, &b->sources);
  end(w);
}

/* 实施进度: each stage with its name, when and description. */
static void schedule(writer *w, const jx_schedule *s) {
  if (!s) return;
  start(w, "PRO_SCHEDULE");
  for (size_t i = 0; i < s->stages.len; i++) {
    const jx_stage *st = s->stages.items[i];
    start(w, "STAGE");
    leaf(w, "STAGE_NAME", st->name.text, st->name.loc);
    start(w, "STAGE_WHEN");
    value(w, &st->when);
    end(w);
    if (st->description) leaf(w, "STAGE_DESC", st->description->text, st->description->loc);
    end(w);
  }
  end(w);
}

/* A project's fields in the order of the schema, whatever their order in
 * the source; repeated fields (groups, 栏目, 允许) keep theirs. */
static void project(writer *w, const jx_project *p) {
  /* The first field of each kind, found in one pass. */
  const jx_node *field[JX_NODE_KIND_COUNT] = {0};
  for (size_t i = p->fields.len; i-- > 0;) {
    const jx_node *f = p->fields.items[i];
    field[f->kind] = f;
  }
  start(w, "PROJECT");
  if (p->code) leaf(w, "PRO_CODE", p->code->text, p->code->loc);
  leaf(w, "PRO_NAME", p->name.text, p->name.loc);
  text_elem(w, "PRO_CATEGORY", (const jx_text_item *)field[JX_NODE_CATEGORY]);
  text_elem(w, "PRO_TYPE", (const jx_text_item *)field[JX_NODE_PROJECT_TYPE]);
  text_elem(w, "PARENT_PRO_NAME", (const jx_text_item *)field[JX_NODE_PARENT_PROJECT]);
  const jx_period *per = (const jx_period *)field[JX_NODE_PERIOD];
  if (per) {
    start(w, "PRO_PERIOD");
    leaf(w, "PERIOD_FROM", per->from.text, per->from.loc);
    leaf(w, "PERIOD_TO", per->to.text, per->to.loc);
    end(w);
  }
  const jx_org *sup = (const jx_org *)field[JX_NODE_SUPERVISOR];
  if (sup) {
    if (sup->code) leaf(w, "SUP_DEPT_CODE", sup->code->text, sup->code->loc);
    leaf(w, "SUP_DEPT_NAME", sup->name.text, sup->name.loc);
  }
  text_elem(w, "IMPL_AGENCY", (const jx_text_item *)field[JX_NODE_IMPLEMENTER]);
  text_elem(w, "OVERSIGHT_AGENCY", (const jx_text_item *)field[JX_NODE_OVERSIGHT]);
  const jx_contact *contact = (const jx_contact *)field[JX_NODE_CONTACT];
  if (contact) {
    start(w, "PRO_CONTACT");
    leaf(w, "CONTACT_NAME", contact->name.text, contact->name.loc);
    if (contact->phone) leaf(w, "CONTACT_PHONE", contact->phone->text, contact->phone->loc);
    end(w);
  }
  text_elem(w, "FUND_NATURE", (const jx_text_item *)field[JX_NODE_FUNDS_NATURE]);
  budget(w, "TOTAL_FUNDS", (const jx_budget *)field[JX_NODE_TOTAL_FUNDS]);
  budget(w, "BUDGET", (const jx_budget *)field[JX_NODE_BUDGET]);
  budget(w, "BUDGET_MT", (const jx_budget *)field[JX_NODE_MEDIUM_BUDGET]);
  text_elem(w, "FUND_USE", (const jx_text_item *)field[JX_NODE_PURPOSE]);
  text_elem(w, "PRO_OVERVIEW", (const jx_text_item *)field[JX_NODE_OVERVIEW]);
  text_elem(w, "PRO_LEGAL_BASIS", (const jx_text_item *)field[JX_NODE_LEGAL_BASIS]);
  const jx_plan *plan = (const jx_plan *)field[JX_NODE_PLAN];
  if (plan && plan->entries.len) {
    start(w, "SPEND_PLAN");
    for (size_t i = 0; i < plan->entries.len; i++) {
      const jx_plan_entry *e = plan->entries.items[i];
      start(w, "PLAN_ENTRY");
      leaf_int_flag(w, "PLAN_MONTH", e->month, "month_end", e->month_end);
      leaf(w, "PLAN_PCT", e->percent_text, e->loc);
      end(w);
    }
    end(w);
  }
  schedule(w, (const jx_schedule *)field[JX_NODE_SCHEDULE]);
  text_elem(w, "KPI_TARGET", (const jx_text_item *)field[JX_NODE_TARGET]);
  text_elem(w, "KPI_TARGET_MT", (const jx_text_item *)field[JX_NODE_MEDIUM_TARGET]);
  for (size_t i = 0; i < p->fields.len; i++) {
    const jx_node *f = p->fields.items[i];
    if (f->kind != JX_NODE_GROUP) continue;
    const jx_group *g = (const jx_group *)f;
    start(w, "KPI_GROUP");
    flag(w, "medium_term", g->medium_term);
    flag(w, "flat", g->flat);
    leaf(w, "KPI_LV1", g->level1.text, g->level1.loc);
    for (size_t k = 0; k < g->rows.len; k++) kpi(w, g->rows.items[k]);
    end(w);
  }
  text_elem(w, "PRO_NOTES", (const jx_text_item *)field[JX_NODE_NOTES]);
  for (size_t i = 0; i < p->fields.len; i++) {
    const jx_node *f = p->fields.items[i];
    if (f->kind != JX_NODE_LABELLED) continue;
    const jx_labelled *l = (const jx_labelled *)f;
    start(w, "PRO_FIELD");
    leaf(w, "FIELD_LABEL", l->label.text, l->label.loc);
    leaf(w, "FIELD_TEXT", l->text.text, l->text.loc);
    end(w);
  }
  for (size_t i = 0; i < p->fields.len; i++) {
    const jx_node *f = p->fields.items[i];
    if (f->kind == JX_NODE_ALLOW) allow(w, (const jx_allow *)f);
  }
  end(w);
}

/* --- what goes where ------------------------------------------------------------
 * The header, the definitions, the top-level allowances and part one are
 * gathered by kind first (one walk of the document), then part two is
 * written budget unit by budget unit in document order, each from its own
 * file: a 单位 line's projects are the ones after it in its file, up to the
 * file's next 单位 line, so writing a unit needs that file's tree only. */

typedef struct collected {
  jx_list by_kind[JX_NODE_KIND_COUNT]; /* header, definition, part-one items */
  jx_arena *arena;
} collected;

static void collect(jx_node *item, const jx_file *file, void *data) {
  (void)file;
  collected *c = data;
  if (item->kind != JX_NODE_AGENCY && item->kind != JX_NODE_SECTION &&
      item->kind != JX_NODE_PROJECT)
    jx_list_push(c->arena, &c->by_kind[item->kind], item);
}

static const jx_node *first(const collected *c, jx_node_kind k) {
  return c->by_kind[k].len ? c->by_kind[k].items[0] : NULL;
}

static void header(writer *w, const collected *c) {
  start(w, "DOC_HEAD");
  const jx_name_item *y = (const jx_name_item *)first(c, JX_NODE_YEAR);
  if (y) leaf(w, "FISCAL_YEAR", y->value.text, y->value.loc);
  const jx_name_item *r = (const jx_name_item *)first(c, JX_NODE_REGION);
  if (r) leaf(w, "MOF_DIV_CODE", r->value.text, r->value.loc);
  const jx_org *d = (const jx_org *)first(c, JX_NODE_DEPARTMENT);
  if (d) {
    if (d->code) leaf(w, "DEPT_CODE", d->code->text, d->code->loc);
    leaf(w, "DEPT_NAME", d->name.text, d->name.loc);
    amount(w, "DEPT_TOTAL", d->total);
  }
  const jx_name_item *m = (const jx_name_item *)first(c, JX_NODE_MONEY_UNIT);
  if (m) leaf(w, "MONEY_UNIT", m->value.text, m->value.loc);
  text_elem(w, "COMPILED_BY", (const jx_text_item *)first(c, JX_NODE_COMPILED_BY));
  text_elem(w, "REVIEWED_BY", (const jx_text_item *)first(c, JX_NODE_REVIEWED_BY));
  const jx_name_item *v = (const jx_name_item *)first(c, JX_NODE_VALUE_SPELLING);
  if (v) leaf(w, "VALUE_SPELLING", v->value.text, v->value.loc);
  text_elem(w, "KPI_FRAMEWORK", (const jx_text_item *)first(c, JX_NODE_FRAMEWORK));
  end(w);
}

static void definitions(writer *w, const collected *c) {
  const jx_node_kind kinds[] = {JX_NODE_DIMENSION, JX_NODE_UNIT_DEF, JX_NODE_FRAMEWORK_DEF,
                                JX_NODE_LOWER_IS_BETTER, JX_NODE_RATIO_NAMES,
                                JX_NODE_NOT_RATIO_NAMES, JX_NODE_SOURCE_DEF};
  size_t total = 0;
  for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) total += c->by_kind[kinds[i]].len;
  if (!total) return;
  start(w, "DEFINITIONS");
  const jx_list *l = &c->by_kind[JX_NODE_DIMENSION];
  for (size_t i = 0; i < l->len; i++) {
    const jx_dimension *d = l->items[i];
    start(w, "DIM_DEF");
    leaf(w, "DIM_NAME", d->name.text, d->name.loc);
    leaf(w, "DIM_ALIAS", d->alias.text, d->alias.loc);
    end(w);
  }
  l = &c->by_kind[JX_NODE_UNIT_DEF];
  for (size_t i = 0; i < l->len; i++) {
    const jx_unit_def *u = l->items[i];
    start(w, "UNIT_DEF");
    leaf(w, "UNIT_NAME", u->name.text, u->name.loc);
    if (u->of) {
      leaf(w, "UNIT_FACTOR", u->factor_text, u->base.loc);
      leaf(w, "UNIT_OF", u->of->text, u->of->loc);
    } else {
      leaf(w, "UNIT_DIM", u->dimension->text, u->dimension->loc);
      if (u->precision >= 0) leaf_int(w, "UNIT_PRECISION", u->precision);
    }
    end(w);
  }
  l = &c->by_kind[JX_NODE_FRAMEWORK_DEF];
  for (size_t i = 0; i < l->len; i++) {
    const jx_framework_def *f = l->items[i];
    start(w, "FRAMEWORK_DEF");
    flag(w, "default", f->is_default);
    leaf(w, "FW_NAME", f->name.text, f->name.loc);
    for (size_t k = 0; k < f->groups.len; k++) {
      const jx_fw_group *g = f->groups.items[k];
      start(w, "FW_LV1");
      flag(w, "required", g->required);
      leaf(w, "LV_NAME", g->name.text, g->name.loc);
      leaf(w, "LV_ALIAS", g->alias.text, g->alias.loc);
      for (size_t m = 0; m < g->levels.len; m++) {
        const jx_fw_level *lv = g->levels.items[m];
        start(w, "FW_LV2");
        leaf(w, "LV_NAME", lv->name.text, lv->name.loc);
        leaf(w, "LV_ALIAS", lv->alias.text, lv->alias.loc);
        end(w);
      }
      end(w);
    }
    end(w);
  }
  const struct { jx_node_kind kind; const char *tag; } lists[] = {
      {JX_NODE_LOWER_IS_BETTER, "LOWER_IS_BETTER"}, {JX_NODE_RATIO_NAMES, "RATIO_NAMES"},
      {JX_NODE_NOT_RATIO_NAMES, "NOT_RATIO_NAMES"}};
  for (size_t k = 0; k < sizeof lists / sizeof lists[0]; k++) {
    l = &c->by_kind[lists[k].kind];
    for (size_t i = 0; i < l->len; i++) {
      const jx_name_list *nl = l->items[i];
      start(w, lists[k].tag);
      for (size_t m = 0; m < nl->names.len; m++) {
        const jx_string *s = nl->names.items[m];
        leaf(w, "NAME_PART", s->text, s->loc);
      }
      end(w);
    }
  }
  l = &c->by_kind[JX_NODE_SOURCE_DEF];
  for (size_t i = 0; i < l->len; i++) {
    const jx_source_def *d = l->items[i];
    start(w, "FUND_SRC_DEF");
    leaf(w, "FUND_SRC_NAME", d->name.text, d->name.loc);
    leaf(w, "FUND_SRC_COLUMN", d->kind.text, d->kind.loc);
    end(w);
  }
  end(w);
}

static void part_one(writer *w, const collected *c) {
  const jx_text_item *ot = (const jx_text_item *)first(c, JX_NODE_OVERALL_TARGET);
  const jx_list *subs = &c->by_kind[JX_NODE_SUB_TARGET];
  const jx_list *sgs = &c->by_kind[JX_NODE_SAFEGUARD];
  if (!ot && !subs->len && !sgs->len) return;
  start(w, "DEPT_PERF");
  text_elem(w, "KPI_TARGET", ot);
  for (size_t i = 0; i < subs->len; i++) {
    const jx_sub_target *s = subs->items[i];
    start(w, "SUB_TARGET");
    leaf(w, "SUB_TARGET_TITLE", s->title.text, s->title.loc);
    for (size_t k = 0; k < s->texts.len; k++) {
      const jx_text_item *t = s->texts.items[k];
      text_elem(w, t->base.kind == JX_NODE_SUB_TARGET_TEXT ? "SUB_TARGET_TEXT" : "SUB_KPI_TEXT", t);
    }
    end(w);
  }
  for (size_t i = 0; i < sgs->len; i++) {
    const jx_safeguard *s = sgs->items[i];
    start(w, "SAFEGUARD");
    leaf(w, "SAFEGUARD_TITLE", s->title.text, s->title.loc);
    leaf(w, "SAFEGUARD_TEXT", s->text.text, s->text.loc);
    end(w);
  }
  end(w);
}

/* A 类别 line before any 单位 line of its file cannot be written (the
 * schema keeps every 类别 inside its 单位): the first such in document
 * order, or NULL. */
struct orphans {
  unsigned char *has_unit; /* by file index */
  int n;
  const jx_org *first;
};

static void find_orphan(jx_node *item, const jx_file *file, void *data) {
  struct orphans *o = data;
  if (o->first || file->file < 0 || file->file >= o->n) return;
  if (item->kind == JX_NODE_AGENCY) o->has_unit[file->file] = 1;
  if (item->kind == JX_NODE_SECTION && !o->has_unit[file->file]) o->first = (const jx_org *)item;
}

static void report_orphan(writer *w, const jx_org *section) {
  if (w->ok) {
    jx_diag *d = jx_report(w->ctx, JX_SEV_ERROR, "J302", section->base.loc,
                           "The 类别 line \"%s\" stands before any budget unit "
                           "(单位) in its file, and the exchange XML keeps every "
                           "类别 inside the 单位 it belongs to.", section->name.text);
    jx_diag_hint(w->ctx, d, "Move the 类别 line below the 单位 line whose "
                            "projects it groups, or delete it.");
  }
  w->ok = false;
}

/* Reports J302 when doc has such a 类别 line; false then. */
static bool no_orphan(writer *w, const jx_document *doc) {
  struct orphans o = {.n = 1};
  for (size_t i = 0; i < doc->files.len; i++) {
    const jx_file *f = doc->files.items[i];
    if (f->file >= o.n) o.n = f->file + 1;
  }
  o.has_unit = calloc((size_t)o.n, 1);
  if (!o.has_unit) abort();
  jx_document_items(doc, find_orphan, &o);
  free(o.has_unit);
  if (!o.first) return true;
  report_orphan(w, o.first);
  return false;
}

/* Writes the AGENCY of the 单位 line at f->items[at]: the projects after
 * it in f up to f's next 单位 line, those before its first 类别 line, then
 * each 类别 line with the projects under it (a project belongs to the last
 * 类别 line before it since its 单位: the parser sets p->section so).
 * Returns the index of f's next 单位 line, or the number of items. */
static size_t unit(writer *w, const jx_file *f, size_t at) {
  const jx_org *org = f->items.items[at];
  start(w, "AGENCY");
  if (org->code) leaf(w, "AGENCY_CODE", org->code->text, org->code->loc);
  leaf(w, "AGENCY_NAME", org->name.text, org->name.loc);
  amount(w, "AGENCY_TOTAL", org->total);
  bool in_section = false;
  size_t i = at + 1;
  for (; i < f->items.len && w->ok; i++) {
    const jx_node *n = f->items.items[i];
    if (n->kind == JX_NODE_AGENCY) break;
    if (n->kind == JX_NODE_PROJECT) {
      project(w, (const jx_project *)n);
    } else if (n->kind == JX_NODE_SECTION) {
      const jx_org *s = (const jx_org *)n;
      if (in_section) end(w);
      start(w, "SECTION");
      leaf(w, "SECTION_NAME", s->name.text, s->name.loc);
      amount(w, "SECTION_TOTAL", s->total);
      in_section = true;
    }
  }
  if (in_section) end(w);
  end(w);
  return i;
}

static writer *writer_new(jx_ctx *ctx, jx_xml_sink sink, void *data) {
  writer *w = calloc(1, sizeof *w);
  if (!w) abort();
  *w = (writer){.ctx = ctx, .ok = true, .sink = sink, .sink_data = data};
  w->buf = malloc(JX_XML_CHUNK);
  if (!w->buf) abort();
  return w;
}

/* Everything before part two. */
static void head(writer *w, const jx_document *doc) {
  collected c = {.arena = w->ctx->arena};
  jx_document_items(doc, collect, &c);
  put_s(w, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  start(w, "PERF_TARGET_DOC");
  attr(w, "xmlns", JX_XML_NAMESPACE, (jx_loc){0});
  attr(w, "version", "1", (jx_loc){0});
  header(w, &c);
  definitions(w, &c);
  const jx_list *allows = &c.by_kind[JX_NODE_ALLOW];
  for (size_t i = 0; i < allows->len; i++) allow(w, allows->items[i]);
  part_one(w, &c);
}

static bool writer_finish(writer *w) {
  end(w);
  flush(w);
  bool ok = w->ok;
  free(w->buf);
  free(w);
  return ok;
}

/* The whole document's part two: each 单位 line met in document order is
 * found in its file's items from where the last one of that file ended. */
struct units {
  writer *w;
  size_t *next; /* by file index: where to look for its next 单位 line */
};

static void write_unit(jx_node *item, const jx_file *file, void *data) {
  struct units *u = data;
  if (item->kind != JX_NODE_AGENCY || !u->w->ok) return;
  size_t i = u->next[file->file];
  while (i < file->items.len && file->items.items[i] != item) i++;
  if (i < file->items.len) u->next[file->file] = unit(u->w, file, i);
}

bool jx_xml_write(jx_ctx *ctx, const jx_document *doc, jx_xml_sink sink, void *data) {
  writer *w = writer_new(ctx, sink, data);
  head(w, doc);
  if (no_orphan(w, doc)) {
    size_t nfiles = ctx->sources.len ? ctx->sources.len : 1;
    struct units u = {w, calloc(nfiles, sizeof(size_t))};
    if (!u.next) abort();
    jx_document_items(doc, write_unit, &u);
    free(u.next);
  }
  return writer_finish(w);
}

/* --- a document followed as it is read ------------------------------------------ */

typedef struct following {
  writer *w;
  jx_xml_next_event next;
  void *events;
  bool cancelled;
  bool head_ok;      /* nothing refused before part two */
  size_t part_two;   /* the writer's findings from here on are part two's */
  bool orphan;       /* a 类别 line before any 单位 line of its file */
  jx_list arenas;    /* jx_arena *, by depth of imports */
} following;

static jx_xml_event next_event(following *f) {
  if (f->cancelled) return (jx_xml_event){.kind = JX_XML_CANCEL};
  jx_xml_event ev = f->next(f->events);
  if (ev.kind == JX_XML_CANCEL) f->cancelled = true;
  return ev;
}

/* The first 类别 line before any 单位 line of its file: the whole
 * document's writer finds it before part two and reports only it (J302),
 * so what part two reported before it is taken back. */
static void orphan_met(following *f, const jx_org *section) {
  f->orphan = true;
  if (!f->head_ok) return;
  f->w->ctx->diags.len = f->part_two;
  f->w->ok = true;
  report_orphan(f->w, section);
}

/* Parses the file of ev again and writes its units where they stand,
 * following the events into the files it imports. */
static void follow_file(following *f, const jx_xml_event *ev, size_t depth) {
  writer *w = f->w;
  while (f->arenas.len <= depth) {
    jx_arena *a = jx_arena_new();
    if (!a) abort();
    jx_list_push(w->ctx->arena, &f->arenas, a);
  }
  jx_arena *a = f->arenas.items[depth];
  jx_arena_reset(a);
  const jx_file *tree = jx_parse_source(w->ctx, ev->file, ev->src, a);
  if (!depth) {
    jx_document root = {0};
    jx_list_push(a, &root.files, (void *)tree);
    jx_list_push(a, &root.roots, (void *)tree);
    head(w, &root);
    f->head_ok = w->ok;
    f->part_two = w->ctx->diags.len;
  }
  bool has_unit = false;
  for (size_t i = 0; i < tree->items.len && !f->cancelled; i++) {
    const jx_node *n = tree->items.items[i];
    if (n->kind == JX_NODE_AGENCY) {
      has_unit = true;
      /* A unit's element takes its projects from further on in the file;
       * the imports among them are followed where they stand all the same. */
      if (w->ok && !f->orphan) unit(w, tree, i);
    } else if (n->kind == JX_NODE_SECTION && !has_unit && !f->orphan) {
      orphan_met(f, (const jx_org *)n);
    } else if (n->kind == JX_NODE_IMPORT) {
      jx_xml_event child = next_event(f);
      if (child.kind == JX_XML_FILE) {
        follow_file(f, &child, depth + 1);
        next_event(f); /* this import's IMPORT_DONE, or CANCEL */
      }
    }
  }
}

bool jx_xml_write_following(jx_ctx *ctx, jx_xml_next_event next, void *events,
                            jx_xml_sink sink, void *data, bool *cancelled) {
  following f = {.next = next, .events = events};
  jx_xml_event root = next_event(&f);
  if (root.kind != JX_XML_FILE) {
    *cancelled = true;
    return false;
  }
  f.w = writer_new(ctx, sink, data);
  follow_file(&f, &root, 0);
  if (next_event(&f).kind != JX_XML_END) f.cancelled = true;
  if (f.cancelled) f.w->ok = false;
  for (size_t i = 0; i < f.arenas.len; i++) jx_arena_free(f.arenas.items[i]);
  *cancelled = f.cancelled;
  return writer_finish(f.w);
}

typedef struct text_buf {
  char *data;
  size_t len, cap;
} text_buf;

static void to_text(void *data, const char *bytes, size_t len) {
  text_buf *b = data;
  if (b->len + len + 1 > b->cap) {
    size_t cap = b->cap ? b->cap : JX_XML_CHUNK;
    while (cap < b->len + len + 1) cap *= 2;
    b->data = realloc(b->data, cap);
    if (!b->data) abort();
    b->cap = cap;
  }
  memcpy(b->data + b->len, bytes, len);
  b->len += len;
}

char *jx_xml_text(jx_ctx *ctx, const jx_document *doc, size_t *len) {
  text_buf b = {0};
  if (!jx_xml_write(ctx, doc, to_text, &b)) {
    free(b.data);
    return NULL;
  }
  b.data[b.len] = '\0';
  *len = b.len;
  return b.data;
}

/* --- validation -------------------------------------------------------------
 * The text is parsed by a libxml2 push parser that builds nothing: its SAX
 * events go only to the schema validator plugged into it (xmlSchemaSAXPlug,
 * as xmlSchemaValidateStream does for a whole input), so validating costs
 * the same memory for any size of document. */

/* Messages kept, at most; the rest are counted. */
#define MAX_MESSAGES 20

struct messages {
  jx_ctx *ctx;
  const char *text;
  int count;
};

static void collect_error(void *data, xmlErrorPtr err) {
  struct messages *m = data;
  if (!err || !err->message) return;
  if (++m->count > MAX_MESSAGES) return;
  size_t n = strlen(err->message);
  while (n && err->message[n - 1] == '\n') n--;
  m->text = jx_arena_printf(m->ctx->arena, _("%s%sline %d: %.*s"), m->text,
                            *m->text ? "\n" : "", err->line, (int)n, err->message);
}

static const char *messages_text(struct messages *m) {
  if (m->count > MAX_MESSAGES)
    return jx_arena_printf(m->ctx->arena,
                           P_("%s\n(%d more message)", "%s\n(%d more messages)",
                              m->count - MAX_MESSAGES),
                           m->text, m->count - MAX_MESSAGES);
  return m->text;
}

struct jx_xml_schema {
  xmlSchemaPtr schema;
};

jx_xml_schema *jx_xml_schema_load(jx_ctx *ctx, const char *xsd_path, const char **why) {
  struct messages m = {ctx, "", 0};
  xmlSchemaParserCtxtPtr pctx = xmlSchemaNewParserCtxt(xsd_path);
  xmlSchemaSetParserStructuredErrors(pctx, collect_error, &m);
  xmlSchemaPtr schema = xmlSchemaParse(pctx);
  xmlSchemaFreeParserCtxt(pctx);
  if (!schema) {
    *why = jx_arena_printf(ctx->arena, _("the schema %s cannot be read:\n%s"), xsd_path,
                           messages_text(&m));
    return NULL;
  }
  jx_xml_schema *s = jx_arena_alloc(ctx->arena, sizeof *s);
  s->schema = schema;
  return s;
}

void jx_xml_schema_free(jx_xml_schema *schema) {
  if (schema) xmlSchemaFree(schema->schema);
}

struct jx_xml_validation {
  struct messages m;
  xmlSchemaValidCtxtPtr vctxt;
  xmlParserCtxtPtr pctxt;
  xmlSAXHandlerPtr own_sax; /* the parser's, put back before it is freed */
  xmlSchemaSAXPlugPtr plug;
};

/* Where the validator's messages are: the parser's line. */
static int locate(void *data, const char **file, unsigned long *line) {
  xmlParserCtxtPtr pctxt = data;
  *file = NULL;
  *line = pctxt->input ? (unsigned long)pctxt->input->line : 0;
  return 0;
}

/* The parser reports what is not well-formed through the thread's
 * structured error handler: ours while it runs. */
static void parse(jx_xml_validation *v, const char *bytes, size_t len, bool last) {
  xmlStructuredErrorFunc saved = xmlStructuredError;
  void *saved_data = xmlStructuredErrorContext;
  xmlSetStructuredErrorFunc(&v->m, collect_error);
  while (len > (size_t)1 << 30) {
    xmlParseChunk(v->pctxt, bytes, 1 << 30, 0);
    bytes += (size_t)1 << 30;
    len -= (size_t)1 << 30;
  }
  xmlParseChunk(v->pctxt, bytes, (int)len, last);
  xmlSetStructuredErrorFunc(saved_data, saved);
}

jx_xml_validation *jx_xml_validation_start(jx_ctx *ctx, jx_xml_schema *schema) {
  jx_xml_validation *v = calloc(1, sizeof *v);
  if (!v) abort();
  v->m = (struct messages){ctx, "", 0};
  v->vctxt = xmlSchemaNewValidCtxt(schema->schema);
  v->pctxt = xmlCreatePushParserCtxt(NULL, NULL, NULL, 0, NULL);
  if (!v->vctxt || !v->pctxt) abort();
  xmlSchemaSetValidStructuredErrors(v->vctxt, collect_error, &v->m);
  xmlSchemaValidateSetLocator(v->vctxt, locate, v->pctxt);
  /* Without XML_PARSE_HUGE a text of over 10 MB would fail to parse. */
  xmlCtxtUseOptions(v->pctxt, XML_PARSE_NONET | XML_PARSE_HUGE);
  /* No tree: without a SAX handler of its own the parser sends its events
   * to the validator alone. */
  v->own_sax = v->pctxt->sax;
  v->pctxt->sax = NULL;
  v->plug = xmlSchemaSAXPlug(v->vctxt, &v->pctxt->sax, &v->pctxt->userData);
  if (!v->plug) abort();
  return v;
}

void jx_xml_validation_feed(jx_xml_validation *v, const char *bytes, size_t len) {
  parse(v, bytes, len, false);
}

bool jx_xml_validation_finish(jx_xml_validation *v, const char **why) {
  parse(v, NULL, 0, true);
  bool ok = v->pctxt->wellFormed && xmlSchemaIsValid(v->vctxt) == 1;
  xmlSchemaSAXUnplug(v->plug);
  v->pctxt->sax = v->own_sax;
  xmlFreeParserCtxt(v->pctxt);
  xmlSchemaFreeValidCtxt(v->vctxt);
  if (!ok) *why = v->m.count ? messages_text(&v->m) : _("the document does not validate");
  free(v);
  return ok;
}

bool jx_xml_validate(jx_ctx *ctx, const char *xml, size_t len, const char *xsd_path,
                     const char **why) {
  jx_xml_schema *schema = jx_xml_schema_load(ctx, xsd_path, why);
  if (!schema) return false;
  jx_xml_validation *v = jx_xml_validation_start(ctx, schema);
  jx_xml_validation_feed(v, xml, len);
  bool ok = jx_xml_validation_finish(v, why);
  jx_xml_schema_free(schema);
  return ok;
}
