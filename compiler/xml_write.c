#include "xml_write.h"

#include <errno.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlschemas.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"
#include "format.h"
#include "i18n.h"

typedef struct writer {
  jx_ctx *ctx;
  xmlNsPtr ns;
  bool ok;
} writer;

/* XML 1.0 cannot carry most control characters; report instead of writing
 * a document no reader accepts. */
static bool xml_safe(writer *w, const char *text, jx_loc loc) {
  for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
    if (*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r') {
      if (w->ok) {
        jx_diag *d = jx_report(w->ctx, JX_SEV_ERROR, "J301", loc,
                               "This text contains the control character U+%04X, "
                               "which XML cannot carry.", *p);
        jx_diag_hint(w->ctx, d, "Remove the character from the text.");
      }
      w->ok = false;
      return false;
    }
  }
  return true;
}

static xmlNodePtr leaf(writer *w, xmlNodePtr parent, const char *tag,
                       const char *text, jx_loc loc) {
  if (!text) return NULL;
  if (!xml_safe(w, text, loc)) text = "";
  /* Empty content is written <X/> (doc/xml-format.md, canonical form). */
  return xmlNewTextChild(parent, w->ns, BAD_CAST tag, *text ? BAD_CAST text : NULL);
}

static xmlNodePtr leaf_int(writer *w, xmlNodePtr parent, const char *tag, int v) {
  char buf[16];
  snprintf(buf, sizeof buf, "%d", v);
  return xmlNewTextChild(parent, w->ns, BAD_CAST tag, BAD_CAST buf);
}

static xmlNodePtr open(writer *w, xmlNodePtr parent, const char *tag) {
  return xmlNewChild(parent, w->ns, BAD_CAST tag, NULL);
}

static void flag(xmlNodePtr n, const char *attr, bool on) {
  if (on) xmlNewProp(n, BAD_CAST attr, BAD_CAST "true");
}

static void amount(writer *w, xmlNodePtr parent, const char *tag,
                   const jx_amount *a) {
  if (!a) return;
  xmlNodePtr n = leaf(w, parent, tag, a->text, a->loc);
  if (a->unit) xmlNewProp(n, BAD_CAST "unit", BAD_CAST a->unit->text);
}

static void sources(writer *w, xmlNodePtr parent, const jx_list *l) {
  for (size_t i = 0; i < l->len; i++) {
    const jx_fund_source *s = l->items[i];
    xmlNodePtr n = open(w, parent, "FUND_SRC");
    leaf(w, n, "FUND_SRC_KIND",
         s->kind == JX_SOURCE_FISCAL ? "fiscal" : s->kind == JX_SOURCE_OTHER ? "other" : "named",
         s->name.loc);
    leaf(w, n, "FUND_SRC_NAME", s->name.text, s->name.loc);
    if (s->amount) amount(w, n, "FUND_SRC_AMT", s->amount);
    sources(w, n, &s->parts);
  }
}

/* The number of a quantity (or its placeholder) and its unit, which is left
 * out when the number was written without one. */
static void number(writer *w, xmlNodePtr parent, const jx_quantity *q, jx_loc loc) {
  leaf(w, parent, q->placeholder ? "KPI_PLACEHOLDER" : "KPI_VAL", q->number_text, loc);
  if (*q->unit.text) leaf(w, parent, "KPI_UNIT", q->unit.text, q->unit.loc);
}

static const char *sign_xml(jx_sign s) {
  return s == JX_SIGN_NONE ? "＝" : jx_sign_text(s);
}

/* A date of a deadline or period: its parts, as written. */
static void date(writer *w, xmlNodePtr parent, const char *tag, const jx_date *d) {
  xmlNodePtr n = open(w, parent, tag);
  xmlNewProp(n, BAD_CAST "style", BAD_CAST(d->style == JX_DATE_ISO ? "iso" : "chinese"));
  if (d->year) leaf_int(w, n, "DL_YEAR", d->year);
  if (d->month) flag(leaf_int(w, n, "DL_MONTH", d->month), "month_end", d->month_end);
  if (d->day) leaf_int(w, n, "DL_DAY", d->day);
  if (*d->wording) leaf(w, n, "DL_WORDING", d->wording, d->loc);
}

