/* What the allowances (允许) and `# jxc: allow` pragmas of a document
 * accept, and the filter that applies them and the options to the
 * checker's findings (check.h). The index keeps copies of what it needs
 * (the codes an allowance names, the stretch of file it covers, the lines
 * of pragmas), so that a file's tree can be let go once it is read. */
#include "check.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "i18n.h"

static void *grow(void *items, size_t *cap, size_t size) {
  *cap = *cap ? *cap * 2 : 16;
  void *more = realloc(items, *cap * size);
  if (!more) {
    fputs(_("jxc: out of memory\n"), stderr);
    abort();
  }
  return more;
}

/* A stretch of a file (a project or a row) and the codes its allowances
 * name. The scopes of one kind never overlap and are kept in file order. */
typedef struct scope {
  jx_loc loc;
  jx_list codes; /* const char * */
} scope;

typedef struct scopes {
  scope *items;
  size_t len, cap, next; /* next: the sweep's position */
} scopes;

static void scopes_add(scopes *s, jx_loc loc, jx_list codes) {
  if (s->len == s->cap) s->items = grow(s->items, &s->cap, sizeof *s->items);
  s->items[s->len++] = (scope){loc, codes};
}

/* A comment that is a pragma (it holds "jxc:"): its line and text. */
typedef struct pragma {
  int line;
  const char *text;
} pragma;

/* What the filter knows of one source file. */
typedef struct file_allows {
  jx_list *document;   /* codes of its document's top-level allowances; NULL
                        * for a file of no document */
  pragma *pragmas;     /* in order */
  size_t npragmas, cap, next_pragma; /* next_pragma: the sweep's position */
  scopes projects, rows;
} file_allows;

struct jx_allowances {
  file_allows *files; /* by file index */
  size_t nfiles;
  jx_list *document;  /* the codes of the document being added */
};

jx_allowances *jx_allowances_new(void) {
  jx_allowances *a = calloc(1, sizeof *a);
  if (!a) {
    fputs(_("jxc: out of memory\n"), stderr);
    abort();
  }
  return a;
}

static void forget(file_allows *f) {
  free(f->pragmas);
  free(f->projects.items);
  free(f->rows.items);
  *f = (file_allows){0};
}

void jx_allowances_free(jx_allowances *a) {
  if (!a) return;
  for (size_t i = 0; i < a->nfiles; i++) forget(&a->files[i]);
  free(a->files);
  free(a);
}

void jx_allowances_begin_document(jx_allowances *a) { a->document = NULL; }

void jx_allowances_truncate(jx_allowances *a, size_t nfiles) {
  for (size_t i = nfiles; i < a->nfiles; i++) forget(&a->files[i]);
}

/* The codes of an allowance, copied into the ctx's arena. */
static void add_codes(jx_ctx *ctx, jx_list *codes, const jx_allow *allow) {
  for (size_t i = 0; i < allow->codes.len; i++)
    jx_list_push(ctx->arena, codes,
                 jx_arena_strdup(ctx->arena, ((const jx_name *)allow->codes.items[i])->text));
}

static void add_project_scopes(jx_ctx *ctx, file_allows *f, const jx_project *p) {
  jx_list codes = {0};
  for (size_t i = 0; i < p->fields.len; i++) {
    const jx_node *n = p->fields.items[i];
    if (n->kind == JX_NODE_ALLOW) {
      add_codes(ctx, &codes, (const jx_allow *)n);
    } else if (n->kind == JX_NODE_GROUP) {
      const jx_group *g = (const jx_group *)n;
      for (size_t r = 0; r < g->rows.len; r++) {
        const jx_row *row = g->rows.items[r];
        if (!row->allows.len) continue;
        jx_list row_codes = {0};
        for (size_t k = 0; k < row->allows.len; k++)
          add_codes(ctx, &row_codes, row->allows.items[k]);
        scopes_add(&f->rows, row->base.loc, row_codes);
      }
    }
  }
  if (codes.len) scopes_add(&f->projects, p->base.loc, codes);
}

