#include "iati.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "format.h"
#include "framework.h"
#include "units.h"
#include "utf8.h"

/* The activity identifiers given so far: an open-addressing hash set, so a
 * repeated identifier is found without comparing every pair of projects. */
typedef struct id_set {
  const char **slots;
  size_t cap, len;
} id_set;

typedef struct iati {
  jx_ctx *ctx;
  const jx_library *lib;
  int year;
  const char *region;       /* MOF_DIV_CODE, or NULL */
  const jx_org *department;
  const jx_unit *money;     /* the document's default money unit */
  const jx_framework_def *framework;
  id_set ids;
} iati;

static void collect(jx_node *item, const jx_file *file, void *data) {
  (void)file;
  iati *x = data;
  switch (item->kind) {
    case JX_NODE_YEAR: x->year = atoi(((jx_name_item *)item)->value.text); break;
    case JX_NODE_REGION: x->region = ((jx_name_item *)item)->value.text; break;
    case JX_NODE_DEPARTMENT: x->department = (const jx_org *)item; break;
    case JX_NODE_MONEY_UNIT:
      x->money = jx_units_find(&x->lib->units, ((jx_name_item *)item)->value.text);
      break;
    case JX_NODE_FRAMEWORK:
      x->framework = jx_framework_find(&x->lib->frameworks, ((jx_text_item *)item)->text.text);
      break;
    default: break;
  }
}

static uint64_t fnv1a(const char *s) {
  uint64_t h = 14695981039346656037u;
  for (; *s; s++) {
    h ^= (unsigned char)*s;
    h *= 1099511628211u;
  }
  return h;
}

/* Adds id to the set; false when it is there already. */
static bool id_add(iati *x, const char *id) {
  id_set *set = &x->ids;
  if ((set->len + 1) * 2 > set->cap) {
    size_t cap = set->cap ? set->cap * 2 : 64;
    const char **slots = jx_arena_alloc(x->ctx->arena, cap * sizeof *slots);
    memset(slots, 0, cap * sizeof *slots);
    for (size_t i = 0; i < set->cap; i++) {
      if (!set->slots[i]) continue;
      size_t k = fnv1a(set->slots[i]) & (cap - 1);
      while (slots[k]) k = (k + 1) & (cap - 1);
      slots[k] = set->slots[i];
    }
    set->slots = slots;
    set->cap = cap;
  }
  size_t k = fnv1a(id) & (set->cap - 1);
  for (; set->slots[k]; k = (k + 1) & (set->cap - 1))
    if (!strcmp(set->slots[k], id)) return false;
  set->slots[k] = id;
  set->len++;
  return true;
}

/* A name as an identifier part: the prefix and 16 hex digits of a hash of
 * the name's key (jx_utf8_name_key), so spacing and full-width forms do not
 * change it and the identifier stays ASCII. */
static const char *name_part(iati *x, char prefix, const char *name) {
  char *key = jx_utf8_name_key(name);
  const char *part = jx_arena_printf(x->ctx->arena, "%c%016llx", prefix,
                                     (unsigned long long)fnv1a(key));
  free(key);
  return part;
}

/* The activity's iati-identifier (doc/iati.md): the reporting org's ref
 * and the project code; without a code, the budget unit (its code, or a
 * key of its name) and a key of the project's name. A second project with
 * the same identifier gets -2, a third -3, in document order. */
static const char *identifier(iati *x, const char *dept_ref, const jx_project *p) {
  const char *base;
  if (p->code) {
    base = jx_arena_printf(x->ctx->arena, "%s-%s", dept_ref, p->code->text);
  } else {
    const jx_org *a = p->agency;
    const char *unit = a && a->code ? a->code->text : name_part(x, 'U', a ? a->name.text : "");
    base = jx_arena_printf(x->ctx->arena, "%s-%s-%s", dept_ref, unit,
                           name_part(x, 'N', p->name.text));
  }
  const char *id = base;
  for (int n = 2; !id_add(x, id); n++) id = jx_arena_printf(x->ctx->arena, "%s-%d", base, n);
  return id;
}

static xmlNodePtr child(xmlNodePtr parent, const char *name) {
  return xmlNewChild(parent, NULL, BAD_CAST name, NULL);
}

static void prop(xmlNodePtr n, const char *name, const char *value) {
  xmlNewProp(n, BAD_CAST name, BAD_CAST value);
}

static void narrative(xmlNodePtr parent, const char *element, const char *text) {
  xmlNodePtr n = element ? child(parent, element) : parent;
  xmlNewTextChild(n, NULL, BAD_CAST "narrative", BAD_CAST text);
}