/* A value (an indicator's, a long-term one, or a stage's WHEN): the sign
 * (定性 without a number), the structured part, the wording after it, and
 * the text the official form prints. A blank cell has none but the empty
 * display text. */
static void value(writer *w, xmlNodePtr n, const jx_value *v) {
  if (v->kind == JX_VALUE_BLANK) {
    open(w, n, "KPI_BLANK");
  } else {
    bool has_number = v->kind == JX_VALUE_QUANTITY ||
                      ((v->kind == JX_VALUE_RELATIVE || v->kind == JX_VALUE_DEADLINE) &&
                       v->has_quantity);
    if (has_number) {
      xmlNodePtr s = leaf(w, n, "KPI_SIGN", sign_xml(v->quantity.sign), v->loc);
      if (v->quantity.sign == JX_SIGN_NONE) xmlNewProp(s, BAD_CAST "written", BAD_CAST "false");
    } else {
      leaf(w, n, "KPI_SIGN", "定性", v->loc);
    }
    bool wording = true;
    switch (v->kind) {
      case JX_VALUE_QUANTITY:
        number(w, n, &v->quantity, v->loc);
        break;
      case JX_VALUE_RELATIVE:
        leaf(w, n, "KPI_RELATIVE", jx_relative_name(v->relative), v->loc);
        if (v->has_quantity) number(w, n, &v->quantity, v->loc);
        break;
      case JX_VALUE_DEADLINE:
        date(w, n, "KPI_DEADLINE", &v->date);
        if (v->has_quantity) number(w, n, &v->quantity, v->loc);
        break;
      case JX_VALUE_PERIOD: {
        xmlNodePtr p = open(w, n, "KPI_PERIOD");
        date(w, p, "PERIOD_START", &v->date);
        date(w, p, "PERIOD_END", &v->until);
        break;
      }
      case JX_VALUE_MONTHLY: {
        xmlNodePtr m = open(w, n, "KPI_MONTHLY");
        leaf_int(w, m, "DL_DAY", v->date.day);
        if (*v->date.wording) leaf(w, m, "DL_WORDING", v->date.wording, v->loc);
        break;
      }
      case JX_VALUE_TEXT:
        leaf(w, n, "KPI_TEXT", v->text.text, v->text.loc);
        wording = false;
        break;
      case JX_VALUE_NA:
        open(w, n, "KPI_NA");
        wording = false;
        break;
      case JX_VALUE_BLANK: /* written above */
        break;
    }
    if (wording && *v->wording) leaf(w, n, "KPI_WORDING", v->wording, v->wording_loc);
  }
  leaf(w, n, "KPI_DISPLAY", jx_value_display(w->ctx, v), v->loc);
}

static void allow(writer *w, xmlNodePtr parent, const jx_allow *a) {
  xmlNodePtr n = open(w, parent, "ALLOW");
  for (size_t i = 0; i < a->codes.len; i++) {
    const jx_name *code = a->codes.items[i];
    leaf(w, n, "ALLOW_CODE", code->text, code->loc);
  }
  leaf(w, n, "ALLOW_REASON", a->reason.text, a->reason.loc);
}

static void kpi(writer *w, xmlNodePtr group, const jx_row *r) {
  xmlNodePtr n = open(w, group, "KPI");
  flag(n, "na_row", r->not_applicable_row);
  if (*r->level2.text) leaf(w, n, "KPI_LV2", r->level2.text, r->level2.loc);
  if (!r->blank_name) {
    if (r->ordinal) leaf(w, n, "KPI_ORDINAL", r->ordinal, r->name.loc);
    leaf(w, n, "KPI_NAME", r->name.text, r->name.loc);
  }
  if (r->description) leaf(w, n, "KPI_DESC", r->description->text, r->description->loc);
  value(w, n, &r->value);
  if (r->long_term) value(w, open(w, n, "KPI_LONG_TERM"), r->long_term);
  if (r->basis) leaf(w, n, "KPI_BASIS", r->basis->text, r->basis->loc);
  if (r->standard) leaf(w, n, "KPI_STANDARD", r->standard->text, r->standard->loc);
  for (size_t i = 0; i < r->allows.len; i++) allow(w, n, r->allows.items[i]);
}

static const jx_text_item *text_field(const jx_project *p, jx_node_kind k) {
  return (const jx_text_item *)jx_project_field(p, k);
}

