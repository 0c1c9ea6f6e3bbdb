#include "report.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "format.h"
#include "funding.h"
#include "i18n.h"
#include "units.h"

/* One ideographic space (U+3000) per level indents nested lines: it is as
 * wide as a CJK character and survives every format (pipe tables and
 * spreadsheets keep it; text wrapping only drops ASCII spaces). */
static const char indent_unit[] = "\xE3\x80\x80";

/* ---- a string-keyed hash map in the arena (units, 类别 lines, labels) ---- */

typedef struct map {
  const char **keys;
  void **values;
  size_t cap, len;
} map;

static uint64_t hash(const char *s) {
  uint64_t h = 1469598103934665603u; /* FNV-1a */
  for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211u;
  return h;
}

/* The slot of key: its value, or NULL when absent (then set *slot). */
static void **map_slot(jx_arena *a, map *m, const char *key) {
  if (2 * (m->len + 1) > m->cap) {
    map bigger = {0};
    bigger.cap = m->cap ? 2 * m->cap : 64;
    bigger.keys = jx_arena_alloc(a, bigger.cap * sizeof *bigger.keys);
    bigger.values = jx_arena_alloc(a, bigger.cap * sizeof *bigger.values);
    for (size_t i = 0; i < m->cap; i++) {
      if (!m->keys[i]) continue;
      size_t k = hash(m->keys[i]) & (bigger.cap - 1);
      while (bigger.keys[k]) k = (k + 1) & (bigger.cap - 1);
      bigger.keys[k] = m->keys[i];
      bigger.values[k] = m->values[i];
    }
    bigger.len = m->len;
    *m = bigger;
  }
  size_t k = hash(key) & (m->cap - 1);
  while (m->keys[k] && strcmp(m->keys[k], key)) k = (k + 1) & (m->cap - 1);
  if (!m->keys[k]) {
    m->keys[k] = key;
    m->len++;
  }
  return &m->values[k];
}

/* ---- the builder ---- */

typedef struct builder {
  jx_ctx *ctx;
  const jx_library *lib;
  const jx_report_options *opt;
  jx_tables *r;
  const jx_unit *money;
  int number;
  bool overflow;        /* an amount did not fit the decimal type */
  map units;            /* "c" code or "n" name -> jx_report_unit * */
  map sections;         /* the 类别 line's address -> its subtotal cell */
  map labels;           /* 栏目 label -> itself, once listed */
  bool months[13];      /* the months any plan of the document writes */
  map spelling;         /* a unit's name -> the name values print it with */
} builder;

/* An exact sum of cells that may be empty: empty while nothing was added. */
typedef struct sum {
  jx_decimal value;
  bool any;
} sum;

static void add(builder *b, sum *s, bool has, jx_decimal v) {
  if (!has) return;
  if (!jx_decimal_add(s->value, v, &s->value)) b->overflow = true;
  s->any = true;
}

/* A value already in the money unit as a cell. It shows the decimals of the
 * base unit (元 to the 分: 2), which the official forms also use for 万元,
 * and more when the value has them, so nothing is ever rounded away. */
static const char *cell(builder *b, jx_decimal v, jx_decimal *shown) {
  v = jx_decimal_normalize(v);
  int want = b->money && b->money->precision >= 0 ? b->money->precision : 2;
  if (v.scale < want && !jx_decimal_rescale(v, want, &v)) b->overflow = true;
  if (shown) *shown = v;
  char buf[JX_DECIMAL_BUFSIZE];
  return jx_arena_strdup(b->ctx->arena, jx_decimal_format(v, buf));
}

/* A sum as a cell: "" when nothing was added (an empty cell is not 0.00). */
static const char *sum_cell(builder *b, sum s, jx_decimal *shown) {
  if (shown) *shown = jx_decimal_from_int(0);
  return s.any ? cell(b, s.value, shown) : "";
}

/* A value in 元 as a cell in the document's money unit. */
static const char *money(builder *b, jx_decimal base, jx_decimal *shown) {
  int k;
  jx_decimal v = base;
  if (b->money && jx_decimal_power_of_ten(b->money->factor, &k) && !jx_decimal_shift(base, -k, &v))
    b->overflow = true;
  return cell(b, v, shown);
}

static bool in_base(builder *b, const jx_amount *a, jx_decimal *out) {
  const jx_unit *u = a->unit ? jx_units_find(&b->lib->units, a->unit->text) : b->money;
  if (!u || !jx_unit_to_base(u, a->value, out)) {
    /* The checker has rejected such an amount before any build. */
    *out = a->value;
    b->overflow = true;
    return false;
  }
  return true;
}

/* An amount as a cell in the money unit; "" for an empty one (NULL). */
static const char *amount_cell(builder *b, const jx_amount *a, jx_decimal *shown) {
  if (shown) *shown = jx_decimal_from_int(0);
  if (!a) return "";
  jx_decimal v;
  in_base(b, a, &v);
  return money(b, v, shown);
}

