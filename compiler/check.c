#include "check.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checker.h"
#include "i18n.h"

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

/* Projects checked together, group by group: a few dozen projects' trees
 * fit the processor's cache. */
enum { BATCH = 32 };

void jx_check(jx_ctx *ctx, const jx_document *doc, const jx_library *stdlib) {
  jx_checker c = {.ctx = ctx, .doc = doc, .scratch = jx_arena_new()};
  if (!c.scratch) {
    fputs(_("jxc: out of memory\n"), stderr);
    abort();
  }
  c.lib = jx_library_for_document(ctx, stdlib, doc);
  jx_document_items(doc, collect, &c);
  jx_checker_group_units(&c);
  jx_check_header(&c);
  jx_check_part_one_begin(&c);
  jx_hash_init(&c.project_codes, c.projects.len);
  jx_hash_init(&c.project_names, c.projects.len);
  for (size_t start = 0; start < c.projects.len; start += BATCH) {
    size_t n = c.projects.len - start < BATCH ? c.projects.len - start : BATCH;
    const jx_list batch = {c.projects.items + start, n, n};
    jx_check_header_projects(&c, &batch);
    jx_check_identity(&c, &batch);
    jx_check_budgets(&c, &batch);
    jx_check_plans(&c, &batch);
    jx_check_indicators(&c, &batch);
    jx_check_values(&c, &batch);
    jx_check_target_texts(&c, &batch);
    jx_check_names(&c, &batch);
    jx_check_allowances(&c, &batch);
    jx_check_part_one_rows(&c, &batch);
  }
  jx_hash_free(&c.project_codes);
  jx_hash_free(&c.project_names);
  jx_check_unit_identity(&c);
  jx_check_totals(&c);
  jx_check_unit_values(&c);
  jx_check_part_one(&c);
  jx_check_top_allowances(&c);
  jx_hash_free(&c.unit_of);
  jx_arena_free(c.scratch);
}

/* --- options, allowances and pragmas ----------------------------------- */

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

static bool allow_names(const jx_allow *a, const char *code) {
  for (size_t i = 0; i < a->codes.len; i++)
    if (!strcmp(((const jx_name *)a->codes.items[i])->text, code)) return true;
  return false;
}

static bool any_allows(const jx_list *allows, const char *code) {
  for (size_t i = 0; i < allows->len; i++)
    if (allow_names(allows->items[i], code)) return true;
  return false;
}

/* A stretch of a file (a project or a row) with the allowances written in
 * it. The scopes of one kind never overlap and are kept in file order. */
typedef struct scope {
  jx_loc loc;
  jx_list allows; /* const jx_allow * */
} scope;

typedef struct scopes {
  scope *items;
  size_t len, cap, next; /* next: the sweep's position */
} scopes;

static void scopes_add(scopes *s, jx_loc loc, jx_list allows) {
  if (s->len == s->cap) {
    s->cap = s->cap ? s->cap * 2 : 16;
    scope *items = realloc(s->items, s->cap * sizeof *items);
    if (!items) {
      fputs(_("jxc: out of memory\n"), stderr);
      abort();
    }
    s->items = items;
  }
  s->items[s->len++] = (scope){loc, allows};
}

/* What the filter knows of one source file. */
typedef struct file_allows {
  const jx_list *document; /* the top-level allowances of its document */
  const jx_list *comments; /* its comments, in order */
  size_t next_comment;     /* the sweep's position in them */
  scopes projects, rows;
} file_allows;

static bool loc_before(int line, int column, int other_line, int other_column) {
  return line < other_line || (line == other_line && column < other_column);
}

/* Whether the diagnostic at d starts within loc. */
static bool starts_in(const jx_loc *d, const jx_loc *loc) {
  return !loc_before(d->first_line, d->first_column, loc->first_line, loc->first_column) &&
         loc_before(d->first_line, d->first_column, loc->last_line, loc->last_column);
}

/* The scope that holds d, if any. Diagnostics come in source order, so the
 * sweep never goes back: scopes that end before d are passed for good. */
static const scope *scope_at(scopes *s, const jx_loc *d) {
  while (s->next < s->len) {
    const jx_loc *l = &s->items[s->next].loc;
    if (loc_before(d->first_line, d->first_column, l->last_line, l->last_column)) break;
    s->next++;
  }
  if (s->next < s->len && starts_in(d, &s->items[s->next].loc)) return &s->items[s->next];
  return NULL;
}