static void text_elem(writer *w, xmlNodePtr parent, const char *tag,
                      const jx_text_item *t) {
  if (t) leaf(w, parent, tag, t->text.text, t->text.loc);
}

static void budget(writer *w, xmlNodePtr parent, const char *tag, const jx_budget *b) {
  if (!b) return;
  xmlNodePtr n = open(w, parent, tag);
  amount(w, n, "BGT_AMT", &b->amount);
  sources(w, n, &b->sources);
}

/* 实施进度: each stage with its name, when and description. */
static void schedule(writer *w, xmlNodePtr parent, const jx_schedule *s) {
  if (!s) return;
  xmlNodePtr n = open(w, parent, "PRO_SCHEDULE");
  for (size_t i = 0; i < s->stages.len; i++) {
    const jx_stage *st = s->stages.items[i];
    xmlNodePtr sn = open(w, n, "STAGE");
    leaf(w, sn, "STAGE_NAME", st->name.text, st->name.loc);
    value(w, open(w, sn, "STAGE_WHEN"), &st->when);
    if (st->description) leaf(w, sn, "STAGE_DESC", st->description->text, st->description->loc);
  }
}

/* A project's fields in the order of the schema, whatever their order in
 * the source; repeated fields (groups, 栏目, 允许) keep theirs. */
static void project(writer *w, xmlNodePtr parent, const jx_project *p) {
  xmlNodePtr n = open(w, parent, "PROJECT");
  if (p->code) leaf(w, n, "PRO_CODE", p->code->text, p->code->loc);
  leaf(w, n, "PRO_NAME", p->name.text, p->name.loc);
  text_elem(w, n, "PRO_CATEGORY", text_field(p, JX_NODE_CATEGORY));
  text_elem(w, n, "PRO_TYPE", text_field(p, JX_NODE_PROJECT_TYPE));
  text_elem(w, n, "PARENT_PRO_NAME", text_field(p, JX_NODE_PARENT_PROJECT));
  const jx_period *per = (const jx_period *)jx_project_field(p, JX_NODE_PERIOD);
  if (per) {
    xmlNodePtr pn = open(w, n, "PRO_PERIOD");
    leaf(w, pn, "PERIOD_FROM", per->from.text, per->from.loc);
    leaf(w, pn, "PERIOD_TO", per->to.text, per->to.loc);
  }
  const jx_org *sup = (const jx_org *)jx_project_field(p, JX_NODE_SUPERVISOR);
  if (sup) {
    if (sup->code) leaf(w, n, "SUP_DEPT_CODE", sup->code->text, sup->code->loc);
    leaf(w, n, "SUP_DEPT_NAME", sup->name.text, sup->name.loc);
  }
  text_elem(w, n, "IMPL_AGENCY", text_field(p, JX_NODE_IMPLEMENTER));
  text_elem(w, n, "OVERSIGHT_AGENCY", text_field(p, JX_NODE_OVERSIGHT));
  const jx_contact *contact = (const jx_contact *)jx_project_field(p, JX_NODE_CONTACT);
  if (contact) {
    xmlNodePtr cn = open(w, n, "PRO_CONTACT");
    leaf(w, cn, "CONTACT_NAME", contact->name.text, contact->name.loc);
    if (contact->phone) leaf(w, cn, "CONTACT_PHONE", contact->phone->text, contact->phone->loc);
  }
  text_elem(w, n, "FUND_NATURE", text_field(p, JX_NODE_FUNDS_NATURE));
  budget(w, n, "TOTAL_FUNDS", (const jx_budget *)jx_project_field(p, JX_NODE_TOTAL_FUNDS));
  budget(w, n, "BUDGET", (const jx_budget *)jx_project_field(p, JX_NODE_BUDGET));
  budget(w, n, "BUDGET_MT", (const jx_budget *)jx_project_field(p, JX_NODE_MEDIUM_BUDGET));
  text_elem(w, n, "FUND_USE", text_field(p, JX_NODE_PURPOSE));
  text_elem(w, n, "PRO_OVERVIEW", text_field(p, JX_NODE_OVERVIEW));
  text_elem(w, n, "PRO_LEGAL_BASIS", text_field(p, JX_NODE_LEGAL_BASIS));
  const jx_plan *plan = (const jx_plan *)jx_project_field(p, JX_NODE_PLAN);
  if (plan && plan->entries.len) {
    xmlNodePtr pn = open(w, n, "SPEND_PLAN");
    for (size_t i = 0; i < plan->entries.len; i++) {
      const jx_plan_entry *e = plan->entries.items[i];
      xmlNodePtr en = open(w, pn, "PLAN_ENTRY");
      flag(leaf_int(w, en, "PLAN_MONTH", e->month), "month_end", e->month_end);
      leaf(w, en, "PLAN_PCT", e->percent_text, e->loc);
    }
  }
  schedule(w, n, (const jx_schedule *)jx_project_field(p, JX_NODE_SCHEDULE));
  text_elem(w, n, "KPI_TARGET", text_field(p, JX_NODE_TARGET));
  text_elem(w, n, "KPI_TARGET_MT", text_field(p, JX_NODE_MEDIUM_TARGET));
  for (size_t i = 0; i < p->fields.len; i++) {
    const jx_node *f = p->fields.items[i];
    if (f->kind != JX_NODE_GROUP) continue;
    const jx_group *g = (const jx_group *)f;
    xmlNodePtr gn = open(w, n, "KPI_GROUP");
    flag(gn, "medium_term", g->medium_term);
    flag(gn, "flat", g->flat);
    leaf(w, gn, "KPI_LV1", g->level1.text, g->level1.loc);
    for (size_t k = 0; k < g->rows.len; k++) kpi(w, gn, g->rows.items[k]);
  }
  text_elem(w, n, "PRO_NOTES", text_field(p, JX_NODE_NOTES));
  for (size_t i = 0; i < p->fields.len; i++) {
    const jx_node *f = p->fields.items[i];
    if (f->kind != JX_NODE_LABELLED) continue;
    const jx_labelled *l = (const jx_labelled *)f;
    xmlNodePtr ln = open(w, n, "PRO_FIELD");
    leaf(w, ln, "FIELD_LABEL", l->label.text, l->label.loc);
    leaf(w, ln, "FIELD_TEXT", l->text.text, l->text.loc);
  }
  for (size_t i = 0; i < p->fields.len; i++) {
    const jx_node *f = p->fields.items[i];
    if (f->kind == JX_NODE_ALLOW) allow(w, n, (const jx_allow *)f);
  }
}