static const char *indented(builder *b, int depth, const char *s) {
  const char *pad = "";
  for (int i = 0; i < depth; i++) pad = jx_arena_printf(b->ctx->arena, "%s%s", pad, indent_unit);
  return jx_arena_printf(b->ctx->arena, "%s%s", pad, s);
}

static const jx_text_item *text_field(const jx_project *p, jx_node_kind k) {
  return (const jx_text_item *)jx_project_field(p, k);
}

static const char *text_of(const jx_project *p, jx_node_kind k) {
  const jx_text_item *t = text_field(p, k);
  return t ? t->text.text : "";
}

static void field(builder *b, jx_list *l, const char *label, const char *text) {
  jx_report_field *f = jx_arena_alloc(b->ctx->arena, sizeof *f);
  f->label = label;
  f->text = text;
  jx_list_push(b->ctx->arena, l, f);
}

/* ---- the spending plan ---- */

/* Every form of a document has the same plan columns: the months its plans
 * write (3月底, 6月底, 10月底, 12月底 in the seed; 7 months, or 12, where a
 * document plans so), in calendar order, so no column is one that no plan
 * fills. A document without any plan prints the usual four, empty. */
static void plan_months(builder *b, const jx_project *p) {
  const jx_plan *plan = (const jx_plan *)jx_project_field(p, JX_NODE_PLAN);
  for (size_t i = 0; plan && i < plan->entries.len; i++) {
    const jx_plan_entry *e = plan->entries.items[i];
    if (e->month >= 1 && e->month <= 12) b->months[e->month] = true;
  }
}

static void default_months(builder *b) {
  for (int m = 1; m <= 12; m++)
    if (b->months[m]) return;
  b->months[3] = b->months[6] = b->months[10] = b->months[12] = true;
}

static void plan_columns(builder *b, jx_report_project *rp) {
  const jx_plan *plan = (const jx_plan *)jx_project_field(rp->project, JX_NODE_PLAN);
  rp->plan_text = "";
  for (int m = 1; m <= 12; m++) {
    if (!b->months[m]) continue;
    rp->months[rp->nmonths] = m;
    rp->plan[rp->nmonths] = "";
    for (size_t i = 0; plan && i < plan->entries.len; i++) {
      const jx_plan_entry *e = plan->entries.items[i];
      if (e->month == m)
        rp->plan[rp->nmonths] = jx_arena_printf(b->ctx->arena, "%s%%", e->percent_text);
    }
    if (*rp->plan[rp->nmonths])
      rp->plan_text = jx_arena_printf(b->ctx->arena, "%s%s%d月底 %s", rp->plan_text,
                                      *rp->plan_text ? "；" : "", m, rp->plan[rp->nmonths]);
    rp->nmonths++;
  }
}

/* ---- funding ---- */

/* A node of the merged source tree of a project's budgets. */
typedef struct snode {
  jx_report_source *line;
  jx_list children; /* snode * */
  unsigned filled;  /* bit k: budget k has put its source on this line */
} snode;

static snode *snode_new(builder *b, const char *name, int depth) {
  snode *n = jx_arena_alloc(b->ctx->arena, sizeof *n);
  n->line = jx_arena_alloc(b->ctx->arena, sizeof *n->line);
  n->line->name = name;
  n->line->label = indented(b, depth, name);
  n->line->depth = depth;
  for (int i = 0; i < JX_REPORT_NBUDGETS; i++) n->line->cell[i] = "";
  return n;
}

/* Adds the sources of budget `col` under parent, a line per name and place;
 * returns the sources as one line of text ("财政拨款 200.00（…；…）"). */
static const char *merge_sources(builder *b, snode *parent, const jx_list *sources, int col,
                                 int depth) {
  const char *text = "";
  for (size_t i = 0; i < sources->len; i++) {
    const jx_fund_source *s = sources->items[i];
    snode *n = NULL;
    /* A budget names a handful of sources: a scan of the siblings. A name
     * a budget repeats gets a second line rather than losing an amount. */
    for (size_t k = 0; k < parent->children.len && !n; k++) {
      snode *c = parent->children.items[k];
      if (!strcmp(c->line->name, s->name.text) && !(c->filled & (1u << col))) n = c;
    }
    if (!n) {
      n = snode_new(b, s->name.text, depth);
      jx_list_push(b->ctx->arena, &parent->children, n);
    }
    n->line->cell[col] = amount_cell(b, s->amount, NULL);
    n->filled |= 1u << col;
    const char *one = *n->line->cell[col]
                          ? jx_arena_printf(b->ctx->arena, "%s %s", s->name.text, n->line->cell[col])
                          : s->name.text;
    if (s->parts.len)
      one = jx_arena_printf(b->ctx->arena, "%s（%s）", one,
                            merge_sources(b, n, &s->parts, col, depth + 1));
    text = jx_arena_printf(b->ctx->arena, "%s%s%s", text, *text ? "；" : "", one);
  }
  return text;
}

