/* The checker's order of work: the header first, then the rules of single
 * projects file by file, then the rules of the document as a whole
 * (check.h, checker.h). */
#include "check.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checker.h"
#include "i18n.h"

static void out_of_memory(void) {
  fputs(_("jxc: out of memory\n"), stderr);
  abort();
}

jx_checker *jx_checker_new(jx_ctx *ctx, const jx_library *stdlib, const jx_document *doc,
                           bool streaming) {
  jx_checker *c = calloc(1, sizeof *c);
  if (!c) out_of_memory();
  c->ctx = ctx;
  c->doc = doc;
  c->streaming = streaming;
  c->scratch = jx_arena_new();
  if (!c->scratch) out_of_memory();
  c->lib = jx_library_for_document(ctx, stdlib, doc);
  jx_check_header(c);
  jx_check_part_one_begin(c);
  return c;
}

void jx_checker_free(jx_checker *c) {
  if (!c) return;
  jx_hash_free(&c->unit_of);
  if (c->row_index) {
    jx_hash_free(&c->rows_by_name);
    jx_hash_free(&c->part_one_names);
    jx_arena_free(c->row_index);
  }
  jx_arena_free(c->scratch);
  free(c->outline_of);
  free(c);
}

/* What a file after the root may hold when its tree is let go: the rules
 * of a project need the header, the definitions and part one before it. */
static bool outline_only(const jx_file *file) {
  for (size_t i = 0; i < file->items.len; i++) {
    switch (((const jx_node *)file->items.items[i])->kind) {
      case JX_NODE_AGENCY:
      case JX_NODE_SECTION:
      case JX_NODE_PROJECT:
      case JX_NODE_ALLOW:
      case JX_NODE_IMPORT:
        break;
      default:
        return false;
    }
  }
  return true;
}

/* Projects checked together, group by group: a few dozen projects' trees
 * fit the processor's cache. */
enum { BATCH = 32 };

static void check_batch(jx_checker *c, const jx_list *batch) {
  jx_check_header_projects(c, batch);
  jx_check_project_codes(c, batch);
  jx_check_budgets(c, batch);
  jx_check_plans(c, batch);
  jx_check_indicators(c, batch);
  jx_check_values(c, batch);
  jx_check_target_texts(c, batch);
  jx_check_names(c, batch);
  jx_check_allowances(c, batch);
}

bool jx_checker_file(jx_checker *c, const jx_file *file) {
  const jx_file *root = c->doc->files.items[0];
  if (c->streaming && file->file != root->file && !outline_only(file)) return false;
  const jx_node *batch_items[BATCH];
  jx_list batch = {(void **)batch_items, 0, BATCH};
  for (size_t i = 0; i < file->items.len; i++) {
    const jx_node *n = file->items.items[i];
    if (n->kind != JX_NODE_PROJECT) continue;
    batch_items[batch.len++] = n;
    if (batch.len == BATCH) {
      check_batch(c, &batch);
      batch.len = 0;
    }
  }
  if (batch.len) check_batch(c, &batch);
  if (c->streaming) jx_outline_file(c, file);
  return true;
}

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

void jx_checker_finish(jx_checker *c) {
  jx_document_items(c->streaming ? &c->outline : c->doc, collect, c);
  jx_checker_group_units(c);
  jx_check_identity(c);
  jx_check_unit_identity(c);
  jx_check_totals(c);
  jx_check_unit_values(c);
  jx_check_part_one(c);
  jx_check_top_allowances(c);
  jx_checker_free(c);
}

void jx_check(jx_ctx *ctx, const jx_document *doc, const jx_library *stdlib) {
  jx_checker *c = jx_checker_new(ctx, stdlib, doc, false);
  for (size_t i = 0; i < doc->files.len; i++) jx_checker_file(c, doc->files.items[i]);
  jx_checker_finish(c);
}
