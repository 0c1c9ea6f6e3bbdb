/* Checking a document as it is read (jx_check_path): one file's tree at a
 * time, with the rules of the whole document on an outline (check.h). */
#include "check.h"
#include "diag.h"
#include "document.h"

/* A document checked as it is read, one file's tree at a time: a
 * province's memory is its sources and an outline, not its syntax tree. */
typedef struct streamed {
  jx_ctx *ctx;
  const jx_library *lib;
  jx_allowances *allows;
  jx_document root;    /* the root file alone */
  jx_checker *checker; /* made at the root, unless it did not read cleanly */
  size_t seen;         /* diagnostics already looked at for errors of reading */
  bool broken;         /* reading found errors: the rules do not run */
  bool whole;          /* a file needs the whole document: reading stopped */
  bool past_root;      /* the root file has been seen */
  const jx_check_watch *watch; /* or NULL */
} streamed;

/* The rules run only on documents that read without errors: on a
 * half-read tree they would mostly repeat what the parser said. */
static bool read_errors(streamed *s) {
  for (; s->seen < s->ctx->diags.len; s->seen++) {
    const jx_diag *d = s->ctx->diags.items[s->seen];
    if (d->sev == JX_SEV_ERROR && !jx_check_rule_known(d->code)) s->broken = true;
  }
  return s->broken;
}

/* Whether a file holds a top-level 允许. */
static bool has_top_allow(const jx_file *file) {
  for (size_t i = 0; i < file->items.len; i++)
    if (((const jx_node *)file->items.items[i])->kind == JX_NODE_ALLOW) return true;
  return false;
}

static void check_file(const jx_file *file, void *data) {
  streamed *s = data;
  if (s->watch && s->watch->file) s->watch->file(file, s->watch->data);
  bool root = !s->past_root;
  s->past_root = true;
  if (!root && s->watch && s->watch->allows_in_root && has_top_allow(file)) {
    s->whole = true;
    return;
  }
  jx_allowances_add_file(s->allows, s->ctx, file);
  if (read_errors(s)) return;
  if (root) {
    jx_list_push(s->ctx->arena, &s->root.files, (void *)file);
    jx_list_push(s->ctx->arena, &s->root.roots, (void *)file);
    s->checker = jx_checker_new(s->ctx, s->lib, &s->root, true);
  }
  if (!jx_checker_file(s->checker, file)) s->whole = true;
}

static void import_done(void *data) {
  streamed *s = data;
  if (s->watch && s->watch->import_done) s->watch->import_done(s->watch->data);
}

static void check_imports(int file, const jx_list *items, void *data) {
  streamed *s = data;
  if (s->checker) jx_checker_imports(s->checker, file, items);
}

/* Drops what the rules found in a document that turned out not to read
 * cleanly (from diagnostic first on). */
static void drop_findings(jx_ctx *ctx, size_t first) {
  size_t kept = first;
  for (size_t i = first; i < ctx->diags.len; i++) {
    jx_diag *d = ctx->diags.items[i];
    if (!jx_check_rule_known(d->code))
      ctx->diags.items[kept++] = d;
    else if (d->sev == JX_SEV_ERROR)
      ctx->nerrors--;
    else
      ctx->nwarnings--;
  }
  ctx->diags.len = kept;
}

bool jx_check_streamed(jx_ctx *ctx, const jx_library *lib, jx_allowances *allows,
                       const char *path, const jx_check_watch *watch, bool *whole,
                       const char **why) {
  size_t diags = ctx->diags.len, sources = ctx->sources.len;
  int errors = ctx->nerrors, warnings = ctx->nwarnings;
  streamed s = {.ctx = ctx, .lib = lib, .allows = allows, .seen = diags, .watch = watch};
  /* A writer following the check parses each file again from its text. */
  jx_stream how = {.fn = check_file, .imports = check_imports, .import_done = import_done,
                   .data = &s, .keep_root = true, .stop = &s.whole,
                   .release_text = ctx->release_sources && !watch};
  jx_allowances_begin_document(allows);
  bool ok = jx_document_stream_with(ctx, path, &how, why);
  *whole = s.whole;
  if (s.whole) {
    jx_checker_free(s.checker);
    ctx->diags.len = diags;
    ctx->sources.len = sources;
    ctx->nerrors = errors;
    ctx->nwarnings = warnings;
    jx_allowances_truncate(allows, sources);
    return false;
  }
  if (!ok || read_errors(&s)) {
    jx_checker_free(s.checker);
    drop_findings(ctx, diags);
    return ok;
  }
  jx_checker_finish(s.checker);
  return true;
}

/* Reads the document at path whole, then checks it (jx_check). */
static bool check_whole(jx_ctx *ctx, const jx_library *lib, jx_allowances *allows,
                        const char *path, const char **why) {
  int before = ctx->nerrors;
  jx_document *doc = jx_document_load(ctx, path, why);
  if (!doc) return false;
  jx_allowances_add_document(allows, ctx, doc);
  if (ctx->nerrors == before) jx_check(ctx, doc, lib);
  return true;
}

bool jx_check_path(jx_ctx *ctx, const jx_library *lib, jx_allowances *allows,
                   const char *path, const char **why) {
  bool whole = false;
  if (jx_check_streamed(ctx, lib, allows, path, NULL, &whole, why)) return true;
  return whole && check_whole(ctx, lib, allows, path, why);
}