static void flatten(builder *b, jx_report_project *rp, const snode *n) {
  for (size_t i = 0; i < n->children.len; i++) {
    const snode *c = n->children.items[i];
    jx_list_push(b->ctx->arena, &rp->sources, c->line);
    flatten(b, rp, c);
  }
}

/* Whether the 预算数 | 财政资金 | 其他资金 row says all there is: only a 预算,
 * its sources (if any) 财政资金 and 其他资金 and not split further. */
static bool simple_funding(const jx_report_project *rp, const jx_budget *annual) {
  if (rp->budgets[JX_REPORT_TOTAL_FUNDS] || rp->budgets[JX_REPORT_MEDIUM]) return false;
  for (size_t i = 0; annual && i < annual->sources.len; i++) {
    const jx_fund_source *s = annual->sources.items[i];
    if (s->kind == JX_SOURCE_NAMED || s->parts.len) return false;
  }
  return true;
}

static void funding(builder *b, jx_report_project *rp) {
  static const jx_node_kind kinds[JX_REPORT_NBUDGETS] = {
      JX_NODE_TOTAL_FUNDS, JX_NODE_MEDIUM_BUDGET, JX_NODE_BUDGET};
  rp->budget = rp->fiscal = rp->other = "";
  rp->budget_value = rp->fiscal_value = rp->other_value = jx_decimal_from_int(0);
  snode *root = snode_new(b, "合计", 0);
  const jx_budget *annual = NULL;
  for (int col = 0; col < JX_REPORT_NBUDGETS; col++) {
    rp->budget_cells[col] = rp->source_texts[col] = "";
    const jx_budget *bud = (const jx_budget *)jx_project_field(rp->project, kinds[col]);
    if (!bud) continue;
    rp->budgets[col] = true;
    rp->budget_cells[col] = root->line->cell[col] = amount_cell(b, &bud->amount, NULL);
    rp->source_texts[col] = merge_sources(b, root, &bud->sources, col, 0);
    if (kinds[col] == JX_NODE_BUDGET) annual = bud;
  }
  if (annual) {
    rp->has_budget = true;
    rp->budget = amount_cell(b, &annual->amount, &rp->budget_value);
    /* The columns: each top-level source by its declared kind. A source of
     * no known kind counts in neither (the funding table shows it); one
     * without an amount adds nothing, and a column nothing was added to
     * stays empty. */
    sum fiscal = {{0, 0}, false}, other = {{0, 0}, false};
    for (size_t i = 0; i < annual->sources.len; i++) {
      const jx_fund_source *s = annual->sources.items[i];
      if (!s->amount) continue;
      jx_decimal v;
      amount_cell(b, s->amount, &v);
      switch (jx_fund_source_kind(&b->lib->sources, s)) {
        case JX_FUNDS_FISCAL: add(b, &fiscal, true, v); break;
        case JX_FUNDS_OTHER: add(b, &other, true, v); break;
        case JX_FUNDS_UNKNOWN: break;
      }
    }
    rp->has_fiscal = fiscal.any;
    rp->has_other = other.any;
    rp->fiscal = sum_cell(b, fiscal, &rp->fiscal_value);
    rp->other = sum_cell(b, other, &rp->other_value);
  }
  if (simple_funding(rp, annual)) return;
  jx_list_push(b->ctx->arena, &rp->sources, root->line);
  flatten(b, rp, root);
}

/* ---- the fields of other provinces' forms ---- */

/* The 类别 line's subtotal: its declared 合计, else the sum of its projects'
 * budgets ("" when none has one); once per line. */
static const char *section_total(builder *b, const jx_org *sec) {
  const char *key = jx_arena_printf(b->ctx->arena, "%p", (const void *)sec);
  void **slot = map_slot(b->ctx->arena, &b->sections, key);
  if (*slot) return *slot;
  const char *total;
  if (sec->total) {
    total = amount_cell(b, sec->total, NULL);
  } else {
    sum s = {{0, 0}, false};
    for (size_t i = 0; i < sec->projects.len; i++) {
      const jx_budget *bud =
          (const jx_budget *)jx_project_field(sec->projects.items[i], JX_NODE_BUDGET);
      jx_decimal v = {0, 0};
      if (bud) amount_cell(b, &bud->amount, &v);
      add(b, &s, bud != NULL, v);
    }
    total = sum_cell(b, s, NULL);
  }
  *slot = (void *)total;
  return total;
}

