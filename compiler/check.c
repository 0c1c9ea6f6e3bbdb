#include "check.h"

#include <stdlib.h>
#include <string.h>

#include "checker.h"

const char *jx_dec(jx_checker *c, jx_decimal d) {
  char buf[JX_DECIMAL_BUFSIZE];
  return jx_arena_strdup(c->ctx->arena, jx_decimal_format(d, buf));
}

const char *jx_money_text(jx_checker *c, jx_decimal base_value) {
  int k;
  jx_decimal v;
  if (c->money && jx_decimal_power_of_ten(c->money->factor, &k) &&
      jx_decimal_shift(base_value, -k, &v))
    return jx_arena_printf(c->ctx->arena, "%s %s",
                           jx_dec(c, jx_decimal_normalize(v)), c->money->name);
  return jx_arena_printf(c->ctx->arena, "%s 元", jx_dec(c, jx_decimal_normalize(base_value)));
}

const jx_unit *jx_amount_unit(jx_checker *c, const jx_amount *a) {
  if (!a->unit) return c->money;
  jx_unit_expr e;
  if (!jx_units_resolve(c->ctx, &c->lib.units, a->unit, &e)) return NULL;
  if (e.nper || strcmp(e.unit->role, "money") != 0) {
    jx_diag *d = jx_report(c->ctx, JX_SEV_ERROR, "J107", a->unit->loc,
                           "The amount %s %s is not money: %s measures %s.",
                           a->text, a->unit->text, a->unit->text,
                           e.unit->dimension);
    jx_diag_hint(c->ctx, d, "Write budget amounts in 元, 万元 or 亿元, or leave "
                            "the unit out to use the document's 金额单位.");
    return NULL;
  }
  return e.unit;
}

bool jx_amount_in_base(jx_checker *c, const jx_amount *a, jx_decimal *out) {
  const jx_unit *u = jx_amount_unit(c, a);
  return u && jx_unit_to_base(u, a->value, out);
}

static bool budget_base(jx_checker *c, const jx_project *p, jx_node_kind kind,
                        jx_decimal *out) {
  const jx_budget *b = (const jx_budget *)jx_project_field(p, kind);
  if (!b || jx_decimal_sign(b->amount.value) < 0) return false;
  /* Units were reported by the budget rules already; resolve quietly. */
  const jx_unit *u = c->money;
  if (b->amount.unit) u = jx_units_find(&c->lib.units, b->amount.unit->text);
  if (!u || strcmp(u->role, "money") != 0) return false;
  return jx_unit_to_base(u, b->amount.value, out);
}

bool jx_project_budget_base(jx_checker *c, const jx_project *p, jx_decimal *out) {
  return budget_base(c, p, JX_NODE_BUDGET, out);
}

bool jx_project_medium_budget_base(jx_checker *c, const jx_project *p,
                                   jx_decimal *out) {
  return budget_base(c, p, JX_NODE_MEDIUM_BUDGET, out);
}

static void collect(jx_node *item, const jx_file *file, void *data) {
  (void)file;
  jx_checker *c = data;
  switch (item->kind) {
    case JX_NODE_AGENCY:
      jx_list_push(c->ctx->arena, &c->agencies, item);
      break;
    case JX_NODE_PROJECT:
      jx_list_push(c->ctx->arena, &c->projects, item);
      break;
    default:
      break;
  }
}

void jx_check(jx_ctx *ctx, const jx_document *doc, const jx_library *stdlib) {
  jx_checker c = {.ctx = ctx, .doc = doc};
  c.lib = jx_library_for_document(ctx, stdlib, doc);
  jx_document_items(doc, collect, &c);
  jx_check_header(&c);
  jx_check_identity(&c);
  jx_check_budgets(&c);
  jx_check_plans(&c);
  jx_check_indicators(&c);
  jx_check_target_texts(&c);
  jx_check_names(&c);
}

/* --- options and pragmas ---------------------------------------------- */

