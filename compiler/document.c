#include "document.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "diag.h"
#include "i18n.h"
#include "parse.h"

struct loader {
  jx_ctx *ctx;
  jx_document *doc;
  jx_list real_paths; /* char *, parallel to doc->files */
  jx_list stack;      /* char *, real paths of files being loaded */
  jx_list allowed;    /* char *, real folders imports may read from */
};

/* Whether real (a resolved path) lies inside one of the allowed folders. */
static bool allowed(const struct loader *ld, const char *real) {
  for (size_t i = 0; i < ld->allowed.len; i++) {
    const char *dir = ld->allowed.items[i];
    size_t n = strlen(dir);
    if (!strncmp(real, dir, n) && (real[n] == '/' || (n == 1 && dir[0] == '/')))
      return true;
  }
  return false;
}

static bool has_jx_extension(const char *path) {
  size_t n = strlen(path);
  return n > 3 && !strcmp(path + n - 3, ".jx");
}

static void allow_folder(struct loader *ld, const char *path) {
  char real[PATH_MAX];
  if (realpath(path, real)) jx_list_push(ld->ctx->arena, &ld->allowed,
                                         jx_arena_strdup(ld->ctx->arena, real));
}

static const char *dir_of(jx_arena *a, const char *path) {
  const char *slash = strrchr(path, '/');
  if (!slash) return ".";
  if (slash == path) return "/";
  return jx_arena_strndup(a, path, (size_t)(slash - path));
}

static const char *join(jx_arena *a, const char *dir, const char *rel) {
  if (rel[0] == '/' || strcmp(dir, ".") == 0) return jx_arena_strdup(a, rel);
  return jx_arena_printf(a, "%s/%s", dir, rel);
}

static int find(const jx_list *l, const char *s) {
  for (size_t i = 0; i < l->len; i++)
    if (strcmp(l->items[i], s) == 0) return (int)i;
  return -1;
}

static jx_file *load(struct loader *ld, const char *path, const char *real,
                     const char **why);

static void load_imports(struct loader *ld, jx_file *f) {
  const char *base = dir_of(ld->ctx->arena, jx_ctx_source(ld->ctx, f->file)->path);
  for (size_t i = 0; i < f->items.len; i++) {
    jx_node *n = f->items.items[i];
    if (n->kind != JX_NODE_IMPORT) continue;
    jx_text_item *imp = (jx_text_item *)n;
    const char *path = join(ld->ctx->arena, base, imp->text.text);
    char real[PATH_MAX];
    struct stat st;
    const char *problem = NULL;
    if (!realpath(path, real) || stat(real, &st) != 0)
      problem = strerror(errno);
    else if (!S_ISREG(st.st_mode))
      problem = _("it is not a regular file");
    if (problem) {
      jx_diag *d = jx_report(ld->ctx, JX_SEV_ERROR, "J020", imp->text.loc,
                             "The imported file %s cannot be read: %s.", path,
                             problem);
      jx_diag_hint(ld->ctx, d, "Import paths are relative to the importing "
                               "file's folder; check the name and the folder.");
      continue;
    }
    /* A document reads only what it is entitled to: jixiao source inside its
     * own folder tree (or a folder given with -I), so an import can neither
     * read nor echo other files of the machine. */
    if (!has_jx_extension(real) || !allowed(ld, real)) {
      jx_diag *d = jx_report(ld->ctx, JX_SEV_ERROR, "J022", imp->text.loc,
                             !has_jx_extension(real)
                                 ? N_("The import %s was not read: it does not name a "
                                   "jixiao source file (.jx).")
                                 : N_("The import %s was not read: it lies outside the "
                                   "document's folder."),
                             imp->text.text);
      jx_diag_hint(ld->ctx, d, !has_jx_extension(real)
                                   ? N_("Import only .jx files that belong to the document.")
                                   : N_("Keep the document's files in its folder, or "
                                     "name the other folder with jxc -I FOLDER."));
      continue;
    }
    if (find(&ld->stack, real) >= 0) {
      jx_diag *d = jx_report(ld->ctx, JX_SEV_ERROR, "J021", imp->text.loc,
                             "This import reads %s again while it is still being "
                             "read: the files import each other in a circle.", path);
      jx_diag_hint(ld->ctx, d, "Remove this import, or the import in %s that leads "
                               "back to this file.", path);
      continue;
    }
    int seen = find(&ld->real_paths, real);
    if (seen >= 0) {
      imp->resolved_file = ((jx_file *)ld->doc->files.items[seen])->file;
      continue;
    }
    const char *why = NULL;
    jx_file *child = load(ld, path, real, &why);
    if (child) {
      imp->resolved_file = child->file;
    } else {
      jx_diag *d = jx_report(ld->ctx, JX_SEV_ERROR, "J020", imp->text.loc,
                             "The imported file %s: %s.", path, why);
      jx_diag_hint(ld->ctx, d, "Check that the file can be read (its permissions) "
                               "and run again.");
    }
  }
}