static void template_fields(builder *b, jx_report_project *rp) {
  const jx_project *p = rp->project;
  jx_arena *a = b->ctx->arena;
  rp->section = p->section ? p->section->name.text : "";
  rp->section_total = p->section ? section_total(b, p->section) : "";
  rp->category = jx_project_field(p, JX_NODE_CATEGORY) ? text_of(p, JX_NODE_CATEGORY) : rp->section;
  const jx_period *period = (const jx_period *)jx_project_field(p, JX_NODE_PERIOD);
  rp->period = period ? jx_arena_printf(a, "%s至%s", period->from.text, period->to.text) : "";
  const jx_org *sup = (const jx_org *)jx_project_field(p, JX_NODE_SUPERVISOR);
  rp->supervisor_code = sup && sup->code ? sup->code->text : "";
  rp->supervisor = sup ? sup->name.text : "";
  rp->implementer = text_of(p, JX_NODE_IMPLEMENTER);
  rp->oversight = text_of(p, JX_NODE_OVERSIGHT);
  rp->parent_project = text_of(p, JX_NODE_PARENT_PROJECT);
  rp->project_type = text_of(p, JX_NODE_PROJECT_TYPE);
  rp->funds_nature = text_of(p, JX_NODE_FUNDS_NATURE);
  rp->overview = text_of(p, JX_NODE_OVERVIEW);
  rp->legal_basis = text_of(p, JX_NODE_LEGAL_BASIS);
  rp->medium_target = text_of(p, JX_NODE_MEDIUM_TARGET);
  rp->notes = text_of(p, JX_NODE_NOTES);
  const jx_contact *contact = (const jx_contact *)jx_project_field(p, JX_NODE_CONTACT);
  rp->contact = contact ? contact->name.text : "";
  rp->phone = contact && contact->phone ? contact->phone->text : "";

  /* The short fields, in the order of the forms that have them. */
  if (sup)
    field(b, &rp->info, sup->code ? "主管部门及代码" : "主管部门",
          sup->code ? jx_arena_printf(a, "%s %s", sup->code->text, sup->name.text)
                    : sup->name.text);
  if (text_field(p, JX_NODE_IMPLEMENTER)) field(b, &rp->info, "实施单位", rp->implementer);
  if (text_field(p, JX_NODE_OVERSIGHT)) field(b, &rp->info, "监督管理单位", rp->oversight);
  if (text_field(p, JX_NODE_PARENT_PROJECT)) field(b, &rp->info, "一级项目", rp->parent_project);
  if (jx_project_field(p, JX_NODE_CATEGORY) || p->section)
    field(b, &rp->info, "项目类别", rp->category);
  if (text_field(p, JX_NODE_PROJECT_TYPE)) field(b, &rp->info, "项目类型", rp->project_type);
  if (period) field(b, &rp->info, "项目期", rp->period);
  if (text_field(p, JX_NODE_FUNDS_NATURE)) field(b, &rp->info, "资金性质", rp->funds_nature);
  if (contact) field(b, &rp->info, "负责人", rp->contact);
  if (contact && contact->phone) field(b, &rp->info, "联系电话", rp->phone);
  if (text_field(p, JX_NODE_OVERVIEW)) field(b, &rp->texts, "项目概况", rp->overview);
  if (text_field(p, JX_NODE_LEGAL_BASIS)) field(b, &rp->texts, "立项依据", rp->legal_basis);

  rp->schedule_text = "";
  for (size_t i = 0; i < p->fields.len; i++) {
    const jx_node *f = p->fields.items[i];
    if (f->kind == JX_NODE_LABELLED) {
      const jx_labelled *l = (const jx_labelled *)f;
      field(b, &rp->labelled, l->label.text, l->text.text);
      void **slot = map_slot(a, &b->labels, l->label.text);
      if (!*slot) {
        *slot = (void *)l->label.text;
        jx_list_push(a, &b->r->labels, (void *)l->label.text);
      }
    } else if (f->kind == JX_NODE_SCHEDULE) {
      const jx_schedule *s = (const jx_schedule *)f;
      for (size_t k = 0; k < s->stages.len; k++) {
        const jx_stage *st = s->stages.items[k];
        jx_report_stage *rs = jx_arena_alloc(a, sizeof *rs);
        rs->name = st->name.text;
        rs->when = jx_value_display(b->ctx, &st->when);
        rs->description = st->description ? st->description->text : "";
        jx_list_push(a, &rp->stages, rs);
        rp->schedule_text = jx_arena_printf(a, "%s%s%s %s%s%s", rp->schedule_text,
                                            *rp->schedule_text ? "；" : "", rs->name, rs->when,
                                            *rs->description ? " " : "", rs->description);
      }
    }
  }
}

/* ---- one display form per unit ---- */