void jx_allowances_add_file(jx_allowances *a, jx_ctx *ctx, const jx_file *file) {
  if (file->file < 0) return;
  size_t id = (size_t)file->file;
  if (id >= a->nfiles) {
    size_t n = a->nfiles ? a->nfiles : 16;
    while (n <= id) n *= 2;
    file_allows *files = realloc(a->files, n * sizeof *files);
    if (!files) {
      fputs(_("jxc: out of memory\n"), stderr);
      abort();
    }
    memset(files + a->nfiles, 0, (n - a->nfiles) * sizeof *files);
    a->files = files;
    a->nfiles = n;
  }
  if (!a->document) a->document = jx_arena_alloc(ctx->arena, sizeof *a->document);
  file_allows *f = &a->files[id];
  forget(f);
  f->document = a->document;
  for (size_t i = 0; i < file->comments.len; i++) {
    const jx_comment *cm = file->comments.items[i];
    if (!strstr(cm->text, "jxc:")) continue;
    if (f->npragmas == f->cap) f->pragmas = grow(f->pragmas, &f->cap, sizeof *f->pragmas);
    f->pragmas[f->npragmas++] =
        (pragma){cm->loc.first_line, jx_arena_strdup(ctx->arena, cm->text)};
  }
  for (size_t n = 0; n < file->items.len; n++) {
    const jx_node *item = file->items.items[n];
    if (item->kind == JX_NODE_ALLOW)
      add_codes(ctx, a->document, (const jx_allow *)item);
    else if (item->kind == JX_NODE_PROJECT)
      add_project_scopes(ctx, f, (const jx_project *)item);
  }
}

void jx_allowances_add_document(jx_allowances *a, jx_ctx *ctx, const jx_document *doc) {
  jx_allowances_begin_document(a);
  for (size_t k = 0; k < doc->files.len; k++) jx_allowances_add_file(a, ctx, doc->files.items[k]);
}

/* --- the filter ----------------------------------------------------------- */

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
  while (f->next_pragma < f->npragmas && f->pragmas[f->next_pragma].line < d->loc.first_line)
    f->next_pragma++;
  for (size_t i = f->next_pragma; i < f->npragmas; i++) {
    if (f->pragmas[i].line != d->loc.first_line) break;
    if (pragma_allows(f->pragmas[i].text, d->code)) return true;
  }
  return false;
}

/* Whether an allowance or a pragma of the documents accepts d. */
static bool allowed(jx_allowances *a, const jx_diag *d) {
  if (d->loc.file < 0 || (size_t)d->loc.file >= a->nfiles) return false;
  file_allows *f = &a->files[d->loc.file];
  if (!f->document) return false;
  if (in_list(f->document, d->code)) return true;
  if (d->loc.first_line <= 0) return false; /* a whole file: no line, no scope */
  if (pragma_at(f, d)) return true;
  const scope *p = scope_at(&f->projects, &d->loc);
  if (p && in_list(&p->codes, d->code)) return true;
  const scope *r = scope_at(&f->rows, &d->loc);
  return r && in_list(&r->codes, d->code);
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

void jx_check_filter_allowances(jx_ctx *ctx, jx_allowances *a, const jx_check_options *opt) {
  for (size_t i = 0; i < ctx->diags.len; i++) ((jx_diag *)ctx->diags.items[i])->seq = i;
  if (ctx->diags.len)
    qsort(ctx->diags.items, ctx->diags.len, sizeof ctx->diags.items[0], by_position);
  for (size_t i = 0; i < a->nfiles; i++) {
    a->files[i].next_pragma = 0;
    a->files[i].projects.next = a->files[i].rows.next = 0;
  }
  size_t kept = 0;
  ctx->nerrors = ctx->nwarnings = 0;
  for (size_t i = 0; i < ctx->diags.len; i++) {
    jx_diag *d = ctx->diags.items[i];
    bool rule = jx_check_rule_known(d->code);
    if (rule && (in_list(&opt->disabled, d->code) || allowed(a, d))) continue;
    if (opt->warnings_as_errors && d->sev == JX_SEV_WARNING) d->sev = JX_SEV_ERROR;
    if (d->sev == JX_SEV_ERROR)
      ctx->nerrors++;
    else
      ctx->nwarnings++;
    ctx->diags.items[kept++] = d;
  }
  ctx->diags.len = kept;
}

void jx_check_filter(jx_ctx *ctx, const jx_list *docs, const jx_check_options *opt) {
  jx_allowances *a = jx_allowances_new();
  for (size_t i = 0; i < docs->len; i++) jx_allowances_add_document(a, ctx, docs->items[i]);
  jx_check_filter_allowances(ctx, a, opt);
  jx_allowances_free(a);
}