static bool pragma_at(file_allows *f, const jx_diag *d) {
  const jx_list *cs = f->comments;
  while (f->next_comment < cs->len &&
         ((const jx_comment *)cs->items[f->next_comment])->loc.first_line < d->loc.first_line)
    f->next_comment++;
  for (size_t i = f->next_comment; i < cs->len; i++) {
    const jx_comment *cm = cs->items[i];
    if (cm->loc.first_line != d->loc.first_line) break;
    if (pragma_allows(cm->text, d->code)) return true;
  }
  return false;
}

static void add_project_scopes(jx_ctx *ctx, file_allows *f, const jx_project *p) {
  jx_list allows = {0};
  for (size_t i = 0; i < p->fields.len; i++) {
    const jx_node *n = p->fields.items[i];
    if (n->kind == JX_NODE_ALLOW) {
      jx_list_push(ctx->arena, &allows, (void *)n);
    } else if (n->kind == JX_NODE_GROUP) {
      const jx_group *g = (const jx_group *)n;
      for (size_t r = 0; r < g->rows.len; r++) {
        const jx_row *row = g->rows.items[r];
        if (row->allows.len) scopes_add(&f->rows, row->base.loc, row->allows);
      }
    }
  }
  if (allows.len) scopes_add(&f->projects, p->base.loc, allows);
}

/* Each source file's allowances, comments and scopes (by file index). */
static file_allows *index_allowances(jx_ctx *ctx, const jx_list *docs) {
  file_allows *files = calloc(ctx->sources.len ? ctx->sources.len : 1, sizeof *files);
  if (!files) {
    fputs(_("jxc: out of memory\n"), stderr);
    abort();
  }
  for (size_t i = 0; i < docs->len; i++) {
    const jx_document *doc = docs->items[i];
    jx_list *top = jx_arena_alloc(ctx->arena, sizeof *top);
    for (size_t k = 0; k < doc->files.len; k++) {
      const jx_file *file = doc->files.items[k];
      if (file->file < 0 || (size_t)file->file >= ctx->sources.len) continue;
      file_allows *f = &files[file->file];
      f->document = top;
      f->comments = &file->comments;
      for (size_t n = 0; n < file->items.len; n++) {
        const jx_node *item = file->items.items[n];
        if (item->kind == JX_NODE_ALLOW)
          jx_list_push(ctx->arena, top, (void *)item);
        else if (item->kind == JX_NODE_PROJECT)
          add_project_scopes(ctx, f, (const jx_project *)item);
      }
    }
  }
  return files;
}

/* Whether an allowance or a pragma of the documents accepts d. */
static bool allowed(file_allows *files, size_t nfiles, const jx_diag *d) {
  if (d->loc.file < 0 || (size_t)d->loc.file >= nfiles) return false;
  file_allows *f = &files[d->loc.file];
  if (!f->document) return false;
  if (any_allows(f->document, d->code)) return true;
  if (d->loc.first_line <= 0) return false; /* a whole file: no line, no scope */
  if (pragma_at(f, d)) return true;
  const scope *p = scope_at(&f->projects, &d->loc);
  if (p && any_allows(&p->allows, d->code)) return true;
  const scope *r = scope_at(&f->rows, &d->loc);
  return r && any_allows(&r->allows, d->code);
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
  file_allows *files = index_allowances(ctx, docs);
  size_t kept = 0;
  ctx->nerrors = ctx->nwarnings = 0;
  for (size_t i = 0; i < ctx->diags.len; i++) {
    jx_diag *d = ctx->diags.items[i];
    bool rule = jx_check_rule_known(d->code);
    if (rule && (in_list(&opt->disabled, d->code) || allowed(files, ctx->sources.len, d)))
      continue;
    if (opt->warnings_as_errors && d->sev == JX_SEV_WARNING) d->sev = JX_SEV_ERROR;
    if (d->sev == JX_SEV_ERROR)
      ctx->nerrors++;
    else
      ctx->nwarnings++;
    ctx->diags.items[kept++] = d;
  }
  ctx->diags.len = kept;
  for (size_t i = 0; i < ctx->sources.len; i++) {
    free(files[i].projects.items);
    free(files[i].rows.items);
  }
  free(files);
}