/* How often a document's indicator values use each ratio unit, to print
 * one form where the source mixes them (doc/tables.md): all ratios in % when
 * it writes more than one of %, 百分比 and 比例 (≥0.95比例 beside ≥95% prints
 * ≥95%). Other units keep the name written: 延长米 is not said as 米, nor
 * 日 as 天, even where the library makes them the same size. */
typedef struct usage {
  const jx_unit *unit;
  int count, first;
} usage;

typedef struct spellings {
  map seen;   /* unit name -> usage * */
  jx_list all; /* usage *, first use first */
} spellings;

static const jx_quantity *quantity_of(const jx_value *v) {
  if (v->kind == JX_VALUE_QUANTITY) return &v->quantity;
  if ((v->kind == JX_VALUE_RELATIVE || v->kind == JX_VALUE_DEADLINE) && v->has_quantity)
    return &v->quantity;
  return NULL;
}

static void count_unit(builder *b, spellings *sp, const jx_value *v) {
  const jx_quantity *q = v ? quantity_of(v) : NULL;
  if (!q || !*q->unit.text) return;
  const jx_unit *u = jx_units_find(&b->lib->units, q->unit.text);
  if (!u) return; /* a compound unit (元/人/年) prints as written */
  void **slot = map_slot(b->ctx->arena, &sp->seen, u->name);
  usage *us = *slot;
  if (!us) {
    us = *slot = jx_arena_alloc(b->ctx->arena, sizeof *us);
    us->unit = u;
    us->first = (int)sp->all.len;
    jx_list_push(b->ctx->arena, &sp->all, us);
  }
  us->count++;
}

static void count_units(builder *b, spellings *sp, const jx_project *p) {
  for (size_t i = 0; i < p->fields.len; i++) {
    const jx_node *f = p->fields.items[i];
    if (f->kind != JX_NODE_GROUP) continue;
    const jx_group *g = (const jx_group *)f;
    for (size_t k = 0; k < g->rows.len; k++) {
      const jx_row *row = g->rows.items[k];
      count_unit(b, sp, &row->value);
      count_unit(b, sp, row->long_term);
    }
  }
}

static bool is_ratio(const jx_unit *u) { return u->role && !strcmp(u->role, "ratio"); }

/* The spelling each unit of the document prints with (b->spelling): % for
 * every ratio unit when the document uses more than one. */
static void choose_spellings(builder *b, const spellings *sp) {
  int ratios = 0;
  const jx_unit *percent = jx_units_find(&b->lib->units, "%");
  for (size_t i = 0; i < sp->all.len; i++) ratios += is_ratio(((usage *)sp->all.items[i])->unit);
  if (ratios < 2 || !percent) return;
  for (size_t i = 0; i < sp->all.len; i++) {
    const usage *u = sp->all.items[i];
    if (is_ratio(u->unit) && !strcmp(percent->base, u->unit->base))
      *map_slot(b->ctx->arena, &b->spelling, u->unit->name) = (void *)percent;
  }
}

/* A value as the form shows it, in the document's one spelling of its
 * unit: 0.95比例 becomes 95% (the number converted exactly), 98百分比 98%. */
static const char *value_display(builder *b, const jx_value *v) {
  const jx_quantity *q = quantity_of(v);
  const jx_unit *from = q && *q->unit.text && b->spelling.len
                            ? jx_units_find(&b->lib->units, q->unit.text)
                            : NULL;
  void **slot = from ? map_slot(b->ctx->arena, &b->spelling, from->name) : NULL;
  const jx_unit *to = slot ? *slot : NULL;
  if (!to || to == from) return jx_value_display(b->ctx, v);
  jx_value shown = *v;
  shown.quantity.unit.text = to->name;
  /* from's factor over to's factor: 比例 = 100 %, so ×100; a power of ten
   * shifts the decimal point exactly. */
  int kf, kt;
  jx_decimal n;
  char buf[JX_DECIMAL_BUFSIZE];
  if (!q->placeholder) {
    if (!jx_decimal_power_of_ten(from->factor, &kf) || !jx_decimal_power_of_ten(to->factor, &kt) ||
        !jx_decimal_shift(q->number, kf - kt, &n))
      return jx_value_display(b->ctx, v);
    shown.quantity.number_text =
        jx_arena_strdup(b->ctx->arena, jx_decimal_format(jx_decimal_normalize(n), buf));
  }
  return jx_value_display(b->ctx, &shown);
}

/* ---- indicator rows ---- */