static jx_file *load(struct loader *ld, const char *path, const char *real,
                     const char **why) {
  int id = jx_source_load(ld->ctx, path, why);
  if (id < 0) return NULL;
  jx_file *f = jx_parse(ld->ctx, id);
  char *r = jx_arena_strdup(ld->ctx->arena, real);
  jx_list_push(ld->ctx->arena, &ld->doc->files, f);
  jx_list_push(ld->ctx->arena, &ld->real_paths, r);
  jx_list_push(ld->ctx->arena, &ld->stack, r);
  load_imports(ld, f);
  ld->stack.len--;
  return f;
}

static jx_file *load_root(struct loader *ld, const char *path, const char **why);

jx_document *jx_document_load(jx_ctx *ctx, const char *path, const char **why) {
  return jx_document_load_all(ctx, (char *const *)&path, 1, why);
}

jx_document *jx_document_load_all(jx_ctx *ctx, char *const *paths, int n,
                                  const char **why) {
  struct loader ld = {.ctx = ctx};
  ld.doc = jx_arena_alloc(ctx->arena, sizeof *ld.doc);
  for (size_t i = 0; i < ctx->import_dirs.len; i++) allow_folder(&ld, ctx->import_dirs.items[i]);
  for (int i = 0; i < n; i++) {
    jx_file *f = load_root(&ld, paths[i], why);
    if (!f) return NULL;
    jx_list_push(ctx->arena, &ld.doc->roots, f);
  }
  return ld.doc;
}

static jx_file *load_root(struct loader *ld, const char *path, const char **why) {
  jx_ctx *ctx = ld->ctx;
  struct stat st;
  if (stat(path, &st) != 0) {
    *why = jx_arena_printf(ctx->arena, _("cannot read %s: %s"), path, strerror(errno));
    return NULL;
  }
  if (S_ISDIR(st.st_mode)) {
    size_t n = strlen(path);
    while (n > 1 && path[n - 1] == '/') n--;
    path = jx_arena_printf(ctx->arena, "%.*s/main.jx", (int)n, path);
    if (stat(path, &st) != 0) {
      *why = jx_arena_printf(ctx->arena,
                             _("the folder has no main.jx (%s: %s); name the root "
                             "file of the document instead"),
                             path, strerror(errno));
      return NULL;
    }
  }
  char real[PATH_MAX];
  if (!realpath(path, real)) {
    *why = jx_arena_printf(ctx->arena, _("cannot read %s: %s"), path, strerror(errno));
    return NULL;
  }
  int seen = find(&ld->real_paths, real);
  if (seen >= 0) return ld->doc->files.items[seen];
  allow_folder(ld, dir_of(ctx->arena, real));
  return load(ld, path, real, why);
}

static const jx_file *file_by_index(const jx_document *doc, int file) {
  for (size_t i = 0; i < doc->files.len; i++) {
    const jx_file *f = doc->files.items[i];
    if (f->file == file) return f;
  }
  return NULL;
}

static void walk(const jx_document *doc, const jx_file *f, jx_item_fn fn,
                 void *data, unsigned char *visited) {
  size_t idx = 0;
  while (idx < doc->files.len && doc->files.items[idx] != f) idx++;
  if (visited[idx]) return;
  visited[idx] = 1;
  for (size_t i = 0; i < f->items.len; i++) {
    jx_node *n = f->items.items[i];
    if (n->kind == JX_NODE_IMPORT) {
      const jx_text_item *imp = (const jx_text_item *)n;
      const jx_file *child = imp->resolved_file >= 0
                                 ? file_by_index(doc, imp->resolved_file)
                                 : NULL;
      if (child) walk(doc, child, fn, data, visited);
      continue;
    }
    fn(n, f, data);
  }
}

void jx_document_items(const jx_document *doc, jx_item_fn fn, void *data) {
  if (!doc->files.len) return;
  unsigned char *visited = calloc(doc->files.len, 1);
  if (!visited) abort();
  for (size_t i = 0; i < doc->roots.len; i++) walk(doc, doc->roots.items[i], fn, data, visited);
  free(visited);
}