static const char *const rules[] = {
    "J101", "J102", "J103", "J104", "J105", "J106", "J107", "J108",
    "J110", "J111", "J112", "J113",
    "J120", "J121", "J122", "J123", "J124",
    "J130", "J131", "J132", "J133",
    "J140", "J141", "J142", "J143",
    "J150", "J151", "J152", "J153", "J154", "J155",
    "J160", "J161", "J162", "J163", "J164", "J165",
    "J170", "J171", "J172",
    "J180", "J181", "J182", "J183", "J184",
};

bool jx_check_rule_known(const char *code) {
  for (size_t i = 0; i < sizeof rules / sizeof rules[0]; i++)
    if (!strcmp(rules[i], code)) return true;
  return false;
}

static bool in_list(const jx_list *l, const char *code) {
  for (size_t i = 0; i < l->len; i++)
    if (!strcmp(l->items[i], code)) return true;
  return false;
}

/* Whether text (a comment's) is a pragma "jxc: allow CODE[, CODE…]" naming
 * code. */
static bool pragma_allows(const char *text, const char *code) {
  const char *p = strstr(text, "jxc:");
  if (!p) return false;
  p += 4;
  while (*p == ' ') p++;
  if (strncmp(p, "allow", 5) != 0) return false;
  p += 5;
  size_t n = strlen(code);
  while (*p) {
    while (*p == ' ' || *p == ',' || *p == '\t') p++;
    if (!strncmp(p, code, n) && (p[n] == '\0' || p[n] == ' ' || p[n] == ',' ||
                                 p[n] == '\t'))
      return true;
    while (*p && *p != ' ' && *p != ',' && *p != '\t') p++;
  }
  return false;
}

static const jx_file *file_of(const jx_list *docs, int file) {
  for (size_t i = 0; i < docs->len; i++) {
    const jx_document *doc = docs->items[i];
    for (size_t k = 0; k < doc->files.len; k++) {
      const jx_file *f = doc->files.items[k];
      if (f->file == file) return f;
    }
  }
  return NULL;
}

static bool allowed_by_pragma(const jx_list *docs, const jx_diag *d) {
  const jx_file *f = file_of(docs, d->loc.file);
  if (!f) return false;
  for (size_t i = 0; i < f->comments.len; i++) {
    const jx_comment *cm = f->comments.items[i];
    if (cm->loc.first_line == d->loc.first_line && pragma_allows(cm->text, d->code))
      return true;
  }
  return false;
}

/* Source order: file, line, column; report order among equals. */
static int by_position(const void *a, const void *b) {
  const jx_diag *x = *(const jx_diag *const *)a, *y = *(const jx_diag *const *)b;
  if (x->loc.file != y->loc.file) return x->loc.file - y->loc.file;
  if (x->loc.first_line != y->loc.first_line) return x->loc.first_line - y->loc.first_line;
  if (x->loc.first_column != y->loc.first_column)
    return x->loc.first_column - y->loc.first_column;
  return (x->seq > y->seq) - (x->seq < y->seq);
}

void jx_check_filter(jx_ctx *ctx, const jx_list *docs,
                     const jx_check_options *opt) {
  for (size_t i = 0; i < ctx->diags.len; i++) ((jx_diag *)ctx->diags.items[i])->seq = i;
  if (ctx->diags.len)
    qsort(ctx->diags.items, ctx->diags.len, sizeof ctx->diags.items[0], by_position);
  size_t kept = 0;
  ctx->nerrors = ctx->nwarnings = 0;
  for (size_t i = 0; i < ctx->diags.len; i++) {
    jx_diag *d = ctx->diags.items[i];
    bool rule = jx_check_rule_known(d->code);
    if (rule && (in_list(&opt->disabled, d->code) || allowed_by_pragma(docs, d)))
      continue;
    if (opt->warnings_as_errors && d->sev == JX_SEV_WARNING) d->sev = JX_SEV_ERROR;
    if (d->sev == JX_SEV_ERROR)
      ctx->nerrors++;
    else
      ctx->nwarnings++;
    ctx->diags.items[kept++] = d;
  }
  ctx->diags.len = kept;
}