static void rows(builder *b, jx_report_project *rp) {
  const jx_project *p = rp->project;
  jx_arena *a = b->ctx->arena;
  for (size_t i = 0; i < p->fields.len; i++) {
    const jx_node *f = p->fields.items[i];
    if (f->kind != JX_NODE_GROUP) continue;
    const jx_group *g = (const jx_group *)f;
    const char *level1 = g->medium_term ? jx_arena_printf(a, "%s（中期）", g->level1.text)
                                        : g->level1.text;
    jx_report_row *first1 = NULL, *first2 = NULL;
    for (size_t k = 0; k < g->rows.len; k++) {
      const jx_row *row = g->rows.items[k];
      jx_report_row *rr = jx_arena_alloc(a, sizeof *rr);
      rr->row = row;
      rr->level1 = level1;
      rr->level2 = row->level2.text;
      rr->name = row->ordinal ? jx_arena_printf(a, "%s%s", row->ordinal, row->name.text)
                              : row->name.text;
      rr->description = row->not_applicable_row ? "不涉及"
                        : row->description      ? row->description->text
                                                : "";
      rr->value = value_display(b, &row->value);
      rr->long_term = row->long_term ? value_display(b, row->long_term) : "";
      rr->standard = row->standard ? row->standard->text : "";
      rr->basis = row->not_applicable_row ? "不涉及" : row->basis ? row->basis->text : "";
      rr->medium_term = g->medium_term;
      rr->flat = g->flat;
      if (row->long_term) rp->has_long_term = true;
      if (row->standard) rp->has_standard = true;
      if (g->flat && row->description) rp->flat_description = true;
      if (g->flat)
        rp->nflat++;
      else
        rp->nlevelled++;
      if (!first1) first1 = rr;
      first1->level1_span++;
      if (!first2 || strcmp(first2->level2, rr->level2)) first2 = rr;
      first2->level2_span++;
      jx_list_push(a, &rp->rows, rr);
    }
  }
}

/* ---- where lines must not break ---- */

/* The labels of the forms, kept whole on a line like the terms of the
 * library (指标值确定依据, not 指标值确定依/据). */
static const char *const form_labels[] = {
    "项目编码", "项目名称", "预算数", "财政资金", "其他资金", "资金用途", "预算规模",
    "资金支出计划", "绩效目标", "中期目标", "一级指标", "二级指标", "三级指标",
    "绩效指标描述", "指标值", "年度指标值", "长期指标值", "绩效标准", "指标值确定依据",
    "指标名称", "绩效指标", "项目资金", "资金来源", "资金总额", "中期预算", "年度预算",
    "实施进度", "阶段", "时间", "描述", "项目概况", "立项依据", "主管部门", "代码",
    "实施单位", "监督管理单位", "一级项目", "项目类别", "项目类型", "项目期", "资金性质",
    "负责人", "联系电话", "其他说明", "单位编码", "单位名称", "项目数", "指标数", "合计",
    "编码", "名称", "不涉及", "预算项目汇总表", "部门预算绩效文本", "总体绩效目标",
    "分项绩效目标", "工作保障措施", "部门整体绩效目标", "预算项目绩效目标", "绩效目标表"};

static const jx_breaks *breaks_for(jx_ctx *ctx, const jx_library *lib) {
  jx_breaks *br = jx_breaks_new(ctx->arena);
  for (size_t i = 0; i < sizeof form_labels / sizeof form_labels[0]; i++)
    jx_breaks_add_term(br, form_labels[i]);
  for (size_t i = 0; i < lib->frameworks.defs.len; i++) {
    const jx_framework_def *f = lib->frameworks.defs.items[i];
    for (size_t g = 0; g < f->groups.len; g++) {
      const jx_fw_group *grp = f->groups.items[g];
      jx_breaks_add_term(br, grp->name.text);
      for (size_t k = 0; k < grp->levels.len; k++)
        jx_breaks_add_term(br, ((const jx_fw_level *)grp->levels.items[k])->name.text);
    }
  }
  for (size_t i = 0; i < lib->sources.defs.len; i++)
    jx_breaks_add_term(br, ((const jx_source_def *)lib->sources.defs.items[i])->name.text);
  for (int r = JX_REL_IMPROVE; r <= JX_REL_SAME; r++)
    jx_breaks_add_term(br, jx_relative_text((jx_relative)r));
  for (size_t i = 0; i < lib->units.units.len; i++)
    jx_breaks_add_unit(br, ((const jx_unit *)lib->units.units.items[i])->name);
  jx_breaks_add_unit(br, "%");
  return br;
}

/* ---- units, the summary ---- */

static jx_report_unit *unit_for(builder *b, const jx_org *a) {
  const char *key = a->code ? jx_arena_printf(b->ctx->arena, "c%s", a->code->text)
                            : jx_arena_printf(b->ctx->arena, "n%s", a->name.text);
  void **slot = map_slot(b->ctx->arena, &b->units, key);
  if (*slot) return *slot;
  jx_report_unit *u = jx_arena_alloc(b->ctx->arena, sizeof *u);
  u->code = a->code ? a->code->text : "";
  u->name = a->name.text;
  u->heading = a->code ? jx_arena_printf(b->ctx->arena, "%s %s", u->code, u->name) : u->name;
  jx_list_push(b->ctx->arena, &b->r->units, u);
  *slot = u;
  return u;
}