static const char *date(iati *x, int y, int m, int d) {
  return jx_arena_printf(x->ctx->arena, "%04d-%02d-%02d", y, m, d);
}

static int month_days(int y, int m) {
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && ((y % 4 == 0 && y % 100) || y % 400 == 0) ? 29 : days[m - 1];
}

/* An organisation identifier in IATI's "country-agency-id" style. The
 * Chinese budget codes are not registered with IATI; doc/iati.md says so. */
static const char *org_ref(iati *x, const char *code) {
  const char *region = x->region ? x->region : "000000";
  return code ? jx_arena_printf(x->ctx->arena, "CN-%s-%s", region, code)
              : jx_arena_printf(x->ctx->arena, "CN-%s", region);
}

static const char *yuan(iati *x, const jx_amount *a, jx_decimal *out) {
  const jx_unit *u = a->unit ? jx_units_find(&x->lib->units, a->unit->text) : x->money;
  jx_decimal v = a->value;
  if (!u || !jx_unit_to_base(u, a->value, &v)) v = a->value;
  *out = v;
  char buf[JX_DECIMAL_BUFSIZE];
  return jx_arena_strdup(x->ctx->arena, jx_decimal_format(jx_decimal_normalize(v), buf));
}

static void value(iati *x, xmlNodePtr parent, const char *amount) {
  xmlNodePtr v = xmlNewTextChild(parent, NULL, BAD_CAST "value", BAD_CAST amount);
  prop(v, "value-date", date(x, x->year, 1, 1));
}

static void period(iati *x, xmlNodePtr parent, int m1, int m2) {
  prop(child(parent, "period-start"), "iso-date", date(x, x->year, m1, 1));
  prop(child(parent, "period-end"), "iso-date",
       date(x, x->year, m2, month_days(x->year, m2)));
}

/* Each spending-plan step becomes the disbursement between two month ends. */
static void disbursements(iati *x, xmlNodePtr act, const jx_plan *plan, jx_decimal total) {
  jx_decimal prev = jx_decimal_from_int(0);
  int prev_month = 0;
  for (size_t i = 0; i < plan->entries.len; i++) {
    const jx_plan_entry *e = plan->entries.items[i];
    if (e->month <= prev_month) continue;
    jx_decimal step, amount;
    if (!jx_decimal_sub(e->percent, prev, &step) || jx_decimal_sign(step) < 0 ||
        !jx_decimal_mul(total, step, &amount) || !jx_decimal_shift(amount, -2, &amount))
      continue;
    xmlNodePtr pd = child(act, "planned-disbursement");
    prop(pd, "type", "1");
    period(x, pd, prev_month + 1, e->month);
    char buf[JX_DECIMAL_BUFSIZE];
    value(x, pd, jx_decimal_format(jx_decimal_normalize(amount), buf));
    prev = e->percent;
    prev_month = e->month;
  }
}

static const char *result_type(const jx_fw_group *g) {
  if (!g) return "9";
  if (!strcmp(g->alias.text, "output")) return "1";
  if (!strcmp(g->alias.text, "effect") || !strcmp(g->alias.text, "satisfaction")) return "2";
  return "9";
}

static void indicators(iati *x, xmlNodePtr act, const jx_group *g) {
  xmlNodePtr result = NULL;
  for (size_t i = 0; i < g->rows.len; i++) {
    const jx_row *r = g->rows.items[i];
    if (r->value.kind != JX_VALUE_QUANTITY) continue;
    const jx_quantity *q = &r->value.quantity;
    /* An unfilled template (≤ ** 万元) has no target to publish. */
    if (q->placeholder) continue;
    const jx_unit *u = strchr(q->unit.text, '/') ? NULL : jx_units_find(&x->lib->units, q->unit.text);
    bool percent = u && !strcmp(u->role, "ratio");
    jx_decimal target = q->number;
    if (percent && !jx_unit_to_base(u, q->number, &target)) target = q->number;
    if (!result) {
      result = child(act, "result");
      const jx_fw_group *fg = x->framework ? jx_framework_group(x->framework, g->level1.text) : NULL;
      prop(result, "type", result_type(fg));
      narrative(result, "title", g->level1.text);
    }
    xmlNodePtr ind = child(result, "indicator");
    prop(ind, "measure", percent ? "2" : "1");
    if (q->sign == JX_SIGN_GE || q->sign == JX_SIGN_GT) prop(ind, "ascending", "true");
    if (q->sign == JX_SIGN_LE || q->sign == JX_SIGN_LT) prop(ind, "ascending", "false");
    /* 二级指标 / 三级指标; a flat table has no second level, a blank name
     * none of its own. */
    const char *name = r->blank_name ? ""
                       : r->ordinal  ? jx_arena_printf(x->ctx->arena, "%s%s", r->ordinal,
                                                       r->name.text)
                                     : r->name.text;
    const char *title = *r->level2.text && *name
                            ? jx_arena_printf(x->ctx->arena, "%s / %s", r->level2.text, name)
                        : *name ? name
                        : *r->level2.text ? r->level2.text
                                          : g->level1.text;
    narrative(ind, "title", title);
    if (r->description) narrative(ind, "description", r->description->text);
    xmlNodePtr per = child(ind, "period");
    period(x, per, 1, 12);
    xmlNodePtr t = child(per, "target");
    char buf[JX_DECIMAL_BUFSIZE];
    prop(t, "value", jx_decimal_format(jx_decimal_normalize(target), buf));
    narrative(t, "comment", jx_value_display(x->ctx, &r->value));
  }
}