/* Items of the document by kind, in document order. */
typedef struct placed {
  jx_node *item;
  int file;
} placed;

typedef struct collected {
  jx_list by_kind[JX_NODE_KIND_COUNT];
  jx_list part_two; /* placed *: every 单位, 类别 line and project */
  jx_arena *arena;
} collected;

static void collect(jx_node *item, const jx_file *file, void *data) {
  collected *c = data;
  jx_list_push(c->arena, &c->by_kind[item->kind], item);
  if (item->kind == JX_NODE_AGENCY || item->kind == JX_NODE_SECTION ||
      item->kind == JX_NODE_PROJECT) {
    placed *p = jx_arena_alloc(c->arena, sizeof *p);
    *p = (placed){item, file->file};
    jx_list_push(c->arena, &c->part_two, p);
  }
}

static const jx_node *first(const collected *c, jx_node_kind k) {
  return c->by_kind[k].len ? c->by_kind[k].items[0] : NULL;
}

static void header(writer *w, xmlNodePtr root, const collected *c) {
  xmlNodePtr h = open(w, root, "DOC_HEAD");
  const jx_name_item *y = (const jx_name_item *)first(c, JX_NODE_YEAR);
  if (y) leaf(w, h, "FISCAL_YEAR", y->value.text, y->value.loc);
  const jx_name_item *r = (const jx_name_item *)first(c, JX_NODE_REGION);
  if (r) leaf(w, h, "MOF_DIV_CODE", r->value.text, r->value.loc);
  const jx_org *d = (const jx_org *)first(c, JX_NODE_DEPARTMENT);
  if (d) {
    if (d->code) leaf(w, h, "DEPT_CODE", d->code->text, d->code->loc);
    leaf(w, h, "DEPT_NAME", d->name.text, d->name.loc);
    amount(w, h, "DEPT_TOTAL", d->total);
  }
  const jx_name_item *m = (const jx_name_item *)first(c, JX_NODE_MONEY_UNIT);
  if (m) leaf(w, h, "MONEY_UNIT", m->value.text, m->value.loc);
  text_elem(w, h, "COMPILED_BY", (const jx_text_item *)first(c, JX_NODE_COMPILED_BY));
  text_elem(w, h, "REVIEWED_BY", (const jx_text_item *)first(c, JX_NODE_REVIEWED_BY));
  const jx_name_item *v = (const jx_name_item *)first(c, JX_NODE_VALUE_SPELLING);
  if (v) leaf(w, h, "VALUE_SPELLING", v->value.text, v->value.loc);
  text_elem(w, h, "KPI_FRAMEWORK", (const jx_text_item *)first(c, JX_NODE_FRAMEWORK));
}

