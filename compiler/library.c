#include <config.h>

#include "library.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "relocate.h"

static bool has_units(jx_ctx *ctx, const char *dir) {
  const char *p = jx_arena_printf(ctx->arena, "%s/units.jx", dir);
  return access(p, R_OK) == 0;
}

/* The installed data folder `dir` where it lies relative to the running
 * program (relocate.h), in the arena; NULL where that is unknown. */
static const char *beside_program(jx_ctx *ctx, const char *dir) {
  char moved[4096];
  return jx_relocate(dir, moved, sizeof moved) ? jx_arena_strdup(ctx->arena, moved) : NULL;
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
