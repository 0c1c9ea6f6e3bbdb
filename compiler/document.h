/* A document: a root file and every file it imports, parsed. */
#ifndef JX_DOCUMENT_H
#define JX_DOCUMENT_H

#include "ast.h"
#include "ctx.h"

typedef struct jx_document {
  jx_list files; /* jx_file *: each root, then its imports depth-first */
  jx_list roots; /* jx_file *: the files named by the user, in order */
} jx_document;

/* Loads path (a .jx file, or a directory whose main.jx is the root) and all
 * files it imports, reporting problems inside them into ctx. Returns NULL when
 * path itself cannot be read, with a sentence saying why in *why (arena). */
jx_document *jx_document_load(jx_ctx *ctx, const char *path, const char **why);

/* One document made of several root files, read in order (jxc build). */
jx_document *jx_document_load_all(jx_ctx *ctx, char *const *paths, int n,
                                  const char **why);

/* Reads the document at path one file at a time, for passes that need no
 * more than one file's tree at once (syntax, formatting, the AST dump):
 * each file is parsed, fn (when not NULL) sees it, and its tree is freed
 * before the next file is read, so the memory is the largest file's tree
 * rather than the whole document's. Files come in the order of
 * jx_document.files (a root, then its imports depth-first); problems go to
 * ctx as with jx_document_load. Returns false when path itself cannot be
 * read, with why as there. */
typedef void (*jx_file_fn)(const jx_file *file, void *data);
bool jx_document_stream(jx_ctx *ctx, const char *path, jx_file_fn fn, void *data,
                        const char **why);

/* jx_document_stream with more to say:
 * - imports (when not NULL) is told, after the files a file imports were
 *   read, of that file's 导入 lines, each with resolved_file set: items
 *   holds them in order (among other items, which it passes over);
 * - keep_root: the root's tree is not freed but stays (in the ctx's arena)
 *   until the ctx is freed, for a pass that reads the root's header while
 *   it sees the other files (jxc check);
 * - import_done (when not NULL) is told when each 导入 line has been dealt
 *   with, in the order the lines stand (after fn for the file it read, and
 *   everything under it, if it read one): with fn it retraces the reading,
 *   so that another thread can follow the document in its order;
 * - stop (when not NULL): once the callbacks set *stop, no further file is
 *   read (a pass that finds it needs the whole document). */
typedef void (*jx_imports_fn)(int file, const jx_list *items, void *data);
typedef struct jx_stream {
  jx_file_fn fn;
  jx_imports_fn imports;
  void (*import_done)(void *data);
  void *data;
  bool keep_root;
  const bool *stop;
  /* Each imported file's text is kept only while its tree lives, and
   * after it only when a diagnostic points into it (ctx.h,
   * release_sources). */
  bool release_text;
} jx_stream;
bool jx_document_stream_with(jx_ctx *ctx, const char *path, const jx_stream *s,
                             const char **why);

/* Calls fn for every item of every file in document order: an import is
 * replaced by the items of the file it names, where it stands, so projects
 * come out in the order a reader of the whole document meets them. */
typedef void (*jx_item_fn)(jx_node *item, const jx_file *file, void *data);
void jx_document_items(const jx_document *doc, jx_item_fn fn, void *data);

#endif