static void definitions(writer *w, xmlNodePtr root, const collected *c) {
  const jx_node_kind kinds[] = {JX_NODE_DIMENSION, JX_NODE_UNIT_DEF, JX_NODE_FRAMEWORK_DEF,
                                JX_NODE_LOWER_IS_BETTER, JX_NODE_RATIO_NAMES,
                                JX_NODE_NOT_RATIO_NAMES, JX_NODE_SOURCE_DEF};
  size_t total = 0;
  for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) total += c->by_kind[kinds[i]].len;
  if (!total) return;
  xmlNodePtr defs = open(w, root, "DEFINITIONS");
  const jx_list *l = &c->by_kind[JX_NODE_DIMENSION];
  for (size_t i = 0; i < l->len; i++) {
    const jx_dimension *d = l->items[i];
    xmlNodePtr n = open(w, defs, "DIM_DEF");
    leaf(w, n, "DIM_NAME", d->name.text, d->name.loc);
    leaf(w, n, "DIM_ALIAS", d->alias.text, d->alias.loc);
  }
  l = &c->by_kind[JX_NODE_UNIT_DEF];
  for (size_t i = 0; i < l->len; i++) {
    const jx_unit_def *u = l->items[i];
    xmlNodePtr n = open(w, defs, "UNIT_DEF");
    leaf(w, n, "UNIT_NAME", u->name.text, u->name.loc);
    if (u->of) {
      leaf(w, n, "UNIT_FACTOR", u->factor_text, u->base.loc);
      leaf(w, n, "UNIT_OF", u->of->text, u->of->loc);
    } else {
      leaf(w, n, "UNIT_DIM", u->dimension->text, u->dimension->loc);
      if (u->precision >= 0) leaf_int(w, n, "UNIT_PRECISION", u->precision);
    }
  }
  l = &c->by_kind[JX_NODE_FRAMEWORK_DEF];
  for (size_t i = 0; i < l->len; i++) {
    const jx_framework_def *f = l->items[i];
    xmlNodePtr n = open(w, defs, "FRAMEWORK_DEF");
    flag(n, "default", f->is_default);
    leaf(w, n, "FW_NAME", f->name.text, f->name.loc);
    for (size_t k = 0; k < f->groups.len; k++) {
      const jx_fw_group *g = f->groups.items[k];
      xmlNodePtr gn = open(w, n, "FW_LV1");
      flag(gn, "required", g->required);
      leaf(w, gn, "LV_NAME", g->name.text, g->name.loc);
      leaf(w, gn, "LV_ALIAS", g->alias.text, g->alias.loc);
      for (size_t m = 0; m < g->levels.len; m++) {
        const jx_fw_level *lv = g->levels.items[m];
        xmlNodePtr ln = open(w, gn, "FW_LV2");
        leaf(w, ln, "LV_NAME", lv->name.text, lv->name.loc);
        leaf(w, ln, "LV_ALIAS", lv->alias.text, lv->alias.loc);
      }
    }
  }
  const struct { jx_node_kind kind; const char *tag; } lists[] = {
      {JX_NODE_LOWER_IS_BETTER, "LOWER_IS_BETTER"}, {JX_NODE_RATIO_NAMES, "RATIO_NAMES"},
      {JX_NODE_NOT_RATIO_NAMES, "NOT_RATIO_NAMES"}};
  for (size_t k = 0; k < sizeof lists / sizeof lists[0]; k++) {
    l = &c->by_kind[lists[k].kind];
    for (size_t i = 0; i < l->len; i++) {
      const jx_name_list *nl = l->items[i];
      xmlNodePtr n = open(w, defs, lists[k].tag);
      for (size_t m = 0; m < nl->names.len; m++) {
        const jx_string *s = nl->names.items[m];
        leaf(w, n, "NAME_PART", s->text, s->loc);
      }
    }
  }
  l = &c->by_kind[JX_NODE_SOURCE_DEF];
  for (size_t i = 0; i < l->len; i++) {
    const jx_source_def *d = l->items[i];
    xmlNodePtr n = open(w, defs, "FUND_SRC_DEF");
    leaf(w, n, "FUND_SRC_NAME", d->name.text, d->name.loc);
    leaf(w, n, "FUND_SRC_COLUMN", d->kind.text, d->kind.loc);
  }
}

