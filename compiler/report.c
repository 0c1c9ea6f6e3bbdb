#include "report.h"

#include <stdlib.h>
#include <string.h>

#include "format.h"
#include "units.h"

typedef struct builder {
  jx_ctx *ctx;
  const jx_library *lib;
  const jx_report_options *opt;
  jx_tables *r;
  const jx_unit *money;
  jx_report_unit *unit; /* the unit being filled */
  int number;
  bool overflow;        /* an amount did not fit the decimal type */
} builder;

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

static const char *text_of(const jx_project *p, jx_node_kind k) {
  const jx_text_item *t = (const jx_text_item *)jx_project_field(p, k);
  return t ? t->text.text : "";
}

static void plan_columns(builder *b, jx_report_project *rp) {
  bool used[13] = {false};
  used[3] = used[6] = used[10] = used[12] = true;
  const jx_plan *plan = (const jx_plan *)jx_project_field(rp->project, JX_NODE_PLAN);
  for (size_t i = 0; plan && i < plan->entries.len; i++) {
    const jx_plan_entry *e = plan->entries.items[i];
    if (e->month >= 1 && e->month <= 12) used[e->month] = true;
  }
  for (int m = 1; m <= 12; m++) {
    if (!used[m]) continue;
    rp->months[rp->nmonths] = m;
    rp->plan[rp->nmonths] = "";
    for (size_t i = 0; plan && i < plan->entries.len; i++) {
      const jx_plan_entry *e = plan->entries.items[i];
      if (e->month == m)
        rp->plan[rp->nmonths] = jx_arena_printf(b->ctx->arena, "%s%%", e->percent_text);
    }
    rp->nmonths++;
  }
}

static void budget_cells(builder *b, jx_report_project *rp) {
  rp->budget = rp->fiscal = rp->other = "";
  rp->budget_value = rp->fiscal_value = rp->other_value = jx_decimal_from_int(0);
  const jx_budget *bud = (const jx_budget *)jx_project_field(rp->project, JX_NODE_BUDGET);
  if (!bud) return;
  jx_decimal v;
  in_base(b, &bud->amount, &v);
  rp->budget = money(b, v, &rp->budget_value);
  for (size_t i = 0; i < bud->sources.len; i++) {
    const jx_fund_source *s = bud->sources.items[i];
    if (s->kind == JX_SOURCE_NAMED || !s->amount) continue;
    in_base(b, s->amount, &v);
    if (s->kind == JX_SOURCE_FISCAL)
      rp->fiscal = money(b, v, &rp->fiscal_value);
    else
      rp->other = money(b, v, &rp->other_value);
  }
}

static void rows(builder *b, jx_report_project *rp) {
  const jx_project *p = rp->project;
  for (size_t i = 0; i < p->fields.len; i++) {
    const jx_node *f = p->fields.items[i];
    if (f->kind != JX_NODE_GROUP) continue;
    const jx_group *g = (const jx_group *)f;
    const char *level1 = g->medium_term
                             ? jx_arena_printf(b->ctx->arena, "%s（中期）", g->level1.text)
                             : g->level1.text;
    jx_report_row *first1 = NULL, *first2 = NULL;
    for (size_t k = 0; k < g->rows.len; k++) {
      const jx_row *row = g->rows.items[k];
      jx_report_row *rr = jx_arena_alloc(b->ctx->arena, sizeof *rr);
      rr->row = row;
      rr->level1 = level1;
      rr->level2 = row->level2.text;
      rr->name = row->name.text;
      rr->description = row->not_applicable_row ? "不涉及"
                        : row->description      ? row->description->text
                                                : "";
      rr->value = jx_value_display(b->ctx, &row->value);
      rr->basis = row->not_applicable_row ? "不涉及" : row->basis ? row->basis->text : "";
      rr->medium_term = g->medium_term;
      if (!first1) {
        first1 = rr;
      }
      first1->level1_span++;
      if (!first2 || strcmp(first2->level2, rr->level2)) first2 = rr;
      first2->level2_span++;
      jx_list_push(b->ctx->arena, &rp->rows, rr);
    }
  }
}

static jx_report_unit *unit_for(builder *b, const jx_org *a) {
  for (size_t i = 0; i < b->r->units.len; i++) {
    jx_report_unit *u = b->r->units.items[i];
    if (!strcmp(u->code, a->code->text)) return u;
  }
  jx_report_unit *u = jx_arena_alloc(b->ctx->arena, sizeof *u);
  u->code = a->code->text;
  u->name = a->name.text;
  jx_list_push(b->ctx->arena, &b->r->units, u);
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
      rp->name = p->name.text;
      rp->purpose = text_of(p, JX_NODE_PURPOSE);
      rp->target = text_of(p, JX_NODE_TARGET);
      budget_cells(b, rp);
      plan_columns(b, rp);
      rows(b, rp);
      jx_report_unit *u = unit_for(b, p->agency);
      jx_list_push(b->ctx->arena, &u->projects, rp);
      break;
    }
    default: break;
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
  /* The money unit is in the header, before the projects. */
  jx_document_items(doc, visit, &b);
  if (!r->units.len) {
    *why = opt->project ? jx_arena_printf(ctx->arena, "no project has the code %s", opt->project)
           : opt->unit  ? jx_arena_printf(ctx->arena, "no budget unit has the code %s", opt->unit)
                        : "the document has no projects";
    return NULL;
  }
  jx_decimal tb = {0, 0}, tf = {0, 0}, to = {0, 0};
  for (size_t i = 0; i < r->units.len; i++) {
    jx_report_unit *u = r->units.items[i];
    jx_decimal ub = {0, 0}, uf = {0, 0}, uo = {0, 0};
    for (size_t k = 0; k < u->projects.len; k++) {
      jx_report_project *p = u->projects.items[k];
      if (!jx_decimal_add(ub, p->budget_value, &ub) ||
          !jx_decimal_add(uf, p->fiscal_value, &uf) ||
          !jx_decimal_add(uo, p->other_value, &uo))
        b.overflow = true;
      u->nrows += (int)p->rows.len;
    }
    /* The sums are of cells already in the money unit. */
    u->budget = cell(&b, ub, &u->budget_value);
    u->fiscal = cell(&b, uf, &u->fiscal_value);
    u->other = cell(&b, uo, &u->other_value);
    if (!jx_decimal_add(tb, ub, &tb) || !jx_decimal_add(tf, uf, &tf) ||
        !jx_decimal_add(to, uo, &to))
      b.overflow = true;
    r->nprojects += (int)u->projects.len;
    r->nrows += u->nrows;
  }
  r->budget = cell(&b, tb, NULL);
  r->fiscal = cell(&b, tf, NULL);
  r->other = cell(&b, to, NULL);
  if (b.overflow) {
    *why = "an amount or a total is too large for exact arithmetic";
    return NULL;
  }
  return r;
}
