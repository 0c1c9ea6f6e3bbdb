#include "check.h"

#include <stdlib.h>
#include <string.h>

#include "checker.h"

static void collect(jx_node *item, const jx_file *file, void *data) {
  (void)file;
  jx_checker *c = data;
  switch (item->kind) {
    case JX_NODE_AGENCY:
      jx_list_push(c->ctx->arena, &c->agencies, item);
      break;
    case JX_NODE_SECTION:
      jx_list_push(c->ctx->arena, &c->sections, item);
      break;
    case JX_NODE_PROJECT:
      jx_list_push(c->ctx->arena, &c->projects, item);
      break;
    case JX_NODE_ALLOW:
      jx_list_push(c->ctx->arena, &c->allows, item);
      break;
    default:
      break;
  }
}

void jx_check(jx_ctx *ctx, const jx_document *doc, const jx_library *stdlib) {
  jx_checker c = {.ctx = ctx, .doc = doc};
  c.lib = jx_library_for_document(ctx, stdlib, doc);
  jx_document_items(doc, collect, &c);
  jx_checker_group_units(&c);
  jx_check_header(&c);
  jx_check_identity(&c);
  jx_check_budgets(&c);
  jx_check_plans(&c);
  jx_check_indicators(&c);
  jx_check_values(&c);
  jx_check_target_texts(&c);
  jx_check_names(&c);
  jx_hash_free(&c.unit_of);
}

/* --- options and pragmas ---------------------------------------------- */

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