static void part_one(writer *w, xmlNodePtr root, const collected *c) {
  const jx_text_item *ot = (const jx_text_item *)first(c, JX_NODE_OVERALL_TARGET);
  const jx_list *subs = &c->by_kind[JX_NODE_SUB_TARGET];
  const jx_list *sgs = &c->by_kind[JX_NODE_SAFEGUARD];
  if (!ot && !subs->len && !sgs->len) return;
  xmlNodePtr dp = open(w, root, "DEPT_PERF");
  text_elem(w, dp, "KPI_TARGET", ot);
  for (size_t i = 0; i < subs->len; i++) {
    const jx_sub_target *s = subs->items[i];
    xmlNodePtr n = open(w, dp, "SUB_TARGET");
    leaf(w, n, "SUB_TARGET_TITLE", s->title.text, s->title.loc);
    for (size_t k = 0; k < s->texts.len; k++) {
      const jx_text_item *t = s->texts.items[k];
      text_elem(w, n, t->base.kind == JX_NODE_SUB_TARGET_TEXT ? "SUB_TARGET_TEXT" : "SUB_KPI_TEXT", t);
    }
  }
  for (size_t i = 0; i < sgs->len; i++) {
    const jx_safeguard *s = sgs->items[i];
    xmlNodePtr n = open(w, dp, "SAFEGUARD");
    leaf(w, n, "SAFEGUARD_TITLE", s->title.text, s->title.loc);
    leaf(w, n, "SAFEGUARD_TEXT", s->text.text, s->text.loc);
  }
}

/* Part two: each 单位 with its projects, then its 类别 lines, each with the
 * projects under it. A 类别 line and a project belong to the 单位 before
 * them in their own file, so the walk keeps, per file, the elements that
 * the file's next section and project go into. */
static void part_two(writer *w, xmlNodePtr root, const collected *c) {
  typedef struct {
    xmlNodePtr agency, section;
  } open_in_file;
  size_t nfiles = w->ctx->sources.len;
  open_in_file *cur = jx_arena_alloc(c->arena, (nfiles ? nfiles : 1) * sizeof *cur);
  memset(cur, 0, (nfiles ? nfiles : 1) * sizeof *cur);
  for (size_t i = 0; i < c->part_two.len; i++) {
    const placed *pl = c->part_two.items[i];
    open_in_file *f = &cur[pl->file];
    if (pl->item->kind == JX_NODE_AGENCY) {
      const jx_org *a = (const jx_org *)pl->item;
      f->agency = open(w, root, "AGENCY");
      f->section = NULL;
      if (a->code) leaf(w, f->agency, "AGENCY_CODE", a->code->text, a->code->loc);
      leaf(w, f->agency, "AGENCY_NAME", a->name.text, a->name.loc);
      amount(w, f->agency, "AGENCY_TOTAL", a->total);
    } else if (pl->item->kind == JX_NODE_SECTION) {
      const jx_org *s = (const jx_org *)pl->item;
      if (!f->agency) {
        if (w->ok) {
          jx_diag *d = jx_report(w->ctx, JX_SEV_ERROR, "J302", s->base.loc,
                                 "The 类别 line \"%s\" stands before any budget unit "
                                 "(单位) in its file, and the exchange XML keeps every "
                                 "类别 inside the 单位 it belongs to.", s->name.text);
          jx_diag_hint(w->ctx, d, "Move the 类别 line below the 单位 line whose "
                                  "projects it groups, or delete it.");
        }
        w->ok = false;
        continue;
      }
      f->section = open(w, f->agency, "SECTION");
      leaf(w, f->section, "SECTION_NAME", s->name.text, s->name.loc);
      amount(w, f->section, "SECTION_TOTAL", s->total);
    } else {
      const jx_project *p = (const jx_project *)pl->item;
      /* A project before any 单位 is a syntax error (J012) already. */
      if (!p->agency || !f->agency) continue;
      project(w, p->section && f->section ? f->section : f->agency, p);
    }
  }
}

