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
#include "readahead.h"
#include "strmap.h"

struct loader {
  jx_ctx *ctx;
  jx_document *doc;   /* NULL when streaming */
  jx_arena *scratch;  /* streaming: each file's tree, reset after it */
  jx_file_fn fn;      /* streaming: sees each file while its tree lives */
  jx_imports_fn imports; /* streaming: told of each file's resolved imports */
  void (*import_done)(void *data); /* streaming: after each import line */
  void *data;
  bool keep_root;     /* streaming: the root's tree is not reset */
  bool release_text;  /* streaming: imported files' texts go with their trees */
  const bool *stop;   /* streaming: read no further file once true */
  jx_list real_paths; /* char *, one per file read, in order */
  jx_list ids;        /* the file index of each (intptr_t), parallel */
  jx_strmap by_path;  /* real path -> 1 + its index in real_paths */
  jx_list stack;      /* char *, real paths of files being loaded */
  jx_list allowed;    /* char *, real folders imports may read from */
  jx_readahead *ahead; /* reads imports ahead on a second thread, or NULL */
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

static int load(struct loader *ld, const char *path, const char *real, long ticket,
                const char **why);

static int file_id(const struct loader *ld, int seen) {
  return (int)(intptr_t)ld->ids.items[seen];
}

/* An import line, resolved: what it names and whether it may be read. */
typedef struct import {
  jx_text_item *item;
  const char *path;    /* joined to the importing file's folder */
  const char *real;    /* resolved, when it exists */
  const char *problem; /* why it cannot be read (J020), or NULL */
  bool not_source;     /* J022: not a .jx file */
  bool outside;        /* J022: outside the document's folders */
  long ticket;         /* read ahead under this ticket, or -1 */
  int index;           /* the file index it is read ahead as */
} import;

static import resolve(struct loader *ld, const char *base, jx_text_item *imp) {
  import r = {.item = imp, .ticket = -1};
  r.path = join(ld->ctx->arena, base, imp->text.text);
  char real[PATH_MAX];
  struct stat st;
  if (!realpath(r.path, real) || stat(real, &st) != 0) {
    r.problem = strerror(errno);
    return r;
  }
  if (!S_ISREG(st.st_mode)) {
    r.problem = _("it is not a regular file");
    return r;
  }
  r.real = jx_arena_strdup(ld->ctx->arena, real);
  /* A document reads only what it is entitled to: jixiao source inside its
   * own folder tree (or a folder given with -I), so an import can neither
   * read nor echo other files of the machine. */
  r.not_source = !has_jx_extension(r.real);
  r.outside = !r.not_source && !allowed(ld, r.real);
  return r;
}

/* Queues the imports that will be read next (those that exist, may be read
 * and are not read yet) to be read ahead, each as the file index it gets if
 * every one before it is a file without imports of its own. */
static void read_ahead(struct loader *ld, import *imports, size_t n) {
  if (!ld->ahead) return;
  jx_strmap queued = {0};
  int index = (int)ld->ctx->sources.len;
  for (size_t i = 0; i < n; i++) {
    import *r = &imports[i];
    if (r->problem || r->not_source || r->outside || seen_index(ld, r->real) >= 0 ||
        find(&ld->stack, r->real) >= 0)
      continue;
    void **slot = jx_strmap_slot(ld->ctx->arena, &queued, r->real, strlen(r->real));
    if (*slot) continue;
    *slot = r;
    r->index = index++;
    r->ticket = (long)jx_readahead_queue(ld->ahead, r->path, r->index);
  }
}

static void drop_tickets(struct loader *ld, import *imports, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (imports[i].ticket >= 0) {
      jx_readahead_drop(ld->ahead, (size_t)imports[i].ticket);
      imports[i].ticket = -1;
    }
}

/* Deals with the i-th of a file's n imports: reads the file it names, or
 * says why not. */
static void load_import(struct loader *ld, import *imports, size_t n, size_t i) {
  import *r = &imports[i];
  jx_text_item *imp = r->item;
  if (r->problem) {
    jx_diag *d = jx_report(ld->ctx, JX_SEV_ERROR, "J020", imp->text.loc,
                           "The imported file %s cannot be read: %s.", r->path,
                           r->problem);
    jx_diag_hint(ld->ctx, d, "Import paths are relative to the importing "
                             "file's folder; check the name and the folder.");
    return;
  }
  if (r->not_source || r->outside) {
    jx_diag *d = jx_report(ld->ctx, JX_SEV_ERROR, "J022", imp->text.loc,
                           r->not_source
                               ? N_("The import %s was not read: it does not name a "
                                 "jixiao source file (.jx).")
                               : N_("The import %s was not read: it lies outside the "
                                 "document's folder."),
                           imp->text.text);
    jx_diag_hint(ld->ctx, d, r->not_source
                                 ? N_("Import only .jx files that belong to the document.")
                                 : N_("Keep the document's files in its folder, or "
                                   "name the other folder with jxc -I FOLDER."));
    return;
  }
  if (find(&ld->stack, r->real) >= 0) {
    jx_diag *d = jx_report(ld->ctx, JX_SEV_ERROR, "J021", imp->text.loc,
                           "This import reads %s again while it is still being "
                           "read: the files import each other in a circle.", r->path);
    jx_diag_hint(ld->ctx, d, "Remove this import, or the import in %s that leads "
                             "back to this file.", r->path);
    return;
  }
  int seen = seen_index(ld, r->real);
  if (seen >= 0) {
    imp->resolved_file = file_id(ld, seen);
    return;
  }
  const char *why = NULL;
  long ticket = r->ticket;
  r->ticket = -1;
  int child = load(ld, r->path, r->real, ticket, &why);
  if (child >= 0) {
    imp->resolved_file = file_id(ld, child);
  } else {
    jx_diag *d = jx_report(ld->ctx, JX_SEV_ERROR, "J020", imp->text.loc,
                           "The imported file %s: %s.", r->path, why);
    jx_diag_hint(ld->ctx, d, "Check that the file can be read (its permissions) "
                             "and run again.");
  }
  /* A file with imports of its own (or one that could not be read) moves
   * the indexes of the files after it: read those ahead again. */
  size_t next = i + 1;
  while (next < n && imports[next].ticket < 0) next++;
  if (next < n && imports[next].index != (int)ld->ctx->sources.len) {
    drop_tickets(ld, imports + next, n - next);
    read_ahead(ld, imports + next, n - next);
  }
}

/* Reads the files that the 导入 lines among items (of file) name. */
static void load_imports(struct loader *ld, int file, const jx_list *items) {
  const char *base = dir_of(ld->ctx->arena, jx_ctx_source(ld->ctx, file)->path);
  size_t n = 0;
  for (size_t i = 0; i < items->len; i++)
    if (((jx_node *)items->items[i])->kind == JX_NODE_IMPORT) n++;
  if (!n) return;
  import *imports = jx_arena_alloc(ld->ctx->arena, n * sizeof *imports);
  n = 0;
  for (size_t i = 0; i < items->len; i++) {
    jx_node *node = items->items[i];
    if (node->kind == JX_NODE_IMPORT) imports[n++] = resolve(ld, base, (jx_text_item *)node);
  }
  read_ahead(ld, imports, n);
  for (size_t i = 0; i < n; i++) {
    if (ld->stop && *ld->stop) break;
    load_import(ld, imports, n, i);
    if (ld->import_done) ld->import_done(ld->data);
  }
  /* Read ahead for nothing: another import read the same file first. */
  drop_tickets(ld, imports, n);
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

/* Reads path as a source of the ctx whose text is in the scratch arena,
 * to be released before that is reset. Returns its index or -1. */
static int read_into_scratch(struct loader *ld, const char *path, const char **why) {
  jx_source src;
  if (!jx_source_read(ld->scratch, path, &src, why)) {
    *why = jx_arena_strdup(ld->ctx->arena, *why);
    return -1;
  }
  return jx_source_adopt(ld->ctx, &src, true);
}

/* Reads and parses a file (or takes it as read ahead under ticket), then
 * the files it imports. Returns its index in ld->real_paths (and
 * ld->doc->files), or -1 with *why. */
static int load(struct loader *ld, const char *path, const char *real, long ticket,
                const char **why) {
  jx_ctx *ctx = ld->ctx;
  jx_readahead_file *rf =
      ticket < 0 ? NULL : jx_readahead_take(ld->ahead, (size_t)ticket, (int)ctx->sources.len);
  /* The root is never read ahead (it has no ticket). */
  bool keep = ld->keep_root && !ld->stack.len;
  /* The text of an imported file then lives as long as its tree, in the
   * reader's arena or the scratch one, and is released with it. */
  bool release = ld->scratch && ld->release_text && ld->stack.len;
  int id;
  jx_file *f;
  if (rf) {
    if (!rf->ok) {
      *why = jx_arena_strdup(ctx->arena, rf->why);
      jx_readahead_release(ld->ahead, rf);
      return -1;
    }
    id = jx_readahead_adopt(ctx, rf, release);
    f = rf->file;
  } else {
    id = release ? read_into_scratch(ld, path, why) : jx_source_load(ctx, path, why);
    if (id < 0) return -1;
    f = jx_parse_in(ctx, id, ld->scratch && !keep ? ld->scratch : ctx->arena);
  }
  int idx = (int)ld->real_paths.len;
  char *r = jx_arena_strdup(ctx->arena, real);
  jx_list_push(ctx->arena, &ld->real_paths, r);
  *jx_strmap_slot(ctx->arena, &ld->by_path, r, strlen(r)) = (void *)(intptr_t)(idx + 1);
  jx_list_push(ctx->arena, &ld->ids, (void *)(intptr_t)id);
  jx_list_push(ctx->arena, &ld->stack, r);
  if (ld->scratch && keep) {
    if (ld->fn) ld->fn(f, ld->data);
    load_imports(ld, id, &f->items);
    if (ld->imports) ld->imports(id, &f->items, ld->data);
  } else if (ld->scratch) {
    if (ld->fn) ld->fn(f, ld->data);
    /* Even a file with findings lets its text go: most findings of a
     * province are accepted by 允许 lines, which may stand in any later
     * file; those that are printed have their files read again. */
    if (release) jx_source_release(ctx, id);
    jx_list imports = copy_imports(ctx, f);
    if (rf)
      jx_readahead_release(ld->ahead, rf);
    else
      jx_arena_reset(ld->scratch);
    load_imports(ld, id, &imports);
    if (ld->imports) ld->imports(id, &imports, ld->data);
  } else {
    /* The tree stays (a read-ahead one in the reader's arena, handed
     * over when the document is loaded); the source was copied. */
    if (rf) jx_readahead_release(ld->ahead, rf);
    jx_list_push(ctx->arena, &ld->doc->files, f);
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
  ld.ahead = ctx->single_thread ? NULL : jx_readahead_new(true);
  for (size_t i = 0; i < ctx->import_dirs.len; i++) allow_folder(&ld, ctx->import_dirs.items[i]);
  jx_document *doc = ld.doc;
  for (int i = 0; i < n && doc; i++) {
    int idx = load_root(&ld, paths[i], why);
    if (idx < 0)
      doc = NULL;
    else
      jx_list_push(ctx->arena, &doc->roots, doc->files.items[idx]);
  }
  jx_readahead_finish(ld.ahead, ctx->arena);
  return doc;
}

bool jx_document_stream(jx_ctx *ctx, const char *path, jx_file_fn fn, void *data,
                        const char **why) {
  jx_stream s = {.fn = fn, .data = data, .release_text = ctx->release_sources};
  return jx_document_stream_with(ctx, path, &s, why);
}

bool jx_document_stream_with(jx_ctx *ctx, const char *path, const jx_stream *s,
                             const char **why) {
  struct loader ld = {.ctx = ctx, .fn = s->fn, .imports = s->imports,
                      .import_done = s->import_done, .data = s->data,
                      .keep_root = s->keep_root, .stop = s->stop,
                      .release_text = s->release_text};
  ld.scratch = jx_arena_new();
  if (!ld.scratch) {
    *why = _("out of memory");
    return false;
  }
  ld.ahead = ctx->single_thread ? NULL : jx_readahead_new(false);
  for (size_t i = 0; i < ctx->import_dirs.len; i++) allow_folder(&ld, ctx->import_dirs.items[i]);
  int idx = load_root(&ld, path, why);
  jx_readahead_finish(ld.ahead, NULL);
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
  return load(ld, path, real, -1, why);
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
