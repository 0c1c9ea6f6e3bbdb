/* Proves the bundled example encodes the whole seed document: recounts the
 * projects, indicator rows and budgets from the parsed AST and compares them
 * with figures read off the seed (chengde-justice-2025-performance-targets.txt)
 * by hand:
 *   324001 承德市司法局本级: tables 1-14, 14 projects, 85 indicator rows,
 *          budgets 22.50+45+5+22+86+3+22.50+7+27+10+20+14+9+13.50 = 306.50 万元
 *   324004 承德市戒毒管理所: tables 15-27, 13 projects, 90 indicator rows,
 *          budgets 18+20.06+20+165.85+51+18+50+100+100+71+350+79+21.95
 *          = 1064.86 万元
 *   department: 27 projects, 175 rows, 1371.36 万元; part one has 5
 *   sub-targets and 7 safeguard measures. */
#include <stdlib.h>

#include "check.h"
#include "ctx.h"
#include "diag.h"
#include "document.h"

struct unit_count {
  const char *code;
  int projects, rows;
  jx_decimal budget, fiscal;
};

struct counts {
  struct unit_count units[2];
  int projects, rows, sub_targets, safeguards, not_applicable_rows;
  jx_decimal budget;
  const char *first_code, *last_code;
};

static struct unit_count *unit_of(struct counts *c, const jx_project *p) {
  for (int i = 0; i < 2; i++)
    if (p->agency && p->agency->code && !strcmp(c->units[i].code, p->agency->code->text))
      return &c->units[i];
  return NULL;
}

static void count_project(struct counts *c, const jx_project *p) {
  struct unit_count *u = unit_of(c, p);
  CHECK(u != NULL);
  if (!u) return;
  CHECK(p->code != NULL);
  if (!p->code) return;
  if (!c->first_code) c->first_code = p->code->text;
  c->last_code = p->code->text;
  c->projects++;
  u->projects++;
  const jx_budget *b = (const jx_budget *)jx_project_field(p, JX_NODE_BUDGET);
  CHECK(b != NULL);
  if (b) {
    CHECK(jx_decimal_add(u->budget, b->amount.value, &u->budget));
    CHECK(jx_decimal_add(c->budget, b->amount.value, &c->budget));
    CHECK_INT(b->sources.len, 1);
    const jx_fund_source *s = b->sources.len ? b->sources.items[0] : NULL;
    CHECK(s && s->amount);
    if (s && s->amount) {
      CHECK_INT(s->kind, JX_SOURCE_FISCAL);
      CHECK(jx_decimal_add(u->fiscal, s->amount->value, &u->fiscal));
    }
  }
  CHECK(jx_project_field(p, JX_NODE_PURPOSE) != NULL);
  CHECK(jx_project_field(p, JX_NODE_TARGET) != NULL);
  CHECK(jx_project_field(p, JX_NODE_PLAN) != NULL);
  for (size_t i = 0; i < p->fields.len; i++) {
    const jx_node *f = p->fields.items[i];
    if (f->kind != JX_NODE_GROUP) continue;
    const jx_group *g = (const jx_group *)f;
    for (size_t r = 0; r < g->rows.len; r++) {
      const jx_row *row = g->rows.items[r];
      u->rows++;
      c->rows++;
      if (row->not_applicable_row) c->not_applicable_rows++;
    }
  }
}

static void visit(jx_node *item, const jx_file *file, void *data) {
  (void)file;
  struct counts *c = data;
  if (item->kind == JX_NODE_PROJECT) count_project(c, (const jx_project *)item);
  if (item->kind == JX_NODE_SUB_TARGET) c->sub_targets++;
  if (item->kind == JX_NODE_SAFEGUARD) c->safeguards++;
}

static int cmp_dec(jx_decimal d, const char *want) {
  jx_decimal w;
  if (!jx_decimal_parse(want, strlen(want), &w)) return 1;
  return jx_decimal_cmp(d, w);
}

int main(void) {
  const char *dir = getenv("EXAMPLES");
  char path[4096];
  snprintf(path, sizeof path, "%s/chengde-justice-2025", dir ? dir : "examples");
  jx_ctx *ctx = jx_ctx_new();
  const char *why = NULL;
  jx_document *doc = jx_document_load(ctx, path, &why);
  if (!doc) {
    fprintf(stderr, "cannot load %s: %s\n", path, why);
    return 1;
  }
  jx_diags_print(ctx, stderr);
  CHECK_INT(ctx->nerrors, 0);
  CHECK_INT(doc->files.len, 3);

  struct counts c = {0};
  c.units[0].code = "324001";
  c.units[1].code = "324004";
  jx_document_items(doc, visit, &c);

  CHECK_INT(c.projects, 27);
  CHECK_INT(c.rows, 175);
  CHECK_INT(c.sub_targets, 5);
  CHECK_INT(c.safeguards, 7);
  /* Table 22 has three 不涉及 rows, table 26 two. */
  CHECK_INT(c.not_applicable_rows, 5);
  CHECK(cmp_dec(c.budget, "1371.36") == 0);
  CHECK_STR(c.first_code ? c.first_code : "", "13080025P00010310003N");
  CHECK_STR(c.last_code ? c.last_code : "", "13080024P00015510006J");

  CHECK_INT(c.units[0].projects, 14);
  CHECK_INT(c.units[0].rows, 85);
  CHECK(cmp_dec(c.units[0].budget, "306.50") == 0);
  CHECK(cmp_dec(c.units[0].fiscal, "306.50") == 0);
  CHECK_INT(c.units[1].projects, 13);
  CHECK_INT(c.units[1].rows, 90);
  CHECK(cmp_dec(c.units[1].budget, "1064.86") == 0);
  CHECK(cmp_dec(c.units[1].fiscal, "1064.86") == 0);

  jx_ctx_free(ctx);
  return CHECK_DONE();
}
