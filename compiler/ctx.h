/* The compilation context: owns every source file, AST node, string and
 * diagnostic of one run. Nothing in libjixiao keeps global mutable state, so
 * several contexts can live side by side (the year-over-year diff needs two). */
#ifndef JX_CTX_H
#define JX_CTX_H

#include "arena.h"
#include "source.h"

typedef struct jx_ctx {
  jx_arena *arena;     /* owns all AST nodes, strings and diagnostics */
  jx_list sources;     /* jx_source *, indexed by jx_loc.file */
  jx_list diags;       /* jx_diag *, in the order they were reported */
  int nerrors, nwarnings;
  /* Folders besides each root file's own from which 导入 may read (jxc -I);
   * const char * in the arena. */
  jx_list import_dirs;
  /* Whether jx_diag_print colours its text with ANSI escapes (set by the
   * caller: jxc from --color, NO_COLOR and whether stderr is a terminal). */
  bool color;
  /* Whether loading a document keeps to the calling thread; by default a
   * second thread reads and parses imported files ahead (readahead.h),
   * with the same result. */
  bool single_thread;
  /* Whether a document read one file at a time (jx_document_stream,
   * jx_check_path) keeps each imported file's text only while its tree
   * lives, and after it only when a diagnostic points into it: a
   * province's check then holds an outline, not 100 MB of source. Before
   * printing diagnostics, jx_sources_restore reads again the files they
   * point into. Off by default: a library caller may want every text. */
  bool release_sources;
} jx_ctx;

/* Caller frees with jx_ctx_free, which releases everything the ctx owns. */
jx_ctx *jx_ctx_new(void);
void jx_ctx_free(jx_ctx *ctx);

static inline const jx_source *jx_ctx_source(const jx_ctx *ctx, int file) {
  return (const jx_source *)ctx->sources.items[file];
}

#endif
