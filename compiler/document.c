#include "document.h"

#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "diag.h"
#include "i18n.h"
#include "parse.h"
#include "strmap.h"

struct loader {
  jx_ctx *ctx;
  jx_document *doc;   /* NULL when streaming */
  jx_arena *scratch;  /* streaming: each file's tree, reset after it */
  jx_file_fn fn;      /* streaming: sees each file while its tree lives */
  void *data;
  jx_list real_paths; /* char *, one per file read, in order */
  jx_list ids;        /* the file index of each (intptr_t), parallel */
  jx_strmap by_path;  /* real path -> 1 + its index in real_paths */
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

/* The index in ld->real_paths of a file already read, or -1: a hash, so a
 * province of thousands of files is not compared pairwise. */
static int seen_index(const struct loader *ld, const char *real) {
  return (int)(intptr_t)jx_strmap_get(&ld->by_path, real, strlen(real)) - 1;
}

static int find(const jx_list *l, const char *s) {
  for (size_t i = 0; i < l->len; i++)
    if (strcmp(l->items[i], s) == 0) return (int)i;
  return -1;
}

static int load(struct loader *ld, const char *path, const char *real,
                const char **why);

static int file_id(const struct loader *ld, int seen) {
  return (int)(intptr_t)ld->ids.items[seen];
}

/* Reads the files that the 导入 lines among items (of file) name. */
static void load_imports(struct loader *ld, int file, const jx_list *items) {
  const char *base = dir_of(ld->ctx->arena, jx_ctx_source(ld->ctx, file)->path);
  for (size_t i = 0; i < items->len; i++) {
    jx_node *n = items->items[i];
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
    int seen = seen_index(ld, real);
    if (seen >= 0) {
      imp->resolved_file = file_id(ld, seen);
      continue;
    }
    const char *why = NULL;
    int child = load(ld, path, real, &why);
    if (child >= 0) {
      imp->resolved_file = file_id(ld, child);
    } else {
      jx_diag *d = jx_report(ld->ctx, JX_SEV_ERROR, "J020", imp->text.loc,
                             "The imported file %s: %s.", path, why);
      jx_diag_hint(ld->ctx, d, "Check that the file can be read (its permissions) "
                               "and run again.");
    }
  }
}

/* The 导入 lines of a file, copied out of its tree (which is about to be
 * reset) into the ctx's arena. */
static jx_list copy_imports(jx_ctx *ctx, const jx_file *f) {
  jx_list out = {0};
  for (size_t i = 0; i < f->items.len; i++) {
    const jx_node *n = f->items.items[i];
    if (n->kind != JX_NODE_IMPORT) continue;
    jx_text_item *copy = jx_arena_alloc(ctx->arena, sizeof *copy);
    *copy = *(const jx_text_item *)n;
    copy->base.trivia = NULL;
    copy->text.text = jx_arena_strdup(ctx->arena, copy->text.text);
    jx_list_push(ctx->arena, &out, copy);
  }
  return out;
}

/* Reads and parses a file, then the files it imports. Returns its index in
 * ld->real_paths (and ld->doc->files), or -1 with *why. */
static int load(struct loader *ld, const char *path, const char *real,
                const char **why) {
  int id = jx_source_load(ld->ctx, path, why);
  if (id < 0) return -1;
  jx_file *f = jx_parse_in(ld->ctx, id, ld->scratch ? ld->scratch : ld->ctx->arena);
  int idx = (int)ld->real_paths.len;
  char *r = jx_arena_strdup(ld->ctx->arena, real);
  jx_list_push(ld->ctx->arena, &ld->real_paths, r);
  *jx_strmap_slot(ld->ctx->arena, &ld->by_path, r, strlen(r)) = (void *)(intptr_t)(idx + 1);
  jx_list_push(ld->ctx->arena, &ld->ids, (void *)(intptr_t)id);
  jx_list_push(ld->ctx->arena, &ld->stack, r);
  if (ld->scratch) {
    if (ld->fn) ld->fn(f, ld->data);
    jx_list imports = copy_imports(ld->ctx, f);
    jx_arena_reset(ld->scratch);
    load_imports(ld, id, &imports);
  } else {
    jx_list_push(ld->ctx->arena, &ld->doc->files, f);
    load_imports(ld, id, &f->items);
  }
  ld->stack.len--;
  return idx;
}

static int load_root(struct loader *ld, const char *path, const char **why);

jx_document *jx_document_load(jx_ctx *ctx, const char *path, const char **why) {
  return jx_document_load_all(ctx, (char *const *)&path, 1, why);
}

jx_document *jx_document_load_all(jx_ctx *ctx, char *const *paths, int n,
                                  const char **why) {
  struct loader ld = {.ctx = ctx};
  ld.doc = jx_arena_alloc(ctx->arena, sizeof *ld.doc);
  for (size_t i = 0; i < ctx->import_dirs.len; i++) allow_folder(&ld, ctx->import_dirs.items[i]);
  for (int i = 0; i < n; i++) {
    int idx = load_root(&ld, paths[i], why);
    if (idx < 0) return NULL;
    jx_list_push(ctx->arena, &ld.doc->roots, ld.doc->files.items[idx]);
  }
  return ld.doc;
}

bool jx_document_stream(jx_ctx *ctx, const char *path, jx_file_fn fn, void *data,
                        const char **why) {
  struct loader ld = {.ctx = ctx, .fn = fn, .data = data};
  ld.scratch = jx_arena_new();
  if (!ld.scratch) {
    *why = _("out of memory");
    return false;
  }
  for (size_t i = 0; i < ctx->import_dirs.len; i++) allow_folder(&ld, ctx->import_dirs.items[i]);
  int idx = load_root(&ld, path, why);
  jx_arena_free(ld.scratch);
  return idx >= 0;
}

static int load_root(struct loader *ld, const char *path, const char **why) {
  jx_ctx *ctx = ld->ctx;
  struct stat st;
  if (stat(path, &st) != 0) {
    *why = jx_arena_printf(ctx->arena, _("cannot read %s: %s"), path, strerror(errno));
    return -1;
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
      return -1;
    }
  }
  char real[PATH_MAX];
  if (!realpath(path, real)) {
    *why = jx_arena_printf(ctx->arena, _("cannot read %s: %s"), path, strerror(errno));
    return -1;
  }
  int seen = seen_index(ld, real);
  if (seen >= 0) return seen;
  allow_folder(ld, dir_of(ctx->arena, real));
  return load(ld, path, real, why);
}