static void visit(jx_node *item, const jx_file *file, void *data) {
  (void)file;
  builder *b = data;
  jx_tables *r = b->r;
  switch (item->kind) {
    case JX_NODE_DEPARTMENT: r->department = ((jx_org *)item)->name.text; break;
    case JX_NODE_YEAR: r->year = ((jx_name_item *)item)->value.text; break;
    case JX_NODE_COMPILED_BY: r->compiled_by = ((jx_text_item *)item)->text.text; break;
    case JX_NODE_REVIEWED_BY: r->reviewed_by = ((jx_text_item *)item)->text.text; break;
    case JX_NODE_OVERALL_TARGET: r->overall_target = ((jx_text_item *)item)->text.text; break;
    case JX_NODE_SUB_TARGET: jx_list_push(b->ctx->arena, &r->sub_targets, item); break;
    case JX_NODE_SAFEGUARD: jx_list_push(b->ctx->arena, &r->safeguards, item); break;
    case JX_NODE_MONEY_UNIT: {
      /* Amounts are shown in the 金额单位 when it is a power-of-ten multiple
       * of 元 (元, 万元, 亿元); otherwise, exactly, in 元. */
      const jx_unit *u = jx_units_find(&b->lib->units, ((jx_name_item *)item)->value.text);
      int k;
      if (u && jx_decimal_power_of_ten(u->factor, &k)) {
        b->money = u;
        r->money_unit = u->name;
      }
      break;
    }
    case JX_NODE_PROJECT: {
      const jx_project *p = (const jx_project *)item;
      b->number++;
      if (!p->agency) break;
      if (b->opt->project && (!p->code || strcmp(b->opt->project, p->code->text))) break;
      if (b->opt->unit && (!p->agency->code || strcmp(b->opt->unit, p->agency->code->text)))
        break;
      jx_report_project *rp = jx_arena_alloc(b->ctx->arena, sizeof *rp);
      rp->project = p;
      rp->number = b->number;
      rp->code = p->code ? p->code->text : "";
      rp->anchor = p->code ? p->code->text : jx_arena_printf(b->ctx->arena, "p%d", b->number);
      rp->name = p->name.text;
      rp->purpose = text_of(p, JX_NODE_PURPOSE);
      rp->target = text_of(p, JX_NODE_TARGET);
      funding(b, rp);
      plan_columns(b, rp);
      template_fields(b, rp);
      rows(b, rp);
      jx_report_unit *u = unit_for(b, p->agency);
      if (p->section) u->has_sections = true;
      jx_list_push(b->ctx->arena, &u->projects, rp);
      break;
    }
    default: break;
  }
}

/* Before the forms: what the whole document uses (whatever is selected,
 * so a project prints the same alone as in its document). */
typedef struct survey {
  builder *b;
  spellings units;
  bool as_written; /* the document says 数值写法 原样 */
} survey;

static void survey_item(jx_node *item, const jx_file *file, void *data) {
  (void)file;
  survey *sv = data;
  if (item->kind == JX_NODE_VALUE_SPELLING)
    sv->as_written = !strcmp(((const jx_name_item *)item)->value.text, "原样");
  if (item->kind != JX_NODE_PROJECT) return;
  plan_months(sv->b, (const jx_project *)item);
  count_units(sv->b, &sv->units, (const jx_project *)item);
}

/* Sums of a line's projects. */
typedef struct totals {
  sum budget, fiscal, other;
  int projects, rows;
} totals;

static void count(builder *b, totals *t, const jx_report_project *p) {
  add(b, &t->budget, p->has_budget, p->budget_value);
  add(b, &t->fiscal, p->has_fiscal, p->fiscal_value);
  add(b, &t->other, p->has_other, p->other_value);
  t->projects++;
  t->rows += (int)p->rows.len;
}

static jx_report_line *line(builder *b, jx_report_line_kind kind, int depth, const char *code,
                            const char *name) {
  jx_report_line *l = jx_arena_alloc(b->ctx->arena, sizeof *l);
  l->kind = kind;
  l->depth = depth;
  l->code = code;
  l->name = indented(b, depth, name);
  jx_list_push(b->ctx->arena, &b->r->lines, l);
  return l;
}

static void set_totals(builder *b, jx_report_line *l, const totals *t) {
  l->projects = jx_arena_printf(b->ctx->arena, "%d", t->projects);
  l->budget = sum_cell(b, t->budget, NULL);
  l->fiscal = sum_cell(b, t->fiscal, NULL);
  l->other = sum_cell(b, t->other, NULL);
  l->rows = jx_arena_printf(b->ctx->arena, "%d", t->rows);
}

/* A 类别 line of the summary and the projects under it. */
typedef struct group {
  const jx_org *section; /* NULL: a project outside any 类别 line */
  jx_list projects;      /* jx_report_project * */
} group;