xmlDocPtr jx_xml_build(jx_ctx *ctx, const jx_document *doc) {
  collected c = {.arena = ctx->arena};
  jx_document_items(doc, collect, &c);
  xmlDocPtr xml = xmlNewDoc(BAD_CAST "1.0");
  xmlNodePtr root = xmlNewNode(NULL, BAD_CAST "PERF_TARGET_DOC");
  xmlDocSetRootElement(xml, root);
  writer w = {ctx, xmlNewNs(root, BAD_CAST JX_XML_NAMESPACE, NULL), true};
  xmlSetNs(root, w.ns);
  xmlNewProp(root, BAD_CAST "version", BAD_CAST "1");
  header(&w, root, &c);
  definitions(&w, root, &c);
  const jx_list *allows = &c.by_kind[JX_NODE_ALLOW];
  for (size_t i = 0; i < allows->len; i++) allow(&w, root, allows->items[i]);
  part_one(&w, root, &c);
  part_two(&w, root, &c);
  if (!w.ok) {
    xmlFreeDoc(xml);
    return NULL;
  }
  return xml;
}

/* --- validation -------------------------------------------------------- */

struct messages {
  jx_ctx *ctx;
  const char *text;
};

static void collect_error(void *data, xmlErrorPtr err) {
  struct messages *m = data;
  if (!err || !err->message) return;
  size_t n = strlen(err->message);
  while (n && err->message[n - 1] == '\n') n--;
  m->text = jx_arena_printf(m->ctx->arena, "%s%sline %d: %.*s", m->text,
                            *m->text ? "\n" : "", err->line, (int)n, err->message);
}

bool jx_xml_validate(jx_ctx *ctx, xmlDocPtr xml, const char *xsd_path,
                     const char **why) {
  struct messages m = {ctx, ""};
  xmlSchemaParserCtxtPtr pctx = xmlSchemaNewParserCtxt(xsd_path);
  xmlSchemaSetParserStructuredErrors(pctx, collect_error, &m);
  xmlSchemaPtr schema = xmlSchemaParse(pctx);
  xmlSchemaFreeParserCtxt(pctx);
  if (!schema) {
    *why = jx_arena_printf(ctx->arena, _("the schema %s cannot be read:\n%s"), xsd_path, m.text);
    return false;
  }
  xmlSchemaValidCtxtPtr vctx = xmlSchemaNewValidCtxt(schema);
  xmlSchemaSetValidStructuredErrors(vctx, collect_error, &m);
  int rc = xmlSchemaValidateDoc(vctx, xml);
  xmlSchemaFreeValidCtxt(vctx);
  xmlSchemaFree(schema);
  if (rc != 0) *why = *m.text ? m.text : _("the document does not validate");
  return rc == 0;
}

/* --- serialisation --------------------------------------------------------
 * The documents jxc builds are plain: elements, attributes, namespace
 * declarations, and elements that hold either text or elements. They are
 * written here in exactly the bytes libxml2's indented output would give
 * (tests/unit/test_xml.c compares the two on every document), several times
 * faster; anything else is left to libxml2. */

typedef struct out_buf {
  char *data;
  size_t len, cap;
} out_buf;

static void grow(out_buf *b, size_t more) {
  if (b->len + more <= b->cap) return;
  size_t cap = b->cap ? b->cap : 1 << 16;
  while (cap < b->len + more) cap *= 2;
  b->data = realloc(b->data, cap);
  if (!b->data) abort();
  b->cap = cap;
}

static void put_n(out_buf *b, const char *s, size_t n) {
  grow(b, n);
  memcpy(b->data + b->len, s, n);
  b->len += n;
}

static void put_s(out_buf *b, const char *s) { put_n(b, s, strlen(s)); }

/* Text as libxml2 escapes it: & < > and CR in content; also " and the
 * white-space controls in attribute values. */