static void activity(iati *x, xmlNodePtr root, const jx_project *p) {
  const char *dept_ref = org_ref(x, x->department && x->department->code
                                         ? x->department->code->text : NULL);
  xmlNodePtr act = child(root, "iati-activity");
  prop(act, "default-currency", "CNY");
  xmlNodeSetLang(act, BAD_CAST "zh");
  xmlNewTextChild(act, NULL, BAD_CAST "iati-identifier", BAD_CAST identifier(x, dept_ref, p));
  xmlNodePtr rep = child(act, "reporting-org");
  prop(rep, "ref", dept_ref);
  prop(rep, "type", "10");
  narrative(rep, NULL, x->department ? x->department->name.text : p->agency->name.text);
  narrative(act, "title", p->name.text);
  const jx_text_item *purpose = (const jx_text_item *)jx_project_field(p, JX_NODE_PURPOSE);
  xmlNodePtr desc = child(act, "description");
  prop(desc, "type", "1");
  narrative(desc, NULL, purpose ? purpose->text.text : p->name.text);
  const jx_text_item *target = (const jx_text_item *)jx_project_field(p, JX_NODE_TARGET);
  if (target) {
    xmlNodePtr obj = child(act, "description");
    prop(obj, "type", "2");
    narrative(obj, NULL, target->text.text);
  }
  xmlNodePtr impl = child(act, "participating-org");
  prop(impl, "ref", org_ref(x, p->agency && p->agency->code ? p->agency->code->text : NULL));
  prop(impl, "role", "4");
  prop(impl, "type", "10");
  narrative(impl, NULL, p->agency ? p->agency->name.text : p->name.text);
  prop(child(act, "activity-status"), "code", "2");
  xmlNodePtr start = child(act, "activity-date");
  prop(start, "type", "1");
  prop(start, "iso-date", date(x, x->year, 1, 1));
  xmlNodePtr end = child(act, "activity-date");
  prop(end, "type", "3");
  prop(end, "iso-date", date(x, x->year, 12, 31));
  const jx_budget *b = (const jx_budget *)jx_project_field(p, JX_NODE_BUDGET);
  jx_decimal total;
  if (b) {
    xmlNodePtr bud = child(act, "budget");
    prop(bud, "type", "1");
    prop(bud, "status", "2");
    period(x, bud, 1, 12);
    value(x, bud, yuan(x, &b->amount, &total));
    const jx_plan *plan = (const jx_plan *)jx_project_field(p, JX_NODE_PLAN);
    if (plan) disbursements(x, act, plan, total);
  } else {
    prop(act, "budget-not-provided", "1");
  }
  for (size_t i = 0; i < p->fields.len; i++) {
    const jx_node *f = p->fields.items[i];
    if (f->kind == JX_NODE_GROUP && !((const jx_group *)f)->medium_term)
      indicators(x, act, (const jx_group *)f);
  }
}

static void each_project(jx_node *item, const jx_file *file, void *data) {
  (void)file;
  void **args = data;
  if (item->kind == JX_NODE_PROJECT) activity(args[0], args[1], (const jx_project *)item);
}

xmlDocPtr jx_iati_build(jx_ctx *ctx, const jx_document *doc, const jx_library *lib) {
  iati x = {.ctx = ctx, .lib = lib};
  jx_document_items(doc, collect, &x);
  if (!x.money) x.money = jx_units_find(&lib->units, "元");
  if (!x.framework) x.framework = jx_framework_find(&lib->frameworks, NULL);
  xmlDocPtr xml = xmlNewDoc(BAD_CAST "1.0");
  xmlNodePtr root = xmlNewNode(NULL, BAD_CAST "iati-activities");
  xmlDocSetRootElement(xml, root);
  prop(root, "version", "2.03");
  void *args[2] = {&x, root};
  jx_document_items(doc, each_project, args);
  return xml;
}