/* The document's files by file index (and whether each was walked), so
 * that following an import costs one lookup, not a scan of the files. */
typedef struct walker {
  const jx_file **by_id;
  unsigned char *visited;
  int n;
  jx_item_fn fn;
  void *data;
} walker;

static void walk(walker *w, const jx_file *f) {
  if (w->visited[f->file]) return;
  w->visited[f->file] = 1;
  for (size_t i = 0; i < f->items.len; i++) {
    jx_node *n = f->items.items[i];
    if (n->kind == JX_NODE_IMPORT) {
      const jx_text_item *imp = (const jx_text_item *)n;
      int id = imp->resolved_file;
      if (id >= 0 && id < w->n && w->by_id[id]) walk(w, w->by_id[id]);
      continue;
    }
    w->fn(n, f, w->data);
  }
}

void jx_document_items(const jx_document *doc, jx_item_fn fn, void *data) {
  if (!doc->files.len) return;
  walker w = {.fn = fn, .data = data};
  for (size_t i = 0; i < doc->files.len; i++) {
    const jx_file *f = doc->files.items[i];
    if (f->file >= w.n) w.n = f->file + 1;
  }
  w.by_id = calloc((size_t)w.n, sizeof *w.by_id);
  w.visited = calloc((size_t)w.n, 1);
  if (!w.by_id || !w.visited) abort();
  for (size_t i = 0; i < doc->files.len; i++) {
    const jx_file *f = doc->files.items[i];
    w.by_id[f->file] = f;
  }
  for (size_t i = 0; i < doc->roots.len; i++) walk(&w, doc->roots.items[i]);
  free(w.by_id);
  free(w.visited);
}