static void put_escaped(out_buf *b, const char *s, bool attribute) {
  const char *run = s;
  for (; *s; s++) {
    const char *rep = NULL;
    switch (*s) {
      case '&': rep = "&amp;"; break;
      case '<': rep = "&lt;"; break;
      case '>': rep = "&gt;"; break;
      case '\r': rep = "&#13;"; break;
      case '"': if (attribute) rep = "&quot;"; break;
      case '\n': if (attribute) rep = "&#10;"; break;
      case '\t': if (attribute) rep = "&#9;"; break;
      default: break;
    }
    if (!rep) continue;
    put_n(b, run, (size_t)(s - run));
    put_s(b, rep);
    run = s + 1;
  }
  put_n(b, run, (size_t)(s - run));
}

static void put_qname(out_buf *b, xmlNsPtr ns, const xmlChar *name) {
  if (ns && ns->prefix) {
    put_s(b, (const char *)ns->prefix);
    put_n(b, ":", 1);
  }
  put_s(b, (const char *)name);
}

/* Whether the element holds only text (or nothing), only elements, and is
 * otherwise plain; *text receives its one text child, if any. */
static bool plain_element(xmlNodePtr n, xmlNodePtr *text, bool *elements) {
  *text = NULL;
  *elements = false;
  for (xmlNodePtr c = n->children; c; c = c->next) {
    if (c->type == XML_TEXT_NODE && !c->next && c == n->children &&
        xmlStrEqual(c->name, xmlStringText))
      *text = c;
    else if (c->type == XML_ELEMENT_NODE)
      *elements = true;
    else
      return false;
  }
  return !(*text && *elements);
}

static bool put_element(out_buf *b, xmlNodePtr n, int depth) {
  xmlNodePtr text;
  bool elements;
  if (!plain_element(n, &text, &elements)) return false;
  for (int i = 0; i < depth; i++) put_n(b, "  ", 2);
  put_n(b, "<", 1);
  put_qname(b, n->ns, n->name);
  for (xmlNsPtr ns = n->nsDef; ns; ns = ns->next) {
    put_s(b, ns->prefix ? " xmlns:" : " xmlns");
    if (ns->prefix) put_s(b, (const char *)ns->prefix);
    put_n(b, "=\"", 2);
    put_escaped(b, (const char *)ns->href, true);
    put_n(b, "\"", 1);
  }
  for (xmlAttrPtr a = n->properties; a; a = a->next) {
    if (!a->children || a->children->next || a->children->type != XML_TEXT_NODE) return false;
    put_n(b, " ", 1);
    put_qname(b, a->ns, a->name);
    put_n(b, "=\"", 2);
    put_escaped(b, (const char *)a->children->content, true);
    put_n(b, "\"", 1);
  }
  if (!text && !elements) {
    put_n(b, "/>\n", 3);
    return true;
  }
  put_n(b, ">", 1);
  if (text) {
    put_escaped(b, (const char *)text->content, false);
  } else {
    put_n(b, "\n", 1);
    for (xmlNodePtr c = n->children; c; c = c->next)
      if (!put_element(b, c, depth + 1)) return false;
    for (int i = 0; i < depth; i++) put_n(b, "  ", 2);
  }
  put_n(b, "</", 2);
  put_qname(b, n->ns, n->name);
  put_n(b, ">\n", 2);
  return true;
}

char *jx_xml_serialize_libxml(xmlDocPtr xml, size_t *len) {
  xmlChar *buf = NULL;
  int n = 0;
  xmlDocDumpFormatMemoryEnc(xml, &buf, &n, "UTF-8", 1);
  char *out = malloc((size_t)n + 1);
  if (!out) abort();
  memcpy(out, buf, (size_t)n);
  out[n] = '\0';
  xmlFree(buf);
  *len = (size_t)n;
  return out;
}

char *jx_xml_serialize(xmlDocPtr xml, size_t *len) {
  xmlNodePtr root = xmlDocGetRootElement(xml);
  out_buf b = {0};
  put_s(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  if (!root || root->prev || root->next || !put_element(&b, root, 0)) {
    free(b.data);
    return jx_xml_serialize_libxml(xml, len);
  }
  grow(&b, 1);
  b.data[b.len] = '\0';
  *len = b.len;
  return b.data;
}