/* The summary lines of a unit whose projects stand under 类别 lines: each
 * 类别's subtotal above its projects (in the order the forms list them),
 * projects outside any 类别 line on their own. */
static void section_lines(builder *b, const jx_report_unit *u) {
  jx_arena *a = b->ctx->arena;
  jx_list groups = {0};
  map seen = {0};
  for (size_t i = 0; i < u->projects.len; i++) {
    jx_report_project *p = u->projects.items[i];
    group *g = NULL;
    if (p->project->section) {
      void **slot = map_slot(a, &seen, jx_arena_printf(a, "%p", (const void *)p->project->section));
      g = *slot;
      if (!g) {
        g = *slot = jx_arena_alloc(a, sizeof *g);
        g->section = p->project->section;
        jx_list_push(a, &groups, g);
      }
    } else {
      g = jx_arena_alloc(a, sizeof *g);
      jx_list_push(a, &groups, g);
    }
    jx_list_push(a, &g->projects, p);
  }
  for (size_t i = 0; i < groups.len; i++) {
    const group *g = groups.items[i];
    int depth = 1;
    if (g->section) {
      totals t = {0};
      for (size_t k = 0; k < g->projects.len; k++) count(b, &t, g->projects.items[k]);
      jx_report_line *l = line(b, JX_LINE_SECTION, 1, "", g->section->name.text);
      set_totals(b, l, &t);
      l->budget = section_total(b, g->section);
      depth = 2;
    }
    for (size_t k = 0; k < g->projects.len; k++) {
      const jx_report_project *p = g->projects.items[k];
      jx_report_line *l = line(b, JX_LINE_PROJECT, depth, p->code, p->name);
      l->projects = "";
      l->budget = p->budget;
      l->fiscal = p->fiscal;
      l->other = p->other;
      l->rows = jx_arena_printf(a, "%zu", p->rows.len);
    }
  }
}

jx_tables *jx_report_build(jx_ctx *ctx, const jx_document *doc,
                           const jx_library *lib, const jx_report_options *opt,
                           const char **why) {
  builder b = {.ctx = ctx, .lib = lib, .opt = opt};
  b.r = jx_arena_alloc(ctx->arena, sizeof *b.r);
  jx_tables *r = b.r;
  r->department = r->year = r->compiled_by = r->reviewed_by = r->overall_target = "";
  r->money_unit = "元";
  b.money = jx_units_find(&lib->units, "元");
  r->whole_document = !opt->project && !opt->unit;
  r->breaks = breaks_for(ctx, lib);
  survey sv = {.b = &b};
  jx_document_items(doc, survey_item, &sv);
  default_months(&b);
  /* 数值写法 原样 in the document, or --as-written, keeps every spelling. */
  if (!opt->as_written && !sv.as_written) choose_spellings(&b, &sv.units);
  /* The money unit is in the header, before the projects. */
  jx_document_items(doc, visit, &b);
  if (!r->units.len) {
    *why = opt->project ? jx_arena_printf(ctx->arena, _("no project has the code %s"), opt->project)
           : opt->unit  ? jx_arena_printf(ctx->arena, _("no budget unit has the code %s"), opt->unit)
                        : _("the document has no projects");
    return NULL;
  }
  bool sections = false;
  for (size_t i = 0; i < r->units.len; i++)
    sections |= ((const jx_report_unit *)r->units.items[i])->has_sections;
  r->summary_code = sections ? "编码" : "单位编码";
  r->summary_name = sections ? "名称" : "单位名称";
  totals all = {0};
  for (size_t i = 0; i < r->units.len; i++) {
    jx_report_unit *u = r->units.items[i];
    totals t = {0};
    for (size_t k = 0; k < u->projects.len; k++) count(&b, &t, u->projects.items[k]);
    /* The sums are of cells already in the money unit. */
    u->budget = sum_cell(&b, t.budget, &u->budget_value);
    u->fiscal = sum_cell(&b, t.fiscal, &u->fiscal_value);
    u->other = sum_cell(&b, t.other, &u->other_value);
    u->nrows = t.rows;
    set_totals(&b, line(&b, JX_LINE_UNIT, 0, u->code, u->name), &t);
    if (u->has_sections) section_lines(&b, u);
    for (size_t k = 0; k < u->projects.len; k++) count(&b, &all, u->projects.items[k]);
  }
  r->nprojects = all.projects;
  r->nrows = all.rows;
  r->budget = sum_cell(&b, all.budget, NULL);
  r->fiscal = sum_cell(&b, all.fiscal, NULL);
  r->other = sum_cell(&b, all.other, NULL);
  if (b.overflow) {
    *why = _("an amount or a total is too large for exact arithmetic");
    return NULL;
  }
  return r;
}
