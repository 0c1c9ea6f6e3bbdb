#include <config.h>

#include "library.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static bool has_units(jx_ctx *ctx, const char *dir) {
  const char *p = jx_arena_printf(ctx->arena, "%s/units.jx", dir);
  return access(p, R_OK) == 0;
}

/* The installed data folder `dir` as seen from where the running program
 * is: dir's path relative to the configured bindir, applied to the folder
 * of /proc/self/exe. A program installed in PREFIX/bin then finds
 * PREFIX/share/jixiao whatever PREFIX was at configure time: after make
 * install prefix=…, DESTDIR=…, stow, or moving the tree. NULL where the
 * program's path is unknown (no /proc). */
static const char *beside_program(jx_ctx *ctx, const char *dir) {
  char exe[4096];
  ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
  if (n <= 0) return NULL;
  exe[n] = '\0';
  /* The common leading folders of bindir and dir, and how many folders
   * bindir goes below them. */
  const char *bin = JX_BINDIR;
  size_t common = 0, i = 0;
  while (bin[i] && bin[i] == dir[i]) {
    if (bin[i] == '/') common = i;
    i++;
  }
  if (!bin[i] && (dir[i] == '/' || !dir[i])) common = i;
  int up = 0;
  for (const char *p = bin + common; *p; p++)
    if (*p == '/' && p[1] && p[1] != '/') up++;
  /* The program's folder, then up that many. */
  char *slash = strrchr(exe, '/');
  if (!slash) return NULL;
  *slash = '\0';
  for (; up > 0; up--) {
    slash = strrchr(exe, '/');
    if (!slash) return NULL;
    *slash = '\0';
  }
  return jx_arena_printf(ctx->arena, "%s%s", exe, dir + common);
}

const char *jx_stdlib_dir(jx_ctx *ctx) {
  const char *env = getenv("JIXIAO_STDLIB");
  if (env && *env) return has_units(ctx, env) ? env : NULL;
  const char *moved = beside_program(ctx, JX_STDLIB_INSTALLED);
  if (moved && has_units(ctx, moved)) return moved;
  if (has_units(ctx, JX_STDLIB_INSTALLED)) return JX_STDLIB_INSTALLED;
  if (has_units(ctx, JX_STDLIB_SOURCE)) return JX_STDLIB_SOURCE;
  return NULL;
}

const char *jx_schema_path(jx_ctx *ctx) {
  const char *dirs[] = {getenv("JIXIAO_SCHEMA"), beside_program(ctx, JX_SCHEMA_INSTALLED),
                        JX_SCHEMA_INSTALLED, JX_SCHEMA_SOURCE};
  for (size_t i = 0; i < sizeof dirs / sizeof dirs[0]; i++) {
    if (!dirs[i] || !*dirs[i]) continue;
    const char *p = jx_arena_printf(ctx->arena, "%s/jixiao-1.xsd", dirs[i]);
    if (access(p, R_OK) == 0) return p;
    if (i == 0) return NULL; /* an explicit setting is not second-guessed */
  }
  return NULL;
}

struct define_ctx {
  jx_ctx *ctx;
  jx_library *lib;
};

static void define(jx_node *item, const jx_file *file, void *data) {
  (void)file;
  struct define_ctx *d = data;
  jx_units_define(d->ctx, &d->lib->units, item);
  jx_frameworks_define(d->ctx, &d->lib->frameworks, item);
  jx_sources_define(d->ctx, &d->lib->sources, item);
}

bool jx_library_load(jx_ctx *ctx, const char *dir, jx_library *lib,
                     const char **why) {
  memset(lib, 0, sizeof *lib);
  static const char *const files[] = {"units.jx", "frameworks.jx", "sources.jx"};
  for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
    const char *path = jx_arena_printf(ctx->arena, "%s/%s", dir, files[i]);
    jx_document *doc = jx_document_load(ctx, path, why);
    if (!doc) return false;
    struct define_ctx d = {ctx, lib};
    jx_document_items(doc, define, &d);
  }
  return true;
}

jx_library jx_library_for_document(jx_ctx *ctx, const jx_library *base,
                                   const jx_document *doc) {
  jx_library lib;
  lib.units = jx_units_copy(ctx->arena, &base->units);
  lib.frameworks.defs = jx_list_copy(ctx->arena, &base->frameworks.defs);
  lib.frameworks.lower_is_better =
      jx_list_copy(ctx->arena, &base->frameworks.lower_is_better);
  lib.frameworks.ratio_names = jx_list_copy(ctx->arena, &base->frameworks.ratio_names);
  lib.frameworks.not_ratio_names =
      jx_list_copy(ctx->arena, &base->frameworks.not_ratio_names);
  lib.sources.defs = jx_list_copy(ctx->arena, &base->sources.defs);
  struct define_ctx d = {ctx, &lib};
  jx_document_items(doc, define, &d);
  return lib;
}
